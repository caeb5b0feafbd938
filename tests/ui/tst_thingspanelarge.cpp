// SPDX-License-Identifier: GPL-3.0-or-later
// The Things pane's additions at 100,000 things (canned pages): finding a thing by name,
// the Ctrl+K suggestions, the completing dialog (and typing in it) and painting with pinned
// things stay well under the time a user would notice. The times are printed (qInfo) for
// the report; the bounds are loose so a busy machine does not fail the test.
#include "thingsmodel.h"

#include "../models/fakethingpagesource.h"
#include "openthingdialog.h"
#include "settings/recentthings.h"
#include "thingspane.h"

#include <QCompleter>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

namespace {

constexpr int Things = 100'000;

QList<Iot::ThingSummary> fleet()
{
    QList<Iot::ThingSummary> things;
    things.reserve(Things);
    for (int i = 0; i < Things; ++i) {
        Iot::ThingSummary thing;
        thing.name = QStringLiteral("device-%1").arg(i, 6, 10, QLatin1Char('0'));
        thing.typeName = QStringLiteral("Sensor");
        things.append(thing);
    }
    return things;
}

} // namespace

class TestThingsPaneLarge : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hundredThousandThings()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        Settings::RecentThings recent(&settings);
        recent.setConnectionKey(QStringLiteral("large"));
        for (int i = 0; i < Things; i += 997)
            recent.setPinned(QStringLiteral("device-%1").arg(i, 6, 10, QLatin1Char('0')), true);

        ThingsPane pane;
        pane.setRecentThings(&recent);
        pane.resize(480, 640);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.setPageSource(std::make_unique<FakeThingPageSource>(
            fleet(), Things, FakeThingPageSource::Mode::AtOnce));
        QTRY_COMPARE(pane.model()->rowCount(), Things);

        QElapsedTimer timer;
        timer.start();
        QVERIFY(pane.selectThing(QStringLiteral("device-099999")));
        const qint64 selectMs = timer.restart();
        const QStringList suggestions = pane.thingSuggestions();
        const qint64 suggestionsMs = timer.restart();
        QCOMPARE(suggestions.size(), Things);
        qint64 typingMs = 0;
        {
            OpenThingDialog dialog(suggestions);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("openThingName"));
            QElapsedTimer typing;
            typing.start();
            QTest::keyClicks(name, QStringLiteral("device-09999")); // completes on every key
            typingMs = typing.elapsed();
            QCOMPARE(name->completer()->completionCount(), 10);
            // Recent things come first: selectThing() made the last one recent.
            QCOMPARE(name->completer()->currentCompletion(), QStringLiteral("device-099999"));
        }
        const qint64 dialogMs = timer.restart() - typingMs;
        auto *view = pane.findChild<QTreeView *>(QStringLiteral("thingsView"));
        view->scrollToTop();
        view->viewport()->repaint();
        const qint64 paintMs = timer.elapsed();

        qInfo("100k things: selectThing(last) %lld ms, suggestions %lld ms, dialog %lld ms, "
              "typing 12 keys with completion %lld ms, repaint with %lld pinned %lld ms",
              selectMs, suggestionsMs, dialogMs, typingMs, qint64(recent.pinned().size()), paintMs);
        QVERIFY(selectMs < 1000);
        QVERIFY(suggestionsMs < 1000);
        QVERIFY(dialogMs < 2000);
        QVERIFY(typingMs < 2000);
        QVERIFY(paintMs < 1000);
    }
};

QTEST_MAIN(TestThingsPaneLarge)
#include "tst_thingspanelarge.moc"
