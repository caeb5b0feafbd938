// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shadow/jsondiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <optional>

/** A value as compact JSON; "-" for Undefined or nullopt (the side where the key is absent). */
inline QString compactJson(const QJsonValue &value)
{
    if (value.isUndefined())
        return QStringLiteral("-");
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

inline QString compactJson(const std::optional<QJsonValue> &value)
{
    return value ? compactJson(*value) : QStringLiteral("-");
}

/** One line per change: "<kind> <pointer> <old> <new>". */
inline QStringList describeChanges(const QList<Shadow::JsonChange> &changes)
{
    QStringList lines;
    for (const Shadow::JsonChange &change : changes) {
        const char *kind = change.kind == Shadow::JsonChange::Kind::Added ? "added"
            : change.kind == Shadow::JsonChange::Kind::Removed            ? "removed"
                                                                          : "changed";
        lines.append(QStringLiteral("%1 %2 %3 %4")
                         .arg(QLatin1String(kind), Shadow::jsonPointer(change.path),
                              compactJson(change.oldValue), compactJson(change.newValue)));
    }
    return lines;
}
