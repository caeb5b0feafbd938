// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

#include <memory>

class QDockWidget;
class QLabel;
class ThingPageSource;
class ThingsPane;
class RequestLogModel;
namespace Iot {
struct RequestLogEntry;
}

/**
 * The explorer window: things, the selected thing's shadows and the retained topics as
 * docks around the shadow workspace, the request log below, and a status line that says
 * which endpoint the window talks to.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Shows which endpoint the window talks to, e.g. "Sandbox · http://127.0.0.1:8443". */
    void setEndpointDescription(const QString &text);
    QString endpointDescription() const;

    /** The Things pane lists what @p source pages through (nullptr: not connected). */
    void setThingsSource(std::unique_ptr<ThingPageSource> source);
    ThingsPane *thingsPane() const { return m_thingsPane; }
    /** Adds one attempt of an AWS call to the request log pane. @see RequestLogView */
    void appendRequest(const Iot::RequestLogEntry &entry);

private:
    void createMenus();
    QDockWidget *addPane(const QString &title, const QString &objectName, QWidget *content,
                         Qt::DockWidgetArea area);

    QLabel *m_endpointLabel = nullptr;
    ThingsPane *m_thingsPane = nullptr;
    RequestLogModel *m_requestLog = nullptr;
};
