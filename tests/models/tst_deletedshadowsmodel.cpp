// SPDX-License-Identifier: GPL-3.0-or-later
// The Recently deleted list: one row per entry in the order given, "Classic" for the classic
// shadow, the age against the model's clock with the exact time as tooltip, typed roles, and
// a reset per snapshot, all under QAbstractItemModelTester.
#include "deletedshadowsmodel.h"

#include "modeldump.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

const QDateTime Now(QDate(2026, 11, 28), QTime(12, 0), Qt::UTC);

DeletedShadowsModel::Entry entry(const QString &thing, const QString &shadow, qint64 version,
                                 qint64 secondsAgo)
{
    return { thing, shadow,
             QJsonObject {
                 { QStringLiteral("desired"), QJsonObject { { QStringLiteral("v"), version } } } },
             version, Now.addSecs(-secondsAgo) };
}

} // namespace

class TestDeletedShadowsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsRolesAndReset()
    {
        DeletedShadowsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock([] { return Now; });
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(DeletedShadowsModel::ColumnCount));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setEntries({ entry(QStringLiteral("lamp"), QStringLiteral("$cfg"), 12, 90),
                           entry(QStringLiteral("factory:line-2"), QString(), 3, 3 * 3600),
                           entry(QStringLiteral("door"), QStringLiteral("ui"), 1, 2 * 86400) });
        QCOMPARE(reset.size(), 1);
        QCOMPARE(dumpModel(model),
                 (QStringList { QStringLiteral("lamp | $cfg | 12 | 1 min ago"),
                                QStringLiteral("factory:line-2 | Classic | 3 | 3 h ago"),
                                QStringLiteral("door | ui | 1 | 2 days ago") }));
        QStringList headers;
        for (int column = 0; column < model.columnCount(); ++column)
            headers.append(model.headerData(column, Qt::Horizontal).toString());
        QCOMPARE(headers,
                 (QStringList { QStringLiteral("Thing"), QStringLiteral("Shadow"),
                                QStringLiteral("Version"), QStringLiteral("Deleted") }));

        const QModelIndex classic = model.index(1, DeletedShadowsModel::Shadow);
        QCOMPARE(classic.data(DeletedShadowsModel::ShadowNameRole).toString(), QString());
        QCOMPARE(classic.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("The classic (unnamed) shadow"));
        QCOMPARE(classic.data(DeletedShadowsModel::SortRole).toString(), QString());
        QCOMPARE(model.index(0, DeletedShadowsModel::Version).data(DeletedShadowsModel::SortRole),
                 QVariant(qint64(12)));
        QCOMPARE(model.index(0, 0).data(DeletedShadowsModel::StateRole).toJsonObject(),
                 model.entry(0).state);
        QCOMPARE(model.index(2, 0).data(DeletedShadowsModel::DeletedAtRole).toDateTime(),
                 Now.addSecs(-2 * 86400));
        QCOMPARE(model.index(2, DeletedShadowsModel::Deleted).data(Qt::ToolTipRole).toString(),
                 RelativeTime::exactText(Now.addSecs(-2 * 86400)));

        QCOMPARE(model.rowOf(entry(QStringLiteral("door"), QStringLiteral("ui"), 1, 2 * 86400)), 2);
        QCOMPARE(model.rowOf(entry(QStringLiteral("door"), QStringLiteral("ui"), 2, 2 * 86400)),
                 -1);

        // A later clock re-renders the ages.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setClock([] { return Now.addSecs(3600); });
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, DeletedShadowsModel::Deleted).data().toString(),
                 QStringLiteral("1 h ago"));

        model.setEntries({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDeletedShadowsModel)
#include "tst_deletedshadowsmodel.moc"
