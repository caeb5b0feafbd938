// SPDX-License-Identifier: GPL-3.0-or-later
// RetainedTopicsModel paging through a fake RetainedPageSource (answering at once or queued)
// as a tree and as a flat list, and RetainedTopicsFilterProxy over it (substring and MQTT
// topic filters, sorted): QAbstractItemModelTester attached before the first row, with and
// without its fetchMore, and each shape compared with a golden dump in tests/data.
// Runs with TZ=UTC (set by CMake) so local times in the dumps are fixed.
#include "retainedtopicsfilterproxy.h"
#include "retainedtopicsmodel.h"

#include "fakeretainedpagesource.h"
#include "modeldump.h"
#include "modeltest.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Mode = FakeRetainedPageSource::Mode;
using Layout = RetainedTopicsModel::Layout;
Q_DECLARE_METATYPE(FakeRetainedPageSource::Mode)

namespace {

constexpr int PageSize = 3;

} // namespace

class TestRetainedTopicsModel : public QObject
{
    Q_OBJECT

private:
    static void addModes()
    {
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<bool>("testerFetchesMore");
        QTest::addColumn<Layout>("layout");
        QTest::addColumn<QString>("golden");
        const QString tree = QStringLiteral("retained-tree.txt");
        const QString flat = QStringLiteral("retained-flat.txt");
        QTest::newRow("tree, at once, tester fetches") << Mode::AtOnce << true << Layout::Tree << tree;
        QTest::newRow("tree, at once, tester does not fetch")
            << Mode::AtOnce << false << Layout::Tree << tree;
        QTest::newRow("tree, queued, tester fetches") << Mode::Queued << true << Layout::Tree << tree;
        QTest::newRow("tree, queued, tester does not fetch")
            << Mode::Queued << false << Layout::Tree << tree;
        QTest::newRow("flat, at once, tester fetches") << Mode::AtOnce << true << Layout::Flat << flat;
        QTest::newRow("flat, queued, tester does not fetch")
            << Mode::Queued << false << Layout::Flat << flat;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(qgetenv("TZ"), QByteArrayLiteral("UTC"));
    }

    // Pages become rows in order: new levels are inserted where they belong, a topic that is
    // also a level shows both its size and the topics below it, empty levels are levels.
    void pagesBuildTheTree_data() { addModes(); }
    void pagesBuildTheTree()
    {
        QFETCH(Mode, mode);
        QFETCH(bool, testerFetchesMore);
        QFETCH(Layout, layout);
        QFETCH(QString, golden);
        RetainedTopicsModel model;
        model.setLayout(layout);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(testerFetchesMore);
        FakeRetainedPageSource source(fixtureTopics(), PageSize, mode);
        QVERIFY(!model.canFetchMore({}));
        model.setPageSource(&source);
        loadAll(model);

        QCOMPARE(dumpModel(model), goldenLines(golden, dumpModel(model)));
        QCOMPARE(source.requests,
                 QStringList({ QString(), QStringLiteral("p1"), QStringLiteral("p2") }));
        QVERIFY(model.isComplete());
        QCOMPARE(model.topicCount(), 9);
    }

    // Switching layouts keeps the topics; the tester checks the reset.
    void layoutSwitch()
    {
        RetainedTopicsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        FakeRetainedPageSource source(fixtureTopics(), PageSize, Mode::Queued);
        model.setPageSource(&source);
        QTRY_VERIFY(!model.isLoading() && model.topicCount() == PageSize);
        model.setLayout(Layout::Flat);
        QCOMPARE(model.rowCount(), PageSize);
        loadAll(model);
        QCOMPARE(dumpModel(model),
                 goldenLines(QStringLiteral("retained-flat.txt"), dumpModel(model)));
        model.setLayout(Layout::Tree);
        QCOMPARE(dumpModel(model),
                 goldenLines(QStringLiteral("retained-tree.txt"), dumpModel(model)));
    }

    // Topics are found by their whole name, in both layouts; levels that are not topics and
    // topics not loaded are not.
    void indexForTopic()
    {
        RetainedTopicsModel model;
        FakeRetainedPageSource source(fixtureTopics(), 100, Mode::AtOnce);
        model.setPageSource(&source);
        loadAll(model);
        for (const Layout layout : { Layout::Tree, Layout::Flat }) {
            model.setLayout(layout);
            for (const auto &summary : fixtureTopics()) {
                const QModelIndex index = model.indexForTopic(summary.topic);
                QVERIFY2(index.isValid(), qPrintable(summary.topic));
                QCOMPARE(index.data(RetainedTopicsModel::TopicRole).toString(), summary.topic);
                QCOMPARE(index.data(RetainedTopicsModel::PayloadSizeRole).toLongLong(),
                         summary.payloadSize);
                QCOMPARE(index.data(RetainedTopicsModel::LastModifiedRole).toDateTime(),
                         summary.lastModified);
            }
            QVERIFY(!model.indexForTopic(QStringLiteral("fleet/berlin")).isValid());
            QVERIFY(!model.indexForTopic(QStringLiteral("nowhere")).isValid());
            QVERIFY(!model.indexForTopic(QStringLiteral("a/")).isValid());
        }
        // One node per level: the root and 20 levels.
        QCOMPARE(model.nodeCount(), 1 + 20);
    }

    // A topic listed again (it changed between pages) is updated in place, not added twice.
    void topicListedAgain()
    {
        RetainedTopicsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Iot::RetainedMessageSummary> topics = fixtureTopics().mid(0, 2);
        topics.append(retainedSummary(QStringLiteral("fleet/berlin/dev-1/temperature"), 99, 1,
                                      1767312000));
        FakeRetainedPageSource source(topics, 2, Mode::Queued);
        model.setPageSource(&source);
        loadAll(model);
        QCOMPARE(model.topicCount(), 2);
        const QModelIndex index = model.indexForTopic(QStringLiteral("fleet/berlin/dev-1/temperature"),
                                                      RetainedTopicsModel::Size);
        QCOMPARE(index.data().toString(), QStringLiteral("99 B"));
        QCOMPARE(index.siblingAtColumn(RetainedTopicsModel::LastModified).data().toString(),
                 QStringLiteral("2026-01-02 00:00:00"));
        QCOMPARE(index.parent().data(RetainedTopicsModel::TopicsBelowRole).toInt(), 2);
    }

    // A failed page stops paging with the message; retry() asks for the same page again.
    void failureAndRetry()
    {
        RetainedTopicsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        FakeRetainedPageSource source(fixtureTopics(), PageSize, Mode::Queued);
        source.failOnceAt = QStringLiteral("p1");
        QSignalSpy failed(&model, &RetainedTopicsModel::failed);
        model.setPageSource(&source);
        loadAll(model);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(model.errorMessage(), QStringLiteral("Service unavailable"));
        QCOMPARE(model.topicCount(), PageSize);
        QVERIFY(!model.canFetchMore({}));
        model.retry();
        QVERIFY(model.isLoading());
        loadAll(model);
        QVERIFY(model.isComplete());
        QCOMPARE(model.topicCount(), 9);
    }

    // stopLoading() abandons the page in flight (its answer is dropped) until retry().
    void stopAndResume()
    {
        RetainedTopicsModel model;
        FakeRetainedPageSource source(fixtureTopics(), PageSize, Mode::Queued);
        model.setPageSource(&source);
        model.fetchMore({});
        model.stopLoading();
        QVERIFY(model.isStopped());
        QVERIFY(!model.isLoading());
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(source.cancels, 1);
        QCoreApplication::processEvents(); // a leaked answer would arrive now
        QCOMPARE(model.rowCount(), 0);
        model.retry();
        loadAll(model);
        QVERIFY(model.isComplete());
    }

    // reset() starts over; a late answer to the earlier request is dropped.
    void resetDropsLateAnswers()
    {
        RetainedTopicsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // nothing asks for a page after the reset
        FakeRetainedPageSource source(fixtureTopics(), PageSize, Mode::AtOnce);
        model.setPageSource(&source);
        model.fetchMore({}); // answered at once, applied from the event loop
        model.reset();
        QCoreApplication::processEvents(); // the late answer arrives, and is dropped
        QCOMPARE(model.rowCount(), 0);
        loadAll(model);
        QCOMPARE(model.topicCount(), 9);
    }

    // The filter proxy in both layouts, with the tester: substring (any case, across levels),
    // MQTT filters ('$' topics not under a leading wildcard), and a malformed filter.
    void filter_data()
    {
        QTest::addColumn<Layout>("layout");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("golden");
        QTest::addColumn<int>("matching");
        QTest::newRow("tree, substring") << Layout::Tree << QStringLiteral("TEMP")
                                         << QStringLiteral("retained-filter-temp.txt") << 4;
        QTest::newRow("tree, across levels") << Layout::Tree << QStringLiteral("n/dev")
                                             << QStringLiteral("retained-filter-n-dev.txt") << 3;
        QTest::newRow("tree, plus") << Layout::Tree << QStringLiteral("fleet/+/+/temperature")
                                    << QStringLiteral("retained-filter-plus.txt") << 3;
        QTest::newRow("tree, hash") << Layout::Tree << QStringLiteral("fleet/#")
                                    << QStringLiteral("retained-filter-hash.txt") << 5;
        QTest::newRow("tree, everything but $") << Layout::Tree << QStringLiteral("#")
                                                << QStringLiteral("retained-filter-all.txt") << 8;
        QTest::newRow("tree, empty levels") << Layout::Tree << QStringLiteral("+/+")
                                            << QStringLiteral("retained-filter-empty.txt") << 2;
        QTest::newRow("flat, plus") << Layout::Flat << QStringLiteral("fleet/+/+/temperature")
                                    << QStringLiteral("retained-filter-plus-flat.txt") << 3;
        QTest::newRow("malformed") << Layout::Tree << QStringLiteral("fleet/#/x") << QString() << 0;
    }
    void filter()
    {
        QFETCH(Layout, layout);
        QFETCH(QString, filter);
        QFETCH(QString, golden);
        QFETCH(int, matching);
        RetainedTopicsModel model;
        model.setLayout(layout);
        RetainedTopicsFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(RetainedTopicsModel::Topic);
        FakeRetainedPageSource source(fixtureTopics(), PageSize, Mode::Queued);
        model.setPageSource(&source);
        QTRY_VERIFY(!model.isLoading() && model.topicCount() == PageSize);
        // Set with one page loaded; the other pages are decided as they come.
        proxy.setFilterText(filter);
        loadAll(model);
        QCOMPARE(dumpModel(proxy),
                 golden.isEmpty() ? QStringList() : goldenLines(golden, dumpModel(proxy)));
        QCOMPARE(proxy.matchingTopicCount(), matching);
        QCOMPARE(proxy.filterError().isEmpty(), !golden.isEmpty());
        // Decided again from scratch, the same.
        proxy.setFilterText({});
        QCOMPARE(proxy.matchingTopicCount(), 9);
        proxy.setFilterText(filter);
        QCOMPARE(dumpModel(proxy),
                 golden.isEmpty() ? QStringList() : goldenLines(golden, dumpModel(proxy)));
    }

    // A malformed filter explains itself.
    void filterError()
    {
        RetainedTopicsModel model;
        RetainedTopicsFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterText(QStringLiteral("a/#/b"));
        QCOMPARE(proxy.filterError(), QStringLiteral("'#' must be the last level."));
        proxy.setFilterText(QStringLiteral("a/b"));
        QVERIFY(proxy.filterError().isEmpty());
    }
};

QTEST_MAIN(TestRetainedTopicsModel)
#include "tst_retainedtopicsmodel.moc"
