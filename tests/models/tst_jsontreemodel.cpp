// SPDX-License-Identifier: GPL-3.0-or-later
// JsonTreeModel over a shadow's desired, reported and delta sections: QAbstractItemModelTester
// attached before the content, golden text dumps (tests/data/jsontree-*.txt) of the three
// trees and of a refreshed one, and the roles a view highlights by.
#include "jsontreemodel.h"

#include "fakeshadowsource.h"
#include "modeldump.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

// A thermostat: desired set an hour ago, reported four minutes ago, two keys out of sync
// (one nested), an array, an empty object and a key with a slash.
Iot::ShadowDocument thermostat()
{
    return makeDocument(
        json(R"({"mode": "heat", "setpointC": 21.5, "fan": {"speed": "auto", "oscillate": true}})"),
        json(R"({"mode": "heat", "setpointC": 20.5, "temperatureC": 20.25,
                 "fan": {"speed": "auto", "oscillate": false, "rpm": 681},
                 "alarms": ["filter", "battery"], "extras": {}, "a/b": null})"),
        7, NowSecs - 3600, NowSecs - 240);
}

// Each row's out-of-sync and changed flags after its columns.
QString flags(const QModelIndex &index)
{
    QString text;
    if (index.data(JsonTreeModel::OutOfSyncRole).toBool())
        text += QStringLiteral(" [out of sync]");
    if (index.data(JsonTreeModel::ChangedRole).toBool())
        text += QStringLiteral(" [changed]");
    return text;
}

QStringList dump(const JsonTreeModel &model)
{
    return dumpModel(model, flags);
}

} // namespace

class TestJsonTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The three sections as a view shows them: keys in order, values as JSON, ages from the
    // metadata, and the delta's paths out of sync wherever they appear (in desired, in the
    // delta itself, and the reported values they differ from).
    void goldenTrees_data()
    {
        QTest::addColumn<QString>("section");
        QTest::newRow("desired") << QStringLiteral("desired");
        QTest::newRow("reported") << QStringLiteral("reported");
        QTest::newRow("delta") << QStringLiteral("delta");
    }
    void goldenTrees()
    {
        QFETCH(QString, section);
        JsonTreeModel model;
        model.setClock([] { return Now; });
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Iot::ShadowDocument document = thermostat();
        if (section == QLatin1String("desired"))
            model.setContent(document.desired, document.desiredMetadata, document.delta);
        else if (section == QLatin1String("reported"))
            model.setContent(document.reported, document.reportedMetadata, document.delta);
        else
            model.setContent(document.delta, document.desiredMetadata, document.delta);
        const QStringList actual = dump(model);
        QCOMPARE(actual, goldenLines(QStringLiteral("jsontree-%1.txt").arg(section), actual));
        QCOMPARE(model.changedLeaves(), 0);
    }

    // A second document: the values that differ, or are new, are changed, so every container
    // above a change is too, and so is an array that lost an element; PreviousValueRole holds
    // what was shown before.
    void refreshMarksChanges()
    {
        JsonTreeModel model;
        model.setClock([] { return Now; });
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Iot::ShadowDocument before = thermostat();
        model.setContent(before.reported, before.reportedMetadata, before.delta);
        const Iot::ShadowDocument after = makeDocument(
            before.desired,
            json(R"({"mode": "heat", "setpointC": 21.5, "temperatureC": 20.25,
                     "fan": {"speed": "auto", "oscillate": true, "rpm": 681},
                     "alarms": ["filter"], "extras": {}, "a/b": null, "uptimeS": 5})"),
            8, NowSecs - 3600, NowSecs - 5);
        model.setContent(after.reported, after.reportedMetadata, after.delta);
        const QStringList actual = dump(model);
        QCOMPARE(actual, goldenLines(QStringLiteral("jsontree-reported-refreshed.txt"), actual));
        QCOMPARE(model.changedLeaves(), 3);
        QCOMPARE(model.outOfSyncLeaves(), 0);
        const QModelIndex setpoint = model.indexOfPointer(QStringLiteral("/setpointC"));
        QVERIFY(setpoint.isValid());
        QCOMPARE(setpoint.data(JsonTreeModel::PreviousValueRole).value<QJsonValue>(),
                 QJsonValue(20.5));
        QCOMPARE(setpoint.siblingAtColumn(JsonTreeModel::Value).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("21.5\n(was 20.5)"));
        const QModelIndex uptime = model.indexOfPointer(QStringLiteral("/uptimeS"));
        QVERIFY(uptime.data(JsonTreeModel::ChangedRole).toBool());
        QVERIFY(uptime.data(JsonTreeModel::PreviousValueRole).value<QJsonValue>().isUndefined());

        // clear() forgets the previous content: the next one has no changes.
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        model.setContent(after.reported, after.reportedMetadata, after.delta);
        QCOMPARE(model.changedLeaves(), 0);
    }

    // Pointers escape "/" and "~" (RFC 6901) and index arrays; the raw value and timestamp
    // are typed; the Updated tooltip is the exact time; ages follow the clock.
    void roles()
    {
        JsonTreeModel model;
        model.setClock([] { return Now; });
        const Iot::ShadowDocument document = thermostat();
        model.setContent(document.reported, document.reportedMetadata, document.delta);
        const QModelIndex slash = model.indexOfPointer(QStringLiteral("/a~1b"));
        QVERIFY(slash.isValid());
        QCOMPARE(slash.data().toString(), QStringLiteral("a/b"));
        QVERIFY(slash.data(JsonTreeModel::RawValueRole).value<QJsonValue>().isNull());
        const QModelIndex battery = model.indexOfPointer(QStringLiteral("/alarms/1"));
        QCOMPARE(battery.data().toString(), QStringLiteral("[1]"));
        QCOMPARE(battery.siblingAtColumn(JsonTreeModel::Value).data().toString(),
                 QStringLiteral("\"battery\""));
        QCOMPARE(battery.data(JsonTreeModel::PointerRole).toString(),
                 QStringLiteral("/alarms/1"));
        QCOMPARE(battery.data(JsonTreeModel::TimestampRole).toDateTime(), Now.addSecs(-240));
        QCOMPARE(battery.siblingAtColumn(JsonTreeModel::Updated).data(Qt::ToolTipRole).toString(),
                 RelativeTime::exactText(Now.addSecs(-240)));
        const QModelIndex fan = model.indexOfPointer(QStringLiteral("/fan"));
        QCOMPARE(model.rowCount(fan), 3);
        QCOMPARE(model.parent(model.index(0, 0, fan)), fan);
        QCOMPARE(fan.data(JsonTreeModel::TimestampRole).toDateTime(), Now.addSecs(-240));
        QVERIFY(!model.indexOfPointer(QStringLiteral("/nope")).isValid());

        QSignalSpy changed(&model, &JsonTreeModel::dataChanged);
        model.setClock([] { return Now.addSecs(3600); });
        QCOMPARE(changed.size(), 3); // the top level, fan's children, alarms' children
        QCOMPARE(battery.siblingAtColumn(JsonTreeModel::Updated).data().toString(),
                 QStringLiteral("1 h ago"));
    }

    // Values as JSON text, the way the Value column shows leaves.
    void jsonText_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("string") << QJsonValue(QStringLiteral("a \"b\""))
                                << QStringLiteral("\"a \\\"b\\\"\"");
        QTest::newRow("integer") << QJsonValue(42) << QStringLiteral("42");
        QTest::newRow("double") << QJsonValue(20.25) << QStringLiteral("20.25");
        QTest::newRow("false") << QJsonValue(false) << QStringLiteral("false");
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QStringLiteral("null");
        QTest::newRow("object") << QJsonValue(json(R"({"a": [1, 2]})")) << QStringLiteral(R"({"a":[1,2]})");
        QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << QString();
    }
    void jsonText()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, text);
        QCOMPARE(JsonTreeModel::jsonText(value), text);
    }
};

QTEST_GUILESS_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
