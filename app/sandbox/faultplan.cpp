// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultplan.h"

#include <QJsonArray>

namespace Sandbox {

namespace {

std::optional<Fault::Kind> kindFromName(const QString &name)
{
    if (name == QLatin1String("latency"))
        return Fault::Kind::Latency;
    if (name == QLatin1String("status"))
        return Fault::Kind::Status;
    if (name == QLatin1String("reset"))
        return Fault::Kind::Reset;
    if (name == QLatin1String("truncate"))
        return Fault::Kind::Truncate;
    return std::nullopt;
}

} // namespace

std::optional<FaultPlan> FaultPlan::fromJson(const QJsonObject &json, QString *error)
{
    FaultPlan plan;
    plan.m_random.seed(static_cast<std::mt19937::result_type>(
        json.value(QStringLiteral("seed")).toInteger(1)));
    const QJsonArray rules = json.value(QStringLiteral("rules")).toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QJsonObject object = rules.at(i).toObject();
        const QString kindName = object.value(QStringLiteral("kind")).toString();
        const auto kind = kindFromName(kindName);
        if (!kind) {
            *error = QStringLiteral("rule %1: unknown kind '%2' (latency, status, reset or truncate)")
                         .arg(i + 1).arg(kindName);
            return std::nullopt;
        }
        Rule rule;
        rule.fault.kind = *kind;
        rule.fault.status = object.value(QStringLiteral("status")).toInt(500);
        rule.fault.delayMs = object.value(QStringLiteral("delayMs")).toInt(0);
        if (*kind == Fault::Kind::Status && rule.fault.status != 429
            && rule.fault.status != 500 && rule.fault.status != 503) {
            *error = QStringLiteral("rule %1: status must be 429, 500 or 503").arg(i + 1);
            return std::nullopt;
        }
        if (rule.fault.delayMs < 0 || rule.fault.delayMs > 60000) {
            *error = QStringLiteral("rule %1: delayMs must be 0 to 60000").arg(i + 1);
            return std::nullopt;
        }
        const QJsonArray operations = object.value(QStringLiteral("operations")).toArray();
        for (const QJsonValue &operation : operations)
            rule.operations.append(operation.toString());
        rule.remaining = object.value(QStringLiteral("count")).toInt(-1);
        rule.probability = object.value(QStringLiteral("probability")).toDouble(1.0);
        plan.m_rules.append(rule);
    }
    return plan;
}

std::optional<Fault> FaultPlan::next(const QString &operation)
{
    std::uniform_real_distribution<double> draw(0.0, 1.0);
    for (Rule &rule : m_rules) {
        if (rule.remaining == 0
            || (!rule.operations.isEmpty() && !rule.operations.contains(operation)))
            continue;
        if (rule.probability < 1.0 && draw(m_random) >= rule.probability)
            continue;
        if (rule.remaining > 0)
            --rule.remaining;
        return rule.fault;
    }
    return std::nullopt;
}

} // namespace Sandbox
