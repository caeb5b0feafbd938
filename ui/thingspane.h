// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTimer;
class QTreeView;
class ThingPageSource;
class ThingsFilterProxy;
class ThingsModel;

/**
 * The Things dock: a filter line (Ctrl+F), the things of the connected account loaded a page
 * at a time as the list is scrolled, and a status line that says how many there are, that
 * they are loading, or why they did not load, with Retry. Without a connection it shows an
 * empty state.
 */
class ThingsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit ThingsPane(QWidget *parent = nullptr);
    ~ThingsPane() override;

    /**
     * Lists the things @p source pages through (owned; nullptr: not connected), from the
     * first page on; the page in flight of a previous source is cancelled.
     */
    void setPageSource(std::unique_ptr<ThingPageSource> source);

    /** The status line: "Loading…", "50 things", or why the things did not load. */
    QString statusText() const;

    ThingsModel *model() const { return m_model; }
    ThingsFilterProxy *proxy() const { return m_proxy; }

Q_SIGNALS:
    /** A page request ended, with things or with an error; the view is up to date. */
    void loadFinished();

private:
    void updateStatus();

    std::unique_ptr<ThingPageSource> m_source;
    ThingsModel *m_model;
    ThingsFilterProxy *m_proxy;
    QStackedWidget *m_stack;
    QLabel *m_emptyState;
    QLineEdit *m_filter;
    QTimer *m_filterDelay;
    QTreeView *m_view;
    QLabel *m_status;
    QPushButton *m_retry;
};
