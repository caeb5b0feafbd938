// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Aws {

/** The regions where AWS IoT Core runs, for a region picker (any valid name is accepted). */
QStringList iotCoreRegions();

/** True for a well-formed region name such as eu-west-1 or us-gov-west-1. */
bool isRegionName(const QString &region);

/** The DNS suffix of @p region's partition: amazonaws.com, or amazonaws.com.cn in China. */
QString partitionDomain(const QString &region);

} // namespace Aws
