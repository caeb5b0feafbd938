// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apipagesource.h"
#include "thingpagesource.h"

namespace Iot {

class IotControlClient;

/**
 * ThingsModel's pages from ListThings through @p client (which must outlive the source):
 * @p pageSize things a page (100 by default, the most AWS gives). One call at a time, as
 * ApiPageSource says. A server-side filter (thing type, attribute name and value) narrows
 * every page asked for after setFilter().
 */
class ThingsPageSource final : public ApiPageSource<ThingPageSource>
{
    Q_OBJECT
public:
    explicit ThingsPageSource(IotControlClient *client, int pageSize = 100,
                              QObject *parent = nullptr);

    /**
     * ListThings' filters for the pages asked for from now on: @p filter's thingTypeName,
     * attributeName, attributeValue and usePrefixAttributeValue (its paging members are
     * ignored). The caller starts over from the first page (ThingsModel::reset()).
     */
    void setFilter(const ListThingsRequest &filter);
    /** The filter set; its paging members are unset. */
    ListThingsRequest filter() const { return m_filter; }

private:
    ApiCall *startCall(const QString &nextToken) override;

    IotControlClient *m_client;
    int m_pageSize;
    ListThingsRequest m_filter;
};

} // namespace Iot
