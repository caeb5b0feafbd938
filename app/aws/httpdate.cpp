// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpdate.h"

#include <QLocale>

namespace Aws {

std::optional<QDateTime> parseHttpDate(QByteArrayView value)
{
    // Qt 6.4's RFC 2822 parser takes a numeric zone, not "GMT".
    QString text = QString::fromLatin1(value).trimmed();
    if (text.endsWith(QLatin1String(" GMT")) || text.endsWith(QLatin1String(" UTC")))
        text = text.chopped(3) + QLatin1String("+0000");
    const QDateTime time = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!time.isValid())
        return std::nullopt;
    return time.toUTC();
}

QByteArray formatHttpDate(const QDateTime &time)
{
    return QLocale::c()
        .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

} // namespace Aws
