// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTreeView;
class RequestLogFilterProxy;
class RequestLogModel;

/**
 * The request log pane: every attempt of every AWS call, newest at the bottom, with a text
 * filter (Ctrl+Shift+F), an "Errors only" switch, a Clear button and, for the selected
 * attempt, its request ID and full error message as selectable text. Sorted by time (the
 * default), the table follows new attempts unless the user has scrolled away from them.
 * @see RequestLogModel, RequestLogFilterProxy
 */
class RequestLogView final : public QWidget
{
    Q_OBJECT
public:
    /** Shows @p model, which must outlive the view. */
    explicit RequestLogView(RequestLogModel *model, QWidget *parent = nullptr);
    ~RequestLogView() override;

private:
    QWidget *createTable();
    void updateEmptyState();
    void updateDetails();

    RequestLogModel *m_model;
    RequestLogFilterProxy *m_proxy;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_errorsOnly = nullptr;
    QPushButton *m_clear = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_emptyState = nullptr;
    QTreeView *m_table = nullptr;
    QLabel *m_details = nullptr;
    /** The table was scrolled to the bottom when rows were about to arrive. */
    bool m_followNewest = true;
};
