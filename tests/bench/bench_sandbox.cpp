// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput and latency of shadowscope-sandbox over loopback: GetThingShadow and
// UpdateThingShadow, each request signed with SigV4, on C kept-alive connections with one
// request in flight per connection. The client is a lean HTTP/1.1 writer and reader, so the
// figures are the sandbox's, not the client's. Prints one line per figure:
//   <name> <value> <unit>
// Usage: bench_sandbox --sandbox PATH [--requests N] [--connections C]
#include "aws/sigv4signer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
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

void report(const char *name, Run run)
{
    std::sort(run.latenciesNs.begin(), run.latenciesNs.end());
    const auto percentile = [&run](double p) {
        return double(run.latenciesNs.at(size_t(p * double(run.latenciesNs.size() - 1)))) / 1e6;
    };
    std::printf("sandbox_%s_throughput %.0f requests/s\n", name,
                double(run.latenciesNs.size()) / (double(run.elapsedNs) / 1e9));
    std::printf("sandbox_%s_latency_p50 %.3f ms\n", name, percentile(0.50));
    std::printf("sandbox_%s_latency_p99 %.3f ms\n", name, percentile(0.99));
    std::printf("sandbox_%s_failures %d requests\n", name, run.failures);
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
    parser.addOptions({sandbox, requests, connections});
    parser.process(app);

    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(parser.value(sandbox), {QStringLiteral("--port"), QStringLiteral("0"),
                                         QStringLiteral("--access-key"), AccessKey,
                                         QStringLiteral("--secret-key"), SecretKey});
    QUrl endpoint;
    while (endpoint.isEmpty() && server.waitForReadyRead(10000)) {
        while (server.canReadLine()) {
            const QByteArray line = server.readLine().trimmed();
            if (line.startsWith("endpoint: "))
                endpoint = QUrl::fromEncoded(line.mid(10));
        }
    }
    if (endpoint.isEmpty()) {
        std::fprintf(stderr, "bench_sandbox: the sandbox did not start\n");
        return 1;
    }

    const int total = parser.value(requests).toInt();
    const int pool = parser.value(connections).toInt();
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

    server.terminate();
    server.waitForFinished(5000);
    return 0;
}
