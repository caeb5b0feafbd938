// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QSettings;

namespace Settings {

/**
 * The things a user opened recently and the ones they pinned, kept per connection (an
 * account, profile or sandbox: any key string the caller chooses) in the QSettings it is
 * given, under "RecentThings/<key>". Recent things are most recent first and capped at
 * MaxRecent; pinned things keep the order they were pinned in and are not capped. Nothing
 * here is secret: thing names only.
 */
class RecentThings final : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxRecent = 20;

    /** Reads and writes @p settings (not owned; must outlive this). */
    explicit RecentThings(QSettings *settings, QObject *parent = nullptr);
    ~RecentThings() override;

    /** The connection whose lists are read and written; empty: none (nothing is kept). */
    void setConnectionKey(const QString &key);
    QString connectionKey() const { return m_key; }

    /** Most recent first, at most MaxRecent. */
    QStringList recent() const { return m_recent; }
    /** In pin order. */
    QStringList pinned() const { return m_pinned; }
    bool isPinned(const QString &thingName) const;

    /** Moves @p thingName to the front of recent(), dropping the oldest beyond MaxRecent. */
    void addRecent(const QString &thingName);
    /** Pins @p thingName at the end of pinned(), or unpins it. */
    void setPinned(const QString &thingName, bool pinned);
    /** Forgets the recent things of the current connection (pinned ones stay). */
    void clearRecent();

Q_SIGNALS:
    /** recent() or pinned() changed, or the connection did. */
    void changed();

private:
    void load();
    void save();
    QString group() const;

    QSettings *m_settings;
    QString m_key;
    QStringList m_recent;
    QStringList m_pinned;
};

} // namespace Settings
