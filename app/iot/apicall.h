// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apirequest.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <any>

class QNetworkReply;

namespace Iot {

/**
 * One AWS call (the job object of STYLE.md rule 6), one job across all its attempts:
 * finished() fires exactly once, always from the event loop (never inside send() or
 * cancel()), after the last attempt, after which error(), body() and result() hold the
 * outcome. Connect with a context object; cancel() stops the call wherever it is (waiting
 * for credentials, in flight, or waiting to retry) and finishes it with
 * ApiError::Kind::Cancelled. Deletes itself once finished() was delivered; a receiver may
 * also delete it, or its executor, in its slot. Created by RequestExecutor::send().
 */
class ApiCall final : public QObject
{
    Q_OBJECT
public:
    ~ApiCall() override;

    const ApiError &error() const { return m_error; }
    /** The last attempt's response body. */
    const QByteArray &body() const { return m_body; }
    /** The last attempt's HTTP status (0: no HTTP answer). */
    int httpStatus() const { return m_httpStatus; }
    /** Attempts started so far (1 to the retry policy's maximum, plus a clock-skew retry). */
    int attempts() const { return m_attempt; }
    const QString &operation() const { return m_request.operation; }

    /**
     * The parsed result of a successful call, or nullptr (a failed call, no parser, or not
     * a @p T). IotDataClient and IotControlClient document the type of each operation.
     */
    template<class T>
    const T *result() const
    {
        return std::any_cast<T>(&m_result);
    }

    void cancel();

Q_SIGNALS:
    void finished();

private:
    friend class RequestExecutor;

    ApiCall(ApiRequest request, QObject *parent);
    void finish();

    ApiRequest m_request;
    QPointer<QNetworkReply> m_reply;
    QTimer m_backoff;               ///< the wait before the next attempt
    QDateTime m_attemptStarted;
    QElapsedTimer m_attemptTimer;
    QString m_tlsError;             ///< the current attempt's first TLS error
    qint64 m_oversizedBytes = 0;    ///< the current attempt's answer, aborted as too large
    int m_attempt = 0;
    int m_lastRetryCost = 0;
    bool m_skewRetried = false;
    bool m_credentialsRefreshed = false;
    ApiError m_error;
    QByteArray m_body;
    int m_httpStatus = 0;
    std::any m_result;
    bool m_finished = false;
};

} // namespace Iot
