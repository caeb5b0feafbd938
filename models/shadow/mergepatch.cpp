// SPDX-License-Identifier: GPL-3.0-or-later
#include "mergepatch.h"

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

} // namespace Shadow
