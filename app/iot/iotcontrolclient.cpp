// SPDX-License-Identifier: GPL-3.0-or-later
#include "iotcontrolclient.h"

#include "apicall.h"
#include "iotjson.h"
#include "requestexecutor.h"

namespace Iot {

IotControlClient::IotControlClient(RequestExecutor *executor, Endpoint endpoint, QObject *parent)
    : QObject(parent)
    , m_executor(executor)
    , m_endpoint(std::move(endpoint))
{
}

ApiCall *IotControlClient::listThings(const ListThingsRequest &request)
{
    return m_executor->send({QStringLiteral("ListThings"), m_endpoint, "GET",
                             QByteArrayLiteral("/things"), IotJson::listThingsQuery(request), {},
                             {}, makeParser(&IotJson::parseThingPage)});
}

ApiCall *IotControlClient::describeEndpoint(const QString &endpointType)
{
    return m_executor->send({QStringLiteral("DescribeEndpoint"), m_endpoint, "GET",
                             QByteArrayLiteral("/endpoint"),
                             IotJson::describeEndpointQuery(endpointType), {}, {},
                             makeParser(&IotJson::parseEndpointAddress)});
}

} // namespace Iot
