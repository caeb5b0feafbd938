// SPDX-License-Identifier: GPL-3.0-or-later
#include "mergepatch.h"

#include "delta.h"
#include "jsonkeyunion.h"

namespace Shadow {

QJsonObject applyMergePatch(const QJsonObject &target, const QJsonObject &patch)
{
    QJsonObject result = target;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QJsonValue value = it.value();
        if (value.isNull()) {
            result.remove(it.key());
        } else if (value.isObject()) {
            // An object over a non-object merges into nothing, which also drops its nulls.
            const QJsonObject base = result.value(it.key()).toObject();
            result.insert(it.key(), applyMergePatch(base, value.toObject()));
        } else {
            result.insert(it.key(), value);
        }
    }
    return result;
}

QJsonObject createMergePatch(const QJsonObject &from, const QJsonObject &to)
{
    QJsonObject patch;
    forEachKeyOfUnion<2>(
        { &from, &to }, [&patch](const QString &key, const std::array<QJsonValue, 2> &values) {
            const QJsonValue &before = values[0];
            const QJsonValue &after = values[1];
            if (after.isUndefined()) {
                patch.insert(key, QJsonValue::Null);
            } else if (before.isObject() && after.isObject()) {
                const QJsonObject nested = createMergePatch(before.toObject(), after.toObject());
                if (!nested.isEmpty())
                    patch.insert(key, nested);
            } else if (!jsonEqual(before, after)) {
                patch.insert(key, after);
            }
        });
    return patch;
}

} // namespace Shadow
