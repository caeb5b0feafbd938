// SPDX-License-Identifier: GPL-3.0-or-later
#include "semanticcolors.h"

#include <QPalette>
#include <QTest>

#include <cstdlib>

class TestSemanticColors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // negativeText() is a red on the palette text's side of the base: dark on a light base,
    // light on a dark base, so failures stay as readable as the palette's own text.
    void negativeText_data()
    {
        QTest::addColumn<QColor>("base");
        QTest::addColumn<QColor>("text");
        QTest::addColumn<bool>("lighterThanBase");
        QTest::newRow("light theme") << QColor(Qt::white) << QColor(Qt::black) << false;
        QTest::newRow("dark theme") << QColor(0x23, 0x26, 0x29) << QColor(0xfc, 0xfc, 0xfc) << true;
        QTest::newRow("grey on light")
            << QColor(0xf0, 0xf0, 0xf0) << QColor(0x60, 0x60, 0x60) << false;
    }
    void negativeText()
    {
        QFETCH(QColor, base);
        QFETCH(QColor, text);
        QFETCH(bool, lighterThanBase);
        QPalette palette;
        palette.setColor(QPalette::Base, base);
        palette.setColor(QPalette::Text, text);
        const QColor negative = SemanticColors::negativeText(palette);
        QCOMPARE(negative.hslHue(), 0);
        QVERIFY(negative.hslSaturation() > 128);
        QCOMPARE(negative.lightness() > base.lightness(), lighterThanBase);
        QVERIFY(std::abs(negative.lightness() - base.lightness()) >= 70);

        // tintedText() keeps the same side and contrast in any hue.
        for (const int hue : { 30, 120, 210, 290 }) {
            const QColor tinted = SemanticColors::tintedText(palette, hue);
            QCOMPARE(tinted.hslHue(), hue);
            QCOMPARE(tinted.lightness() > base.lightness(), lighterThanBase);
            QVERIFY(std::abs(tinted.lightness() - base.lightness()) >= 70);
        }
    }

    // blend() moves from the base to the tint by the amount given.
    void blend_data()
    {
        QTest::addColumn<double>("amount");
        QTest::addColumn<QColor>("expected");
        QTest::newRow("none") << 0.0 << QColor(Qt::white);
        QTest::newRow("all") << 1.0 << QColor(Qt::red);
        QTest::newRow("a quarter") << 0.25 << QColor::fromRgbF(1.0f, 0.75f, 0.75f);
    }
    void blend()
    {
        QFETCH(double, amount);
        QFETCH(QColor, expected);
        QCOMPARE(SemanticColors::blend(Qt::white, Qt::red, amount), expected);
    }
};

QTEST_GUILESS_MAIN(TestSemanticColors)
#include "tst_semanticcolors.moc"
