// SPDX-License-Identifier: GPL-3.0-or-later
#include "recentthings.h"

#include <QSettings>
#include <QUrl>

namespace Settings {

namespace {

const QString RecentKey = QStringLiteral("recent");
const QString PinnedKey = QStringLiteral("pinned");

} // namespace

RecentThings::RecentThings(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
}

RecentThings::~RecentThings() = default;

void RecentThings::setConnectionKey(const QString &key)
{
    if (key == m_key)
        return;
    m_key = key;
    load();
    Q_EMIT changed();
}

bool RecentThings::isPinned(const QString &thingName) const
{
    return m_pinned.contains(thingName);
}

void RecentThings::addRecent(const QString &thingName)
{
    if (m_key.isEmpty() || thingName.isEmpty()
        || (!m_recent.isEmpty() && m_recent.first() == thingName))
        return;
    m_recent.removeAll(thingName);
    m_recent.prepend(thingName);
    while (m_recent.size() > MaxRecent)
        m_recent.removeLast();
    save();
    Q_EMIT changed();
}

void RecentThings::setPinned(const QString &thingName, bool pinned)
{
    if (m_key.isEmpty() || thingName.isEmpty() || pinned == isPinned(thingName))
        return;
    if (pinned)
        m_pinned.append(thingName);
    else
        m_pinned.removeAll(thingName);
    save();
    Q_EMIT changed();
}

void RecentThings::clearRecent()
{
    if (m_recent.isEmpty())
        return;
    m_recent.clear();
    save();
    Q_EMIT changed();
}

QString RecentThings::group() const
{
    // A key may hold '/' or '\' (QSettings' group separators): percent-encode it.
    return QStringLiteral("RecentThings/") + QString::fromLatin1(QUrl::toPercentEncoding(m_key));
}

void RecentThings::load()
{
    m_recent.clear();
    m_pinned.clear();
    if (m_key.isEmpty())
        return;
    m_settings->beginGroup(group());
    m_recent = m_settings->value(RecentKey).toStringList().mid(0, MaxRecent);
    m_pinned = m_settings->value(PinnedKey).toStringList();
    m_settings->endGroup();
    m_recent.removeDuplicates();
    m_pinned.removeDuplicates();
}

void RecentThings::save()
{
    m_settings->beginGroup(group());
    m_settings->setValue(RecentKey, m_recent);
    m_settings->setValue(PinnedKey, m_pinned);
    m_settings->endGroup();
}

} // namespace Settings
