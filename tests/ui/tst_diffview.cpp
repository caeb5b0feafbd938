// SPDX-License-Identifier: GPL-3.0-or-later
// DiffView: rows and summary, the "No differences" state, change navigation that moves both
// panes together, and how long setTexts takes on two ~128 KB documents (a benchmark).
#include "diffview.h"

#include "semanticcolors.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>

namespace {

// A pretty-printed document of @p lines lines (about 21 characters each); with @p edited,
// every 20th member has another value (5% of the lines changed).
QString document(int lines, bool edited)
{
    QStringList text { QStringLiteral("{") };
    for (int i = 1; i < lines - 1; ++i) {
        const int value = edited && i % 20 == 0 ? -i : i * 7;
        text.append(
            QStringLiteral("  \"sensor%1\": %2,").arg(i, 5, 10, QLatin1Char('0')).arg(value, 6));
    }
    text.append(QStringLiteral("  \"end\": true"));
    text.append(QStringLiteral("}"));
    return text.join(u'\n');
}

QPlainTextEdit *pane(const DiffView &view, const char *name)
{
    return view.findChild<QPlainTextEdit *>(QLatin1String(name));
}

// The colour painted at @p row of @p pane, @p x pixels into its viewport (-1: the right end),
// one pixel below the row's top (above the glyphs).
QRgb colourAt(QPlainTextEdit *pane, int row, int x = -1)
{
    const QImage image = pane->viewport()->grab().toImage();
    const QRect cursor = pane->cursorRect(QTextCursor(pane->document()->findBlockByNumber(row)));
    const qreal scale = image.devicePixelRatio();
    const int column = x < 0 ? image.width() - 3 : int(x * scale);
    return image.pixel(column, int((cursor.top() + 1) * scale));
}

int currentRow(const DiffView &view)
{
    return pane(view, "diffLeft")->textCursor().blockNumber();
}

} // namespace

class TestDiffView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // One row per aligned line in both panes; the summary counts rows by kind.
    void rowsAndSummary()
    {
        DiffView view;
        view.setTexts(QStringLiteral("{\n\"a\": 1,\n\"b\": 2,\n\"c\": 3\n}"),
                      QStringLiteral("{\n\"a\": 1,\n\"b\": 20,\n\"d\": 4,\n\"e\": 5\n}"),
                      QStringLiteral("Saved"), QStringLiteral("Edited"));
        QCOMPARE(view.changedRowCount(), 3);
        QCOMPARE(view.rows().size(), 6);
        auto *summary = view.findChild<QLabel *>(QStringLiteral("diffSummary"));
        QVERIFY(summary);
        QCOMPARE(summary->text(), QStringLiteral("2 changed, 1 added, 0 removed lines"));
        QCOMPARE(pane(view, "diffLeft")->blockCount(), 6);
        QCOMPARE(pane(view, "diffRight")->blockCount(), 6);
        QCOMPARE(pane(view, "diffLeft")->toPlainText(),
                 QStringLiteral("{\n\"a\": 1,\n\"b\": 2,\n\"c\": 3\n\n}"));
        QCOMPARE(pane(view, "diffRight")->toPlainText(),
                 QStringLiteral("{\n\"a\": 1,\n\"b\": 20,\n\"d\": 4,\n\"e\": 5\n}"));
        QCOMPARE(pane(view, "diffLeft")->accessibleName(), QStringLiteral("Saved"));
        QCOMPARE(pane(view, "diffRight")->accessibleName(), QStringLiteral("Edited"));
        QVERIFY(pane(view, "diffLeft")->isReadOnly());
    }

    // Removed lines are tinted with the failure colour, added ones green, their changed words
    // stronger; rows without a line on one side are greyed there; equal rows stay plain.
    void tints()
    {
        DiffView view;
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setTexts(QStringLiteral("{\n\"b\": 2,\n\"c\": 3\n}"),
                      QStringLiteral("{\n\"b\": 20,\n\"c\": 3,\n\"d\": 4\n}"),
                      QStringLiteral("Saved"), QStringLiteral("Edited"));
        QPlainTextEdit *left = pane(view, "diffLeft");
        QPlainTextEdit *right = pane(view, "diffRight");
        const QPalette palette = left->palette();
        const QColor base = palette.color(QPalette::Base);
        const QColor negative = SemanticColors::negativeText(palette);
        const QColor positive = SemanticColors::tintedText(palette, 120);
        QCOMPARE(colourAt(left, 0), base.rgb());
        QCOMPARE(colourAt(left, 1), SemanticColors::blend(base, negative, 0.15).rgb());
        QCOMPARE(colourAt(right, 1), SemanticColors::blend(base, positive, 0.15).rgb());
        QCOMPARE(colourAt(right, 3), SemanticColors::blend(base, positive, 0.15).rgb());
        QCOMPARE(colourAt(left, 3),
                 SemanticColors::blend(base, palette.color(QPalette::PlaceholderText), 0.08).rgb());
        // "2" and "20" are the changed words of row 1.
        QTextCursor atNumber(right->document()->findBlockByNumber(1));
        atNumber.setPosition(atNumber.position() + 5);
        const int x = right->cursorRect(atNumber).left() + 3;
        QCOMPARE(colourAt(right, 1, x), SemanticColors::blend(base, positive, 0.4).rgb());
        QCOMPARE(colourAt(left, 1, x), SemanticColors::blend(base, negative, 0.4).rgb());

        // A dark palette retints.
        QPalette dark = view.palette();
        dark.setColor(QPalette::Base, QColor(0x23, 0x26, 0x29));
        dark.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
        view.setPalette(dark);
        QCOMPARE(colourAt(left, 1),
                 SemanticColors::blend(dark.color(QPalette::Base),
                                       SemanticColors::negativeText(dark), 0.15)
                     .rgb());
    }

    void noDifferences()
    {
        DiffView view;
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QString text = QStringLiteral("{\n  \"a\": 1\n}");
        view.setTexts(text, text + u'\n', QStringLiteral("Saved"), QStringLiteral("Edited"));
        QCOMPARE(view.changedRowCount(), 0);
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("diffSummary"))->text(),
                 QStringLiteral("No differences"));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("diffNoDifferences"))->isVisible());
        QVERIFY(!pane(view, "diffLeft")->isVisible());

        view.setTexts(text, QStringLiteral("{}"), QStringLiteral("Saved"),
                      QStringLiteral("Edited"));
        QVERIFY(!view.findChild<QLabel *>(QStringLiteral("diffNoDifferences"))->isVisible());
        QVERIFY(pane(view, "diffLeft")->isVisible());
    }

    // The view opens at the first change; F7/Alt+Down and Shift+F7/Alt+Up move both panes to
    // the next or previous block of changes, stopping at the ends.
    void navigation()
    {
        QStringList left;
        for (int i = 0; i < 600; ++i)
            left.append(QStringLiteral("line %1").arg(i));
        QStringList right = left;
        right[10] = QStringLiteral("changed");
        right[11] = QStringLiteral("changed too");
        right[300] = QStringLiteral("changed");
        right.insert(500, QStringLiteral("added"));

        DiffView view;
        view.resize(600, 300);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.setTexts(left.join(u'\n'), right.join(u'\n'), QStringLiteral("Left"),
                      QStringLiteral("Right"));
        QCOMPARE(view.changedRowCount(), 4);
        QCOMPARE(currentRow(view), 10);
        QScrollBar *leftBar = pane(view, "diffLeft")->verticalScrollBar();
        QScrollBar *rightBar = pane(view, "diffRight")->verticalScrollBar();
        const int top = leftBar->value();
        pane(view, "diffLeft")->setFocus();

        QTest::keyClick(pane(view, "diffLeft"), Qt::Key_F7);
        QCOMPARE(currentRow(view), 300);
        QVERIFY(leftBar->value() > top + 200);
        QCOMPARE(rightBar->value(), leftBar->value());
        QCOMPARE(pane(view, "diffRight")->textCursor().blockNumber(), 300);

        QTest::keyClick(pane(view, "diffRight"), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(currentRow(view), 500);
        view.nextChange();
        QCOMPARE(currentRow(view), 500);

        QTest::keyClick(pane(view, "diffLeft"), Qt::Key_F7, Qt::ShiftModifier);
        QCOMPARE(currentRow(view), 300);
        QTest::keyClick(pane(view, "diffLeft"), Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(currentRow(view), 10);
        QCOMPARE(leftBar->value(), top);
        view.previousChange();
        QCOMPARE(currentRow(view), 10);
    }

    // Scrolling one pane scrolls the other.
    void scrollingInSync()
    {
        DiffView view;
        view.resize(600, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setTexts(document(400, false), document(400, true), QStringLiteral("Left"),
                      QStringLiteral("Right"));
        pane(view, "diffRight")->verticalScrollBar()->setValue(123);
        QCOMPARE(pane(view, "diffLeft")->verticalScrollBar()->value(), 123);
        pane(view, "diffLeft")->verticalScrollBar()->setValue(7);
        QCOMPARE(pane(view, "diffRight")->verticalScrollBar()->value(), 7);
    }

    // setTexts on two ~128 KB, ~6,000-line documents that differ in 5% of their lines.
    void benchmarkSetTexts()
    {
        const QString left = document(6000, false);
        const QString right = document(6000, true);
        QVERIFY(left.size() > 120 * 1024);
        DiffView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QBENCHMARK
        {
            view.setTexts(left, right, QStringLiteral("Left"), QStringLiteral("Right"));
        }
        QCOMPARE(view.changedRowCount(), 299);
    }
};

QTEST_MAIN(TestDiffView)
#include "tst_diffview.moc"
