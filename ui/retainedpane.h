// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <memory>

class MessageBar;
class QCheckBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QStackedWidget;
class QTimer;
class QTreeView;
class RetainedTopicsFilterProxy;
class RetainedTopicsModel;

namespace Iot {
class IotDataClient;
class RetainedTopicsPageSource;
} // namespace Iot

/**
 * The Retained pane: the account's retained topics as a tree split on '/' or as a flat list,
 * loaded a page at a time as the list is scrolled, with a filter line (Ctrl+F: a substring,
 * or an MQTT topic filter when it contains '+' or '#'), a progress bar with Cancel while a
 * page loads, and a status line that says how many topics there are or why they did not load,
 * with Retry. Without a connection it shows an empty state. Opening a topic (click on a leaf,
 * Enter or double-click) emits topicActivated(); the payload is fetched only then, by
 * RetainedMessageView.
 *
 * Key children: "retainedFilter" (QLineEdit), "retainedFilterError" (QLabel, in a MessageBar),
 * "retainedFlat" (QCheckBox), "retainedView" (QTreeView), "retainedEmptyState"; in a
 * MessageBar "retainedStatus" (QLabel), "retainedRetry", "retainedCancel" (QPushButton) and
 * "retainedProgress" (QProgressBar).
 */
class RetainedPane final : public QWidget
{
    Q_OBJECT
public:
    explicit RetainedPane(QWidget *parent = nullptr);
    ~RetainedPane() override;

    /**
     * Lists the retained topics of @p client (not owned; nullptr: not connected) from the
     * first page on; the page in flight for a previous client is cancelled.
     */
    void setDataClient(Iot::IotDataClient *client);
    /**
     * Topics a ListRetainedMessages page asks for (200, AWS's most, by default), from the
     * next setDataClient() on.
     */
    void setPageSize(int pageSize);

    /** The status line: "Loading…", "338 topics, more as you scroll", or why they did not load. */
    QString statusText() const;

    /** Selects and shows @p topic if it is loaded and not filtered out. */
    bool selectTopic(const QString &topic);

    RetainedTopicsModel *model() const { return m_model; }
    RetainedTopicsFilterProxy *proxy() const { return m_proxy; }

Q_SIGNALS:
    /** A page request ended, with topics or with an error; the view is up to date. */
    void loadFinished();
    /** The user opened @p topic (click on a leaf, Enter or double-click; not arrow keys). */
    void topicActivated(const QString &topic);

private:
    void applyFilter();
    void setFlat(bool flat);
    void openIfTopic(const QModelIndex &index);
    void updateStatus();

    std::unique_ptr<Iot::RetainedTopicsPageSource> m_source;
    int m_pageSize = 200;
    RetainedTopicsModel *m_model;
    RetainedTopicsFilterProxy *m_proxy;
    QStackedWidget *m_stack;
    QLabel *m_emptyState;
    QLineEdit *m_filter;
    MessageBar *m_filterError;
    QCheckBox *m_flat;
    QTimer *m_filterDelay;
    QTreeView *m_view;
    MessageBar *m_messageBar;
};
