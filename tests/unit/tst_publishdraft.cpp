// SPDX-License-Identifier: GPL-3.0-or-later
// The publish composer's logic: every payload mode makes the bytes typed (or says what is wrong
// and where), the request is refused before sending for any topic, size, correlation data,
// response topic, user property, expiry or QoS problem (all of them listed at once), the
// ${variables} expand, and a draft survives its JSON form unchanged.
#include "publishdraft.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(Publish::Draft)
Q_DECLARE_METATYPE(Publish::PayloadMode)
Q_DECLARE_METATYPE(Publish::BytesEncoding)

using Publish::BytesEncoding;
using Publish::Draft;
using Publish::PayloadMode;
using Publish::Problem;

namespace {

Draft draftOf(PayloadMode mode, const QString &payload)
{
    Draft draft;
    draft.topic = QStringLiteral("devices/d1/telemetry");
    draft.mode = mode;
    draft.payloadText = payload;
    return draft;
}

/** A draft with every member set to something other than its default. */
Draft fullDraft()
{
    Draft draft;
    draft.topic = QStringLiteral("devices/${thing}/cmd");
    draft.mode = PayloadMode::Hex;
    draft.payloadText = QStringLiteral("0xdead beef");
    draft.qos = 1;
    draft.retain = true;
    draft.contentType = QStringLiteral("application/octet-stream");
    draft.payloadFormat = Iot::PayloadFormat::UnspecifiedBytes;
    draft.responseTopic = QStringLiteral("devices/${thing}/reply");
    draft.correlationData = QStringLiteral("AQID");
    draft.correlationEncoding = BytesEncoding::Base64;
    draft.messageExpiry = 3600;
    draft.userProperties = { { QStringLiteral("k"), QStringLiteral("v ${uuid}") },
                             { QStringLiteral("k"), QStringLiteral("second, same key") },
                             { QStringLiteral("ünï"), QString() } };
    return draft;
}

QByteArray allBytes()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes;
}

QStringList problemFields(const std::variant<Iot::PublishRequest, QList<Problem>> &result)
{
    QStringList fields;
    if (const auto *problems = std::get_if<QList<Problem>>(&result)) {
        for (const Problem &problem : *problems)
            fields.append(problem.field);
    }
    return fields;
}

QStringList problemMessages(const std::variant<Iot::PublishRequest, QList<Problem>> &result)
{
    QStringList messages;
    if (const auto *problems = std::get_if<QList<Problem>>(&result)) {
        for (const Problem &problem : *problems)
            messages.append(problem.message);
    }
    return messages;
}

} // namespace

class TestPublishDraft : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Sizes are written with the locale's digit grouping: pin it.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    // Every mode has a key, and only those keys are modes.
    void modeKeys()
    {
        const QList<PayloadMode> modes { PayloadMode::Json, PayloadMode::Text, PayloadMode::Base64,
                                         PayloadMode::Hex,  PayloadMode::File, PayloadMode::Empty };
        QStringList keys;
        for (PayloadMode mode : modes) {
            keys.append(Publish::payloadModeKey(mode));
            QCOMPARE(Publish::payloadModeFromKey(keys.constLast()), mode);
        }
        QCOMPARE(keys,
                 QStringList({ QStringLiteral("json"), QStringLiteral("text"),
                               QStringLiteral("base64"), QStringLiteral("hex"),
                               QStringLiteral("file"), QStringLiteral("empty") }));
        QCOMPARE(Publish::payloadModeFromKey(QStringLiteral("JSON")), std::nullopt);
        QCOMPARE(Publish::payloadModeFromKey(QString()), std::nullopt);
    }

    // Typed payloads become exactly their bytes; bad ones a "payload" problem saying where.
    void payloadBytes_data()
    {
        QTest::addColumn<PayloadMode>("mode");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("problem"); // empty: the bytes are made

        const auto ok
            = [](const char *name, PayloadMode mode, const QString &text, const QByteArray &bytes) {
                  QTest::newRow(name) << mode << text << bytes << QString();
              };
        const auto bad
            = [](const char *name, PayloadMode mode, const QString &text, const QString &problem) {
                  QTest::newRow(name) << mode << text << QByteArray() << problem;
              };
        ok("json object as typed", PayloadMode::Json,
           QStringLiteral("{ \"b\": 1,\n  \"a\": 2.50 }"), "{ \"b\": 1,\n  \"a\": 2.50 }");
        ok("json unicode", PayloadMode::Json, QStringLiteral("{\"t\":\"é😀\"}"),
           QStringLiteral("{\"t\":\"é😀\"}").toUtf8());
        ok("json array", PayloadMode::Json, QStringLiteral("[1, \"x\", null]"), "[1, \"x\", null]");
        ok("json string", PayloadMode::Json, QStringLiteral("\"hi\""), "\"hi\"");
        ok("json number", PayloadMode::Json, QStringLiteral(" 42 "), " 42 ");
        ok("json true", PayloadMode::Json, QStringLiteral("true"), "true");
        ok("json null", PayloadMode::Json, QStringLiteral("null"), "null");
        bad("json empty", PayloadMode::Json, QStringLiteral("  \n"),
            QStringLiteral("The JSON payload is empty; choose Empty to send no payload."));
        bad("json trailing comma", PayloadMode::Json, QStringLiteral("{\n  \"a\": 1,\n}"),
            QStringLiteral(
                "Invalid JSON at line 3, column 1: Trailing comma after the last member"));
        bad("json duplicate member", PayloadMode::Json, QStringLiteral("{\"a\": 1, \"a\": 2}"),
            QStringLiteral("Invalid JSON at line 1, column 10: Duplicate member name \"a\""));
        bad("json unclosed array", PayloadMode::Json, QStringLiteral("[1,\n 2"),
            QStringLiteral("Invalid JSON at line 2, column 3: unterminated array"));
        // Values other than objects are checked by QJsonDocument, which points where it stopped.
        bad("json bad word", PayloadMode::Json, QStringLiteral("[1, tru]"),
            QStringLiteral("Invalid JSON at line 1, column 9: illegal value"));
        bad("json two values", PayloadMode::Json, QStringLiteral("1, 2"),
            QStringLiteral("Invalid JSON: more than one value; put several values in an array."));
        ok("text unicode", PayloadMode::Text, QStringLiteral("héllo ✓\n"),
           QStringLiteral("héllo ✓\n").toUtf8());
        ok("text empty", PayloadMode::Text, QString(), QByteArray());
        ok("base64", PayloadMode::Base64, QStringLiteral("SGVsbG8="), "Hello");
        ok("base64 whitespace", PayloadMode::Base64, QStringLiteral(" SGVs\n bG8=\n"), "Hello");
        ok("base64 unpadded", PayloadMode::Base64, QStringLiteral("SGVsbG8"), "Hello");
        ok("base64 every byte", PayloadMode::Base64, QString::fromLatin1(allBytes().toBase64()),
           allBytes());
        bad("base64 bad character", PayloadMode::Base64, QStringLiteral("SGV*bG8="),
            QStringLiteral("Invalid base64 at position 4: '*' is not a base64 character"));
        bad("base64 url alphabet", PayloadMode::Base64, QStringLiteral("ab-_"),
            QStringLiteral("Invalid base64 at position 3: '-' is not a base64 character"));
        bad("base64 text after padding", PayloadMode::Base64, QStringLiteral("SGVsbG8=QQ"),
            QStringLiteral("Invalid base64 at position 9: '=' may only end the text"));
        bad("base64 three padding", PayloadMode::Base64, QStringLiteral("SG==="),
            QStringLiteral("Invalid base64 at position 5: more than two '=' at the end"));
        bad("base64 cut short", PayloadMode::Base64, QStringLiteral("SGVsb"),
            QStringLiteral("Invalid base64: 5 characters is not a whole number of bytes (the text "
                           "may be cut short)"));
        bad("base64 wrong padding", PayloadMode::Base64, QStringLiteral("SGVsbG="),
            QStringLiteral("Invalid base64: 7 characters is not a whole number of bytes (the text "
                           "may be cut short)"));
        ok("hex", PayloadMode::Hex, QStringLiteral("48656c6C6f"), "Hello");
        ok("hex pairs", PayloadMode::Hex, QStringLiteral("48 65\n6c\t6c 6f"), "Hello");
        ok("hex 0x each", PayloadMode::Hex, QStringLiteral("0x48 0X65 0x6c6c6f"), "Hello");
        ok("hex every byte", PayloadMode::Hex, QString::fromLatin1(allBytes().toHex(' ')),
           allBytes());
        ok("hex nothing", PayloadMode::Hex, QStringLiteral("  "), QByteArray());
        bad("hex bad digit", PayloadMode::Hex, QStringLiteral("48 6g"),
            QStringLiteral("Invalid hex at position 5: 'g' is not a hex digit"));
        bad("hex bad digit after 0x", PayloadMode::Hex, QStringLiteral("0x4z"),
            QStringLiteral("Invalid hex at position 4: 'z' is not a hex digit"));
        bad("hex odd", PayloadMode::Hex, QStringLiteral("48 656"),
            QStringLiteral(
                "Invalid hex at position 4: \"656\" has an odd number of digits (3); each "
                "byte is two digits"));
        bad("hex lone 0x digit", PayloadMode::Hex, QStringLiteral("0x1 0x2"),
            QStringLiteral(
                "Invalid hex at position 1: \"0x1\" has an odd number of digits (1); each "
                "byte is two digits"));
        ok("empty ignores text", PayloadMode::Empty, QStringLiteral("anything"), QByteArray());
    }

    void payloadBytes()
    {
        QFETCH(PayloadMode, mode);
        QFETCH(QString, text);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, problem);
        const std::variant<QByteArray, Problem> result = Publish::payloadBytes(draftOf(mode, text));
        if (problem.isEmpty()) {
            const Problem *unexpected = std::get_if<Problem>(&result);
            QVERIFY2(!unexpected, unexpected ? qPrintable(unexpected->message) : "");
            QCOMPARE(std::get<QByteArray>(result), bytes);
        } else {
            QVERIFY(std::holds_alternative<Problem>(result));
            QCOMPARE(std::get<Problem>(result).message, problem);
            QCOMPARE(std::get<Problem>(result).field, QStringLiteral("payload"));
        }
    }

    // File mode sends the file's bytes (any bytes); a file that cannot be read says why.
    void filePayload()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("blob.bin"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(allBytes());
        file.close();
        const auto bytes = Publish::payloadBytes(draftOf(PayloadMode::File, path));
        QVERIFY(std::holds_alternative<QByteArray>(bytes));
        QCOMPARE(std::get<QByteArray>(bytes), allBytes());

        const QString missing = dir.filePath(QStringLiteral("missing.bin"));
        const auto missingResult = Publish::payloadBytes(draftOf(PayloadMode::File, missing));
        QVERIFY(std::holds_alternative<Problem>(missingResult));
        QCOMPARE(std::get<Problem>(missingResult).message,
                 QStringLiteral("Cannot read the file %1: No such file or directory").arg(missing));

        const auto folder = Publish::payloadBytes(draftOf(PayloadMode::File, dir.path()));
        QVERIFY(std::holds_alternative<Problem>(folder));
        QCOMPARE(std::get<Problem>(folder).message,
                 QStringLiteral("Cannot read the file %1: it is a folder").arg(dir.path()));

        const auto none = Publish::payloadBytes(draftOf(PayloadMode::File, QString()));
        QVERIFY(std::holds_alternative<Problem>(none));
        QCOMPARE(
            std::get<Problem>(none),
            (Problem { QStringLiteral("payload"), QStringLiteral("No file chosen to send.") }));

        const QString large = dir.filePath(QStringLiteral("large.bin"));
        QFile largeFile(large);
        QVERIFY(largeFile.open(QIODevice::WriteOnly));
        largeFile.write(QByteArray(Publish::MaxPayloadBytes + 1, 'x'));
        largeFile.close();
        const auto tooLarge = Publish::buildRequest(draftOf(PayloadMode::File, large));
        QCOMPARE(problemMessages(tooLarge),
                 QStringList(QStringLiteral("The file %1 is too large: 131,073 bytes; AWS IoT "
                                            "allows 131,072")
                                 .arg(large)));
    }

    // 131,072 bytes are sent; one more is refused before any request, in every mode.
    void sizeBoundary_data()
    {
        QTest::addColumn<PayloadMode>("mode");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem");
        const QString limit = QStringLiteral("The payload is too large: 131,073 bytes; AWS IoT "
                                             "allows 131,072");
        const qsizetype max = Publish::MaxPayloadBytes;
        QTest::newRow("text at the limit") << PayloadMode::Text << QString(max, u'a') << QString();
        QTest::newRow("text one over") << PayloadMode::Text << QString(max + 1, u'a') << limit;
        // 'é' is two UTF-8 bytes: the limit counts bytes, not characters.
        QTest::newRow("utf-8 one over")
            << PayloadMode::Text << QString(max / 2, u'é') + u'a' << limit;
        QTest::newRow("json at the limit")
            << PayloadMode::Json << u'"' + QString(max - 2, u'a') + u'"' << QString();
        QTest::newRow("json one over")
            << PayloadMode::Json << u'"' + QString(max - 1, u'a') + u'"' << limit;
        QTest::newRow("hex at the limit")
            << PayloadMode::Hex << QString::fromLatin1(QByteArray(max, '\x7f').toHex())
            << QString();
        QTest::newRow("hex one over")
            << PayloadMode::Hex << QString::fromLatin1(QByteArray(max + 1, '\x7f').toHex())
            << limit;
        QTest::newRow("base64 one over")
            << PayloadMode::Base64 << QString::fromLatin1(QByteArray(max + 1, '\0').toBase64())
            << limit;
    }

    void sizeBoundary()
    {
        QFETCH(PayloadMode, mode);
        QFETCH(QString, text);
        QFETCH(QString, problem);
        const auto result = Publish::buildRequest(draftOf(mode, text));
        if (problem.isEmpty()) {
            QVERIFY2(std::holds_alternative<Iot::PublishRequest>(result),
                     qPrintable(problemMessages(result).join(u'\n')));
            QCOMPARE(std::get<Iot::PublishRequest>(result).payload.size(),
                     Publish::MaxPayloadBytes);
        } else {
            QCOMPARE(problemFields(result), QStringList(QStringLiteral("payload")));
            QCOMPARE(problemMessages(result), QStringList(problem));
        }
    }

    // The topic follows AWS IoT's publish rules (Shadow::validatePublishTopic), with retain.
    void topic_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<bool>("retain");
        QTest::addColumn<QString>("problem");
        QTest::newRow("plain") << QStringLiteral("a/b/c") << true << QString();
        QTest::newRow("unicode") << QStringLiteral("häuser/温度/😀") << true << QString();
        QTest::newRow("empty") << QString() << false
                               << QStringLiteral("Topic: Topic must not be empty");
        QTest::newRow("plus") << QStringLiteral("a/+/c") << false
                              << QStringLiteral("Topic: Topic must not contain the wildcard "
                                                "characters + or #");
        QTest::newRow("hash") << QStringLiteral("a/#") << false
                              << QStringLiteral("Topic: Topic must not contain the wildcard "
                                                "characters + or #");
        QTest::newRow("256 bytes") << QString(256, u'x') << false << QString();
        QTest::newRow("257 bytes") << QString(257, u'x') << false
                                   << QStringLiteral("Topic: Topic exceeds the maximum length of "
                                                     "256 bytes");
        QTest::newRow("129 two-byte characters")
            << QString(129, u'é') << false
            << QStringLiteral("Topic: Topic exceeds the maximum length of 256 bytes");
        QTest::newRow("7 slashes") << QStringLiteral("1/2/3/4/5/6/7/8") << false << QString();
        QTest::newRow("8 slashes")
            << QStringLiteral("1/2/3/4/5/6/7/8/9") << false
            << QStringLiteral("Topic: Topic has more than 7 forward slashes");
        QTest::newRow("shadow update")
            << QStringLiteral("$aws/things/t1/shadow/update") << false << QString();
        QTest::newRow("named shadow get")
            << QStringLiteral("$aws/things/t1/shadow/name/cfg/get") << false << QString();
        QTest::newRow("basic ingest")
            << QStringLiteral("$aws/rules/myRule/a/b") << false << QString();
        QTest::newRow("reserved") << QStringLiteral("$aws/events/presence/connected/c1") << false
                                  << QStringLiteral("Topic: Publishing to reserved topic "
                                                    "'$aws/events/presence/connected/c1' is not "
                                                    "allowed");
        QTest::newRow("retain on shadow topic")
            << QStringLiteral("$aws/things/t1/shadow/update") << true
            << QStringLiteral("Topic: Retained messages are not allowed on reserved topics");
        QTest::newRow("retain on basic ingest")
            << QStringLiteral("$aws/rules/myRule") << true
            << QStringLiteral("Topic: Retained messages are not allowed on reserved topics");
    }

    void topic()
    {
        QFETCH(QString, topic);
        QFETCH(bool, retain);
        QFETCH(QString, problem);
        Draft draft = draftOf(PayloadMode::Json, QStringLiteral("{}"));
        draft.topic = topic;
        draft.retain = retain;
        const auto result = Publish::buildRequest(draft);
        if (problem.isEmpty()) {
            QVERIFY2(std::holds_alternative<Iot::PublishRequest>(result),
                     qPrintable(problemMessages(result).join(u'\n')));
            QCOMPARE(std::get<Iot::PublishRequest>(result).topic, topic);
            QCOMPARE(std::get<Iot::PublishRequest>(result).retain, retain);
        } else {
            QCOMPARE(problemFields(result), QStringList(QStringLiteral("topic")));
            QCOMPARE(problemMessages(result), QStringList(problem));
        }
    }

    // Correlation data is typed as text (UTF-8), hex or base64 and sent as those bytes.
    void correlationData_data()
    {
        QTest::addColumn<BytesEncoding>("encoding");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("problem");
        QTest::newRow("none") << BytesEncoding::Text << QString() << QByteArray() << QString();
        QTest::newRow("text") << BytesEncoding::Text << QStringLiteral("req-é")
                              << QByteArray("req-\xc3\xa9") << QString();
        QTest::newRow("hex") << BytesEncoding::Hex << QStringLiteral("0x00ff 10")
                             << QByteArray("\x00\xff\x10", 3) << QString();
        QTest::newRow("base64") << BytesEncoding::Base64 << QStringLiteral("AP8Q")
                                << QByteArray("\x00\xff\x10", 3) << QString();
        QTest::newRow("bad hex") << BytesEncoding::Hex << QStringLiteral("abc") << QByteArray()
                                 << QStringLiteral("Correlation data: Invalid hex at position 1: "
                                                   "\"abc\" has an odd number of digits (3); each "
                                                   "byte is two digits");
        QTest::newRow("bad base64")
            << BytesEncoding::Base64 << QStringLiteral("AP8Q!") << QByteArray()
            << QStringLiteral("Correlation data: Invalid base64 at position "
                              "5: '!' is not a base64 character");
    }

    void correlationData()
    {
        QFETCH(BytesEncoding, encoding);
        QFETCH(QString, text);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, problem);
        Draft draft = draftOf(PayloadMode::Empty, QString());
        draft.correlationData = text;
        draft.correlationEncoding = encoding;
        const auto result = Publish::buildRequest(draft);
        if (problem.isEmpty()) {
            QVERIFY(std::holds_alternative<Iot::PublishRequest>(result));
            QCOMPARE(std::get<Iot::PublishRequest>(result).correlationData, bytes);
        } else {
            QCOMPARE(problemFields(result), QStringList(QStringLiteral("correlationData")));
            QCOMPARE(problemMessages(result), QStringList(problem));
        }
    }

    // Every problem is listed at once, in field order, and no request is made.
    void everyProblemAtOnce()
    {
        Draft draft = draftOf(PayloadMode::Hex, QStringLiteral("abc"));
        draft.topic = QStringLiteral("a/#");
        draft.qos = 2;
        draft.responseTopic = QStringLiteral("replies/+");
        draft.correlationData = QStringLiteral("@");
        draft.correlationEncoding = BytesEncoding::Base64;
        draft.messageExpiry = -1;
        draft.userProperties = { { QStringLiteral("ok"), QStringLiteral("1") },
                                 { QString(), QStringLiteral("value") } };
        const auto result = Publish::buildRequest(draft);
        QCOMPARE(
            problemFields(result),
            QStringList({ QStringLiteral("topic"), QStringLiteral("payload"), QStringLiteral("qos"),
                          QStringLiteral("responseTopic"), QStringLiteral("correlationData"),
                          QStringLiteral("messageExpiry"), QStringLiteral("userProperties") }));
        QCOMPARE(problemMessages(result).mid(2),
                 QStringList({ QStringLiteral("QoS 2 is not supported: AWS IoT accepts 0 or 1"),
                               QStringLiteral("Response topic: Topic must not contain the wildcard "
                                              "characters + or #"),
                               QStringLiteral("Correlation data: Invalid base64 at position 1: '@' "
                                              "is not a base64 character"),
                               QStringLiteral("Message expiry must be 0 seconds or more, not -1"),
                               QStringLiteral("User property 2 has no key") }));
    }

    // A valid draft becomes exactly its request: every MQTT 5 property carried over.
    void requestCarriesEverything()
    {
        Draft draft = fullDraft();
        draft.topic = QStringLiteral("devices/d1/cmd");
        draft.responseTopic = QStringLiteral("devices/d1/reply");
        const auto result = Publish::buildRequest(draft);
        QVERIFY2(std::holds_alternative<Iot::PublishRequest>(result),
                 qPrintable(problemMessages(result).join(u'\n')));
        const auto &request = std::get<Iot::PublishRequest>(result);
        QCOMPARE(request.topic, draft.topic);
        QCOMPARE(request.payload, QByteArray("\xde\xad\xbe\xef"));
        QCOMPARE(request.qos, 1);
        QCOMPARE(request.retain, true);
        QCOMPARE(request.contentType, draft.contentType);
        QCOMPARE(request.payloadFormat, Iot::PayloadFormat::UnspecifiedBytes);
        QCOMPARE(request.responseTopic, draft.responseTopic);
        QCOMPARE(request.correlationData, QByteArray("\x01\x02\x03"));
        QCOMPARE(request.messageExpiry, 3600);
        QCOMPARE(request.userProperties, draft.userProperties);

        Draft zero = draftOf(PayloadMode::Empty, QString());
        zero.messageExpiry = 0;
        QVERIFY(std::holds_alternative<Iot::PublishRequest>(Publish::buildRequest(zero)));
    }

    // Known variables are replaced, unknown ones kept and listed once each.
    void variables_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QStringList>("unknown");
        QTest::newRow("none") << QStringLiteral("plain $thing {thing}")
                              << QStringLiteral("plain $thing {thing}") << QStringList();
        QTest::newRow("thing") << QStringLiteral("d/${thing}/t") << QStringLiteral("d/pump:7/t")
                               << QStringList();
        QTest::newRow("timestamp") << QStringLiteral("{\"ts\": ${timestamp}}")
                                   << QStringLiteral("{\"ts\": 1795860000123}") << QStringList();
        QTest::newRow("iso8601") << QStringLiteral("${iso8601}")
                                 << QStringLiteral("2026-11-28T10:00:00.123Z") << QStringList();
        QTest::newRow("repeated") << QStringLiteral("${thing}${thing}")
                                  << QStringLiteral("pump:7pump:7") << QStringList();
        QTest::newRow("unknown") << QStringLiteral("${Thing} ${foo} ${thing} ${foo} ${bar_2}")
                                 << QStringLiteral("${Thing} ${foo} pump:7 ${foo} ${bar_2}")
                                 << QStringList({ QStringLiteral("${Thing}"),
                                                  QStringLiteral("${foo}"),
                                                  QStringLiteral("${bar_2}") });
        QTest::newRow("not a name") << QStringLiteral("${} ${a b} ${thing")
                                    << QStringLiteral("${} ${a b} ${thing") << QStringList();
    }

    void variables()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QFETCH(QStringList, unknown);
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1795860000123, Qt::UTC);
        QCOMPARE(now.toString(Qt::ISODateWithMs), QStringLiteral("2026-11-28T10:00:00.123Z"));
        QStringList found;
        QCOMPARE(Publish::expandVariables(text, QStringLiteral("pump:7"), now, &found), expected);
        QCOMPARE(found, unknown);
        QCOMPARE(Publish::expandVariables(text, QStringLiteral("pump:7"), now), expected);
    }

    // ${iso8601} is UTC whatever zone the time is given in; ${uuid} is fresh every time.
    void iso8601AndUuid()
    {
        const QDateTime utc = QDateTime::fromMSecsSinceEpoch(1795860000123, Qt::UTC);
        const QDateTime offset = utc.toOffsetFromUtc(2 * 3600);
        QCOMPARE(Publish::expandVariables(QStringLiteral("${iso8601}"), QString(), offset),
                 QStringLiteral("2026-11-28T10:00:00.123Z"));

        const QString uuids
            = Publish::expandVariables(QStringLiteral("${uuid} ${uuid}"), QString(), utc);
        const QStringList parts = uuids.split(u' ');
        QCOMPARE(parts.size(), 2);
        static const QRegularExpression uuid(QRegularExpression::anchoredPattern(
            QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
        QVERIFY2(uuid.match(parts.at(0)).hasMatch(), qPrintable(parts.at(0)));
        QVERIFY2(uuid.match(parts.at(1)).hasMatch(), qPrintable(parts.at(1)));
        QVERIFY(parts.at(0) != parts.at(1));
        QVERIFY(Publish::expandVariables(QStringLiteral("${uuid}"), QString(), utc)
                != Publish::expandVariables(QStringLiteral("${uuid}"), QString(), utc));
    }

    // expanded() touches topic, payload (not a file's path), response topic, correlation data
    // and user property values, and nothing else.
    void expandedDraft()
    {
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1795860000123, Qt::UTC);
        Draft draft = fullDraft();
        draft.mode = PayloadMode::Text;
        draft.payloadText = QStringLiteral("at ${timestamp}");
        draft.contentType = QStringLiteral("${thing}");
        draft.correlationData = QStringLiteral("${thing}");
        draft.userProperties = { { QStringLiteral("${thing}"), QStringLiteral("${thing}") } };
        Draft expected = draft;
        expected.topic = QStringLiteral("devices/t1/cmd");
        expected.payloadText = QStringLiteral("at 1795860000123");
        expected.responseTopic = QStringLiteral("devices/t1/reply");
        expected.correlationData = QStringLiteral("t1");
        expected.userProperties = { { QStringLiteral("${thing}"), QStringLiteral("t1") } };
        QCOMPARE(Publish::expanded(draft, QStringLiteral("t1"), now), expected);

        draft.mode = PayloadMode::File;
        draft.payloadText = QStringLiteral("/data/${thing}.bin");
        QCOMPARE(Publish::expanded(draft, QStringLiteral("t1"), now).payloadText,
                 draft.payloadText);
    }

    // toJson/fromJson round-trip any draft; a member of the wrong type or an unknown key fails.
    void jsonRoundTrip_data()
    {
        QTest::addColumn<Draft>("draft");
        QTest::newRow("default") << Draft();
        QTest::newRow("full") << fullDraft();
        Draft file = draftOf(PayloadMode::File, QStringLiteral("/tmp/ä b.bin"));
        file.payloadFormat = Iot::PayloadFormat::Utf8Data;
        file.correlationEncoding = BytesEncoding::Hex;
        file.messageExpiry = 0;
        QTest::newRow("file") << file;
        QTest::newRow("empty") << draftOf(PayloadMode::Empty, QString());
    }

    void jsonRoundTrip()
    {
        QFETCH(Draft, draft);
        QCOMPARE(Draft::fromJson(draft.toJson()), draft);
    }

    void jsonRejects_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("mode") << QStringLiteral("mode") << QJsonValue(QStringLiteral("binary"));
        QTest::newRow("payload format")
            << QStringLiteral("payloadFormat") << QJsonValue(QStringLiteral("x"));
        QTest::newRow("encoding") << QStringLiteral("correlationEncoding")
                                  << QJsonValue(QStringLiteral("b32"));
        QTest::newRow("topic") << QStringLiteral("topic") << QJsonValue(7);
        QTest::newRow("mode not a string") << QStringLiteral("mode") << QJsonValue(1);
        QTest::newRow("qos") << QStringLiteral("qos") << QJsonValue(QStringLiteral("1"));
        QTest::newRow("retain") << QStringLiteral("retain") << QJsonValue(1);
        QTest::newRow("expiry") << QStringLiteral("messageExpiry")
                                << QJsonValue(QStringLiteral("60"));
        QTest::newRow("properties")
            << QStringLiteral("userProperties") << QJsonValue(QJsonObject());
        QTest::newRow("property") << QStringLiteral("userProperties")
                                  << QJsonValue(QJsonArray {
                                         QJsonObject { { QStringLiteral("key"), 1 },
                                                       { QStringLiteral("value"), QString() } } });
    }

    void jsonRejects()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QJsonObject json = fullDraft().toJson();
        QVERIFY(Draft::fromJson(json));
        json.insert(key, value);
        QCOMPARE(Draft::fromJson(json), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestPublishDraft)
#include "tst_publishdraft.moc"
