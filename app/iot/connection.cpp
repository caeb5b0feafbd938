// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection.h"

#include "apicall.h"
#include "aws/appprofilecredentialsprovider.h"
#include "aws/awsprofiles.h"
#include "aws/credentials.h"
#include "aws/credentialschain.h"
#include "aws/regions.h"
#include "iotcontrolclient.h"
#include "iotdataclient.h"
#include "requestexecutor.h"
#include "settings/appprofiles.h"
#include "settings/applicationidentity.h"
#include "settings/connectionchoice.h"

#include <QCoreApplication>
#include <QSettings>
#include <QSslCertificate>

namespace Iot {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Iot::Connection", text);
}

} // namespace

std::optional<ConnectionSetup> ConnectionSetup::forChoice(const Settings::ConnectionChoice &choice,
                                                          const Aws::AwsProfiles &profiles,
                                                          Aws::SecretStore *store, QString *error)
{
    using Kind = Settings::ConnectionChoice::Kind;
    Q_ASSERT(choice.kind != Kind::Sandbox);
    const auto fail = [error](const QString &problem) {
        *error = problem;
        return std::nullopt;
    };
    ConnectionSetup setup;
    QString profile;
    QString endpointUrl = choice.endpointUrl;
    std::optional<Settings::AppProfile> appProfile;
    if (choice.kind == Kind::AppProfile) {
        const auto settings = Settings::openUserSettings();
        appProfile = Settings::AppProfiles::load(*settings, choice.profile);
        if (!appProfile)
            return fail(tr("there is no Shadowscope profile %1").arg(choice.profile));
        profile = appProfile->name;
        setup.where = tr("Shadowscope profile %1").arg(profile);
        setup.region = choice.region.isEmpty() ? appProfile->region : choice.region;
        if (endpointUrl.isEmpty())
            endpointUrl = appProfile->endpointUrl;
    } else {
        profile = Aws::AwsProfiles::selectedProfile(choice.profile);
        setup.where = tr("AWS · profile %1").arg(profile);
        if (!choice.profile.isEmpty() && !profiles.hasProfile(profile))
            return fail(tr("there is no profile %1 in %2 or %3")
                            .arg(profile,
                                 Aws::AwsProfiles::displayPath(Aws::AwsProfiles::configFilePath()),
                                 Aws::AwsProfiles::displayPath(Aws::AwsProfiles::credentialsFilePath())));
        setup.region = choice.region.isEmpty() ? profiles.region(profile) : choice.region;
    }
    if (setup.region.isEmpty())
        return fail(tr("no region: give --region, or set region in the profile"));
    if (!Aws::isRegionName(setup.region))
        return fail(tr("%1 is not an AWS region name (such as eu-west-1)").arg(setup.region));

    Aws::EndpointChoice control;
    Aws::EndpointChoice data;
    QString caFile = choice.caFile;
    if (appProfile) {
        data = endpointUrl.isEmpty()
            ? Aws::EndpointChoice{}
            : Aws::AwsProfiles::checkEndpoint(endpointUrl, tr("Shadowscope profile %1").arg(profile));
        // A Shadowscope profile's endpoint is the data plane's; a loopback one (a sandbox)
        // answers the control plane too.
        if (!data.url.isEmpty() && data.url.scheme() == QLatin1String("http"))
            control = data;
    } else {
        control = profiles.endpoint(Aws::AwsProfiles::Plane::Control, profile);
        data = profiles.endpoint(Aws::AwsProfiles::Plane::Data, profile, endpointUrl);
        if (caFile.isEmpty())
            caFile = profiles.caBundle(profile);
    }
    if (!control.error.isEmpty() || !data.error.isEmpty())
        return fail(control.error.isEmpty() ? data.error : control.error);
    QList<QSslCertificate> authorities;
    if (!caFile.isEmpty()) {
        authorities = QSslCertificate::fromPath(caFile, QSsl::Pem);
        if (authorities.isEmpty())
            return fail(tr("no PEM certificate in %1").arg(caFile));
    }
    if (appProfile) {
        setup.credentials = std::make_unique<Aws::AppProfileCredentialsProvider>(
            store, appProfile->name, appProfile->accessKeyId, appProfile->region);
    } else {
        // The profile as given (empty when it came from AWS_PROFILE or is "default"): a named
        // profile skips the environment's keys, as `aws --profile` does.
        setup.credentials = std::make_unique<Aws::CredentialsChain>(
            Aws::CredentialsChain::Options{choice.profile});
    }
    const QUrl controlUrl = control.url.isEmpty()
        ? QUrl(QStringLiteral("https://iot.%1.%2").arg(setup.region, Aws::partitionDomain(setup.region)))
        : control.url;
    setup.control = Endpoint{controlUrl, {setup.region, QStringLiteral("iot")}, authorities};
    setup.dataUrl = data.url;
    setup.cacheKey = QStringLiteral("dataEndpoints/%1/%2").arg(choice.key(), setup.region);
    setup.where = tr("%1 · %2").arg(setup.where, setup.region);
    return setup;
}

ConnectionSetup ConnectionSetup::forSandbox(const QUrl &endpoint, const QString &region,
                                            const QString &accessKeyId,
                                            const QString &secretAccessKey)
{
    ConnectionSetup setup;
    setup.where = tr("Sandbox · %1 · %2").arg(endpoint.toString(), region);
    setup.region = region;
    setup.control = Endpoint{endpoint, {region, QStringLiteral("iot")}, {}};
    setup.dataUrl = endpoint;
    setup.credentials = std::make_unique<Aws::StaticCredentialsProvider>(Aws::Credentials{
        {accessKeyId, secretAccessKey, {}}, std::nullopt, tr("the sandbox's key pair")});
    setup.sandboxKeys = {accessKeyId, secretAccessKey, {}};
    return setup;
}

Connection::Connection(QNetworkAccessManager *network, ConnectionSetup setup, bool readOnly,
                       QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
    , m_executor(std::make_unique<RequestExecutor>(network, m_setup.credentials.get()))
    , m_control(std::make_unique<IotControlClient>(m_executor.get(), m_setup.control))
    , m_dataUrl(m_setup.dataUrl)
{
    m_executor->setReadOnly(readOnly);
    if (m_dataUrl.isEmpty() && !m_setup.cacheKey.isEmpty())
        m_cachedAddress = Settings::openUserSettings()->value(m_setup.cacheKey).toString();
}

Connection::~Connection()
{
    // The clients go before the executor that sends their calls.
    m_data.reset();
    m_control.reset();
    m_executor.reset();
}

bool Connection::isReadOnly() const
{
    return m_executor->isReadOnly();
}

void Connection::start()
{
    m_state = State::Connecting;
    m_error = {};
    Q_EMIT stateChanged(m_state);
    Aws::CredentialsJob *job = m_setup.credentials->resolve(this);
    connect(job, &Aws::CredentialsJob::finished, this, [this, job] {
        if (job->outcome() == Aws::CredentialsJob::Outcome::Found && job->credentials()) {
            m_credentialSource = job->credentials()->source;
            describeEndpoint();
            return;
        }
        ApiError error;
        error.kind = ApiError::Kind::Credentials;
        error.message = job->errorString().isEmpty()
            ? tr("none found in the environment, ~/.aws or the keychain")
            : job->errorString();
        fail(error);
    });
}

void Connection::describeEndpoint()
{
    ApiCall *call = m_control->describeEndpoint();
    connect(call, &ApiCall::finished, this, [this, call] {
        if (call->error().isError()) {
            fail(call->error());
            return;
        }
        const QString address = call->result<EndpointAddress>()->address;
        m_firstResult = tr("DescribeEndpoint answered %1").arg(address);
        if (m_dataUrl.isEmpty()) {
            m_dataUrl = QUrl(QStringLiteral("https://") + address);
            if (!m_setup.cacheKey.isEmpty())
                Settings::openUserSettings()->setValue(m_setup.cacheKey, address);
        }
        m_data = std::make_unique<IotDataClient>(
            m_executor.get(),
            Endpoint{m_dataUrl, {m_setup.region, QStringLiteral("iotdata")},
                     m_setup.control.caCertificates});
        m_state = State::Ready;
        Q_EMIT stateChanged(m_state);
    });
}

void Connection::fail(const ApiError &error)
{
    m_error = error;
    m_firstResult = error.userMessage();
    m_state = State::Failed;
    Q_EMIT stateChanged(m_state);
}

QString Connection::statusText() const
{
    QString text = m_setup.where;
    // The sandbox's data endpoint is the one already named in where.
    const QString endpoint = m_dataUrl.isEmpty() && !m_cachedAddress.isEmpty()
        ? QStringLiteral("https://") + m_cachedAddress
        : m_dataUrl.toString();
    if (!endpoint.isEmpty() && !text.contains(endpoint))
        text = tr("%1 · %2").arg(text, endpoint);
    switch (m_state) {
    case State::Idle:
        break;
    case State::Connecting:
        text = tr("%1 · connecting…").arg(text);
        break;
    case State::Ready:
        text = tr("%1 · connected").arg(text);
        // The executor corrected for a skewed clock: say so, the user's machine is wrong.
        if (const qint64 offset = m_executor->clockOffsetSeconds(); offset != 0)
            text = tr("%1 · your clock is off by %2 s (corrected)").arg(text).arg(offset);
        break;
    case State::Failed:
        text = tr("%1 · %2").arg(m_setup.where, m_error.userMessage());
        break;
    }
    if (isReadOnly())
        text = tr("%1 · read-only").arg(text);
    return text;
}

QString Connection::report() const
{
    const QString unknown = tr("not known yet");
    QStringList lines;
    lines << tr("Data endpoint: %1")
                 .arg(m_dataUrl.isEmpty() ? tr("found with DescribeEndpoint") : m_dataUrl.toString())
          << tr("Control endpoint: %1").arg(m_setup.control.baseUrl.toString())
          << tr("Region: %1").arg(m_setup.region)
          << tr("Credentials: %1")
                 .arg(m_credentialSource.isEmpty() ? unknown : m_credentialSource)
          << tr("First request: %1").arg(m_firstResult.isEmpty() ? unknown : m_firstResult);
    return lines.join(QLatin1Char('\n'));
}

} // namespace Iot
