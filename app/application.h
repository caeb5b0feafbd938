// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class MainWindow;
class QNetworkAccessManager;

namespace Aws {
class CredentialsProvider;
}
namespace Iot {
struct Endpoint;
class IotControlClient;
class RequestExecutor;
}
namespace Sandbox {
class SandboxServer;
}

/** What the command line asked for. */
struct LaunchOptions
{
    bool sandbox = false;
    QString sandboxDir;      ///< empty: the default under the user's data directory
    QString profile;         ///< AWS: empty for AWS_PROFILE, else "default"
    QString region;          ///< AWS: empty for the environment's or the profile's
    QString endpointUrl;     ///< AWS: the data endpoint; empty to configure or discover
    QString caFile;          ///< AWS: PEM authorities to trust instead of the system's
    QString screenshotFile;  ///< render the window to this PNG and exit
};

/**
 * The composition root: builds the one QNetworkAccessManager, the optional in-process
 * sandbox and the main window, and passes them down. No singletons.
 */
class Application final : public QObject
{
    Q_OBJECT
public:
    explicit Application(LaunchOptions options);
    ~Application() override;

    /** Parses the command line; exits the process for --help, --version and mistakes. */
    static LaunchOptions parseCommandLine(const QStringList &arguments);

    /** Runs the application; returns the process exit code. */
    int run();

private:
    bool startSandbox(QString *error);
    void connectToSandbox();
    void connectToAws();
    void connectTo(const QString &where, const Iot::Endpoint &control, const QUrl &data,
                   const QString &cacheKey);
    /** The initial loads are done: time for a requested screenshot. */
    void settled();
    void saveScreenshot();

    LaunchOptions m_options;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<Aws::CredentialsProvider> m_credentials;
    std::unique_ptr<Iot::RequestExecutor> m_executor;
    std::unique_ptr<Iot::IotControlClient> m_control;
    std::unique_ptr<MainWindow> m_window;
    int m_exitCode = 0;
};
