// SPDX-License-Identifier: GPL-3.0-or-later
// Shadowscope's own icons (used where the desktop theme has none) load, and are drawn in the
// palette's text colour, so they stay visible on light and dark themes and at 2x; the
// application's icon keeps its colours.
#include "colorscheme.h"
#include "icons.h"

#include <QApplication>
#include <QDirIterator>
#include <QTest>

class TestIcons : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tintedInThePalettesColour_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("scheme");
        QDirIterator icons(QStringLiteral(":/icons/actions"));
        int count = 0;
        while (icons.hasNext()) {
            const QString name = QFileInfo(icons.next()).completeBaseName();
            for (auto scheme : {ColorScheme::Scheme::Light, ColorScheme::Scheme::Dark})
                QTest::addRow("%s %d", qPrintable(name), int(scheme)) << name << int(scheme);
            ++count;
        }
        QVERIFY(count >= 8);
    }
    void tintedInThePalettesColour()
    {
        QFETCH(QString, name);
        QFETCH(int, scheme);
        ColorScheme colorScheme;
        colorScheme.apply(ColorScheme::Scheme(scheme));
        QVERIFY(!QIcon::hasThemeIcon(name)); // offscreen has no icon theme: ours are drawn
        const QIcon icon = Icons::themed(name);
        const QColor text = QApplication::palette().color(QPalette::Active, QPalette::ButtonText);
        for (const qreal scale : {1.0, 2.0}) {
            const QImage image = icon.pixmap(QSize(16, 16), scale).toImage();
            QCOMPARE(image.size(), QSize(16, 16) * scale);
            int inked = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QColor pixel = image.pixelColor(x, y);
                    if (pixel.alpha() >= 128)
                        ++inked;
                    if (pixel.alpha() == 255)
                        QCOMPARE(pixel.rgb(), text.rgb());
                }
            }
            QVERIFY2(inked > image.width(), qPrintable(name));
        }
    }

    // The window's icon keeps its own colours at every size, crisp at 2x.
    void applicationIconInItsOwnColours()
    {
        const QIcon icon = Icons::application();
        for (const int size : {16, 48, 256}) {
            for (const qreal scale : {1.0, 2.0}) {
                const QImage image = icon.pixmap(QSize(size, size), scale).toImage();
                QCOMPARE(image.size(), QSize(size, size) * scale);
                const int side = image.width();
                QCOMPARE(image.pixelColor(0, 0).alpha(), 0); // outside the disc
                // Inside the disc, below the lens: the SVG's blue, not a palette colour.
                QCOMPARE(image.pixelColor(side / 4, side * 3 / 4).rgb(), QColor(0x1f, 0x4e, 0x79).rgb());
            }
        }
    }
};

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
