// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <deque>
#include <vector>

namespace Iot {

class ApiCall;
class IotDataClient;

/**
 * Deletes retained messages so that they can be put back: remove() first fetches each
 * topic's message with GetRetainedMessage (payload, QoS, user properties) into an undo
 * buffer, and only once that succeeded publishes an empty payload with RETAIN to the topic,
 * which is how AWS IoT deletes a retained message. A topic whose message could not be saved
 * is never deleted; it is reported in removed()'s failed list. One whose delete failed after
 * it was saved is reported there too but stays undoable: the service may have run the delete
 * before its answer was lost (re-publishing a message that is still there changes nothing).
 * At most MaxInFlight calls are in flight at a time.
 *
 * Each removal is one entry on a stack; undo() re-publishes the newest entry's messages
 * exactly as they were fetched (payload bytes, QoS, RETAIN, user properties) and drops those
 * that were restored (one that fails stays, so another undo() retries it). GetRetainedMessage
 * returns no other MQTT 5 property, so none other can be restored.
 *
 * One operation runs at a time: a remove() or undo() asked for while another runs is queued
 * and starts when it ends (an undo() then undoes the newest entry at that time). Make one
 * per data client (per connection): the buffer holds that account's messages, in memory
 * only. Calls in flight are cancelled when the object is destroyed.
 */
class RetainedUndo final : public QObject
{
    Q_OBJECT
public:
    /** The most GetRetainedMessage and Publish calls in flight at once. */
    static constexpr int MaxInFlight = 4;

    /** A topic that was not deleted or not restored, and why. */
    struct Failure
    {
        QString topic;
        QString message; ///< for the user
    };

    /** @p client is not owned and must outlive this object. */
    explicit RetainedUndo(IotDataClient *client, QObject *parent = nullptr);
    ~RetainedUndo() override;

    /**
     * Saves then deletes the retained messages of @p topics (duplicates once), progress()
     * after each topic, removed() at the end; see the class description.
     */
    void remove(const QStringList &topics);
    /** True while an undo buffer entry exists. */
    bool canUndo() const { return !m_stack.empty(); }
    /** The topics undo() would restore (the newest entry's), in the order they were given. */
    QStringList undoTopics() const;
    /** Removals on the stack. */
    int undoCount() const { return int(m_stack.size()); }
    /**
     * Re-publishes the newest entry's messages with RETAIN, progress() after each, undone()
     * at the end; undone(0, {}) when there is nothing to undo.
     */
    void undo();
    /** True while a remove() or undo() runs (or is queued). */
    bool isBusy() const { return m_running || !m_queue.empty(); }
    /** Why topics failed in the last operation that ended, in the order they were given. */
    const QList<Failure> &lastFailures() const { return m_lastFailures; }
    /** The topics deleted (or restored) by the last operation that ended, in order. */
    const QStringList &lastSucceeded() const { return m_lastSucceeded; }

Q_SIGNALS:
    /** @p done of @p total topics of the running operation have ended. */
    void progress(int done, int total);
    /** A remove() ended: @p deleted messages were saved and deleted, @p failed were not. */
    void removed(int deleted, const QStringList &failed);
    /** An undo() ended: @p restored messages are back, @p failed are still in the buffer. */
    void undone(int restored, const QStringList &failed);
    /** The stack changed (canUndo(), undoTopics() or undoCount() may differ), or busy did. */
    void stateChanged();

private:
    enum class Stage { Waiting, Saving, Deleting, Restoring, Done, Failed };
    struct Item
    {
        QString topic;
        RetainedMessage message; ///< once saved
        Stage stage = Stage::Waiting;
        QPointer<ApiCall> call;
        QString error;
    };
    struct Operation
    {
        bool undo = false;
        QStringList topics; ///< remove() only
    };

    void startNext();
    void pump();
    void startItem(size_t index);
    void itemFinished(size_t index, ApiCall *call);
    void finishOperation();

    IotDataClient *m_client;
    std::deque<Operation> m_queue;
    std::vector<std::vector<RetainedMessage>> m_stack; ///< removals, newest last
    std::vector<Item> m_items;                         ///< the running operation's topics
    bool m_running = false;
    bool m_undoing = false;
    size_t m_next = 0; ///< the next item to start
    int m_inFlight = 0;
    int m_done = 0;
    QList<Failure> m_lastFailures;
    QStringList m_lastSucceeded;
};

} // namespace Iot
