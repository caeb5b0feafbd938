// SPDX-License-Identifier: GPL-3.0-or-later
// The Retained pane's model at scale: RetainedTopicsModel built from --topics topics (100,000
// by default) shaped fleet/<site>/<device>/<sensor> (20 sites, 5 sensors a device), arriving
// in pages of 200 as ListRetainedMessages gives them, as a tree and as a flat list, alone and
// under a sorted RetainedTopicsFilterProxy; the heap it takes (mallinfo2, per topic, and the
// model's own estimate); and the proxy refiltering per keystroke while "temp" is typed one
// character at a time, as a substring and as the MQTT filter "+/+/+/temp" (which matches no
// sensor; "+/+/+/temperature", timed once more, matches a fifth). Each time is the
// best of --runs. Prints one line per figure:
//   <name> <value> <unit>
// Usage: bench_retainedtree [--topics N] [--runs N]
#include "retainedpagesource.h"
#include "retainedtopicsfilterproxy.h"
#include "retainedtopicsmodel.h"

#include "benchfigure.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <memory>

namespace {

constexpr int PageSize = 200;
constexpr int Sites = 20;
const char *const Sensors[] = { "temperature", "humidity", "pressure", "battery", "status" };

// Answers a request when deliver() is called, outside fetchMore(), so a page is applied at
// once, as a network answer would be.
class BenchPageSource final : public RetainedPageSource
{
public:
    explicit BenchPageSource(const QList<Iot::RetainedPage> &pages)
        : m_pages(pages)
    {
    }
    void fetchPage(const QString &nextToken, quint64 generation) override
    {
        m_index = nextToken.isEmpty() ? 0 : nextToken.toInt();
        m_generation = generation;
    }
    void cancel() override { }
    void deliver() { Q_EMIT pageArrived(m_generation, m_pages.at(m_index)); }

private:
    const QList<Iot::RetainedPage> &m_pages;
    qsizetype m_index = 0;
    quint64 m_generation = 0;
};

QList<Iot::RetainedPage> makePages(int topics)
{
    QList<Iot::RetainedPage> pages;
    const QDateTime modified = QDateTime::currentDateTimeUtc();
    const int sensors = int(std::size(Sensors));
    const int devicesPerSite = std::max(1, topics / (Sites * sensors));
    Iot::RetainedPage page;
    for (int i = 0; i < topics; ++i) {
        const int sensor = i % sensors;
        const int device = (i / sensors) % devicesPerSite;
        const int site = i / (sensors * devicesPerSite);
        page.topics.append({ QStringLiteral("fleet/site-%1/device-%2/%3")
                                 .arg(site, 2, 10, QLatin1Char('0'))
                                 .arg(device, 5, 10, QLatin1Char('0'))
                                 .arg(QLatin1String(Sensors[sensor])),
                             20 + i % 100, i % 2, modified });
        if (page.topics.size() == PageSize || i + 1 == topics) {
            page.nextToken = i + 1 == topics ? QString() : QString::number(pages.size() + 1);
            pages.append(page);
            page = {};
        }
    }
    return pages;
}

void loadAll(RetainedTopicsModel &model, BenchPageSource &source)
{
    while (model.canFetchMore({})) {
        model.fetchMore({});
        source.deliver();
    }
}

double heapInUse()
{
    return double(mallinfo2().uordblks);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("RetainedTopicsModel build, memory and filter times at scale"));
    parser.addHelpOption();
    const QCommandLineOption topicsOption(QStringLiteral("topics"),
                                          QStringLiteral("Topics (default 100000)."),
                                          QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption runsOption(
        QStringLiteral("runs"), QStringLiteral("Runs per figure, the best kept (default 3)."),
        QStringLiteral("N"), QStringLiteral("3"));
    parser.addOptions({ topicsOption, runsOption });
    parser.process(app);
    const int topics = parser.value(topicsOption).toInt();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    if (topics < 100) {
        std::fprintf(stderr, "bench_retainedtree: --topics must be at least 100\n");
        return 2;
    }
    const QList<Iot::RetainedPage> pages = makePages(topics);
    printFigure("topics", topics, "topics");
    printFigure("pages", double(pages.size()), "pages");

    // Build times: the model alone and under the pane's sorted proxy, tree and flat.
    for (const bool withProxy : { false, true }) {
        for (const auto layout :
             { RetainedTopicsModel::Layout::Tree, RetainedTopicsModel::Layout::Flat }) {
            double best = std::numeric_limits<double>::max();
            for (int run = 0; run < runs; ++run) {
                BenchPageSource source(pages);
                RetainedTopicsModel model;
                model.setLayout(layout);
                RetainedTopicsFilterProxy proxy;
                if (withProxy) {
                    proxy.setSourceModel(&model);
                    proxy.sort(RetainedTopicsModel::Topic);
                }
                QElapsedTimer clock;
                clock.start();
                model.setPageSource(&source);
                loadAll(model, source);
                if (withProxy)
                    proxy.rowCount(); // the top level mapped, as a view would
                best = std::min(best, double(clock.nsecsElapsed()) / 1e6);
                if (model.topicCount() != topics) {
                    std::fprintf(stderr, "bench_retainedtree: %lld topics loaded, not %d\n",
                                 static_cast<long long>(model.topicCount()), topics);
                    return 1;
                }
                model.setPageSource(nullptr);
            }
            const bool tree = layout == RetainedTopicsModel::Layout::Tree;
            printFigure(withProxy ? (tree ? "build_tree_with_proxy" : "build_flat_with_proxy")
                            : (tree ? "build_tree" : "build_flat"),
                  best, "ms");
        }
    }

    // Memory: the heap the loaded model holds, pages (the input) excluded.
    {
        malloc_trim(0);
        const double before = heapInUse();
        BenchPageSource source(pages);
        auto model = std::make_unique<RetainedTopicsModel>();
        model->setPageSource(&source);
        loadAll(*model, source);
        const double after = heapInUse();
        printFigure("heap_bytes_per_topic", (after - before) / topics, "bytes");
        printFigure("storage_bytes_per_topic", double(model->storageBytes()) / topics, "bytes");
        printFigure("nodes_per_topic", double(model->nodeCount()) / topics, "nodes");
        model->setPageSource(nullptr);
    }

    // Filtering per keystroke on the loaded tree under the sorted proxy: each figure is the
    // worst keystroke of the best run (what a user waits for at most).
    BenchPageSource source(pages);
    RetainedTopicsModel model;
    RetainedTopicsFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(RetainedTopicsModel::Topic);
    model.setPageSource(&source);
    loadAll(model, source);
    proxy.rowCount();
    const struct
    {
        const char *name;
        QString prefix;
    } typings[] = {
        { "filter_substring_keystroke", QString() },
        { "filter_mqtt_keystroke", QStringLiteral("+/+/+/") },
    };
    for (const auto &typing : typings) {
        double best = std::numeric_limits<double>::max();
        qsizetype matching = 0;
        for (int run = 0; run < runs; ++run) {
            double worst = 0;
            const QString word = QStringLiteral("temp");
            for (qsizetype typed = 1; typed <= word.size(); ++typed) {
                QElapsedTimer clock;
                clock.start();
                proxy.setFilterText(typing.prefix + word.left(typed));
                // What the pane does next: the top level for the view, the count for the
                // status line.
                proxy.rowCount();
                matching = proxy.matchingTopicCount();
                worst = std::max(worst, double(clock.nsecsElapsed()) / 1e6);
            }
            best = std::min(best, worst);
            proxy.setFilterText({});
        }
        printFigure(typing.name, best, "ms");
        printFigure(typing.prefix.isEmpty() ? "filter_substring_matches" : "filter_mqtt_matches",
              double(matching), "topics");
    }
    // A whole level: the MQTT filter that does match the temperatures.
    double best = std::numeric_limits<double>::max();
    qsizetype matching = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        proxy.setFilterText(QStringLiteral("+/+/+/temperature"));
        proxy.rowCount();
        matching = proxy.matchingTopicCount();
        best = std::min(best, double(clock.nsecsElapsed()) / 1e6);
        proxy.setFilterText({});
    }
    printFigure("filter_mqtt_temperature", best, "ms");
    printFigure("filter_mqtt_temperature_matches", double(matching), "topics");
    return 0;
}
