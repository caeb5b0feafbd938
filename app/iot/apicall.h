// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

class QNetworkReply;

namespace Iot {

/**
 * One AWS call in flight (the job object of STYLE.md rule 6): finished() fires exactly once,
 * always from the event loop (never inside send() or cancel()), after which error() and
 * body() hold the outcome. Connect with a context object; cancel() aborts the request and
 * finishes with ApiError::Kind::Cancelled. Deletes itself once finished() was delivered; a
 * receiver may also delete it, or its executor, in its slot.
 */
class ApiCall final : public QObject
{
    Q_OBJECT
public:
    explicit ApiCall(QNetworkReply *reply, QObject *parent = nullptr);
    ~ApiCall() override;

    const ApiError &error() const { return m_error; }
    const QByteArray &body() const { return m_body; }
    int httpStatus() const { return m_httpStatus; }

    void cancel();

Q_SIGNALS:
    void finished();

private:
    void onReplyFinished();
    void finish();

    QPointer<QNetworkReply> m_reply;
    ApiError m_error;
    QByteArray m_body;
    int m_httpStatus = 0;
    bool m_finished = false;
};

} // namespace Iot
