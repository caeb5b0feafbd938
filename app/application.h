// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <memory>

class MainWindow;

/**
 * The composition root: parses the command line, builds the services and the optional
 * in-process sandbox, then the main window. No singletons.
 */
class Application final : public QObject
{
    Q_OBJECT
public:
    Application();
    ~Application() override;

    /** Runs the application; returns the process exit code. */
    int run();

private:
    std::unique_ptr<MainWindow> m_window;
};
