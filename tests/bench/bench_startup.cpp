// SPDX-License-Identifier: GPL-3.0-or-later
// Cold start of the application: `shadowscope --sandbox DIR --startup-report` on the offscreen
// platform, --runs times, each with a new HOME and a new sandbox directory (so the sandbox
// starts with the demo fleet, as on a first start). The application connects to its sandbox,
// waits for the first pages of things and retained topics, paints its main window and prints
// "startup: <ms> ms, <KiB> KiB resident, connected". Figures: the wall time from starting the
// process to that line (measured here, so process creation and loading the libraries count),
// the application's own figure since its process started (10 ms steps), and its resident
// memory then; the median of the runs, the best and the first (the coldest). Prints one line
// per figure:
//   <name> <value> <unit>
// Usage: bench_startup --app PATH [--runs N]
#include "benchfigure.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace {

struct Start
{
    double wallMs = 0;
    double reportedMs = 0;
    double residentMb = 0;
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 == 1 ? values.at(middle)
                                   : (values.at(middle - 1) + values.at(middle)) / 2;
}

/** One start of @p app; nothing when it did not report a connected start. */
std::optional<Start> startOnce(const QString &app)
{
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess process;
    process.setProcessEnvironment(environment);
    QElapsedTimer clock;
    clock.start();
    process.start(app, {QStringLiteral("--sandbox"), QStringLiteral("--startup-report"),
                        home.filePath(QStringLiteral("sandbox"))});
    static const QRegularExpression report(
        QStringLiteral("^startup: ([0-9.-]+) ms, ([0-9-]+) KiB resident, connected$"));
    while (process.waitForReadyRead(30000)) {
        while (process.canReadLine()) {
            const QString line = QString::fromUtf8(process.readLine()).trimmed();
            const QRegularExpressionMatch match = report.match(line);
            if (!match.hasMatch())
                continue;
            Start start;
            start.wallMs = double(clock.nsecsElapsed()) / 1e6;
            start.reportedMs = match.captured(1).toDouble();
            start.residentMb = match.captured(2).toDouble() / 1024.0;
            process.waitForFinished(10000);
            return start;
        }
    }
    std::fprintf(stderr, "bench_startup: %s did not report a connected start:\n%s\n",
                 qPrintable(app), process.readAllStandardError().constData());
    process.kill();
    process.waitForFinished(5000);
    return std::nullopt;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Cold start of shadowscope --sandbox to its first painted window"));
    parser.addHelpOption();
    const QCommandLineOption appOption(QStringLiteral("app"),
                                       QStringLiteral("The shadowscope executable."),
                                       QStringLiteral("PATH"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Starts (default 11)."),
                                        QStringLiteral("N"), QStringLiteral("11"));
    parser.addOptions({appOption, runsOption});
    parser.process(app);
    if (!parser.isSet(appOption)) {
        std::fprintf(stderr, "bench_startup: --app is required\n");
        return 2;
    }
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QList<double> wall;
    QList<double> reported;
    QList<double> resident;
    for (int run = 0; run < runs; ++run) {
        const std::optional<Start> start = startOnce(parser.value(appOption));
        if (!start)
            return 1;
        wall.append(start->wallMs);
        reported.append(start->reportedMs);
        resident.append(start->residentMb);
    }
    printFigure("startup_first_paint_ms", median(wall), "ms");
    printFigure("startup_first_paint_best_ms", *std::min_element(wall.cbegin(), wall.cend()), "ms");
    printFigure("startup_first_paint_first_run_ms", wall.first(), "ms");
    printFigure("startup_reported_by_app_ms", median(reported), "ms");
    printFigure("startup_rss_mb", median(resident), "MB");
    return 0;
}
