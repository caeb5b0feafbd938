// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestexecutor.h"

#include "apicall.h"

#include "aws/httpdate.h"
#include "apierror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslError>

namespace Iot {

namespace {

// The error code as botocore reads it (IOT-DATA-PLANE.md 5.2): the body's __type (after its
// last '#') or else the HTTP status, overridden by the body's code or Code, overridden by
// x-amzn-ErrorType (before its ':').
QString errorCode(const QNetworkReply *reply, int status, const QJsonObject &body)
{
    const QByteArray type = reply->rawHeader("x-amzn-ErrorType");
    if (!type.isEmpty())
        return QString::fromUtf8(type.left(type.contains(':') ? type.indexOf(':') : type.size()));
    for (const QString &key : {QStringLiteral("Code"), QStringLiteral("code")}) {
        if (body.contains(key))
            return body.value(key).toVariant().toString();
    }
    const QString bodyType = body.value(QStringLiteral("__type")).toString();
    if (!bodyType.isEmpty())
        return bodyType.mid(bodyType.lastIndexOf(u'#') + 1);
    return QString::number(status);
}

// AWS refused the credentials as expired: worth one fresh lookup, never more.
bool isExpiredCredentials(const ApiError &error)
{
    static const QStringList codes{QStringLiteral("ExpiredToken"),
                                   QStringLiteral("ExpiredTokenException"),
                                   QStringLiteral("RequestExpired")};
    return error.httpStatus == 403
        && (codes.contains(error.code)
            || error.message.contains(QLatin1String("security token included in the request is expired")));
}

// AWS's clock-skew refusals (IOT-DATA-PLANE.md 6.5).
bool isClockSkew(const ApiError &error)
{
    return error.httpStatus == 403
        && (error.message.startsWith(QLatin1String("Signature expired:"))
            || error.message.startsWith(QLatin1String("Signature not yet current:")));
}

QString kindName(ApiError::Kind kind)
{
    switch (kind) {
    case ApiError::Kind::None:
        return {};
    case ApiError::Kind::Transport:
        return QStringLiteral("Transport");
    case ApiError::Kind::Service:
        return {};
    case ApiError::Kind::Cancelled:
        return QStringLiteral("Cancelled");
    case ApiError::Kind::Timeout:
        return QStringLiteral("Timeout");
    case ApiError::Kind::Tls:
        return QStringLiteral("TLS");
    case ApiError::Kind::Credentials:
        return QStringLiteral("Credentials");
    case ApiError::Kind::ClockSkew:
        return QStringLiteral("ClockSkew");
    case ApiError::Kind::ReadOnly:
        return QStringLiteral("ReadOnly");
    }
    return {};
}

// What an error answer without an AWS message says, in one short line: an HTML page's title
// (a proxy's or a load balancer's page), else the start of the text, else the reason phrase.
QString bodyExcerpt(const QByteArray &body, const QNetworkReply *reply)
{
    constexpr qsizetype MaxLength = 200;
    const QString text = QString::fromUtf8(body.left(64 * 1024));
    static const QRegularExpression title(QStringLiteral("<title[^>]*>([^<]*)</title>"),
                                          QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch titled = title.match(text);
    QString excerpt = titled.hasMatch()
        ? RequestExecutor::tr("an HTML page: %1").arg(titled.captured(1).simplified())
        : text.simplified();
    if (excerpt.isEmpty())
        excerpt = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    if (excerpt.size() > MaxLength)
        excerpt = excerpt.left(MaxLength) + QStringLiteral("\u2026");
    return excerpt;
}

} // namespace

// Secrets never reach the request log, even when a service or a proxy echoes them.
QString RequestExecutor::redactSecrets(QString text, const Aws::SigningCredentials &keys)
{
    const QString hidden = QStringLiteral("[redacted]");
    for (const QString &secret : {keys.secretAccessKey, keys.sessionToken}) {
        if (!secret.isEmpty())
            text.replace(secret, hidden);
    }
    static const QRegularExpression signedValue(
        QStringLiteral("(Signature|Credential|X-Amz-Signature|X-Amz-Credential|"
                       "X-Amz-Security-Token|Authorization)([=:]\\s*)[^&\\s,]+"),
        QRegularExpression::CaseInsensitiveOption);
    text.replace(signedValue, QStringLiteral("\\1\\2") + hidden);
    return text;
}

RequestExecutor::RequestExecutor(QNetworkAccessManager *network,
                                 Aws::CredentialsProvider *credentials, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_provider(credentials)
{
}

RequestExecutor::~RequestExecutor() = default;

void RequestExecutor::setRetryPolicy(const RetryPolicy &policy)
{
    m_retryPolicy = policy;
}

void RequestExecutor::setTransferTimeoutMs(int milliseconds)
{
    m_transferTimeoutMs = milliseconds;
}

ApiCall *RequestExecutor::send(ApiRequest request)
{
    auto *call = new ApiCall(std::move(request), this);
    if (m_readOnly && call->m_request.method != "GET") {
        ApiError refused;
        refused.kind = ApiError::Kind::ReadOnly;
        refused.message = call->m_request.operation.isEmpty()
            ? QString::fromLatin1(call->m_request.method)
            : call->m_request.operation;
        finishWithError(call, std::move(refused));
        return call;
    }
    connect(&call->m_backoff, &QTimer::timeout, call, [this, call] { startAttempt(call); });
    startAttempt(call);
    return call;
}

ApiCall *RequestExecutor::send(const Endpoint &endpoint, const QByteArray &method,
                               const QByteArray &encodedPath, const QByteArray &encodedQuery,
                               const QByteArray &body, const Aws::HeaderList &headers)
{
    return send(ApiRequest{{}, endpoint, method, encodedPath, encodedQuery, body, headers, {}});
}

void RequestExecutor::startAttempt(ApiCall *call)
{
    ++call->m_attempt;
    call->m_attemptStarted = QDateTime::currentDateTimeUtc();
    call->m_attemptTimer.start();
    if (m_credentials
        && !m_credentials->expiresWithin(QDateTime::currentDateTimeUtc(), CredentialsRefreshSeconds)) {
        dispatch(call);
        return;
    }
    m_waitingForCredentials.append(call);
    if (m_credentialsJob)
        return;
    Aws::CredentialsJob *job = m_provider->resolve(this);
    m_credentialsJob = job;
    connect(job, &Aws::CredentialsJob::finished, this, [this, job] { onCredentialsResolved(job); });
}

void RequestExecutor::onCredentialsResolved(Aws::CredentialsJob *job)
{
    m_credentialsJob = nullptr;
    bool found = job->outcome() == Aws::CredentialsJob::Outcome::Found && job->credentials();
    QString problem = job->errorString();
    // Credentials that expired already would only earn a 403 that does not say why.
    if (found && job->credentials()->expiresWithin(QDateTime::currentDateTimeUtc(), 0)) {
        found = false;
        problem = tr("the credentials from %1 expired at %2")
                      .arg(job->credentials()->source,
                           job->credentials()->expiration->toString(Qt::ISODate));
    }
    if (found)
        m_credentials = *job->credentials();
    const QList<QPointer<ApiCall>> waiting = std::exchange(m_waitingForCredentials, {});
    for (const QPointer<ApiCall> &call : waiting) {
        if (!call || call->m_finished)
            continue;
        if (found) {
            dispatch(call);
            continue;
        }
        ApiError error;
        error.kind = ApiError::Kind::Credentials;
        error.message = problem.isEmpty() ? tr("no credential source is configured") : problem;
        const QPointer<RequestExecutor> alive(this);
        logAttempt(call, error, 0);
        if (!alive) // a receiver of attemptFinished() deleted the executor, and so the calls
            return;
        if (call && !call->m_finished)
            finishWithError(call, error);
    }
}

void RequestExecutor::dispatch(ApiCall *call)
{
    const ApiRequest &request = call->m_request;
    const Endpoint &endpoint = request.endpoint;
    Aws::SignableRequest signable{request.method, request.encodedPath, request.encodedQuery,
                                  request.headers, request.body};
    signable.headers.prepend({QByteArrayLiteral("host"), hostHeader(endpoint.baseUrl)});
    Aws::SigV4::signRequest(signable, m_credentials->keys, endpoint.scope,
                            QDateTime::currentDateTimeUtc().addSecs(m_clockOffsetSeconds));

    QByteArray url = endpoint.baseUrl.toEncoded(QUrl::RemovePath | QUrl::RemoveQuery)
        + request.encodedPath;
    if (!request.encodedQuery.isEmpty())
        url += '?' + request.encodedQuery;
    // StrictMode keeps %2F inside a label exactly as signed.
    QNetworkRequest networkRequest(QUrl::fromEncoded(url, QUrl::StrictMode));
    for (const auto &[name, value] : std::as_const(signable.headers)) {
        if (name.compare("host", Qt::CaseInsensitive) != 0)
            networkRequest.setRawHeader(name, value);
    }
    // A body is bytes, as AWS's SDKs send it; the header is unsigned.
    if (!request.body.isEmpty() && !networkRequest.hasRawHeader("content-type"))
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                                 QByteArrayLiteral("application/octet-stream"));
    networkRequest.setTransferTimeout(m_transferTimeoutMs);
    // A redirect would carry the signature, the session token and the body to another host:
    // a 3xx is an answer like any other, reported and never followed.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    QNetworkAccessManager *network = m_network;
    if (!endpoint.caCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(endpoint.caCertificates);
        networkRequest.setSslConfiguration(tls);
        network = networkTrusting(endpoint.caCertificates);
    }

    call->m_tlsError.clear();
    call->m_oversizedBytes = 0;
    QNetworkReply *reply = network->sendCustomRequest(networkRequest, request.method, request.body);
    call->m_reply = reply;
    // A hostile or broken endpoint cannot make the application hold an endless answer.
    connect(reply, &QNetworkReply::downloadProgress, call, [call, reply](qint64 received, qint64 total) {
        const qint64 size = std::max(received, total);
        if (size > MaxResponseBytes && call->m_oversizedBytes == 0) {
            call->m_oversizedBytes = size;
            reply->abort();
        }
    });
    // Recorded for the error message only: a TLS error is never ignored.
    connect(reply, &QNetworkReply::sslErrors, call, [call](const QList<QSslError> &errors) {
        if (call->m_tlsError.isEmpty() && !errors.isEmpty())
            call->m_tlsError = errors.constFirst().errorString();
    });
    connect(reply, &QNetworkReply::finished, call, [this, call, reply] { onReplyFinished(call, reply); });
}

// Qt keeps connections by host and port, not by the certificates they were checked against:
// an endpoint with its own authorities gets its own connections, so a connection verified
// for one set of authorities is never reused under another (nor under the system's).
QNetworkAccessManager *RequestExecutor::networkTrusting(const QList<QSslCertificate> &authorities)
{
    QByteArray key;
    for (const QSslCertificate &certificate : authorities)
        key += certificate.digest(QCryptographicHash::Sha256);
    std::unique_ptr<QNetworkAccessManager> &network = m_trustingNetworks[key];
    if (!network)
        network = std::make_unique<QNetworkAccessManager>();
    return network.get();
}

ApiError RequestExecutor::classify(ApiCall *call, QNetworkReply *reply) const
{
    ApiError error;
    const int status = call->m_httpStatus;
    error.requestId = QString::fromLatin1(reply->rawHeader("x-amzn-RequestId"));
    const QNetworkReply::NetworkError networkError = reply->error();
    if (call->m_oversizedBytes > 0) {
        error.kind = ApiError::Kind::Transport;
        error.message = tr("the answer is larger than %1 MiB (%2 bytes or more), so it was not "
                           "read")
                            .arg(MaxResponseBytes / (1024 * 1024))
                            .arg(call->m_oversizedBytes);
        error.retryable = false;
        return error;
    }
    if (status == 0 || (status < 300 && networkError != QNetworkReply::NoError)) {
        // No answer, or a 2xx whose body did not arrive whole (a reset, a truncated response).
        error.message = reply->errorString();
        if (!call->m_tlsError.isEmpty() || networkError == QNetworkReply::SslHandshakeFailedError) {
            error.kind = ApiError::Kind::Tls;
            if (!call->m_tlsError.isEmpty())
                error.message = call->m_tlsError;
        } else if (networkError == QNetworkReply::OperationCanceledError
                   || networkError == QNetworkReply::TimeoutError) {
            // Only the transfer timeout cancels a reply still connected to its call.
            error.kind = ApiError::Kind::Timeout;
            error.timeoutSeconds = (m_transferTimeoutMs + 999) / 1000;
        } else {
            error.kind = ApiError::Kind::Transport;
        }
        error.retryable = RetryPolicy::isRetryable(error);
        if (status >= 200 && call->m_request.method != "GET") {
            // The service answered 2xx, so it ran the request: sending anything but a read
            // again could publish twice, bump a version twice or delete twice.
            error.message = tr("The answer was cut off (%1); the request may have been "
                               "applied, so it was not sent again").arg(error.message);
            error.retryable = false;
        }
        return error;
    } else if (status >= 300) {
        const QJsonObject body = QJsonDocument::fromJson(call->m_body).object();
        error.kind = ApiError::Kind::Service;
        error.httpStatus = status;
        error.code = errorCode(reply, status, body);
        error.message = body.contains(QStringLiteral("message"))
            ? body.value(QStringLiteral("message")).toString()
            : body.value(QStringLiteral("Message")).toString();
        if (error.message.isEmpty())
            error.message = bodyExcerpt(call->m_body, reply);
    }
    error.retryable = RetryPolicy::isRetryable(error);
    return error;
}

void RequestExecutor::onReplyFinished(ApiCall *call, QNetworkReply *reply)
{
    call->m_reply = nullptr;
    reply->deleteLater();
    // A reply aborted by the transfer timeout is closed: there is nothing to read.
    call->m_body = reply->isOpen() ? reply->readAll() : QByteArray();
    call->m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    ApiError error = classify(call, reply);

    if (!error.isError() && call->m_request.parser) {
        QString reason;
        call->m_result = call->m_request.parser(call->m_body, &reason);
        if (!call->m_result.has_value()) {
            error.kind = ApiError::Kind::Service;
            error.httpStatus = call->m_httpStatus;
            error.message = tr("The answer could not be read: %1").arg(reason);
        }
    }
    const QPointer<ApiCall> alive(call);
    logAttempt(call, error, call->m_httpStatus);
    // A receiver of attemptFinished() may have deleted the call or the executor, or
    // cancelled the call: then it is finished, and nothing more is sent or overwritten.
    if (!alive || call->m_finished)
        return;

    if (!error.isError()) {
        m_retryPolicy.recordSuccess(call->m_attempt, call->m_lastRetryCost);
        call->m_error = error;
        call->m_error.attempts = call->m_attempt;
        call->finish();
        return;
    }

    if (isExpiredCredentials(error) && !call->m_credentialsRefreshed) {
        call->m_credentialsRefreshed = true;
        m_credentials.reset();
        m_provider->invalidate();
        startAttempt(call);
        return;
    }

    if (isClockSkew(error)) {
        const std::optional<QDateTime> serverTime = Aws::parseHttpDate(reply->rawHeader("Date"));
        if (serverTime) {
            const qint64 offset = QDateTime::currentDateTimeUtc().secsTo(*serverTime);
            if (!call->m_skewRetried) {
                call->m_skewRetried = true;
                m_clockOffsetSeconds = offset;
                startAttempt(call);
                return;
            }
            error.kind = ApiError::Kind::ClockSkew;
            error.clockOffsetSeconds = offset;
            error.retryable = false;
        }
    }

    if (!error.retryable)
        return finishWithError(call, error);
    if (const std::optional<int> cost = m_retryPolicy.acquireRetry(error, call->m_attempt)) {
        call->m_lastRetryCost = *cost;
        call->m_backoff.start(m_retryPolicy.backoffMs(call->m_attempt));
        return;
    }
    finishWithError(call, error);
}

void RequestExecutor::logAttempt(ApiCall *call, const ApiError &error, int httpStatus)
{
    const ApiRequest &request = call->m_request;
    RequestLogEntry entry;
    entry.time = call->m_attemptStarted;
    entry.operation = request.operation;
    entry.method = request.method;
    entry.target = QString::fromLatin1(hostHeader(request.endpoint.baseUrl) + request.encodedPath);
    entry.httpStatus = httpStatus;
    entry.durationMs = call->m_attemptTimer.elapsed();
    entry.attempt = call->m_attempt;
    entry.requestId = error.requestId;
    entry.errorCode = error.code.isEmpty() ? kindName(error.kind) : error.code;
    const Aws::SigningCredentials keys = m_credentials ? m_credentials->keys : Aws::SigningCredentials{};
    entry.errorMessage = redactSecrets(error.message, keys);
    Q_EMIT attemptFinished(entry);
}

void RequestExecutor::finishWithError(ApiCall *call, ApiError error)
{
    error.attempts = call->m_attempt;
    call->m_result.reset();
    call->m_error = std::move(error);
    call->finish();
}

} // namespace Iot
