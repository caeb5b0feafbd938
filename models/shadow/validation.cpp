// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation.h"

#include <QRegularExpression>
#include <QStringList>

namespace Shadow {

namespace {

const QString kBasicIngestPrefix = QStringLiteral("$aws/rules/");
constexpr qsizetype kMaxTopicBytes = 256;
constexpr qsizetype kMaxTopicSlashes = 7;

/**
 * Whether @p expression matches all of @p text. The expressions are static: each is compiled
 * (and JIT-compiled) once, not on every request the sandbox checks.
 */
bool matchesWhole(const QRegularExpression &expression, const QString &text)
{
    return expression.match(text).hasMatch();
}

/** A Basic Ingest topic, $aws/rules/<rule> or $aws/rules/<rule>/<rest>, with a rule name. */
bool isBasicIngest(const QString &topic)
{
    if (!topic.startsWith(kBasicIngestPrefix))
        return false;
    const QString rule = topic.mid(kBasicIngestPrefix.size()).section(QLatin1Char('/'), 0, 0);
    return !rule.isEmpty();
}

/** The part of the topic the length and slash limits apply to. */
QString countedPart(const QString &topic)
{
    if (!isBasicIngest(topic))
        return topic;
    const qsizetype ruleEnd = topic.indexOf(QLatin1Char('/'), kBasicIngestPrefix.size());
    return ruleEnd < 0 ? QString() : topic.mid(ruleEnd + 1);
}

bool isShadowCommand(const QString &command)
{
    return command == QLatin1String("update") || command == QLatin1String("get")
        || command == QLatin1String("delete");
}

std::optional<ValidationError> checkReservedTopic(const QString &topic, bool retain)
{
    if (!topic.startsWith(QLatin1Char('$')))
        return std::nullopt;
    if (!isBasicIngest(topic) && !parseShadowTopic(topic)) {
        return invalidRequest(QStringLiteral("Publishing to reserved topic '") + topic
                              + QStringLiteral("' is not allowed"));
    }
    if (retain) {
        return invalidRequest(
            QStringLiteral("Retained messages are not allowed on reserved topics"));
    }
    return std::nullopt;
}

} // namespace

std::optional<ValidationError> validateThingName(const QString &name)
{
    static const QRegularExpression valid(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-zA-Z0-9:_-]{1,128}")));
    if (!matchesWhole(valid, name))
        return invalidRequest(QStringLiteral("Invalid thing name"));
    return std::nullopt;
}

std::optional<ValidationError> validateShadowName(const QString &name)
{
    static const QRegularExpression valid(
        QRegularExpression::anchoredPattern(QStringLiteral("[$a-zA-Z0-9:_-]{1,64}")));
    if (!matchesWhole(valid, name))
        return invalidRequest(QStringLiteral("Invalid shadow name"));
    return std::nullopt;
}

std::optional<ValidationError> validatePublishTopic(const QString &topic, bool retain)
{
    if (topic.isEmpty())
        return invalidRequest(QStringLiteral("Topic must not be empty"));
    const QString counted = countedPart(topic);
    if (counted.toUtf8().size() > kMaxTopicBytes)
        return invalidRequest(QStringLiteral("Topic exceeds the maximum length of 256 bytes"));
    if (counted.count(QLatin1Char('/')) > kMaxTopicSlashes)
        return invalidRequest(QStringLiteral("Topic has more than 7 forward slashes"));
    if (topic.contains(QLatin1Char('+')) || topic.contains(QLatin1Char('#')))
        return invalidRequest(
            QStringLiteral("Topic must not contain the wildcard characters + or #"));
    return checkReservedTopic(topic, retain);
}

std::optional<ShadowTopic> parseShadowTopic(const QString &topic)
{
    const QStringList parts = topic.split(QLatin1Char('/'));
    const bool classic = parts.size() == 5;
    const bool named = parts.size() == 7 && parts.at(4) == QLatin1String("name")
        && !parts.at(5).isEmpty();
    if ((!classic && !named) || parts.at(0) != QLatin1String("$aws")
        || parts.at(1) != QLatin1String("things") || parts.at(2).isEmpty()
        || parts.at(3) != QLatin1String("shadow") || !isShadowCommand(parts.constLast())) {
        return std::nullopt;
    }
    return ShadowTopic{parts.at(2), named ? parts.at(5) : QString(), parts.constLast()};
}

} // namespace Shadow
