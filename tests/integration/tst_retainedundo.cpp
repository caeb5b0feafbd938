// SPDX-License-Identifier: GPL-3.0-or-later
// Deleting retained messages so that they can be put back, through the real RetainedUndo,
// IotDataClient and RequestExecutor against the in-process sandbox over loopback HTTP: a
// message deleted from its view (after a confirmation whose default is Cancel) is gone
// (GetRetainedMessage 404) and Undo brings it back byte for byte with its QoS and user
// properties; a subtree deleted from the Retained pane (Shift+Delete, listed first) goes and
// comes back with Ctrl+Z; at most four calls are in flight; a topic whose message cannot be
// saved (a fault-plan 503, or no message) is never deleted; undo pops the newest removal.
#include "retainedmessageview.h"
#include "retainedpane.h"

#include "iot/retainedundo.h"
#include "retainedtopicsfilterproxy.h"
#include "retainedtopicsmodel.h"
#include "sandboxrig.h"
#include "widgetwaits.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeView>

namespace {

const QString BlobTopic = QStringLiteral("lab/undo/blob ü");
const QByteArray BlobPayload("\x00\xff\x01 retained \xc3\xa9\x00", 15);
const QList<Iot::UserProperty> BlobProperties
    = { { QStringLiteral("k"), QStringLiteral("one") },
        { QStringLiteral("k"), QStringLiteral("two") },
        { QStringLiteral("ключ"), QStringLiteral("значение") } };
const QString JsonTopic
    = QStringLiteral("site/berlin-1/building/b1/floor/1/hvac-b1-floor1-01/temperature");

bool publishBlob(SandboxRig &rig)
{
    Iot::PublishRequest request;
    request.topic = BlobTopic;
    request.payload = BlobPayload;
    request.qos = 1;
    request.retain = true;
    request.userProperties = BlobProperties;
    return SandboxRig::succeeds(rig.data->publish(request));
}

// The retained message of @p topic now; nullopt when there is none (404) or the call failed.
std::optional<Iot::RetainedMessage> fetch(SandboxRig &rig, const QString &topic, int *status)
{
    Iot::ApiCall *call = rig.data->getRetainedMessage(topic);
    QSignalSpy finished(call, &Iot::ApiCall::finished);
    if (!finished.wait(10000))
        return std::nullopt;
    *status = call->httpStatus();
    if (const auto *message = call->result<Iot::RetainedMessage>())
        return *message;
    return std::nullopt;
}

// The proxy row of the top level named @p name in @p pane's tree.
QModelIndex topLevel(const RetainedPane &pane, const QString &name)
{
    for (int row = 0; row < pane.proxy()->rowCount(); ++row) {
        const QModelIndex index = pane.proxy()->index(row, 0);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

} // namespace

class TestRetainedUndo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Delete… in the view asks first (Cancel is the default, and Cancel sends nothing); once
    // confirmed the message is fetched, then deleted, and the view says "Deleted ·" with Undo;
    // Ctrl+Z publishes it again, byte for byte with its QoS and user properties.
    void deleteAndUndoInView()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        QVERIFY(publishBlob(rig));
        Iot::RetainedUndo undo(rig.data.get());
        RetainedMessageView view(rig.data.get(), BlobTopic);
        view.setRetainedUndo(&undo);
        QVERIFY(showActive(view, QSize(640, 480)));
        QSignalSpy loaded(&view, &RetainedMessageView::loadFinished);
        QVERIFY(loaded.wait(10000));
        rig.log.clear();

        auto *remove = view.findChild<QPushButton *>(QStringLiteral("retainedDelete"));
        auto *undoButton = view.findChild<QPushButton *>(QStringLiteral("retainedUndo"));
        auto *republish = view.findChild<QPushButton *>(QStringLiteral("retainedRepublish"));
        auto *deleted = view.findChild<QLabel *>(QStringLiteral("retainedDeleted"));
        const QList<QWidget *> controls { remove, undoButton, republish, deleted };
        for (const QWidget *control : controls)
            QVERIFY(!control->accessibleName().isEmpty());
        QVERIFY(remove->isEnabled());
        QVERIFY(!undoButton->isVisible());

        // Edit and re-publish hands over the message as fetched.
        QSignalSpy republished(&view, &RetainedMessageView::republishRequested);
        QTest::mouseClick(republish, Qt::LeftButton);
        QCOMPARE(republished.size(), 1);
        const auto handed = republished.at(0).at(0).value<Iot::RetainedMessage>();
        QCOMPARE(handed.payload, BlobPayload);
        QCOMPARE(handed.userProperties, BlobProperties);

        BoxAnswer cancelled;
        answerMessageBox(QStringLiteral("retainedDeleteConfirm"), QStringLiteral("Cancel"),
                         &cancelled);
        QTest::keyClick(&view, Qt::Key_Delete);
        QVERIFY(cancelled.seen);
        QCOMPARE(cancelled.defaultButton, QStringLiteral("Cancel"));
        QVERIFY(cancelled.text.contains(BlobTopic));
        QVERIFY(cancelled.informative.contains(QStringLiteral("saved first")));
        QVERIFY(cancelled.informative.contains(QStringLiteral("Undo")));
        QVERIFY(rig.log.isEmpty());
        QVERIFY(!view.isDeleted());

        QSignalSpy deleteFinished(&view, &RetainedMessageView::deleteFinished);
        BoxAnswer confirmed;
        answerMessageBox(QStringLiteral("retainedDeleteConfirm"), QStringLiteral("Delete"),
                         &confirmed);
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(confirmed.seen);
        QVERIFY(deleteFinished.wait(10000));
        QCOMPARE(deleteFinished.at(0).at(0).toBool(), true);
        QCOMPARE(rig.operations(), QStringList({ QStringLiteral("GetRetainedMessage"),
                                                 QStringLiteral("Publish") }));
        QVERIFY(view.isDeleted());
        QVERIFY(deleted->isVisible());
        QCOMPARE(deleted->text(), QStringLiteral("Deleted ·"));
        QVERIFY(undoButton->isVisible() && undoButton->isEnabled());
        QVERIFY(!remove->isEnabled());
        int status = 0;
        QVERIFY(!fetch(rig, BlobTopic, &status));
        QCOMPARE(status, 404);
        QCOMPARE(undo.undoTopics(), QStringList { BlobTopic });

        QSignalSpy undoFinished(&view, &RetainedMessageView::undoFinished);
        // The offscreen platform does not give the window back after the box closed.
        QVERIFY(showActive(view));
        QTest::keySequence(&view, QKeySequence::Undo);
        QVERIFY(undoFinished.wait(10000));
        QCOMPARE(undoFinished.at(0).at(0).toBool(), true);
        QVERIFY(!undo.canUndo());
        QTRY_VERIFY(!view.isLoading());
        QVERIFY(!deleted->isVisible());
        QVERIFY(remove->isEnabled());
        const auto back = fetch(rig, BlobTopic, &status);
        QVERIFY(back);
        QCOMPARE(back->payload, BlobPayload);
        QCOMPARE(back->qos, 1);
        QCOMPARE(back->userProperties, BlobProperties);
        QCOMPARE(view.message()->payload, BlobPayload);
    }

    // Shift+Delete on a level of the tree lists its loaded topics in the confirmation, then
    // deletes all of them; the pane reloads without them and offers Undo, and Ctrl+Z brings
    // every one back as it was.
    void subtreeDeleteAndUndo()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        Iot::RetainedUndo undo(rig.data.get());
        RetainedPane pane;
        pane.setRetainedUndo(&undo);
        QVERIFY(showActive(pane, QSize(480, 400)));
        pane.setDataClient(rig.data.get());
        QVERIFY(loadAllPages(pane.model()));

        const QModelIndex reports = topLevel(pane, QStringLiteral("reports"));
        QVERIFY(reports.isValid());
        const QStringList topics = pane.topicsUnder(reports);
        QCOMPARE(topics.size(), 4);
        QList<Iot::RetainedMessage> saved;
        for (const QString &topic : topics) {
            int status = 0;
            const auto message = fetch(rig, topic, &status);
            QVERIFY(message);
            saved.append(*message);
        }
        // A view open on one of them follows the pane's delete and undo.
        RetainedMessageView message(rig.data.get(), topics.first());
        message.setRetainedUndo(&undo);
        QSignalSpy messageLoaded(&message, &RetainedMessageView::loadFinished);
        QVERIFY(messageLoaded.wait(10000));
        rig.log.clear();

        auto *view = pane.findChild<QTreeView *>(QStringLiteral("retainedView"));
        auto *action = pane.findChild<QAction *>(QStringLiteral("retainedDeleteSubtree"));
        QVERIFY(action && action->isEnabled());
        QCOMPARE(view->contextMenuPolicy(), Qt::ActionsContextMenu);
        QVERIFY(view->actions().contains(action));
        view->setCurrentIndex(reports);
        view->setFocus();
        QSignalSpy removed(&undo, &Iot::RetainedUndo::removed);
        BoxAnswer confirmed;
        answerMessageBox(QStringLiteral("retainedDeleteSubtreeConfirm"), QStringLiteral("Delete"),
                         &confirmed);
        QTest::keyClick(view, Qt::Key_Delete, Qt::ShiftModifier);
        QVERIFY(confirmed.seen);
        QCOMPARE(confirmed.defaultButton, QStringLiteral("Cancel"));
        QCOMPARE(confirmed.text,
                 QStringLiteral("Delete the 4 retained messages at and under “reports”?"));
        for (const QString &topic : topics)
            QVERIFY2(confirmed.informative.contains(topic), qPrintable(topic));
        QVERIFY(removed.wait(10000));
        QCOMPARE(removed.at(0).at(0).toInt(), 4);
        QCOMPARE(removed.at(0).at(1).toStringList(), QStringList());
        QCOMPARE(rig.operations().count(QStringLiteral("GetRetainedMessage")), 4);
        QCOMPARE(rig.operations().count(QStringLiteral("Publish")), 4);
        QVERIFY(message.isDeleted());
        for (const QString &topic : topics) {
            int status = 0;
            QVERIFY(!fetch(rig, topic, &status));
            QCOMPARE(status, 404);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!pane.model()->isLoading()
                                     && !topLevel(pane, QStringLiteral("reports")).isValid(),
                                 10000);
        QCOMPARE(pane.deleteStatusText(), QStringLiteral("Deleted 4 retained messages."));
        auto *undoButton = pane.findChild<QPushButton *>(QStringLiteral("retainedDeleteUndo"));
        QVERIFY(undoButton->isVisible());
        QVERIFY(!undoButton->accessibleName().isEmpty());

        QSignalSpy undone(&undo, &Iot::RetainedUndo::undone);
        // The offscreen platform does not give the window back after the box closed.
        QVERIFY(showActive(pane));
        view->setFocus();
        QTest::keySequence(view, QKeySequence::Undo);
        QVERIFY(undone.wait(10000));
        QCOMPARE(undone.at(0).at(0).toInt(), 4);
        for (const Iot::RetainedMessage &before : saved) {
            int status = 0;
            const auto after = fetch(rig, before.topic, &status);
            QVERIFY2(after, qPrintable(before.topic));
            QCOMPARE(after->payload, before.payload);
            QCOMPARE(after->qos, before.qos);
            QCOMPARE(after->userProperties, before.userProperties);
        }
        QTRY_VERIFY_WITH_TIMEOUT(topLevel(pane, QStringLiteral("reports")).isValid(), 10000);
        QVERIFY(!message.isDeleted());
        QTRY_COMPARE_WITH_TIMEOUT(messageLoaded.size(), 2, 10000); // fetched again
        QCOMPARE(message.message()->payload, saved.first().payload);
        QCOMPARE(pane.deleteStatusText(), QStringLiteral("Restored 4 retained messages."));
        QVERIFY(!undoButton->isVisible());
    }

    // With pages not loaded yet the confirmation says that more topics may exist; Cancel
    // (the default) sends nothing.
    void subtreeWithMorePages()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        Iot::RetainedUndo undo(rig.data.get());
        RetainedPane pane;
        pane.setPageSize(100);
        pane.setRetainedUndo(&undo);
        QVERIFY(showActive(pane, QSize(480, 400)));
        QSignalSpy loaded(&pane, &RetainedPane::loadFinished);
        pane.setDataClient(rig.data.get());
        QVERIFY(loaded.wait(10000));
        QVERIFY(!pane.model()->isComplete());
        rig.log.clear();
        auto *view = pane.findChild<QTreeView *>(QStringLiteral("retainedView"));
        view->setCurrentIndex(pane.proxy()->index(0, 0));
        view->setFocus();
        BoxAnswer cancelled;
        answerMessageBox(QStringLiteral("retainedDeleteSubtreeConfirm"), QStringLiteral("Cancel"),
                         &cancelled);
        QTest::keyClick(view, Qt::Key_Delete, Qt::ShiftModifier);
        QVERIFY(cancelled.seen);
        QVERIFY(cancelled.informative.contains(QStringLiteral("More topics may exist")));
        QVERIFY(!undo.isBusy());
        QVERIFY(rig.log.isEmpty());
        QVERIFY(pane.deleteStatusText().isEmpty());
    }

    // A topic whose message cannot be saved first is never deleted: every GetRetainedMessage
    // answers 503 (fault plan), or the topic has no message; the others still go.
    void unsavedIsNotDeleted()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        QVERIFY(publishBlob(rig));
        QVERIFY(rig.setFaults(QByteArrayLiteral(
            R"({"rules": [{"operations": ["GetRetainedMessage"], "kind": "status",)"
            R"( "status": 503}]})")));
        rig.log.clear();
        Iot::RetainedUndo undo(rig.data.get());
        QSignalSpy removed(&undo, &Iot::RetainedUndo::removed);
        undo.remove({ BlobTopic, JsonTopic });
        QVERIFY(undo.isBusy());
        QVERIFY(removed.wait(10000));
        QCOMPARE(removed.at(0).at(0).toInt(), 0);
        QCOMPARE(removed.at(0).at(1).toStringList(), QStringList({ BlobTopic, JsonTopic }));
        QCOMPARE(rig.operations().count(QStringLiteral("Publish")), 0);
        QCOMPARE(undo.lastFailures().size(), 2);
        QVERIFY(!undo.lastFailures().at(0).message.isEmpty());
        QVERIFY(!undo.canUndo());
        QVERIFY(rig.setFaults({}));
        int status = 0;
        QVERIFY(fetch(rig, BlobTopic, &status));
        QVERIFY(fetch(rig, JsonTopic, &status));

        // No message on one topic: it fails, the other is saved and deleted.
        const QString missing = QStringLiteral("lab/undo/never-retained");
        rig.log.clear();
        undo.remove({ missing, BlobTopic });
        QVERIFY(removed.wait(10000));
        QCOMPARE(removed.at(1).at(0).toInt(), 1);
        QCOMPARE(removed.at(1).at(1).toStringList(), QStringList { missing });
        QCOMPARE(rig.operations().count(QStringLiteral("Publish")), 1);
        QCOMPARE(undo.undoTopics(), QStringList { BlobTopic });
        QVERIFY(!fetch(rig, BlobTopic, &status));
        QCOMPARE(status, 404);
    }

    // At most four calls are in flight at once: with every answer 100 ms late, the attempts
    // of a ten-topic removal overlap, but never more than four at a time.
    void atMostFourInFlight()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        QStringList topics;
        for (int i = 0; i < 10; ++i) {
            Iot::PublishRequest request;
            request.topic = QStringLiteral("lab/many/%1").arg(i);
            request.payload = QByteArray::number(i);
            request.retain = true;
            QVERIFY(SandboxRig::succeeds(rig.data->publish(request)));
            topics.append(request.topic);
        }
        QVERIFY(rig.setFaults(
            QByteArrayLiteral(R"({"rules": [{"kind": "latency", "delayMs": 100}]})")));
        rig.log.clear();
        Iot::RetainedUndo undo(rig.data.get());
        QSignalSpy removed(&undo, &Iot::RetainedUndo::removed);
        QSignalSpy progress(&undo, &Iot::RetainedUndo::progress);
        undo.remove(topics);
        QVERIFY(removed.wait(20000));
        QCOMPARE(removed.at(0).at(0).toInt(), 10);
        QCOMPARE(progress.size(), 10);
        QCOMPARE(progress.last().at(0).toInt(), 10);
        QCOMPARE(rig.log.size(), 20);
        int most = 0;
        for (const Iot::RequestLogEntry &at : std::as_const(rig.log)) {
            const qint64 t = at.time.toMSecsSinceEpoch();
            int overlapping = 0;
            for (const Iot::RequestLogEntry &other : std::as_const(rig.log)) {
                const qint64 start = other.time.toMSecsSinceEpoch();
                // A few ms off the end: the start time and the duration are rounded apart.
                if (start <= t && t < start + other.durationMs - 5)
                    ++overlapping;
            }
            most = std::max(most, overlapping);
        }
        QVERIFY2(most >= 2 && most <= Iot::RetainedUndo::MaxInFlight,
                 qPrintable(QString::number(most)));
    }

    // Removals stack: undo restores the newest and leaves the older one for the next undo;
    // a remove() and undo() asked for while one runs wait their turn.
    void undoPopsNewest()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        QVERIFY(publishBlob(rig));
        Iot::RetainedUndo undo(rig.data.get());
        QSignalSpy removed(&undo, &Iot::RetainedUndo::removed);
        QSignalSpy undone(&undo, &Iot::RetainedUndo::undone);
        undo.remove({ BlobTopic });
        undo.remove({ JsonTopic });
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 2, 10000);
        QCOMPARE(undo.undoCount(), 2);
        QCOMPARE(undo.undoTopics(), QStringList { JsonTopic });

        undo.undo();
        QVERIFY(undone.wait(10000));
        QCOMPARE(undone.at(0).at(0).toInt(), 1);
        int status = 0;
        QVERIFY(fetch(rig, JsonTopic, &status));
        QVERIFY(!fetch(rig, BlobTopic, &status));
        QCOMPARE(undo.undoTopics(), QStringList { BlobTopic });

        undo.undo();
        QVERIFY(undone.wait(10000));
        QVERIFY(!undo.canUndo());
        const auto blob = fetch(rig, BlobTopic, &status);
        QVERIFY(blob);
        QCOMPARE(blob->payload, BlobPayload);
        QCOMPARE(blob->userProperties, BlobProperties);

        // Nothing left: undone(0, {}) from the event loop.
        undo.undo();
        QCOMPARE(undone.size(), 2);
        QVERIFY(undone.wait(10000));
        QCOMPARE(undone.at(2).at(0).toInt(), 0);
    }
};

QTEST_MAIN(TestRetainedUndo)
#include "tst_retainedundo.moc"
