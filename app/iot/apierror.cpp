// SPDX-License-Identifier: GPL-3.0-or-later
#include "apierror.h"

namespace Iot {

QString ApiError::userMessage() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Transport:
        return tr("No answer from the endpoint: %1").arg(message);
    case Kind::Cancelled:
        return tr("Cancelled");
    case Kind::Timeout:
        return tr("The request timed out after %1 s").arg(timeoutSeconds);
    case Kind::Tls:
        return tr("TLS: %1; the certificate is not trusted").arg(message);
    case Kind::Credentials:
        return tr("No credentials: %1").arg(message);
    case Kind::ClockSkew:
        return tr("Your clock is off by %1 s; Shadowscope corrected for it and retried, but AWS "
                  "still refused the request: %2")
            .arg(clockOffsetSeconds)
            .arg(message);
    case Kind::ReadOnly:
        return tr("Not sent: Shadowscope runs read-only (--read-only), so %1 is refused")
            .arg(message);
    case Kind::Service:
        break;
    }
    // A success status whose body could not be read: the status adds nothing the message lacks.
    if (code.isEmpty() && httpStatus >= 200 && httpStatus < 300)
        return message;
    if (code.isEmpty())
        return tr("HTTP %1: %2").arg(httpStatus).arg(message);
    return tr("%1 (HTTP %2): %3").arg(code).arg(httpStatus).arg(message);
}

} // namespace Iot
