// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewdialog.h"

#include "diffview.h"
#include "jsontext.h"
#include "jsontextedit.h"
#include "jsontreemodel.h"
#include "semanticcolors.h"
#include "shadow/jsondiff.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

ReviewDialog::ReviewDialog(const QString &title, const Shadow::EditBase &base,
                           const Shadow::PreparedUpdate &update,
                           const Shadow::UpdatePreview &preview, QWidget *parent)
    : QDialog(parent)
    , m_send(new QPushButton(tr("&Send"), this))
{
    setObjectName(QStringLiteral("reviewDialog"));
    setWindowTitle(tr("Review the update to %1").arg(title));

    const QList<Shadow::JsonChange> changes = Shadow::diffJson(base.state, update.mine);
    int added = 0;
    int removed = 0;
    for (const Shadow::JsonChange &change : changes) {
        added += change.kind == Shadow::JsonChange::Kind::Added;
        removed += change.kind == Shadow::JsonChange::Kind::Removed;
    }
    const int changed = int(changes.size()) - added - removed;

    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("reviewSummary"));
    summary->setWordWrap(true);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QString version = base.exists()
        ? tr("Saves over version %1: if someone saved since, AWS refuses it and the change is merged.")
              .arg(base.version)
        : tr("Creates the shadow.");
    QString text = tr("%1 %2 added, %3 changed, %4 removed.").arg(version).arg(added).arg(changed).arg(removed);
    if (!preview.error)
        text += QLatin1Char(' ')
            + tr("Afterwards desired and reported hold %1 of %2 bytes.")
                  .arg(QLocale().toString(qlonglong(preview.stateBytesAfter)),
                       QLocale().toString(qlonglong(Shadow::Limits{}.maxStateBytes)));
    summary->setText(text);
    summary->setAccessibleName(tr("Summary"));

    auto *problem = new QLabel(this);
    problem->setObjectName(QStringLiteral("reviewProblem"));
    problem->setWordWrap(true);
    problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    problem->setAccessibleName(tr("Why AWS would refuse this update"));
    if (preview.error) {
        problem->setText(tr("%1\nAWS IoT would answer %2 %3: \"%4\"")
                             .arg(preview.explanation)
                             .arg(preview.error->httpStatus)
                             .arg(preview.error->code, preview.error->message));
        QPalette palette = problem->palette();
        palette.setColor(QPalette::WindowText, SemanticColors::negativeText(palette));
        problem->setPalette(palette);
    } else {
        problem->hide();
    }

    auto *body = new JsonTextEdit(this);
    body->setObjectName(QStringLiteral("reviewBody"));
    body->setAccessibleName(tr("The request body"));
    body->setAccessibleDescription(tr("Exactly what is sent to UpdateThingShadow"));
    body->setPlainText(JsonText::format(QString::fromUtf8(update.body)));
    body->setReadOnly(true);

    auto *list = new QTreeWidget(this);
    list->setObjectName(QStringLiteral("reviewChanges"));
    list->setAccessibleName(tr("Changes by path"));
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setHeaderLabels({tr("Change"), tr("Path"), tr("Before"), tr("After")});
    for (const Shadow::JsonChange &change : changes) {
        const QString kind = change.kind == Shadow::JsonChange::Kind::Added ? tr("Added")
            : change.kind == Shadow::JsonChange::Kind::Removed              ? tr("Removed")
                                                                            : tr("Changed");
        auto *item = new QTreeWidgetItem(list, {kind, Shadow::jsonPointer(change.path),
                                                JsonTreeModel::jsonText(change.oldValue), JsonTreeModel::jsonText(change.newValue)});
        for (int column = 2; column < 4; ++column)
            item->setToolTip(column, item->text(column));
    }
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *diff = new DiffView(this);
    diff->setObjectName(QStringLiteral("reviewDiff"));
    diff->setTexts(JsonText::toText(base.state), JsonText::toText(update.mine),
                   base.exists() ? tr("Version %1").arg(base.version) : tr("Nothing yet"),
                   tr("After the update"));

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("reviewTabs"));
    tabs->setAccessibleName(tr("Review"));
    tabs->addTab(list, tr("&Changes (%1)").arg(changes.size()));
    tabs->addTab(diff, tr("Side &by side"));
    tabs->addTab(body, tr("&Request body"));

    auto *buttons = new QDialogButtonBox(this);
    m_send->setObjectName(QStringLiteral("reviewSend"));
    m_send->setAccessibleName(tr("Send the update"));
    m_send->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_send->setToolTip(tr("Sends this body to UpdateThingShadow (%1)")
                           .arg(m_send->shortcut().toString(QKeySequence::NativeText)));
    m_send->setEnabled(!preview.error);
    buttons->addButton(m_send, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(problem);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(900, 600);
}
