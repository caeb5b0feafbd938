// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace Shadow {

using JsonPath = QStringList; ///< object keys from the root

/**
 * RFC 6901 JSON Pointer of @p path: each key prefixed with "/", with "~" written "~0" and
 * "/" written "~1" ("/desired/a~1b"); "" for the root.
 */
QString jsonPointer(const JsonPath &path);

/** One difference between two JSON documents, at an object key. */
struct JsonChange
{
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    JsonPath path;
    QJsonValue oldValue; ///< Undefined for Added
    QJsonValue newValue; ///< Undefined for Removed

    friend bool operator==(const JsonChange &, const JsonChange &) = default;
};

/**
 * The structural diff from @p from to @p to: objects on both sides recurse; arrays, scalars
 * and type changes compare whole with jsonEqual() (delta.h) and give one Changed entry; a key
 * on one side only gives one Added or Removed entry holding its whole value. Depth-first,
 * keys in QJsonObject order. Equal documents give an empty list.
 * @see createMergePatch(), jsonPointer()
 */
QList<JsonChange> diffJson(const QJsonObject &from, const QJsonObject &to);

/**
 * diffJson(@p from, @p to) with @p prefix before every path, appended to @p changes: the
 * diff of two subtrees found at @p prefix.
 */
void appendJsonDiff(QList<JsonChange> &changes, const JsonPath &prefix, const QJsonValue &from,
                    const QJsonValue &to);

} // namespace Shadow
