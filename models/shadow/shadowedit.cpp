// SPDX-License-Identifier: GPL-3.0-or-later
#include "shadowedit.h"

#include "delta.h"
#include "mergepatch.h"

#include <QJsonDocument>
#include <QJsonValue>

namespace Shadow {

namespace {

const QString Desired = QStringLiteral("desired");
const QString Reported = QStringLiteral("reported");
const QString State = QStringLiteral("state");
const QString Version = QStringLiteral("version");
const QString ClientToken = QStringLiteral("clientToken");

// A state with its empty sections left out, as the service stores it.
QJsonObject withoutEmptySections(QJsonObject state)
{
    for (const QString &section : {Desired, Reported}) {
        if (state.value(section).toObject().isEmpty())
            state.remove(section);
    }
    return state;
}

// The state an update document leads to: each section merged (null clears it), or both
// cleared by "state": null.
QJsonObject mergeUpdate(const QJsonObject &state, const QJsonObject &update)
{
    const QJsonValue patch = update.value(State);
    if (patch.isNull())
        return {};
    QJsonObject result = state;
    const QJsonObject sections = patch.toObject();
    for (const QString &section : {Desired, Reported}) {
        if (!sections.contains(section))
            continue;
        const QJsonValue value = sections.value(section);
        if (value.isObject())
            result.insert(section, applyMergePatch(state.value(section).toObject(), value.toObject()));
        else
            result.remove(section);
    }
    return withoutEmptySections(result);
}

} // namespace

QString editModeKey(EditMode mode)
{
    switch (mode) {
    case EditMode::Desired:
        return Desired;
    case EditMode::Reported:
        return Reported;
    case EditMode::Update:
        return QStringLiteral("update");
    }
    return {};
}

std::optional<EditMode> editModeFromKey(const QString &key)
{
    for (EditMode mode : {EditMode::Desired, EditMode::Reported, EditMode::Update}) {
        if (editModeKey(mode) == key)
            return mode;
    }
    return std::nullopt;
}

EditBase editBaseOf(const std::optional<Iot::ShadowDocument> &document)
{
    EditBase base;
    if (!document)
        return base;
    base.state = withoutEmptySections({{Desired, document->desired}, {Reported, document->reported}});
    base.version = document->version;
    return base;
}

std::optional<StoredState> storedStateOf(const EditBase &base)
{
    if (!base.exists())
        return std::nullopt;
    StoredState state;
    state.desired = base.state.value(Desired).toObject();
    state.reported = base.state.value(Reported).toObject();
    state.version = base.version;
    return state;
}

QJsonObject initialObject(const EditBase &base, EditMode mode)
{
    switch (mode) {
    case EditMode::Desired:
        return base.state.value(Desired).toObject();
    case EditMode::Reported:
        return base.state.value(Reported).toObject();
    case EditMode::Update:
        return QJsonObject{{State, QJsonObject{{Desired, QJsonObject{}}}}};
    }
    return {};
}

QJsonObject updateDocumentBetween(const QJsonObject &from, const QJsonObject &to)
{
    QJsonObject sections;
    for (const QString &section : {Desired, Reported}) {
        const QJsonObject before = from.value(section).toObject();
        const QJsonObject after = to.value(section).toObject();
        const QJsonObject patch = createMergePatch(before, after);
        if (!patch.isEmpty())
            sections.insert(section, patch);
    }
    return QJsonObject{{State, sections}};
}

PreparedUpdate prepareUpdate(const EditBase &base, EditMode mode, const QJsonObject &edited,
                             const QString &clientToken)
{
    PreparedUpdate update;
    QJsonObject document;
    if (mode == EditMode::Update) {
        document = edited;
    } else {
        const QString section = mode == EditMode::Desired ? Desired : Reported;
        QJsonObject target = base.state;
        target.insert(section, edited);
        document = updateDocumentBetween(base.state, target);
    }
    if (!document.contains(Version) && base.exists())
        document.insert(Version, base.version);
    if (!document.contains(ClientToken) && !clientToken.isEmpty())
        document.insert(ClientToken, clientToken);

    update.document = document;
    update.body = QJsonDocument(document).toJson(QJsonDocument::Compact);
    update.mine = mergeUpdate(withoutEmptySections(base.state), document);
    update.changesNothing = jsonEqual(update.mine, withoutEmptySections(base.state))
        && !document.value(State).isNull();
    return update;
}

} // namespace Shadow
