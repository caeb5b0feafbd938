// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shadow/threewaymerge.h"

#include <QDialog>
#include <QJsonObject>

#include <optional>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

/**
 * Someone saved the shadow while the user edited it: their version, the user's edit and the
 * version the edit started from, merged three ways. The changes that merged by themselves are
 * listed for review; each conflicting path is listed with its base, mine and theirs, and the
 * user takes one of them or types a value (empty: remove the key) before "Merge and review"
 * is enabled. "Overwrite with mine" is the separate, explicit way to ignore their changes
 * (it asks first). Cancel keeps the edit as it was.
 *
 * Key children: "conflictSummary" (QLabel), "mergedChanges", "conflictList" (QTreeWidget),
 * "conflictMine", "conflictTheirs", "conflictBase", "conflictCustom" (QRadioButton),
 * "conflictCustomValue" (QLineEdit), "conflictApply", "conflictOverwrite" (QPushButton).
 */
class ConflictDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { Unresolved, Mine, Theirs, Base, Custom };

    /** @p mine: the state the user's edit leads to (what "Overwrite with mine" sends). */
    ConflictDialog(const QString &title, qint64 baseVersion, qint64 theirsVersion,
                   const Shadow::ThreeWayMergeResult &result, const QJsonObject &mine,
                   QWidget *parent = nullptr);

    /** The state to save: the merge with every conflict resolved, or mine when overwriting. */
    QJsonObject resolvedState() const;
    bool overwrites() const { return m_overwrite; }
    /** Resolves conflict @p index (as the radio buttons do). */
    void choose(int index, Choice choice, const QString &customValue = {});
    int conflictCount() const { return int(m_result.conflicts.size()); }

private:
    struct Resolution
    {
        Choice choice = Choice::Unresolved;
        QString custom;
    };
    void showConflict(int index);
    void updateState();
    std::optional<std::optional<QJsonValue>> resolvedValue(int index) const;

    Shadow::ThreeWayMergeResult m_result;
    QJsonObject m_mine;
    QList<Resolution> m_resolutions;
    bool m_overwrite = false;
    QTreeWidget *m_conflicts;
    QButtonGroup *m_choices;
    QLineEdit *m_custom;
    QLabel *m_customError;
    QPushButton *m_apply;
};
