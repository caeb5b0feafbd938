// SPDX-License-Identifier: GPL-3.0-or-later
#include "apicall.h"

#include "jobs/finishlater.h"

#include <QNetworkReply>

namespace Iot {

ApiCall::ApiCall(ApiRequest request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
{
    m_backoff.setSingleShot(true);
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
    if (m_finished)
        return;
    m_backoff.stop();
    if (QNetworkReply *reply = m_reply) {
        // abort() would emit the reply's finished() at once, inside the caller's cancel(): the
        // call finishes later instead, from the event loop, like every other outcome.
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_result.reset();
    m_error = ApiError{};
    m_error.kind = ApiError::Kind::Cancelled;
    m_error.attempts = m_attempt;
    finish();
}

void ApiCall::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Jobs::finishLater(this, &ApiCall::finished);
}

} // namespace Iot
