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

/**
 * The minimal merge patch from @p from to @p to: only changed keys; null for a removed key;
 * objects on both sides recurse; arrays and type changes are replaced whole. Values are
 * compared with jsonEqual(), so 1 and 1.0 are no change.
 *
 * applyMergePatch(from, createMergePatch(from, to)) equals @p to whenever @p to holds no
 * null member (a stored shadow never does: null is how a patch removes). Equal documents
 * give {}.
 * @see applyMergePatch(), diffJson()
 */
QJsonObject createMergePatch(const QJsonObject &from, const QJsonObject &to);

} // namespace Shadow
