// SPDX-License-Identifier: GPL-3.0-or-later
#include "apicall.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace Iot {

namespace {

// The error code as botocore reads it: x-amzn-ErrorType before its ':', else the body's
// __type after its last '#', else the body's code.
QString errorCode(const QNetworkReply *reply, const QJsonObject &body)
{
    const QByteArray type = reply->rawHeader("x-amzn-ErrorType");
    if (!type.isEmpty())
        return QString::fromUtf8(type.left(type.indexOf(':') < 0 ? type.size() : type.indexOf(':')));
    const QString bodyType = body.value(QStringLiteral("__type")).toString();
    if (!bodyType.isEmpty())
        return bodyType.mid(bodyType.lastIndexOf(u'#') + 1);
    return body.value(QStringLiteral("code")).toVariant().toString();
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
    m_cancelled = true;
    m_reply->abort();
}

void ApiCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    m_finished = true;
    m_body = reply->readAll();
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_error.requestId = QString::fromLatin1(reply->rawHeader("x-amzn-RequestId"));
    if (m_cancelled) {
        m_error.kind = ApiError::Kind::Cancelled;
    } else if (m_httpStatus == 0) {
        m_error.kind = ApiError::Kind::Transport;
        m_error.message = reply->errorString();
    } else if (m_httpStatus >= 300) {
        const QJsonObject body = QJsonDocument::fromJson(m_body).object();
        m_error.kind = ApiError::Kind::Service;
        m_error.httpStatus = m_httpStatus;
        m_error.code = errorCode(reply, body);
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
    Q_EMIT finished();
    deleteLater();
}

} // namespace Iot
