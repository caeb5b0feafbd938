// SPDX-License-Identifier: GPL-3.0-or-later
#include "retainedtopicspagesource.h"

#include "apicall.h"
#include "iotdataclient.h"

namespace Iot {

RetainedTopicsPageSource::RetainedTopicsPageSource(IotDataClient *client, int pageSize,
                                                   QObject *parent)
    : RetainedPageSource(parent)
    , m_client(client)
    , m_pageSize(pageSize)
{
}

RetainedTopicsPageSource::~RetainedTopicsPageSource()
{
    cancel();
}

void RetainedTopicsPageSource::fetchPage(const QString &nextToken, quint64 generation)
{
    cancel();
    ApiCall *call = m_client->listRetainedMessages(nextToken, m_pageSize);
    m_call = call;
    connect(call, &ApiCall::finished, this, [this, call, generation] {
        m_call.clear();
        if (const RetainedPage *page = call->result<RetainedPage>())
            Q_EMIT pageArrived(generation, *page);
        else
            Q_EMIT pageFailed(generation, call->error().userMessage());
    });
}

void RetainedTopicsPageSource::cancel()
{
    if (!m_call)
        return;
    disconnect(m_call, nullptr, this, nullptr);
    m_call->cancel();
    m_call.clear();
}

} // namespace Iot
