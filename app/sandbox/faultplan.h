// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <random>

namespace Sandbox {

/** One scripted misbehaviour of the emulator. */
struct Fault
{
    enum class Kind { Latency, Status, Reset, Truncate };
    Kind kind = Kind::Status;
    int status = 500;   ///< Kind::Status: 429, 500 or 503
    int delayMs = 0;    ///< Kind::Latency
};

/**
 * Scripted faults for tests and demos: latency, throttling and server errors, connection
 * resets and truncated bodies, on all or selected operations. Deterministic for a seed.
 *
 * JSON form: {"seed": 7, "rules": [{"operations": ["GetThingShadow"], "kind": "status",
 * "status": 429, "count": 2, "probability": 1.0, "delayMs": 0}]}. A rule with "count" fires
 * for the first N requests it matches (and is then spent); "probability" draws from the
 * seeded generator (0 to 1); rules are tried in order and the first that fires wins.
 */
class FaultPlan
{
public:
    /**
     * Parses a plan whose rules may name @p knownOperations; nullopt and @p error (naming the
     * rule and the problem) when anything in it is not understood.
     */
    static std::optional<FaultPlan> fromJson(const QJsonObject &json,
                                             const QStringList &knownOperations, QString *error);

    /** The fault for the next request to @p operation, if one fires. */
    std::optional<Fault> next(const QString &operation);

private:
    struct Rule
    {
        Fault fault;
        QStringList operations; ///< empty: every operation
        int remaining = -1;     ///< -1: unlimited
        double probability = 1.0;
    };
    QList<Rule> m_rules;
    std::mt19937 m_random;
};

} // namespace Sandbox
