// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QLabel;

/** The explorer window: things, shadows and retained topics as docks, a status line. */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Shows which endpoint the window talks to, e.g. "Sandbox · http://127.0.0.1:8443". */
    void setEndpointDescription(const QString &text);

private:
    QLabel *m_endpointLabel = nullptr;
};
