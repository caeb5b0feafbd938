// SPDX-License-Identifier: GPL-3.0-or-later
// The Things pane on the real ThingsPageSource, IotControlClient and RequestExecutor against
// the in-process sandbox's demo fleet over loopback HTTP, SigV4 verified: the fleet arrives a
// page at a time as the list is scrolled, the filter narrows the rows, and a 503 from the
// fault plan shows the error inline with a Retry that then succeeds. The server filter
// reloads from the first page with ListThings' filters; the current thing is announced,
// recorded as recent and can be pinned; Ctrl+K opens a thing by name, listed or not.
#include "thingspane.h"

#include "iot/thingspagesource.h"
#include "openthingdialog.h"
#include "sandbox/sandboxbackend.h"
#include "sandboxrig.h"
#include "settings/recentthings.h"
#include "thingsfilterproxy.h"
#include "thingsmodel.h"
#include "widgetwaits.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <memory>

namespace {

constexpr int PageSize = 10;

// The real page source on the rig's control client.
std::unique_ptr<ThingPageSource> pageSource(SandboxRig &rig)
{
    return std::make_unique<Iot::ThingsPageSource>(rig.control.get(), PageSize);
}

// A Things pane that records recent and pinned things in a private settings file, as the
// sandbox connection's.
struct RecentThingsPane
{
    QTemporaryDir dir;
    QSettings settings { dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat };
    Settings::RecentThings recent { &settings };
    ThingsPane pane;
    QSignalSpy activated { &pane, &ThingsPane::thingActivated };

    RecentThingsPane() { recent.setConnectionKey(QStringLiteral("sandbox")); }

    // Shows the pane, active, and lists the whole demo fleet in it.
    bool open(SandboxRig &rig)
    {
        pane.setRecentThings(&recent);
        if (!showActive(pane, QSize(420, 320)))
            return false;
        pane.setPageSource(pageSource(rig));
        return loadAllPages(pane.model());
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
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
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
        QVERIFY(showExposed(pane));
        auto *empty = pane.findChild<QLabel *>(QStringLiteral("thingsEmptyState"));
        QVERIFY(empty && empty->isVisible());
        QVERIFY(!pane.findChild<QTreeView *>(QStringLiteral("thingsView"))->isVisible());
        QVERIFY(!pane.model()->canFetchMore({}));
    }

    // The first page arrives on its own; the rest only as the list is scrolled to its end,
    // a page of ten at a time, until all 50 demo things are there and the status says so.
    void scrollingFetchesEveryPage()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        ThingsPane pane;
        QVERIFY(showExposed(pane, QSize(360, 200))); // fewer rows visible than a page holds
        auto *view = pane.findChild<QTreeView *>(QStringLiteral("thingsView"));
        auto *status = pane.findChild<QLabel *>(QStringLiteral("thingsStatus"));
        QSignalSpy loaded(&pane, &ThingsPane::loadFinished);
        pane.setPageSource(pageSource(rig));
        QVERIFY(view->isVisible());
        QCOMPARE(status->text(), QStringLiteral("Loading…"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(pane.model()->rowCount(), PageSize);
        QCOMPARE(status->text(), QStringLiteral("10 things, more as you scroll"));
        // The view's own layouts after the page ask for nothing more: the next page waits
        // for a scroll (a plain QTreeView would fetch every page unasked).
        for (int round = 0; round < 3; ++round)
            QCoreApplication::processEvents();
        QVERIFY(!pane.model()->isLoading());
        QCOMPARE(rig.log.size(), 1);

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
        QCOMPARE(rig.log.size(), 5);
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
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        ThingsPane pane;
        QVERIFY(showActive(pane, QSize(360, 200)));
        pane.setPageSource(pageSource(rig));
        QVERIFY(loadAllPages(pane.model()));
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
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        QVERIFY(rig.setFaults(QByteArrayLiteral(
            R"({"rules": [{"operations": ["ListThings"], "kind": "status", "status": 503}]})")));
        ThingsPane pane;
        QVERIFY(showExposed(pane, QSize(360, 200)));
        QSignalSpy failed(pane.model(), &ThingsModel::failed);
        pane.setPageSource(pageSource(rig));
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

    // The server filter row: thing type Thermostat reloads from page 1 with only the 12
    // thermostats; site=munich as a prefix gives the 10 things at munich-2; a value without
    // an attribute is refused inline; Clear lists all 50 again. The model stays consistent
    // throughout (QAbstractItemModelTester).
    void serverFilterReloads()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        ThingsPane pane;
        QAbstractItemModelTester tester(pane.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(showExposed(pane, QSize(420, 320)));
        pane.setPageSource(pageSource(rig));
        QVERIFY(loadAllPages(pane.model()));
        QCOMPARE(pane.model()->rowCount(), 50);

        auto *toggle = pane.findChild<QToolButton *>(QStringLiteral("thingsServerFilterToggle"));
        auto *row = pane.findChild<QWidget *>(QStringLiteral("thingsServerFilterRow"));
        auto *type = pane.findChild<QLineEdit *>(QStringLiteral("thingsServerType"));
        auto *attribute = pane.findChild<QLineEdit *>(QStringLiteral("thingsServerAttributeName"));
        auto *value = pane.findChild<QLineEdit *>(QStringLiteral("thingsServerAttributeValue"));
        auto *prefix = pane.findChild<QCheckBox *>(QStringLiteral("thingsServerPrefix"));
        auto *apply = pane.findChild<QPushButton *>(QStringLiteral("thingsServerApply"));
        auto *clear = pane.findChild<QPushButton *>(QStringLiteral("thingsServerClear"));
        auto *error = pane.findChild<QLabel *>(QStringLiteral("thingsServerFilterError"));
        QVERIFY(toggle && row && type && attribute && value && prefix && apply && clear && error);
        QVERIFY(!row->isVisible());
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(row->isVisible());
        QVERIFY(apply->isEnabled());

        const qsizetype attemptsBefore = rig.log.size();
        QTest::keyClicks(type, QStringLiteral("Thermostat"));
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(loadAllPages(pane.model()));
        QCOMPARE(pane.model()->rowCount(), 12);
        QCOMPARE(rig.log.size() - attemptsBefore, 2); // 10 + 2: from page 1 again
        for (int i = 0; i < pane.model()->rowCount(); ++i)
            QCOMPARE(pane.model()->thing(i).typeName, QStringLiteral("Thermostat"));
        QCOMPARE(pane.serverFilter().thingTypeName, QStringLiteral("Thermostat"));
        QCOMPARE(toggle->text(), QStringLiteral("Server filter: type Thermostat"));
        QCOMPARE(pane.statusText(), QStringLiteral("12 things (server filter)"));

        type->clear();
        QTest::keyClicks(value, QStringLiteral("munich"));
        QTest::keyClick(value, Qt::Key_Return);
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("Enter the attribute the value belongs to."));
        QVERIFY(attribute->hasFocus());
        QCOMPARE(pane.serverFilter().thingTypeName, QStringLiteral("Thermostat")); // unchanged

        QTest::keyClicks(attribute, QStringLiteral("site"));
        prefix->setChecked(true);
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(!error->isVisible());
        QVERIFY(loadAllPages(pane.model()));
        QCOMPARE(pane.model()->rowCount(), 10);
        for (int i = 0; i < pane.model()->rowCount(); ++i)
            QCOMPARE(pane.model()->thing(i).attributes.value(QStringLiteral("site")),
                     QStringLiteral("munich-2"));
        QCOMPARE(toggle->text(), QStringLiteral("Server filter: site=munich…"));

        QTest::mouseClick(clear, Qt::LeftButton);
        QVERIFY(loadAllPages(pane.model()));
        QCOMPARE(pane.model()->rowCount(), 50);
        QCOMPARE(toggle->text(), QStringLiteral("Server filter"));
        QVERIFY(value->text().isEmpty());
        QCOMPARE(pane.statusText(), QStringLiteral("50 things"));
    }

    // Choosing a row, or selectThing(), announces the thing once and records it as recent;
    // a thing hidden by the text filter is shown again; an unknown one is refused. Ctrl+D
    // pins and unpins the current thing.
    void activationRecentAndPinned()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        RecentThingsPane fixture;
        QVERIFY(fixture.open(rig));
        ThingsPane &pane = fixture.pane;
        Settings::RecentThings &recent = fixture.recent;
        QSignalSpy &activated = fixture.activated;
        auto *view = pane.findChild<QTreeView *>(QStringLiteral("thingsView"));

        const QModelIndex second = pane.proxy()->index(1, ThingsModel::Name);
        const QString secondName = second.data(ThingsModel::ThingNameRole).toString();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(second).center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.last().at(0).toString(), secondName);
        QCOMPARE(pane.currentThing(), secondName);

        const QString fifth = pane.proxy()->index(4, ThingsModel::Name).data().toString();
        auto *filter = pane.findChild<QLineEdit *>(QStringLiteral("thingsFilter"));
        QTest::keyClicks(filter, QStringLiteral("thermostat"));
        QTRY_COMPARE(pane.proxy()->rowCount(), 12);
        QCOMPARE(activated.size(), 1); // the filter moved the current row: not a choice
        QVERIFY(pane.selectThing(fifth));
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.last().at(0).toString(), fifth);
        QVERIFY(filter->text().isEmpty());
        QCOMPARE(pane.proxy()->rowCount(), 50);
        QCOMPARE(view->currentIndex().data(ThingsModel::ThingNameRole).toString(), fifth);
        QVERIFY(pane.selectThing(fifth)); // already current: not announced again
        QCOMPARE(activated.size(), 2);
        QVERIFY(!pane.selectThing(QStringLiteral("no-such-thing")));
        QCOMPARE(activated.size(), 2);
        QCOMPARE(recent.recent(), (QStringList { fifth, secondName }));

        view->setFocus();
        QCOMPARE(pane.pinAction()->text(), QStringLiteral("&Pin Thing"));
        QTest::keyClick(view, Qt::Key_D, Qt::ControlModifier);
        QVERIFY(recent.isPinned(fifth));
        QCOMPARE(pane.pinAction()->text(), QStringLiteral("Un&pin Thing"));
        QCOMPARE(pane.thingSuggestions().first(), fifth);
        QTest::keyClick(view, Qt::Key_D, Qt::ControlModifier);
        QVERIFY(!recent.isPinned(fifth));
    }

    // Ctrl+K asks for a name: one in the list is selected; one that is not (no ListThings
    // permission, or not loaded) is still announced and recorded.
    void openThingByName()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        RecentThingsPane fixture;
        fixture.recent.setPinned(QStringLiteral("pinned-elsewhere"), true);
        QVERIFY(fixture.open(rig));
        ThingsPane &pane = fixture.pane;
        Settings::RecentThings &recent = fixture.recent;
        QSignalSpy &activated = fixture.activated;
        QCOMPARE(pane.thingSuggestions().size(), 51);
        QCOMPARE(pane.thingSuggestions().first(), QStringLiteral("pinned-elsewhere"));
        QCOMPARE(pane.openThingAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));

        const auto typeInDialog = [this](const QString &name) {
            QTimer::singleShot(0, this, [name] {
                auto *dialog = qobject_cast<OpenThingDialog *>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("openThingName"));
                QTest::keyClicks(edit, name);
                QTest::keyClick(edit, Qt::Key_Return);
            });
        };
        auto *view = pane.findChild<QTreeView *>(QStringLiteral("thingsView"));
        view->setFocus(); // the view makes its first row current: that thing is announced
        QTRY_COMPARE(activated.size(), 1);
        activated.clear();
        typeInDialog(QStringLiteral("ghost-thing"));
        QTest::keyClick(view, Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.last().at(0).toString(), QStringLiteral("ghost-thing"));
        QVERIFY(!view->currentIndex().isValid() || !view->selectionModel()->hasSelection());
        QCOMPARE(recent.recent().first(), QStringLiteral("ghost-thing"));

        const QString listed = pane.model()->thing(7).name;
        typeInDialog(listed);
        pane.openThingAction()->trigger();
        QCOMPARE(activated.size(), 2);
        QCOMPARE(view->currentIndex().data(ThingsModel::ThingNameRole).toString(), listed);
    }
};

QTEST_MAIN(TestThingsPane)
#include "tst_thingspane.moc"
