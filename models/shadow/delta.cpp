// SPDX-License-Identifier: GPL-3.0-or-later
#include "delta.h"

#include <QJsonArray>

namespace Shadow {

namespace {

bool numbersEqual(const QJsonValue &a, const QJsonValue &b)
{
    if (a.toDouble() != b.toDouble())
        return false;
    // Two defaults tell an integer from a fraction; integers beyond 2^53 must match exactly.
    const bool aIsInteger = a.toInteger(0) == a.toInteger(1);
    const bool bIsInteger = b.toInteger(0) == b.toInteger(1);
    return !aIsInteger || !bIsInteger || a.toInteger() == b.toInteger();
}

bool arraysEqual(const QJsonArray &a, const QJsonArray &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!jsonEqual(a.at(i), b.at(i)))
            return false;
    }
    return true;
}

bool objectsEqual(const QJsonObject &a, const QJsonObject &b)
{
    if (a.size() != b.size())
        return false;
    for (auto it = a.begin(); it != a.end(); ++it) {
        const auto other = b.constFind(it.key());
        if (other == b.constEnd() || !jsonEqual(it.value(), other.value()))
            return false;
    }
    return true;
}

} // namespace

bool jsonEqual(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case QJsonValue::Double:
        return numbersEqual(a, b);
    case QJsonValue::Array:
        return arraysEqual(a.toArray(), b.toArray());
    case QJsonValue::Object:
        return objectsEqual(a.toObject(), b.toObject());
    default:
        return a == b;
    }
}

QJsonObject computeDelta(const QJsonObject &desired, const QJsonObject &reported)
{
    QJsonObject delta;
    for (auto it = desired.begin(); it != desired.end(); ++it) {
        const auto actual = reported.constFind(it.key());
        if (actual == reported.constEnd()) {
            delta.insert(it.key(), it.value());
        } else if (it.value().isObject() && actual.value().isObject()) {
            const QJsonObject sub = computeDelta(it.value().toObject(), actual.value().toObject());
            if (!sub.isEmpty())
                delta.insert(it.key(), sub);
        } else if (!jsonEqual(it.value(), actual.value())) {
            delta.insert(it.key(), it.value());
        }
    }
    return delta;
}

} // namespace Shadow
