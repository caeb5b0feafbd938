// SPDX-License-Identifier: GPL-3.0-or-later
// ThingsFilterProxy over a ThingsModel paged from a fake source: the filter matches name,
// type and "key=value" attributes ignoring case, rows of later pages are filtered as they
// arrive, and sorting uses the model's SortRole.
#include "thingsfilterproxy.h"

#include "fakethingpagesource.h"
#include "modeldump.h"
#include "thingsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

class TestThingsFilterProxy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The rows that stay for a filter text, sorted by name ascending (case-insensitive).
    void filter_data()
    {
        QTest::addColumn<bool>("testerFetchesMore");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        const QString lamp1 = QStringLiteral("Lamp-01 | SmartLamp | floor=1, site=Berlin-1");
        const QString lamp2 = QStringLiteral("lamp-02 | SmartLamp | site=paris-2");
        const QString hvac
            = QStringLiteral("hvac-b2-floor3-01 | Thermostat | floor=3, site=berlin-1");
        const QString door = QStringLiteral("door-main |  | ");
        const QString sensor = QStringLiteral("sensor-a7 | AirQualitySensor | room=lab");
        for (const bool fetches : { true, false }) {
            const char *suffix = fetches ? ", tester fetches" : ", tester does not fetch";
            QTest::addRow("no filter%s", suffix)
                << fetches << QString() << QStringList { door, hvac, lamp1, lamp2, sensor };
            QTest::addRow("name%s", suffix)
                << fetches << QStringLiteral("LAMP") << QStringList { lamp1, lamp2 };
            QTest::addRow("type%s", suffix)
                << fetches << QStringLiteral("thermo") << QStringList { hvac };
            QTest::addRow("attribute value%s", suffix)
                << fetches << QStringLiteral("berlin") << QStringList { hvac, lamp1 };
            QTest::addRow("key=value%s", suffix)
                << fetches << QStringLiteral("floor=3") << QStringList { hvac };
            QTest::addRow("padded%s", suffix)
                << fetches << QStringLiteral("  lab ") << QStringList { sensor };
            QTest::addRow("nothing%s", suffix)
                << fetches << QStringLiteral("zzz") << QStringList {};
        }
    }
    void filter()
    {
        QFETCH(bool, testerFetchesMore);
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        ThingsModel model;
        ThingsFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(testerFetchesMore);
        proxy.sort(ThingsModel::Name);
        proxy.setFilterText(text);
        FakeThingPageSource source(fixtureThings(), 2, FakeThingPageSource::Mode::Queued);
        model.setPageSource(&source);
        while (!model.isComplete()) {
            if (proxy.canFetchMore({}))
                proxy.fetchMore({});
            QTRY_VERIFY(!model.isLoading());
        }
        QCOMPARE(dumpModel(proxy), expected);
        QCOMPARE(proxy.filterText(), text.trimmed());
    }

    // Sorting by the type column descending (SortRole); clearing the filter brings every row
    // back.
    void sortByType()
    {
        ThingsModel model;
        ThingsFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setFilterText(QStringLiteral("a"));
        FakeThingPageSource source(fixtureThings(), 10, FakeThingPageSource::Mode::AtOnce);
        model.setPageSource(&source);
        model.fetchMore({});
        QTRY_VERIFY(model.isComplete());
        proxy.sort(ThingsModel::Type, Qt::DescendingOrder);
        proxy.setFilterText({});
        QStringList names;
        for (int row = 0; row < proxy.rowCount(); ++row)
            names.append(proxy.index(row, ThingsModel::Name).data().toString());
        // Equal types keep the order they arrived in.
        QCOMPARE(names,
                 QStringList({ QStringLiteral("hvac-b2-floor3-01"), QStringLiteral("lamp-02"),
                               QStringLiteral("Lamp-01"), QStringLiteral("sensor-a7"),
                               QStringLiteral("door-main") }));
    }
};

QTEST_GUILESS_MAIN(TestThingsFilterProxy)
#include "tst_thingsfilterproxy.moc"
