// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

/**
 * Where a lazily paged model gets its pages from (STYLE.md rule 11): the services implement
 * it over the network, a test with canned pages; keeps models/ free of network code. A
 * subclass adds the page type (`using Page = …`) and its pageArrived(quint64, const Page &)
 * signal, which Q_OBJECT classes cannot take from a template: ThingPageSource,
 * RetainedPageSource.
 *
 * One page is in flight at a time. Each request carries a @p generation that the answer
 * repeats, so the model can drop an answer to a request it no longer wants (rule 8).
 * Answers may be given at once (inside fetchPage()) or later from the event loop.
 * @see PagedLoader
 */
class PageSource : public QObject
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
    /** @p message is for the user (already translated). */
    void pageFailed(quint64 generation, const QString &message);
};
