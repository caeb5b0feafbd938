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

/**
 * The Host header for @p baseUrl as QNetworkAccessManager sends it (and SigV4 signs it): the
 * encoded host, an IPv6 literal in brackets, and the port unless it is the scheme's default.
 */
inline QByteArray hostHeader(const QUrl &baseUrl)
{
    const int defaultPort = baseUrl.scheme() == QLatin1String("https") ? 443 : 80;
    QByteArray host = baseUrl.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (baseUrl.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(baseUrl.port());
    return host;
}

} // namespace Iot
