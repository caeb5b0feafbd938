// SPDX-License-Identifier: GPL-3.0-or-later
#include "datashadowsource.h"

#include "apicall.h"
#include "apierror.h"
#include "iotdataclient.h"

#include <QStringList>

#include <algorithm>
#include <utility>

namespace Iot {

DataShadowSource::DataShadowSource(IotDataClient *client, int pageSize, QObject *parent)
    : ShadowSource(parent)
    , m_client(client)
    , m_pageSize(pageSize)
{
}

DataShadowSource::~DataShadowSource()
{
    cancelAll();
}

void DataShadowSource::listShadows(const QString &thingName, const QString &nextToken,
                                   quint64 generation)
{
    ApiCall *call = m_client->listNamedShadowsForThing(thingName, nextToken, m_pageSize);
    track(call);
    connect(call, &ApiCall::finished, this, [this, call, generation] {
        m_calls.removeAll(call);
        if (const NamedShadowPage *page = call->result<NamedShadowPage>())
            Q_EMIT namesArrived(generation, *page);
        else
            Q_EMIT namesFailed(generation, call->error().userMessage(),
                               errorDetails(call->error()));
    });
}

void DataShadowSource::fetchDocument(const QString &thingName, const QString &shadowName,
                                     quint64 generation)
{
    ApiCall *call = m_client->getThingShadow(thingName, shadowName);
    track(call);
    connect(call, &ApiCall::finished, this, [this, call, shadowName, generation] {
        m_calls.removeAll(call);
        const ApiError &error = call->error();
        if (const ShadowDocument *document = call->result<ShadowDocument>())
            Q_EMIT documentArrived(generation, shadowName, *document);
        else if (error.httpStatus == 404
                 && error.code == QLatin1String("ResourceNotFoundException"))
            Q_EMIT documentMissing(generation, shadowName);
        else
            Q_EMIT documentFailed(generation, shadowName, error.userMessage(),
                                  errorDetails(error));
    });
}

void DataShadowSource::cancelAll()
{
    const QList<QPointer<ApiCall>> calls = std::exchange(m_calls, {});
    for (const QPointer<ApiCall> &call : calls) {
        if (!call)
            continue;
        disconnect(call, nullptr, this, nullptr);
        call->cancel();
    }
}

int DataShadowSource::pendingCalls() const
{
    return int(std::count_if(m_calls.cbegin(), m_calls.cend(),
                             [](const QPointer<ApiCall> &call) { return !call.isNull(); }));
}

QString DataShadowSource::errorDetails(const ApiError &error)
{
    QStringList lines;
    lines.append(error.userMessage());
    if (error.httpStatus != 0)
        lines.append(tr("HTTP status: %1").arg(error.httpStatus));
    if (!error.code.isEmpty())
        lines.append(tr("Error code: %1").arg(error.code));
    if (!error.message.isEmpty())
        lines.append(tr("Message: %1").arg(error.message));
    if (!error.requestId.isEmpty())
        lines.append(tr("Request ID: %1").arg(error.requestId));
    lines.append(tr("Attempts: %1").arg(error.attempts));
    lines.append(error.retryable ? tr("Retryable: yes") : tr("Retryable: no"));
    return lines.join(u'\n');
}

void DataShadowSource::track(ApiCall *call)
{
    m_calls.removeIf([](const QPointer<ApiCall> &pending) { return pending.isNull(); });
    m_calls.append(call);
}

} // namespace Iot
