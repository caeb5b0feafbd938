// SPDX-License-Identifier: GPL-3.0-or-later
// JsonHighlighter: which spans of a JSON line get which token's format, and colours that
// follow the palette (light on a dark base, dark on a light one).
#include "jsonhighlighter.h"

#include <QPalette>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

namespace {

// The token whose format covers @p position of the first block, by comparing foregrounds.
QString tokenAt(const JsonHighlighter &highlighter, const QTextDocument &document, int position)
{
    const QList<QTextLayout::FormatRange> ranges = document.firstBlock().layout()->formats();
    for (const QTextLayout::FormatRange &range : ranges) {
        if (position < range.start || position >= range.start + range.length)
            continue;
        for (const auto token : { JsonHighlighter::Token::Key, JsonHighlighter::Token::String,
                                  JsonHighlighter::Token::Number, JsonHighlighter::Token::Literal,
                                  JsonHighlighter::Token::Punctuation }) {
            if (range.format.foreground() == highlighter.tokenFormat(token).foreground())
                return QString::fromLatin1(QMetaEnum::fromType<JsonHighlighter::Token>().valueToKey(
                    int(token)));
        }
    }
    return QStringLiteral("none");
}

} // namespace

class TestJsonHighlighter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokens_data()
    {
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("token");
        // 0         1         2         3         4         5
        // 0123456789012345678901234567890123456789012345678901234
        // {"mode": "he\"at", "n": -20.5e1, "ok": true, "x": null}
        QTest::newRow("brace") << 0 << QStringLiteral("Punctuation");
        QTest::newRow("key") << 2 << QStringLiteral("Key");
        QTest::newRow("colon") << 7 << QStringLiteral("Punctuation");
        QTest::newRow("string") << 9 << QStringLiteral("String");
        QTest::newRow("escaped quote stays in the string") << 13 << QStringLiteral("String");
        QTest::newRow("number") << 25 << QStringLiteral("Number");
        QTest::newRow("exponent") << 30 << QStringLiteral("Number");
        QTest::newRow("true") << 40 << QStringLiteral("Literal");
        QTest::newRow("null") << 51 << QStringLiteral("Literal");
        QTest::newRow("space") << 8 << QStringLiteral("none");
    }
    void tokens()
    {
        QFETCH(int, position);
        QFETCH(QString, token);
        QPlainTextEdit editor;
        QTextDocument &document = *editor.document();
        JsonHighlighter highlighter(&document);
        editor.setPlainText(
            QStringLiteral("{\"mode\": \"he\\\"at\", \"n\": -20.5e1, \"ok\": true, \"x\": null}"));
        QCOMPARE(tokenAt(highlighter, document, position), token);
    }

    // Each token keeps to the text's side of the base colour.
    void followsPalette_data()
    {
        QTest::addColumn<QColor>("base");
        QTest::addColumn<QColor>("text");
        QTest::newRow("light") << QColor(Qt::white) << QColor(Qt::black);
        QTest::newRow("dark") << QColor(0x23, 0x26, 0x29) << QColor(0xfc, 0xfc, 0xfc);
    }
    void followsPalette()
    {
        QFETCH(QColor, base);
        QFETCH(QColor, text);
        QPalette palette;
        palette.setColor(QPalette::Base, base);
        palette.setColor(QPalette::Text, text);
        QTextDocument document;
        JsonHighlighter highlighter(&document);
        highlighter.setPalette(palette);
        const bool dark = base.lightness() < 128;
        for (const auto token : { JsonHighlighter::Token::Key, JsonHighlighter::Token::String,
                                  JsonHighlighter::Token::Number,
                                  JsonHighlighter::Token::Literal }) {
            const QColor colour = highlighter.tokenFormat(token).foreground().color();
            QCOMPARE(colour.lightness() > base.lightness(), dark);
            QVERIFY(std::abs(colour.lightness() - base.lightness()) >= 70);
        }
    }
};

QTEST_MAIN(TestJsonHighlighter)
#include "tst_jsonhighlighter.moc"
