// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestexecutor.h"

#include "apicall.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace Iot {

RequestExecutor::RequestExecutor(QNetworkAccessManager *network,
                                 Aws::SigningCredentials credentials, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_credentials(std::move(credentials))
{
}

ApiCall *RequestExecutor::send(const Endpoint &endpoint, const QByteArray &method,
                               const QByteArray &encodedPath, const QByteArray &encodedQuery,
                               const QByteArray &body, const Aws::HeaderList &headers)
{
    const QUrl &base = endpoint.baseUrl;
    const int defaultPort = base.scheme() == QLatin1String("https") ? 443 : 80;
    QByteArray host = base.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':')) // an IPv6 literal, bracketed as QNetworkAccessManager sends it
        host = '[' + host + ']';
    if (base.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(base.port());

    Aws::SignableRequest signable{method, encodedPath, encodedQuery, headers, body};
    signable.headers.prepend({QByteArrayLiteral("host"), host});
    Aws::SigV4::signRequest(signable, m_credentials, endpoint.scope, QDateTime::currentDateTimeUtc());

    QByteArray url = base.toEncoded(QUrl::RemovePath | QUrl::RemoveQuery) + encodedPath;
    if (!encodedQuery.isEmpty())
        url += '?' + encodedQuery;
    // StrictMode keeps %2F inside a label exactly as signed.
    QNetworkRequest request(QUrl::fromEncoded(url, QUrl::StrictMode));
    for (const auto &[name, value] : std::as_const(signable.headers)) {
        if (name.compare("host", Qt::CaseInsensitive) != 0)
            request.setRawHeader(name, value);
    }
    // Qt would otherwise add a form content type to a body; an unsigned header is harmless.
    if (!body.isEmpty() && !request.hasRawHeader("content-type"))
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    request.setTransferTimeout(TransferTimeoutMs);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    return new ApiCall(reply, this);
}

} // namespace Iot
