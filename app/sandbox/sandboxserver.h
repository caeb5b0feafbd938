// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandboxbackend.h"
#include "shadow/validationerror.h"

#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>
#include <variant>

class QHttpServerRequest;
class QLockFile;
class QTcpSocket;

namespace Sandbox {

struct Fault;
class FaultPlan;
class SandboxStore;
class SigV4Verifier;

/** How to run the emulator; the command line of shadowscope-sandbox maps onto it. */
struct ServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;              ///< 0: any free port
    QString dataDir;               ///< empty: state lives in memory only
    bool fresh = false;            ///< discard the stored state first
    QString seedFile;              ///< loaded into a new (empty) store
    bool demo = false;             ///< the built-in demo fleet into a new store
    bool auth = true;              ///< verify SigV4 on every request
    QString accessKeyId;           ///< empty: generated (and kept in dataDir)
    QString secretAccessKey;
    QString sessionToken;          ///< empty: any session token is accepted
    QString region = QStringLiteral("us-east-1");
    bool tls = false;
    QString certificateFile;       ///< with tls: PEM files; empty: a generated self-signed pair
    QString keyFile;
    QString faults;                ///< a fault plan: JSON text or the path of a JSON file
    int maxDepth = 8;
    std::optional<QDateTime> pinnedClock;
    bool verbose = false;          ///< one line per request on stderr
    bool adminApi = false;         ///< serve /_sandbox/faults (for tests), unsigned
};

/**
 * The local AWS IoT Data Plane emulator (IOT-DATA-PLANE.md sections 2 to 7): the seven
 * data-plane operations, ListThings and DescribeEndpoint, on 127.0.0.1 over HTTP or HTTPS.
 * Routes on the raw, still-encoded path, verifies SigV4, applies the fault plan, and keeps
 * its state in a data directory (one sandbox per directory). With ServerOptions::adminApi,
 * tests may replace the fault plan at run time with PUT /_sandbox/faults (DELETE clears it).
 * Unsigned requests are answered only when addressed to a loopback name.
 */
class SandboxServer final : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    /** Loads the state and starts listening; false and @p error when it cannot. */
    bool start(const ServerOptions &options, QString *error);

    QUrl endpoint() const;
    QString region() const;
    QString accessKeyId() const;
    QString secretAccessKey() const;
    /** With TLS: the certificate clients should trust. */
    QSslCertificate certificate() const;
    /** With TLS and a data directory: where that certificate is stored as PEM. */
    QString certificatePath() const;
    /** Where the state is kept; empty when in memory. */
    QString storePath() const;

    SandboxBackend *backend() const;

    /** The emulated operations' names, as fault plans and logs use them. */
    static QStringList operationNames();

    /** A fault plan from its JSON text, checked against the operation names. */
    static std::optional<FaultPlan> parseFaultPlan(const QByteArray &json, QString *error);

    /** Writes pending state to the data directory now (on shutdown). */
    bool flush(QString *error);

private:
    class HttpFrontend;
    struct Reply;
    struct Route;

    void handleRequest(const QHttpServerRequest &request, QTcpSocket *socket);
    void respond(const QHttpServerRequest &request, QTcpSocket *socket, const Reply &reply,
                 const QByteArray &requestId, const std::optional<Fault> &fault);
    std::variant<Route, Reply> route(const QHttpServerRequest &request, const QByteArray &requestId);
    std::optional<Shadow::ValidationError> authenticate(const Route &target,
                                                        const QHttpServerRequest &request) const;
    Reply execute(const Route &target, const QHttpServerRequest &request,
                  const QByteArray &requestId);
    Result publish(const Route &target, const QHttpServerRequest &request);
    Reply handleAdmin(const QHttpServerRequest &request, const QByteArray &requestId);
    static Reply faultReply(int status, const QByteArray &requestId);
    QDateTime now() const;
    bool setUpCredentials(QString *error);
    bool setUpFaults(QString *error);
    bool setUpTls(QString *error);
    bool setUpState(QString *error);

    ServerOptions m_options;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<HttpFrontend> m_http;
    std::unique_ptr<SandboxBackend> m_backend;
    std::unique_ptr<SandboxStore> m_store;
    std::unique_ptr<FaultPlan> m_faults;
    std::unique_ptr<SigV4Verifier> m_verifier;
    QSslCertificate m_certificate;
    QString m_certificatePath;
    quint16 m_port = 0;
};

} // namespace Sandbox
