// SPDX-License-Identifier: GPL-3.0-or-later
#include "iotdataclient.h"

#include "apicall.h"
#include "iotjson.h"
#include "requestexecutor.h"

namespace Iot {

IotDataClient::IotDataClient(RequestExecutor *executor, Endpoint endpoint, QObject *parent)
    : QObject(parent)
    , m_executor(executor)
    , m_endpoint(std::move(endpoint))
{
}

ApiCall *IotDataClient::getThingShadow(const QString &thingName, const QString &shadowName)
{
    return m_executor->send({QStringLiteral("GetThingShadow"), m_endpoint, "GET",
                             IotJson::shadowPath(thingName), IotJson::shadowQuery(shadowName), {},
                             {}, makeParser(&IotJson::parseShadowDocument)});
}

ApiCall *IotDataClient::updateThingShadow(const QString &thingName, const QString &shadowName,
                                          const QByteArray &document)
{
    return m_executor->send({QStringLiteral("UpdateThingShadow"), m_endpoint, "POST",
                             IotJson::shadowPath(thingName), IotJson::shadowQuery(shadowName),
                             document, {}, makeParser(&IotJson::parseShadowDocument)});
}

ApiCall *IotDataClient::deleteThingShadow(const QString &thingName, const QString &shadowName)
{
    return m_executor->send({QStringLiteral("DeleteThingShadow"), m_endpoint, "DELETE",
                             IotJson::shadowPath(thingName), IotJson::shadowQuery(shadowName), {},
                             {}, makeParser(&IotJson::parseDeletedShadow)});
}

ApiCall *IotDataClient::listNamedShadowsForThing(const QString &thingName,
                                                 const QString &nextToken, int pageSize)
{
    return m_executor->send({QStringLiteral("ListNamedShadowsForThing"), m_endpoint, "GET",
                             IotJson::namedShadowsPath(thingName),
                             IotJson::namedShadowsQuery(nextToken, pageSize), {}, {},
                             makeParser(&IotJson::parseNamedShadowPage)});
}

ApiCall *IotDataClient::listRetainedMessages(const QString &nextToken, int maxResults)
{
    return m_executor->send({QStringLiteral("ListRetainedMessages"), m_endpoint, "GET",
                             QByteArrayLiteral("/retainedMessage"),
                             IotJson::retainedMessagesQuery(nextToken, maxResults), {}, {},
                             makeParser(&IotJson::parseRetainedPage)});
}

ApiCall *IotDataClient::getRetainedMessage(const QString &topic)
{
    return m_executor->send({QStringLiteral("GetRetainedMessage"), m_endpoint, "GET",
                             IotJson::retainedMessagePath(topic), {}, {}, {},
                             makeParser(&IotJson::parseRetainedMessage)});
}

ApiCall *IotDataClient::publish(const PublishRequest &request)
{
    return m_executor->send({QStringLiteral("Publish"), m_endpoint, "POST",
                             IotJson::publishPath(request.topic), IotJson::publishQuery(request),
                             request.payload, IotJson::publishHeaders(request), {}});
}

} // namespace Iot
