// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/sigv4signer.h"

#include <QObject>
#include <QUrl>


class QNetworkAccessManager;

namespace Iot {

class ApiCall;

/** Where requests go and what they are signed for. */
struct Endpoint
{
    QUrl baseUrl;              ///< scheme, host and port, e.g. https://…-ats.iot.us-east-1.amazonaws.com
    Aws::SigningScope scope;   ///< region and signing name (iotdata, iot)
};

/**
 * Signs a request with SigV4 and sends it through the application's one
 * QNetworkAccessManager: the same path for AWS and for the sandbox.
 */
class RequestExecutor final : public QObject
{
    Q_OBJECT
public:
    /** A call with no progress for this long fails as a transport error. */
    static constexpr int TransferTimeoutMs = 30000;

    RequestExecutor(QNetworkAccessManager *network, Aws::SigningCredentials credentials,
                    QObject *parent = nullptr);

    /**
     * Sends @p method to @p encodedPath (labels percent-encoded once, as on the wire) with
     * @p encodedQuery and @p body. @p headers are sent and signed.
     */
    ApiCall *send(const Endpoint &endpoint, const QByteArray &method, const QByteArray &encodedPath,
                  const QByteArray &encodedQuery = {}, const QByteArray &body = {},
                  const Aws::HeaderList &headers = {});

private:
    QNetworkAccessManager *m_network;
    Aws::SigningCredentials m_credentials;
};

} // namespace Iot
