// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"

#include <QObject>
#include <QString>

/**
 * Where RetainedTopicsModel gets its pages of ListRetainedMessages from (STYLE.md rule 11),
 * as ThingPageSource is for ThingsModel: the services implement it over the network, a test
 * with canned pages. One page is in flight at a time; each request carries a @p generation
 * that the answer repeats, so the model can drop an answer it no longer wants (rule 8).
 * Answers may be given at once (inside fetchPage()) or later from the event loop.
 * @see RetainedTopicsModel
 */
class RetainedPageSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /**
     * Asks for the page after @p nextToken (empty: the first page) and answers with
     * pageArrived() or pageFailed() carrying @p generation. A new request replaces one
     * still in flight.
     */
    virtual void fetchPage(const QString &nextToken, quint64 generation) = 0;
    /** Abandons the request in flight, if any; it is answered with nothing. */
    virtual void cancel() = 0;

Q_SIGNALS:
    void pageArrived(quint64 generation, const Iot::RetainedPage &page);
    /** @p message is for the user (already translated). */
    void pageFailed(quint64 generation, const QString &message);
};
