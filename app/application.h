// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

class MainWindow;
class QNetworkAccessManager;

namespace Aws {
class SecretStore;
}
namespace Iot {
class Connection;
}
namespace Settings {
struct ConnectionChoice;
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
    bool readOnly = false;   ///< refuse every write before it is sent
    QString thing;           ///< open this thing once connected
    QString shadow;          ///< with thing: select this shadow ("classic": the unnamed one)
    QString topic;           ///< open this retained message once connected
    bool startupReport = false; ///< diagnostics: report the start-up time and memory, then exit
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
    /** What to connect to at start: the command line's, else the last one, else none. */
    std::optional<Settings::ConnectionChoice> initialChoice() const;
    /** Builds (does not start) a connection; nullptr and @p error when it cannot be made. */
    std::unique_ptr<Iot::Connection> makeConnection(const Settings::ConnectionChoice &choice,
                                                    QString *error);
    /** Replaces the window's connection with one to @p choice and starts it. */
    void connectWith(const Settings::ConnectionChoice &choice);
    void onConnectionStateChanged(const Settings::ConnectionChoice &choice);
    /** Counts @p finished of @p sender among the loads a screenshot waits for. */
    template<class Sender>
    void awaitLoad(Sender *sender, void (Sender::*finished)());
    /** The initial loads are done: time for a requested screenshot. */
    void settled();
    void saveScreenshot();
    /**
     * --startup-report: paints the window (its first paint with the first pages shown), prints
     * the milliseconds since the process started and the resident memory, and quits.
     */
    void reportStartup();

    LaunchOptions m_options;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Aws::SecretStore> m_secrets;
    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<Iot::Connection> m_connection;
    std::unique_ptr<MainWindow> m_window; ///< goes first: it shows the connection
    int m_exitCode = 0;
    int m_pendingLoads = 0;
    bool m_openedFromCommandLine = false;
};
