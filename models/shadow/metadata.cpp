// SPDX-License-Identifier: GPL-3.0-or-later
#include "metadata.h"

#include <QJsonArray>

namespace Shadow {

QJsonValue metadataFor(const QJsonValue &value, qint64 timestamp)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        QJsonObject metadata;
        for (auto it = object.begin(); it != object.end(); ++it)
            metadata.insert(it.key(), metadataFor(it.value(), timestamp));
        return metadata;
    }
    if (value.isArray()) {
        QJsonArray metadata;
        for (const QJsonValue &element : value.toArray())
            metadata.append(metadataFor(element, timestamp));
        return metadata;
    }
    return QJsonObject{{QStringLiteral("timestamp"), timestamp}};
}

QJsonObject mergeMetadata(const QJsonObject &oldMetadata, const QJsonObject &oldState,
                          const QJsonObject &patch, qint64 timestamp)
{
    QJsonObject result = oldMetadata;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QJsonValue value = it.value();
        if (value.isNull()) {
            result.remove(it.key());
        } else if (value.isObject()) {
            // Only an object in the old state merges; over anything else the old metadata goes.
            const QJsonValue oldValue = oldState.value(it.key());
            const QJsonObject base = oldValue.isObject()
                ? oldMetadata.value(it.key()).toObject() : QJsonObject();
            result.insert(it.key(), mergeMetadata(base, oldValue.toObject(), value.toObject(),
                                                  timestamp));
        } else {
            result.insert(it.key(), metadataFor(value, timestamp));
        }
    }
    return result;
}

} // namespace Shadow
