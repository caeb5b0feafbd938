// SPDX-License-Identifier: GPL-3.0-or-later
// The Shadows pane and a ShadowView on the real DataShadowSource, IotDataClient and
// RequestExecutor against the in-process sandbox's demo fleet over loopback HTTP, SigV4
// verified: a thermostat's classic and named shadows are listed as the sandbox holds them,
// a thing without a classic shadow shows no error, the view marks the delta's keys and,
// after a change made through IotDataClient and F5, the changed values; a 503 from the fault
// plan shows inline with Details and a Retry that then succeeds; loading can be cancelled.
#include "shadowspane.h"
#include "shadowview.h"

#include "iot/datashadowsource.h"
#include "jsontreemodel.h"
#include "namedshadowsmodel.h"
#include "sandbox/sandboxbackend.h"
#include "sandboxrig.h"
#include "semanticcolors.h"
#include "widgetwaits.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTreeView>

#include <algorithm>

namespace {

// A demo thermostat with a classic shadow whose setpoint is out of sync, and two named ones.
const QString Thermostat = QStringLiteral("hvac-b2-floor3-01");

// What the sandbox holds: the thing's named shadows, and its classic document's version
// (0: none), read from the backend directly.
QStringList namedShadows(const SandboxRig &rig, const QString &thing)
{
    const auto result = rig.server.backend()->listNamedShadowsForThing(thing, {}, 100);
    QStringList names;
    const QJsonArray results = std::get<QJsonObject>(result).value(QLatin1String("results")).toArray();
    for (const QJsonValue &name : results)
        names.append(name.toString());
    return names;
}
qint64 classicVersion(const SandboxRig &rig, const QString &thing)
{
    const auto result = rig.server.backend()->getThingShadow(thing, {});
    if (!std::holds_alternative<QJsonObject>(result))
        return 0;
    return std::get<QJsonObject>(result).value(QLatin1String("version")).toInteger();
}

QStringList shadowNames(const NamedShadowsModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, 0).data(NamedShadowsModel::ShadowNameRole).toString());
    return names;
}

// The index of @p pointer in @p view (whose model is a proxy over a JsonTreeModel).
QModelIndex viewIndex(QTreeView *view, const JsonTreeModel *model, const QString &pointer,
                      int column)
{
    const QModelIndex source = model->indexOfPointer(pointer);
    if (!source.isValid())
        return {};
    // The proxy is an identity proxy: walk the same rows from the top.
    QList<int> rows;
    for (QModelIndex index = source; index.isValid(); index = index.parent())
        rows.prepend(index.row());
    QModelIndex index;
    for (int i = 0; i < rows.size(); ++i)
        index = view->model()->index(rows[i], i == rows.size() - 1 ? column : 0, index);
    return index;
}

} // namespace

class TestShadowsPane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // DataShadowSource answers with the generation it was asked with; what cancelAll()
    // abandoned is never answered; a missing classic shadow is documentMissing().
    void sourceCancels()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        Iot::DataShadowSource source(rig.data.get());
        QSignalSpy arrived(&source, &ShadowSource::documentArrived);
        QSignalSpy names(&source, &ShadowSource::namesArrived);
        QSignalSpy missing(&source, &ShadowSource::documentMissing);
        source.fetchDocument(Thermostat, {}, 1);
        source.listShadows(Thermostat, {}, 1);
        QCOMPARE(source.pendingCalls(), 2);
        source.cancelAll();
        QCOMPARE(source.pendingCalls(), 0);
        source.fetchDocument(Thermostat, QStringLiteral("config"), 2);
        source.fetchDocument(QStringLiteral("no-such-thing"), {}, 2);
        QTRY_VERIFY_WITH_TIMEOUT(arrived.size() == 1 && missing.size() == 1, 10000);
        QCOMPARE(arrived.first().at(0).toULongLong(), 2u);
        QCOMPARE(arrived.first().at(1).toString(), QStringLiteral("config"));
        QCOMPARE(missing.first().at(1).toString(), QString());
        QCOMPARE(names.size(), 0);
        QCOMPARE(source.pendingCalls(), 0);
    }

    // NamedShadowsModel on the real source: twelve named shadows come in three pages of five
    // names (the nextToken loop), each document is fetched once, and never more than four
    // GetThingShadow calls are in flight (plus the page of names being listed).
    void realSourcePagesAndBoundsParallelism()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        const QString thing = QStringLiteral("pump-l1-line1-01");
        for (int i = 0; i < 12; ++i) {
            QVERIFY(SandboxRig::succeeds(rig.data->updateThingShadow(
                thing, QStringLiteral("extra-%1").arg(i, 2, 10, QLatin1Char('0')),
                QByteArrayLiteral(R"({"state": {"reported": {"n": 1}}})"))));
        }
        const QStringList named = namedShadows(rig, thing);
        QCOMPARE(named.size(), 13); // "maintenance" and the twelve
        rig.log.clear();
        Iot::DataShadowSource source(rig.data.get(), 5);
        NamedShadowsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSource(&source);
        int peak = 0;
        connect(&model, &NamedShadowsModel::progressChanged, this,
                [&] { peak = std::max(peak, source.pendingCalls()); });
        QSignalSpy loading(&model, &NamedShadowsModel::loadingChanged);
        model.openThing(thing);
        peak = std::max(peak, source.pendingCalls());
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
        QCOMPARE(shadowNames(model), QStringList({ QString() }) + named);
        QCOMPARE(model.loadedCount(), 14);
        const QStringList operations = rig.operations();
        QCOMPARE(operations.count(QStringLiteral("ListNamedShadowsForThing")), 3);
        QCOMPARE(operations.count(QStringLiteral("GetThingShadow")), 14);
        QVERIFY2(peak <= 5 && peak >= 4, qPrintable(QString::number(peak)));
        QCOMPARE(loading.size(), 2);
    }

    // Without a client the pane says to connect; with one, to select a thing.
    void emptyStates()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        ShadowsPane pane;
        QVERIFY(showExposed(pane));
        auto *empty = pane.findChild<QLabel *>(QStringLiteral("shadowsEmptyState"));
        QVERIFY(empty && empty->isVisible());
        QCOMPARE(empty->text(), QStringLiteral("Connect to an account to see shadows."));
        pane.openThing(Thermostat);
        QVERIFY(empty->isVisible());
        pane.setDataClient(rig.data.get());
        QCOMPARE(empty->text(), QStringLiteral("Select a thing to see its shadows."));
        QVERIFY(!pane.findChild<QTreeView *>(QStringLiteral("shadowsView"))->isVisible());
        QVERIFY(!pane.selectShadow({}));
    }

    // Opening the thermostat lists what the sandbox holds: the classic shadow first, then the
    // named ones; each row's version and out-of-sync count match the documents; selecting a
    // row says which shadow it is.
    void listsEveryShadow()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        ShadowsPane pane;
        QVERIFY(showExposed(pane, QSize(480, 300)));
        pane.setDataClient(rig.data.get());
        QSignalSpy loaded(&pane, &ShadowsPane::loadFinished);
        pane.openThing(Thermostat);
        QCOMPARE(pane.thingName(), Thermostat);
        QVERIFY(pane.findChild<QTreeView *>(QStringLiteral("shadowsView"))->isVisible());
        QVERIFY(pane.statusText().startsWith(QStringLiteral("Loading shadows…")));
        QVERIFY(pane.findChild<QPushButton *>(QStringLiteral("shadowsCancel"))->isVisible());
        QVERIFY(loaded.wait(10000));

        const QStringList named = namedShadows(rig, Thermostat);
        QCOMPARE(named, QStringList({ QStringLiteral("config"), QStringLiteral("firmware") }));
        QCOMPARE(shadowNames(*pane.model()), QStringList({ QString() }) + named);
        QCOMPARE(pane.statusText(), QStringLiteral("3 shadows"));
        QVERIFY(!pane.findChild<QPushButton *>(QStringLiteral("shadowsRetry"))->isVisible());
        QVERIFY(!pane.findChild<QPushButton *>(QStringLiteral("shadowsCancel"))->isVisible());
        const QModelIndex classic = pane.model()->index(0, NamedShadowsModel::Name);
        QCOMPARE(classic.data().toString(), QStringLiteral("Classic"));
        QCOMPARE(classic.data(NamedShadowsModel::VersionRole).toLongLong(),
                 classicVersion(rig, Thermostat));
        QCOMPARE(classic.data(NamedShadowsModel::OutOfSyncRole).toInt(), 1); // setpointC
        const auto document = pane.document({});
        QVERIFY(document);
        QCOMPARE(document->delta.keys(), QStringList({ QStringLiteral("setpointC") }));
        QVERIFY(pane.document(QStringLiteral("config")));
        QVERIFY(!pane.document(QStringLiteral("nope")));
        // The last update is a leaf's metadata time, older than the answer's own timestamp.
        QVERIFY(classic.data(NamedShadowsModel::LastUpdatedRole).toDateTime()
                < QDateTime::fromSecsSinceEpoch(document->timestamp, Qt::UTC));

        QSignalSpy selected(&pane, &ShadowsPane::shadowSelected);
        QVERIFY(pane.selectShadow(QStringLiteral("firmware")));
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().at(0).toString(), Thermostat);
        QCOMPARE(selected.first().at(1).toString(), QStringLiteral("firmware"));
        QVERIFY(pane.selectShadow({}));
        QCOMPARE(selected.last().at(1).toString(), QString());
        QVERIFY(!pane.selectShadow(QStringLiteral("nope")));
    }

    // A thing whose classic shadow was deleted (GetThingShadow 404) lists its named shadows
    // without an error and says it has no classic shadow.
    void noClassicShadow()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        QVERIFY(SandboxRig::succeeds(rig.data->deleteThingShadow(Thermostat)));
        QCOMPARE(classicVersion(rig, Thermostat), 0);
        ShadowsPane pane;
        QVERIFY(showExposed(pane));
        pane.setDataClient(rig.data.get());
        QSignalSpy loaded(&pane, &ShadowsPane::loadFinished);
        pane.openThing(Thermostat);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(shadowNames(*pane.model()), namedShadows(rig, Thermostat));
        QCOMPARE(pane.statusText(), QStringLiteral("2 shadows (no classic shadow)"));
        QVERIFY(!pane.findChild<QPushButton *>(QStringLiteral("shadowsRetry"))->isVisible());
        QVERIFY(!pane.selectShadow({}));

        // A view of the missing classic shadow says so, with Retry but no Details.
        ShadowView view(rig.data.get(), Thermostat, {});
        view.show();
        QSignalSpy viewLoaded(&view, &ShadowView::loadFinished);
        QVERIFY(viewLoaded.wait(10000));
        QCOMPARE(view.statusText(), QStringLiteral("This shadow does not exist (any more). Saving in the Edit tab creates it."));
        QVERIFY(view.findChild<QPushButton *>(QStringLiteral("shadowRetry"))->isVisible());
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("shadowDetailsButton"))->isVisible());
        QVERIFY(!view.document());
    }

    // The ShadowView shows the classic shadow's three sections; the delta key is out of sync
    // in desired, reported and delta, shown in the failure colour and bold. After desired is
    // changed through IotDataClient, F5 fetches again and the changed value is highlighted.
    void shadowViewHighlightsDeltaAndChanges()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        ShadowView view(rig.data.get(), Thermostat, {});
        QVERIFY(showActive(view, QSize(900, 500)));
        QSignalSpy loaded(&view, &ShadowView::loadFinished);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(view.thingName(), Thermostat);
        QCOMPARE(view.shadowName(), QString());
        QCOMPARE(view.statusText(), QStringLiteral("1 key out of sync."));

        auto *desiredView = view.findChild<QTreeView *>(QStringLiteral("desiredView"));
        auto *reportedView = view.findChild<QTreeView *>(QStringLiteral("reportedView"));
        auto *deltaView = view.findChild<QTreeView *>(QStringLiteral("deltaView"));
        QVERIFY(desiredView && reportedView && deltaView);
        QVERIFY(desiredView->uniformRowHeights());
        const QString setpoint = QStringLiteral("/setpointC");
        QVERIFY(view.desiredModel()->indexOfPointer(setpoint)
                    .data(JsonTreeModel::OutOfSyncRole).toBool());
        QCOMPARE(view.deltaModel()->rowCount(), 1);
        const QColor negative = SemanticColors::negativeText(desiredView->palette());
        for (const auto &[tree, model] :
             { std::pair { desiredView, view.desiredModel() },
               std::pair { reportedView, view.reportedModel() },
               std::pair { deltaView, view.deltaModel() } }) {
            const QModelIndex key = viewIndex(tree, model, setpoint, JsonTreeModel::Key);
            QVERIFY(key.isValid());
            QCOMPARE(key.data(Qt::ForegroundRole).value<QColor>(), negative);
            QVERIFY(key.data(Qt::BackgroundRole).value<QColor>().isValid());
            QVERIFY(key.data(Qt::FontRole).value<QFont>().bold());
            QVERIFY(!key.data(JsonTreeModel::ChangedRole).toBool());
        }
        const QModelIndex mode = viewIndex(desiredView, view.desiredModel(),
                                           QStringLiteral("/mode"), JsonTreeModel::Key);
        QVERIFY(mode.isValid());
        QVERIFY(!mode.data(Qt::ForegroundRole).isValid());
        QVERIFY(!mode.data(Qt::BackgroundRole).isValid());
        // Each leaf's age, with the exact time in the tooltip.
        const QModelIndex age = viewIndex(desiredView, view.desiredModel(), setpoint,
                                          JsonTreeModel::Updated);
        QVERIFY(age.data().toString().endsWith(QStringLiteral(" ago")));
        QVERIFY(!age.data(Qt::ToolTipRole).toString().isEmpty());
        // The version and the size against the limit.
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("shadowVersion"))->text(),
                 QStringLiteral("Version %1").arg(classicVersion(rig, Thermostat)));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("shadowSize"))
                    ->text()
                    .endsWith(QStringLiteral(" of 8 KB")));

        const qint64 version = classicVersion(rig, Thermostat);
        QVERIFY(SandboxRig::succeeds(rig.data->updateThingShadow(
            Thermostat, {}, QByteArrayLiteral(R"({"state": {"desired": {"setpointC": 23.5}}})"))));
        desiredView->setFocus();
        QTest::keySequence(desiredView, QKeySequence::Refresh);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(view.document()->version, version + 1);
        const QModelIndex changed = viewIndex(desiredView, view.desiredModel(), setpoint,
                                              JsonTreeModel::Value);
        QCOMPARE(changed.data().toString(), QStringLiteral("23.5"));
        QVERIFY(changed.data(JsonTreeModel::ChangedRole).toBool());
        QVERIFY(changed.data(Qt::FontRole).value<QFont>().italic());
        QCOMPARE(changed.data(Qt::BackgroundRole).value<QColor>(),
                 viewIndex(deltaView, view.deltaModel(), setpoint, JsonTreeModel::Value)
                     .data(Qt::BackgroundRole).value<QColor>());
        QVERIFY(changed.data(Qt::BackgroundRole).value<QColor>()
                != viewIndex(reportedView, view.reportedModel(), setpoint, JsonTreeModel::Value)
                       .data(Qt::BackgroundRole).value<QColor>());
        QVERIFY(!mode.data(JsonTreeModel::ChangedRole).toBool());
        QCOMPARE(view.statusText(),
                 QStringLiteral("1 key out of sync. 2 values changed since the previous refresh."));

        // The Raw JSON tab shows the document, highlighted.
        auto *tabs = view.findChild<QTabWidget *>(QStringLiteral("shadowTabs"));
        auto *raw = view.findChild<QPlainTextEdit *>(QStringLiteral("shadowRawJson"));
        tabs->setCurrentWidget(raw);
        QVERIFY(raw->isVisible() && raw->isReadOnly());
        QVERIFY(raw->toPlainText().contains(QStringLiteral("\"setpointC\": 23.5")));
        // In GetThingShadow's order, state first, and valid JSON.
        QVERIFY(raw->toPlainText().startsWith(
            QStringLiteral("{\n    \"state\": {\n        \"desired\": {\n")));
        QJsonParseError error;
        const QJsonObject parsed
            = QJsonDocument::fromJson(raw->toPlainText().toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(parsed.value(QLatin1String("version")).toInteger(), version + 1);
        QCOMPARE(parsed.value(QLatin1String("state")).toObject().value(QLatin1String("delta")),
                 QJsonValue(view.document()->delta));
        QVERIFY(!raw->document()->firstBlock().layout()->formats().isEmpty());
    }

    // A ShadowView given a document shows it without a fetch.
    void shadowViewSetDocument()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        Iot::ShadowDocument document;
        document.reported = QJsonObject { { QStringLiteral("on"), true } };
        document.reportedMetadata = QJsonObject {
            { QStringLiteral("on"), QJsonObject { { QStringLiteral("timestamp"), 100 } } }
        };
        document.version = 4;
        ShadowView view(rig.data.get(), Thermostat, QStringLiteral("config"));
        view.setDocument(document);
        QVERIFY(showExposed(view));
        QCoreApplication::processEvents();
        QCOMPARE(view.reportedModel()->rowCount(), 1);
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("shadowVersion"))->text(),
                 QStringLiteral("Version 4"));
        QCOMPARE(view.statusText(), QStringLiteral("In sync."));
        QVERIFY(rig.log.isEmpty());
    }

    // A 503 on every attempt shows in the pane's status line with Retry and Details (the
    // error's full text); once the fault is gone Retry loads everything. The same in a
    // ShadowView.
    void failureShowsRetry()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        QVERIFY(rig.setFaults(QByteArrayLiteral(
            R"({"rules": [{"operations": ["GetThingShadow", "ListNamedShadowsForThing"],
                           "kind": "status", "status": 503}]})")));
        ShadowsPane pane;
        QVERIFY(showExposed(pane, QSize(480, 300)));
        pane.setDataClient(rig.data.get());
        QSignalSpy loaded(&pane, &ShadowsPane::loadFinished);
        pane.openThing(Thermostat);
        QVERIFY(loaded.wait(10000));
        auto *retry = pane.findChild<QPushButton *>(QStringLiteral("shadowsRetry"));
        auto *detailsButton = pane.findChild<QPushButton *>(QStringLiteral("shadowsDetailsButton"));
        auto *details = pane.findChild<QPlainTextEdit *>(QStringLiteral("shadowsErrorDetails"));
        QVERIFY(retry->isVisible());
        QVERIFY2(pane.statusText().startsWith(QStringLiteral("Shadows did not load: ")),
                 qPrintable(pane.statusText()));
        QVERIFY(pane.statusText().contains(QStringLiteral("503")));
        QVERIFY(detailsButton->isVisible());
        QVERIFY(!details->isVisible());
        QTest::mouseClick(detailsButton, Qt::LeftButton);
        QVERIFY(details->isVisible());
        QVERIFY2(details->toPlainText().contains(QStringLiteral("HTTP status: 503")),
                 qPrintable(details->toPlainText()));

        QVERIFY(rig.setFaults({}));
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(shadowNames(*pane.model()),
                 QStringList({ QString() }) + namedShadows(rig, Thermostat));
        QCOMPARE(pane.statusText(), QStringLiteral("3 shadows"));
        QVERIFY(!retry->isVisible());
        QVERIFY(!details->isVisible());

        QVERIFY(rig.setFaults(QByteArrayLiteral(
            R"({"rules": [{"operations": ["GetThingShadow"], "kind": "status", "status": 503}]})")));
        ShadowView view(rig.data.get(), Thermostat, QStringLiteral("firmware"));
        QVERIFY(showExposed(view));
        QSignalSpy viewLoaded(&view, &ShadowView::loadFinished);
        QVERIFY(viewLoaded.wait(10000));
        auto *viewRetry = view.findChild<QPushButton *>(QStringLiteral("shadowRetry"));
        QVERIFY(viewRetry->isVisible());
        QVERIFY2(view.statusText().startsWith(QStringLiteral("The shadow did not load: ")),
                 qPrintable(view.statusText()));
        QVERIFY(view.findChild<QPushButton *>(QStringLiteral("shadowDetailsButton"))->isVisible());
        QVERIFY(rig.setFaults({}));
        QTest::mouseClick(viewRetry, Qt::LeftButton);
        QVERIFY(viewLoaded.wait(10000));
        QVERIFY(!viewRetry->isVisible());
        QCOMPARE(view.document()->version, pane.document(QStringLiteral("firmware"))->version);
    }

    // Cancel stops the load at once; nothing arrives afterwards; Retry starts over.
    void cancelStopsLoading()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        ShadowsPane pane;
        QVERIFY(showExposed(pane));
        pane.setDataClient(rig.data.get());
        QSignalSpy loaded(&pane, &ShadowsPane::loadFinished);
        pane.openThing(Thermostat);
        auto *cancel = pane.findChild<QPushButton *>(QStringLiteral("shadowsCancel"));
        QVERIFY(cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(loaded.size(), 1);
        QVERIFY(!cancel->isVisible());
        QVERIFY2(pane.statusText().startsWith(QStringLiteral("Cancelled: ")),
                 qPrintable(pane.statusText()));
        auto *retry = pane.findChild<QPushButton *>(QStringLiteral("shadowsRetry"));
        QVERIFY(retry->isVisible());
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(pane.statusText(), QStringLiteral("3 shadows"));
    }
};

QTEST_MAIN(TestShadowsPane)
#include "tst_shadowspane.moc"
