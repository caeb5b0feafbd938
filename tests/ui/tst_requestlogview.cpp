// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestlogview.h"

#include "requestlogentry.h"
#include "requestlogmodel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTest>
#include <QTreeView>

namespace {

Iot::RequestLogEntry attempt(const QString &operation, int number, const QString &errorCode = {},
                             const QString &errorMessage = {})
{
    Iot::RequestLogEntry entry;
    entry.time = QDateTime(QDate(2026, 11, 28), QTime(10, 0)).addMSecs(number);
    entry.operation = operation;
    entry.method = "GET";
    entry.target = QStringLiteral("127.0.0.1:1/things/lamp-%1").arg(number);
    entry.httpStatus = errorCode.isEmpty() ? 200 : 429;
    entry.durationMs = 5;
    entry.requestId = QStringLiteral("req-%1").arg(number);
    entry.errorCode = errorCode;
    entry.errorMessage = errorMessage;
    return entry;
}

// The operations of the table's rows, top to bottom.
QStringList shownOperations(const QTreeView *table)
{
    QStringList lines;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        lines << table->model()->index(row, RequestLogModel::Operation).data().toString();
    return lines;
}

} // namespace

class TestRequestLogView : public QObject
{
    Q_OBJECT
private:
    RequestLogModel *m_model = nullptr;
    RequestLogView *m_view = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    template<typename T> T *child(const char *name) const
    {
        auto *widget = m_view->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    QTreeView *table() const { return child<QTreeView>("requestLogTable"); }

    void showAndActivate()
    {
        m_view->resize(700, 220);
        m_view->show();
        m_view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_view));
    }

private Q_SLOTS:
    void init()
    {
        m_model = new RequestLogModel(this);
        m_view = new RequestLogView(m_model);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            table()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        delete m_view;
        delete m_model;
    }

    // Without entries the pane says what it will hold, and Clear is off; the first entry
    // brings the table; Clear empties the log and brings the empty state back.
    void emptyStateAndClear()
    {
        showAndActivate();
        auto *empty = child<QLabel>("requestLogEmptyState");
        auto *clear = child<QPushButton>("requestLogClear");
        QCOMPARE(empty->text(), QStringLiteral("Every request and its outcome."));
        QVERIFY(empty->isVisible());
        QVERIFY(!clear->isEnabled());
        m_model->append(attempt(QStringLiteral("DescribeEndpoint"), 1));
        QVERIFY(table()->isVisible());
        QVERIFY(!empty->isVisible());
        QVERIFY(clear->isEnabled());
        QTest::mouseClick(clear, Qt::LeftButton);
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(empty->isVisible());
        QVERIFY(!clear->isEnabled());
    }

    // Ctrl+Shift+F focuses the filter; typing keeps only matching rows (any case, error code
    // and request id included); "Errors only" keeps failures, also combined with the text.
    void filterAndErrorsOnly()
    {
        m_model->append(attempt(QStringLiteral("DescribeEndpoint"), 1));
        m_model->append(attempt(QStringLiteral("GetThingShadow"), 2,
                                QStringLiteral("ThrottlingException"),
                                QStringLiteral("Rate exceeded")));
        m_model->append(attempt(QStringLiteral("UpdateThingShadow"), 3));
        m_model->append(attempt(QStringLiteral("ListThings"), 4, QStringLiteral("Transport"),
                                QStringLiteral("Connection refused")));
        showAndActivate();
        auto *filter = child<QLineEdit>("requestLogFilter");
        QCOMPARE(filter->placeholderText(), QStringLiteral("Filter requests"));
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(filter->hasFocus());

        QTest::keyClicks(filter, QStringLiteral("shadow"));
        QCOMPARE(shownOperations(table()),
                 (QStringList { QStringLiteral("GetThingShadow"),
                                QStringLiteral("UpdateThingShadow") }));
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("THROTTLING"));
        QCOMPARE(shownOperations(table()), QStringList { QStringLiteral("GetThingShadow") });
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("req-3"));
        QCOMPARE(shownOperations(table()), QStringList { QStringLiteral("UpdateThingShadow") });
        filter->clear();

        auto *errorsOnly = child<QCheckBox>("requestLogErrorsOnly");
        QTest::keyClick(errorsOnly, Qt::Key_Space);
        QVERIFY(errorsOnly->isChecked());
        QCOMPARE(shownOperations(table()),
                 (QStringList { QStringLiteral("GetThingShadow"), QStringLiteral("ListThings") }));
        QTest::keyClicks(filter, QStringLiteral("refused"));
        QCOMPARE(shownOperations(table()), QStringList { QStringLiteral("ListThings") });
        filter->clear();
        QTest::keyClick(errorsOnly, Qt::Key_Space);
        QCOMPARE(shownOperations(table()).size(), 4);
    }

    // New rows scroll the table to the newest one while it is at the bottom; once the user
    // has scrolled up it stays put, and going back to the bottom resumes following.
    void autoScroll()
    {
        showAndActivate();
        QScrollBar *bar = table()->verticalScrollBar();
        for (int i = 0; i < 100; ++i)
            m_model->append(attempt(QStringLiteral("GetThingShadow"), i));
        QTRY_VERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());

        // The user drags the scroll bar up, then back down (as its slider actions do).
        bar->triggerAction(QAbstractSlider::SliderToMinimum);
        QCOMPARE(bar->value(), 0);
        const int before = bar->maximum();
        for (int i = 100; i < 110; ++i)
            m_model->append(attempt(QStringLiteral("GetThingShadow"), i));
        QTRY_VERIFY(bar->maximum() > before);
        QCOMPARE(bar->value(), 0);

        bar->triggerAction(QAbstractSlider::SliderToMaximum);
        QCOMPARE(bar->value(), bar->maximum());
        m_model->append(attempt(QStringLiteral("ListThings"), 110));
        QCOMPARE(bar->value(), bar->maximum());
        const QModelIndex newest = table()->model()->index(110, RequestLogModel::Operation);
        QCOMPARE(newest.data().toString(), QStringLiteral("ListThings"));
        QVERIFY(table()->viewport()->rect().intersects(table()->visualRect(newest)));
    }

    // Sorted by another column the newest row has no fixed place: the table does not
    // scroll; sorted newest first, a new row appears at the top, in view.
    void autoScrollOnlyByTime()
    {
        showAndActivate();
        QScrollBar *bar = table()->verticalScrollBar();
        for (int i = 0; i < 100; ++i)
            m_model->append(attempt(QStringLiteral("GetThingShadow"), i));
        QTRY_VERIFY(bar->maximum() > 0);
        table()->sortByColumn(RequestLogModel::Duration, Qt::AscendingOrder);
        bar->triggerAction(QAbstractSlider::SliderToMaximum);
        const int before = bar->maximum();
        for (int i = 100; i < 110; ++i)
            m_model->append(attempt(QStringLiteral("GetThingShadow"), i));
        QTRY_VERIFY(bar->maximum() > before);
        QCOMPARE(bar->value(), before);

        table()->sortByColumn(RequestLogModel::Time, Qt::DescendingOrder);
        bar->triggerAction(QAbstractSlider::SliderToMinimum);
        m_model->append(attempt(QStringLiteral("ListThings"), 110));
        QCOMPARE(bar->value(), 0);
        QCOMPARE(table()->model()->index(0, RequestLogModel::Operation).data().toString(),
                 QStringLiteral("ListThings"));
    }

    // Selecting a row shows its request ID and full error message as selectable text.
    void detailsOfSelection()
    {
        m_model->append(attempt(QStringLiteral("DescribeEndpoint"), 1));
        m_model->append(attempt(QStringLiteral("GetThingShadow"), 2,
                                QStringLiteral("ThrottlingException"),
                                QStringLiteral("Rate exceeded\nfor this account")));
        showAndActivate();
        auto *details = child<QLabel>("requestLogDetails");
        QVERIFY(!details->isVisible());
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_End);
        QVERIFY(details->isVisible());
        QCOMPARE(details->text(),
                 QStringLiteral("Request ID: req-2\n"
                                "Error: ThrottlingException: Rate exceeded\n"
                                "for this account"));
        QVERIFY(details->textInteractionFlags() & Qt::TextSelectableByMouse);
        QCOMPARE(table()->currentIndex().data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Rate exceeded\nfor this account"));
        QTest::keyClick(table(), Qt::Key_Home);
        QCOMPARE(details->text(), QStringLiteral("Request ID: req-1"));
        QTest::mouseClick(child<QPushButton>("requestLogClear"), Qt::LeftButton);
        QVERIFY(!details->isVisible());
    }

    // Every control has an accessible name and description.
    void accessibility()
    {
        const QList<QWidget *> controls { child<QLineEdit>("requestLogFilter"),
                                          child<QCheckBox>("requestLogErrorsOnly"),
                                          child<QPushButton>("requestLogClear"), table(),
                                          child<QLabel>("requestLogDetails") };
        for (const QWidget *control : controls) {
            QVERIFY2(!control->accessibleName().isEmpty(), qPrintable(control->objectName()));
            QVERIFY2(!control->accessibleDescription().isEmpty(),
                     qPrintable(control->objectName()));
        }
    }
};

QTEST_MAIN(TestRequestLogView)
#include "tst_requestlogview.moc"
