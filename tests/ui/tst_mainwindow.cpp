// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "requestlogentry.h"
#include "requestlogview.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QTest>
#include <QTreeView>

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The window opens with its four panes, each saying what it will hold.
    void panes_data()
    {
        QTest::addColumn<QString>("objectName");
        QTest::addColumn<QString>("title");
        QTest::newRow("things") << QStringLiteral("thingsPane") << QStringLiteral("Things");
        QTest::newRow("shadows") << QStringLiteral("shadowsPane") << QStringLiteral("Shadows");
        QTest::newRow("retained") << QStringLiteral("retainedPane") << QStringLiteral("Retained topics");
    }
    void panes()
    {
        QFETCH(QString, objectName);
        QFETCH(QString, title);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *dock = window.findChild<QDockWidget *>(objectName);
        QVERIFY(dock);
        QCOMPARE(dock->windowTitle(), title);
        QVERIFY(dock->isVisible());
        // The pane's widget, or a label inside it (the Things pane's empty state).
        const QList<QLabel *> labels = dock->findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *label) {
            return label->isVisible() && !label->text().isEmpty();
        }));
    }

    // The View menu hides and shows a pane.
    void viewMenuTogglesPanes()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("retainedPane"));
        QAction *toggle = dock->toggleViewAction();
        const QList<QAction *> menus = window.menuBar()->actions();
        const auto view = std::find_if(menus.begin(), menus.end(), [](QAction *menu) {
            return menu->text() == QStringLiteral("&View");
        });
        QVERIFY(view != menus.end());
        QVERIFY((*view)->menu()->actions().contains(toggle));
        toggle->trigger();
        QTRY_VERIFY(!dock->isVisible());
        toggle->trigger();
        QTRY_VERIFY(dock->isVisible());
    }

    // The status line says which endpoint the window talks to.
    void endpointDescription()
    {
        MainWindow window;
        window.setEndpointDescription(QStringLiteral("Sandbox · http://127.0.0.1:1 · us-east-1"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("endpointLabel"))->text(),
                 QStringLiteral("Sandbox · http://127.0.0.1:1 · us-east-1"));
        QCOMPARE(window.endpointDescription(), QStringLiteral("Sandbox · http://127.0.0.1:1 · us-east-1"));
    }

    // The Request log pane holds the request log view, and appendRequest() adds a row to it.
    void requestLogPane()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("requestLogPane"));
        QVERIFY(dock);
        QCOMPARE(dock->windowTitle(), QStringLiteral("Request log"));
        QVERIFY(qobject_cast<RequestLogView *>(dock->widget()));
        auto *table = dock->findChild<QTreeView *>(QStringLiteral("requestLogTable"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 0);
        Iot::RequestLogEntry entry;
        entry.time = QDateTime::currentDateTimeUtc();
        entry.operation = QStringLiteral("DescribeEndpoint");
        entry.method = "GET";
        entry.target = QStringLiteral("127.0.0.1:1/endpoint");
        entry.httpStatus = 200;
        window.appendRequest(entry);
        QCOMPARE(table->model()->rowCount(), 1);
        QVERIFY(table->isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
