// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Iot {

/** Why an AWS call failed, parsed once at the edge (STYLE.md rule 6). */
struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)
public:
    enum class Kind {
        None,        ///< no error
        Transport,   ///< no (whole) HTTP answer: refused, reset, truncated
        Service,     ///< AWS answered with an error status, or with a body that does not parse
        Cancelled,   ///< the caller cancelled the call
        Timeout,     ///< no progress for the transfer timeout
        Tls,         ///< the TLS handshake failed (an untrusted certificate, ...)
        Credentials, ///< no credentials to sign with
        ClockSkew,   ///< refused for the local clock even after correcting it
        ReadOnly,    ///< a write refused before sending: the session is read-only
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code;      ///< AWS error type, e.g. ConflictException
    QString message;   ///< the service's, the transport's or the credential provider's words
    QString requestId; ///< x-amzn-RequestId, for support and the request log
    bool retryable = false;      ///< RetryPolicy would retry this failure
    int attempts = 0;            ///< attempts sent before the call finished
    int timeoutSeconds = 0;      ///< Timeout: the transfer timeout
    qint64 clockOffsetSeconds = 0; ///< ClockSkew: how far the local clock is off (server − local)

    bool isError() const { return kind != Kind::None; }

    /** One line for the pane where the call failed. */
    QString userMessage() const;
};

} // namespace Iot
