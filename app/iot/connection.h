// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "aws/credentials.h"
#include "endpoint.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Aws {
class AwsProfiles;
class SecretStore;
}
namespace Settings {
struct ConnectionChoice;
}

namespace Iot {

class ApiCall;
class IotControlClient;
class IotDataClient;
class RequestExecutor;

/** Everything a Connection needs, found from a profile (setupFor()) or given (the sandbox). */
struct ConnectionSetup
{
    QString where;     ///< for people: "AWS · profile dev", "Sandbox · http://127.0.0.1:8443"
    QString region;
    Endpoint control;  ///< the control plane (ListThings, DescribeEndpoint), signed as "iot"
    QUrl dataUrl;      ///< the data plane; empty: found with DescribeEndpoint
    QString cacheKey;  ///< the settings key that remembers a found data endpoint; empty: none
    std::unique_ptr<Aws::CredentialsProvider> credentials;
    /** A sandbox's own throwaway key pair, which copied commands may show; empty for AWS. */
    Aws::SigningCredentials sandboxKeys;

    /**
     * The setup of an AWS profile or a Shadowscope profile as the aws CLI would find it:
     * region, endpoints and CA bundle from the choice, else the environment and the
     * profile. Nothing is sent. On a mistake returns nothing and says why in @p error.
     * @p store keeps Shadowscope profiles' secrets and must outlive the connection.
     */
    /**
     * The setup of a sandbox at @p endpoint (both planes) with its key pair, reached like
     * AWS: the same executor, signing and clients.
     */
    static ConnectionSetup forSandbox(const QUrl &endpoint, const QString &region,
                                      const QString &accessKeyId, const QString &secretAccessKey);

    static std::optional<ConnectionSetup> forChoice(const Settings::ConnectionChoice &choice,
                                                    const Aws::AwsProfiles &profiles,
                                                    Aws::SecretStore *store, QString *error);
};

/**
 * One account the window talks to: its credentials, the executor and the control and data
 * clients, sharing the one QNetworkAccessManager. start() proves the whole path before
 * anything is listed: it resolves the credentials (to say where they came from), then makes
 * a signed DescribeEndpoint (credentials, clock, TLS, signature), whose answer is also the
 * data endpoint when none was configured (remembered under ConnectionSetup::cacheKey). The
 * data client exists once the connection is Ready.
 */
class Connection final : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Ready, Failed };
    Q_ENUM(State)

    /** @p network must outlive the connection. */
    Connection(QNetworkAccessManager *network, ConnectionSetup setup, bool readOnly = false,
               QObject *parent = nullptr);
    ~Connection() override;

    void start();

    State state() const { return m_state; }
    const QString &where() const { return m_setup.where; }
    const QString &region() const { return m_setup.region; }
    /** The data endpoint: configured, or found once Ready (else empty). */
    QUrl dataEndpoint() const { return m_dataUrl; }
    /** Where the credentials came from ("profile dev in ~/.aws/credentials"); once resolved. */
    const QString &credentialSource() const { return m_credentialSource; }
    /** Why the connection failed; Kind::None unless Failed. */
    const ApiError &error() const { return m_error; }
    bool isReadOnly() const;

    /** One line for the status bar: where, the endpoint and the state or the problem. */
    QString statusText() const;
    /** "Test connection": endpoint, region, credential source and the first request's result. */
    QString report() const;

    RequestExecutor *executor() const { return m_executor.get(); }
    IotControlClient *control() const { return m_control.get(); }
    /** nullptr until Ready. */
    IotDataClient *data() const { return m_data.get(); }
    Aws::CredentialsProvider *credentials() const { return m_setup.credentials.get(); }
    const Aws::SigningCredentials &sandboxKeys() const { return m_setup.sandboxKeys; }

Q_SIGNALS:
    /** Connecting (from start()), then Ready or Failed. */
    void stateChanged(Iot::Connection::State state);

private:
    void describeEndpoint();
    void fail(const ApiError &error);

    ConnectionSetup m_setup;
    std::unique_ptr<RequestExecutor> m_executor;
    std::unique_ptr<IotControlClient> m_control;
    std::unique_ptr<IotDataClient> m_data;
    QUrl m_dataUrl;
    QString m_cachedAddress; ///< a data endpoint found by an earlier start
    QString m_credentialSource;
    QString m_firstResult;
    ApiError m_error;
    State m_state = State::Idle;
};

} // namespace Iot
