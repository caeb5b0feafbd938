// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apicall.h"

#include <QPointer>
#include <QString>

namespace Iot {

/**
 * A @p Source (a PageSource: ThingPageSource, RetainedPageSource) over one ApiCall a page,
 * for the services' page sources, which only say which call asks for a page (startCall()).
 * One call at a time; a new request, cancel() and destruction cancel the call in flight,
 * whose answer is then never delivered. The call's result of type Source::Page is delivered
 * with pageArrived(), a failure with pageFailed() as ApiError::userMessage().
 */
template<typename Source> class ApiPageSource : public Source
{
public:
    using Source::Source;
    ~ApiPageSource() override { cancel(); }

    void fetchPage(const QString &nextToken, quint64 generation) final
    {
        cancel();
        ApiCall *call = startCall(nextToken);
        m_call = call;
        QObject::connect(call, &ApiCall::finished, this, [this, call, generation] {
            m_call.clear();
            if (const auto *page = call->template result<typename Source::Page>())
                Q_EMIT this->pageArrived(generation, *page);
            else
                Q_EMIT this->pageFailed(generation, call->error().userMessage());
        });
    }

    void cancel() final
    {
        if (!m_call)
            return;
        QObject::disconnect(m_call, nullptr, this, nullptr);
        m_call->cancel();
        m_call.clear();
    }

protected:
    /** Sends the call for the page after @p nextToken (empty: the first page). */
    virtual ApiCall *startCall(const QString &nextToken) = 0;

private:
    QPointer<ApiCall> m_call;
};

} // namespace Iot
