// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace Settings {

/** An unsaved edit of one shadow, kept so that neither a crash nor a closed window loses it. */
struct Draft
{
    QString connectionKey; ///< Settings::ConnectionChoice::key() of the connection
    QString thingName;
    QString shadowName; ///< empty: classic
    QString mode; ///< "desired", "reported" or "update"
    QString text; ///< exactly what the user typed (may be invalid JSON)
    qint64 baseVersion = 0; ///< the version the edit started from (0: the shadow did not exist)
    QJsonObject baseState; ///< {"desired":…,"reported":…} at baseVersion (for a 3-way merge)
    QDateTime savedAt; ///< UTC
    friend bool operator==(const Draft &, const Draft &) = default;
};

/**
 * Crash-safe drafts of unsaved shadow edits: one JSON file per (connection, thing, shadow)
 * under directory() (default: QStandardPaths::AppDataLocation + "/drafts"), named by a hash
 * of the three so any name is a safe file name, and written atomically with QSaveFile (a
 * failed save leaves the previous draft intact). Unreadable or corrupt files are skipped and
 * logged with qWarning, never deleted (one in the way of a save is renamed aside).
 * @see Settings::DeletedShadows
 */
class DraftStore final : public QObject
{
    Q_OBJECT
public:
    /** Keeps its files in @p directory (created on the first save); empty: the default. */
    explicit DraftStore(QString directory = {}, QObject *parent = nullptr);
    ~DraftStore() override;

    QString directory() const { return m_directory; }

    /**
     * Writes @p draft, replacing the draft of the same connection, thing and shadow; its
     * savedAt is set to now (UTC) if not valid. On failure returns false, sets @p error (if given)
     * to a sentence for people and leaves the previous draft as it was. Emits changed().
     */
    bool save(const Draft &draft, QString *error = nullptr);
    /** The draft of that shadow (@p shadowName empty: classic), if there is a readable one. */
    std::optional<Draft> load(const QString &connectionKey, const QString &thingName,
                              const QString &shadowName) const;
    /** Forgets the draft of that shadow; emits changed() if there was one. */
    void remove(const QString &connectionKey, const QString &thingName, const QString &shadowName);
    /** Every readable draft of @p connectionKey, oldest first. */
    QList<Draft> drafts(const QString &connectionKey) const;

Q_SIGNALS:
    /** A draft was saved or removed. */
    void changed();

private:
    QString m_directory;
};

} // namespace Settings
