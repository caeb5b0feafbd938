// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "endpoint.h"
#include "requestlogentry.h"
#include "retrypolicy.h"

#include "aws/credentials.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <map>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QSslCertificate;
class QNetworkReply;

namespace Iot {

class ApiCall;
struct ApiError;

/**
 * Sends AWS requests through the application's one QNetworkAccessManager: the same path for
 * AWS and for the sandbox. Per attempt it resolves credentials (the last ones are reused
 * until 5 minutes before they expire), signs with SigV4, sends with a transfer timeout and
 * the endpoint's TLS trust, classifies the answer into an ApiError and, as RetryPolicy
 * says, retries on a timer. A 403 for clock skew ("Signature expired" / "Signature not yet
 * current") corrects the signing clock from the response's Date header, for this and later
 * requests, and retries once. Every attempt is reported by attemptFinished().
 */
class RequestExecutor final : public QObject
{
    Q_OBJECT
public:
    /** A call with no progress for this long fails with ApiError::Kind::Timeout. */
    static constexpr int DefaultTransferTimeoutMs = 30000;
    /**
     * An answer larger than this (announced or received) is aborted and fails, not retried:
     * AWS IoT's largest answers (a ListThings page) stay far below it.
     */
    static constexpr qint64 MaxResponseBytes = 8 * 1024 * 1024;
    /** Cached credentials are resolved again this long before they expire. */
    static constexpr qint64 CredentialsRefreshSeconds = 300;

    /** @p network and @p credentials must outlive the executor. */
    RequestExecutor(QNetworkAccessManager *network, Aws::CredentialsProvider *credentials,
                    QObject *parent = nullptr);
    ~RequestExecutor() override;

    /** Starts @p request; the call is a child of the executor. */
    ApiCall *send(ApiRequest request);

    /**
     * Sends @p method to @p encodedPath (labels percent-encoded once, as on the wire) with
     * @p encodedQuery and @p body, without a typed result. @p headers are sent and signed.
     */
    ApiCall *send(const Endpoint &endpoint, const QByteArray &method, const QByteArray &encodedPath,
                  const QByteArray &encodedQuery = {}, const QByteArray &body = {},
                  const Aws::HeaderList &headers = {});

    /** Replaces the retry policy (and its quota), e.g. with a fixed random source in tests. */
    void setRetryPolicy(const RetryPolicy &policy);
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }

    void setTransferTimeoutMs(int milliseconds);
    int transferTimeoutMs() const { return m_transferTimeoutMs; }

    /**
     * @p text with the secret key and session token of @p keys, and the values of
     * Authorization, Signature, X-Amz-Signature, X-Amz-Credential and X-Amz-Security-Token,
     * replaced by "[redacted]": what the request log may show of a message.
     */
    static QString redactSecrets(QString text, const Aws::SigningCredentials &keys);

    /**
     * Read-only: every request but GET (UpdateThingShadow, DeleteThingShadow, Publish) fails
     * at once with ApiError::Kind::ReadOnly and is never signed or sent.
     */
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool isReadOnly() const { return m_readOnly; }

    /** The correction applied to the local clock when signing (server − local), in seconds. */
    qint64 clockOffsetSeconds() const { return m_clockOffsetSeconds; }

Q_SIGNALS:
    /** One per attempt (also one that failed for want of credentials); holds no secret. */
    void attemptFinished(const Iot::RequestLogEntry &entry);

private:
    void startAttempt(ApiCall *call);
    void onCredentialsResolved(Aws::CredentialsJob *job);
    void dispatch(ApiCall *call);
    QNetworkAccessManager *networkTrusting(const QList<QSslCertificate> &authorities);
    void onReplyFinished(ApiCall *call, QNetworkReply *reply);
    ApiError classify(ApiCall *call, QNetworkReply *reply) const;
    void logAttempt(ApiCall *call, const ApiError &error, int httpStatus);
    void finishWithError(ApiCall *call, ApiError error);

    QNetworkAccessManager *m_network;
    std::map<QByteArray, std::unique_ptr<QNetworkAccessManager>> m_trustingNetworks;
    Aws::CredentialsProvider *m_provider;
    std::optional<Aws::Credentials> m_credentials;
    QPointer<Aws::CredentialsJob> m_credentialsJob;
    QList<QPointer<ApiCall>> m_waitingForCredentials;
    RetryPolicy m_retryPolicy;
    int m_transferTimeoutMs = DefaultTransferTimeoutMs;
    qint64 m_clockOffsetSeconds = 0;
    bool m_readOnly = false;
};

} // namespace Iot
