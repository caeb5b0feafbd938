// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput and latency of shadowscope-sandbox over loopback, GetThingShadow and
// UpdateThingShadow (a dozen-leaf report) across 100 things, measured two ways:
// - wrk (Debian's), as the issue sets the budget: 4 kept-alive connections on one wrk thread
//   for --wrk-seconds each, authentication off (--no-auth); skipped with --wrk-seconds 0;
// - our own lean HTTP/1.1 client, each request signed with SigV4 and verified by the sandbox,
//   --requests per operation on --connections kept-alive connections, one request in flight
//   per connection (requests are signed before the clock starts).
// Prints one line per figure:
//   <name> <value> <unit>
// Usage: bench_sandbox --sandbox PATH [--requests N] [--connections C] [--wrk PATH]
//                      [--wrk-seconds S]
#include "aws/sigv4signer.h"

#include "benchfigure.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTcpSocket>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace {

const QString AccessKey = QStringLiteral("AKIDEXAMPLE");
const QString SecretKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

using MakeRequest = std::function<Aws::SignableRequest(int index)>;

struct Run
{
    qint64 elapsedNs = 0;
    std::vector<qint64> latenciesNs;
    int failures = 0;
};

QByteArray serialise(Aws::SignableRequest request, const QByteArray &host)
{
    request.headers.prepend({QByteArrayLiteral("host"), host});
    Aws::SigV4::signRequest(request, {AccessKey, SecretKey, {}}, {QStringLiteral("us-east-1"), QStringLiteral("iotdata")},
                            QDateTime::currentDateTimeUtc());
    QByteArray wire = request.method + ' ' + request.encodedPath + " HTTP/1.1\r\n";
    for (const auto &[name, value] : std::as_const(request.headers))
        wire += name + ": " + value + "\r\n";
    wire += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n\r\n" + request.body;
    return wire;
}

// One kept-alive connection: sends a request, reads the whole response, sends the next.
class Connection
{
public:
    Connection(const QUrl &endpoint, Run *run, const QElapsedTimer *clock, std::function<bool(QByteArray *)> next)
        : m_run(run), m_clock(clock), m_next(std::move(next))
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { onReadyRead(); });
        m_socket.connectToHost(endpoint.host(), quint16(endpoint.port()));
        m_socket.waitForConnected(5000);
        sendNext();
    }

private:
    void sendNext()
    {
        QByteArray request;
        if (!m_next(&request))
            return;
        m_started = m_clock->nsecsElapsed();
        m_socket.write(request);
    }
    void onReadyRead()
    {
        m_buffer += m_socket.readAll();
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const qsizetype lengthAt = m_buffer.indexOf("Content-Length: ");
        const qsizetype length = m_buffer.mid(lengthAt + 16, m_buffer.indexOf("\r\n", lengthAt) - lengthAt - 16).toLongLong();
        if (m_buffer.size() < headerEnd + 4 + length)
            return;
        m_run->latenciesNs.push_back(m_clock->nsecsElapsed() - m_started);
        if (!m_buffer.startsWith("HTTP/1.1 200"))
            ++m_run->failures;
        m_buffer.remove(0, headerEnd + 4 + length);
        sendNext();
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    Run *m_run;
    const QElapsedTimer *m_clock;
    std::function<bool(QByteArray *)> m_next;
    qint64 m_started = 0;
};

Run measure(const QUrl &endpoint, int total, int connections, const MakeRequest &make)
{
    const QByteArray host = endpoint.host().toLatin1() + ':' + QByteArray::number(endpoint.port());
    // Requests are signed before the clock starts: the figure is the server's.
    std::vector<QByteArray> wire;
    wire.reserve(total);
    for (int i = 0; i < total; ++i)
        wire.push_back(serialise(make(i), host));

    Run run;
    run.latenciesNs.reserve(total);
    int sent = 0;
    QElapsedTimer clock;
    clock.start();
    const auto next = [&](QByteArray *request) {
        if (sent == total) {
            if (int(run.latenciesNs.size()) == total)
                QCoreApplication::quit();
            return false;
        }
        *request = wire[size_t(sent++)];
        return true;
    };
    std::vector<std::unique_ptr<Connection>> pool;
    for (int i = 0; i < connections; ++i)
        pool.push_back(std::make_unique<Connection>(endpoint, &run, &clock, next));
    QCoreApplication::exec();
    run.elapsedNs = clock.nsecsElapsed();
    return run;
}

void report(const QByteArray &name, Run run)
{
    std::sort(run.latenciesNs.begin(), run.latenciesNs.end());
    const auto percentile = [&run](double p) {
        return double(run.latenciesNs.at(size_t(p * double(run.latenciesNs.size() - 1)))) / 1e6;
    };
    printFigure("sandbox_" + name + "_throughput",
                double(run.latenciesNs.size()) / (double(run.elapsedNs) / 1e9), "requests/s");
    printFigure("sandbox_" + name + "_latency_p50", percentile(0.50), "ms");
    printFigure("sandbox_" + name + "_latency_p99", percentile(0.99), "ms");
    printFigure("sandbox_" + name + "_failures", run.failures, "requests");
}

/** Starts shadowscope-sandbox with @p arguments on a free port; its endpoint, or empty. */
QUrl startSandbox(QProcess &server, const QString &program, QStringList arguments)
{
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    arguments.prepend(QStringLiteral("0"));
    arguments.prepend(QStringLiteral("--port"));
    server.start(program, arguments);
    while (server.waitForReadyRead(10000)) {
        while (server.canReadLine()) {
            const QByteArray line = server.readLine().trimmed();
            if (line.startsWith("endpoint: "))
                return QUrl::fromEncoded(line.mid(10));
        }
    }
    return {};
}

void stopSandbox(QProcess &server)
{
    server.terminate();
    server.waitForFinished(5000);
}

// wrk's request() for each operation: the same requests as ours, across 100 things.
const char *const WrkUpdate = R"(local i = 0
request = function()
  i = i + 1
  local body = '{"state":{"reported":{"temperature":' .. (18 + i % 10)
    .. ',"humidity":41.5,"fan":{"speed":' .. (i % 5)
    .. ',"mode":"auto"},"firmware":"2.4.1","uptime":' .. i .. '}}}'
  return wrk.format("POST", "/things/bench-" .. (i % 100) .. "/shadow",
                    {["Content-Type"] = "application/json"}, body)
end
)";
const char *const WrkGet = R"(local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/things/bench-" .. (i % 100) .. "/shadow")
end
)";

/** A wrk latency ("812.00us", "1.20ms", "2.01s") in milliseconds. */
double wrkMs(const QString &value, const QString &unit)
{
    const double number = value.toDouble();
    return unit == QLatin1String("us") ? number / 1000.0
        : unit == QLatin1String("s")   ? number * 1000.0
                                       : number;
}

/** Runs wrk with @p script against @p endpoint and prints its figures; false when it failed. */
bool runWrk(const QString &wrk, const QUrl &endpoint, const QByteArray &name, const char *script,
            int seconds)
{
    QTemporaryDir dir;
    const QString scriptPath = dir.filePath(QStringLiteral("request.lua"));
    QFile file(scriptPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(script) < 0)
        return false;
    file.close();
    QProcess process;
    process.start(wrk, {QStringLiteral("-t1"), QStringLiteral("-c4"),
                        QStringLiteral("-d%1s").arg(seconds), QStringLiteral("--latency"),
                        QStringLiteral("-s"), scriptPath, endpoint.toString()});
    if (!process.waitForFinished((seconds + 30) * 1000) || process.exitCode() != 0) {
        std::fprintf(stderr, "bench_sandbox: %s failed: %s\n", qPrintable(wrk),
                     process.readAllStandardError().constData());
        return false;
    }
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    static const QRegularExpression rate(QStringLiteral("^Requests/sec:\\s+([0-9.]+)"),
                                         QRegularExpression::MultilineOption);
    static const QRegularExpression p50(QStringLiteral("^\\s+50%\\s+([0-9.]+)(us|ms|s)$"),
                                        QRegularExpression::MultilineOption);
    static const QRegularExpression p99(QStringLiteral("^\\s+99%\\s+([0-9.]+)(us|ms|s)$"),
                                        QRegularExpression::MultilineOption);
    static const QRegularExpression non2xx(QStringLiteral("Non-2xx or 3xx responses: ([0-9]+)"));
    static const QRegularExpression socketErrors(QStringLiteral(
        "Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)"));
    const QRegularExpressionMatch rateMatch = rate.match(output);
    const QRegularExpressionMatch p50Match = p50.match(output);
    const QRegularExpressionMatch p99Match = p99.match(output);
    if (!rateMatch.hasMatch() || !p50Match.hasMatch() || !p99Match.hasMatch()) {
        std::fprintf(stderr, "bench_sandbox: unexpected wrk output:\n%s\n", qPrintable(output));
        return false;
    }
    double errors = non2xx.match(output).captured(1).toDouble();
    const QRegularExpressionMatch socket = socketErrors.match(output);
    for (int i = 1; socket.hasMatch() && i <= 4; ++i)
        errors += socket.captured(i).toDouble();
    printFigure("sandbox_wrk_" + name + "_throughput", rateMatch.captured(1).toDouble(),
                "requests/s");
    printFigure("sandbox_wrk_" + name + "_latency_p50",
                wrkMs(p50Match.captured(1), p50Match.captured(2)), "ms");
    printFigure("sandbox_wrk_" + name + "_latency_p99",
                wrkMs(p99Match.captured(1), p99Match.captured(2)), "ms");
    printFigure("sandbox_wrk_" + name + "_errors", errors, "requests");
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption sandbox(QStringLiteral("sandbox"), QStringLiteral("The shadowscope-sandbox executable."), QStringLiteral("PATH"));
    const QCommandLineOption requests(QStringLiteral("requests"), QStringLiteral("Requests per operation."), QStringLiteral("N"), QStringLiteral("20000"));
    const QCommandLineOption connections(QStringLiteral("connections"), QStringLiteral("Kept-alive connections."), QStringLiteral("C"), QStringLiteral("4"));
    const QCommandLineOption wrkOption(QStringLiteral("wrk"),
        QStringLiteral("The wrk executable (default: from PATH)."), QStringLiteral("PATH"),
        QStandardPaths::findExecutable(QStringLiteral("wrk")));
    const QCommandLineOption wrkSecondsOption(QStringLiteral("wrk-seconds"),
        QStringLiteral("Seconds of wrk per operation (default 10; 0: no wrk)."),
        QStringLiteral("S"), QStringLiteral("10"));
    parser.addOptions({sandbox, requests, connections, wrkOption, wrkSecondsOption});
    parser.process(app);

    const int total = parser.value(requests).toInt();
    const int pool = parser.value(connections).toInt();
    const int wrkSeconds = parser.value(wrkSecondsOption).toInt();

    if (wrkSeconds > 0) {
        if (parser.value(wrkOption).isEmpty()) {
            std::fprintf(stderr, "bench_sandbox: wrk not found (apt-get install wrk), or give "
                                 "--wrk-seconds 0\n");
            return 1;
        }
        QProcess server;
        const QUrl endpoint =
            startSandbox(server, parser.value(sandbox), {QStringLiteral("--no-auth")});
        if (endpoint.isEmpty()) {
            std::fprintf(stderr, "bench_sandbox: the sandbox did not start\n");
            return 1;
        }
        const bool ran = runWrk(parser.value(wrkOption), endpoint, "update", WrkUpdate, wrkSeconds)
            && runWrk(parser.value(wrkOption), endpoint, "get", WrkGet, wrkSeconds);
        stopSandbox(server);
        if (!ran)
            return 1;
    }

    QProcess server;
    const QUrl endpoint = startSandbox(server, parser.value(sandbox),
                                       {QStringLiteral("--access-key"), AccessKey,
                                        QStringLiteral("--secret-key"), SecretKey});
    if (endpoint.isEmpty()) {
        std::fprintf(stderr, "bench_sandbox: the sandbox did not start\n");
        return 1;
    }
    // A realistic device report (a dozen leaves) across 100 things; then reads of them.
    report("update", measure(endpoint, total, pool, [](int i) {
        const QByteArray body = QByteArrayLiteral(R"({"state":{"reported":{"temperature":)")
            + QByteArray::number(18 + i % 10) + QByteArrayLiteral(R"(,"humidity":41.5,"fan":{"speed":)")
            + QByteArray::number(i % 5) + QByteArrayLiteral(R"(,"mode":"auto"},"firmware":"2.4.1","uptime":)")
            + QByteArray::number(i) + QByteArrayLiteral("}}}");
        return Aws::SignableRequest{"POST", "/things/bench-" + QByteArray::number(i % 100) + "/shadow", {}, {}, body};
    }));
    report("get", measure(endpoint, total, pool, [](int i) {
        return Aws::SignableRequest{"GET", "/things/bench-" + QByteArray::number(i % 100) + "/shadow", {}, {}, {}};
    }));

    stopSandbox(server);
    return 0;
}
