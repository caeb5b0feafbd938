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
 * The AWS IoT control-plane operations Shadowscope uses (IOT-DATA-PLANE.md 7.2 and 7.3),
 * each an ApiCall whose result() is the type named below. The endpoint is
 * https://iot.<region>.amazonaws.com, signed as "iot".
 */
class IotControlClient final : public QObject
{
    Q_OBJECT
public:
    /** @p executor must outlive the client. */
    IotControlClient(RequestExecutor *executor, Endpoint endpoint, QObject *parent = nullptr);

    const Endpoint &endpoint() const { return m_endpoint; }

    /** Result: ThingPage. */
    ApiCall *listThings(const ListThingsRequest &request = {});
    /** Result: EndpointAddress. */
    ApiCall *describeEndpoint(const QString &endpointType = QStringLiteral("iot:Data-ATS"));

private:
    RequestExecutor *m_executor;
    Endpoint m_endpoint;
};

} // namespace Iot
