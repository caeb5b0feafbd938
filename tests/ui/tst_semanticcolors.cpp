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
    }
};

QTEST_GUILESS_MAIN(TestSemanticColors)
#include "tst_semanticcolors.moc"
