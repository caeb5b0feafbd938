// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

#include <memory>

class MessageBar;
class QCheckBox;
class QLabel;
class QLineEdit;
class QAction;
class QModelIndex;
class QPushButton;
class QStackedWidget;
class QTimer;
class QTreeView;
class RetainedTopicsFilterProxy;
class RetainedTopicsModel;

namespace Iot {
class IotDataClient;
class RetainedTopicsPageSource;
class RetainedUndo;
} // namespace Iot

/**
 * The Retained pane: the account's retained topics as a tree split on '/' or as a flat list,
 * loaded a page at a time as the list is scrolled, with a filter line (Ctrl+F: a substring,
 * or an MQTT topic filter when it contains '+' or '#'; one that leaves few topics unfolds
 * the tree to them, and clearing it folds the tree back), a progress bar with Cancel while a
 * page loads, and a status line that says how many topics there are or why they did not load,
 * with Retry. Without a connection it shows an empty state. Opening a topic (click on a leaf,
 * Enter or double-click) emits topicActivated(); the payload is fetched only then, by
 * RetainedMessageView.
 *
 * With a RetainedUndo (setRetainedUndo()), "Delete subtree…" (context menu, Shift+Delete on
 * the tree) deletes the loaded topics at and under the current node after a confirmation
 * that lists them (and says when more pages may hold more), each saved first. After any
 * delete or undo through that RetainedUndo the list reloads, keeping the current topic when
 * it is on the first page, and a line under the status offers Undo (Ctrl+Z).
 *
 * Key children: "retainedFilter" (QLineEdit), "retainedFilterError" (QLabel, in a MessageBar),
 * "retainedFlat" (QCheckBox), "retainedView" (QTreeView), "retainedEmptyState"; in a
 * MessageBar "retainedStatus" (QLabel), "retainedRetry", "retainedCancel" (QPushButton) and
 * "retainedProgress" (QProgressBar); the QAction "retainedDeleteSubtree" (in the view's
 * context menu), its confirmation QMessageBox "retainedDeleteSubtreeConfirm" with
 * "retainedDeleteSubtreeConfirmButton"; "retainedDeleteStatus" (QLabel) and
 * "retainedDeleteUndo" (QPushButton).
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

    /**
     * Deletes and restores through @p undo (not owned; nullptr: no Delete subtree…). Share
     * one with the retained message views, so that both use the same undo buffer.
     */
    void setRetainedUndo(Iot::RetainedUndo *undo);
    /**
     * Shows @p topic as it is now, after a retained publish to it: the list reloads from its
     * first page, keeping the current topic selected when it is there again.
     */
    void refreshTopic(const QString &topic);
    /**
     * The loaded retained topics at and under the view's row @p index (of proxy()), sorted;
     * what Delete subtree… deletes.
     */
    QStringList topicsUnder(const QModelIndex &index) const;
    /** The line that reports deletes and offers Undo ("" when hidden). */
    QString deleteStatusText() const;

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
    void confirmAndDeleteSubtree();
    void undoDelete();
    void reload();
    void showDeleteResult(int count, const QStringList &failed, bool undo);
    void updateUndo();

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
    QAction *m_deleteSubtree;
    QWidget *m_undoBar;
    QLabel *m_deleteStatus;
    QPushButton *m_undoButton;
    QPointer<Iot::RetainedUndo> m_retainedUndo;
    QString m_reselect; ///< the topic to select again once a reload's first page is there
    bool m_reloading = false;
    bool m_expandedByFilter = false; ///< the filter unfolded the tree (folded back when cleared)
};
