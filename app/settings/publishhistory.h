// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "publishdraft.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Settings {

/**
 * The messages sent, newest first, capped at MaxEntries, kept across restarts in one JSON
 * file (history.json, written atomically) under AppDataLocation/publish (directory injectable
 * for tests). Payloads of File mode keep the path only. A history file that cannot be read is
 * left where it is (with a qWarning) and the history starts empty.
 */
class PublishHistory final : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxEntries = 100;

    /** One message sent: the draft given to add() (the caller chooses expanded or not) and when. */
    struct Entry
    {
        Publish::Draft draft;
        QDateTime sentAt; ///< UTC
        friend bool operator==(const Entry &, const Entry &) = default;
    };

    /** Reads @p directory/history.json (empty @p directory: AppDataLocation/publish). */
    explicit PublishHistory(QString directory = {}, QObject *parent = nullptr);
    ~PublishHistory() override;

    QString directory() const { return m_directory; }

    /** Newest first. */
    QList<Entry> entries() const { return m_entries; }
    /**
     * Puts @p draft first (the oldest beyond MaxEntries go) and writes the file; a failed write
     * is logged with qWarning and the entry is kept for this session. Emits changed().
     */
    void add(const Publish::Draft &draft,
             const QDateTime &sentAt = QDateTime::currentDateTimeUtc());
    /** Forgets every entry (and writes the empty history); emits changed(). */
    void clear();
    /** Distinct topics, most recent first. */
    QStringList topics() const;

Q_SIGNALS:
    /** An entry was added, or the history cleared. */
    void changed();

private:
    void write() const;

    QString m_directory;
    QList<Entry> m_entries;
};

} // namespace Settings
