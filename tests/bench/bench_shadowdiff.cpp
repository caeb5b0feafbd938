// SPDX-License-Identifier: GPL-3.0-or-later
// The shadow editor's algorithms on a large document: a seeded desired section of about
// 128 KB of compact JSON nested 8 levels deep (the most a shadow allows, the desired object
// itself counting as one), "mine" with about 5% of its leaves changed, added or removed, and
// "theirs" with another 5% (some of them on the same keys, which conflict). Times, each the
// median of --runs: parsing the document (QJsonDocument::fromJson), diffJson(base, mine),
// createMergePatch(base, mine), applyMergePatch(base, patch) and threeWayMerge(base, mine,
// theirs). The documents are parsed from text, as the editor gets them. Prints one line per
// figure:
//   <name> <value> <unit>
// Usage: bench_shadowdiff [--runs N] [--seed N]
#include "../randomjson.h"
#include "shadow/jsondiff.h"
#include "shadow/mergepatch.h"
#include "shadow/threewaymerge.h"

#include "benchfigure.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

constexpr qsizetype DocumentBytes = 128 * 1024;
constexpr int Levels = 8;

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject reparsed(const QJsonObject &object)
{
    return QJsonDocument::fromJson(compactJson(object)).object();
}

/** Levels of objects and arrays, the object itself counting as one. */
int depthOf(const QJsonValue &value)
{
    int deepest = 0;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (const QJsonValue &child : object)
            deepest = std::max(deepest, depthOf(child));
    } else if (value.isArray()) {
        for (const QJsonValue &child : value.toArray())
            deepest = std::max(deepest, depthOf(child));
    } else {
        return 0;
    }
    return deepest + 1;
}

qsizetype leafCount(const QJsonObject &object)
{
    qsizetype leaves = 0;
    for (const QJsonValue &value : object)
        leaves += value.isObject() ? leafCount(value.toObject()) : 1;
    return leaves;
}

/** The median of @p runs timings of @p work, in milliseconds. */
double medianMs(int runs, const std::function<void()> &work)
{
    QList<double> times;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        work();
        times.append(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.size() % 2 == 1
        ? times.at(times.size() / 2)
        : (times.at(times.size() / 2 - 1) + times.at(times.size() / 2)) / 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Shadow diff, merge patch and three-way merge times on a 128 KB document"));
    parser.addHelpOption();
    const QCommandLineOption runsOption(
        QStringLiteral("runs"), QStringLiteral("Runs per figure, the median kept (default 20)."),
        QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QStringLiteral("Generator seed (default 2026)."),
                                        QStringLiteral("N"), QStringLiteral("2026"));
    parser.addOptions({ runsOption, seedOption });
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());

    RandomJson random(parser.value(seedOption).toUInt());
    QJsonObject built;
    for (int member = 0; compactJson(built).size() < DocumentBytes; ++member)
        built.insert(QStringLiteral("m%1").arg(member), random.object(Levels - 1, 8, 0.5));
    const QByteArray text = compactJson(built);
    const QJsonObject base = QJsonDocument::fromJson(text).object();
    const QJsonObject mine = reparsed(random.edited(base, 0.05, Levels));
    const QJsonObject theirs = reparsed(random.edited(base, 0.05, Levels));
    const QJsonObject patch = Shadow::createMergePatch(base, mine);
    if (Shadow::applyMergePatch(base, patch) != mine) {
        std::fprintf(stderr, "bench_shadowdiff: the merge patch does not round-trip\n");
        return 1;
    }
    const Shadow::ThreeWayMergeResult merge = Shadow::threeWayMerge(base, mine, theirs);

    printFigure("shadow_document_bytes", double(text.size()), "bytes");
    printFigure("shadow_depth", depthOf(base), "levels");
    printFigure("shadow_leaves", double(leafCount(base)), "leaves");
    printFigure("shadow_mine_changes", double(Shadow::diffJson(base, mine).size()), "changes");
    printFigure("shadow_theirs_changes", double(Shadow::diffJson(base, theirs).size()), "changes");
    printFigure("shadow_patch_bytes", double(compactJson(patch).size()), "bytes");
    printFigure("shadow_merge_applied", double(merge.mineApplied.size()), "changes");
    printFigure("shadow_merge_conflicts", double(merge.conflicts.size()), "conflicts");

    // The results go into a volatile sink so the optimiser keeps the work.
    volatile qsizetype sink = 0;
    printFigure("shadow_parse_128k_ms",
          medianMs(runs, [&] { sink = sink + QJsonDocument::fromJson(text).object().size(); }),
          "ms");
    printFigure("shadow_diff_128k_ms",
          medianMs(runs, [&] { sink = sink + Shadow::diffJson(base, mine).size(); }), "ms");
    printFigure("shadow_create_patch_128k_ms",
          medianMs(runs, [&] { sink = sink + Shadow::createMergePatch(base, mine).size(); }), "ms");
    printFigure("shadow_apply_patch_128k_ms",
          medianMs(runs, [&] { sink = sink + Shadow::applyMergePatch(base, patch).size(); }), "ms");
    printFigure("shadow_threeway_merge_128k_ms",
          medianMs(runs,
                   [&] { sink = sink + Shadow::threeWayMerge(base, mine, theirs).merged.size(); }),
          "ms");
    return 0;
}
