// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jsondiff.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <optional>

namespace Shadow {

/** A key both sides changed differently since the common base. */
struct MergeConflict
{
    JsonPath path;
    std::optional<QJsonValue> base, mine, theirs; ///< nullopt: the key is absent on that side

    friend bool operator==(const MergeConflict &, const MergeConflict &) = default;
};

/** The outcome of threeWayMerge(). */
struct ThreeWayMergeResult
{
    QJsonObject merged; ///< theirs + my non-conflicting changes; at a conflict, theirs
    QList<JsonChange> mineApplied; ///< my changes (relative to theirs) that merged cleanly
    QList<MergeConflict> conflicts; ///< depth-first, key order
    bool isClean() const { return conflicts.isEmpty(); }
};

/**
 * Merges my edits of @p base (@p mine) with the edits someone else made meanwhile
 * (@p theirs). Per key of the union: mine == base → theirs; theirs == base → mine;
 * mine == theirs → it; all three objects (an absent base counts as {} when mine and theirs
 * are both objects) → recurse; otherwise a conflict at that key (also delete on one side
 * vs. edit on the other, type changes, different arrays). Equality is jsonEqual().
 *
 * mineApplied always equals diffJson(theirs, merged): what sending merged would change on
 * top of theirs.
 * @see withValueAt() to resolve a conflict by taking a side
 */
ThreeWayMergeResult threeWayMerge(const QJsonObject &base, const QJsonObject &mine,
                                  const QJsonObject &theirs);

/**
 * @p root with @p value set at @p path (intermediate objects created, non-objects on the way
 * replaced by objects); nullopt removes the key (and nothing else: a missing key or a path
 * through a non-object leaves @p root as it is, and a parent left empty stays). An empty
 * @p path names no key and returns @p root unchanged.
 */
QJsonObject withValueAt(const QJsonObject &root, const JsonPath &path,
                        const std::optional<QJsonValue> &value);

} // namespace Shadow
