// SPDX-License-Identifier: GPL-3.0-or-later
#include "apicall.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

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

} // namespace

ApiCall::ApiCall(QNetworkReply *reply, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
{
    connect(reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiCall::cancel()
{
    if (m_finished || !m_reply)
        return;
    // abort() would emit the reply's finished() at once, inside the caller's cancel(): the
    // call finishes later instead, from the event loop, like every other outcome.
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    m_error.kind = ApiError::Kind::Cancelled;
    finish();
}

void ApiCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    m_body = reply->readAll();
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_error.requestId = QString::fromLatin1(reply->rawHeader("x-amzn-RequestId"));
    if (m_httpStatus == 0) {
        m_error.kind = ApiError::Kind::Transport;
        m_error.message = reply->errorString();
    } else if (m_httpStatus >= 300) {
        const QJsonObject body = QJsonDocument::fromJson(m_body).object();
        m_error.kind = ApiError::Kind::Service;
        m_error.httpStatus = m_httpStatus;
        m_error.code = errorCode(reply, m_httpStatus, body);
        m_error.message = body.contains(QStringLiteral("message"))
            ? body.value(QStringLiteral("message")).toString()
            : body.value(QStringLiteral("Message")).toString();
        if (m_error.message.isEmpty())
            m_error.message = QString::fromUtf8(m_body);
    } else if (reply->error() != QNetworkReply::NoError) {
        // A 2xx whose body did not arrive whole (a reset or a truncated response).
        m_error.kind = ApiError::Kind::Transport;
        m_error.message = reply->errorString();
    }
    finish();
}

void ApiCall::finish()
{
    m_finished = true;
    // The call deletes itself only after finished() was delivered (a deferred delete posted
    // now could run first: QTest::qWait sends deferred deletes ahead of other events), and
    // not at all when a receiver deleted it, or its executor, in its slot.
    QMetaObject::invokeMethod(
        this,
        [this] {
            const QPointer<ApiCall> alive(this);
            Q_EMIT finished();
            if (alive)
                deleteLater();
        },
        Qt::QueuedConnection);
}

} // namespace Iot
