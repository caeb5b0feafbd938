// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagesource.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

/**
 * The lazy-paging state a model keeps over its PageSource (not a QObject: the model owns one
 * and forwards to it): the next page's token, whether one is still to be asked for, the page
 * in flight, the last failure and a stop by the user. canFetchMore() is true while a next page
 * exists, none is in flight, loading was not stopped and the last request did not fail.
 *
 * Answers are handed to the model from the event loop when the source gives them inside
 * fetchMore(), so a view or proxy calling the model's fetchMore() while it handles a change
 * of the model never sees a nested change. A generation counter, bumped by abandon() and
 * stop(), drops late answers to earlier requests (rule 8).
 */
class PagedLoader final
{
public:
    /**
     * @p owner is the model: the source's signals are connected with it as context and
     * deferred answers go through its event loop. @p loadingChanged and @p failed are called
     * as the model's signals of those names are to be emitted.
     */
    PagedLoader(QObject *owner, std::function<void(bool)> loadingChanged,
                std::function<void(const QString &)> failed);
    /** Cancels the request in flight. */
    ~PagedLoader();
    PagedLoader(const PagedLoader &) = delete;
    PagedLoader &operator=(const PagedLoader &) = delete;

    /**
     * Loads from @p source (not owned; nullptr: none) from now on, handing each page that
     * arrives to @p applyPage before its nextToken is taken; cancels the old source's request
     * in flight. The caller then starts over (abandon(), restart()).
     */
    template<typename Source>
    void setSource(Source *source, std::function<void(const typename Source::Page &)> applyPage)
    {
        detach();
        m_source = source;
        if (!source)
            return;
        QObject::connect(source, &Source::pageArrived, m_owner,
                         [this, applyPage](quint64 generation, const typename Source::Page &page) {
                             onPageArrived(generation, page, applyPage);
                         });
        QObject::connect(source, &PageSource::pageFailed, m_owner,
                         [this](quint64 generation, const QString &message) {
                             onPageFailed(generation, message);
                         });
    }
    PageSource *source() const { return m_source; }

    /** Drops the page in flight and any late answer (the first half of a model's reset). */
    void abandon();
    /** Starts over from the first page, clearing the failure and a stop (the second half). */
    void restart();
    /** After a failure or stop(): clears them and asks for the next page again. */
    void retry();
    /** Abandons the page in flight and asks for no more until retry() or restart(). */
    void stop();

    bool canFetchMore() const;
    /** Asks for the next page when canFetchMore(). */
    void fetchMore();

    bool isLoading() const { return m_loading; }
    bool isStopped() const { return m_stopped; }
    /** The last request's failure for the user; empty when it did not fail. */
    QString errorMessage() const { return m_error; }
    /** True once the last page has arrived. */
    bool isComplete() const;

private:
    /** Disconnects and cancels the current source's request in flight, if any. */
    void detach();
    template<typename Page>
    void onPageArrived(quint64 generation, const Page &page,
                       const std::function<void(const Page &)> &applyPage)
    {
        if (!answerNow(generation, [this, generation, page, applyPage] {
                onPageArrived(generation, page, applyPage);
            }))
            return;
        applyPage(page);
        pageApplied(page.nextToken);
    }
    /**
     * True when an answer to @p generation is to be applied now. An answer given inside
     * fetchMore() is handed to @p again from the event loop instead; a stale one is dropped.
     */
    bool answerNow(quint64 generation, const std::function<void()> &again);
    /** Takes the applied page's @p nextToken and ends loading. */
    void pageApplied(const QString &nextToken);
    void onPageFailed(quint64 generation, const QString &message);
    void setLoading(bool loading);

    QObject *m_owner;
    std::function<void(bool)> m_loadingChanged;
    std::function<void(const QString &)> m_failed;
    QPointer<PageSource> m_source;
    QString m_nextToken;
    QString m_error;
    quint64 m_generation = 0;
    bool m_hasMore = false; ///< a first or next page is still to be asked for
    bool m_loading = false;
    bool m_stopped = false;
    bool m_inFetchMore = false;
};
