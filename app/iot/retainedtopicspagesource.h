// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "retainedpagesource.h"

#include <QPointer>

namespace Iot {

class ApiCall;
class IotDataClient;

/**
 * RetainedTopicsModel's pages from ListRetainedMessages through @p client (which must outlive
 * the source): @p pageSize topics a page (200 by default, the most AWS gives). One call at a
 * time; a new request, cancel() and destruction cancel the call in flight, whose answer is
 * then never delivered. A failure is delivered as ApiError::userMessage().
 */
class RetainedTopicsPageSource final : public RetainedPageSource
{
    Q_OBJECT
public:
    explicit RetainedTopicsPageSource(IotDataClient *client, int pageSize = 200,
                                      QObject *parent = nullptr);
    ~RetainedTopicsPageSource() override;

    void fetchPage(const QString &nextToken, quint64 generation) override;
    void cancel() override;

private:
    IotDataClient *m_client;
    int m_pageSize;
    QPointer<ApiCall> m_call;
};

} // namespace Iot
