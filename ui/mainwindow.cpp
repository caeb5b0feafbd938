// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "emptystate.h"
#include "pagesource.h"
#include "thingspane.h"
#include "requestlogmodel.h"
#include "requestlogview.h"

#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>


MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Shadowscope"));
    setObjectName(QStringLiteral("MainWindow"));
    setDockOptions(AnimatedDocks | AllowNestedDocks);

    QLabel *workspace = createEmptyState(
        tr("Select a thing to see its shadows: desired, reported and delta side by side."), this);
    workspace->setObjectName(QStringLiteral("shadowWorkspace"));
    setCentralWidget(workspace);

    m_thingsPane = new ThingsPane(this);
    QDockWidget *things = addPane(tr("Things"), QStringLiteral("thingsPane"), m_thingsPane,
                                  Qt::LeftDockWidgetArea);
    addPane(tr("Shadows"), QStringLiteral("shadowsPane"),
            createEmptyState(tr("The classic and named shadows of the selected thing."), this),
            Qt::LeftDockWidgetArea);
    QDockWidget *retained = addPane(tr("Retained topics"), QStringLiteral("retainedPane"),
                                    createEmptyState(tr("The account's retained MQTT topics."), this),
                                    Qt::RightDockWidgetArea);
    m_requestLog = new RequestLogModel(this);
    QDockWidget *log = addPane(tr("Request log"), QStringLiteral("requestLogPane"),
                               new RequestLogView(m_requestLog, this), Qt::BottomDockWidgetArea);
    resizeDocks({things, retained}, {320, 340}, Qt::Horizontal);
    resizeDocks({log}, {150}, Qt::Vertical);
    createMenus();

    m_endpointLabel = new QLabel(this);
    m_endpointLabel->setObjectName(QStringLiteral("endpointLabel"));
    statusBar()->addPermanentWidget(m_endpointLabel, 1);
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"),
                                    qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QList<QDockWidget *> docks = findChildren<QDockWidget *>();
    for (QDockWidget *dock : docks)
        view->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Shadowscope"), this, [this] {
        QMessageBox::about(this, tr("About Shadowscope"),
                           tr("<h3>Shadowscope %1</h3>"
                              "<p>A native explorer for AWS IoT Core device shadows and "
                              "retained MQTT messages.</p>"
                              "<p>Licensed under the GNU General Public License, version 3 or "
                              "later.</p>")
                               .arg(QApplication::applicationVersion()));
    });
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

QDockWidget *MainWindow::addPane(const QString &title, const QString &objectName,
                                 QWidget *content, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::setEndpointDescription(const QString &text)
{
    m_endpointLabel->setText(text);
}

QString MainWindow::endpointDescription() const
{
    return m_endpointLabel->text();
}

void MainWindow::setThingsSource(std::unique_ptr<ThingPageSource> source)
{
    m_thingsPane->setPageSource(std::move(source));
}

void MainWindow::appendRequest(const Iot::RequestLogEntry &entry)
{
    m_requestLog->append(entry);
}
