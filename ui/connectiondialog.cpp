// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiondialog.h"

#include "aws/appprofilecredentialsprovider.h"
#include "aws/awsprofiles.h"
#include "aws/regions.h"
#include "aws/secretjob.h"
#include "iot/connection.h"
#include "semanticcolors.h"
#include "settings/appprofiles.h"
#include "settings/applicationidentity.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace {

using Kind = Settings::ConnectionChoice::Kind;

enum ItemRoles { KindRole = Qt::UserRole, ProfileRole };

QListWidgetItem *addSection(QListWidget *list, const QString &title)
{
    auto *item = new QListWidgetItem(title, list);
    item->setFlags(Qt::NoItemFlags);
    QFont bold = list->font();
    bold.setBold(true);
    item->setFont(bold);
    return item;
}

QListWidgetItem *addConnection(QListWidget *list, const QString &text, Kind kind,
                               const QString &profile)
{
    auto *item = new QListWidgetItem(text, list);
    item->setData(KindRole, int(kind));
    item->setData(ProfileRole, profile);
    return item;
}

} // namespace

ConnectionDialog::ConnectionDialog(Aws::SecretStore *secrets, ConnectionFactory factory,
                                   const std::optional<Settings::ConnectionChoice> &current,
                                   QWidget *parent)
    : QDialog(parent)
    , m_secrets(secrets)
    , m_factory(std::move(factory))
    , m_list(new QListWidget(this))
    , m_description(new QLabel(this))
    , m_region(new QComboBox(this))
    , m_endpoint(new QLineEdit(this))
    , m_appFields(new QWidget(this))
    , m_name(new QLineEdit(this))
    , m_accessKeyId(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_report(new QLabel(this))
    , m_newButton(new QPushButton(tr("&New profile"), this))
    , m_removeButton(new QPushButton(tr("&Remove"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Connect"));
    setObjectName(QStringLiteral("connectionDialog"));

    m_list->setObjectName(QStringLiteral("connectionList"));
    m_list->setAccessibleName(tr("Connections"));
    m_list->setAccessibleDescription(
        tr("The sandbox, the profiles of ~/.aws and Shadowscope's own profiles"));
    m_newButton->setObjectName(QStringLiteral("newProfileButton"));
    m_newButton->setAccessibleDescription(
        tr("Adds a Shadowscope profile whose secret is kept in your keychain"));
    m_removeButton->setObjectName(QStringLiteral("removeProfileButton"));
    m_removeButton->setAccessibleDescription(tr("Removes the selected Shadowscope profile"));

    m_description->setObjectName(QStringLiteral("connectionDescription"));
    m_description->setWordWrap(true);
    m_region->setObjectName(QStringLiteral("regionBox"));
    m_region->setAccessibleName(tr("Region"));
    m_region->setEditable(true);
    m_region->addItems(Aws::iotCoreRegions());
    m_endpoint->setObjectName(QStringLiteral("endpointEdit"));
    m_endpoint->setAccessibleName(tr("Data endpoint"));
    m_endpoint->setClearButtonEnabled(true);
    m_name->setObjectName(QStringLiteral("profileNameEdit"));
    m_name->setAccessibleName(tr("Profile name"));
    m_accessKeyId->setObjectName(QStringLiteral("accessKeyIdEdit"));
    m_accessKeyId->setAccessibleName(tr("Access key ID"));
    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_secret->setAccessibleName(tr("Secret access key"));
    m_secret->setAccessibleDescription(tr("Kept only in your keychain"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_problem->setObjectName(QStringLiteral("connectionProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_test->setAccessibleDescription(
        tr("Connects once and reports the endpoint, region, credentials and first request"));
    m_report->setObjectName(QStringLiteral("connectionReport"));
    m_report->setAccessibleName(tr("Test result"));
    m_report->setWordWrap(true);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *appForm = new QFormLayout(m_appFields);
    appForm->setContentsMargins(0, 0, 0, 0);
    appForm->addRow(tr("&Name:"), m_name);
    appForm->addRow(tr("&Access key ID:"), m_accessKeyId);
    appForm->addRow(tr("&Secret access key:"), m_secret);

    auto *form = new QFormLayout;
    form->addRow(tr("Re&gion:"), m_region);
    form->addRow(tr("&Endpoint:"), m_endpoint);

    QPushButton *connectButton = m_buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(QStringLiteral("connectButton"));
    connectButton->setDefault(true);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_newButton);
    listButtons->addWidget(m_removeButton);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    auto *right = new QVBoxLayout;
    right->addWidget(m_description);
    right->addWidget(m_appFields);
    right->addLayout(form);
    right->addWidget(m_problem);
    right->addWidget(m_test, 0, Qt::AlignLeft);
    right->addWidget(m_report);
    right->addStretch(1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(right, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    connect(m_list, &QListWidget::currentItemChanged, this, &ConnectionDialog::showSelected);
    connect(m_newButton, &QPushButton::clicked, this, &ConnectionDialog::startNewProfile);
    connect(m_removeButton, &QPushButton::clicked, this, &ConnectionDialog::removeAppProfile);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);

    reloadList();
    if (!current || !select(*current))
        select(Settings::ConnectionChoice{Kind::Sandbox, {}, {}, {}, {}});
    if (current) {
        // The overrides in use are kept, not reset to the profile's.
        m_region->setCurrentText(current->region);
        m_endpoint->setText(current->endpointUrl);
        m_choice = *current;
    }
    resize(760, 440);
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::reloadList()
{
    m_list->clear();
    addConnection(m_list, tr("Sandbox (local)"), Kind::Sandbox, {});
    const QStringList awsProfiles = Aws::AwsProfiles::load().profileNames();
    addSection(m_list, tr("AWS profiles (~/.aws)"));
    if (awsProfiles.isEmpty()) {
        QListWidgetItem *none = addSection(m_list, tr("none: run aws configure"));
        none->setFont(m_list->font());
    }
    for (const QString &name : awsProfiles)
        addConnection(m_list, name, Kind::AwsProfile, name);
    addSection(m_list, tr("Shadowscope profiles (keychain)"));
    const auto settings = Settings::openUserSettings();
    for (const QString &name : Settings::AppProfiles::names(*settings))
        addConnection(m_list, name, Kind::AppProfile, name);
}

bool ConnectionDialog::select(const Settings::ConnectionChoice &choice)
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        if (!(item->flags() & Qt::ItemIsEnabled))
            continue;
        const Kind kind = Kind(item->data(KindRole).toInt());
        const QString profile = item->data(ProfileRole).toString();
        const bool defaultProfile = kind == Kind::AwsProfile && choice.profile.isEmpty()
            && profile == Aws::AwsProfiles::selectedProfile({});
        if (kind == choice.kind && (kind == Kind::Sandbox || profile == choice.profile || defaultProfile)) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void ConnectionDialog::showSelected()
{
    m_probe.reset();
    setBusy(false);
    m_problem->clear();
    m_report->clear();
    QListWidgetItem *item = m_list->currentItem();
    const Kind kind = item ? Kind(item->data(KindRole).toInt()) : Kind::Sandbox;
    const QString profile = item ? item->data(ProfileRole).toString() : QString();
    m_newProfile = false;
    m_removeButton->setEnabled(kind == Kind::AppProfile);
    m_appFields->setVisible(kind == Kind::AppProfile);
    m_region->setEnabled(kind != Kind::Sandbox);
    m_endpoint->setEnabled(kind != Kind::Sandbox);
    m_region->setCurrentText({});
    m_endpoint->clear();
    m_secret->clear();
    const Aws::AwsProfiles profiles = Aws::AwsProfiles::load();
    switch (kind) {
    case Kind::Sandbox:
        m_description->setText(
            tr("<b>Sandbox (local)</b><br>An emulator of AWS IoT started inside Shadowscope on "
               "this machine, with a demo fleet. Nothing leaves your computer."));
        m_region->lineEdit()->setPlaceholderText(tr("the sandbox's"));
        m_endpoint->setPlaceholderText(tr("the sandbox's"));
        break;
    case Kind::AwsProfile: {
        m_description->setText(tr("<b>AWS profile %1</b><br>Credentials, region and endpoints "
                                  "as the aws CLI finds them for this profile.")
                                   .arg(profile.toHtmlEscaped()));
        const QString region = profiles.region(profile);
        m_region->lineEdit()->setPlaceholderText(
            region.isEmpty() ? tr("required: the profile has none") : tr("the profile's: %1").arg(region));
        const Aws::EndpointChoice data = profiles.endpoint(Aws::AwsProfiles::Plane::Data, profile);
        m_endpoint->setPlaceholderText(data.url.isEmpty()
                                           ? tr("found with DescribeEndpoint")
                                           : tr("%1 (from %2)").arg(data.url.toString(), data.source));
        break;
    }
    case Kind::AppProfile: {
        const auto settings = Settings::openUserSettings();
        const std::optional<Settings::AppProfile> app = Settings::AppProfiles::load(*settings, profile);
        m_description->setText(tr("<b>Shadowscope profile %1</b><br>The secret access key is kept "
                                  "only in your keychain.")
                                   .arg(profile.toHtmlEscaped()));
        m_name->setText(profile);
        m_name->setReadOnly(true);
        m_accessKeyId->setText(app ? app->accessKeyId : QString());
        m_secret->setPlaceholderText(tr("kept in your keychain; type to replace it"));
        m_region->setCurrentText(app ? app->region : QString());
        m_region->lineEdit()->setPlaceholderText(tr("required"));
        m_endpoint->setText(app ? app->endpointUrl : QString());
        m_endpoint->setPlaceholderText(tr("found with DescribeEndpoint"));
        break;
    }
    }
}

void ConnectionDialog::startNewProfile()
{
    m_list->setCurrentItem(nullptr);
    m_list->clearSelection();
    showSelected();
    m_newProfile = true;
    m_removeButton->setEnabled(false);
    m_appFields->setVisible(true);
    m_region->setEnabled(true);
    m_endpoint->setEnabled(true);
    m_description->setText(
        tr("<b>New Shadowscope profile</b><br>An IAM user's access key. The secret access key "
           "is kept only in your keychain, never in a file. To use ~/.aws instead, run "
           "<tt>aws configure</tt> and choose the profile on the left."));
    m_name->clear();
    m_name->setReadOnly(false);
    m_accessKeyId->clear();
    m_secret->setPlaceholderText(tr("kept only in your keychain"));
    m_region->lineEdit()->setPlaceholderText(tr("required, such as eu-west-1"));
    m_endpoint->setPlaceholderText(tr("found with DescribeEndpoint"));
    m_name->setFocus();
}

void ConnectionDialog::showProblem(const QString &problem, QWidget *field)
{
    QPalette palette = m_problem->palette();
    palette.setColor(QPalette::WindowText, SemanticColors::negativeText(palette));
    m_problem->setPalette(palette);
    m_problem->setText(problem);
    if (field)
        field->setFocus(Qt::OtherFocusReason);
}

std::optional<Settings::ConnectionChoice> ConnectionDialog::formChoice()
{
    m_problem->clear();
    Settings::ConnectionChoice choice;
    QListWidgetItem *item = m_list->currentItem();
    choice.kind = m_newProfile ? Kind::AppProfile
                               : (item ? Kind(item->data(KindRole).toInt()) : Kind::Sandbox);
    if (choice.kind == Kind::Sandbox)
        return choice;
    choice.profile = m_newProfile ? m_name->text().trimmed() : item->data(ProfileRole).toString();
    choice.region = m_region->currentText().trimmed();
    choice.endpointUrl = m_endpoint->text().trimmed();
    choice.caFile = m_choice.kind == choice.kind && m_choice.profile == choice.profile
        ? m_choice.caFile
        : QString();
    if (choice.kind == Kind::AppProfile) {
        if (const QString problem = Settings::AppProfiles::checkName(choice.profile); !problem.isEmpty()) {
            showProblem(problem, m_name);
            return std::nullopt;
        }
        const auto settings = Settings::openUserSettings();
        if (m_newProfile && Settings::AppProfiles::names(*settings).contains(choice.profile)) {
            showProblem(tr("There is a Shadowscope profile %1 already.").arg(choice.profile), m_name);
            return std::nullopt;
        }
        if (const QString problem = Settings::AppProfiles::checkAccessKeyId(m_accessKeyId->text().trimmed());
            !problem.isEmpty()) {
            showProblem(problem, m_accessKeyId);
            return std::nullopt;
        }
        if (m_newProfile && m_secret->text().isEmpty()) {
            showProblem(tr("Give the secret access key; it is kept only in your keychain."), m_secret);
            return std::nullopt;
        }
        if (choice.region.isEmpty()) {
            showProblem(tr("Give the region of the account's things, such as eu-west-1."), m_region);
            return std::nullopt;
        }
    }
    if (!choice.region.isEmpty() && !Aws::isRegionName(choice.region)) {
        showProblem(tr("%1 is not an AWS region name (such as eu-west-1).").arg(choice.region), m_region);
        return std::nullopt;
    }
    if (!choice.endpointUrl.isEmpty()) {
        const Aws::EndpointChoice endpoint = Aws::AwsProfiles::checkEndpoint(choice.endpointUrl, {});
        if (!endpoint.error.isEmpty()) {
            showProblem(endpoint.error, m_endpoint);
            return std::nullopt;
        }
    }
    return choice;
}

void ConnectionDialog::saveAppProfile(const Settings::ConnectionChoice &choice,
                                      std::function<void()> then)
{
    if (choice.kind != Kind::AppProfile) {
        then();
        return;
    }
    const Settings::AppProfile profile{choice.profile, m_accessKeyId->text().trimmed(),
                                       choice.region, choice.endpointUrl};
    const QString secret = m_secret->text();
    const auto store = [this, profile, then] {
        const auto settings = Settings::openUserSettings();
        Settings::AppProfiles::save(*settings, profile);
        if (m_newProfile) {
            reloadList();
            select(Settings::ConnectionChoice{Kind::AppProfile, profile.name, {}, {}, {}});
        }
        then();
    };
    if (secret.isEmpty()) {
        store();
        return;
    }
    setBusy(true);
    Aws::SecretJob *job = Aws::AppProfileCredentialsProvider::saveSecret(
        m_secrets, profile.name, secret, this);
    connect(job, &Aws::SecretJob::finished, this, [this, job, store] {
        setBusy(false);
        if (job->outcome() != Aws::SecretJob::Outcome::Ok) {
            // Nothing is saved without its secret; the form keeps what was typed.
            showProblem(tr("The secret was not stored in your keychain: %1").arg(job->errorString()));
            return;
        }
        m_secret->clear();
        store();
    });
}

void ConnectionDialog::removeAppProfile()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item || Kind(item->data(KindRole).toInt()) != Kind::AppProfile)
        return;
    const QString name = item->data(ProfileRole).toString();
    const auto answer = QMessageBox::question(
        this, tr("Remove profile"),
        tr("Remove the Shadowscope profile %1 and delete its secret access key from your "
           "keychain? The key itself stays valid in AWS.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    setBusy(true);
    Aws::SecretJob *job = Aws::AppProfileCredentialsProvider::removeSecret(m_secrets, name, this);
    connect(job, &Aws::SecretJob::finished, this, [this, job, name] {
        setBusy(false);
        if (job->outcome() != Aws::SecretJob::Outcome::Ok) {
            showProblem(tr("The secret was not removed from your keychain, so the profile is "
                           "kept: %1")
                            .arg(job->errorString()));
            return;
        }
        const auto settings = Settings::openUserSettings();
        Settings::AppProfiles::remove(*settings, name);
        reloadList();
        select(Settings::ConnectionChoice{Kind::Sandbox, {}, {}, {}, {}});
    });
}

void ConnectionDialog::testConnection()
{
    const std::optional<Settings::ConnectionChoice> choice = formChoice();
    if (!choice)
        return;
    saveAppProfile(*choice, [this, choice = *choice] {
        QString error;
        m_probe = m_factory(choice, &error);
        if (!m_probe) {
            showProblem(error);
            Q_EMIT testFinished(false);
            return;
        }
        m_report->setText(tr("Connecting…"));
        setBusy(true);
        connect(m_probe.get(), &Iot::Connection::stateChanged, this, [this](Iot::Connection::State state) {
            if (state == Iot::Connection::State::Connecting)
                return;
            setBusy(false);
            const bool connected = state == Iot::Connection::State::Ready;
            m_report->setText((connected ? tr("Connected.") : tr("Not connected.")) + QLatin1Char('\n')
                              + m_probe->report());
            Q_EMIT testFinished(connected);
        });
        m_probe->start();
    });
}

void ConnectionDialog::setBusy(bool busy)
{
    m_test->setEnabled(!busy);
    m_buttons->setEnabled(!busy);
}

void ConnectionDialog::accept()
{
    const std::optional<Settings::ConnectionChoice> choice = formChoice();
    if (!choice)
        return;
    saveAppProfile(*choice, [this, choice = *choice] {
        m_choice = choice;
        m_probe.reset();
        QDialog::accept();
    });
}
