// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apipagesource.h"
#include "retainedpagesource.h"

namespace Iot {

class IotDataClient;

/**
 * RetainedTopicsModel's pages from ListRetainedMessages through @p client (which must outlive
 * the source): @p pageSize topics a page (200 by default, the most AWS gives). One call at a
 * time, as ApiPageSource says.
 */
class RetainedTopicsPageSource final : public ApiPageSource<RetainedPageSource>
{
    Q_OBJECT
public:
    explicit RetainedTopicsPageSource(IotDataClient *client, int pageSize = 200,
                                      QObject *parent = nullptr);

private:
    ApiCall *startCall(const QString &nextToken) override;

    IotDataClient *m_client;
    int m_pageSize;
};

} // namespace Iot
