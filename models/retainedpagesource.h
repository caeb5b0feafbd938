// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"
#include "pagesource.h"

/**
 * Where RetainedTopicsModel gets its pages of ListRetainedMessages from: a PageSource of
 * Iot::RetainedPage.
 * @see RetainedTopicsModel
 */
class RetainedPageSource : public PageSource
{
    Q_OBJECT
public:
    using Page = Iot::RetainedPage;
    using PageSource::PageSource;

Q_SIGNALS:
    void pageArrived(quint64 generation, const Iot::RetainedPage &page);
};
