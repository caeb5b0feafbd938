// SPDX-License-Identifier: GPL-3.0-or-later
// A payload is JSON (object or array) before UTF-8 text before binary; the hex dump shows
// offset, hex and ASCII sixteen bytes a line; pretty JSON is indented.
#include "payloadformat.h"

#include <QTest>

using Payload::Kind;
Q_DECLARE_METATYPE(Payload::Kind)

class TestPayloadFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detect_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<Kind>("kind");
        QTest::newRow("empty") << QByteArray() << Kind::Empty;
        QTest::newRow("object") << QByteArrayLiteral(R"({"value": 20.5})") << Kind::Json;
        QTest::newRow("array") << QByteArrayLiteral("[1, 2]") << Kind::Json;
        QTest::newRow("number is text") << QByteArrayLiteral("42") << Kind::Text;
        QTest::newRow("word") << QByteArrayLiteral("online") << Kind::Text;
        QTest::newRow("lines and tabs") << QByteArrayLiteral("a\tb\r\nc\n") << Kind::Text;
        QTest::newRow("utf-8") << QByteArray("Gr\xc3\xbc\xc3\x9f" "e") << Kind::Text;
        QTest::newRow("broken json is text") << QByteArrayLiteral("{\"a\": ") << Kind::Text;
        QTest::newRow("invalid utf-8") << QByteArray("ab\xff\xfe", 4) << Kind::Binary;
        QTest::newRow("nul") << QByteArray("ab\0cd", 5) << Kind::Binary;
        QTest::newRow("control") << QByteArray("\x01\x02\x03") << Kind::Binary;
        QTest::newRow("float bytes") << QByteArray::fromBase64("ppuEPpHtfD4K1yM+") << Kind::Binary;
    }
    void detect()
    {
        QFETCH(QByteArray, payload);
        QFETCH(Kind, kind);
        QCOMPARE(Payload::detectKind(payload), kind);
    }

    void hexDump_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("dump");
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("short") << QByteArrayLiteral("Hello")
                               << QStringLiteral("00000000  48 65 6c 6c 6f                   "
                                                 "                 |Hello|\n");
        QTest::newRow("two lines")
            << QByteArray("0123456789abcdef\x00\xff\n", 19)
            << QStringLiteral("00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  "
                              "|0123456789abcdef|\n"
                              "00000010  00 ff 0a                                          "
                              "|...|\n");
    }
    void hexDump()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, dump);
        QCOMPARE(Payload::hexDump(payload), dump);
    }

    void hexDumpOffsets()
    {
        const QString dump = Payload::hexDump(QByteArray(0x1234, 'x'));
        const QStringList lines = dump.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 0x1234 / 16 + 1);
        QVERIFY(lines.last().startsWith(QStringLiteral("00001230  78 78 78 78  ")));
        QVERIFY(lines.last().endsWith(QStringLiteral("|xxxx|")));
    }

    void prettyJson()
    {
        QCOMPARE(Payload::prettyJson(R"({"unit":"C","value":20})"),
                 QStringLiteral("{\n    \"unit\": \"C\",\n    \"value\": 20\n}\n"));
        QCOMPARE(Payload::prettyJson("online"), QString());
    }

    void kindNames()
    {
        QCOMPARE(Payload::kindName(Kind::Json), QStringLiteral("JSON"));
        QCOMPARE(Payload::kindName(Kind::Binary), QStringLiteral("binary"));
    }
};

QTEST_GUILESS_MAIN(TestPayloadFormat)
#include "tst_payloadformat.moc"
