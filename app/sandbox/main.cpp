// SPDX-License-Identifier: GPL-3.0-or-later
// shadowscope-sandbox: the local AWS IoT Data Plane emulator as a standalone server.
#include "sandboxbackend.h"
#include "sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};
constexpr int QuitSignals[] = {SIGTERM, SIGINT, SIGHUP};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

// SIGTERM, SIGINT and SIGHUP quit the event loop, so the store is written before the
// process ends. A second signal, while that happens, ends the process at once.
void quitOnSignals(QCoreApplication *app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [app] {
        char byte;
        [[maybe_unused]] const auto read = ::read(signalPipe[0], &byte, 1);
        for (const int signal : QuitSignals)
            std::signal(signal, SIG_DFL);
        app->quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signal : QuitSignals)
        sigaction(signal, &action, nullptr);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "shadowscope-sandbox: %s\n", qPrintable(message));
    return 2;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("main", text);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("shadowscope-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHADOWSCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "A local emulator of the AWS IoT Data Plane API (device shadows, retained "
                "messages, publish) with ListThings and DescribeEndpoint, on 127.0.0.1."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"),
        QCoreApplication::translate("main", "Port to listen on (0, the default, picks a free one)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption data(QStringLiteral("data"),
        QCoreApplication::translate("main", "Keep the state in DIR (default: in memory only)."),
        QStringLiteral("DIR"));
    const QCommandLineOption fresh(QStringLiteral("fresh"),
        QCoreApplication::translate("main", "Discard the state stored in the data directory first."));
    const QCommandLineOption seed(QStringLiteral("seed"),
        QCoreApplication::translate("main", "Load FILE (the demo fleet's JSON format) into a new store."),
        QStringLiteral("FILE"));
    const QCommandLineOption demo(QStringLiteral("demo"),
        QCoreApplication::translate("main", "Load the built-in demo fleet into a new store."));
    const QCommandLineOption accessKey(QStringLiteral("access-key"),
        QCoreApplication::translate("main", "Access key id clients sign with (default: generated, kept in the data directory)."),
        QStringLiteral("K"));
    const QCommandLineOption secretKey(QStringLiteral("secret-key"),
        QCoreApplication::translate("main", "Secret access key clients sign with (or the environment variable SHADOWSCOPE_SANDBOX_SECRET_KEY)."), QStringLiteral("S"));
    const QCommandLineOption sessionToken(QStringLiteral("session-token"),
        QCoreApplication::translate("main", "Require this session token (default: any or none)."),
        QStringLiteral("T"));
    const QCommandLineOption noAuth(QStringLiteral("no-auth"),
        QCoreApplication::translate("main", "Accept unsigned requests (no SigV4 verification)."));
    const QCommandLineOption region(QStringLiteral("region"),
        QCoreApplication::translate("main", "Region requests must be signed for."),
        QStringLiteral("R"), QStringLiteral("us-east-1"));
    const QCommandLineOption tls(QStringLiteral("tls"),
        QCoreApplication::translate("main", "Serve HTTPS (a generated self-signed certificate unless --cert and --key)."));
    const QCommandLineOption cert(QStringLiteral("cert"),
        QCoreApplication::translate("main", "PEM certificate for --tls."), QStringLiteral("F"));
    const QCommandLineOption key(QStringLiteral("key"),
        QCoreApplication::translate("main", "PEM private key for --tls."), QStringLiteral("F"));
    const QCommandLineOption faults(QStringLiteral("faults"),
        QCoreApplication::translate("main", "Fault plan: JSON text or a JSON file (see the README)."),
        QStringLiteral("SPEC"));
    const QCommandLineOption maxDepth(QStringLiteral("max-depth"),
        QCoreApplication::translate("main", "Nesting depth limit of desired and reported."),
        QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption clock(QStringLiteral("clock"),
        QCoreApplication::translate("main", "Pin the clock to an ISO 8601 UTC time (for test vectors)."),
        QStringLiteral("TIME"));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
        QCoreApplication::translate("main", "Log one line per request to stderr."));
    const QCommandLineOption admin(QStringLiteral("admin"),
        QCoreApplication::translate("main", "Let tests replace the fault plan at run time (PUT and DELETE /_sandbox/faults, unsigned)."));
    parser.addOptions({port, data, fresh, seed, demo, accessKey, secretKey, sessionToken, noAuth,
                       region, tls, cert, key, faults, maxDepth, clock, verbose, admin});
    parser.process(app);

    Sandbox::ServerOptions options;
    bool ok = false;
    options.port = parser.value(port).toUShort(&ok);
    if (!ok)
        return fail(tr("--port must be a number from 0 to 65535"));
    options.maxDepth = parser.value(maxDepth).toInt(&ok);
    if (!ok || options.maxDepth < 1)
        return fail(tr("--max-depth must be a positive number"));
    if (parser.isSet(seed) && parser.isSet(demo))
        return fail(tr("give either --seed or --demo, not both"));
    if (parser.isSet(cert) != parser.isSet(key))
        return fail(tr("give both --cert and --key"));
    if (parser.isSet(clock)) {
        const QDateTime pinned = QDateTime::fromString(parser.value(clock), Qt::ISODate);
        if (!pinned.isValid())
            return fail(tr("--clock must be an ISO 8601 time such as 2015-08-30T12:36:00Z"));
        options.pinnedClock = pinned.toUTC();
    }
    options.dataDir = parser.value(data);
    options.fresh = parser.isSet(fresh);
    options.seedFile = parser.value(seed);
    options.demo = parser.isSet(demo);
    options.auth = !parser.isSet(noAuth);
    options.accessKeyId = parser.value(accessKey);
    // The secret may come from the environment, out of sight of other users' process lists.
    options.secretAccessKey = parser.isSet(secretKey)
        ? parser.value(secretKey)
        : qEnvironmentVariable("SHADOWSCOPE_SANDBOX_SECRET_KEY");
    options.sessionToken = parser.value(sessionToken);
    options.region = parser.value(region);
    options.tls = parser.isSet(tls) || parser.isSet(cert);
    options.certificateFile = parser.value(cert);
    options.keyFile = parser.value(key);
    options.faults = parser.value(faults);
    options.verbose = parser.isSet(verbose);
    options.adminApi = parser.isSet(admin);

    // Before anything is printed: a harness may signal as soon as it reads the endpoint.
    quitOnSignals(&app);
    Sandbox::SandboxServer server;
    QString error;
    if (!server.start(options, &error))
        return fail(error);

    std::printf("endpoint: %s\n", qPrintable(server.endpoint().toString()));
    std::printf("region: %s\n", qPrintable(server.region()));
    std::printf("access key: %s\n", qPrintable(options.auth ? server.accessKeyId() : QStringLiteral("(any: --no-auth)")));
    std::printf("secret key: %s\n", qPrintable(options.auth ? server.secretAccessKey() : QStringLiteral("(any: --no-auth)")));
    std::printf("data: %s\n", qPrintable(server.storePath().isEmpty() ? QStringLiteral("in memory")
                                                                        : server.storePath()));
    if (!server.certificatePath().isEmpty())
        std::printf("certificate: %s\n", qPrintable(server.certificatePath()));
    std::printf("things: %lld, retained topics: %lld\n",
                static_cast<long long>(server.backend()->thingCount()),
                static_cast<long long>(server.backend()->retainedCount()));
    std::fflush(stdout);

    const int status = QCoreApplication::exec();
    if (!server.flush(&error))
        return fail(error);
    return status;
}
