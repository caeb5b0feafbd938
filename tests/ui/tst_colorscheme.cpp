// SPDX-License-Identifier: GPL-3.0-or-later
// Light and dark: the palettes are readable (failure text included), the choice is kept,
// and "Follow the system" asks a real D-Bus session's desktop portal (here one this test
// serves) and turns dark when the desktop prefers dark.
#include "colorscheme.h"

#include "semanticcolors.h"
#include "settings/applicationidentity.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusVariant>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>

#include <cstdlib>

namespace {

// The portal's Settings interface, answering color-scheme with a fixed value.
class FakePortal final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
public:
    uint colorScheme = 1; // 0: no preference, 1: prefer dark, 2: prefer light

public Q_SLOTS:
    QDBusVariant Read(const QString &nameSpace, const QString &key)
    {
        if (nameSpace == QLatin1String("org.freedesktop.appearance") && key == QLatin1String("color-scheme"))
            return QDBusVariant(QVariant::fromValue(QDBusVariant(colorScheme)));
        return QDBusVariant(QVariant());
    }
};

} // namespace

class TestColorScheme : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Settings::applyApplicationIdentity(); }

    // Both palettes keep text and failure text far from their background.
    void palettesAreReadable_data()
    {
        QTest::addColumn<int>("scheme");
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << int(ColorScheme::Scheme::Light) << false;
        QTest::newRow("dark") << int(ColorScheme::Scheme::Dark) << true;
    }
    void palettesAreReadable()
    {
        QFETCH(int, scheme);
        QFETCH(bool, dark);
        ColorScheme colorScheme;
        colorScheme.apply(ColorScheme::Scheme(scheme));
        QCOMPARE(ColorScheme::isDark(), dark);
        const QPalette palette = QApplication::palette();
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        const int base = palette.color(QPalette::Base).lightness();
        QVERIFY(std::abs(palette.color(QPalette::Text).lightness() - base) >= 150);
        QVERIFY(std::abs(palette.color(QPalette::PlaceholderText).lightness() - base) >= 70);
        QVERIFY(std::abs(SemanticColors::negativeText(palette).lightness() - base) >= 70);
        QCOMPARE(palette.color(QPalette::Base).lightness() < 128, dark);
    }

    void choiceIsKept()
    {
        ColorScheme::save(ColorScheme::Scheme::Dark);
        QCOMPARE(ColorScheme::saved(), ColorScheme::Scheme::Dark);
        ColorScheme::save(ColorScheme::Scheme::System);
        QCOMPARE(ColorScheme::saved(), ColorScheme::Scheme::System);
    }

    // Following the system: a desktop that prefers dark gets the dark palette; one that
    // prefers light keeps the platform's.
    void followsTheDesktopPortal()
    {
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (!bus.isConnected())
            QSKIP("no D-Bus session (the README's test command runs one)");
        FakePortal portal;
        QVERIFY(bus.registerObject(QStringLiteral("/org/freedesktop/portal/desktop"), &portal,
                                   QDBusConnection::ExportAllSlots));
        QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.portal.Desktop")));
        ColorScheme colorScheme;
        colorScheme.apply(ColorScheme::Scheme::Light);
        QSignalSpy answered(&colorScheme, &ColorScheme::portalAnswered);
        portal.colorScheme = 2;
        colorScheme.apply(ColorScheme::Scheme::System);
        QVERIFY(answered.wait());
        QCOMPARE(answered.takeFirst().constFirst().toBool(), false);
        QVERIFY(!ColorScheme::isDark());
        portal.colorScheme = 1;
        colorScheme.apply(ColorScheme::Scheme::System);
        QVERIFY(answered.wait());
        QCOMPARE(answered.takeFirst().constFirst().toBool(), true);
        QVERIFY(ColorScheme::isDark());
        bus.unregisterService(QStringLiteral("org.freedesktop.portal.Desktop"));
        bus.unregisterObject(QStringLiteral("/org/freedesktop/portal/desktop"));
    }
};

QTEST_MAIN(TestColorScheme)
#include "tst_colorscheme.moc"
