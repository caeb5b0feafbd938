// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestlogmodel.h"

#include "requestlogentry.h"
#include "requestlogfilterproxy.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

// Local times, so the display (local hh:mm:ss.zzz) does not depend on the time zone.
Iot::RequestLogEntry success(const QString &operation, const QString &target, int msec)
{
    Iot::RequestLogEntry entry;
    entry.time = QDateTime(QDate(2026, 11, 28), QTime(10, 0, 0, msec));
    entry.operation = operation;
    entry.method = "GET";
    entry.target = target;
    entry.httpStatus = 200;
    entry.durationMs = 12;
    entry.requestId = QStringLiteral("req-%1").arg(msec);
    return entry;
}

Iot::RequestLogEntry failure(const QString &operation, int status, const QString &code,
                             const QString &message, int attempt, int msec)
{
    Iot::RequestLogEntry entry
        = success(operation, QStringLiteral("127.0.0.1:1/things/lamp/shadow"), msec);
    entry.method = "POST";
    entry.httpStatus = status;
    entry.errorCode = code;
    entry.errorMessage = message;
    entry.attempt = attempt;
    entry.durationMs = 1500;
    return entry;
}

// One line per row: the display text of every column, separated by " | ".
QStringList dump(const QAbstractItemModel &model)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column)
            cells << model.index(row, column).data().toString();
        lines << cells.join(QStringLiteral(" | "));
    }
    return lines;
}

void populate(RequestLogModel &model)
{
    model.append(
        success(QStringLiteral("DescribeEndpoint"), QStringLiteral("127.0.0.1:1/endpoint"), 1));
    model.append(failure(QStringLiteral("UpdateThingShadow"), 429,
                         QStringLiteral("ThrottlingException"),
                         QStringLiteral("Rate exceeded\nfor this account"), 1, 20));
    model.append(failure(QStringLiteral("GetThingShadow"), 0, QStringLiteral("Transport"),
                         QStringLiteral("Connection refused"), 2, 300));
    model.append(success(QStringLiteral("ListThings"), QStringLiteral("127.0.0.1:1/things"), 999));
}

} // namespace

class TestRequestLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Appends land at the bottom, one beginInsertRows each, and show time, operation,
    // method and target, status (or the error code), duration, attempt, request id and the
    // first line of the error.
    void appendsAndDisplay()
    {
        RequestLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        populate(model);
        QCOMPARE(inserted.size(), 4);
        QCOMPARE(inserted.last().at(1).toInt(), 3);
        QCOMPARE(dump(model),
                 (QStringList {
                     QStringLiteral("10:00:00.001 | DescribeEndpoint | GET 127.0.0.1:1/endpoint | "
                                    "200 | 12 ms | 1 | req-1 | "),
                     QStringLiteral(
                         "10:00:00.020 | UpdateThingShadow | POST 127.0.0.1:1/things/lamp/shadow | "
                         "ThrottlingException | 1500 ms | 1 | req-20 | Rate exceeded"),
                     QStringLiteral(
                         "10:00:00.300 | GetThingShadow | POST 127.0.0.1:1/things/lamp/shadow | "
                         "Transport | 1500 ms | 2 | req-300 | Connection refused"),
                     QStringLiteral("10:00:00.999 | ListThings | GET 127.0.0.1:1/things | "
                                    "200 | 12 ms | 1 | req-999 | "),
                 }));
        QCOMPARE(model.headerData(RequestLogModel::RequestId, Qt::Horizontal).toString(),
                 QStringLiteral("Request ID"));
    }

    // Roles: typed sort keys, the whole entry, the error flag and the full message as tooltip.
    void roles()
    {
        RequestLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        populate(model);
        const QModelIndex ok = model.index(0, RequestLogModel::Status);
        const QModelIndex throttled = model.index(1, RequestLogModel::Status);
        QCOMPARE(ok.data(RequestLogModel::IsErrorRole).toBool(), false);
        QCOMPARE(throttled.data(RequestLogModel::IsErrorRole).toBool(), true);
        QCOMPARE(ok.data(Qt::ToolTipRole), QVariant());
        QCOMPARE(throttled.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Rate exceeded\nfor this account"));
        QCOMPARE(throttled.data(RequestLogModel::SortRole), QVariant(429));
        QCOMPARE(model.index(1, RequestLogModel::Duration).data(RequestLogModel::SortRole),
                 QVariant(qint64(1500)));
        QCOMPARE(model.index(2, RequestLogModel::Attempt).data(RequestLogModel::SortRole),
                 QVariant(2));
        QCOMPARE(
            model.index(3, RequestLogModel::Time).data(RequestLogModel::SortRole),
            QVariant(QDateTime(QDate(2026, 11, 28), QTime(10, 0, 0, 999)).toMSecsSinceEpoch()));
        const auto entry = model.index(2, RequestLogModel::Error)
                               .data(RequestLogModel::EntryRole)
                               .value<Iot::RequestLogEntry>();
        QCOMPARE(entry.operation, QStringLiteral("GetThingShadow"));
        QCOMPARE(entry.errorMessage, QStringLiteral("Connection refused"));
        QCOMPARE(model.entry(3).requestId, QStringLiteral("req-999"));
    }

    // A full log drops its oldest row (beginRemoveRows of row 0) before appending, so it
    // never holds more than its capacity; clear() empties it. (A small capacity: the tester
    // checks the whole model on every change.)
    void boundedToCapacity()
    {
        RequestLogModel model(3, nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QCOMPARE(model.capacity(), std::size_t(3));
        for (int i = 0; i < 3; ++i)
            model.append(success(QStringLiteral("Op%1").arg(i), QStringLiteral("h/p"), i));
        QCOMPARE(removed.size(), 0);
        model.append(success(QStringLiteral("Op3"), QStringLiteral("h/p"), 3));
        model.append(success(QStringLiteral("Op4"), QStringLiteral("h/p"), 4));
        QCOMPARE(removed.size(), 2);
        QCOMPARE(removed.first().at(1).toInt(), 0);
        QCOMPARE(removed.first().at(2).toInt(), 0);
        QCOMPARE(dump(model),
                 (QStringList {
                     QStringLiteral("10:00:00.002 | Op2 | GET h/p | 200 | 12 ms | 1 | req-2 | "),
                     QStringLiteral("10:00:00.003 | Op3 | GET h/p | 200 | 12 ms | 1 | req-3 | "),
                     QStringLiteral("10:00:00.004 | Op4 | GET h/p | 200 | 12 ms | 1 | req-4 | "),
                 }));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // The default log keeps the newest 10,000 attempts: the 10,001st removes the first.
    void defaultCapacity()
    {
        RequestLogModel model;
        QCOMPARE(model.capacity(), std::size_t(10000));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        for (int i = 0; i < 10001; ++i)
            model.append(success(QStringLiteral("Op%1").arg(i), QStringLiteral("h/p"), 0));
        QCOMPARE(model.rowCount(), 10000);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.entry(0).operation, QStringLiteral("Op1"));
        QCOMPARE(model.entry(9999).operation, QStringLiteral("Op10000"));
    }

    // The free text matches operation, target, error code or message and request id,
    // ignoring case; "errors only" keeps failures; both combine; sorting uses typed keys.
    void filterProxy_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("errorsOnly");
        QTest::addColumn<QStringList>("operations");
        const auto all
            = QStringList { QStringLiteral("DescribeEndpoint"), QStringLiteral("UpdateThingShadow"),
                            QStringLiteral("GetThingShadow"), QStringLiteral("ListThings") };
        QTest::newRow("everything") << QString() << false << all;
        QTest::newRow("operation, any case") << QStringLiteral("thingshadow") << false
                                             << QStringList { QStringLiteral("UpdateThingShadow"),
                                                              QStringLiteral("GetThingShadow") };
        QTest::newRow("target") << QStringLiteral("/endpoint") << false
                                << QStringList { QStringLiteral("DescribeEndpoint") };
        QTest::newRow("error code") << QStringLiteral("THROTTLING") << false
                                    << QStringList { QStringLiteral("UpdateThingShadow") };
        QTest::newRow("error message, second line")
            << QStringLiteral("this account") << false
            << QStringList { QStringLiteral("UpdateThingShadow") };
        QTest::newRow("request id")
            << QStringLiteral("req-999") << false << QStringList { QStringLiteral("ListThings") };
        QTest::newRow("errors only") << QString() << true
                                     << QStringList { QStringLiteral("UpdateThingShadow"),
                                                      QStringLiteral("GetThingShadow") };
        QTest::newRow("errors only and text")
            << QStringLiteral("get") << true << QStringList { QStringLiteral("GetThingShadow") };
        QTest::newRow("no match") << QStringLiteral("nothing like it") << false << QStringList();
    }
    void filterProxy()
    {
        QFETCH(QString, text);
        QFETCH(bool, errorsOnly);
        QFETCH(QStringList, operations);
        RequestLogModel model;
        RequestLogFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester modelTester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        populate(model);
        proxy.setFilterText(text);
        proxy.setErrorsOnly(errorsOnly);
        QCOMPARE(proxy.filterText(), text);
        QCOMPARE(proxy.errorsOnly(), errorsOnly);
        QStringList shown;
        for (int row = 0; row < proxy.rowCount(); ++row)
            shown << proxy.index(row, RequestLogModel::Operation).data().toString();
        QCOMPARE(shown, operations);
        // Rows appended while filtering are filtered too.
        model.append(failure(QStringLiteral("GetThingShadow"), 503,
                             QStringLiteral("ServiceUnavailableException"),
                             QStringLiteral("Try later"), 1, 400));
        const bool kept = (text.isEmpty()
                           || QStringLiteral("GetThingShadow").contains(text, Qt::CaseInsensitive));
        QCOMPARE(proxy.rowCount(), int(operations.size()) + (kept ? 1 : 0));
    }

    // Sorting goes by SortRole: durations numerically (1500 after 12), times by instant.
    void proxySorts()
    {
        RequestLogModel model;
        RequestLogFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        populate(model);
        proxy.sort(RequestLogModel::Duration, Qt::DescendingOrder);
        QCOMPARE(dump(proxy).first().section(QStringLiteral(" | "), 4, 4),
                 QStringLiteral("1500 ms"));
        proxy.sort(RequestLogModel::Time, Qt::DescendingOrder);
        QCOMPARE(dump(proxy),
                 (QStringList {
                     QStringLiteral("10:00:00.999 | ListThings | GET 127.0.0.1:1/things | "
                                    "200 | 12 ms | 1 | req-999 | "),
                     QStringLiteral(
                         "10:00:00.300 | GetThingShadow | POST 127.0.0.1:1/things/lamp/shadow | "
                         "Transport | 1500 ms | 2 | req-300 | Connection refused"),
                     QStringLiteral(
                         "10:00:00.020 | UpdateThingShadow | POST 127.0.0.1:1/things/lamp/shadow | "
                         "ThrottlingException | 1500 ms | 1 | req-20 | Rate exceeded"),
                     QStringLiteral("10:00:00.001 | DescribeEndpoint | GET 127.0.0.1:1/endpoint | "
                                    "200 | 12 ms | 1 | req-1 | "),
                 }));
    }
};

QTEST_GUILESS_MAIN(TestRequestLogModel)
#include "tst_requestlogmodel.moc"
