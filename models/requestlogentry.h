// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Iot {

/**
 * One attempt of one AWS call, as the request log shows it. Holds no secret: the target is
 * host and path only (no query, so no presigned X-Amz-Signature or X-Amz-Credential), and
 * no header is kept.
 */
struct RequestLogEntry
{
    QDateTime time;         ///< when the attempt was sent (UTC)
    QString operation;      ///< e.g. GetThingShadow
    QByteArray method;      ///< GET, POST, DELETE
    QString target;         ///< host[:port] and the percent-encoded path
    int httpStatus = 0;     ///< 0: no HTTP answer
    qint64 durationMs = 0;
    int attempt = 1;        ///< 1-based
    QString requestId;      ///< x-amzn-RequestId
    QString errorCode;      ///< AWS error code, or the error kind for non-service failures
    QString errorMessage;   ///< empty on success; secrets redacted
};

} // namespace Iot
