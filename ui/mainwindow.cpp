// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QDockWidget>
#include <QLabel>
#include <QStatusBar>

namespace {

// An empty pane says what will appear in it, in the palette's muted text colour.
QLabel *emptyState(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setMargin(16);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Shadowscope"));
    setObjectName(QStringLiteral("MainWindow"));
    setDockOptions(AnimatedDocks | AllowNestedDocks);

    QLabel *workspace = emptyState(
        tr("Select a thing to see its shadows: desired, reported and delta side by side."), this);
    workspace->setObjectName(QStringLiteral("shadowWorkspace"));
    setCentralWidget(workspace);

    QDockWidget *things = addPane(tr("Things"), QStringLiteral("thingsPane"),
                                  tr("Things will be listed here."), Qt::LeftDockWidgetArea);
    addPane(tr("Shadows"), QStringLiteral("shadowsPane"),
            tr("The classic and named shadows of the selected thing."), Qt::LeftDockWidgetArea);
    QDockWidget *retained = addPane(tr("Retained topics"), QStringLiteral("retainedPane"),
                                    tr("The account's retained MQTT topics."),
                                    Qt::RightDockWidgetArea);
    QDockWidget *log = addPane(tr("Request log"), QStringLiteral("requestLogPane"),
                               tr("Every request and its outcome."), Qt::BottomDockWidgetArea);
    resizeDocks({things, retained}, {320, 340}, Qt::Horizontal);
    resizeDocks({log}, {150}, Qt::Vertical);

    m_endpointLabel = new QLabel(this);
    m_endpointLabel->setObjectName(QStringLiteral("endpointLabel"));
    statusBar()->addPermanentWidget(m_endpointLabel, 1);
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

QDockWidget *MainWindow::addPane(const QString &title, const QString &objectName,
                                 const QString &emptyText, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(emptyState(emptyText, dock));
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
