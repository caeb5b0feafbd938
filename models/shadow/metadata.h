// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QJsonValue>

namespace Shadow {

/**
 * Metadata for a freshly written value: a leaf (and null) becomes {"timestamp": ts}, an
 * object maps each key to its metadata ({} for an empty object), an array becomes an array
 * of per-element metadata.
 */
QJsonValue metadataFor(const QJsonValue &value, qint64 timestamp);

/**
 * The metadata of one section (desired or reported) after @p patch was merged into
 * @p oldState: keys the patch removed lose their metadata, keys it wrote get @p timestamp,
 * and every leaf the patch did not touch keeps its old timestamp.
 */
QJsonObject mergeMetadata(const QJsonObject &oldMetadata, const QJsonObject &oldState,
                          const QJsonObject &patch, qint64 timestamp);

} // namespace Shadow
