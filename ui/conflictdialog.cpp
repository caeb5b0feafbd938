// SPDX-License-Identifier: GPL-3.0-or-later
#include "conflictdialog.h"

#include "jsontreemodel.h"
#include "semanticcolors.h"
#include "shadow/jsondiff.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum Column { PathColumn, BaseColumn, MineColumn, TheirsColumn, ChoiceColumn };

QString sideText(const std::optional<QJsonValue> &value)
{
    return value ? JsonTreeModel::jsonText(*value) : QCoreApplication::translate("ConflictDialog", "(absent)");
}

// A JSON value typed by the user: any JSON text, or a bare word taken as a string.
std::optional<QJsonValue> parseValue(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]"), &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1)
        return std::nullopt;
    return document.array().first();
}

} // namespace

ConflictDialog::ConflictDialog(const QString &title, qint64 baseVersion, qint64 theirsVersion,
                               const Shadow::ThreeWayMergeResult &result, const QJsonObject &mine,
                               QWidget *parent)
    : QDialog(parent)
    , m_result(result)
    , m_mine(mine)
    , m_resolutions(result.conflicts.size())
    , m_conflicts(new QTreeWidget(this))
    , m_choices(new QButtonGroup(this))
    , m_custom(new QLineEdit(this))
    , m_customError(new QLabel(this))
    , m_apply(new QPushButton(tr("&Merge and review…"), this))
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Merge your edit of %1").arg(title));

    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("conflictSummary"));
    summary->setWordWrap(true);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary->setAccessibleName(tr("Summary"));
    const QString saved = theirsVersion > 0
        ? tr("Someone saved version %1 while you edited version %2.").arg(theirsVersion).arg(baseVersion)
        : tr("Someone deleted the shadow while you edited version %1.").arg(baseVersion);
    const QString pick = result.conflicts.size() == 1
        ? tr("one path was changed on both sides: choose what to keep.")
        : tr("%1 paths were changed on both sides: choose for each what to keep.")
              .arg(result.conflicts.size());
    summary->setText(result.isClean()
                         ? tr("%1 Your %2 changes do not touch theirs and merge by themselves; "
                              "review them, then save.")
                               .arg(saved)
                               .arg(result.mineApplied.size())
                         : tr("%1 %2 of your changes merge by themselves; %3")
                               .arg(saved)
                               .arg(result.mineApplied.size())
                               .arg(pick));

    // Your changes that merged cleanly.
    auto *merged = new QTreeWidget(this);
    merged->setObjectName(QStringLiteral("mergedChanges"));
    merged->setAccessibleName(tr("Your changes that merge by themselves"));
    merged->setRootIsDecorated(false);
    merged->setUniformRowHeights(true);
    merged->setHeaderLabels({tr("Path"), tr("Their value"), tr("Your value")});
    for (const Shadow::JsonChange &change : result.mineApplied) {
        new QTreeWidgetItem(merged, {Shadow::jsonPointer(change.path),
                                     change.oldValue.isUndefined() ? tr("(absent)") : JsonTreeModel::jsonText(change.oldValue),
                                     change.newValue.isUndefined() ? tr("(removed)") : JsonTreeModel::jsonText(change.newValue)});
    }
    merged->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    // The conflicts, and the choice for the selected one.
    m_conflicts->setObjectName(QStringLiteral("conflictList"));
    m_conflicts->setAccessibleName(tr("Paths changed on both sides"));
    m_conflicts->setRootIsDecorated(false);
    m_conflicts->setUniformRowHeights(true);
    m_conflicts->setHeaderLabels({tr("Path"), tr("Base (v%1)").arg(baseVersion), tr("Mine"),
                                  tr("Theirs (v%1)").arg(theirsVersion), tr("Keep")});
    for (const Shadow::MergeConflict &conflict : result.conflicts) {
        new QTreeWidgetItem(m_conflicts, {Shadow::jsonPointer(conflict.path), sideText(conflict.base),
                                          sideText(conflict.mine), sideText(conflict.theirs),
                                          tr("(choose)")});
    }
    m_conflicts->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *choiceBox = new QGroupBox(tr("Keep for the selected path"), this);
    choiceBox->setAccessibleName(choiceBox->title());
    const struct
    {
        Choice choice;
        const char *objectName;
        QString text;
    } choices[] = {
        {Choice::Mine, "conflictMine", tr("M&ine")},
        {Choice::Theirs, "conflictTheirs", tr("&Theirs")},
        {Choice::Base, "conflictBase", tr("B&ase")},
        {Choice::Custom, "conflictCustom", tr("&Value:")},
    };
    auto *choiceLayout = new QHBoxLayout(choiceBox);
    for (const auto &entry : choices) {
        auto *radio = new QRadioButton(entry.text, choiceBox);
        radio->setObjectName(QLatin1String(entry.objectName));
        radio->setAccessibleName(QString(entry.text).remove(QLatin1Char('&')));
        m_choices->addButton(radio, int(entry.choice));
        choiceLayout->addWidget(radio);
    }
    m_custom->setObjectName(QStringLiteral("conflictCustomValue"));
    m_custom->setAccessibleName(tr("Value to keep"));
    m_custom->setAccessibleDescription(tr("Any JSON value; empty removes the key"));
    m_custom->setPlaceholderText(tr("JSON value; empty removes the key"));
    choiceLayout->addWidget(m_custom, 1);
    m_customError->setObjectName(QStringLiteral("conflictCustomError"));
    m_customError->setAccessibleName(tr("Problem with the value"));
    m_customError->setWordWrap(true);
    QPalette palette = m_customError->palette();
    palette.setColor(QPalette::WindowText, SemanticColors::negativeText(palette));
    m_customError->setPalette(palette);
    m_customError->hide();

    const auto currentIndex = [this] {
        return m_conflicts->indexOfTopLevelItem(m_conflicts->currentItem());
    };
    connect(m_conflicts, &QTreeWidget::currentItemChanged, this,
            [this, currentIndex] { showConflict(currentIndex()); });
    connect(m_choices, &QButtonGroup::idClicked, this, [this, currentIndex](int id) {
        if (currentIndex() >= 0)
            choose(currentIndex(), Choice(id), m_custom->text());
        if (Choice(id) == Choice::Custom)
            m_custom->setFocus(Qt::OtherFocusReason);
    });
    connect(m_custom, &QLineEdit::textEdited, this, [this, currentIndex](const QString &text) {
        if (currentIndex() >= 0)
            choose(currentIndex(), Choice::Custom, text);
    });

    auto *buttons = new QDialogButtonBox(this);
    m_apply->setObjectName(QStringLiteral("conflictApply"));
    m_apply->setAccessibleName(tr("Merge and review the update"));
    m_apply->setDefault(true);
    buttons->addButton(m_apply, QDialogButtonBox::AcceptRole);
    auto *overwrite = new QPushButton(tr("&Overwrite with mine…"), this);
    overwrite->setObjectName(QStringLiteral("conflictOverwrite"));
    overwrite->setAccessibleName(tr("Overwrite their changes with mine"));
    overwrite->setAccessibleDescription(tr("Ignores their version: asks first"));
    buttons->addButton(overwrite, QDialogButtonBox::DestructiveRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_apply, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(overwrite, &QPushButton::clicked, this, [this] {
        const auto answer = QMessageBox::warning(
            this, tr("Overwrite their changes?"),
            tr("Your edit is saved over their version as it is: what they changed in the part "
               "you edited is lost. Overwrite?"),
            QMessageBox::Cancel | QMessageBox::Yes, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
        m_overwrite = true;
        accept();
    });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *mergedPane = new QWidget(splitter);
    auto *mergedLayout = new QVBoxLayout(mergedPane);
    mergedLayout->setContentsMargins(0, 0, 0, 0);
    auto *mergedLabel = new QLabel(tr("Merged by t&hemselves:"), mergedPane);
    mergedLabel->setBuddy(merged);
    mergedLayout->addWidget(mergedLabel);
    mergedLayout->addWidget(merged);
    auto *conflictPane = new QWidget(splitter);
    auto *conflictLayout = new QVBoxLayout(conflictPane);
    conflictLayout->setContentsMargins(0, 0, 0, 0);
    auto *conflictLabel = new QLabel(tr("&Changed on both sides:"), conflictPane);
    conflictLabel->setBuddy(m_conflicts);
    conflictLayout->addWidget(conflictLabel);
    conflictLayout->addWidget(m_conflicts, 1);
    conflictLayout->addWidget(choiceBox);
    conflictLayout->addWidget(m_customError);
    conflictPane->setVisible(!result.isClean());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(900, 600);

    if (!result.conflicts.isEmpty())
        m_conflicts->setCurrentItem(m_conflicts->topLevelItem(0));
    showConflict(currentIndex());
    updateState();
}

void ConflictDialog::choose(int index, Choice choice, const QString &customValue)
{
    if (index < 0 || index >= m_resolutions.size())
        return;
    m_resolutions[index] = Resolution{choice, customValue};
    QString text;
    switch (choice) {
    case Choice::Unresolved:
        text = tr("(choose)");
        break;
    case Choice::Mine:
        text = tr("mine");
        break;
    case Choice::Theirs:
        text = tr("theirs");
        break;
    case Choice::Base:
        text = tr("base");
        break;
    case Choice::Custom:
        text = customValue.trimmed().isEmpty() ? tr("remove the key") : customValue.trimmed();
        break;
    }
    m_conflicts->topLevelItem(index)->setText(ChoiceColumn, text);
    if (m_conflicts->indexOfTopLevelItem(m_conflicts->currentItem()) == index)
        showConflict(index);
    updateState();
}

void ConflictDialog::showConflict(int index)
{
    const bool valid = index >= 0 && index < m_resolutions.size();
    for (QAbstractButton *button : m_choices->buttons())
        button->setEnabled(valid);
    m_custom->setEnabled(valid);
    if (!valid)
        return;
    const Resolution &resolution = m_resolutions.at(index);
    if (resolution.choice == Choice::Unresolved) {
        m_choices->setExclusive(false);
        for (QAbstractButton *button : m_choices->buttons())
            button->setChecked(false);
        m_choices->setExclusive(true);
    } else {
        m_choices->button(int(resolution.choice))->setChecked(true);
    }
    if (resolution.choice == Choice::Custom) {
        if (m_custom->text() != resolution.custom)
            m_custom->setText(resolution.custom);
    } else {
        const Shadow::MergeConflict &conflict = m_result.conflicts.at(index);
        m_custom->setText(conflict.mine ? JsonTreeModel::jsonText(*conflict.mine) : QString());
    }
}

std::optional<std::optional<QJsonValue>> ConflictDialog::resolvedValue(int index) const
{
    const Shadow::MergeConflict &conflict = m_result.conflicts.at(index);
    const Resolution &resolution = m_resolutions.at(index);
    switch (resolution.choice) {
    case Choice::Unresolved:
        return std::nullopt;
    case Choice::Mine:
        return conflict.mine;
    case Choice::Theirs:
        return conflict.theirs;
    case Choice::Base:
        return conflict.base;
    case Choice::Custom: {
        if (resolution.custom.trimmed().isEmpty())
            return std::optional<QJsonValue>();
        const std::optional<QJsonValue> value = parseValue(resolution.custom);
        if (!value || value->isNull())
            return std::nullopt;
        return value;
    }
    }
    return std::nullopt;
}

void ConflictDialog::updateState()
{
    int unresolved = 0;
    QString problem;
    for (int index = 0; index < m_resolutions.size(); ++index) {
        if (resolvedValue(index))
            continue;
        ++unresolved;
        if (m_resolutions.at(index).choice == Choice::Custom && problem.isEmpty())
            problem = tr("%1: \"%2\" is not a JSON value (text needs quotes; null is not allowed, "
                         "leave the field empty to remove the key).")
                          .arg(Shadow::jsonPointer(m_result.conflicts.at(index).path),
                               m_resolutions.at(index).custom);
    }
    m_customError->setText(problem);
    m_customError->setVisible(!problem.isEmpty());
    m_apply->setEnabled(unresolved == 0);
    m_apply->setToolTip(unresolved == 0 ? tr("Shows the merged update before it is sent")
                                        : tr("%1 paths still to choose").arg(unresolved));
    m_apply->setAccessibleDescription(m_apply->toolTip());
}

QJsonObject ConflictDialog::resolvedState() const
{
    if (m_overwrite)
        return m_mine;
    QJsonObject state = m_result.merged;
    for (int index = 0; index < m_resolutions.size(); ++index) {
        if (const auto value = resolvedValue(index))
            state = Shadow::withValueAt(state, m_result.conflicts.at(index).path, *value);
    }
    return state;
}
