// SPDX-License-Identifier: GPL-3.0-or-later
#include "regions.h"

#include <QRegularExpression>

namespace Aws {

QStringList iotCoreRegions()
{
    return {
        QStringLiteral("us-east-1"),      QStringLiteral("us-east-2"),
        QStringLiteral("us-west-1"),      QStringLiteral("us-west-2"),
        QStringLiteral("ca-central-1"),   QStringLiteral("sa-east-1"),
        QStringLiteral("eu-west-1"),      QStringLiteral("eu-west-2"),
        QStringLiteral("eu-west-3"),      QStringLiteral("eu-central-1"),
        QStringLiteral("eu-north-1"),     QStringLiteral("eu-south-1"),
        QStringLiteral("me-central-1"),   QStringLiteral("me-south-1"),
        QStringLiteral("ap-south-1"),     QStringLiteral("ap-east-1"),
        QStringLiteral("ap-northeast-1"), QStringLiteral("ap-northeast-2"),
        QStringLiteral("ap-southeast-1"), QStringLiteral("ap-southeast-2"),
        QStringLiteral("cn-north-1"),     QStringLiteral("cn-northwest-1"),
        QStringLiteral("us-gov-west-1"),  QStringLiteral("us-gov-east-1"),
    };
}

bool isRegionName(const QString &region)
{
    static const QRegularExpression name(QStringLiteral("^[a-z]{2}(-[a-z]+)+-[0-9]+$"));
    return name.match(region).hasMatch();
}

QString partitionDomain(const QString &region)
{
    return region.startsWith(QLatin1String("cn-")) ? QStringLiteral("amazonaws.com.cn")
                                                   : QStringLiteral("amazonaws.com");
}

} // namespace Aws
