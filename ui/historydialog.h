// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class DiffView;
class QComboBox;
class QLabel;
class ShadowHistory;

/**
 * The versions of one shadow fetched this session (ShadowHistory), any two of them diffed
 * side by side: desired and reported, as JSON. Opens on the two newest.
 *
 * Key children: "historyFrom", "historyTo" (QComboBox), "historyDiff" (DiffView),
 * "historySummary" (QLabel).
 */
class HistoryDialog final : public QDialog
{
    Q_OBJECT
public:
    HistoryDialog(ShadowHistory *history, const QString &thingName, const QString &shadowName,
                  QWidget *parent = nullptr);

private:
    void fill();
    void showDiff();

    ShadowHistory *m_history;
    QString m_thingName;
    QString m_shadowName;
    QComboBox *m_from;
    QComboBox *m_to;
    QLabel *m_summary;
    DiffView *m_diff;
};
