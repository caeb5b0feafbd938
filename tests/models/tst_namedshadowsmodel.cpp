// SPDX-License-Identifier: GPL-3.0-or-later
// NamedShadowsModel over a fake ShadowSource that answers at once, queued or by hand:
// QAbstractItemModelTester attached before the first row (fetchMore on and off), the classic
// shadow first and absent when it 404s, every page of names, documents fetched at most
// maxInFlight() at a time, stale answers dropped, failures retried, and the summary columns
// (out-of-sync keys, last update from metadata, size) computed from the documents.
#include "namedshadowsmodel.h"

#include "fakeshadowsource.h"
#include "modeldump.h"
#include "modeltest.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using Mode = FakeShadowSource::Mode;
Q_DECLARE_METATYPE(FakeShadowSource::Mode)

namespace {

// The lamp: a classic shadow two keys out of sync, three named shadows listed out of order.
FakeShadowSource::Thing lamp()
{
    FakeShadowSource::Thing thing;
    thing.names = { QStringLiteral("schedule"), QStringLiteral("firmware"),
                    QStringLiteral("Config") };
    thing.documents.insert(QString(),
                           makeDocument(json(R"({"on": true, "light": {"level": 80, "k": 4000}})"),
                                        json(R"({"on": false, "light": {"level": 40, "k": 4000}})"),
                                        12, NowSecs - 3 * 3600, NowSecs - 240));
    thing.documents.insert(QStringLiteral("schedule"),
                           makeDocument({}, json(R"({"rules": [1, 2]})"), 3, 0,
                                        NowSecs - 2 * 86400));
    thing.documents.insert(QStringLiteral("firmware"),
                           makeDocument(json(R"({"version": "2.0"})"),
                                        json(R"({"version": "2.0"})"), 7, NowSecs - 42,
                                        NowSecs - 50));
    thing.documents.insert(QStringLiteral("Config"),
                           makeDocument(json(R"({"interval": 30})"), json(R"({"interval": 60})"),
                                        1, NowSecs - 10, NowSecs - 10));
    return thing;
}

const QStringList LampRows = {
    QStringLiteral("Classic | 12 | 4 min ago | 2 | 107 B"),
    QStringLiteral("Config | 1 | 10 s ago | 1 | 54 B"),
    QStringLiteral("firmware | 7 | 42 s ago | 0 | 58 B"),
    QStringLiteral("schedule | 3 | 2 days ago | 0 | 28 B"),
};

void waitSettled(NamedShadowsModel &model)
{
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
}

// A model on the fixed clock under a QAbstractItemModelTester, and a source holding the lamp
// that answers in @p mode, not yet set on the model.
struct LampFixture
{
    explicit LampFixture(Mode mode, int pageSize = 2)
        : source(mode, pageSize)
    {
        model.setClock([] { return Now; });
        source.things.insert(QStringLiteral("lamp"), lamp());
    }

    NamedShadowsModel model;
    QAbstractItemModelTester tester { &model,
                                      QAbstractItemModelTester::FailureReportingMode::QtTest };
    FakeShadowSource source;
};

} // namespace

class TestNamedShadowsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every page of names is listed, every document fetched once; rows are the classic shadow
    // then the named ones by name (case folded); loadingChanged goes true then false once.
    void listsAndFetches_data() { addAnswerModes<Mode>(); }
    void listsAndFetches()
    {
        QFETCH(Mode, mode);
        QFETCH(bool, testerFetchesMore);
        LampFixture fixture(mode);
        fixture.tester.setUseFetchMore(testerFetchesMore);
        NamedShadowsModel &model = fixture.model;
        FakeShadowSource &source = fixture.source;
        model.setSource(&source);
        QSignalSpy loading(&model, &NamedShadowsModel::loadingChanged);

        model.openThing(QStringLiteral("lamp"));
        waitSettled(model);

        QCOMPARE(dumpModel(model), LampRows);
        QCOMPARE(loading.size(), 2);
        QCOMPARE(source.listRequests,
                 QStringList({ QStringLiteral("lamp@"), QStringLiteral("lamp@p1") }));
        QStringList fetched = source.documentRequests;
        fetched.sort();
        QCOMPARE(fetched, QStringList({ QString(), QStringLiteral("Config"),
                                        QStringLiteral("firmware"), QStringLiteral("schedule") }));
        QCOMPARE(source.documentRequests.first(), QString()); // the classic one first
        QVERIFY(model.hasClassic());
        QVERIFY(model.namesComplete());
        QCOMPARE(model.loadedCount(), 4);
        QCOMPARE(model.failedCount(), 0);
        QVERIFY(model.errorMessage().isEmpty());
        QCOMPARE(model.rowOf(QString()), 0);
        QCOMPARE(model.rowOf(QStringLiteral("schedule")), 3);
        QCOMPARE(model.document(QStringLiteral("firmware"))->version, 7);
        QVERIFY(!model.document(QStringLiteral("nope")));
    }

    // The roles carry typed values; the last update is the newest leaf's metadata timestamp
    // (4 min ago), not the response's timestamp; the tooltip has the exact time.
    void roles()
    {
        NamedShadowsModel model;
        model.setClock([] { return Now; });
        FakeShadowSource source(Mode::AtOnce);
        source.things.insert(QStringLiteral("lamp"), lamp());
        model.setSource(&source);
        model.openThing(QStringLiteral("lamp"));
        const QModelIndex classic = model.index(0, NamedShadowsModel::Name);
        QCOMPARE(classic.data(NamedShadowsModel::ShadowNameRole).toString(), QString());
        QCOMPARE(classic.data(NamedShadowsModel::StatusRole).value<NamedShadowsModel::Status>(),
                 NamedShadowsModel::Status::Loaded);
        QCOMPARE(classic.data(NamedShadowsModel::VersionRole).toLongLong(), 12);
        QCOMPARE(classic.data(NamedShadowsModel::LastUpdatedRole).toDateTime(),
                 Now.addSecs(-240));
        QCOMPARE(classic.data(NamedShadowsModel::OutOfSyncRole).toInt(), 2);
        QCOMPARE(classic.data(NamedShadowsModel::SizeRole).toLongLong(), 107);
        QCOMPARE(model.index(0, NamedShadowsModel::Updated).data(Qt::ToolTipRole).toString(),
                 RelativeTime::exactText(Now.addSecs(-240)));
        QCOMPARE(model.headerData(NamedShadowsModel::OutOfSync, Qt::Horizontal).toString(),
                 QStringLiteral("Out of sync"));

        // Ages follow the clock.
        QSignalSpy changed(&model, &NamedShadowsModel::dataChanged);
        model.setClock([] { return Now.addSecs(3600); });
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, NamedShadowsModel::Updated).data().toString(),
                 QStringLiteral("1 h ago"));
    }

    // A newer document fetched elsewhere (a save) updates its row; an older one is ignored.
    void updateDocument()
    {
        NamedShadowsModel model;
        QAbstractItemModelTester tester(&model);
        model.setClock([] { return Now; });
        FakeShadowSource source(Mode::AtOnce);
        source.things.insert(QStringLiteral("lamp"), lamp());
        model.setSource(&source);
        model.openThing(QStringLiteral("lamp"));
        QSignalSpy changed(&model, &NamedShadowsModel::dataChanged);
        const int firmware = model.rowOf(QStringLiteral("firmware"));
        model.updateDocument(QStringLiteral("firmware"),
                             makeDocument(json(R"({"version": "2.1"})"), json(R"({"version": "2.0"})"),
                                          6, NowSecs, NowSecs - 50));
        QCOMPARE(changed.size(), 0);
        model.updateDocument(QStringLiteral("firmware"),
                             makeDocument(json(R"({"version": "2.1"})"), json(R"({"version": "2.0"})"),
                                          8, NowSecs, NowSecs - 50));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(firmware, 0).data(NamedShadowsModel::VersionRole).toLongLong(), 8);
        QCOMPARE(model.index(firmware, 0).data(NamedShadowsModel::OutOfSyncRole).toInt(), 1);
        model.updateDocument(QStringLiteral("no-such-shadow"), makeDocument({}, {}, 9, 0, 0));
        QCOMPARE(changed.size(), 1);
    }

    // A thing without a classic shadow (GetThingShadow 404) has no classic row and no error.
    void classicMissing_data() { addAnswerModes<Mode>(); }
    void classicMissing()
    {
        QFETCH(Mode, mode);
        QFETCH(bool, testerFetchesMore);
        NamedShadowsModel model;
        model.setClock([] { return Now; });
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(testerFetchesMore);
        FakeShadowSource source(mode);
        FakeShadowSource::Thing thing = lamp();
        thing.documents.remove(QString());
        source.things.insert(QStringLiteral("lamp"), thing);
        model.setSource(&source);
        model.openThing(QStringLiteral("lamp"));
        waitSettled(model);
        QCOMPARE(dumpModel(model), LampRows.mid(1));
        QVERIFY(!model.hasClassic());
        QCOMPARE(model.failedCount(), 0);
        QVERIFY(model.errorMessage().isEmpty());
        QCOMPARE(model.rowOf(QString()), -1);
    }

    // Twelve named shadows: never more than maxInFlight() documents are asked for at once,
    // and the limit is used.
    void boundedParallelism_data()
    {
        QTest::addColumn<int>("limit");
        QTest::newRow("4") << 4;
        QTest::newRow("1") << 1;
    }
    void boundedParallelism()
    {
        QFETCH(int, limit);
        NamedShadowsModel model;
        FakeShadowSource source(Mode::Manual, 100);
        FakeShadowSource::Thing thing;
        for (int i = 0; i < 12; ++i) {
            const QString name = QStringLiteral("s%1").arg(i, 2, 10, QLatin1Char('0'));
            thing.names.append(name);
            thing.documents.insert(name, makeDocument({}, json(R"({"a": 1})"), i + 1, 0, NowSecs));
        }
        thing.documents.insert(QString(), makeDocument({}, {}, 1, 0, NowSecs));
        source.things.insert(QStringLiteral("big"), thing);
        model.setSource(&source);
        model.setMaxInFlight(limit);
        model.openThing(QStringLiteral("big"));
        QCOMPARE(source.inFlight, 1); // the classic document while the names are listed
        source.deliverAll();
        QVERIFY(!model.isLoading());
        QCOMPARE(source.peakInFlight, limit);
        QCOMPARE(source.documentRequests.size(), 13);
        QCOMPARE(model.rowCount(), 13);
        QCOMPARE(model.loadedCount(), 13);
    }

    // Opening another thing drops every late answer for the first one, even from a source
    // that keeps answering cancelled requests.
    void staleAnswersDropped()
    {
        NamedShadowsModel model;
        model.setClock([] { return Now; });
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        FakeShadowSource source(Mode::Manual);
        source.leakyCancel = true;
        source.things.insert(QStringLiteral("lamp"), lamp());
        FakeShadowSource::Thing other;
        other.names = { QStringLiteral("only") };
        other.documents.insert(QStringLiteral("only"), makeDocument({}, json(R"({"x": 1})"), 5, 0,
                                                                    NowSecs - 10));
        source.things.insert(QStringLiteral("other"), other);
        model.setSource(&source);
        model.openThing(QStringLiteral("lamp"));
        QCOMPARE(source.heldCount(), 2);
        model.openThing(QStringLiteral("other"));
        QCOMPARE(source.cancels, 1);
        source.deliverAll();
        QVERIFY(!model.isLoading());
        QCOMPARE(model.thingName(), QStringLiteral("other"));
        QCOMPARE(dumpModel(model), QStringList({ QStringLiteral("only | 5 | 10 s ago | 0 | 20 B") }));
        QVERIFY(!model.hasClassic());
    }

    // A failed document shows as a failed row with the message; a failed page of names as the
    // model's error. retry() asks again for just what failed, and everything then loads.
    void failureAndRetry_data() { addAnswerModes<Mode>(); }
    void failureAndRetry()
    {
        QFETCH(Mode, mode);
        QFETCH(bool, testerFetchesMore);
        LampFixture fixture(mode);
        fixture.tester.setUseFetchMore(testerFetchesMore);
        NamedShadowsModel &model = fixture.model;
        FakeShadowSource &source = fixture.source;
        source.failOnce.insert(QStringLiteral("firmware"));
        model.setSource(&source);
        model.openThing(QStringLiteral("lamp"));
        waitSettled(model);
        QCOMPARE(model.failedCount(), 1);
        QVERIFY(!model.namesFailed());
        QCOMPARE(model.errorMessage(), QStringLiteral("Service unavailable"));
        QCOMPARE(model.errorDetails(), QStringLiteral("HTTP status: 503"));
        const int row = model.rowOf(QStringLiteral("firmware"));
        QCOMPARE(model.index(row, NamedShadowsModel::Version).data().toString(),
                 QStringLiteral("Failed"));
        QCOMPARE(model.index(row, NamedShadowsModel::Name).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Service unavailable"));

        source.documentRequests.clear();
        model.retry();
        waitSettled(model);
        QCOMPARE(source.documentRequests, QStringList({ QStringLiteral("firmware") }));
        QCOMPARE(dumpModel(model), LampRows);
        QVERIFY(model.errorMessage().isEmpty());

        // The first page of names fails: only the classic row is there; retry lists from it on.
        source.failNamesOnce = false;
        model.openThing(QStringLiteral("lamp"));
        waitSettled(model);
        source.listRequests.clear();
        source.failNamesOnce = true;
        model.reload();
        waitSettled(model);
        QCOMPARE(model.errorMessage(), QStringLiteral("Service unavailable"));
        QVERIFY(model.namesFailed());
        QVERIFY(!model.namesComplete());
        QCOMPARE(model.rowCount(), 1); // the classic shadow only
        model.retry();
        waitSettled(model);
        QVERIFY(!model.namesFailed());
        QCOMPARE(source.listRequests,
                 QStringList({ QStringLiteral("lamp@"), QStringLiteral("lamp@"),
                               QStringLiteral("lamp@p1") }));
        QCOMPARE(dumpModel(model), LampRows);
    }

    // cancel() stops the load: no answer arrives afterwards, rows still waiting say Cancelled,
    // and retry() starts over.
    void cancel()
    {
        LampFixture fixture(Mode::Manual, 100);
        NamedShadowsModel &model = fixture.model;
        FakeShadowSource &source = fixture.source;
        model.setSource(&source);
        model.openThing(QStringLiteral("lamp"));
        source.deliverAll();
        QVERIFY(!model.isLoading());
        model.reload();
        // Nothing has answered yet when the load is cancelled.
        QVERIFY(model.isLoading());
        model.cancel();
        QVERIFY(!model.isLoading());
        QVERIFY(model.isCancelled());
        source.deliverAll();
        QCOMPARE(model.rowCount(), 0);
        model.retry();
        QVERIFY(model.isLoading());
        QVERIFY(!model.isCancelled());
        source.deliverAll();
        QCOMPARE(dumpModel(model), LampRows);
    }

    // What the summary columns count (contract of the static helpers).
    void summaries_data()
    {
        QTest::addColumn<QByteArray>("desired");
        QTest::addColumn<QByteArray>("reported");
        QTest::addColumn<int>("outOfSync");
        QTest::addColumn<qint64>("bytes");
        QTest::newRow("empty") << QByteArray("{}") << QByteArray("{}") << 0 << qint64(2);
        QTest::newRow("in sync") << QByteArray(R"({"a":1})") << QByteArray(R"({"a":1})") << 0
                                 << qint64(38);
        QTest::newRow("nested leaves")
            << QByteArray(R"({"a":{"b":1,"c":{"d":2}},"e":[1]})")
            << QByteArray(R"({"a":{"b":0}})") << 3 << qint64(70);
        QTest::newRow("utf-8 bytes") << QByteArray("{}") << QByteArray(R"({"t":"é"})") << 0
                                     << qint64(23);
    }
    void summaries()
    {
        QFETCH(QByteArray, desired);
        QFETCH(QByteArray, reported);
        QFETCH(int, outOfSync);
        QFETCH(qint64, bytes);
        const Iot::ShadowDocument document
            = makeDocument(QJsonDocument::fromJson(desired).object(),
                           QJsonDocument::fromJson(reported).object(), 1, 100, 200);
        QCOMPARE(NamedShadowsModel::outOfSyncCount(document), outOfSync);
        QCOMPARE(NamedShadowsModel::documentBytes(document), bytes);
    }

    // The newest leaf timestamp wins; a state key called "timestamp" is a key, not a leaf.
    void lastUpdated()
    {
        Iot::ShadowDocument document;
        document.desiredMetadata
            = json(R"({"a": {"timestamp": 100}, "timestamp": {"timestamp": 300},
                       "list": [{"timestamp": 250}, {"x": {"timestamp": 50}}]})");
        document.reportedMetadata = json(R"({"b": {"c": {"timestamp": 200}}})");
        document.timestamp = 999;
        QCOMPARE(NamedShadowsModel::lastUpdated(document),
                 QDateTime::fromSecsSinceEpoch(300, Qt::UTC));
        QVERIFY(!NamedShadowsModel::lastUpdated(Iot::ShadowDocument {}).isValid());
    }

    void sizeText()
    {
        QCOMPARE(NamedShadowsModel::sizeText(0), QStringLiteral("0 B"));
        QCOMPARE(NamedShadowsModel::sizeText(1023), QStringLiteral("1023 B"));
        QCOMPARE(NamedShadowsModel::sizeText(2150), QStringLiteral("2.1 KB"));
        QCOMPARE(NamedShadowsModel::sizeText(8192), QStringLiteral("8.0 KB"));
    }
};

QTEST_GUILESS_MAIN(TestNamedShadowsModel)
#include "tst_namedshadowsmodel.moc"
