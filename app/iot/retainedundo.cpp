// SPDX-License-Identifier: GPL-3.0-or-later
#include "retainedundo.h"

#include "apicall.h"
#include "iotdataclient.h"

#include <QSet>

namespace Iot {

RetainedUndo::RetainedUndo(IotDataClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

RetainedUndo::~RetainedUndo()
{
    for (Item &item : m_items) {
        if (item.call) {
            disconnect(item.call, nullptr, this, nullptr);
            item.call->cancel();
        }
    }
}

void RetainedUndo::remove(const QStringList &topics)
{
    m_queue.push_back({ false, topics });
    startNext();
    Q_EMIT stateChanged();
}

QStringList RetainedUndo::undoTopics() const
{
    QStringList topics;
    if (!m_stack.empty()) {
        for (const RetainedMessage &message : m_stack.back())
            topics.append(message.topic);
    }
    return topics;
}

void RetainedUndo::undo()
{
    m_queue.push_back({ true, {} });
    startNext();
    Q_EMIT stateChanged();
}

void RetainedUndo::startNext()
{
    if (m_running || m_queue.empty())
        return;
    const Operation operation = m_queue.front();
    m_queue.pop_front();
    m_running = true;
    m_undoing = operation.undo;
    m_items.clear();
    m_next = 0;
    m_done = 0;
    m_inFlight = 0;
    if (m_undoing) {
        if (!m_stack.empty()) {
            for (const RetainedMessage &message : m_stack.back())
                m_items.push_back({ message.topic, message, Stage::Waiting, {}, {} });
        }
    } else {
        QSet<QString> seen;
        for (const QString &topic : operation.topics) {
            if (!seen.contains(topic)) {
                seen.insert(topic);
                m_items.push_back({ topic, {}, Stage::Waiting, {}, {} });
            }
        }
    }
    if (m_items.empty()) {
        // Nothing to do; still answered from the event loop, as the calls would be.
        QMetaObject::invokeMethod(this, &RetainedUndo::finishOperation, Qt::QueuedConnection);
        return;
    }
    pump();
}

void RetainedUndo::pump()
{
    while (m_inFlight < MaxInFlight && m_next < m_items.size())
        startItem(m_next++);
}

void RetainedUndo::startItem(size_t index)
{
    Item &item = m_items[index];
    ApiCall *call = nullptr;
    if (m_undoing) {
        PublishRequest request;
        request.topic = item.message.topic;
        request.payload = item.message.payload;
        request.qos = item.message.qos;
        request.retain = true;
        request.userProperties = item.message.userProperties;
        item.stage = Stage::Restoring;
        call = m_client->publish(request);
    } else if (item.stage == Stage::Waiting) {
        item.stage = Stage::Saving;
        call = m_client->getRetainedMessage(item.topic);
    } else {
        PublishRequest request;
        request.topic = item.topic;
        request.retain = true; // an empty retained payload deletes the retained message
        item.stage = Stage::Deleting;
        call = m_client->publish(request);
    }
    item.call = call;
    ++m_inFlight;
    connect(call, &ApiCall::finished, this, [this, index, call] { itemFinished(index, call); });
}

void RetainedUndo::itemFinished(size_t index, ApiCall *call)
{
    Item &item = m_items[index];
    item.call.clear();
    --m_inFlight;
    if (call->error().isError()) {
        item.error = call->error().userMessage();
        item.stage = Stage::Failed;
    } else if (item.stage == Stage::Saving) {
        const auto *message = call->result<RetainedMessage>();
        if (message && !message->payload.isEmpty()) {
            item.message = *message;
            item.message.topic = item.topic;
            // Deleted next, still counted against MaxInFlight: the same topic's second call.
            startItem(index);
            return;
        }
        item.error = tr("The message could not be saved, so it was not deleted.");
        item.stage = Stage::Failed;
    } else {
        item.stage = Stage::Done;
    }
    ++m_done;
    Q_EMIT progress(m_done, int(m_items.size()));
    pump();
    if (m_done == int(m_items.size()))
        finishOperation();
}

void RetainedUndo::finishOperation()
{
    std::vector<RetainedMessage> succeeded;
    std::vector<RetainedMessage> kept;
    std::vector<RetainedMessage> undoable; ///< a removal's entry: what undo may put back
    QStringList failed;
    m_lastFailures.clear();
    m_lastSucceeded.clear();
    for (const Item &item : m_items) {
        if (item.stage == Stage::Done) {
            succeeded.push_back(item.message);
            undoable.push_back(item.message);
            m_lastSucceeded.append(item.topic);
        } else {
            failed.append(item.topic);
            m_lastFailures.append({ item.topic, item.error });
            if (m_undoing)
                kept.push_back(item.message);
            // A removal that failed after its message was saved may still have deleted it
            // (an answer cut off after the service ran the request): undo must be able to
            // put it back. Publishing it again when it was not deleted changes nothing.
            else if (!item.message.topic.isEmpty())
                undoable.push_back(item.message);
        }
    }
    m_items.clear();
    m_running = false;
    const bool undoing = m_undoing;
    if (undoing && !m_stack.empty()) {
        if (kept.empty())
            m_stack.pop_back();
        else
            m_stack.back() = std::move(kept);
    } else if (!undoing && !undoable.empty()) {
        m_stack.push_back(std::move(undoable));
    }
    const int count = int(succeeded.size());
    Q_EMIT stateChanged();
    if (undoing)
        Q_EMIT undone(count, failed);
    else
        Q_EMIT removed(count, failed);
    startNext();
}

} // namespace Iot
