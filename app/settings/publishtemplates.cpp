// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishtemplates.h"

#include "jsonfilestore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <variant>

namespace Settings {

namespace {

const QString FileName = QStringLiteral("templates.json");
const QString FormatKey = QStringLiteral("shadowscopeTemplates");
const QString TemplatesKey = QStringLiteral("templates");
const QString NameKey = QStringLiteral("name");
const int FormatVersion = 1;

QJsonObject toJson(const QMap<QString, Publish::Draft> &templates)
{
    QJsonArray array;
    for (auto it = templates.cbegin(); it != templates.cend(); ++it) {
        QJsonObject entry = it.value().toJson();
        entry.insert(NameKey, it.key());
        array.append(entry);
    }
    return { { FormatKey, FormatVersion }, { TemplatesKey, array } };
}

/** The templates of @p json, or an error for people naming the template that does not parse. */
std::variant<QMap<QString, Publish::Draft>, QString> fromJson(const QJsonObject &json)
{
    if (json.value(FormatKey).toInt() != FormatVersion || !json.value(TemplatesKey).isArray()) {
        return PublishTemplates::tr("It is not a Shadowscope templates file (\"%1\": %2 and a "
                                    "\"%3\" array are missing).")
            .arg(FormatKey)
            .arg(FormatVersion)
            .arg(TemplatesKey);
    }
    QMap<QString, Publish::Draft> templates;
    const QJsonArray array = json.value(TemplatesKey).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject entry = array.at(i).toObject();
        const QString name = entry.value(NameKey).toString().trimmed();
        std::optional<Publish::Draft> draft = Publish::Draft::fromJson(entry);
        if (!array.at(i).isObject() || name.isEmpty() || !draft) {
            return PublishTemplates::tr("Template %1%2 does not parse.")
                .arg(i + 1)
                .arg(name.isEmpty() ? QString() : QStringLiteral(" (\"%1\")").arg(name));
        }
        templates.insert(name, std::move(*draft));
    }
    return templates;
}

} // namespace

PublishTemplates::PublishTemplates(QString directory, QObject *parent)
    : QObject(parent)
    , m_directory(JsonFileStore::resolveDirectory(directory, QStringLiteral("publish")))
{
    const QString path = m_directory + u'/' + FileName;
    if (!QFileInfo::exists(path))
        return;
    const std::optional<QJsonObject> json = JsonFileStore::read(path);
    if (!json)
        return;
    auto templates = fromJson(*json);
    if (const QString *error = std::get_if<QString>(&templates)) {
        qWarning("Skipping %s: %s", qUtf8Printable(path), qUtf8Printable(*error));
        return;
    }
    m_templates = std::get<QMap<QString, Publish::Draft>>(std::move(templates));
}

PublishTemplates::~PublishTemplates() = default;

QStringList PublishTemplates::names() const
{
    QStringList names = m_templates.keys();
    std::stable_sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    return names;
}

std::optional<Publish::Draft> PublishTemplates::get(const QString &name) const
{
    const auto it = m_templates.constFind(name);
    if (it == m_templates.cend())
        return std::nullopt;
    return it.value();
}

bool PublishTemplates::save(const QString &name, const Publish::Draft &draft, QString *error)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        if (error)
            *error = tr("A template needs a name.");
        return false;
    }
    QMap<QString, Publish::Draft> templates = m_templates;
    templates.insert(trimmed, draft);
    if (!write(templates, error))
        return false;
    m_templates = std::move(templates);
    Q_EMIT changed();
    return true;
}

void PublishTemplates::remove(const QString &name)
{
    QMap<QString, Publish::Draft> templates = m_templates;
    if (templates.remove(name) == 0)
        return;
    QString error;
    if (!write(templates, &error)) {
        qWarning("The template %s could not be removed: %s", qUtf8Printable(name),
                 qUtf8Printable(error));
        return;
    }
    m_templates = std::move(templates);
    Q_EMIT changed();
}

bool PublishTemplates::exportTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(toJson(m_templates)).toJson()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

int PublishTemplates::importFrom(const QString &path, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return -1;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read %1: %2").arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(tr("%1 is not JSON: %2 at byte %3")
                        .arg(path, parseError.errorString())
                        .arg(parseError.offset + 1));
    }
    if (!document.isObject())
        return fail(tr("%1: %2").arg(path, tr("It is not a Shadowscope templates file.")));
    auto imported = fromJson(document.object());
    if (const QString *message = std::get_if<QString>(&imported))
        return fail(tr("%1: %2").arg(path, *message));
    const auto &drafts = std::get<QMap<QString, Publish::Draft>>(imported);
    if (drafts.isEmpty())
        return 0;
    QMap<QString, Publish::Draft> templates = m_templates;
    templates.insert(drafts);
    QString writeError;
    if (!write(templates, &writeError))
        return fail(writeError);
    m_templates = std::move(templates);
    Q_EMIT changed();
    return int(drafts.size());
}

bool PublishTemplates::write(const QMap<QString, Publish::Draft> &templates, QString *error) const
{
    return JsonFileStore::write(m_directory, FileName, toJson(templates), error);
}

} // namespace Settings
