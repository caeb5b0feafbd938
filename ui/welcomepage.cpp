// SPDX-License-Identifier: GPL-3.0-or-later
#include "welcomepage.h"

#include "semanticcolors.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *title = new QLabel(tr("<h2>Welcome to Shadowscope</h2>"), this);
    auto *intro = new QLabel(
        tr("Explore the device shadows and retained MQTT messages of an AWS IoT Core account, "
           "or try everything first on the built-in sandbox."),
        this);
    intro->setWordWrap(true);

    m_problem->setObjectName(QStringLiteral("welcomeProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setProblem({});

    auto *sandbox = new QPushButton(tr("&Explore the sandbox"), this);
    sandbox->setObjectName(QStringLiteral("welcomeSandboxButton"));
    sandbox->setAccessibleDescription(
        tr("Starts a local emulator of AWS IoT with a demo fleet of 50 things; nothing leaves "
           "this computer"));
    sandbox->setDefault(true);
    auto *sandboxText = new QLabel(
        tr("A local emulator of AWS IoT with a demo fleet: 50 things, their shadows and 338 "
           "retained topics. Nothing leaves this computer."),
        this);
    sandboxText->setWordWrap(true);

    auto *addProfile = new QPushButton(tr("&Add a profile…"), this);
    addProfile->setObjectName(QStringLiteral("welcomeAddProfileButton"));
    addProfile->setAccessibleDescription(
        tr("Adds a Shadowscope profile whose secret access key is kept in your keychain"));
    auto *profileText = new QLabel(
        tr("Shadowscope uses the profiles of ~/.aws as the aws CLI does: run <tt>aws configure</tt> "
           "(or <tt>aws configure sso</tt>) and they appear under Connect. Or add a Shadowscope "
           "profile: its secret access key is kept only in your keychain."),
        this);
    profileText->setWordWrap(true);
    auto *choose = new QPushButton(tr("&Choose a connection…"), this);
    choose->setObjectName(QStringLiteral("welcomeChooseButton"));

    connect(sandbox, &QPushButton::clicked, this, &WelcomePage::sandboxRequested);
    connect(addProfile, &QPushButton::clicked, this, &WelcomePage::addProfileRequested);
    connect(choose, &QPushButton::clicked, this, &WelcomePage::chooseConnectionRequested);

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(intro);
    column->addWidget(m_problem);
    column->addSpacing(12);
    column->addWidget(sandbox, 0, Qt::AlignLeft);
    column->addWidget(sandboxText);
    column->addSpacing(12);
    column->addWidget(addProfile, 0, Qt::AlignLeft);
    column->addWidget(profileText);
    column->addSpacing(12);
    column->addWidget(choose, 0, Qt::AlignLeft);
    // A readable column: wrapped labels get their height for the column's width.
    auto *frame = new QWidget(this);
    frame->setLayout(column);
    frame->setMinimumWidth(qMin(440, 30 * fontMetrics().averageCharWidth() * 2));
    frame->setMaximumWidth(560);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(frame, 4);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
}

void WelcomePage::setProblem(const QString &problem)
{
    if (problem.isEmpty()) {
        m_problem->setPalette(palette());
        m_problem->setText(tr("No AWS credentials were found on this computer: no profile in "
                              "~/.aws, no AWS_ACCESS_KEY_ID, no Shadowscope profile."));
        return;
    }
    QPalette colours = palette();
    colours.setColor(QPalette::WindowText, SemanticColors::negativeText(colours));
    m_problem->setPalette(colours);
    m_problem->setText(tr("Not connected: %1").arg(problem));
}

QString WelcomePage::problem() const
{
    return m_problem->text();
}
