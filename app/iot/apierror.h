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
        None,      ///< no error
        Transport, ///< no HTTP answer: refused, reset, TLS, timeout
        Service,   ///< AWS answered with an error status
        Cancelled, ///< the caller cancelled the call
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code;      ///< AWS error type, e.g. ConflictException
    QString message;   ///< the service's or the transport's own words
    QString requestId; ///< x-amzn-RequestId, for support and the request log

    bool isError() const { return kind != Kind::None; }

    /** One line for the pane where the call failed. */
    QString userMessage() const;
};

} // namespace Iot
