// SPDX-License-Identifier: GPL-3.0-or-later
// The Retained and Things panes end to end on a real sandbox: shadowscope-sandbox started as
// a process of its own from a generated seed with --topics retained topics (10,000 by
// default, shaped site-<s>/device-<d>/<sensor>: 20 sites, 5 sensors a device) and --things
// things (3,000 by default); the client stack the application uses (Iot::Connection: SigV4,
// RequestExecutor, IotDataClient and IotControlClient) over loopback HTTP; the real
// RetainedPane and ThingsPane shown on the offscreen platform.
//
// Retained, each figure the median of --runs: from setDataClient() to the first page painted
// in the tree, and to all pages (200 topics each, as the application asks for them) applied
// and painted, each page asked for as soon as the one before arrived, as a view scrolled to
// its end would; the longest the event loop was busy meanwhile (the largest gap between the
// ticks of a 1 ms timer, the worst of all runs); the process's resident memory once all are
// loaded. With --aws-runs, the aws CLI v2 lists the same topics from the same sandbox
// (`aws iot-data list-retained-messages --page-size 200`), its runs interleaved with ours, and
// the ratio of the medians is printed. Then the filter: "device-00010" typed a key at a time
// and cleared with Backspace, --keystroke-runs times; each keystroke timed from the key press
// to the end of the view's repaint, less the deliberate debounce pause (the time from the key
// press handled to the debounce timer firing); p95 and worst.
// Things: ListThings pages of 100 (the application's) until all are in the pane, then the
// filter typed likewise ("sensor-12").
// Prints one line per figure:
//   <name> <value> <unit>
// Usage: bench_panes --sandbox PATH [--topics N] [--things N] [--runs N] [--aws-runs N]
//                    [--aws PATH] [--keystroke-runs N]
#include "iot/connection.h"
#include "iot/thingspagesource.h"
#include "retainedpane.h"
#include "retainedtopicsmodel.h"
#include "thingsmodel.h"
#include "thingspane.h"

#include "benchfigure.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>

namespace {

const QString AccessKey = QStringLiteral("AKIDEXAMPLE");
const QString SecretKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
const QString Region = QStringLiteral("us-east-1");
constexpr int Sites = 20;
const char *const Sensors[] = { "temperature", "humidity", "pressure", "battery", "status" };

/** Nanoseconds on one clock shared by everything that is timed. */
qint64 now()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer started;
        started.start();
        return started;
    }();
    return clock.nsecsElapsed();
}

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 == 1 ? values.at(middle)
                                   : (values.at(middle - 1) + values.at(middle)) / 2;
}

/** The nearest-rank percentile @p p (0 < p ≤ 1) of @p values. */
double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(p * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

/** The process's resident memory in MB (VmRSS of /proc/self/status). */
double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

/**
 * Runs the event loop until @p done holds (asked every millisecond by a precise timer) or
 * @p timeoutMs pass; false on the timeout. @p worstGapMs, when given, gets the largest gap
 * between two ticks: the longest the loop was kept from its timers.
 */
bool runUntil(const std::function<bool()> &done, int timeoutMs, double *worstGapMs = nullptr)
{
    QEventLoop loop;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    const qint64 started = now();
    qint64 last = started;
    double worst = 0;
    bool finished = false;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        const qint64 at = now();
        worst = std::max(worst, ms(at - last));
        last = at;
        if (done()) {
            finished = true;
            loop.quit();
        } else if (ms(at - started) > timeoutMs) {
            loop.quit();
        }
    });
    tick.start();
    loop.exec();
    if (worstGapMs)
        *worstGapMs = worst;
    return finished;
}

/**
 * The start and end of each paint of a widget: an event filter sends the paint event on
 * itself (through the other filters, such as the one by which a scroll area paints its
 * viewport), so the end is known, and calls onPainted after each.
 */
class PaintClock final : public QObject
{
public:
    explicit PaintClock(QWidget *widget)
    {
        widget->installEventFilter(this);
    }
    qint64 lastStart = -1;
    qint64 lastEnd = -1;
    std::function<void()> onPainted;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_painting)
            return false;
        m_painting = true;
        lastStart = now();
        QCoreApplication::sendEvent(watched, event);
        lastEnd = now();
        m_painting = false;
        if (onPainted)
            onPainted();
        return true;
    }

private:
    bool m_painting = false;
};

/**
 * When one of a pane's single-shot timers (the filter's debounce) fires: it runs the timer
 * itself from an event filter, then asks @p viewport for a repaint, so that a keystroke
 * that changes nothing visible is still timed to a paint.
 */
class DebounceClock final : public QObject
{
public:
    DebounceClock(QWidget *pane, QWidget *viewport)
        : m_viewport(viewport)
    {
        for (QTimer *timer : pane->findChildren<QTimer *>(Qt::FindDirectChildrenOnly))
            if (timer->isSingleShot())
                timer->installEventFilter(this);
    }
    qint64 fired = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Timer)
            return false;
        if (fired < 0)
            fired = now();
        watched->event(event);
        m_viewport->update();
        return true;
    }

private:
    QWidget *m_viewport;
};

/**
 * Types @p text into @p filter a key at a time, then selects it all and deletes it with
 * Backspace; appends each keystroke's time to @p times (see the file's comment). False when
 * a repaint did not come.
 */
bool typeFilter(QWidget *pane, QLineEdit *filter, QAbstractItemView *view, const QString &text,
                QList<double> *times)
{
    PaintClock paints(view->viewport());
    DebounceClock debounce(pane, view->viewport());
    filter->setFocus();
    const auto keystroke = [&](const std::function<void()> &press) {
        debounce.fired = -1;
        const qint64 pressed = now();
        press();
        const qint64 handled = now();
        if (!runUntil([&] { return debounce.fired >= 0 && paints.lastStart >= debounce.fired; },
                      5000))
            return false;
        times->append(ms(handled - pressed) + ms(paints.lastEnd - debounce.fired));
        return true;
    };
    for (const QChar character : text)
        if (!keystroke([&] { QTest::keyClick(filter, character.toLatin1()); }))
            return false;
    QTest::keyClick(filter, Qt::Key_A, Qt::ControlModifier);
    return keystroke([&] { QTest::keyClick(filter, Qt::Key_Backspace); });
}

/** A figure's name: "retained_10k_…" for 10,000 topics. */
QByteArray named(const char *what, int count, const char *figure)
{
    const QByteArray amount = count % 1000 == 0 ? QByteArray::number(count / 1000) + 'k'
                                                : QByteArray::number(count);
    return QByteArray(what) + '_' + amount + '_' + figure;
}

QString topicName(int i, int topics)
{
    const int sensors = int(std::size(Sensors));
    const int devicesPerSite = std::max(1, topics / (Sites * sensors));
    return QStringLiteral("site-%1/device-%2/%3")
        .arg(i / (sensors * devicesPerSite), 2, 10, QLatin1Char('0'))
        .arg((i / sensors) % devicesPerSite, 5, 10, QLatin1Char('0'))
        .arg(QLatin1String(Sensors[i % sensors]));
}

/** The sandbox's seed (the demo fleet's format) with @p topics topics and @p things things. */
QByteArray seed(int topics, int things)
{
    QJsonArray retained;
    for (int i = 0; i < topics; ++i)
        retained.append(QJsonObject{ { QStringLiteral("topic"), topicName(i, topics) },
                                     { QStringLiteral("qos"), i % 2 },
                                     { QStringLiteral("payloadText"), QString::number(20 + i % 10) },
                                     { QStringLiteral("ageSeconds"), i % 86400 } });
    QJsonArray fleet;
    for (int i = 0; i < things; ++i)
        fleet.append(QJsonObject{
            { QStringLiteral("thingName"), QStringLiteral("sensor-%1").arg(i, 4, 10, QLatin1Char('0')) },
            { QStringLiteral("thingTypeName"), QStringLiteral("Sensor") },
            { QStringLiteral("attributes"),
              QJsonObject{ { QStringLiteral("site"), QStringLiteral("site-%1").arg(i % Sites) } } } });
    return QJsonDocument(QJsonObject{ { QStringLiteral("retained"), retained },
                                      { QStringLiteral("things"), fleet } })
        .toJson(QJsonDocument::Compact);
}

/** Starts shadowscope-sandbox on @p seedFile; its endpoint, or empty when it did not start. */
QUrl startSandbox(QProcess &server, const QString &program, const QString &seedFile)
{
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(program, { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"),
                            seedFile, QStringLiteral("--access-key"), AccessKey,
                            QStringLiteral("--secret-key"), SecretKey });
    while (server.waitForReadyRead(60000)) {
        while (server.canReadLine()) {
            const QByteArray line = server.readLine().trimmed();
            if (line.startsWith("endpoint: "))
                return QUrl::fromEncoded(line.mid(10));
        }
    }
    return {};
}

struct Listing
{
    double firstPageMs = 0;
    double allMs = 0;
    double worstStallMs = 0;
};

/** One listing of every retained topic of @p client into @p pane (see the file's comment). */
std::optional<Listing> listRetained(RetainedPane &pane, Iot::IotDataClient *client, int topics)
{
    auto *view = pane.findChild<QTreeView *>(QStringLiteral("retainedView"));
    RetainedTopicsModel *model = pane.model();
    pane.setDataClient(nullptr);
    PaintClock paints(view->viewport());
    qint64 firstPage = -1;
    qint64 applied = -1;
    qint64 all = -1;
    paints.onPainted = [&] {
        if (firstPage < 0 && model->topicCount() > 0)
            firstPage = paints.lastEnd;
        if (applied >= 0 && all < 0 && paints.lastStart >= applied)
            all = paints.lastEnd;
    };
    const QMetaObject::Connection next =
        QObject::connect(&pane, &RetainedPane::loadFinished, &pane, [&] {
            if (model->canFetchMore({}))
                model->fetchMore({});
            else if (model->isComplete() && applied < 0)
                applied = now();
            view->viewport()->update();
        });
    const qint64 started = now();
    pane.setDataClient(client);
    const double setMs = ms(now() - started);
    Listing listing;
    const bool finished = runUntil([&] { return all >= 0 || !model->errorMessage().isEmpty(); },
                                   120000, &listing.worstStallMs);
    QObject::disconnect(next);
    if (!finished || !model->errorMessage().isEmpty() || model->topicCount() != topics) {
        std::fprintf(stderr, "bench_panes: %lld of %d topics listed: %s\n",
                     static_cast<long long>(model->topicCount()), topics,
                     qPrintable(model->errorMessage()));
        return std::nullopt;
    }
    listing.firstPageMs = ms(firstPage - started);
    listing.allMs = ms(all - started);
    listing.worstStallMs = std::max(listing.worstStallMs, setMs);
    return listing;
}

/** The aws CLI listing every retained topic of the sandbox at @p endpoint; its wall time. */
std::optional<double> awsListing(const QString &aws, const QUrl &endpoint, int topics)
{
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), AccessKey);
    environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), SecretKey);
    environment.insert(QStringLiteral("AWS_DEFAULT_REGION"), Region);
    environment.insert(QStringLiteral("AWS_EC2_METADATA_DISABLED"), QStringLiteral("true"));
    environment.insert(QStringLiteral("AWS_PAGER"), QString());
    QProcess process;
    process.setProcessEnvironment(environment);
    const qint64 started = now();
    process.start(aws, { QStringLiteral("iot-data"), QStringLiteral("list-retained-messages"),
                         QStringLiteral("--endpoint-url"), endpoint.toString(),
                         QStringLiteral("--page-size"), QStringLiteral("200"),
                         QStringLiteral("--output"), QStringLiteral("json") });
    const bool finished = process.waitForFinished(300000);
    const double wall = ms(now() - started);
    const QJsonArray listed = QJsonDocument::fromJson(process.readAllStandardOutput())
                                  .object()
                                  .value(QStringLiteral("retainedTopics"))
                                  .toArray();
    if (!finished || process.exitCode() != 0 || listed.size() != topics) {
        std::fprintf(stderr, "bench_panes: %s listed %lld of %d topics: %s\n", qPrintable(aws),
                     static_cast<long long>(listed.size()), topics,
                     process.readAllStandardError().constData());
        return std::nullopt;
    }
    return wall;
}

void printKeystrokes(const QByteArray &prefix, const QList<double> &times)
{
    printFigure(prefix + "filter_keystroke_p95_ms", percentile(times, 0.95), "ms");
    printFigure(prefix + "filter_keystroke_worst_ms",
                *std::max_element(times.cbegin(), times.cend()), "ms");
    printFigure(prefix + "filter_keystrokes", double(times.size()), "keystrokes");
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The Retained and Things panes listing and filtering from a sandbox"));
    parser.addHelpOption();
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"),
                                           QStringLiteral("The shadowscope-sandbox executable."),
                                           QStringLiteral("PATH"));
    const QCommandLineOption topicsOption(QStringLiteral("topics"),
                                          QStringLiteral("Retained topics (default 10000)."),
                                          QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption thingsOption(QStringLiteral("things"),
                                          QStringLiteral("Things (default 3000; 0: none)."),
                                          QStringLiteral("N"), QStringLiteral("3000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Listings, the median kept (default 5)."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption awsRunsOption(
        QStringLiteral("aws-runs"),
        QStringLiteral("aws CLI listings interleaved with ours (default 3; 0: none)."),
        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption awsOption(QStringLiteral("aws"),
                                       QStringLiteral("The aws CLI v2 (default /usr/bin/aws)."),
                                       QStringLiteral("PATH"), QStringLiteral("/usr/bin/aws"));
    const QCommandLineOption keystrokeRunsOption(
        QStringLiteral("keystroke-runs"),
        QStringLiteral("Times the filter is typed in each pane (default 3)."),
        QStringLiteral("N"), QStringLiteral("3"));
    parser.addOptions({ sandboxOption, topicsOption, thingsOption, runsOption, awsRunsOption,
                        awsOption, keystrokeRunsOption });
    parser.process(app);
    const int topics = parser.value(topicsOption).toInt();
    const int things = std::max(0, parser.value(thingsOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const int awsRuns = std::max(0, parser.value(awsRunsOption).toInt());
    const int keystrokeRuns = std::max(1, parser.value(keystrokeRunsOption).toInt());
    if (!parser.isSet(sandboxOption) || topics < Sites * int(std::size(Sensors))) {
        std::fprintf(stderr, "bench_panes: --sandbox is required and --topics at least 100\n");
        return 2;
    }

    QTemporaryDir dir;
    QFile seedFile(dir.filePath(QStringLiteral("seed.json")));
    if (!seedFile.open(QIODevice::WriteOnly) || seedFile.write(seed(topics, things)) < 0) {
        std::fprintf(stderr, "bench_panes: cannot write %s\n", qPrintable(seedFile.fileName()));
        return 1;
    }
    seedFile.close();
    QProcess server;
    const QUrl endpoint = startSandbox(server, parser.value(sandboxOption), seedFile.fileName());
    if (endpoint.isEmpty()) {
        std::fprintf(stderr, "bench_panes: the sandbox did not start\n");
        return 1;
    }
    const auto stopSandbox = qScopeGuard([&server] {
        server.terminate();
        server.waitForFinished(10000);
    });

    QNetworkAccessManager network;
    Iot::Connection connection(
        &network, Iot::ConnectionSetup::forSandbox(endpoint, Region, AccessKey, SecretKey));
    connection.start();
    if (!runUntil([&] { return connection.state() != Iot::Connection::State::Connecting; }, 10000)
        || connection.state() != Iot::Connection::State::Ready) {
        std::fprintf(stderr, "bench_panes: no connection: %s\n",
                     qPrintable(connection.statusText()));
        return 1;
    }

    // Retained: our listings with the aws CLI's between them.
    {
        RetainedPane pane;
        pane.resize(900, 700);
        pane.show();
        if (!QTest::qWaitForWindowExposed(&pane))
            return 1;
        QList<double> firstPage;
        QList<double> all;
        QList<double> aws;
        double worstStall = 0;
        for (int run = 0; run < std::max(runs, awsRuns); ++run) {
            if (run < runs) {
                const std::optional<Listing> listing = listRetained(pane, connection.data(), topics);
                if (!listing)
                    return 1;
                firstPage.append(listing->firstPageMs);
                all.append(listing->allMs);
                worstStall = std::max(worstStall, listing->worstStallMs);
            }
            if (run < awsRuns) {
                const std::optional<double> wall =
                    awsListing(parser.value(awsOption), endpoint, topics);
                if (!wall)
                    return 1;
                aws.append(*wall);
            }
        }
        printFigure(named("retained", topics, "first_page_ms"), median(firstPage), "ms");
        printFigure(named("retained", topics, "list_all_ms"), median(all), "ms");
        printFigure(named("retained", topics, "max_stall_ms"), worstStall, "ms");
        printFigure(named("retained", topics, "rss_mb"), residentMb(), "MB");
        if (!aws.isEmpty()) {
            printFigure(named("aws_cli", topics, "list_all_ms"), median(aws), "ms");
            printFigure(named("retained", topics, "list_all_vs_aws_cli"), median(all) / median(aws),
                  "x");
        }

        QList<double> keystrokes;
        auto *filter = pane.findChild<QLineEdit *>(QStringLiteral("retainedFilter"));
        auto *view = pane.findChild<QTreeView *>(QStringLiteral("retainedView"));
        for (int run = 0; run < keystrokeRuns; ++run)
            if (!typeFilter(&pane, filter, view, QStringLiteral("device-00010"), &keystrokes))
                return 1;
        printKeystrokes(named("retained", topics, ""), keystrokes);
    }

    if (things > 0) {
        ThingsPane pane;
        pane.resize(480, 700);
        pane.show();
        if (!QTest::qWaitForWindowExposed(&pane))
            return 1;
        ThingsModel *model = pane.model();
        QObject::connect(&pane, &ThingsPane::loadFinished, &pane, [model] {
            if (model->canFetchMore({}))
                model->fetchMore({});
        });
        const qint64 started = now();
        pane.setPageSource(std::make_unique<Iot::ThingsPageSource>(connection.control()));
        if (!runUntil([&] { return model->isComplete() || !model->errorMessage().isEmpty(); },
                      60000)
            || model->rowCount() != things) {
            std::fprintf(stderr, "bench_panes: %d of %d things listed: %s\n", model->rowCount(),
                         things, qPrintable(model->errorMessage()));
            return 1;
        }
        printFigure(named("things", things, "list_all_ms"), ms(now() - started), "ms");
        QList<double> keystrokes;
        auto *filter = pane.findChild<QLineEdit *>(QStringLiteral("thingsFilter"));
        auto *view = pane.findChild<QTreeView *>(QStringLiteral("thingsView"));
        for (int run = 0; run < keystrokeRuns; ++run)
            if (!typeFilter(&pane, filter, view, QStringLiteral("sensor-12"), &keystrokes))
                return 1;
        printKeystrokes(named("things", things, ""), keystrokes);
    }
    return 0;
}
