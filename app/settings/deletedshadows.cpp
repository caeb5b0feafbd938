// SPDX-License-Identifier: GPL-3.0-or-later
#include "deletedshadows.h"

#include "jsonfilestore.h"

#include <QFile>

#include <algorithm>
#include <tuple>
#include <utility>

namespace Settings {

namespace {

const QString Kind = QStringLiteral("shadowscope-deleted-shadow");
const int FormatVersion = 1;

QString fileName(const DeletedShadow &entry)
{
    return JsonFileStore::fileName(entry.connectionKey,
                                   { entry.thingName, entry.shadowName,
                                     QString::number(entry.version),
                                     JsonFileStore::timeToJson(entry.deletedAt) });
}

QJsonObject toJson(const DeletedShadow &entry)
{
    return {
        { QStringLiteral("kind"), Kind },
        { QStringLiteral("format"), FormatVersion },
        { QStringLiteral("connectionKey"), entry.connectionKey },
        { QStringLiteral("thingName"), entry.thingName },
        { QStringLiteral("shadowName"), entry.shadowName },
        { QStringLiteral("state"), entry.state },
        { QStringLiteral("version"), entry.version },
        { QStringLiteral("deletedAt"), JsonFileStore::timeToJson(entry.deletedAt) },
    };
}

std::optional<DeletedShadow> fromJson(const QString &path)
{
    const std::optional<QJsonObject> json = JsonFileStore::read(path);
    if (!json)
        return std::nullopt;
    const auto field = [&json](const char *key) { return json->value(QLatin1String(key)); };
    DeletedShadow entry;
    entry.connectionKey = field("connectionKey").toString();
    entry.thingName = field("thingName").toString();
    entry.shadowName = field("shadowName").toString();
    entry.state = field("state").toObject();
    entry.version = field("version").toInteger(-1);
    entry.deletedAt = JsonFileStore::timeFromJson(field("deletedAt").toString());
    const bool valid = field("kind").toString() == Kind && field("format").toInt() == FormatVersion
        && !entry.connectionKey.isEmpty() && !entry.thingName.isEmpty()
        && field("shadowName").isString() && field("state").isObject() && entry.version >= 0
        && entry.deletedAt.isValid();
    if (!valid) {
        qWarning("Skipping %s: not a Shadowscope deleted shadow", qUtf8Printable(path));
        return std::nullopt;
    }
    return entry;
}

bool newerFirst(const DeletedShadow &a, const DeletedShadow &b)
{
    return std::tie(b.deletedAt, b.version, a.thingName, a.shadowName)
        < std::tie(a.deletedAt, a.version, b.thingName, b.shadowName);
}

/** The readable entries of @p connectionKey in @p directory with their files, newest first. */
QList<std::pair<QString, DeletedShadow>> readEntries(const QString &directory,
                                                     const QString &connectionKey)
{
    QList<std::pair<QString, DeletedShadow>> entries;
    const QStringList paths = JsonFileStore::files(directory, connectionKey);
    for (const QString &path : paths) {
        std::optional<DeletedShadow> entry = fromJson(path);
        if (entry && entry->connectionKey == connectionKey)
            entries.append({ path, std::move(*entry) });
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto &a, const auto &b) { return newerFirst(a.second, b.second); });
    return entries;
}

} // namespace

DeletedShadows::DeletedShadows(QString directory, QObject *parent)
    : QObject(parent)
    , m_directory(JsonFileStore::resolveDirectory(directory, QStringLiteral("deleted")))
{
}

DeletedShadows::~DeletedShadows() = default;

bool DeletedShadows::add(const DeletedShadow &entry, QString *error)
{
    if (entry.connectionKey.isEmpty() || entry.thingName.isEmpty()) {
        if (error)
            *error = tr("A deleted shadow needs a connection and a thing name.");
        return false;
    }
    DeletedShadow stored = entry;
    if (!stored.deletedAt.isValid())
        stored.deletedAt = QDateTime::currentDateTimeUtc();
    if (!JsonFileStore::write(m_directory, fileName(stored), toJson(stored), error))
        return false;
    const auto kept = readEntries(m_directory, entry.connectionKey);
    for (qsizetype i = MaxEntries; i < kept.size(); ++i)
        QFile::remove(kept.at(i).first);
    Q_EMIT changed();
    return true;
}

QList<DeletedShadow> DeletedShadows::entries(const QString &connectionKey) const
{
    QList<DeletedShadow> entries;
    const auto read = readEntries(m_directory, connectionKey);
    entries.reserve(read.size());
    for (const auto &item : read)
        entries.append(item.second);
    return entries;
}

void DeletedShadows::remove(const DeletedShadow &entry)
{
    if (JsonFileStore::remove(m_directory, fileName(entry)))
        Q_EMIT changed();
}

} // namespace Settings
