// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"

#include "aws/awsprofiles.h"
#include "aws/credentials.h"
#include "aws/credentialschain.h"
#include "iot/apicall.h"
#include "iot/iotcontrolclient.h"
#include "iot/requestexecutor.h"
#include "iot/thingspagesource.h"
#include "mainwindow.h"
#include "sandbox/sandboxserver.h"
#include "settings/applicationidentity.h"
#include "thingspane.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSettings>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

Application::Application(LaunchOptions options)
    : m_options(std::move(options))
    , m_network(std::make_unique<QNetworkAccessManager>())
{
}

Application::~Application() = default;

LaunchOptions Application::parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("A native explorer for AWS IoT Core device shadows and retained MQTT messages."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandbox(QStringLiteral("sandbox"),
        tr("Explore the local sandbox (an emulator of AWS IoT started inside Shadowscope) "
           "instead of an AWS account. Its state is kept in DIR, or in the default place; "
           "a new DIR starts with the demo fleet."));
    const QCommandLineOption profile(QStringLiteral("profile"),
        tr("The AWS profile (from ~/.aws/config and ~/.aws/credentials) to connect with; "
           "default: AWS_PROFILE, else \"default\"."),
        QStringLiteral("NAME"));
    const QCommandLineOption region(QStringLiteral("region"),
        tr("The AWS region; default: AWS_REGION, AWS_DEFAULT_REGION, else the profile's."),
        QStringLiteral("REGION"));
    const QCommandLineOption endpointUrl(QStringLiteral("endpoint-url"),
        tr("The data-plane endpoint; default: the profile's or AWS_ENDPOINT_URL_* settings, "
           "else the account's endpoint found with DescribeEndpoint."),
        QStringLiteral("URL"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
        tr("Trust the PEM certificates in FILE instead of the system's; default: "
           "AWS_CA_BUNDLE, else the profile's ca_bundle."),
        QStringLiteral("FILE"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        tr("Render the main window offscreen once it has loaded, save it as a PNG, print the "
           "status line and exit."),
        QStringLiteral("FILE"));
    parser.addOptions({sandbox, profile, region, endpointUrl, caFile, screenshot});
    parser.addPositionalArgument(QStringLiteral("DIR"),
                                 tr("With --sandbox: the sandbox's data directory."),
                                 QStringLiteral("[DIR]"));
    parser.process(arguments);

    LaunchOptions options;
    options.sandbox = parser.isSet(sandbox);
    options.profile = parser.value(profile);
    options.region = parser.value(region);
    options.endpointUrl = parser.value(endpointUrl);
    options.caFile = parser.value(caFile);
    options.screenshotFile = parser.value(screenshot);
    if (options.sandbox
        && (parser.isSet(profile) || parser.isSet(region) || parser.isSet(endpointUrl)
            || parser.isSet(caFile))) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("shadowscope: --sandbox brings its own endpoint and keys; "
                                   "--profile, --region, --endpoint-url and --ca-file are for AWS")));
        std::exit(2);
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (!positional.isEmpty() && !options.sandbox)) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("shadowscope: a directory is only taken with --sandbox")));
        std::exit(2);
    }
    options.sandboxDir = positional.value(0);
    return options;
}

bool Application::startSandbox(QString *error)
{
    Sandbox::ServerOptions options;
    options.dataDir = m_options.sandboxDir.isEmpty()
        ? QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
              .filePath(QStringLiteral("sandbox"))
        : m_options.sandboxDir;
    options.demo = true; // only seeds a new data directory
    m_sandbox = std::make_unique<Sandbox::SandboxServer>();
    return m_sandbox->start(options, error);
}

int Application::run()
{
    m_window = std::make_unique<MainWindow>();
    if (m_options.sandbox) {
        QString error;
        if (!startSandbox(&error)) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(tr("shadowscope: the sandbox did not start: %1").arg(error)));
            return 1;
        }
        connectToSandbox();
    } else {
        connectToAws();
    }
    m_window->show();
    const int status = QApplication::exec();
    QString error;
    if (m_sandbox && !m_sandbox->flush(&error)) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("shadowscope: the sandbox's state was not saved: %1").arg(error)));
        return 1;
    }
    return m_exitCode != 0 ? m_exitCode : status;
}

// The sandbox is reached like AWS: the same executor, signing and clients, with the
// sandbox's own key pair.
void Application::connectToSandbox()
{
    m_credentials = std::make_unique<Aws::StaticCredentialsProvider>(Aws::Credentials{
        {m_sandbox->accessKeyId(), m_sandbox->secretAccessKey(), {}}, std::nullopt,
        tr("the sandbox's key pair")});
    const Aws::SigningScope control{m_sandbox->region(), QStringLiteral("iot")};
    connectTo(tr("Sandbox · %1 · %2").arg(m_sandbox->endpoint().toString(), m_sandbox->region()),
              Iot::Endpoint{m_sandbox->endpoint(), control, {}}, m_sandbox->endpoint(), {});
}

// AWS as the aws CLI finds it: the profile's credentials chain, region and endpoints.
void Application::connectToAws()
{
    const Aws::AwsProfiles profiles = Aws::AwsProfiles::load();
    const QString profile = Aws::AwsProfiles::selectedProfile(m_options.profile);
    const QString region = m_options.region.isEmpty() ? profiles.region(profile) : m_options.region;
    const QString where = tr("AWS · profile %1").arg(profile);
    const auto fail = [this, &where](const QString &problem) {
        m_window->setEndpointDescription(tr("%1 · %2").arg(where, problem));
        settled();
    };
    if (!m_options.profile.isEmpty() && !profiles.hasProfile(profile))
        return fail(tr("there is no profile %1 in %2 or %3")
                        .arg(profile, Aws::AwsProfiles::displayPath(Aws::AwsProfiles::configFilePath()),
                             Aws::AwsProfiles::displayPath(Aws::AwsProfiles::credentialsFilePath())));
    if (region.isEmpty())
        return fail(tr("no region: give --region, or set region in the profile"));
    static const QRegularExpression regionName(QStringLiteral("^[a-z]{2}(-[a-z]+)+-[0-9]+$"));
    if (!regionName.match(region).hasMatch())
        return fail(tr("%1 is not an AWS region name (such as eu-west-1)").arg(region));
    const Aws::EndpointChoice control = profiles.endpoint(Aws::AwsProfiles::Plane::Control, profile);
    const Aws::EndpointChoice data =
        profiles.endpoint(Aws::AwsProfiles::Plane::Data, profile, m_options.endpointUrl);
    if (!control.error.isEmpty() || !data.error.isEmpty())
        return fail(control.error.isEmpty() ? data.error : control.error);
    const QString caFile = m_options.caFile.isEmpty() ? profiles.caBundle(profile) : m_options.caFile;
    QList<QSslCertificate> authorities;
    if (!caFile.isEmpty()) {
        authorities = QSslCertificate::fromPath(caFile, QSsl::Pem);
        if (authorities.isEmpty())
            return fail(tr("no PEM certificate in %1").arg(caFile));
    }
    // The profile as given (empty when it came from AWS_PROFILE or is "default"): a named
    // profile skips the environment's keys, as `aws --profile` does.
    m_credentials = std::make_unique<Aws::CredentialsChain>(
        Aws::CredentialsChain::Options{m_options.profile});
    // China's regions live under their own domain.
    const QString domain = region.startsWith(QLatin1String("cn-"))
        ? QStringLiteral("amazonaws.com.cn")
        : QStringLiteral("amazonaws.com");
    const QUrl controlUrl = control.url.isEmpty()
        ? QUrl(QStringLiteral("https://iot.%1.%2").arg(region, domain))
        : control.url;
    connectTo(tr("%1 · %2").arg(where, region),
              Iot::Endpoint{controlUrl, {region, QStringLiteral("iot")}, authorities}, data.url,
              QStringLiteral("dataEndpoints/%1/%2").arg(profile, region));
}

// A signed DescribeEndpoint through the one QNetworkAccessManager proves the whole path
// (credentials, clock, TLS, signature) before the window says "connected". Without a
// configured data endpoint its answer is the data endpoint, remembered per profile and region
// (@p cacheKey) so the next start knows it at once; DescribeEndpoint still confirms it.
void Application::connectTo(const QString &where, const Iot::Endpoint &control, const QUrl &data,
                            const QString &cacheKey)
{
    const auto settings = Settings::openUserSettings();
    const QString cached = cacheKey.isEmpty() ? QString() : settings->value(cacheKey).toString();
    m_window->setEndpointDescription(
        data.isEmpty() && !cached.isEmpty()
            ? tr("%1 · https://%2 · connecting…").arg(where, cached)
            : tr("%1 · connecting…").arg(where));
    m_executor = std::make_unique<Iot::RequestExecutor>(m_network.get(), m_credentials.get());
    connect(m_executor.get(), &Iot::RequestExecutor::attemptFinished, m_window.get(),
            &MainWindow::appendRequest);
    m_control = std::make_unique<Iot::IotControlClient>(m_executor.get(), control);
    Iot::ApiCall *call = m_control->describeEndpoint();
    connect(call, &Iot::ApiCall::finished, this, [this, call, where, data, cacheKey] {
        if (call->error().isError()) {
            m_window->setEndpointDescription(tr("%1 · %2").arg(where, call->error().userMessage()));
            settled();
            return;
        }
        QUrl dataUrl = data;
        if (dataUrl.isEmpty()) {
            const QString address = call->result<Iot::EndpointAddress>()->address;
            dataUrl = QUrl(QStringLiteral("https://") + address);
            if (!cacheKey.isEmpty())
                Settings::openUserSettings()->setValue(cacheKey, address);
        }
        // The sandbox's data endpoint is the one already named in where.
        QString status = where.contains(dataUrl.toString())
            ? tr("%1 · connected").arg(where)
            : tr("%1 · %2 · connected").arg(where, dataUrl.toString());
        // The executor corrected for a skewed clock: say so, the user's machine is wrong.
        if (const qint64 offset = m_executor->clockOffsetSeconds(); offset != 0)
            status = tr("%1 · your clock is off by %2 s (corrected)").arg(status).arg(offset);
        m_window->setEndpointDescription(status);
        // The screenshot waits for the first page of things.
        connect(m_window->thingsPane(), &ThingsPane::loadFinished, this, &Application::settled,
                Qt::SingleShotConnection);
        m_window->setThingsSource(std::make_unique<Iot::ThingsPageSource>(m_control.get()));
    });
}

void Application::settled()
{
    if (!m_options.screenshotFile.isEmpty())
        QTimer::singleShot(0, this, &Application::saveScreenshot);
}

void Application::saveScreenshot()
{
    std::printf("status: %s\n", qPrintable(m_window->endpointDescription()));
    std::printf("things: %s\n", qPrintable(m_window->thingsPane()->statusText()));
    if (!m_window->grab().save(m_options.screenshotFile, "PNG")) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("shadowscope: cannot write %1").arg(m_options.screenshotFile)));
        m_exitCode = 1;
    }
    QApplication::quit();
}
