// SPDX-License-Identifier: GPL-3.0-or-later
// ThingsModel paging through a fake ThingPageSource that answers at once, queued or by hand:
// QAbstractItemModelTester attached before the first row, with and without its fetchMore.
#include "thingsmodel.h"

#include "fakethingpagesource.h"
#include "modeldump.h"
#include "modeltest.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Mode = FakeThingPageSource::Mode;
Q_DECLARE_METATYPE(FakeThingPageSource::Mode)

namespace {

const QStringList AllRows = {
    QStringLiteral("lamp-02 | SmartLamp | site=paris-2"),
    QStringLiteral("hvac-b2-floor3-01 | Thermostat | floor=3, site=berlin-1"),
    QStringLiteral("door-main |  | "),
    QStringLiteral("Lamp-01 | SmartLamp | floor=1, site=Berlin-1"),
    QStringLiteral("sensor-a7 | AirQualitySensor | room=lab"),
};

} // namespace

class TestThingsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every page is appended in the order it arrives; canFetchMore ends with the last page;
    // each page is asked for once, with the previous page's nextToken.
    void pagesAppend_data() { addAnswerModes<Mode>(); }
    void pagesAppend()
    {
        QFETCH(Mode, mode);
        QFETCH(bool, testerFetchesMore);
        ThingsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(testerFetchesMore);
        FakeThingPageSource source(fixtureThings(), 2, mode);
        QSignalSpy loading(&model, &ThingsModel::loadingChanged);
        QVERIFY(!model.canFetchMore({}));
        model.setPageSource(&source);
        QVERIFY(model.canFetchMore({}) || model.isLoading() || model.rowCount() > 0);

        loadAll(model);

        QCOMPARE(dumpModel(model), AllRows);
        QCOMPARE(source.requests,
                 QStringList({ QString(), QStringLiteral("p1"), QStringLiteral("p2") }));
        QVERIFY(model.isComplete());
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(model.errorMessage().isEmpty());
        QCOMPARE(loading.count(), 6); // true and false for each of three pages
        QCOMPARE(loading.first().first().toBool(), true);
        QCOMPARE(loading.last().first().toBool(), false);
    }

    // While a page is in flight canFetchMore is false and fetchMore asks for nothing.
    void onePageInFlight()
    {
        ThingsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // the test alone decides when a page is asked for
        FakeThingPageSource source(fixtureThings(), 2, Mode::Manual);
        model.setPageSource(&source);
        model.fetchMore({});
        QVERIFY(model.isLoading());
        QVERIFY(!model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(source.requests.size(), 1);
        source.deliverAll();
        QVERIFY(!model.isLoading());
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.canFetchMore({}));
        QVERIFY(!model.isComplete());
    }

    // reset() drops the rows, cancels the page in flight and drops its late answer (the
    // generation counter); the next first page is the one shown.
    void resetDropsStalePages()
    {
        ThingsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // the test alone decides when a page is asked for
        FakeThingPageSource source(fixtureThings(), 2, Mode::Manual);
        source.leakyCancel = true;
        model.setPageSource(&source);
        model.fetchMore({});
        source.deliverAll();
        model.fetchMore({}); // page "p1" in flight
        model.reset();
        QCOMPARE(source.cancels, 1);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isLoading());
        source.deliverAll(); // the late "p1" of the old generation
        QCOMPARE(model.rowCount(), 0);
        model.fetchMore({});
        source.fetchPage(QStringLiteral("p2"), 0); // an answer to no request of this model
        source.deliverAll();
        QCOMPARE(dumpModel(model), AllRows.mid(0, 2));
        QCOMPARE(source.requests,
                 QStringList({ QString(), QStringLiteral("p1"), QString(), QStringLiteral("p2") }));
    }

    // A failed page keeps the rows so far, reports the message once, stops canFetchMore (a
    // view would otherwise ask again at once) and retry() asks for the same page again.
    void failureAndRetry_data() { addAnswerModes<Mode>(); }
    void failureAndRetry()
    {
        QFETCH(Mode, mode);
        QFETCH(bool, testerFetchesMore);
        ThingsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(testerFetchesMore);
        FakeThingPageSource source(fixtureThings(), 2, mode);
        source.failOnceAt = QStringLiteral("p1");
        QSignalSpy failed(&model, &ThingsModel::failed);
        model.setPageSource(&source);
        loadAll(model);

        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().toString(), QStringLiteral("Service unavailable"));
        QCOMPARE(model.errorMessage(), QStringLiteral("Service unavailable"));
        QCOMPARE(dumpModel(model), AllRows.mid(0, 2));
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(!model.isComplete());

        model.retry();
        QVERIFY(model.errorMessage().isEmpty());
        loadAll(model);
        QCOMPARE(dumpModel(model), AllRows);
        QVERIFY(model.isComplete());
        QCOMPARE(source.requests,
                 QStringList({ QString(), QStringLiteral("p1"), QStringLiteral("p1"),
                               QStringLiteral("p2") }));
    }

    // The roles carry typed values; SortRole follows the column; the header names columns.
    void roles()
    {
        ThingsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        FakeThingPageSource source(fixtureThings(), 10, Mode::AtOnce);
        model.setPageSource(&source);
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 5);
        const QModelIndex name = model.index(1, ThingsModel::Name);
        QCOMPARE(name.data(ThingsModel::ThingNameRole).toString(),
                 QStringLiteral("hvac-b2-floor3-01"));
        QCOMPARE(name.data(ThingsModel::TypeNameRole).toString(), QStringLiteral("Thermostat"));
        QCOMPARE(name.data(ThingsModel::ArnRole).toString(),
                 QStringLiteral("arn:aws:iot:us-east-1:123456789012:thing/hvac-b2-floor3-01"));
        const QVariantMap attributes = name.data(ThingsModel::AttributesRole).toMap();
        QCOMPARE(attributes.value(QStringLiteral("floor")).toString(), QStringLiteral("3"));
        QCOMPARE(attributes.size(), 2);
        QCOMPARE(name.data(ThingsModel::SortRole).toString(), QStringLiteral("hvac-b2-floor3-01"));
        QCOMPARE(model.index(1, ThingsModel::Type).data(ThingsModel::SortRole).toString(),
                 QStringLiteral("Thermostat"));
        QCOMPARE(model.index(1, ThingsModel::Attributes).data(ThingsModel::SortRole).toString(),
                 QStringLiteral("floor=3, site=berlin-1"));
        QCOMPARE(model.headerData(ThingsModel::Attributes, Qt::Horizontal).toString(),
                 QStringLiteral("Attributes"));
        QCOMPARE(model.thing(4).name, QStringLiteral("sensor-a7"));
    }

    // Without a source there is nothing to fetch; taking the source away empties the model
    // and cancels its page in flight.
    void withoutSource()
    {
        ThingsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false); // the test alone decides when a page is asked for
        QVERIFY(!model.canFetchMore({}));
        FakeThingPageSource source(fixtureThings(), 2, Mode::Manual);
        model.setPageSource(&source);
        model.fetchMore({});
        source.deliverAll();
        model.fetchMore({});
        QSignalSpy loading(&model, &ThingsModel::loadingChanged);
        model.setPageSource(nullptr);
        QCOMPARE(source.cancels, 1);
        QCOMPARE(loading.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(!model.isComplete());
        source.deliverAll();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestThingsModel)
#include "tst_thingsmodel.moc"
