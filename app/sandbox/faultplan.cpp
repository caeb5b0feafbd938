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

std::optional<FaultPlan> FaultPlan::fromJson(const QJsonObject &json,
                                             const QStringList &knownOperations, QString *error)
{
    static const QStringList planKeys{QStringLiteral("seed"), QStringLiteral("rules")};
    static const QStringList ruleKeys{QStringLiteral("kind"), QStringLiteral("status"),
                                      QStringLiteral("delayMs"), QStringLiteral("operations"),
                                      QStringLiteral("count"), QStringLiteral("probability")};
    const auto fail = [error](const QString &message) {
        *error = message;
        return std::nullopt;
    };
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!planKeys.contains(it.key()))
            return fail(QStringLiteral("unknown member '%1' (seed, rules)").arg(it.key()));
    }
    if (json.contains(QStringLiteral("rules")) && !json.value(QStringLiteral("rules")).isArray())
        return fail(QStringLiteral("rules must be an array"));

    FaultPlan plan;
    plan.m_random.seed(static_cast<std::mt19937::result_type>(
        json.value(QStringLiteral("seed")).toInteger(1)));
    const QJsonArray rules = json.value(QStringLiteral("rules")).toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QJsonObject object = rules.at(i).toObject();
        const auto ruleError = [i](const QString &problem) {
            return QStringLiteral("rule %1: %2").arg(i + 1).arg(problem);
        };
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!ruleKeys.contains(it.key()))
                return fail(ruleError(QStringLiteral("unknown member '%1'").arg(it.key())));
        }
        const QString kindName = object.value(QStringLiteral("kind")).toString();
        const auto kind = kindFromName(kindName);
        if (!kind)
            return fail(ruleError(
                QStringLiteral("unknown kind '%1' (latency, status, reset or truncate)").arg(kindName)));
        Rule rule;
        rule.fault.kind = *kind;
        rule.fault.status = object.value(QStringLiteral("status")).toInt(500);
        rule.fault.delayMs = object.value(QStringLiteral("delayMs")).toInt(0);
        if (*kind == Fault::Kind::Status && rule.fault.status != 429
            && rule.fault.status != 500 && rule.fault.status != 503)
            return fail(ruleError(QStringLiteral("status must be 429, 500 or 503")));
        if (rule.fault.delayMs < 0 || rule.fault.delayMs > 60000)
            return fail(ruleError(QStringLiteral("delayMs must be 0 to 60000")));
        const QJsonArray operations = object.value(QStringLiteral("operations")).toArray();
        for (const QJsonValue &operation : operations) {
            if (!knownOperations.contains(operation.toString()))
                return fail(ruleError(QStringLiteral("unknown operation '%1' (%2)")
                                          .arg(operation.toString(), knownOperations.join(u", "))));
            rule.operations.append(operation.toString());
        }
        rule.remaining = object.value(QStringLiteral("count")).toInt(-1);
        if (object.contains(QStringLiteral("count")) && rule.remaining < 1)
            return fail(ruleError(QStringLiteral("count must be at least 1")));
        rule.probability = object.value(QStringLiteral("probability")).toDouble(1.0);
        if (rule.probability < 0.0 || rule.probability > 1.0)
            return fail(ruleError(QStringLiteral("probability must be from 0 to 1")));
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
