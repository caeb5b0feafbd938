// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

namespace Settings {

/** A local copy of a shadow as it was when the user deleted it, to re-create it from. */
struct DeletedShadow
{
    QString connectionKey, thingName, shadowName; ///< shadowName empty: classic
    QJsonObject state; ///< {"desired":…,"reported":…} as it was when deleted
    qint64 version = 0; ///< the deleted document's version
    QDateTime deletedAt; ///< UTC
    friend bool operator==(const DeletedShadow &, const DeletedShadow &) = default;
};

/**
 * "Recently deleted": the local copies of deleted shadows, per connection, at most
 * MaxEntries per connection (adding one more forgets the oldest). Stored as DraftStore stores
 * drafts: one JSON file per entry under a directory (default: QStandardPaths::AppDataLocation
 * + "/deleted"), named by a hash, written atomically; unreadable files are skipped and
 * logged, never deleted.
 * @see Settings::DraftStore
 */
class DeletedShadows final : public QObject
{
    Q_OBJECT
public:
    /** Per connection; the oldest go first. */
    static constexpr int MaxEntries = 50;

    /** Keeps its files in @p directory (created on the first add); empty: the default. */
    explicit DeletedShadows(QString directory = {}, QObject *parent = nullptr);
    ~DeletedShadows() override;

    QString directory() const { return m_directory; }

    /**
     * Keeps @p entry (its deletedAt set to now, UTC, if not valid), then forgets the oldest
     * entries of its connection beyond MaxEntries. The same shadow deleted twice is kept
     * twice (an entry is one connection, thing, shadow, version and time). On failure
     * returns false and sets @p error (if given) to a sentence for people. Emits changed().
     */
    bool add(const DeletedShadow &entry, QString *error = nullptr);
    /** Every readable entry of @p connectionKey, newest first. */
    QList<DeletedShadow> entries(const QString &connectionKey) const;
    /** Forgets @p entry (as entries() returned it); emits changed() if it was kept. */
    void remove(const DeletedShadow &entry);

Q_SIGNALS:
    /** An entry was added or removed. */
    void changed();

private:
    QString m_directory;
};

} // namespace Settings
