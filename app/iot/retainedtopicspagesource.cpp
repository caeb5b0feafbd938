// SPDX-License-Identifier: GPL-3.0-or-later
#include "retainedtopicspagesource.h"

#include "iotdataclient.h"

namespace Iot {

RetainedTopicsPageSource::RetainedTopicsPageSource(IotDataClient *client, int pageSize,
                                                   QObject *parent)
    : ApiPageSource(parent)
    , m_client(client)
    , m_pageSize(pageSize)
{
}

ApiCall *RetainedTopicsPageSource::startCall(const QString &nextToken)
{
    return m_client->listRetainedMessages(nextToken, m_pageSize);
}

} // namespace Iot
