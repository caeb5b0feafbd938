// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"
#include "pagesource.h"

/**
 * Where ThingsModel gets its pages of ListThings from: a PageSource of Iot::ThingPage.
 * @see ThingsModel
 */
class ThingPageSource : public PageSource
{
    Q_OBJECT
public:
    using Page = Iot::ThingPage;
    using PageSource::PageSource;

Q_SIGNALS:
    void pageArrived(quint64 generation, const Iot::ThingPage &page);
};
