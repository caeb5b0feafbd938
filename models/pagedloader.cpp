// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagedloader.h"

#include <utility>

PagedLoader::PagedLoader(QObject *owner, std::function<void(bool)> loadingChanged,
                         std::function<void(const QString &)> failed)
    : m_owner(owner)
    , m_loadingChanged(std::move(loadingChanged))
    , m_failed(std::move(failed))
{
}

PagedLoader::~PagedLoader()
{
    if (m_loading && m_source)
        m_source->cancel();
}

void PagedLoader::detach()
{
    if (m_source) {
        if (m_loading)
            m_source->cancel();
        QObject::disconnect(m_source, nullptr, m_owner, nullptr);
    }
    setLoading(false);
}

void PagedLoader::abandon()
{
    ++m_generation;
    if (m_loading && m_source)
        m_source->cancel();
    setLoading(false);
}

void PagedLoader::restart()
{
    m_nextToken.clear();
    m_error.clear();
    m_stopped = false;
    m_hasMore = m_source != nullptr;
}

void PagedLoader::retry()
{
    if (m_error.isEmpty() && !m_stopped)
        return;
    m_error.clear();
    m_stopped = false;
    fetchMore();
}

void PagedLoader::stop()
{
    if (!m_loading)
        return;
    ++m_generation;
    if (m_source)
        m_source->cancel();
    m_stopped = true;
    setLoading(false);
}

bool PagedLoader::canFetchMore() const
{
    return m_source && m_hasMore && !m_loading && !m_stopped && m_error.isEmpty();
}

void PagedLoader::fetchMore()
{
    if (!canFetchMore())
        return;
    setLoading(true);
    m_inFetchMore = true;
    m_source->fetchPage(m_nextToken, m_generation);
    m_inFetchMore = false;
}

bool PagedLoader::isComplete() const
{
    return m_source && !m_hasMore && !m_loading && m_error.isEmpty();
}

bool PagedLoader::answerNow(quint64 generation, const std::function<void()> &again)
{
    // Applied from the event loop: fetchMore() may be called by a view or proxy while it
    // handles another change of the model.
    if (m_inFetchMore) {
        QMetaObject::invokeMethod(m_owner, again, Qt::QueuedConnection);
        return false;
    }
    return generation == m_generation && m_loading;
}

void PagedLoader::pageApplied(const QString &nextToken)
{
    m_nextToken = nextToken;
    m_hasMore = !m_nextToken.isEmpty();
    setLoading(false);
}

void PagedLoader::onPageFailed(quint64 generation, const QString &message)
{
    if (!answerNow(generation, [this, generation, message] { onPageFailed(generation, message); }))
        return;
    m_error = message;
    setLoading(false);
    m_failed(message);
}

void PagedLoader::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    m_loadingChanged(loading);
}
