// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

/**
 * MQTT topic filters (MQTT 3.1.1 section 4.7, MQTT 5 section 4.7): levels split on '/', where
 * "+" stands for exactly one level (possibly empty) and "#", only as the last level, for the
 * parent level and any number of levels below it ("a/#" matches "a", "a/b" and "a/b/c").
 * A filter starting with a wildcard never matches a topic starting with '$' (4.7.2).
 *
 * Shadow::validatePublishTopic() checks topics one publishes to (no wildcards at all); this
 * is its counterpart for filters.
 */
namespace Mqtt {

/** True when @p text contains '+' or '#', so it is meant as a topic filter. */
bool looksLikeTopicFilter(QStringView text);

/**
 * Why @p filter is not a valid topic filter (for the user, already translated), or nullopt
 * when it is: not empty, '#' only as the whole last level, '+' only as a whole level.
 */
std::optional<QString> topicFilterError(QStringView filter);

/**
 * A valid topic filter split into levels once, to match many topics or to walk a topic tree
 * level by level.
 */
class TopicFilter
{
public:
    /** @p filter must be valid (see topicFilterError()). */
    explicit TopicFilter(QStringView filter);

    /** True when the whole @p topic matches. */
    bool matches(QStringView topic) const;

    /** The filter's levels, "+" and "#" included. */
    const QStringList &levels() const { return m_levels; }

private:
    QStringList m_levels;
};

/** Convenience: @p filter (which must be valid) against @p topic. */
bool matchesTopicFilter(QStringView filter, QStringView topic);

} // namespace Mqtt
