// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/deletedshadows.h"

#include <QDialog>

#include <optional>

class DeletedShadowsModel;
class JsonHighlighter;
class MessageBar;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTreeView;

/**
 * "Recently deleted": the local copies of the shadows deleted on one connection, newest
 * first (thing, shadow, version, how long ago), the selected one's state as JSON, and
 * Re-create (Ctrl+R), Forget (Delete; asks first) and Close. Follows the store's changed():
 * an entry removed after a successful re-create disappears, the selection stays where it was.
 * Child object names: "deletedShadowsView" (QTreeView), "deletedShadowPreview"
 * (QPlainTextEdit), "deletedShadowsEmpty" (QLabel), "deletedShadowRecreate",
 * "deletedShadowForget" and "deletedShadowsClose" (QPushButton); the Forget confirmation is a
 * QMessageBox named "deletedShadowForgetConfirm".
 * @see Settings::DeletedShadows
 */
class DeletedShadowsDialog final : public QDialog
{
    Q_OBJECT
public:
    /** Lists @p store's entries of @p connectionKey; @p store (not owned) must outlive this. */
    DeletedShadowsDialog(Settings::DeletedShadows *store, const QString &connectionKey,
                         QWidget *parent = nullptr);
    ~DeletedShadowsDialog() override;

    /** The entry selected in the list, if any. */
    std::optional<Settings::DeletedShadow> selectedEntry() const;

    /**
     * The dialog's status line, for the outcome of a re-create: busy while it is sent, an
     * error (with Details) where the user asked for it. Its children are named
     * "deletedShadowsStatus", "deletedShadowsProgress", "deletedShadowsDetailsButton" and
     * "deletedShadowsErrorDetails".
     */
    MessageBar *messageBar() const { return m_messageBar; }

Q_SIGNALS:
    /**
     * The user asked to re-create @p entry. The receiver sends the update and, once it
     * succeeded, removes @p entry from the store (the list follows); it reports a failure
     * through messageBar().
     */
    void recreateRequested(const Settings::DeletedShadow &entry);

protected:
    void changeEvent(QEvent *event) override;

private:
    void reload();
    void showSelected();
    void recreate();
    void forget();

    Settings::DeletedShadows *m_store;
    QString m_connectionKey;
    DeletedShadowsModel *m_model;
    QStackedWidget *m_stack;
    QTreeView *m_view;
    QPlainTextEdit *m_preview;
    JsonHighlighter *m_highlighter;
    QPushButton *m_recreate;
    QPushButton *m_forget;
    MessageBar *m_messageBar;
};
