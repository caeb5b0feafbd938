// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/sigv4signer.h"

#include <QList>
#include <QSslCertificate>
#include <QUrl>

namespace Iot {

/** Where requests go, what they are signed for, and which certificates they trust. */
struct Endpoint
{
    QUrl baseUrl;              ///< scheme, host and port, e.g. https://…-ats.iot.us-east-1.amazonaws.com
    Aws::SigningScope scope;   ///< region and signing name (iotdata, iot)
    /**
     * With HTTPS: when not empty, the only certificates trusted for this endpoint (a private
     * CA, the sandbox's own certificate) instead of the system's. TLS errors are never ignored.
     */
    QList<QSslCertificate> caCertificates;
};

} // namespace Iot
