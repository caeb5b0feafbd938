// SPDX-License-Identifier: GPL-3.0-or-later
#include "thingspagesource.h"

#include "apicall.h"
#include "iotcontrolclient.h"

namespace Iot {

ThingsPageSource::ThingsPageSource(IotControlClient *client, int pageSize, QObject *parent)
    : ThingPageSource(parent)
    , m_client(client)
    , m_pageSize(pageSize)
{
}

ThingsPageSource::~ThingsPageSource()
{
    cancel();
}

void ThingsPageSource::setFilter(const ListThingsRequest &filter)
{
    m_filter = {};
    m_filter.thingTypeName = filter.thingTypeName;
    m_filter.attributeName = filter.attributeName;
    m_filter.attributeValue = filter.attributeValue;
    m_filter.usePrefixAttributeValue = filter.usePrefixAttributeValue;
}

void ThingsPageSource::fetchPage(const QString &nextToken, quint64 generation)
{
    cancel();
    ListThingsRequest request = m_filter;
    request.maxResults = m_pageSize;
    request.nextToken = nextToken;
    ApiCall *call = m_client->listThings(request);
    m_call = call;
    connect(call, &ApiCall::finished, this, [this, call, generation] {
        m_call.clear();
        if (const ThingPage *page = call->result<ThingPage>())
            Q_EMIT pageArrived(generation, *page);
        else
            Q_EMIT pageFailed(generation, call->error().userMessage());
    });
}

void ThingsPageSource::cancel()
{
    if (!m_call)
        return;
    disconnect(m_call, nullptr, this, nullptr);
    m_call->cancel();
    m_call.clear();
}

} // namespace Iot
