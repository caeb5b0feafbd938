// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QJsonValue>

namespace Shadow {

/**
 * JSON equality as the shadow service compares values: numbers by numeric value
 * (1 == 1.0), arrays element by element in order, objects key by key.
 */
bool jsonEqual(const QJsonValue &a, const QJsonValue &b);

/**
 * The delta of a shadow: every key of @p desired whose value differs from @p reported,
 * with nested objects recursed so a difference keeps its path from the root. Keys only in
 * reported never appear. Returns an empty object when the two are in sync.
 */
QJsonObject computeDelta(const QJsonObject &desired, const QJsonObject &reported);

} // namespace Shadow
