// SPDX-License-Identifier: GPL-3.0-or-later
#include "historydialog.h"

#include "diffview.h"
#include "jsontext.h"
#include "shadow/shadowedit.h"
#include "shadowhistory.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>


HistoryDialog::HistoryDialog(ShadowHistory *history, const QString &thingName,
                             const QString &shadowName, QWidget *parent)
    : QDialog(parent)
    , m_history(history)
    , m_thingName(thingName)
    , m_shadowName(shadowName)
    , m_from(new QComboBox(this))
    , m_to(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_diff(new DiffView(this))
{
    setObjectName(QStringLiteral("historyDialog"));
    setWindowTitle(tr("Versions of %1 · %2")
                       .arg(thingName, shadowName.isEmpty() ? tr("classic") : shadowName));

    m_from->setObjectName(QStringLiteral("historyFrom"));
    m_from->setAccessibleName(tr("Older version"));
    m_to->setObjectName(QStringLiteral("historyTo"));
    m_to->setAccessibleName(tr("Newer version"));
    m_summary->setObjectName(QStringLiteral("historySummary"));
    m_summary->setAccessibleName(tr("Versions fetched"));
    m_summary->setWordWrap(true);
    m_diff->setObjectName(QStringLiteral("historyDiff"));

    auto *fromLabel = new QLabel(tr("&Compare"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&with"), this);
    toLabel->setBuddy(m_to);
    auto *pick = new QHBoxLayout;
    pick->addWidget(fromLabel);
    pick->addWidget(m_from, 1);
    pick->addWidget(toLabel);
    pick->addWidget(m_to, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(pick);
    layout->addWidget(m_diff, 1);
    layout->addWidget(buttons);
    resize(900, 600);

    connect(m_from, &QComboBox::currentIndexChanged, this, &HistoryDialog::showDiff);
    connect(m_to, &QComboBox::currentIndexChanged, this, &HistoryDialog::showDiff);
    connect(m_history, &ShadowHistory::recorded, this,
            [this](const QString &thing, const QString &shadow) {
                if (thing == m_thingName && shadow == m_shadowName)
                    fill();
            });
    fill();
}

void HistoryDialog::fill()
{
    const QList<Iot::ShadowDocument> versions = m_history->versions(m_thingName, m_shadowName);
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->clear();
    m_to->clear();
    for (const Iot::ShadowDocument &document : versions) {
        const QString text = tr("Version %1 · %2")
                                 .arg(document.version)
                                 .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(document.timestamp),
                                                         QLocale::ShortFormat));
        m_from->addItem(text, document.version);
        m_to->addItem(text, document.version);
    }
    m_from->setCurrentIndex(std::max(0, int(versions.size()) - 2));
    m_to->setCurrentIndex(int(versions.size()) - 1);
    m_summary->setText(versions.size() < 2
                           ? tr("Only one version of this shadow was fetched so far; each refresh "
                                "or save adds the one it sees.")
                           : tr("%1 versions fetched this session.").arg(versions.size()));
    showDiff();
}

void HistoryDialog::showDiff()
{
    const QList<Iot::ShadowDocument> versions = m_history->versions(m_thingName, m_shadowName);
    const int from = m_from->currentIndex();
    const int to = m_to->currentIndex();
    if (from < 0 || to < 0 || from >= versions.size() || to >= versions.size()) {
        m_diff->setTexts({}, {}, {}, {});
        return;
    }
    m_diff->setTexts(JsonText::toText(Shadow::editBaseOf(versions.at(from)).state),
                     JsonText::toText(Shadow::editBaseOf(versions.at(to)).state), m_from->currentText(),
                     m_to->currentText());
}
