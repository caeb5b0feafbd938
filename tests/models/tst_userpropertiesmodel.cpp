// SPDX-License-Identifier: GPL-3.0-or-later
// The composer's user properties table: rows in the order given (repeated keys kept), added
// empty at the end, edited in place, removed by range, replaced with one reset, and every
// change announced by propertiesChanged(), all under QAbstractItemModelTester.
#include "userpropertiesmodel.h"

#include "modeldump.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class TestUserPropertiesModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void editsInOrder()
    {
        UserPropertiesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &UserPropertiesModel::propertiesChanged);
        QCOMPARE(model.columnCount(), int(UserPropertiesModel::ColumnCount));
        QCOMPARE(model.headerData(UserPropertiesModel::Key, Qt::Horizontal).toString(),
                 QStringLiteral("Name"));

        model.setProperties({ { QStringLiteral("a"), QStringLiteral("1") },
                              { QStringLiteral("a"), QStringLiteral("2") } });
        QCOMPARE(dumpModel(model),
                 (QStringList { QStringLiteral("a | 1"), QStringLiteral("a | 2") }));

        const QModelIndex added = model.appendRow();
        QCOMPARE(added, model.index(2, UserPropertiesModel::Key));
        QVERIFY(model.flags(added).testFlag(Qt::ItemIsEditable));
        QVERIFY(model.setData(added, QStringLiteral("Zürich")));
        QVERIFY(model.setData(model.index(2, UserPropertiesModel::Value), QStringLiteral("温度")));
        QCOMPARE(model.properties().at(2),
                 (Iot::UserProperty { QStringLiteral("Zürich"), QStringLiteral("温度") }));

        model.removeRowsAt(0);
        model.removeRowsAt(5); // out of range: nothing
        QCOMPARE(dumpModel(model),
                 (QStringList { QStringLiteral("a | 2"), QStringLiteral("Zürich | 温度") }));
        QCOMPARE(changed.size(), 5); // set, append, two edits, one removal
    }
};

QTEST_GUILESS_MAIN(TestUserPropertiesModel)
#include "tst_userpropertiesmodel.moc"
