// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shadowsource.h"

#include <QList>
#include <QPointer>

namespace Iot {

class ApiCall;
class IotDataClient;
struct ApiError;

/**
 * A ShadowSource over ListNamedShadowsForThing and GetThingShadow through @p client (which
 * must outlive the source), @p pageSize names a page (100, the most AWS gives). Every request
 * is its own call; cancelAll() and destruction cancel the calls in flight, whose answers are
 * then never delivered. GetThingShadow's 404 ResourceNotFoundException is documentMissing();
 * other failures carry ApiError::userMessage() and errorDetails().
 */
class DataShadowSource final : public ShadowSource
{
    Q_OBJECT
public:
    explicit DataShadowSource(IotDataClient *client, int pageSize = 100,
                              QObject *parent = nullptr);
    ~DataShadowSource() override;

    void listShadows(const QString &thingName, const QString &nextToken,
                     quint64 generation) override;
    void fetchDocument(const QString &thingName, const QString &shadowName,
                       quint64 generation) override;
    void cancelAll() override;

    /** How many calls are in flight. */
    int pendingCalls() const;

    /** Every field of @p error, one "Name: value" line each, for a Details view. */
    static QString errorDetails(const ApiError &error);

private:
    void track(ApiCall *call);

    IotDataClient *m_client;
    int m_pageSize;
    QList<QPointer<ApiCall>> m_calls;
};

} // namespace Iot
