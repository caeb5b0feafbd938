// SPDX-License-Identifier: GPL-3.0-or-later
// The Things pane on the real ThingsPageSource, IotControlClient and RequestExecutor against
// the in-process sandbox's demo fleet over loopback HTTP, SigV4 verified: the fleet arrives a
// page at a time as the list is scrolled, the filter narrows the rows, and a 503 from the
// fault plan shows the error inline with a Retry that then succeeds.
#include "thingspane.h"

#include "aws/credentials.h"
#include "iot/iotcontrolclient.h"
#include "iot/requestexecutor.h"
#include "iot/retrypolicy.h"
#include "iot/thingspagesource.h"
#include "sandbox/sandboxbackend.h"
#include "sandbox/sandboxserver.h"
#include "thingsfilterproxy.h"
#include "thingsmodel.h"

#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <memory>

namespace {

const QString AccessKey = QStringLiteral("AKIDEXAMPLE");
const QString SecretKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
constexpr int PageSize = 10;

// The demo sandbox (with its fault-plan admin API) and the client stack on it.
struct Rig
{
    Sandbox::SandboxServer server;
    QNetworkAccessManager network;
    std::unique_ptr<Aws::CredentialsProvider> credentials;
    std::unique_ptr<Iot::RequestExecutor> executor;
    std::unique_ptr<Iot::IotControlClient> control;
    int listThingsAttempts = 0;

    bool start()
    {
        Sandbox::ServerOptions options;
        options.demo = true;
        options.adminApi = true;
        options.accessKeyId = AccessKey;
        options.secretAccessKey = SecretKey;
        QString error;
        if (!server.start(options, &error)) {
            qWarning("sandbox did not start: %s", qPrintable(error));
            return false;
        }
        credentials = std::make_unique<Aws::StaticCredentialsProvider>(
            Aws::Credentials { { AccessKey, SecretKey, {} }, std::nullopt, {} });
        executor = std::make_unique<Iot::RequestExecutor>(&network, credentials.get());
        executor->setRetryPolicy(Iot::RetryPolicy([] { return 0.0; })); // retries at once
        QObject::connect(executor.get(), &Iot::RequestExecutor::attemptFinished, executor.get(),
                         [this](const Iot::RequestLogEntry &) { ++listThingsAttempts; });
        control = std::make_unique<Iot::IotControlClient>(
            executor.get(),
            Iot::Endpoint { server.endpoint(), { server.region(), QStringLiteral("iot") }, {} });
        return true;
    }

    // PUT (a plan) or DELETE (no plan) /_sandbox/faults.
    bool setFaults(const QByteArray &plan)
    {
        QNetworkRequest request(
            server.endpoint().resolved(QUrl(QStringLiteral("/_sandbox/faults"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        QNetworkReply *reply
            = plan.isEmpty() ? network.deleteResource(request) : network.put(request, plan);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        const bool ok = finished.wait(5000)
            && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
        reply->deleteLater();
        return ok;
    }

    std::unique_ptr<ThingPageSource> pageSource()
    {
        return std::make_unique<Iot::ThingsPageSource>(control.get(), PageSize);
    }
};

} // namespace

class TestThingsPane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // ThingsPageSource answers with the generation it was asked with; a request it
    // cancelled, or replaced by a newer one, is never answered.
    void pageSourceCancels()
    {
        Rig rig;
        QVERIFY(rig.start());
        Iot::ThingsPageSource source(rig.control.get(), PageSize);
        QSignalSpy arrived(&source, &ThingPageSource::pageArrived);
        QSignalSpy failed(&source, &ThingPageSource::pageFailed);
        source.fetchPage({}, 1);
        source.cancel();
        source.fetchPage({}, 2);
        source.fetchPage({}, 3);
        QVERIFY(arrived.wait(10000));
        QCOMPARE(arrived.size(), 1);
        QCOMPARE(arrived.first().at(0).toULongLong(), 3u);
        const auto page = arrived.first().at(1).value<Iot::ThingPage>();
        QCOMPARE(page.things.size(), PageSize);
        QVERIFY(!page.nextToken.isEmpty());
        source.fetchPage(page.nextToken, 4);
        QVERIFY(arrived.wait(10000));
        QCOMPARE(arrived.last().at(0).toULongLong(), 4u);
        QCOMPARE(arrived.last().at(1).value<Iot::ThingPage>().things.size(), PageSize);
        QCOMPARE(arrived.size(), 2);
        QCOMPARE(failed.size(), 0);
    }

    // Without a source the pane shows its empty state and nothing to fetch.
    void emptyWithoutConnection()
    {
        ThingsPane pane;
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        auto *empty = pane.findChild<QLabel *>(QStringLiteral("thingsEmptyState"));
        QVERIFY(empty && empty->isVisible());
        QVERIFY(!pane.findChild<QTreeView *>(QStringLiteral("thingsView"))->isVisible());
        QVERIFY(!pane.model()->canFetchMore({}));
    }

    // The first page arrives on its own; the rest only as the list is scrolled to its end,
    // a page of ten at a time, until all 50 demo things are there and the status says so.
    void scrollingFetchesEveryPage()
    {
        Rig rig;
        QVERIFY(rig.start());
        ThingsPane pane;
        pane.resize(360, 200); // fewer rows visible than a page holds
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        auto *view = pane.findChild<QTreeView *>(QStringLiteral("thingsView"));
        auto *status = pane.findChild<QLabel *>(QStringLiteral("thingsStatus"));
        QSignalSpy loaded(&pane, &ThingsPane::loadFinished);
        pane.setPageSource(rig.pageSource());
        QVERIFY(view->isVisible());
        QCOMPARE(status->text(), QStringLiteral("Loading…"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(pane.model()->rowCount(), PageSize);
        QCOMPARE(status->text(), QStringLiteral("10 things, more as you scroll"));

        int pages = 1;
        while (!pane.model()->isComplete()) {
            QVERIFY(pages < 10);
            const int rows = pane.model()->rowCount();
            view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
            QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowCount() > rows || pane.model()->isComplete(),
                                     10000);
            QTRY_VERIFY_WITH_TIMEOUT(!pane.model()->isLoading(), 10000);
            ++pages;
        }
        QCOMPARE(pane.model()->rowCount(), rig.server.backend()->thingCount());
        QCOMPARE(pane.model()->rowCount(), 50);
        QVERIFY(pane.model()->errorMessage().isEmpty());
        QCOMPARE(rig.listThingsAttempts, 5);
        QCOMPARE(status->text(), QStringLiteral("50 things"));
        // Sorted by name: the first row is the alphabetically first thing.
        QStringList names;
        for (int row = 0; row < pane.model()->rowCount(); ++row)
            names.append(pane.model()->thing(row).name);
        std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
            return a.compare(b, Qt::CaseInsensitive) < 0;
        });
        QCOMPARE(pane.proxy()->index(0, ThingsModel::Name).data().toString(), names.first());
    }

    // Ctrl+F focuses the filter; typing narrows the rows (after the debounce) to the 12
    // thermostats; clearing it brings back all 50.
    void filterNarrowsRows()
    {
        Rig rig;
        QVERIFY(rig.start());
        ThingsPane pane;
        pane.resize(360, 200);
        pane.show();
        pane.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&pane));
        pane.setPageSource(rig.pageSource());
        while (!pane.model()->isComplete()) {
            if (pane.model()->canFetchMore({}))
                pane.model()->fetchMore({});
            QTRY_VERIFY_WITH_TIMEOUT(!pane.model()->isLoading(), 10000);
            QVERIFY(pane.model()->errorMessage().isEmpty());
        }
        QCOMPARE(pane.proxy()->rowCount(), 50);

        auto *filter = pane.findChild<QLineEdit *>(QStringLiteral("thingsFilter"));
        QCOMPARE(filter->placeholderText(), QStringLiteral("Filter things"));
        auto *view = pane.findChild<QTreeView *>(QStringLiteral("thingsView"));
        view->setFocus();
        QTest::keySequence(view, QKeySequence::Find);
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("thermostat"));
        QTRY_COMPARE(pane.proxy()->rowCount(), 12);
        for (int row = 0; row < pane.proxy()->rowCount(); ++row)
            QCOMPARE(pane.proxy()->index(row, ThingsModel::Type).data().toString(),
                     QStringLiteral("Thermostat"));
        auto *status = pane.findChild<QLabel *>(QStringLiteral("thingsStatus"));
        QCOMPARE(status->text(), QStringLiteral("12 of 50 things"));
        filter->clear();
        QTRY_COMPARE(pane.proxy()->rowCount(), 50);
    }

    // A 503 on every ListThings attempt shows the error in the status line with Retry; once
    // the fault is gone, Retry loads the page.
    void failureShowsRetry()
    {
        Rig rig;
        QVERIFY(rig.start());
        QVERIFY(rig.setFaults(QByteArrayLiteral(
            R"({"rules": [{"operations": ["ListThings"], "kind": "status", "status": 503}]})")));
        ThingsPane pane;
        pane.resize(360, 200);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QSignalSpy failed(pane.model(), &ThingsModel::failed);
        pane.setPageSource(rig.pageSource());
        QVERIFY(failed.wait(10000));
        auto *status = pane.findChild<QLabel *>(QStringLiteral("thingsStatus"));
        auto *retry = pane.findChild<QPushButton *>(QStringLiteral("thingsRetry"));
        QVERIFY(retry->isVisible());
        QVERIFY2(status->text().startsWith(QStringLiteral("Things did not load: ")),
                 qPrintable(status->text()));
        QCOMPARE(status->text(),
                 QStringLiteral("Things did not load: %1").arg(pane.model()->errorMessage()));
        QCOMPARE(pane.model()->rowCount(), 0);
        QVERIFY(!pane.model()->canFetchMore({}));

        QVERIFY(rig.setFaults({}));
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowCount() >= PageSize, 10000);
        QTRY_VERIFY(!retry->isVisible());
        QVERIFY(pane.model()->errorMessage().isEmpty());
    }
};

QTEST_MAIN(TestThingsPane)
#include "tst_thingspane.moc"
