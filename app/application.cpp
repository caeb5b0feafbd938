// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"

#include "mainwindow.h"

#include <QApplication>

Application::Application() = default;
Application::~Application() = default;

int Application::run()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    return QApplication::exec();
}
