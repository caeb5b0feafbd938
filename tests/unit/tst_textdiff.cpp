// SPDX-License-Identifier: GPL-3.0-or-later
// TextDiff::sideBySide: a minimal line diff, aligned in rows for two panes, changed lines paired
// with the words that differ marked.
#include "textdiff.h"

#include <QTest>

namespace {

// One row as "kind leftLine:left | rightLine:right", lines 1-based, "-" for no line.
QString dump(const TextDiff::Row &row)
{
    static const char *const kinds[] = { "=", "-", "+", "~" };
    const auto side = [](int line, const QString &text) {
        return line < 0 ? QStringLiteral("-") : QStringLiteral("%1:%2").arg(line + 1).arg(text);
    };
    return QStringLiteral("%1 %2 | %3")
        .arg(QLatin1String(kinds[int(row.kind)]), side(row.leftLine, row.left),
             side(row.rightLine, row.right));
}

QStringList dump(const QList<TextDiff::Row> &rows)
{
    QStringList lines;
    for (const TextDiff::Row &row : rows)
        lines.append(dump(row));
    return lines;
}

} // namespace

class TestTextDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Rows in order: "=" same, "-" removed, "+" added, "~" changed (a removed line facing an
    // added one); each side's lines appear once each, in order.
    void rows_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("both empty") << QString() << QString() << QStringList();
        QTest::newRow("equal") << QStringLiteral("a\nb") << QStringLiteral("a\nb")
                               << QStringList { QStringLiteral("= 1:a | 1:a"),
                                                QStringLiteral("= 2:b | 2:b") };
        QTest::newRow("all added")
            << QString() << QStringLiteral("a\nb")
            << QStringList { QStringLiteral("+ - | 1:a"), QStringLiteral("+ - | 2:b") };
        QTest::newRow("all removed")
            << QStringLiteral("a\nb\n") << QString()
            << QStringList { QStringLiteral("- 1:a | -"), QStringLiteral("- 2:b | -") };
        QTest::newRow("trailing newline is not a line")
            << QStringLiteral("a\n") << QStringLiteral("a")
            << QStringList { QStringLiteral("= 1:a | 1:a") };
        QTest::newRow("an empty last line is one")
            << QStringLiteral("a\n\n") << QStringLiteral("a\n")
            << QStringList { QStringLiteral("= 1:a | 1:a"), QStringLiteral("- 2: | -") };
        QTest::newRow("interleaved")
            << QStringLiteral("a\nb\nc\nd\ne") << QStringLiteral("a\nx\nc\ne\nf")
            << QStringList { QStringLiteral("= 1:a | 1:a"), QStringLiteral("~ 2:b | 2:x"),
                             QStringLiteral("= 3:c | 3:c"), QStringLiteral("- 4:d | -"),
                             QStringLiteral("= 5:e | 4:e"), QStringLiteral("+ - | 5:f") };
        QTest::newRow("longer added block pairs then adds")
            << QStringLiteral("{\n\"a\": 1\n}") << QStringLiteral("{\n\"a\": 2,\n\"b\": 3\n}")
            << QStringList { QStringLiteral("= 1:{ | 1:{"),
                             QStringLiteral("~ 2:\"a\": 1 | 2:\"a\": 2,"),
                             QStringLiteral("+ - | 3:\"b\": 3"), QStringLiteral("= 3:} | 4:}") };
        QTest::newRow("longer removed block pairs then removes")
            << QStringLiteral("x\ny\nz\nend") << QStringLiteral("q\nend")
            << QStringList { QStringLiteral("~ 1:x | 1:q"), QStringLiteral("- 2:y | -"),
                             QStringLiteral("- 3:z | -"), QStringLiteral("= 4:end | 2:end") };
        QTest::newRow("moved line is removed and added")
            << QStringLiteral("a\nb\nc") << QStringLiteral("b\nc\na")
            << QStringList { QStringLiteral("- 1:a | -"), QStringLiteral("= 2:b | 1:b"),
                             QStringLiteral("= 3:c | 2:c"), QStringLiteral("+ - | 3:a") };
    }
    void rows()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(QStringList, expected);
        const QList<TextDiff::Row> rows = TextDiff::sideBySide(left, right);
        QCOMPARE(dump(rows), expected);
        for (const TextDiff::Row &row : rows) {
            if (row.kind != TextDiff::Row::Kind::Changed)
                QVERIFY(row.leftSpans.isEmpty() && row.rightSpans.isEmpty());
        }
    }

    // A changed pair marks the words, whitespace runs or punctuation that differ, as character
    // spans, adjacent ones merged.
    void spans_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<QList<TextDiff::Span>>("leftSpans");
        QTest::addColumn<QList<TextDiff::Span>>("rightSpans");
        using Spans = QList<TextDiff::Span>;
        QTest::newRow("value changed")
            << QStringLiteral("  \"temp\": 21,") << QStringLiteral("  \"temp\": 22,")
            << Spans { { 10, 2 } } << Spans { { 10, 2 } };
        QTest::newRow("word replaced by two")
            << QStringLiteral("\"mode\": \"heat\"") << QStringLiteral("\"mode\": \"cool dry\"")
            << Spans { { 9, 4 } } << Spans { { 9, 8 } };
        QTest::newRow("added at the end")
            << QStringLiteral("\"a\": 1") << QStringLiteral("\"a\": 1,") << Spans {}
            << Spans { { 6, 1 } };
        QTest::newRow("two places") << QStringLiteral("[1, 2, 3]") << QStringLiteral("[7, 2, 9]")
                                    << Spans { { 1, 1 }, { 7, 1 } } << Spans { { 1, 1 }, { 7, 1 } };
        QTest::newRow("empty against text")
            << QString() << QStringLiteral("x y") << Spans {} << Spans { { 0, 3 } };
    }
    void spans()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(QList<TextDiff::Span>, leftSpans);
        QFETCH(QList<TextDiff::Span>, rightSpans);
        const QList<TextDiff::Row> rows = TextDiff::sideBySide(
            QStringLiteral("{\n%1\n}").arg(left), QStringLiteral("{\n%1\n}").arg(right));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(1).kind, TextDiff::Row::Kind::Changed);
        QCOMPARE(rows.at(1).leftSpans, leftSpans);
        QCOMPARE(rows.at(1).rightSpans, rightSpans);
    }

    // Lines too long to diff word by word get one span each, between the common ends.
    void longLines()
    {
        QString leftWords;
        QString rightWords;
        for (int i = 0; i < 3000; ++i) {
            leftWords += QStringLiteral("w%1 ").arg(i);
            rightWords += QStringLiteral("w%1 ").arg(i == 1500 ? -1 : i);
        }
        const QList<TextDiff::Row> rows = TextDiff::sideBySide(leftWords, rightWords);
        QCOMPARE(rows.size(), 1);
        const int at = int(leftWords.indexOf(QStringLiteral("w1500 ")));
        QCOMPARE(rows.at(0).leftSpans, (QList<TextDiff::Span> { { at + 1, 4 } }));
        QCOMPARE(rows.at(0).rightSpans, (QList<TextDiff::Span> { { at + 1, 2 } }));
    }

    // Every left line and every right line appears once, in order, whatever the edit.
    void sidesComplete()
    {
        QStringList leftLines;
        QStringList rightLines;
        for (int i = 0; i < 500; ++i) {
            leftLines.append(QString::number(i % 7 == 0 ? i : i % 13));
            rightLines.append(QString::number(i % 5 == 0 ? -i : i % 13));
        }
        const QList<TextDiff::Row> rows
            = TextDiff::sideBySide(leftLines.join(u'\n'), rightLines.join(u'\n'));
        QStringList left;
        QStringList right;
        for (const TextDiff::Row &row : rows) {
            if (row.leftLine >= 0) {
                QCOMPARE(row.leftLine, left.size());
                left.append(row.left);
            }
            if (row.rightLine >= 0) {
                QCOMPARE(row.rightLine, right.size());
                right.append(row.right);
            }
            if (row.kind == TextDiff::Row::Kind::Same)
                QCOMPARE(row.left, row.right);
        }
        QCOMPARE(left, leftLines);
        QCOMPARE(right, rightLines);
    }
};

QTEST_GUILESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
