// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "textdiff.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QToolButton;

/**
 * Two texts side by side, read-only and monospace, rows aligned (TextDiff::sideBySide): line
 * numbers in each pane's gutter, removed lines tinted with the failure colour, added ones with
 * green, the changed words of changed lines stronger. Both panes scroll together. A summary
 * ("N changed, M added, K removed lines", object name "diffSummary") heads it; equal texts
 * show "No differences" (object name "diffNoDifferences") instead of the panes ("diffLeft" and
 * "diffRight", QPlainTextEdits whose block n is row n).
 */
class DiffView : public QWidget
{
    Q_OBJECT
public:
    explicit DiffView(QWidget *parent = nullptr);
    ~DiffView() override;

    /** Shows the diff of @p left (titled @p leftTitle) against @p right, the view on the
     *  first change. */
    void setTexts(const QString &left, const QString &right, const QString &leftTitle,
                  const QString &rightTitle);

    /** Rows that are not TextDiff::Row::Kind::Same. */
    int changedRowCount() const;
    /** The rows shown, in order. */
    const QList<TextDiff::Row> &rows() const;

    /** Moves both panes to the next block of changed rows (F7, Alt+Down); stays at the last. */
    void nextChange();
    /** Moves both panes to the previous block of changed rows (Shift+F7, Alt+Up). */
    void previousChange();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showRow(int row);
    void updateTints();
    void updateNavigation();

    QList<TextDiff::Row> m_rows;
    QList<int> m_changeStarts; ///< the first row of each block of changed rows
    int m_changed = 0;
    int m_added = 0;
    int m_removed = 0;
    QLabel *m_summary = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_leftTitle = nullptr;
    QLabel *m_rightTitle = nullptr;
    QPlainTextEdit *m_left = nullptr;
    QPlainTextEdit *m_right = nullptr;
};
