// SPDX-License-Identifier: GPL-3.0-or-later
// The Retained pane and the retained message view on the real RetainedTopicsPageSource,
// IotDataClient and RequestExecutor against the in-process sandbox over loopback HTTP, SigV4
// verified: the demo fleet plus 700 more retained topics (1,038 in all, one of them published
// through IotDataClient) arrive a page at a time as the list is scrolled; the filter narrows
// the tree; a binary and a JSON payload are fetched only when opened and shown as a hex dump
// and as indented JSON with their user properties; a 503 from the fault plan shows an inline
// error whose Retry succeeds.
#include "retainedmessageview.h"
#include "retainedpane.h"

#include "iot/retainedtopicspagesource.h"
#include "payloadformat.h"
#include "retainedtopicsfilterproxy.h"
#include "retainedtopicsmodel.h"
#include "sandbox/sandboxbackend.h"
#include "sandboxrig.h"
#include "widgetwaits.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

namespace {

constexpr int PageSize = 100;
constexpr int DemoTopics = 338;
constexpr int ExtraTopics = 700;
const QString JsonTopic
    = QStringLiteral("site/berlin-1/building/b1/floor/1/hvac-b1-floor1-01/temperature");
const QString BinaryTopic = QStringLiteral("lab//blob");
const QByteArray BinaryPayload("\x00\x01\x02\xff" "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 30);

// 700 more retained topics straight into the backend, and one binary payload with user
// properties through the client's Publish.
bool addTopics(SandboxRig &rig)
{
    for (int device = 0; device < ExtraTopics / 7; ++device) {
        for (int sensor = 0; sensor < 7; ++sensor) {
            Sandbox::PublishOptions options;
            options.retain = true;
            options.qos = sensor % 2;
            const QString topic = QStringLiteral("fleet/extra/dev-%1/sensor-%2")
                                      .arg(device, 3, 10, QLatin1Char('0'))
                                      .arg(sensor);
            const auto result = rig.server.backend()->publish(
                topic, QByteArrayLiteral("{\"value\": 1}"), options);
            if (!std::holds_alternative<QJsonObject>(result))
                return false;
        }
    }
    Iot::PublishRequest request;
    request.topic = BinaryTopic;
    request.payload = BinaryPayload;
    request.qos = 1;
    request.retain = true;
    request.userProperties = { { QStringLiteral("encoding"), QStringLiteral("raw") },
                               { QStringLiteral("source"), QStringLiteral("lab") } };
    return SandboxRig::succeeds(rig.data->publish(request));
}

// Shows @p pane at @p size, active, on the rig's data client, with every page loaded.
bool showLoaded(RetainedPane &pane, SandboxRig &rig, QSize size)
{
    if (!showActive(pane, size))
        return false;
    pane.setDataClient(rig.data.get());
    return loadAllPages(pane.model());
}

// The message view's user properties, a "name=value" line each, in order.
QStringList userProperties(const RetainedMessageView &view)
{
    auto *table = view.findChild<QTableWidget *>(QStringLiteral("retainedMessageProperties"));
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row)
        rows.append(table->item(row, 0)->text() + u'=' + table->item(row, 1)->text());
    return rows;
}

// The expanded rows of @p view at and under @p parent's children.
int expandedCount(const QTreeView &view, const QModelIndex &parent)
{
    int count = 0;
    for (int row = 0; row < view.model()->rowCount(parent); ++row) {
        const QModelIndex child = view.model()->index(row, 0, parent);
        if (view.isExpanded(child))
            count += 1 + expandedCount(view, child);
    }
    return count;
}

} // namespace

class TestRetainedPane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Without a client the pane shows its empty state and fetches nothing.
    void emptyWithoutConnection()
    {
        RetainedPane pane;
        QVERIFY(showExposed(pane));
        auto *empty = pane.findChild<QLabel *>(QStringLiteral("retainedEmptyState"));
        QVERIFY(empty && empty->isVisible());
        QVERIFY(!pane.findChild<QTreeView *>(QStringLiteral("retainedView"))->isVisible());
        QVERIFY(!pane.model()->canFetchMore({}));
    }

    // In the flat list the first page arrives on its own and the rest only as the list is
    // scrolled to its end, 100 topics at a time, until all 1,038 are there; no payload is
    // fetched on the way. The tree then holds the same topics under their levels.
    void scrollingPagesThroughAll()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        QVERIFY(addTopics(rig));
        QCOMPARE(rig.server.backend()->retainedCount(), DemoTopics + ExtraTopics + 1);
        rig.log.clear();

        RetainedPane pane;
        pane.setPageSize(PageSize);
        QVERIFY(showExposed(pane, QSize(480, 300))); // fewer rows visible than a page holds
        auto *flat = pane.findChild<QCheckBox *>(QStringLiteral("retainedFlat"));
        QTest::mouseClick(flat, Qt::LeftButton, {}, QPoint(4, flat->height() / 2));
        QVERIFY(flat->isChecked());
        QCOMPARE(pane.model()->layout(), RetainedTopicsModel::Layout::Flat);

        auto *view = pane.findChild<QTreeView *>(QStringLiteral("retainedView"));
        auto *progress = pane.findChild<QProgressBar *>(QStringLiteral("retainedProgress"));
        QSignalSpy loaded(&pane, &RetainedPane::loadFinished);
        pane.setDataClient(rig.data.get());
        QCOMPARE(pane.statusText(), QStringLiteral("Loading…"));
        QVERIFY(progress->isVisible());
        QVERIFY(loaded.wait(10000));
        QVERIFY(!progress->isVisible());
        QCOMPARE(pane.model()->rowCount(), PageSize);
        QCOMPARE(pane.statusText(), QStringLiteral("100 topics, more as you scroll"));

        int pages = 1;
        while (!pane.model()->isComplete()) {
            QVERIFY(pages < 20);
            const int rows = pane.model()->rowCount();
            // The user scrolls once the new rows are laid out, not before.
            QTRY_VERIFY(view->verticalScrollBar()->value() < view->verticalScrollBar()->maximum());
            QCOMPARE(pane.model()->rowCount(), rows); // nothing is fetched until then
            view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
            QTRY_VERIFY_WITH_TIMEOUT(
                pane.model()->rowCount() > rows || pane.model()->isComplete(), 10000);
            QTRY_VERIFY_WITH_TIMEOUT(!pane.model()->isLoading(), 10000);
            ++pages;
        }
        const int total = DemoTopics + ExtraTopics + 1;
        QCOMPARE(pages, 11);
        QCOMPARE(pane.model()->rowCount(), total);
        QCOMPARE(pane.statusText(), QStringLiteral("1039 topics"));
        QCOMPARE(rig.operations().count(QStringLiteral("ListRetainedMessages")), 11);
        QCOMPARE(rig.operations().count(QStringLiteral("GetRetainedMessage")), 0);
        // Sorted by topic: "alerts/…" first.
        QVERIFY(pane.proxy()->index(0, 0).data().toString().startsWith(QStringLiteral("alerts/")));

        // The tree: the top levels, each with how many topics it holds.
        QTest::mouseClick(flat, Qt::LeftButton, {}, QPoint(4, flat->height() / 2));
        QCOMPARE(pane.model()->layout(), RetainedTopicsModel::Layout::Tree);
        QStringList top;
        for (int row = 0; row < pane.proxy()->rowCount(); ++row)
            top.append(pane.proxy()->index(row, RetainedTopicsModel::Topic).data().toString()
                       + u' '
                       + pane.proxy()->index(row, RetainedTopicsModel::Size).data().toString());
        QCOMPARE(top,
                 QStringList({ QStringLiteral("alerts 2 topics"), QStringLiteral("fleet 708 topics"),
                               QStringLiteral("gateways 25 topics"), QStringLiteral("lab 1 topics"),
                               QStringLiteral("reports 4 topics"),
                               QStringLiteral("site 299 topics") }));
        // A deep topic is selected by name, its levels expanded.
        QVERIFY(pane.selectTopic(JsonTopic));
        QCOMPARE(view->currentIndex().data(RetainedTopicsModel::TopicRole).toString(), JsonTopic);
        QVERIFY(view->isExpanded(view->currentIndex().parent()));
        QVERIFY(pane.selectTopic(BinaryTopic)); // through the empty level
        QVERIFY(!pane.selectTopic(QStringLiteral("site/berlin-1")));
    }

    // Ctrl+F focuses the filter; a substring narrows the tree (after the debounce) and opens
    // it, an MQTT filter matches by levels, and a malformed one says why inline.
    void filterNarrowsTree()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        RetainedPane pane;
        QVERIFY(showLoaded(pane, rig, QSize(480, 300)));
        QCOMPARE(pane.model()->topicCount(), DemoTopics);

        auto *filter = pane.findChild<QLineEdit *>(QStringLiteral("retainedFilter"));
        auto *error = pane.findChild<QLabel *>(QStringLiteral("retainedFilterError"));
        auto *view = pane.findChild<QTreeView *>(QStringLiteral("retainedView"));
        view->setFocus();
        QTest::keySequence(view, QKeySequence::Find);
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("vibration"));
        QTRY_COMPARE(pane.proxy()->matchingTopicCount(), 4);
        QCOMPARE(pane.statusText(), QStringLiteral("4 of 338 topics"));
        // Opened down to the matches: the first match is visible in the view.
        QModelIndex leaf = pane.proxy()->index(0, 0);
        while (pane.proxy()->hasChildren(leaf))
            leaf = pane.proxy()->index(0, 0, leaf);
        QVERIFY(leaf.data(RetainedTopicsModel::TopicRole).toString().endsWith(
            QStringLiteral("/vibration-spectrum")));
        QVERIFY(view->isExpanded(leaf.parent()));

        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("site/+/building/+/floor/0/#"));
        QTRY_VERIFY(pane.proxy()->filterText() == filter->text());
        QVERIFY(!error->isVisible());
        const qsizetype floorZero = pane.proxy()->matchingTopicCount();
        QVERIFY(floorZero > 0);
        QVERIFY(floorZero < DemoTopics);

        QTest::keyClicks(filter, QStringLiteral("/x"));
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(error->text(),
                 QStringLiteral("Not a valid topic filter: '#' must be the last level."));
        QCOMPARE(pane.proxy()->rowCount(), 0);
        filter->clear();
        QTRY_COMPARE(pane.proxy()->matchingTopicCount(), DemoTopics);
        QVERIFY(!error->isVisible());
    }

    // Clearing the filter folds back the levels it unfolded, keeping the current topic in
    // sight: only the current topic's ancestors stay expanded.
    void clearingFilterFoldsBack()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        RetainedPane pane;
        QVERIFY(showLoaded(pane, rig, QSize(480, 300)));
        auto *filter = pane.findChild<QLineEdit *>(QStringLiteral("retainedFilter"));
        auto *view = pane.findChild<QTreeView *>(QStringLiteral("retainedView"));
        QTest::keyClicks(filter, QStringLiteral("vibration"));
        QTRY_COMPARE(pane.proxy()->matchingTopicCount(), 4);
        QModelIndex leaf = pane.proxy()->index(0, 0);
        while (pane.proxy()->hasChildren(leaf))
            leaf = pane.proxy()->index(0, 0, leaf);
        const QString topic = leaf.data(RetainedTopicsModel::TopicRole).toString();
        view->setCurrentIndex(leaf);
        int ancestors = 0;
        for (QModelIndex parent = leaf.parent(); parent.isValid(); parent = parent.parent())
            ++ancestors;
        QVERIFY(expandedCount(*view, {}) > ancestors); // the other matches' levels too

        filter->clear();
        QTRY_VERIFY(pane.proxy()->filterText().isEmpty());
        QCOMPARE(view->currentIndex().data(RetainedTopicsModel::TopicRole).toString(), topic);
        for (QModelIndex parent = view->currentIndex().parent(); parent.isValid();
             parent = parent.parent())
            QVERIFY(view->isExpanded(parent));
        QCOMPARE(expandedCount(*view, {}), ancestors);
    }

    // A click on a leaf, Enter and a double-click open a topic; arrow keys only move.
    void activation()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        RetainedPane pane;
        QVERIFY(showLoaded(pane, rig, QSize(480, 400)));
        QSignalSpy activated(&pane, &RetainedPane::topicActivated);
        auto *view = pane.findChild<QTreeView *>(QStringLiteral("retainedView"));
        QVERIFY(pane.selectTopic(JsonTopic));
        const QModelIndex current = view->currentIndex();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Down);
        QTest::keyClick(view, Qt::Key_Up);
        QCOMPARE(activated.size(), 0);
        QCOMPARE(view->currentIndex(), current);
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.last().at(0).toString(), JsonTopic);
        const QRect rect = view->visualRect(current);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE(activated.size(), 2);
        QCOMPARE(activated.last().at(0).toString(), JsonTopic);
        // A click on a level that is not a topic opens nothing.
        const QRect levelRect = view->visualRect(current.parent());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, levelRect.center());
        QCOMPARE(activated.size(), 2);
        QCOMPARE(rig.operations().count(QStringLiteral("GetRetainedMessage")), 0);
    }

    // A binary payload: its hex dump, its size and kind, its user properties (published
    // through the client), and saved to a file byte for byte.
    void binaryPayload()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        QVERIFY(addTopics(rig));
        RetainedMessageView view(rig.data.get(), BinaryTopic);
        QVERIFY(showExposed(view, QSize(640, 480)));
        QSignalSpy loaded(&view, &RetainedMessageView::loadFinished);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(view.topic(), BinaryTopic);
        QCOMPARE(view.message()->payload, BinaryPayload);
        const auto text = [&view](const char *name) {
            return view.findChild<QLabel *>(QString::fromLatin1(name))->text();
        };
        QCOMPARE(text("retainedMessageKind"), QStringLiteral("binary"));
        QCOMPARE(text("retainedMessageSize"), QStringLiteral("30 bytes"));
        QCOMPARE(text("retainedMessageQos"), QStringLiteral("1"));
        QVERIFY(!text("retainedMessageModified").isEmpty());
        const QString dump
            = view.findChild<QPlainTextEdit *>(QStringLiteral("retainedMessagePayload"))->toPlainText();
        QCOMPARE(dump, Payload::hexDump(BinaryPayload));
        QVERIFY(dump.startsWith(
            QStringLiteral("00000000  00 01 02 ff 41 42 43 44  45 46 47 48 49 4a 4b 4c  "
                           "|....ABCDEFGHIJKL|")));
        auto *tabs = view.findChild<QTabWidget *>(QStringLiteral("retainedMessageTabs"));
        QVERIFY(!tabs->isTabEnabled(1)); // no JSON tree
        QCOMPARE(userProperties(view),
                 QStringList({ QStringLiteral("encoding=raw"), QStringLiteral("source=lab") }));

        QTemporaryDir dir;
        const QString fileName = dir.filePath(QStringLiteral("blob.bin"));
        QVERIFY(view.savePayload(fileName));
        QFile saved(fileName);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), BinaryPayload);
        // A file that cannot be written says so inline.
        QVERIFY(!view.savePayload(dir.filePath(QStringLiteral("missing/dir/blob.bin"))));
        auto *error = view.findChild<QLabel *>(QStringLiteral("retainedMessageError"));
        QVERIFY(error->isVisible());
        QVERIFY(error->text().startsWith(QStringLiteral("The payload was not saved to ")));
    }

    // A JSON payload: indented text, a tree of its keys, and the demo's user properties;
    // fetched once when opened and again on F5.
    void jsonPayload()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        RetainedMessageView view(rig.data.get(), JsonTopic);
        QVERIFY(showActive(view, QSize(640, 480)));
        QSignalSpy loaded(&view, &RetainedMessageView::loadFinished);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("retainedMessageKind"))->text(),
                 QStringLiteral("JSON"));
        QCOMPARE(view.findChild<QPlainTextEdit *>(QStringLiteral("retainedMessagePayload"))
                     ->toPlainText(),
                 QStringLiteral("{\n    \"unit\": \"C\",\n    \"value\": 20\n}\n"));
        auto *tree = view.findChild<QTreeWidget *>(QStringLiteral("retainedMessageJsonTree"));
        QCOMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem *root = tree->topLevelItem(0);
        QCOMPARE(root->childCount(), 2);
        QCOMPARE(root->child(0)->text(0), QStringLiteral("unit"));
        QCOMPARE(root->child(0)->text(1), QStringLiteral("\"C\""));
        QCOMPARE(root->child(1)->text(0), QStringLiteral("value"));
        QCOMPARE(root->child(1)->text(1), QStringLiteral("20"));
        QCOMPARE(userProperties(view), QStringList({ QStringLiteral("schema=telemetry/v2"),
                                                     QStringLiteral("gateway=gw-b1-01") }));
        QCOMPARE(rig.operations(), QStringList({ QStringLiteral("GetRetainedMessage") }));

        QTest::keySequence(&view, QKeySequence::Refresh);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(rig.operations().count(QStringLiteral("GetRetainedMessage")), 2);
    }

    // A 503 on every ListRetainedMessages attempt shows the error in the status line with
    // Retry; once the fault is gone, Retry loads the page. The same for GetRetainedMessage
    // in the message view.
    void failureShowsRetry()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        QVERIFY(rig.setFaults(QByteArrayLiteral(
            R"({"rules": [{"operations": ["ListRetainedMessages", "GetRetainedMessage"],)"
            R"( "kind": "status", "status": 503}]})")));
        RetainedPane pane;
        QVERIFY(showExposed(pane, QSize(480, 300)));
        QSignalSpy failed(pane.model(), &RetainedTopicsModel::failed);
        pane.setDataClient(rig.data.get());
        QVERIFY(failed.wait(10000));
        auto *retry = pane.findChild<QPushButton *>(QStringLiteral("retainedRetry"));
        QVERIFY(retry->isVisible());
        QCOMPARE(pane.statusText(), QStringLiteral("Retained topics did not load: %1")
                                        .arg(pane.model()->errorMessage()));
        QVERIFY(!pane.model()->errorMessage().isEmpty());
        QCOMPARE(pane.model()->rowCount(), 0);

        RetainedMessageView view(rig.data.get(), JsonTopic);
        view.show();
        QSignalSpy loaded(&view, &RetainedMessageView::loadFinished);
        QVERIFY(loaded.wait(10000));
        auto *error = view.findChild<QLabel *>(QStringLiteral("retainedMessageError"));
        auto *viewRetry = view.findChild<QPushButton *>(QStringLiteral("retainedMessageRetry"));
        QVERIFY(error->isVisible());
        QVERIFY(error->text().startsWith(QStringLiteral("The retained message did not load: ")));
        QVERIFY(viewRetry->isVisible());
        QVERIFY(!view.message());

        QVERIFY(rig.setFaults({}));
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(pane.model()->topicCount() > 0, 10000);
        QTRY_VERIFY(!retry->isVisible());
        QVERIFY(pane.model()->errorMessage().isEmpty());

        QTest::mouseClick(viewRetry, Qt::LeftButton);
        QVERIFY(loaded.wait(10000));
        QVERIFY(!error->isVisible());
        QVERIFY(view.message());
    }

    // Cancel stops loading; Retry goes on from the same page.
    void cancelStopsLoading()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        RetainedPane pane;
        pane.setPageSize(10);
        QVERIFY(showExposed(pane, QSize(480, 300)));
        pane.setDataClient(rig.data.get());
        auto *cancel = pane.findChild<QPushButton *>(QStringLiteral("retainedCancel"));
        QVERIFY(cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!cancel->isVisible());
        QVERIFY(pane.model()->isStopped());
        QCOMPARE(pane.statusText(), QStringLiteral("0 topics, loading stopped"));
        auto *retry = pane.findChild<QPushButton *>(QStringLiteral("retainedRetry"));
        QVERIFY(retry->isVisible());
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(pane.model()->topicCount() >= 10, 10000);
        QVERIFY(!pane.model()->isStopped());
    }
};

QTEST_MAIN(TestRetainedPane)
#include "tst_retainedpane.moc"
