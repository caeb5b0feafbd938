// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

namespace Shadow {

/**
 * Applies @p patch to @p target with the shadow's merge rules: objects merge recursively,
 * a null value removes its key, anything else (scalar, array, object over a non-object)
 * replaces the old value whole. Nulls nested inside a value that replaces are dropped.
 */
QJsonObject applyMergePatch(const QJsonObject &target, const QJsonObject &patch);

} // namespace Shadow
