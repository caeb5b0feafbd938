// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsondiff.h"

#include "delta.h"
#include "jsonkeyunion.h"

namespace Shadow {

namespace {

/** Appends the changes from @p from to @p to found at @p path (restored on return). */
void diffValues(QList<JsonChange> &changes, JsonPath &path, const QJsonValue &from,
                const QJsonValue &to)
{
    if (from.isObject() && to.isObject()) {
        const QJsonObject fromObject = from.toObject();
        const QJsonObject toObject = to.toObject();
        forEachKeyOfUnion<2>({ &fromObject, &toObject },
                             [&](const QString &key, const std::array<QJsonValue, 2> &values) {
                                 path.append(key);
                                 diffValues(changes, path, values[0], values[1]);
                                 path.removeLast();
                             });
    } else if (from.isUndefined()) {
        if (!to.isUndefined())
            changes.append({ JsonChange::Kind::Added, path, from, to });
    } else if (to.isUndefined()) {
        changes.append({ JsonChange::Kind::Removed, path, from, to });
    } else if (!jsonEqual(from, to)) {
        changes.append({ JsonChange::Kind::Changed, path, from, to });
    }
}

} // namespace

QString jsonPointer(const JsonPath &path)
{
    QString pointer;
    for (QString key : path) {
        key.replace(QLatin1Char('~'), QLatin1String("~0"))
            .replace(QLatin1Char('/'), QLatin1String("~1"));
        pointer += QLatin1Char('/') + key;
    }
    return pointer;
}

QList<JsonChange> diffJson(const QJsonObject &from, const QJsonObject &to)
{
    QList<JsonChange> changes;
    appendJsonDiff(changes, {}, from, to);
    return changes;
}

void appendJsonDiff(QList<JsonChange> &changes, const JsonPath &prefix, const QJsonValue &from,
                    const QJsonValue &to)
{
    JsonPath path = prefix;
    diffValues(changes, path, from, to);
}

} // namespace Shadow
