// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QLabel>
#include <QStatusBar>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Shadowscope"));
    m_endpointLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_endpointLabel);
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::setEndpointDescription(const QString &text)
{
    m_endpointLabel->setText(text);
}
