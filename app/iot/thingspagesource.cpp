// SPDX-License-Identifier: GPL-3.0-or-later
#include "thingspagesource.h"

#include "iotcontrolclient.h"

namespace Iot {

ThingsPageSource::ThingsPageSource(IotControlClient *client, int pageSize, QObject *parent)
    : ApiPageSource(parent)
    , m_client(client)
    , m_pageSize(pageSize)
{
}

void ThingsPageSource::setFilter(const ListThingsRequest &filter)
{
    m_filter = {};
    m_filter.thingTypeName = filter.thingTypeName;
    m_filter.attributeName = filter.attributeName;
    m_filter.attributeValue = filter.attributeValue;
    m_filter.usePrefixAttributeValue = filter.usePrefixAttributeValue;
}

ApiCall *ThingsPageSource::startCall(const QString &nextToken)
{
    ListThingsRequest request = m_filter;
    request.maxResults = m_pageSize;
    request.nextToken = nextToken;
    return m_client->listThings(request);
}

} // namespace Iot
