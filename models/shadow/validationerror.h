// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Shadow {

/**
 * A request that AWS IoT would refuse, as AWS words it: HTTP status, the error type that
 * goes into x-amzn-ErrorType, and the exact message text (IOT-DATA-PLANE.md section 5.4).
 */
struct ValidationError
{
    int httpStatus = 400;
    QString code = QStringLiteral("InvalidRequestException");
    QString message;

    friend bool operator==(const ValidationError &, const ValidationError &) = default;
};

ValidationError invalidRequest(const QString &message);

} // namespace Shadow
