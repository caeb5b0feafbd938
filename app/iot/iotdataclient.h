// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "endpoint.h"
#include "iot/iottypes.h"

#include <QObject>
#include <QString>

namespace Iot {

class ApiCall;
class RequestExecutor;

/**
 * The seven AWS IoT Data Plane operations (IOT-DATA-PLANE.md section 2), each an ApiCall
 * whose result() is the type named below. A shadow name left empty means the classic
 * shadow. The endpoint's scope is normally signed as "iotdata".
 */
class IotDataClient final : public QObject
{
    Q_OBJECT
public:
    /** @p executor must outlive the client. */
    IotDataClient(RequestExecutor *executor, Endpoint endpoint, QObject *parent = nullptr);

    const Endpoint &endpoint() const { return m_endpoint; }

    /** Result: ShadowDocument. */
    ApiCall *getThingShadow(const QString &thingName, const QString &shadowName = {});
    /** Result: ShadowDocument (the accepted document). @p document is sent as it is. */
    ApiCall *updateThingShadow(const QString &thingName, const QString &shadowName,
                               const QByteArray &document);
    /** Result: DeletedShadow. */
    ApiCall *deleteThingShadow(const QString &thingName, const QString &shadowName = {});
    /** Result: NamedShadowPage. @p pageSize 0: the service's default. */
    ApiCall *listNamedShadowsForThing(const QString &thingName, const QString &nextToken = {},
                                      int pageSize = 0);
    /** Result: RetainedPage. @p maxResults 0: the service's default. */
    ApiCall *listRetainedMessages(const QString &nextToken = {}, int maxResults = 0);
    /** Result: RetainedMessage. */
    ApiCall *getRetainedMessage(const QString &topic);
    /** No result: success is the absence of an error. */
    ApiCall *publish(const PublishRequest &request);

private:
    RequestExecutor *m_executor;
    Endpoint m_endpoint;
};

} // namespace Iot
