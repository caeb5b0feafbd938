// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"

#include "aws/credentials.h"
#include "iot/apicall.h"
#include "iot/iotcontrolclient.h"
#include "iot/requestexecutor.h"
#include "mainwindow.h"
#include "sandbox/sandboxserver.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QNetworkAccessManager>
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
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        tr("Render the main window offscreen once it has loaded, save it as a PNG and exit."),
        QStringLiteral("FILE"));
    parser.addOptions({sandbox, screenshot});
    parser.addPositionalArgument(QStringLiteral("DIR"),
                                 tr("With --sandbox: the sandbox's data directory."),
                                 QStringLiteral("[DIR]"));
    parser.process(arguments);

    LaunchOptions options;
    options.sandbox = parser.isSet(sandbox);
    options.screenshotFile = parser.value(screenshot);
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
        m_window->setEndpointDescription(
            tr("Not connected · start with --sandbox to explore the local sandbox"));
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

// The sandbox is reached like AWS: a signed DescribeEndpoint through the one
// QNetworkAccessManager proves the whole path before the window says "connected".
void Application::connectToSandbox()
{
    const QString where = tr("Sandbox · %1 · %2").arg(m_sandbox->endpoint().toString(),
                                                      m_sandbox->region());
    m_window->setEndpointDescription(tr("%1 · connecting…").arg(where));
    m_credentials = std::make_unique<Aws::StaticCredentialsProvider>(Aws::Credentials{
        {m_sandbox->accessKeyId(), m_sandbox->secretAccessKey(), {}}, std::nullopt,
        tr("the sandbox's key pair")});
    m_executor = std::make_unique<Iot::RequestExecutor>(m_network.get(), m_credentials.get());
    m_control = std::make_unique<Iot::IotControlClient>(
        m_executor.get(),
        Iot::Endpoint{m_sandbox->endpoint(), {m_sandbox->region(), QStringLiteral("iot")}, {}});
    Iot::ApiCall *call = m_control->describeEndpoint();
    connect(call, &Iot::ApiCall::finished, this, [this, call, where] {
        m_window->setEndpointDescription(
            call->error().isError() ? tr("%1 · %2").arg(where, call->error().userMessage())
                                    : tr("%1 · connected").arg(where));
        settled();
    });
}

void Application::settled()
{
    if (!m_options.screenshotFile.isEmpty())
        QTimer::singleShot(0, this, &Application::saveScreenshot);
}

void Application::saveScreenshot()
{
    if (!m_window->grab().save(m_options.screenshotFile, "PNG")) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("shadowscope: cannot write %1").arg(m_options.screenshotFile)));
        m_exitCode = 1;
    }
    QApplication::quit();
}
