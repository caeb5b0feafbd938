// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"

#include "aws/awsprofiles.h"
#include "aws/keychainsecretstore.h"
#include "iot/connection.h"
#include "mainwindow.h"
#include "retainedmessageview.h"
#include "retainedpane.h"
#include "shadowspane.h"
#include "sandbox/sandboxserver.h"
#include "settings/applicationidentity.h"
#include "settings/connectionchoice.h"
#include "shadow/validation.h"
#include "thingspane.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <utility>

#include <unistd.h>

namespace {

/** Milliseconds since this process started (Linux: /proc/self/stat, 10 ms steps), or -1. */
double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    // Field 22, counted after the command name, which is in parentheses and may hold spaces.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    timespec now = {};
    if (fields.size() < 20 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    const double startedSeconds = fields.at(19).toDouble() / double(sysconf(_SC_CLK_TCK));
    return (double(now.tv_sec) + double(now.tv_nsec) / 1e9 - startedSeconds) * 1000.0;
}

/** The process's resident memory in KiB (VmRSS of /proc/self/status), or -1. */
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

} // namespace

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
    const QCommandLineOption readOnly(QStringLiteral("read-only"),
        tr("Refuse every write (shadow updates and deletes, publishes) before it is sent."));
    const QCommandLineOption thing(QStringLiteral("thing"),
        tr("Open the thing NAME once connected (it need not be listed)."), QStringLiteral("NAME"));
    const QCommandLineOption shadow(QStringLiteral("shadow"),
        tr("With --thing: show its shadow NAME; \"classic\" is the unnamed one."),
        QStringLiteral("NAME"));
    const QCommandLineOption topic(QStringLiteral("topic"),
        tr("Open the retained message of TOPIC once connected."), QStringLiteral("TOPIC"));
    // Diagnostics for the start-up benchmark (tests/bench/bench_startup), not for users.
    QCommandLineOption startupReport(QStringLiteral("startup-report"),
        tr("Once connected and the first pages are shown, paint the window, print the "
           "milliseconds since the process started and the resident memory, and exit."));
    startupReport.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({sandbox, profile, region, endpointUrl, caFile, readOnly, thing, shadow, topic,
                       screenshot, startupReport});
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
    options.readOnly = parser.isSet(readOnly);
    options.thing = parser.value(thing);
    options.shadow = parser.value(shadow);
    options.topic = parser.value(topic);
    options.startupReport = parser.isSet(startupReport);
    const auto refuse = [](const QString &problem) {
        std::fprintf(stderr, "shadowscope: %s\n", qPrintable(problem));
        std::exit(2);
    };
    if (parser.isSet(thing))
        if (const auto problem = Shadow::validateThingName(options.thing))
            refuse(tr("--thing %1: %2").arg(options.thing, problem->message));
    if (parser.isSet(shadow) && options.shadow != QLatin1String("classic"))
        if (const auto problem = Shadow::validateShadowName(options.shadow))
            refuse(tr("--shadow %1: %2").arg(options.shadow, problem->message));
    if (parser.isSet(topic) && options.topic.isEmpty())
        refuse(tr("--topic needs a topic name"));
    if (parser.isSet(shadow) && !parser.isSet(thing))
        refuse(tr("--shadow names a shadow of the thing given with --thing"));
    if (options.sandbox
        && (parser.isSet(profile) || parser.isSet(region) || parser.isSet(endpointUrl)
            || parser.isSet(caFile)))
        refuse(tr("--sandbox brings its own endpoint and keys; --profile, --region, "
                  "--endpoint-url and --ca-file are for AWS"));
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (!positional.isEmpty() && !options.sandbox))
        refuse(tr("a directory is only taken with --sandbox"));
    options.sandboxDir = positional.value(0);
    return options;
}

bool Application::startSandbox(QString *error)
{
    if (m_sandbox)
        return true;
    Sandbox::ServerOptions options;
    options.dataDir = m_options.sandboxDir.isEmpty()
        ? QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
              .filePath(QStringLiteral("sandbox"))
        : m_options.sandboxDir;
    options.demo = true; // only seeds a new data directory
    auto sandbox = std::make_unique<Sandbox::SandboxServer>();
    if (!sandbox->start(options, error))
        return false;
    m_sandbox = std::move(sandbox);
    return true;
}

std::optional<Settings::ConnectionChoice> Application::initialChoice() const
{
    using Kind = Settings::ConnectionChoice::Kind;
    if (m_options.sandbox)
        return Settings::ConnectionChoice{Kind::Sandbox, {}, {}, {}, {}};
    const Settings::ConnectionChoice fromCommandLine{Kind::AwsProfile, m_options.profile, m_options.region,
                                                     m_options.endpointUrl, m_options.caFile};
    if (fromCommandLine != Settings::ConnectionChoice{})
        return fromCommandLine;
    if (const auto last = Settings::ConnectionChoice::load(*Settings::openUserSettings()))
        return last;
    // Anything the aws CLI would find credentials in; else the first screen.
    const bool awsConfigured = !Aws::AwsProfiles::load().profileNames().isEmpty()
        || qEnvironmentVariableIsSet("AWS_ACCESS_KEY_ID") || qEnvironmentVariableIsSet("AWS_PROFILE");
    if (awsConfigured)
        return fromCommandLine;
    return std::nullopt;
}

std::unique_ptr<Iot::Connection> Application::makeConnection(const Settings::ConnectionChoice &choice,
                                                             QString *error)
{
    if (choice.kind != Settings::ConnectionChoice::Kind::Sandbox) {
        std::optional<Iot::ConnectionSetup> setup =
            Iot::ConnectionSetup::forChoice(choice, Aws::AwsProfiles::load(), m_secrets.get(), error);
        if (!setup)
            return nullptr;
        return std::make_unique<Iot::Connection>(m_network.get(), std::move(*setup), m_options.readOnly);
    }
    QString problem;
    if (!startSandbox(&problem)) {
        *error = tr("the sandbox did not start: %1").arg(problem);
        return nullptr;
    }
    Iot::ConnectionSetup setup = Iot::ConnectionSetup::forSandbox(
        m_sandbox->endpoint(), m_sandbox->region(), m_sandbox->accessKeyId(), m_sandbox->secretAccessKey());
    return std::make_unique<Iot::Connection>(m_network.get(), std::move(setup), m_options.readOnly);
}

int Application::run()
{
    m_secrets = std::make_unique<Aws::KeychainSecretStore>();
    m_window = std::make_unique<MainWindow>();
    m_window->restoreLayout();
    m_window->setConnectionServices(m_secrets.get(),
                                    [this](const Settings::ConnectionChoice &choice, QString *error) {
                                        return makeConnection(choice, error);
                                    });
    connect(m_window.get(), &MainWindow::connectRequested, this, &Application::connectWith);
    if (const std::optional<Settings::ConnectionChoice> choice = initialChoice()) {
        connectWith(*choice);
        if (m_options.sandbox && !m_sandbox)
            return 1;
    } else {
        m_window->setConnection(nullptr, {});
        m_window->setEndpointDescription(tr("Not connected"));
        settled();
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

void Application::connectWith(const Settings::ConnectionChoice &choice)
{
    QString error;
    std::unique_ptr<Iot::Connection> connection = makeConnection(choice, &error);
    if (!connection) {
        if (choice.kind == Settings::ConnectionChoice::Kind::Sandbox && m_options.sandbox)
            std::fprintf(stderr, "shadowscope: %s\n", qPrintable(error));
        m_window->setConnection(nullptr, choice, error);
        m_window->setEndpointDescription(tr("%1 · %2").arg(choice.displayName(), error));
        m_connection.reset();
        settled();
        return;
    }
    m_window->setConnection(connection.get(), choice);
    m_connection = std::move(connection);
    connect(m_connection.get(), &Iot::Connection::stateChanged, this,
            [this, choice] { onConnectionStateChanged(choice); });
    m_connection->start();
}

void Application::onConnectionStateChanged(const Settings::ConnectionChoice &choice)
{
    if (m_connection->state() == Iot::Connection::State::Failed)
        settled();
    if (m_connection->state() != Iot::Connection::State::Ready)
        return;
    // What connected is what the next start connects to.
    choice.save(*Settings::openUserSettings());
    // The screenshot waits for the first pages of things and topics, and for what the
    // command line opens.
    awaitLoad(m_window->thingsPane(), &ThingsPane::loadFinished);
    awaitLoad(m_window->retainedPane(), &RetainedPane::loadFinished);
    // Only the first connection opens what the command line names.
    if (!std::exchange(m_openedFromCommandLine, true)) {
        if (!m_options.thing.isEmpty()) {
            awaitLoad(m_window->shadowsPane(), &ShadowsPane::loadFinished);
            m_window->openThing(m_options.thing,
                                m_options.shadow.isEmpty() ? std::nullopt
                                : m_options.shadow == QLatin1String("classic")
                                    ? std::optional<QString>(QStringLiteral(""))
                                    : std::optional<QString>(m_options.shadow));
        }
        if (!m_options.topic.isEmpty()) {
            m_window->openTopic(m_options.topic, Workspace::Mode::Keep);
            if (auto *view = qobject_cast<RetainedMessageView *>(
                    m_window->workspace()->page(QStringLiteral("topic:") + m_options.topic)))
                awaitLoad(view, &RetainedMessageView::loadFinished);
        }
    }
}

template<class Sender>
void Application::awaitLoad(Sender *sender, void (Sender::*finished)())
{
    ++m_pendingLoads;
    connect(sender, finished, this, [this] {
        if (--m_pendingLoads == 0)
            settled();
    }, Qt::SingleShotConnection);
}

void Application::settled()
{
    if (!m_options.screenshotFile.isEmpty())
        QTimer::singleShot(0, this, &Application::saveScreenshot);
    if (m_options.startupReport)
        QTimer::singleShot(0, this, &Application::reportStartup);
}

void Application::saveScreenshot()
{
    std::printf("status: %s\n", qPrintable(m_window->endpointDescription()));
    if (m_connection && m_connection->state() == Iot::Connection::State::Ready) {
        std::printf("things: %s\n", qPrintable(m_window->thingsPane()->statusText()));
        std::printf("retained: %s\n", qPrintable(m_window->retainedPane()->statusText()));
        if (!m_options.thing.isEmpty())
            std::printf("shadows: %s\n", qPrintable(m_window->shadowsPane()->statusText()));
    }
    if (!m_window->grab().save(m_options.screenshotFile, "PNG")) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("shadowscope: cannot write %1").arg(m_options.screenshotFile)));
        m_exitCode = 1;
    }
    QApplication::quit();
}

void Application::reportStartup()
{
    const bool connected = m_connection && m_connection->state() == Iot::Connection::State::Ready;
    m_window->repaint();
    std::printf("startup: %.0f ms, %lld KiB resident, %s\n", msSinceProcessStart(),
                static_cast<long long>(residentKiB()), connected ? "connected" : "not connected");
    std::fflush(stdout);
    if (!connected)
        m_exitCode = 1;
    QApplication::quit();
}
