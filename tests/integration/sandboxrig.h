// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials.h"
#include "iot/apicall.h"
#include "iot/connection.h"
#include "iot/endpoint.h"
#include "iot/iotcontrolclient.h"
#include "iot/iotdataclient.h"
#include "iot/requestexecutor.h"
#include "iot/retrypolicy.h"
#include "requestlogentry.h"
#include "sandbox/sandboxserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>

#include <memory>

/**
 * The in-process sandbox and the client stack the integration tests run on, over real
 * loopback HTTP (or HTTPS with ServerOptions::tls, trusting only the sandbox's certificate):
 * a Sandbox::SandboxServer serving its fault-plan admin API, one QNetworkAccessManager, the
 * sandbox's key pair as static credentials, a RequestExecutor that retries at once, and the
 * data and control clients on it. Every attempt the executor makes is appended to log.
 */
class SandboxRig
{
public:
    /** The key pair the sandbox accepts unless the options given to start() name another. */
    static inline const QString AccessKey = QStringLiteral("AKIDEXAMPLE");
    static inline const QString SecretKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    /**
     * The demo fleet's options: 50 things, their shadows and 338 retained topics, kept in
     * @p dataDir (empty: in memory).
     */
    static Sandbox::ServerOptions demo(const QString &dataDir = {})
    {
        Sandbox::ServerOptions options;
        options.demo = true;
        options.dataDir = dataDir;
        return options;
    }

    /**
     * Starts the sandbox with @p options, its admin API on and the rig's key pair unless
     * they name one, and builds the client stack, which signs with that key pair and
     * ServerOptions::sessionToken. With SANDBOX_VERBOSE set in the environment the sandbox
     * logs every request on stderr. False, with a warning, when the sandbox does not start.
     */
    bool start(Sandbox::ServerOptions options = {})
    {
        if (options.accessKeyId.isEmpty()) {
            options.accessKeyId = AccessKey;
            options.secretAccessKey = SecretKey;
        }
        options.adminApi = true;
        options.verbose = options.verbose || qEnvironmentVariableIsSet("SANDBOX_VERBOSE");
        QString error;
        if (!server.start(options, &error)) {
            qWarning("sandbox did not start: %s", qPrintable(error));
            return false;
        }
        useCredentials(std::make_unique<Aws::StaticCredentialsProvider>(Aws::Credentials {
            { options.accessKeyId, options.secretAccessKey, options.sessionToken },
            std::nullopt,
            {} }));
        return true;
    }

    /** Replaces the credentials, and with them the executor and the clients; log is kept. */
    void useCredentials(std::unique_ptr<Aws::CredentialsProvider> provider)
    {
        control.reset();
        data.reset();
        executor.reset();
        credentials = std::move(provider);
        executor = std::make_unique<Iot::RequestExecutor>(&network, credentials.get());
        executor->setRetryPolicy(Iot::RetryPolicy([] { return 0.0; })); // retries at once
        QObject::connect(executor.get(), &Iot::RequestExecutor::attemptFinished, executor.get(),
                         [this](const Iot::RequestLogEntry &entry) { log.append(entry); });
        data = std::make_unique<Iot::IotDataClient>(executor.get(),
                                                    endpoint(QStringLiteral("iotdata")));
        control = std::make_unique<Iot::IotControlClient>(executor.get(),
                                                          endpoint(QStringLiteral("iot")));
    }

    /** The sandbox as the endpoint of @p service ("iotdata" or "iot"). */
    Iot::Endpoint endpoint(const QString &service) const
    {
        Iot::Endpoint endpoint { server.endpoint(), { server.region(), service }, {} };
        if (!server.certificate().isNull())
            endpoint.caCertificates = { server.certificate() };
        return endpoint;
    }

    /** The sandbox's connection as the application makes it (its own executor and clients). */
    Iot::ConnectionSetup connectionSetup() const
    {
        return Iot::ConnectionSetup::forSandbox(server.endpoint(), server.region(),
                                                server.accessKeyId(), server.secretAccessKey());
    }

    /** PUTs the fault plan @p plan to /_sandbox/faults, or DELETEs it when empty; true on 200. */
    bool setFaults(const QByteArray &plan)
    {
        QNetworkRequest request(
            server.endpoint().resolved(QUrl(QStringLiteral("/_sandbox/faults"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        if (!server.certificate().isNull()) {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setCaCertificates({ server.certificate() });
            request.setSslConfiguration(tls);
        }
        QNetworkReply *reply
            = plan.isEmpty() ? network.deleteResource(request) : network.put(request, plan);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        const bool ok = finished.wait(5000)
            && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
        reply->deleteLater();
        return ok;
    }

    /** Each logged attempt's operation, in order. */
    QStringList operations() const
    {
        QStringList names;
        for (const Iot::RequestLogEntry &entry : log)
            names.append(entry.operation);
        return names;
    }

    /** Waits (up to 10 s) for @p call; true when it succeeded. */
    static bool succeeds(Iot::ApiCall *call)
    {
        QSignalSpy finished(call, &Iot::ApiCall::finished);
        return finished.wait(10000) && !call->error().isError();
    }

    Sandbox::SandboxServer server;
    QNetworkAccessManager network;
    std::unique_ptr<Aws::CredentialsProvider> credentials;
    std::unique_ptr<Iot::RequestExecutor> executor;
    std::unique_ptr<Iot::IotDataClient> data;
    std::unique_ptr<Iot::IotControlClient> control;
    QList<Iot::RequestLogEntry> log; ///< every attempt, across useCredentials()
};

/**
 * Asks a paging model (ThingsModel, RetainedTopicsModel) for every page, as a view scrolled
 * to its end would, waiting up to 10 s for each; false on an error, or when the model is not
 * complete after @p maxPages requests.
 */
template<class Model>
bool loadAllPages(Model *model, int maxPages = 20)
{
    for (int pages = 0; pages < maxPages; ++pages) {
        if (!QTest::qWaitFor([model] { return !model->isLoading(); }, 10000)
            || !model->errorMessage().isEmpty())
            return false;
        if (model->isComplete())
            return true;
        if (model->canFetchMore({}))
            model->fetchMore({});
    }
    return false;
}
