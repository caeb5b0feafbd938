// SPDX-License-Identifier: GPL-3.0-or-later
// SigV4 signing speed: Aws::SigV4::signRequest on a small GET (/things/lamp-01/shadow?name=config)
// and on a 128 KB POST (/topics/site%2Fberlin-1%2Fbulk, 131072-byte body), against botocore's
// SigV4Auth on the same two requests (botocore_signing.py, run with Debian's python3) and
// against the SHA-256 bound of the POST (openssl speed, 131072-byte blocks). Each C++
// iteration signs a fresh copy of the unsigned request; each figure is the best of --runs.
// Prints one line per figure:
//   <name> <value> <unit>
// and the two ratios: get_speedup_over_botocore (goal >= 25) and
// post_128k_fraction_of_sha256_bound (goal >= 0.9).
// Usage: bench_signing [--seconds S] [--runs N] [--python PATH] [--openssl PATH]
#include "aws/sigv4signer.h"

#include "benchfigure.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>

namespace {

const Aws::SigningCredentials Credentials{
    QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), {}};
const Aws::SigningScope Scope{QStringLiteral("us-east-1"), QStringLiteral("iotdata")};
const QByteArray Host = QByteArrayLiteral("abc123example-ats.iot.us-east-1.amazonaws.com");

/** Requests per second of signRequest on copies of @p unsigned, for about @p seconds. */
double signingRate(const Aws::SignableRequest &unsignedRequest, const QDateTime &now,
                   double seconds)
{
    const auto budgetNs = qint64(seconds * 1e9);
    qint64 count = 0;
    QElapsedTimer clock;
    clock.start();
    qint64 elapsedNs = 0;
    do {
        for (int i = 0; i < 64; ++i) {
            Aws::SignableRequest request = unsignedRequest;
            Aws::SigV4::signRequest(request, Credentials, Scope, now);
        }
        count += 64;
        elapsedNs = clock.nsecsElapsed();
    } while (elapsedNs < budgetNs);
    return double(count) * 1e9 / double(elapsedNs);
}

/** The figures botocore_signing.py prints, by name; empty when it failed. */
QHash<QString, double> botocoreRates(const QString &python, double seconds, int runs)
{
    QProcess process;
    // -E -s: the interpreter's own botocore, whatever PYTHONPATH or ~/.local hold.
    process.start(python, {QStringLiteral("-E"), QStringLiteral("-s"),
                           QStringLiteral(BOTOCORE_SIGNING_SCRIPT), QStringLiteral("--seconds"),
                           QString::number(seconds), QStringLiteral("--runs"),
                           QString::number(runs)});
    QHash<QString, double> rates;
    if (!process.waitForFinished(600000) || process.exitCode() != 0) {
        std::fprintf(stderr, "bench_signing: %s failed: %s\n", qPrintable(python),
                     process.readAllStandardError().constData());
        return rates;
    }
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() == 3)
            rates.insert(QString::fromLatin1(fields.at(0)), fields.at(1).toDouble());
    }
    return rates;
}

/** SHA-256 throughput over 131072-byte blocks in bytes per second (openssl speed), or 0. */
double sha256BytesPerSecond(const QString &openssl)
{
    QProcess process;
    process.start(openssl, {QStringLiteral("speed"), QStringLiteral("-bytes"),
                            QStringLiteral("131072"), QStringLiteral("-seconds"),
                            QStringLiteral("1"), QStringLiteral("-evp"), QStringLiteral("sha256")});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return 0.0;
    // The last line: "sha256   1661939.46k" (thousands of bytes per second).
    static const QRegularExpression figure(QStringLiteral("^sha256\\s+([0-9.]+)k\\s*$"),
                                           QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match =
        figure.match(QString::fromLatin1(process.readAllStandardOutput()));
    return match.hasMatch() ? match.captured(1).toDouble() * 1000.0 : 0.0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("SigV4 signing speed against botocore and SHA-256"));
    parser.addHelpOption();
    const QCommandLineOption secondsOption(
        QStringLiteral("seconds"), QStringLiteral("Seconds per measurement (default 1)."),
        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption runsOption(
        QStringLiteral("runs"), QStringLiteral("Runs per figure, the best kept (default 3)."),
        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption pythonOption(
        QStringLiteral("python"), QStringLiteral("Python with botocore (default /usr/bin/python3)"),
        QStringLiteral("PATH"), QStringLiteral("/usr/bin/python3"));
    const QCommandLineOption opensslOption(
        QStringLiteral("openssl"), QStringLiteral("The openssl command (default: from PATH)."),
        QStringLiteral("PATH"), QStandardPaths::findExecutable(QStringLiteral("openssl")));
    parser.addOptions({secondsOption, runsOption, pythonOption, opensslOption});
    parser.process(app);
    const double seconds = parser.value(secondsOption).toDouble();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    if (seconds <= 0) {
        std::fprintf(stderr, "bench_signing: --seconds must be positive\n");
        return 2;
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Aws::SignableRequest get{
        "GET", "/things/lamp-01/shadow", "name=config", {{"Host", Host}}, {}};
    QByteArray body(131072, Qt::Uninitialized);
    for (qsizetype i = 0; i < body.size(); ++i)
        body[i] = char(i % 256);
    const Aws::SignableRequest post{
        "POST", "/topics/site%2Fberlin-1%2Fbulk", "qos=1", {{"Host", Host}}, body};

    // The POST and its SHA-256 bound are measured in turn, so both see the same machine load.
    double getRate = 0;
    double postRate = 0;
    double sha256Rate = 0;
    for (int run = 0; run < runs; ++run) {
        getRate = std::max(getRate, signingRate(get, now, seconds));
        postRate = std::max(postRate, signingRate(post, now, seconds));
        sha256Rate = std::max(sha256Rate, sha256BytesPerSecond(parser.value(opensslOption)));
    }
    printFigure("sigv4_get", getRate, "requests/s");
    printFigure("sigv4_post_128k", postRate, "requests/s");

    const QHash<QString, double> botocore =
        botocoreRates(parser.value(pythonOption), seconds, runs);
    const double botocoreGet = botocore.value(QStringLiteral("botocore_get"));
    const double botocorePost = botocore.value(QStringLiteral("botocore_post_128k"));
    printFigure("botocore_get", botocoreGet, "requests/s");
    printFigure("botocore_post_128k", botocorePost, "requests/s");

    printFigure("openssl_sha256", sha256Rate, "bytes/s");
    const double bound = sha256Rate / double(body.size());
    printFigure("sha256_bound_128k", bound, "requests/s");

    if (botocoreGet <= 0 || bound <= 0) {
        std::fprintf(stderr, "bench_signing: no botocore or openssl figure to compare with\n");
        return 1;
    }
    printFigure("get_speedup_over_botocore", getRate / botocoreGet, "x");
    printFigure("post_128k_speedup_over_botocore", postRate / botocorePost, "x");
    printFigure("post_128k_fraction_of_sha256_bound", postRate / bound, "ratio");
    return 0;
}
