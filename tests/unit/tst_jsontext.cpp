// SPDX-License-Identifier: GPL-3.0-or-later
// JsonText: where and why a text is not one JSON object, and re-indenting or compacting that
// keeps the text's own order, numbers and escapes.
#include "jsontext.h"

#include <QJsonObject>
#include <QTest>

class TestJsonText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Valid objects, whitespace around allowed, give no error.
    void validObjects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty object") << QStringLiteral("{}");
        QTest::newRow("whitespace around") << QStringLiteral(" \n\t{ }\r\n ");
        QTest::newRow("nested") << QStringLiteral(R"({"a":{"b":[1,-2.5e+3,true,false,null,{}]}})");
        QTest::newRow("escapes") << QStringLiteral("{\"s\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"}");
        QTest::newRow("non-ASCII") << QStringLiteral(u"{\"t\u00e9\":\"\u65e5\u672c\"}");
        QTest::newRow("big number") << QStringLiteral(R"({"n":9007199254740993})");
    }
    void validObjects()
    {
        QFETCH(QString, text);
        const std::optional<JsonText::ParseError> error = JsonText::checkObject(text);
        QVERIFY2(!error, qPrintable(error ? error->message : QString()));
    }

    // Every common mistake: the message, and the 0-based offset with its 1-based line and
    // column (in QChars, lines ending at '\n').
    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QString() << 0 << 1 << 1
                               << QStringLiteral("The text is empty: a shadow document must be a "
                                                 "JSON object");
        QTest::newRow("array") << QStringLiteral("  [1]") << 2 << 1 << 3
                               << QStringLiteral("A shadow document must be a JSON object");
        QTest::newRow("scalar") << QStringLiteral("42") << 0 << 1 << 1
                                << QStringLiteral("A shadow document must be a JSON object");
        QTest::newRow("missing comma, multi-line")
            << QStringLiteral("{\n  \"a\": 1\n  \"b\": 2\n}") << 13 << 3 << 3
            << QStringLiteral("Missing comma between members");
        QTest::newRow("missing comma in an array")
            << QStringLiteral(R"({"a":[1 2]})") << 8 << 1 << 9
            << QStringLiteral("Missing comma between array elements");
        QTest::newRow("trailing comma in an object")
            << QStringLiteral("{\"a\": 1,\n}") << 9 << 2 << 1
            << QStringLiteral("Trailing comma after the last member");
        QTest::newRow("trailing comma in an array")
            << QStringLiteral(R"({"a":[1,]})") << 8 << 1 << 9
            << QStringLiteral("Trailing comma after the last element");
        QTest::newRow("missing colon") << QStringLiteral(R"({"a" 1})") << 5 << 1 << 6
                                       << QStringLiteral("Missing colon after the member name");
        QTest::newRow("unquoted name") << QStringLiteral("{a: 1}") << 1 << 1 << 2
                                       << QStringLiteral("Expected a member name in double quotes");
        QTest::newRow("single quotes") << QStringLiteral("{\"a\": 'x'}") << 6 << 1 << 7
                                       << QStringLiteral("Strings must be in double quotes");
        QTest::newRow("unterminated string")
            << QStringLiteral("{\"a\": \"x\n}") << 6 << 1 << 7
            << QStringLiteral("Unterminated string: the closing \" is missing");
        QTest::newRow("invalid escape") << QStringLiteral(R"({"a": "\x"})") << 7 << 1 << 8
                                        << QStringLiteral("Invalid escape sequence \\x");
        QTest::newRow("short unicode escape")
            << QStringLiteral(R"({"a": "\u12"})") << 7 << 1 << 8
            << QStringLiteral("Invalid \\u escape: four hex digits must follow");
        QTest::newRow("raw tab in a string")
            << QStringLiteral("{\"a\": \"x\ty\"}") << 8 << 1 << 9
            << QStringLiteral("Control characters in a string must be escaped");
        QTest::newRow("leading zero") << QStringLiteral(R"({"a": 01})") << 6 << 1 << 7
                                      << QStringLiteral("Invalid number: leading zeros are not "
                                                        "allowed");
        QTest::newRow("bare decimal point")
            << QStringLiteral(R"({"a": 1.})") << 6 << 1 << 7
            << QStringLiteral("Invalid number: a digit must follow the decimal point");
        QTest::newRow("empty exponent") << QStringLiteral(R"({"a": 1e})") << 6 << 1 << 7
                                        << QStringLiteral("Invalid number: the exponent has no "
                                                          "digits");
        QTest::newRow("lone minus") << QStringLiteral(R"({"a": -})") << 6 << 1 << 7
                                    << QStringLiteral("Invalid number: a digit must follow the "
                                                      "minus sign");
        QTest::newRow("unknown word") << QStringLiteral(R"({"a": True})") << 6 << 1 << 7
                                      << QStringLiteral("Unknown word \"True\": a value is a "
                                                        "string in double quotes, a number, an "
                                                        "object, an array, true, false or null");
        QTest::newRow("missing value") << QStringLiteral(R"({"a": })") << 6 << 1 << 7
                                       << QStringLiteral("Expected a value: a string, number, "
                                                         "object, array, true, false or null");
        QTest::newRow("unclosed object") << QStringLiteral("{\"a\": 1\n") << 8 << 2 << 1
                                         << QStringLiteral("Unexpected end of text: an object is "
                                                           "not closed with }");
        QTest::newRow("unclosed array") << QStringLiteral(R"({"a": [1)") << 8 << 1 << 9
                                        << QStringLiteral("Unexpected end of text: an array is "
                                                          "not closed with ]");
        QTest::newRow("text after the object")
            << QStringLiteral("{}\n{}") << 3 << 2 << 1
            << QStringLiteral("Unexpected text after the end of the document");
        QTest::newRow("wrong closing bracket")
            << QStringLiteral(R"({"a": 1])") << 7 << 1 << 8
            << QStringLiteral("Expected , or } after the member's value");
        QTest::newRow("duplicate name") << QStringLiteral(R"({"a": 1, "a": 2})") << 9 << 1 << 10
                                        << QStringLiteral("Duplicate member name \"a\"");
        // Columns count QChars: "é" is one, the emoji (a surrogate pair) two.
        QTest::newRow("non-ASCII before the error")
            << QStringLiteral(u"{\n  \"\u00e9\U0001F600\": 1 \"b\": 2}") << 13 << 2 << 12
            << QStringLiteral("Missing comma between members");
    }
    void errors()
    {
        QFETCH(QString, text);
        QFETCH(int, offset);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const std::optional<JsonText::ParseError> error = JsonText::checkObject(text);
        QVERIFY(error);
        QCOMPARE(error->message, message);
        QCOMPARE(error->offset, offset);
        QCOMPARE(error->line, line);
        QCOMPARE(error->column, column);
    }

    void tooDeep()
    {
        const QString text = QStringLiteral("{\"a\":") + QString(2000, u'[') + QString(2000, u']')
            + QStringLiteral("}");
        const std::optional<JsonText::ParseError> error = JsonText::checkObject(text);
        QVERIFY(error);
        QCOMPARE(error->message, QStringLiteral("Nested too deeply (more than 1024 levels)"));
    }

    // format() indents by level in the text's own member order; strings (escapes, unicode)
    // and numbers are copied exactly.
    void format_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("indent");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QStringLiteral(" { } ") << 2 << QStringLiteral("{}");
        QTest::newRow("order kept")
            << QStringLiteral(R"({"z":1,"a":{"y":[],"b":{}}})") << 2
            << QStringLiteral("{\n  \"z\": 1,\n  \"a\": {\n    \"y\": [],\n    \"b\": {}\n  }\n}");
        QTest::newRow("arrays, indent 4")
            << QStringLiteral(R"({"l":[1, [true,null]]})") << 4
            << QStringLiteral("{\n    \"l\": [\n        1,\n        [\n            true,\n"
                              "            null\n        ]\n    ]\n}");
        QTest::newRow("numbers verbatim")
            << QStringLiteral(R"({"p":1.50,"big":9007199254740993,"e":-1E+02})") << 2
            << QStringLiteral(
                   "{\n  \"p\": 1.50,\n  \"big\": 9007199254740993,\n  \"e\": -1E+02\n}");
        QTest::newRow("strings verbatim")
            << QStringLiteral(u"{\"k\u00e9\":\"a, b: {c}\\\" \\u00e9 \u65e5\"}") << 2
            << QStringLiteral(u"{\n  \"k\u00e9\": \"a, b: {c}\\\" \\u00e9 \u65e5\"\n}");
        QTest::newRow("invalid unchanged")
            << QStringLiteral("{\"a\":") << 2 << QStringLiteral("{\"a\":");
    }
    void format()
    {
        QFETCH(QString, text);
        QFETCH(int, indent);
        QFETCH(QString, expected);
        QCOMPARE(JsonText::format(text, indent), expected);
    }

    void compact_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("whitespace dropped")
            << QStringLiteral("{\n  \"z\" : [ 1 , 2 ],\n\t\"a\": { }\n}")
            << QStringLiteral(R"({"z":[1,2],"a":{}})");
        QTest::newRow("spaces in strings kept") << QStringLiteral("{ \"a b\" : \" x \\\" y \" }")
                                                << QStringLiteral("{\"a b\":\" x \\\" y \"}");
        QTest::newRow("numbers verbatim") << QStringLiteral(R"({"p": 1.50, "b": 9007199254740993})")
                                          << QStringLiteral(R"({"p":1.50,"b":9007199254740993})");
        QTest::newRow("invalid unchanged")
            << QStringLiteral("{ \"a\" }") << QStringLiteral("{ \"a\" }");
    }
    void compact()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(JsonText::compact(text), expected);
    }

    // format and compact undo each other.
    void roundTrip()
    {
        const QString compacted = QStringLiteral(
            u"{\"z\":{\"\u00e9\":[1.50,{\"q\":\"\\n\\u0041\"}]},\"a\":9007199254740993,\"m\":[]}");
        const QString formatted = JsonText::format(compacted);
        QVERIFY(!JsonText::checkObject(formatted));
        QCOMPARE(JsonText::compact(formatted), compacted);
        QCOMPARE(JsonText::format(JsonText::compact(formatted)), formatted);
        QCOMPARE(JsonText::format(formatted), formatted);
    }

    // toText() shows a QJsonObject as format() would, keys in QJsonObject's sorted order.
    void toText()
    {
        QJsonObject object { { QStringLiteral("b"), 1 },
                             { QStringLiteral("a"),
                               QJsonObject { { QStringLiteral("c"), true } } } };
        QCOMPARE(JsonText::toText(object),
                 QStringLiteral("{\n  \"a\": {\n    \"c\": true\n  },\n  \"b\": 1\n}"));
        QCOMPARE(JsonText::toText({}), QStringLiteral("{}"));
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
