// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishhistory.h"

#include "jsonfilestore.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

namespace Settings {

namespace {

const QString FileName = QStringLiteral("history.json");
const QString FormatKey = QStringLiteral("shadowscopeHistory");
const QString EntriesKey = QStringLiteral("entries");
const int FormatVersion = 1;

} // namespace

PublishHistory::PublishHistory(QString directory, QObject *parent)
    : QObject(parent)
    , m_directory(JsonFileStore::resolveDirectory(directory, QStringLiteral("publish")))
{
    const QString path = m_directory + u'/' + FileName;
    if (!QFileInfo::exists(path))
        return;
    const std::optional<QJsonObject> json = JsonFileStore::read(path);
    if (!json)
        return;
    if (json->value(FormatKey).toInt() != FormatVersion || !json->value(EntriesKey).isArray()) {
        qWarning("Skipping %s: not a Shadowscope publish history", qUtf8Printable(path));
        return;
    }
    const QJsonArray entries = json->value(EntriesKey).toArray();
    for (const QJsonValue &value : entries) {
        const QJsonObject object = value.toObject();
        std::optional<Publish::Draft> draft
            = Publish::Draft::fromJson(object.value(QLatin1String("draft")).toObject());
        const QDateTime sentAt
            = JsonFileStore::timeFromJson(object.value(QLatin1String("sentAt")).toString());
        if (!draft || !sentAt.isValid()) {
            qWarning("Skipping an entry of %s that does not parse", qUtf8Printable(path));
            continue;
        }
        m_entries.append({ std::move(*draft), sentAt });
        if (m_entries.size() == MaxEntries)
            break;
    }
}

PublishHistory::~PublishHistory() = default;

void PublishHistory::add(const Publish::Draft &draft, const QDateTime &sentAt)
{
    m_entries.prepend({ draft, sentAt.toUTC() });
    if (m_entries.size() > MaxEntries)
        m_entries.resize(MaxEntries);
    write();
    Q_EMIT changed();
}

void PublishHistory::clear()
{
    m_entries.clear();
    write();
    Q_EMIT changed();
}

QStringList PublishHistory::topics() const
{
    QStringList topics;
    QSet<QString> seen;
    for (const Entry &entry : m_entries) {
        if (!seen.contains(entry.draft.topic)) {
            seen.insert(entry.draft.topic);
            topics.append(entry.draft.topic);
        }
    }
    return topics;
}

void PublishHistory::write() const
{
    QJsonArray entries;
    for (const Entry &entry : m_entries) {
        entries.append(
            QJsonObject { { QStringLiteral("sentAt"), JsonFileStore::timeToJson(entry.sentAt) },
                          { QStringLiteral("draft"), entry.draft.toJson() } });
    }
    const QJsonObject json { { FormatKey, FormatVersion }, { EntriesKey, entries } };
    QString error;
    if (!JsonFileStore::write(m_directory, FileName, json, &error))
        qWarning("The publish history is kept for this session only: %s", qUtf8Printable(error));
}

} // namespace Settings
