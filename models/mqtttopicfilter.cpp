// SPDX-License-Identifier: GPL-3.0-or-later
#include "mqtttopicfilter.h"

#include <QCoreApplication>

namespace Mqtt {

bool looksLikeTopicFilter(QStringView text)
{
    return text.contains(u'+') || text.contains(u'#');
}

std::optional<QString> topicFilterError(QStringView filter)
{
    if (filter.isEmpty())
        return QCoreApplication::translate("Mqtt", "A topic filter must not be empty.");
    const QList<QStringView> levels = filter.split(u'/');
    for (qsizetype i = 0; i < levels.size(); ++i) {
        const QStringView level = levels.at(i);
        if (level.contains(u'#')) {
            if (level.size() != 1)
                return QCoreApplication::translate(
                    "Mqtt", "'#' must be a whole level, as in \"a/#\".");
            if (i != levels.size() - 1)
                return QCoreApplication::translate("Mqtt", "'#' must be the last level.");
        }
        if (level.contains(u'+') && level.size() != 1)
            return QCoreApplication::translate("Mqtt",
                                               "'+' must be a whole level, as in \"a/+/c\".");
    }
    return std::nullopt;
}

TopicFilter::TopicFilter(QStringView filter)
    : m_levels(filter.toString().split(u'/'))
{
}

bool TopicFilter::matches(QStringView topic) const
{
    if (topic.startsWith(u'$') && !m_levels.isEmpty()
        && (m_levels.constFirst() == u"+" || m_levels.constFirst() == u"#"))
        return false;
    qsizetype level = 0;
    qsizetype start = 0;
    for (;;) {
        if (level == m_levels.size())
            return false; // the topic has more levels than the filter
        const QString &pattern = m_levels.at(level);
        if (pattern == u"#")
            return true;
        qsizetype end = topic.indexOf(u'/', start);
        const bool last = end < 0;
        if (last)
            end = topic.size();
        if (pattern != u"+" && topic.sliced(start, end - start) != pattern)
            return false;
        ++level;
        if (last) {
            // "a/#" also matches "a" itself.
            return level == m_levels.size()
                || (level == m_levels.size() - 1 && m_levels.at(level) == u"#");
        }
        start = end + 1;
    }
}

bool matchesTopicFilter(QStringView filter, QStringView topic)
{
    return TopicFilter(filter).matches(topic);
}

} // namespace Mqtt
