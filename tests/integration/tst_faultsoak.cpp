// SPDX-License-Identifier: GPL-3.0-or-later
// The fault soak: 500 mixed operations driven through the window (browse things and shadows,
// edit a shadow and save it through the review and, when it comes, the merge dialog, publish
// retained messages from the composer, delete a retained message and undo, refresh) against
// the in-process sandbox over loopback HTTP, under a seeded fault plan of latency, 429, 503,
// connection resets and truncated bodies on every operation. It ends without a crash; every
// edit whose save failed is still in its editor and in the DraftStore; once the faults are
// cleared and the edits left are saved, the server's documents are the ones the user saved;
// and the event loop never stalled for more than 100 ms (see Heartbeat for how it is measured).
#include "conflictdialog.h"
#include "iot/retainedundo.h"
#include "jsontextedit.h"
#include "mainwindow.h"
#include "namedshadowsmodel.h"
#include "publishcomposer.h"
#include "publishpage.h"
#include "retainedmessageview.h"
#include "retainedpane.h"
#include "reviewdialog.h"
#include "sandbox/sandboxbackend.h"
#include "sandboxrig.h"
#include "settings/applicationidentity.h"
#include "settings/draftstore.h"
#include "shadoweditor.h"
#include "shadowspane.h"
#include "shadowview.h"
#include "thingspane.h"
#include "widgetwaits.h"
#include "windowfixture.h"

#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <random>
#include <utility>

namespace {

constexpr int Operations = 500;
constexpr int MaxStallMs = 100;

// The goal is measured in the optimised build. Under AddressSanitizer, where every allocation
// and access costs about twice as much, a stall still fails the soak past three times the goal.
#if defined(__has_feature) // clang
#if __has_feature(address_sanitizer)
#define SHADOWSCOPE_ASAN
#endif
#elif defined(__SANITIZE_ADDRESS__) // gcc
#define SHADOWSCOPE_ASAN
#endif
#ifdef SHADOWSCOPE_ASAN
constexpr bool Sanitized = true;
#else
constexpr bool Sanitized = false;
#endif
constexpr int StallBoundMs = Sanitized ? 3 * MaxStallMs : MaxStallMs;

// The shadows the soak edits (thing, shadow), and those it only browses.
const QList<std::pair<QString, QString>> Edited = {
    {QStringLiteral("hvac-b2-floor3-01"), QString()},
    {QStringLiteral("hvac-b2-floor3-01"), QStringLiteral("firmware")},
    {QStringLiteral("hvac-b2-floor3-02"), QStringLiteral("config")},
};
const QStringList Browsed = {QStringLiteral("hvac-b1-floor1-01"), QStringLiteral("hvac-b2-floor3-02"),
                             QStringLiteral("hvac-b2-floor3-01")};
// The retained messages the soak deletes and restores.
const QStringList Deleted = {
    QStringLiteral("site/berlin-1/building/b1/floor/1/hvac-b1-floor1-01/status"),
    QStringLiteral("site/berlin-1/building/b1/floor/1/hvac-b1-floor1-01/temperature"),
};

// Latency, throttling, unavailability, resets and cut-off bodies on every operation; the
// first rule that fires wins, so each rule's probability is of the requests the ones before
// it spared.
const QByteArray FaultPlan = R"({"seed": 9, "rules": [
    {"kind": "reset", "probability": 0.15},
    {"kind": "status", "status": 429, "probability": 0.04},
    {"kind": "status", "status": 503, "probability": 0.04},
    {"kind": "truncate", "probability": 0.03},
    {"kind": "latency", "delayMs": 40, "probability": 0.05},
    {"kind": "latency", "delayMs": 10, "probability": 0.10}]})";
constexpr int LatencyMs = 40; // the longer delay, which a loopback request does not take otherwise

// How long the calling thread has waited, runnable, for a CPU (Linux's schedstat), in ms: the
// time another process held the CPU, which no code of ours could have used. 0 where unknown.
qint64 runQueueWaitMs()
{
    QFile schedstat(QStringLiteral("/proc/thread-self/schedstat"));
    if (!schedstat.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = schedstat.readAll().simplified().split(' ');
    return fields.size() >= 2 ? fields.at(1).toLongLong() / 1000000 : 0;
}

/**
 * How long the event loop was blocked, measured two ways while a 10 ms timer keeps events
 * due. The stall: the largest time between two events the thread dispatched (an event
 * filter on the application stamps each one), less the time the thread waited, runnable,
 * for a CPU that other processes held; a handler that runs long, or blocks in file I/O,
 * counts in full. The heartbeat: the largest gap between the timer's ticks, on the wall
 * clock and less those waits. The timer's ticks can lag while the loop goes on dispatching
 * other events (QTest's waits poll events and sleep 10 ms in turns, and the GLib dispatcher
 * runs timers at idle priority while events keep coming), so the soak bounds the stall and
 * reports the heartbeat.
 */
class Heartbeat final : public QObject
{
public:
    Heartbeat()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }
    void start()
    {
        m_clock.start();
        m_lastTick = m_lastEvent = m_lastRead = 0;
        m_lastTickWait = m_lastReadWait = runQueueWaitMs();
        qApp->installEventFilter(this);
        m_timer.start();
    }
    void stop()
    {
        tick();
        m_timer.stop();
        qApp->removeEventFilter(this);
    }
    /** The largest time between two dispatched events, less the waits for a CPU. */
    qint64 maxStallMs() const { return m_maxStall; }
    /** What ran when the largest stall ended. */
    QString maxStallActivity() const { return m_maxStallActivity; }
    /** The largest gap between the timer's ticks on the wall clock. */
    qint64 maxWallGapMs() const { return m_maxWallGap; }
    /** The largest gap between the timer's ticks less the waits for a CPU. */
    qint64 maxGapMs() const { return m_maxGap; }
    /** Names what runs now, for the report of the largest stall. */
    void setActivity(const QString &activity) { m_activity = activity; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const qint64 now = m_clock.elapsed();
        const qint64 gap = now - m_lastEvent;
        // The run queue is read at most every 5 ms: reading it for every event would cost more
        // than the events.
        if (gap > 20 || now - m_lastRead > 5) {
            const qint64 wait = runQueueWaitMs();
            const qint64 stall = gap - (wait - m_lastReadWait);
            if (stall > m_maxStall) {
                m_maxStall = stall;
                m_maxStallActivity = m_activity;
            }
            m_lastRead = now;
            m_lastReadWait = wait;
        }
        m_lastEvent = now;
        return QObject::eventFilter(watched, event);
    }

private:
    void tick()
    {
        const qint64 now = m_clock.elapsed();
        const qint64 wait = runQueueWaitMs();
        m_maxWallGap = std::max(m_maxWallGap, now - m_lastTick);
        m_maxGap = std::max(m_maxGap, now - m_lastTick - (wait - m_lastTickWait));
        m_lastTick = now;
        m_lastTickWait = wait;
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastTick = 0;
    qint64 m_lastTickWait = 0;
    qint64 m_lastEvent = 0;
    qint64 m_lastRead = 0;
    qint64 m_lastReadWait = 0;
    qint64 m_maxWallGap = 0;
    qint64 m_maxGap = 0;
    qint64 m_maxStall = 0;
    QString m_activity;
    QString m_maxStallActivity;
};

// Replaces the editor's text the way a user does: select all, then type.
void typeText(JsonTextEdit *edit, const QString &text)
{
    edit->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
}

QJsonObject parsed(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestFaultSoak : public QObject
{
    Q_OBJECT

    struct EditedShadow
    {
        QString thing;
        QString shadow;
        std::optional<QJsonObject> saved; ///< the desired state the user last saved
        QString pending;                  ///< the text of an edit whose save failed
    };

    SandboxRig m_rig;
    std::unique_ptr<Iot::Connection> m_connection;
    std::unique_ptr<MainWindow> m_window;
    QList<Iot::RequestLogEntry> m_log;
    QList<EditedShadow> m_edited;
    QPointer<PublishPage> m_publish;
    QHash<QString, QByteArray> m_original; ///< the retained messages' payloads before the soak
    QHash<QString, QSet<QByteArray>> m_published; ///< the payloads each topic may hold
    QSet<QString> m_publishedOnce;                ///< topics a publish was reported to reach
    int m_counter = 0;
    Heartbeat *m_heartbeat = nullptr;
    QMap<QString, int> m_done;

    QString connectionKey() const { return QStringLiteral("sandbox@") + m_connection->region(); }

    // The window's view of @p edited, loaded (refreshed until a fetch gets through).
    ShadowView *openEdited(const EditedShadow &edited)
    {
        m_window->openShadow(edited.thing, edited.shadow, Workspace::Mode::Keep);
        auto *view = qobject_cast<ShadowView *>(m_window->workspace()->currentPage());
        if (!view || view->thingName() != edited.thing || view->shadowName() != edited.shadow)
            return nullptr;
        for (int attempt = 0; attempt < 10 && !view->document(); ++attempt) {
            QSignalSpy loaded(view, &ShadowView::loadFinished);
            view->refresh();
            if (!loaded.wait(20000))
                return nullptr;
        }
        return view->document() ? view : nullptr;
    }

    // Sends the open review and follows the save through conflicts to its end: true once
    // saved (or their version already held the edit), false when it failed. No dialog is
    // left open (a window-modal one would take the clicks of the operations that follow).
    bool sendReviewed(ShadowEditor *editor, ReviewDialog *review)
    {
        QSignalSpy saved(editor, &ShadowEditor::saved);
        for (int round = 0; round < 10; ++round) {
            const QPointer<ReviewDialog> sent = review;
            m_heartbeat->setActivity(QStringLiteral("send click"));
            QTest::mouseClick(review->sendButton(), Qt::LeftButton);
            m_heartbeat->setActivity(QStringLiteral("send wait"));
            if (sent && sent->isVisible()) {
                qWarning("the review did not send: %s", qPrintable(editor->statusText()));
                sent->reject();
                return false;
            }
            if (!QTest::qWaitFor([editor] { return !editor->isBusy(); }, 20000))
                return false;
            m_heartbeat->setActivity(QStringLiteral("send done"));
            if (!saved.isEmpty())
                return true;
            auto *conflict = editor->findChild<ConflictDialog *>();
            if (!conflict || !conflict->isVisible())
                return false;
            ++m_done[QStringLiteral("conflicts")];
            // Deterministically: the edit being saved wins every conflicting path.
            for (int index = 0; index < conflict->conflictCount(); ++index)
                conflict->choose(index, ConflictDialog::Choice::Mine);
            const QPointer<ConflictDialog> resolved = conflict;
            QTest::mouseClick(conflict->findChild<QPushButton *>(QStringLiteral("conflictApply")),
                              Qt::LeftButton);
            if (resolved && resolved->isVisible()) {
                qWarning("the merge did not apply");
                resolved->reject();
                return false;
            }
            if (!editor->isModified())
                return true; // their version already holds the edit
            review = waitForDialog<ReviewDialog>(editor, sent);
            if (!review)
                return false;
        }
        return false;
    }

    // Types a unique value into desired of @p edited and saves it; records the outcome.
    void editAndSave(EditedShadow &edited)
    {
        m_heartbeat->setActivity(QStringLiteral("open"));
        ShadowView *view = openEdited(edited);
        QVERIFY2(view, qPrintable(edited.thing + QLatin1Char('/') + edited.shadow));
        m_heartbeat->setActivity(QStringLiteral("edit"));
        view->edit();
        ShadowEditor *editor = view->editor();
        QTRY_VERIFY_WITH_TIMEOUT(!editor->isBusy() && !editor->textEdit()->isReadOnly(), 20000);
        m_heartbeat->setActivity(QStringLiteral("activate"));
        QVERIFY(showActive(*m_window));
        m_heartbeat->setActivity(QStringLiteral("type"));
        QJsonObject desired = parsed(editor->textEdit()->toPlainText());
        desired.insert(QStringLiteral("soak"), ++m_counter);
        const QString text = QString::fromUtf8(QJsonDocument(desired).toJson(QJsonDocument::Compact));
        typeText(editor->textEdit(), text);
        QTRY_VERIFY(editor->textEdit()->isValid());
        QCOMPARE(editor->textEdit()->toPlainText(), text);
        const QPointer<ReviewDialog> before = editor->findChild<ReviewDialog *>();
        m_heartbeat->setActivity(QStringLiteral("review"));
        QTest::keyClick(editor->textEdit(), Qt::Key_S, Qt::ControlModifier);
        ReviewDialog *review = waitForDialog<ReviewDialog>(editor, before);
        QVERIFY2(review, qPrintable(editor->statusText()));
        m_heartbeat->setActivity(QStringLiteral("send"));
        if (sendReviewed(editor, review)) {
            ++m_done[QStringLiteral("saved")];
            QVERIFY(!editor->isModified());
            edited.saved = parsed(editor->textEdit()->toPlainText());
            edited.pending.clear();
            return;
        }
        // Not saved: the edit is in the editor and on disk, as typed.
        ++m_done[QStringLiteral("save failed")];
        QVERIFY2(editor->isModified(), qPrintable(editor->statusText()));
        const QString kept = editor->textEdit()->toPlainText();
        QVERIFY2(parsed(kept).value(QLatin1String("soak")).toInt() == m_counter, qPrintable(kept));
        const auto draft = m_window->drafts()->load(connectionKey(), edited.thing, edited.shadow);
        QVERIFY(draft);
        QCOMPARE(draft->text, kept);
        edited.pending = kept;
    }

    // Refreshes one edited shadow's view: an unsaved edit stays as it is.
    void refreshEdited(const EditedShadow &edited)
    {
        ShadowView *view = openEdited(edited);
        QVERIFY(view);
        const QString before = view->editor()->textEdit()->toPlainText();
        QSignalSpy loaded(view, &ShadowView::loadFinished);
        QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("shadowRefresh")), Qt::LeftButton);
        QVERIFY(loaded.wait(20000));
        if (!edited.pending.isEmpty())
            QCOMPARE(view->editor()->textEdit()->toPlainText(), before);
    }

    // Opens a thing in the Shadows pane, waits for its list, then previews its classic shadow.
    void browse(std::mt19937 &random)
    {
        const QString thing = Browsed.at(int(random() % Browsed.size()));
        m_window->openThing(thing);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->shadowsPane()->model()->isLoading(), 20000);
        m_window->openShadow(thing, QString(), Workspace::Mode::Preview);
        auto *view = qobject_cast<ShadowView *>(m_window->workspace()->currentPage());
        QVERIFY(view);
        if (!view->document()) {
            QSignalSpy loaded(view, &ShadowView::loadFinished);
            view->refresh();
            QVERIFY(loaded.wait(20000));
        }
    }

    void publish()
    {
        const QString topic = QStringLiteral("soak/published/%1").arg(m_counter % 4);
        const QString payload = QStringLiteral("soak %1").arg(++m_counter);
        Publish::Draft draft;
        draft.topic = topic;
        draft.mode = Publish::PayloadMode::Text;
        draft.payloadText = payload;
        draft.retain = true;
        if (!m_publish)
            m_publish = m_window->openPublish(draft);
        QVERIFY(m_publish);
        m_window->workspace()->tabs()->setCurrentWidget(m_publish);
        m_publish->composer()->setDraft(draft);
        auto *send = m_publish->findChild<QPushButton *>(QStringLiteral("publishSend"));
        QTRY_VERIFY(send->isEnabled());
        QSignalSpy published(m_publish.data(), &PublishPage::published);
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_publish->composer()->isSending(), 20000);
        // A publish whose answer was cut off may have been applied: either payload may be there.
        if (!published.isEmpty()) {
            ++m_done[QStringLiteral("published")];
            m_published[topic] = {payload.toUtf8()};
            m_publishedOnce.insert(topic);
        } else {
            ++m_done[QStringLiteral("publish failed")];
            m_published[topic].insert(payload.toUtf8());
        }
    }

    // Deletes a retained message from its view (the confirmation answered from the event
    // loop: the view asks with exec(), whose nested loop keeps the heartbeat ticking) and
    // undoes it, trying the undo again while it fails.
    void deleteAndUndo(std::mt19937 &random)
    {
        const QString topic = Deleted.at(int(random() % Deleted.size()));
        m_window->openTopic(topic, Workspace::Mode::Keep);
        auto *view = qobject_cast<RetainedMessageView *>(m_window->workspace()->currentPage());
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading(), 20000);
        for (int attempt = 0; attempt < 10 && (!view->message() || view->isDeleted()); ++attempt) {
            if (view->isDeleted()) {
                QSignalSpy undone(view, &RetainedMessageView::undoFinished);
                QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("retainedUndo")),
                                  Qt::LeftButton);
                QVERIFY(undone.wait(20000));
            } else {
                QSignalSpy loaded(view, &RetainedMessageView::loadFinished);
                view->refresh();
                QVERIFY(loaded.wait(20000));
            }
            QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading(), 20000);
        }
        if (!view->message())
            return;
        auto *remove = view->findChild<QPushButton *>(QStringLiteral("retainedDelete"));
        QTRY_VERIFY_WITH_TIMEOUT(remove->isEnabled(), 20000);
        QSignalSpy deleted(view, &RetainedMessageView::deleteFinished);
        BoxAnswer confirmed;
        answerMessageBox(QStringLiteral("retainedDeleteConfirm"), QStringLiteral("Delete"), &confirmed);
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(confirmed.seen);
        QVERIFY(deleted.wait(20000));
        if (!deleted.at(0).at(0).toBool()) {
            // Not deleted, or deleted with its answer cut off: Undo in the pane is for that.
            ++m_done[QStringLiteral("delete failed")];
            if (const auto *undo = m_window->findChild<Iot::RetainedUndo *>(); undo && !undo->lastFailures().isEmpty())
                qInfo("delete failed: %s", qPrintable(undo->lastFailures().first().message));
            return;
        }
        ++m_done[QStringLiteral("deleted")];
        for (int attempt = 0; attempt < 10 && view->isDeleted(); ++attempt) {
            QSignalSpy undone(view, &RetainedMessageView::undoFinished);
            QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("retainedUndo")),
                              Qt::LeftButton);
            QVERIFY(undone.wait(20000));
            if (undone.at(0).at(0).toBool()) {
                ++m_done[QStringLiteral("undone")];
            } else {
                ++m_done[QStringLiteral("undo failed")];
            }
            QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading(), 20000);
        }
    }

    std::optional<QJsonObject> backendDesired(const EditedShadow &edited) const
    {
        const Sandbox::Result result = m_rig.server.backend()->getThingShadow(edited.thing, edited.shadow);
        const auto *document = std::get_if<QJsonObject>(&result);
        if (!document)
            return std::nullopt;
        return document->value(QLatin1String("state")).toObject().value(QLatin1String("desired")).toObject();
    }

    std::optional<QByteArray> backendPayload(const QString &topic) const
    {
        const Sandbox::Result result = m_rig.server.backend()->getRetainedMessage(topic);
        const auto *message = std::get_if<QJsonObject>(&result);
        if (!message)
            return std::nullopt;
        return QByteArray::fromBase64(message->value(QLatin1String("payload")).toString().toLatin1());
    }

private Q_SLOTS:
    void initTestCase()
    {
        Settings::applyApplicationIdentity();
        // The test's HOME outlives a run: start without the drafts and history of the last one.
        const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QVERIFY(QDir(data + QStringLiteral("/drafts")).removeRecursively());
        QVERIFY(QDir(data + QStringLiteral("/publish")).removeRecursively());
    }

    void soak()
    {
        QVERIFY(m_rig.start(SandboxRig::demo()));
        for (const QString &topic : Deleted) {
            const auto payload = backendPayload(topic);
            QVERIFY(payload);
            m_original.insert(topic, *payload);
        }
        m_connection = std::make_unique<Iot::Connection>(&m_rig.network, m_rig.connectionSetup());
        // Retries at once (the backoff's jitter would only stretch the run), as many as usual.
        m_connection->executor()->setRetryPolicy(Iot::RetryPolicy([] { return 0.0; }));
        connect(m_connection->executor(), &Iot::RequestExecutor::attemptFinished, this,
                [this](const Iot::RequestLogEntry &entry) { m_log.append(entry); });
        m_window = std::make_unique<MainWindow>();
        QVERIFY(connectWindow(*m_window, *m_connection));
        for (const auto &[thing, shadow] : Edited)
            m_edited.append({thing, shadow, std::nullopt, {}});
        // The pages the soak works in are built before it starts, as the window is: their
        // first construction (a publish page with its completer, a shadow's trees and editor)
        // is a one-time cost, not the event loop under faults. It is timed and reported.
        QElapsedTimer building;
        building.start();
        for (const EditedShadow &edited : std::as_const(m_edited))
            QVERIFY(openEdited(edited));
        for (const QString &topic : Deleted) {
            m_window->openTopic(topic, Workspace::Mode::Keep);
            auto *view = qobject_cast<RetainedMessageView *>(m_window->workspace()->currentPage());
            QVERIFY(view);
            QTRY_VERIFY_WITH_TIMEOUT(view->message(), 20000);
        }
        m_publish = m_window->openPublish();
        QVERIFY(m_publish);
        qInfo("pages built in %lld ms", static_cast<long long>(building.elapsed()));
        QVERIFY(m_rig.setFaults(FaultPlan));

        Heartbeat heartbeat;
        m_heartbeat = &heartbeat;
        heartbeat.start();
        std::mt19937 random(20261128);
        for (int operation = 0; operation < Operations; ++operation) {
            const int pick = int(random() % 100);
            heartbeat.setActivity(QStringLiteral("operation %1 (%2)").arg(operation).arg(pick));
            if (pick < 25) {
                ++m_done[QStringLiteral("browse")];
                browse(random);
            } else if (pick < 60) {
                ++m_done[QStringLiteral("edit")];
                editAndSave(m_edited[int(random() % m_edited.size())]);
            } else if (pick < 75) {
                publish();
            } else if (pick < 85) {
                deleteAndUndo(random);
            } else {
                ++m_done[QStringLiteral("refresh")];
                refreshEdited(m_edited.at(int(random() % m_edited.size())));
            }
            if (QTest::currentTestFailed()) {
                qWarning("operation %d of %d failed", operation, Operations);
                return;
            }
        }
        heartbeat.stop();
        const qint64 soakMs = heartbeat.elapsedMs();

        // Every kind of fault fired.
        int throttled = 0, unavailable = 0, reset = 0, truncated = 0, slow = 0;
        for (const Iot::RequestLogEntry &entry : std::as_const(m_log)) {
            throttled += entry.httpStatus == 429;
            unavailable += entry.httpStatus == 503;
            reset += entry.httpStatus == 0 && !entry.errorMessage.isEmpty();
            truncated += entry.httpStatus >= 200 && entry.httpStatus < 300 && !entry.errorMessage.isEmpty();
            slow += entry.errorMessage.isEmpty() && entry.durationMs >= LatencyMs;
        }
        QStringList done;
        for (auto it = m_done.cbegin(); it != m_done.cend(); ++it)
            done.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
        qInfo("%d operations in %lld ms, %lld attempts: %s", Operations, soakMs,
              static_cast<long long>(m_log.size()), qPrintable(done.join(QStringLiteral(", "))));
        qInfo("faults seen: 429 x%d, 503 x%d, reset x%d, truncated x%d, slower than %d ms x%d",
              throttled, unavailable, reset, truncated, LatencyMs, slow);
        qInfo("largest event-loop stall: %lld ms (bound %d ms), in %s; heartbeat: largest gap %lld ms "
              "on the wall clock, %lld ms less waits for a CPU",
              heartbeat.maxStallMs(), StallBoundMs, qPrintable(heartbeat.maxStallActivity()),
              heartbeat.maxWallGapMs(), heartbeat.maxGapMs());
        QVERIFY(throttled > 0);
        QVERIFY(unavailable > 0);
        QVERIFY(reset > 0);
        QVERIFY(truncated > 0);
        QVERIFY(slow > 0);
        QVERIFY(m_done.value(QStringLiteral("saved")) > 0);
        QVERIFY2(heartbeat.maxStallMs() <= StallBoundMs,
                 qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(heartbeat.maxStallMs())));

        // Every edit not saved is in its editor and in the DraftStore.
        QVERIFY(m_rig.setFaults({}));
        for (const EditedShadow &edited : std::as_const(m_edited)) {
            if (edited.pending.isEmpty())
                continue;
            ShadowView *view = openEdited(edited);
            QVERIFY(view);
            QCOMPARE(view->editor()->textEdit()->toPlainText(), edited.pending);
            const auto draft = m_window->drafts()->load(connectionKey(), edited.thing, edited.shadow);
            QVERIFY(draft);
            QCOMPARE(draft->text, edited.pending);
        }
        // The user saves them now that the service answers; then the server holds, shadow
        // by shadow, what the user saved last.
        for (EditedShadow &edited : m_edited) {
            if (edited.pending.isEmpty())
                continue;
            ShadowView *view = openEdited(edited);
            QVERIFY(view);
            ShadowEditor *editor = view->editor();
            QVERIFY(showActive(*m_window));
            const QPointer<ReviewDialog> before = editor->findChild<ReviewDialog *>();
            editor->textEdit()->setFocus(Qt::OtherFocusReason);
            QTest::keyClick(editor->textEdit(), Qt::Key_S, Qt::ControlModifier);
            ReviewDialog *review = waitForDialog<ReviewDialog>(editor, before);
            QVERIFY(review);
            QVERIFY2(sendReviewed(editor, review), qPrintable(editor->statusText()));
            QCOMPARE(parsed(editor->textEdit()->toPlainText()), parsed(edited.pending));
            edited.saved = parsed(edited.pending);
            edited.pending.clear();
        }
        for (const EditedShadow &edited : std::as_const(m_edited)) {
            if (!edited.saved)
                continue;
            const auto desired = backendDesired(edited);
            QVERIFY(desired);
            QCOMPARE(*desired, *edited.saved);
        }
        QCOMPARE(m_window->drafts()->drafts(connectionKey()).size(), 0);

        // Retained: each published topic holds one of the payloads it may. Whatever the pane
        // still offers to undo is undone; then no deleted message is lost.
        for (auto it = m_published.cbegin(); it != m_published.cend(); ++it) {
            const auto payload = backendPayload(it.key());
            if (!payload && !m_publishedOnce.contains(it.key()))
                continue; // every publish to it failed before it was applied
            QVERIFY2(payload && it.value().contains(*payload), qPrintable(it.key()));
        }
        auto *undo = m_window->findChild<Iot::RetainedUndo *>();
        QVERIFY(undo);
        auto *dock = qobject_cast<QDockWidget *>(m_window->retainedPane()->parentWidget());
        QVERIFY(dock);
        dock->raise();
        auto *undoButton = m_window->retainedPane()->findChild<QPushButton *>(QStringLiteral("retainedDeleteUndo"));
        for (int attempt = 0; attempt < 10 && undo->canUndo(); ++attempt) {
            QTRY_VERIFY(undoButton->isVisible() && undoButton->isEnabled());
            QSignalSpy undone(undo, &Iot::RetainedUndo::undone);
            QTest::mouseClick(undoButton, Qt::LeftButton);
            QVERIFY(undone.wait(20000));
        }
        QVERIFY(!undo->canUndo());
        for (const QString &topic : Deleted) {
            const auto payload = backendPayload(topic);
            QVERIFY2(payload, qPrintable(topic));
            QCOMPARE(*payload, m_original.value(topic));
        }
    }

    void cleanupTestCase()
    {
        // The window goes first: its views hold the connection's clients.
        if (m_window)
            m_window->workspace()->discardAll();
        m_window.reset();
        m_connection.reset();
    }
};

QTEST_MAIN(TestFaultSoak)
#include "tst_faultsoak.moc"
