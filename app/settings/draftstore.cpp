// SPDX-License-Identifier: GPL-3.0-or-later
#include "draftstore.h"

#include "jsonfilestore.h"

#include <QFileInfo>

#include <algorithm>
#include <tuple>

namespace Settings {

namespace {

const QString Kind = QStringLiteral("shadowscope-draft");
const int FormatVersion = 1;

QString fileName(const QString &connectionKey, const QString &thingName, const QString &shadowName)
{
    return JsonFileStore::fileName(connectionKey, { thingName, shadowName });
}

QJsonObject toJson(const Draft &draft)
{
    return {
        { QStringLiteral("kind"), Kind },
        { QStringLiteral("format"), FormatVersion },
        { QStringLiteral("connectionKey"), draft.connectionKey },
        { QStringLiteral("thingName"), draft.thingName },
        { QStringLiteral("shadowName"), draft.shadowName },
        { QStringLiteral("mode"), draft.mode },
        { QStringLiteral("text"), draft.text },
        { QStringLiteral("baseVersion"), draft.baseVersion },
        { QStringLiteral("baseState"), draft.baseState },
        { QStringLiteral("savedAt"), JsonFileStore::timeToJson(draft.savedAt) },
    };
}

std::optional<Draft> fromJson(const QString &path)
{
    const std::optional<QJsonObject> json = JsonFileStore::read(path);
    if (!json)
        return std::nullopt;
    const auto field = [&json](const char *key) { return json->value(QLatin1String(key)); };
    Draft draft;
    draft.connectionKey = field("connectionKey").toString();
    draft.thingName = field("thingName").toString();
    draft.shadowName = field("shadowName").toString();
    draft.mode = field("mode").toString();
    draft.text = field("text").toString();
    draft.baseVersion = field("baseVersion").toInteger(-1);
    draft.baseState = field("baseState").toObject();
    draft.savedAt = JsonFileStore::timeFromJson(field("savedAt").toString());
    const bool valid = field("kind").toString() == Kind && field("format").toInt() == FormatVersion
        && !draft.connectionKey.isEmpty() && !draft.thingName.isEmpty()
        && field("shadowName").isString() && field("text").isString() && draft.baseVersion >= 0
        && field("baseState").isObject() && draft.savedAt.isValid();
    if (!valid) {
        qWarning("Skipping %s: not a Shadowscope draft", qUtf8Printable(path));
        return std::nullopt;
    }
    return draft;
}

} // namespace

DraftStore::DraftStore(QString directory, QObject *parent)
    : QObject(parent)
    , m_directory(JsonFileStore::resolveDirectory(directory, QStringLiteral("drafts")))
{
}

DraftStore::~DraftStore() = default;

bool DraftStore::save(const Draft &draft, QString *error)
{
    if (draft.connectionKey.isEmpty() || draft.thingName.isEmpty()) {
        if (error)
            *error = tr("A draft needs a connection and a thing name.");
        return false;
    }
    Draft stored = draft;
    if (!stored.savedAt.isValid())
        stored.savedAt = QDateTime::currentDateTimeUtc();
    if (!JsonFileStore::write(m_directory,
                              fileName(draft.connectionKey, draft.thingName, draft.shadowName),
                              toJson(stored), error))
        return false;
    Q_EMIT changed();
    return true;
}

std::optional<Draft> DraftStore::load(const QString &connectionKey, const QString &thingName,
                                      const QString &shadowName) const
{
    const QString name = fileName(connectionKey, thingName, shadowName);
    if (!QFileInfo::exists(m_directory + u'/' + name))
        return std::nullopt;
    std::optional<Draft> draft = fromJson(m_directory + u'/' + name);
    if (draft
        && (draft->connectionKey != connectionKey || draft->thingName != thingName
            || draft->shadowName != shadowName)) {
        qWarning("Skipping %s: it holds the draft of another shadow", qUtf8Printable(name));
        return std::nullopt;
    }
    return draft;
}

void DraftStore::remove(const QString &connectionKey, const QString &thingName,
                        const QString &shadowName)
{
    if (JsonFileStore::remove(m_directory, fileName(connectionKey, thingName, shadowName)))
        Q_EMIT changed();
}

QList<Draft> DraftStore::drafts(const QString &connectionKey) const
{
    QList<Draft> drafts;
    const QStringList paths = JsonFileStore::files(m_directory, connectionKey);
    for (const QString &path : paths) {
        std::optional<Draft> draft = fromJson(path);
        if (draft && draft->connectionKey == connectionKey)
            drafts.append(std::move(*draft));
    }
    std::sort(drafts.begin(), drafts.end(), [](const Draft &a, const Draft &b) {
        return std::tie(a.savedAt, a.thingName, a.shadowName)
            < std::tie(b.savedAt, b.thingName, b.shadowName);
    });
    return drafts;
}

} // namespace Settings
