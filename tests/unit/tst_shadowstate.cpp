// SPDX-License-Identifier: GPL-3.0-or-later
#include "shadow/shadowstate.h"

#include "jsonliteral.h"

#include <QTest>

using Shadow::Limits;
using Shadow::StoredState;
using Shadow::UpdateOutcome;
using Shadow::UpdateRequest;
using Shadow::ValidationError;

namespace {

constexpr qint64 kGetTime = 999;

/** The shadow after a series of updates, each applied at 100, 200, 300, … seconds. */
struct Run
{
    std::optional<StoredState> state;
    QJsonObject lastResponse;
    std::optional<ValidationError> error;
};

Run runUpdates(const QByteArrayList &bodies, qint64 previousVersion = 0,
               const Limits &limits = Limits{})
{
    Run run;
    qint64 now = 100;
    for (const QByteArray &body : bodies) {
        const auto parsed = Shadow::parseUpdateRequest(body, limits);
        if (const auto *error = std::get_if<ValidationError>(&parsed)) {
            run.error = *error;
            return run;
        }
        const auto applied = Shadow::applyUpdate(run.state, previousVersion,
                                                 std::get<UpdateRequest>(parsed), now, limits);
        if (const auto *error = std::get_if<ValidationError>(&applied)) {
            run.error = *error;
            return run;
        }
        run.state = std::get<UpdateOutcome>(applied).state;
        run.lastResponse = std::get<UpdateOutcome>(applied).response;
        now += 100;
    }
    return run;
}

QByteArray describe(const std::optional<ValidationError> &error)
{
    return error ? (QByteArray::number(error->httpStatus) + ' ' + error->code.toUtf8() + ": "
                    + error->message.toUtf8())
                 : QByteArray("no error");
}

/** {"state":{"<section>":{"k":"<fill × count>"}}} */
QByteArray sectionBody(const char *section, const QByteArray &fill, qsizetype count)
{
    return QByteArray("{\"state\":{\"") + section + "\":{\"k\":\"" + fill.repeated(count)
        + "\"}}}";
}

/** A desired section nested @p levels objects deep, innermost holding a number. */
QByteArray nestedDesired(int levels)
{
    QByteArray value = "1";
    for (int level = 1; level < levels; ++level)
        value = "{\"a\":" + value + '}';
    return "{\"state\":{\"desired\":{\"a\":" + value + "}}}";
}

QJsonValue optionalJson(const std::optional<QJsonValue> &value)
{
    return value.value_or(QJsonValue(QJsonValue::Undefined));
}

} // namespace

class TestShadowState : public QObject
{
    Q_OBJECT

private slots:
    void parseErrors_data();
    void parseErrors();
    void parseAccepted_data();
    void parseAccepted();
    void depthLimit_data();
    void depthLimit();
    void updateSequence_data();
    void updateSequence();
    void versionCheck_data();
    void versionCheck();
    void sizeLimit_data();
    void sizeLimit();
    void persistenceRoundTrip_data();
    void persistenceRoundTrip();
    void persistenceMalformed_data();
    void persistenceMalformed();
};

void TestShadowState::parseErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const QString invalid = QStringLiteral("InvalidRequestException");
    const QString encoding = QStringLiteral("UnsupportedDocumentEncodingException");
    const QString encodingMessage =
        QStringLiteral("Unsupported documented encoding; supported encoding is UTF-8");
    const auto row = [](const char *name, const QByteArray &body, int status,
                        const QString &code, const QString &message) {
        QTest::newRow(name) << body << status << code << message;
    };
    const auto bad = [&](const char *name, const QByteArray &body, const char *message) {
        row(name, body, 400, invalid, QString::fromLatin1(message));
    };

    row("invalid UTF-8 byte", "{\"state\":{\"desired\":{\"a\":\"\xff\"}}}", 415, encoding,
        encodingMessage);
    row("bad continuation byte", "{\"state\":{\"desired\":{\"a\":\"\xc3\x28\"}}}", 415, encoding,
        encodingMessage);
    row("encoded surrogate", "{\"state\":{\"desired\":{\"a\":\"\xed\xa0\x80\"}}}", 415, encoding,
        encodingMessage);
    row("overlong encoding", "{\"state\":{\"desired\":{\"a\":\"\xc0\xaf\"}}}", 415, encoding,
        encodingMessage);
    row("truncated sequence at end", "{\"state\":{}}\xe2\x82", 415, encoding, encodingMessage);
    row("encoding checked before JSON", "\xff{", 415, encoding, encodingMessage);

    bad("empty body", "", "Invalid JSON");
    bad("truncated JSON", R"({"state":{)", "Invalid JSON");
    bad("trailing garbage", R"({"state":{}} x)", "Invalid JSON");
    bad("top-level array", R"([{"state":{}}])", "Invalid JSON");
    bad("top-level string", R"("state")", "Invalid JSON");
    bad("null in a desired array", R"({"state":{"desired":{"a":[1,null]}}})", "Invalid JSON");
    bad("null in a nested reported array", R"({"state":{"reported":{"a":{"b":[[null]]}}}})",
        "Invalid JSON");
    bad("null in an array inside an array of objects",
        R"({"state":{"desired":{"a":[{"b":[null]}]}}})", "Invalid JSON");
    bad("desired itself an array with null", R"({"state":{"desired":[null]}})", "Invalid JSON");
    bad("null in array checked before invalid node",
        R"({"state":{"desired":{"a":[null]},"delta":{}}})", "Invalid JSON");

    bad("no state", R"({"desired":{"a":1}})", "Missing required node: state");
    bad("empty object", "{}", "Missing required node: state");
    bad("state a string", R"({"state":"on"})", "State node must be an object");
    bad("state a number", R"({"state":1})", "State node must be an object");
    bad("state an array", R"({"state":[]})", "State node must be an object");
    bad("state a bool", R"({"state":true})", "State node must be an object");

    bad("desired a string", R"({"state":{"desired":"x"}})", "Desired node must be an object");
    bad("desired a number", R"({"state":{"desired":1}})", "Desired node must be an object");
    bad("desired an array", R"({"state":{"desired":[1]}})", "Desired node must be an object");
    bad("desired a bool", R"({"state":{"desired":false}})", "Desired node must be an object");
    bad("reported a string", R"({"state":{"reported":"x"}})", "Reported node must be an object");
    bad("reported an array", R"({"state":{"reported":[]}})", "Reported node must be an object");
    bad("desired checked before reported", R"({"state":{"reported":1,"desired":1}})",
        "Desired node must be an object");
    bad("section type checked before invalid node", R"({"state":{"desired":1,"foo":{}}})",
        "Desired node must be an object");

    bad("delta in state", R"({"state":{"delta":{"a":1}}})", "State contains an invalid node");
    bad("unknown node in state", R"({"state":{"desired":{},"foo":1}})",
        "State contains an invalid node");
    bad("invalid node checked before clientToken",
        R"({"state":{"foo":1},"clientToken":5})", "State contains an invalid node");

    bad("clientToken a number", R"({"state":{},"clientToken":5})", "Invalid clientToken");
    bad("clientToken null", R"({"state":{},"clientToken":null})", "Invalid clientToken");
    bad("clientToken 65 bytes",
        R"({"state":{},"clientToken":")" + QByteArray(65, 't') + "\"}", "Invalid clientToken");
    bad("clientToken 33 two-byte characters",
        R"({"state":{},"clientToken":")" + QByteArray("\xc3\xa9").repeated(33) + "\"}",
        "Invalid clientToken");
    bad("clientToken checked before version", R"({"state":{},"clientToken":1,"version":"x"})",
        "Invalid clientToken");

    bad("version a fraction", R"({"state":{},"version":1.5})", "Invalid version");
    bad("version a string", R"({"state":{},"version":"3"})", "Invalid version");
    bad("version a bool", R"({"state":{},"version":true})", "Invalid version");
    bad("version null", R"({"state":{},"version":null})", "Invalid version");
    bad("version beyond 64 bits", R"({"state":{},"version":1e30})", "Invalid version");

    const QByteArray tooDeep = nestedDesired(9);
    bad("desired 9 levels deep", tooDeep, "JSON contains too many levels of nesting; maximum is 8");
    bad("reported 9 levels via arrays",
        R"({"state":{"reported":{"a":[[[[[[[[1]]]]]]]]}}})",
        "JSON contains too many levels of nesting; maximum is 8");
    bad("version checked before depth",
        QByteArray(tooDeep).insert(tooDeep.size() - 1, R"(,"version":"1")"), "Invalid version");
}

// Every refusal has AWS's status, error type and exact message, checked in AWS's order.
void TestShadowState::parseErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, message);

    const auto parsed = Shadow::parseUpdateRequest(body, Limits{});
    const auto *error = std::get_if<ValidationError>(&parsed);
    QVERIFY2(error, "the body was accepted");
    QCOMPARE(error->message, message);
    QCOMPARE(error->code, code);
    QCOMPARE(error->httpStatus, status);
}

void TestShadowState::parseAccepted_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("stateIsNull");
    QTest::addColumn<QJsonValue>("desired");
    QTest::addColumn<QJsonValue>("reported");
    QTest::addColumn<QJsonValue>("version");
    QTest::addColumn<QJsonValue>("clientToken");

    const QJsonValue absent(QJsonValue::Undefined);

    QTest::newRow("desired with token")
        << QByteArray(R"({"state":{"desired":{"color":"RED"}},"clientToken":"c1"})") << false
        << json(R"({"color":"RED"})") << absent << absent << json(R"("c1")");
    QTest::newRow("both sections and version")
        << QByteArray(R"({"state":{"desired":{"a":1},"reported":{"b":[1,2]}},"version":7})")
        << false << json(R"({"a":1})") << json(R"({"b":[1,2]})") << json("7") << absent;
    QTest::newRow("state null") << QByteArray(R"({"state":null})") << true << absent << absent
                                << absent << absent;
    QTest::newRow("state empty") << QByteArray(R"({"state":{}})") << false << absent << absent
                                 << absent << absent;
    QTest::newRow("section null") << QByteArray(R"({"state":{"desired":null}})") << false
                                  << json("null") << absent << absent << absent;
    QTest::newRow("null leaves kept for deletion")
        << QByteArray(R"({"state":{"reported":{"a":null,"b":{"c":null}}}})") << false << absent
        << json(R"({"a":null,"b":{"c":null}})") << absent << absent;
    QTest::newRow("unknown top-level members ignored")
        << QByteArray(R"({"state":{},"metadata":{"x":1},"timestamp":"no","foo":[null]})")
        << false << absent << absent << absent << absent;
    QTest::newRow("version 1.0 is the integer 1")
        << QByteArray(R"({"state":{},"version":1.0})") << false << absent << absent << json("1")
        << absent;
    QTest::newRow("negative version parses")
        << QByteArray(R"({"state":{},"version":-3})") << false << absent << absent << json("-3")
        << absent;
    QTest::newRow("clientToken 64 bytes")
        << QByteArray(R"({"state":{},"clientToken":")" + QByteArray(64, 't') + "\"}") << false
        << absent << absent << absent << QJsonValue(QString(64, QLatin1Char('t')));
    QTest::newRow("clientToken 32 two-byte characters")
        << QByteArray(R"({"state":{},"clientToken":")" + QByteArray("\xc3\xa9").repeated(32)
                      + "\"}")
        << false << absent << absent << absent << QJsonValue(QString(32, QChar(0xe9)));
    QTest::newRow("empty clientToken") << QByteArray(R"({"state":{},"clientToken":""})")
                                       << false << absent << absent << absent << json(R"("")");
    QTest::newRow("desired exactly 8 levels deep")
        << nestedDesired(8) << false << json(R"({"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":1}}}}}}}})")
        << absent << absent << absent;
}

// A valid body yields exactly the sections, version and clientToken it carried.
void TestShadowState::parseAccepted()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, stateIsNull);
    QFETCH(QJsonValue, desired);
    QFETCH(QJsonValue, reported);
    QFETCH(QJsonValue, version);
    QFETCH(QJsonValue, clientToken);

    const auto parsed = Shadow::parseUpdateRequest(body, Limits{});
    const auto *error = std::get_if<ValidationError>(&parsed);
    QVERIFY2(!error, error ? qPrintable(error->message) : "");
    const auto &request = std::get<UpdateRequest>(parsed);
    QCOMPARE(request.stateIsNull, stateIsNull);
    QCOMPARE(optionalJson(request.desired), desired);
    QCOMPARE(optionalJson(request.reported), reported);
    QCOMPARE(request.version ? QJsonValue(*request.version) : QJsonValue(QJsonValue::Undefined),
             version);
    QCOMPARE(request.clientToken ? QJsonValue(*request.clientToken)
                                 : QJsonValue(QJsonValue::Undefined),
             clientToken);
}

void TestShadowState::depthLimit_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("flat object is depth 1")
        << QByteArray(R"({"state":{"desired":{"a":1}}})") << 1 << true;
    QTest::newRow("empty section is depth 1")
        << QByteArray(R"({"state":{"reported":{}}})") << 1 << true;
    QTest::newRow("nested object is depth 2 (limit 1)")
        << QByteArray(R"({"state":{"desired":{"a":{"b":1}}}})") << 1 << false;
    QTest::newRow("nested object is depth 2 (limit 2)")
        << QByteArray(R"({"state":{"desired":{"a":{"b":1}}}})") << 2 << true;
    QTest::newRow("array counts as a level (limit 1)")
        << QByteArray(R"({"state":{"desired":{"a":[1]}}})") << 1 << false;
    QTest::newRow("array counts as a level (limit 2)")
        << QByteArray(R"({"state":{"desired":{"a":[1]}}})") << 2 << true;
    QTest::newRow("object in array is depth 3 (limit 2)")
        << QByteArray(R"({"state":{"reported":{"a":[{"b":1}]}}})") << 2 << false;
    QTest::newRow("deepest branch counts")
        << QByteArray(R"({"state":{"desired":{"x":1,"a":{"b":{"c":1}}}}})") << 2 << false;
    QTest::newRow("depth is per section, not summed")
        << QByteArray(R"({"state":{"desired":{"a":{"b":1}},"reported":{"a":{"b":1}}}})") << 2
        << true;
}

// The desired/reported object is level 1, each nested object or array one more.
void TestShadowState::depthLimit()
{
    QFETCH(QByteArray, body);
    QFETCH(int, maxDepth);
    QFETCH(bool, accepted);

    Limits limits;
    limits.maxDepth = maxDepth;
    const auto parsed = Shadow::parseUpdateRequest(body, limits);
    const auto *error = std::get_if<ValidationError>(&parsed);
    QCOMPARE(error == nullptr, accepted);
    if (error) {
        QCOMPARE(error->message,
                 QStringLiteral("JSON contains too many levels of nesting; maximum is %1")
                     .arg(maxDepth));
    }
}

void TestShadowState::updateSequence_data()
{
    QTest::addColumn<QByteArrayList>("bodies");
    QTest::addColumn<QJsonObject>("lastResponse");
    QTest::addColumn<QJsonObject>("get");

    const QByteArray createRed = R"({"state":{"desired":{"color":"RED"}},"clientToken":"c1"})";
    const QByteArray reportRed = R"({"state":{"reported":{"color":"RED","engine":"ON"}}})";

    QTest::newRow("create with desired")
        << QByteArrayList{createRed}
        << jsonObject(R"({"state":{"desired":{"color":"RED"}},
                          "metadata":{"desired":{"color":{"timestamp":100}}},
                          "version":1,"timestamp":100,"clientToken":"c1"})")
        << jsonObject(R"({"state":{"desired":{"color":"RED"},"delta":{"color":"RED"}},
                          "metadata":{"desired":{"color":{"timestamp":100}}},
                          "version":1,"timestamp":999})");
    QTest::newRow("report matches desired: no delta, desired timestamp kept")
        << QByteArrayList{createRed, reportRed}
        << jsonObject(R"({"state":{"reported":{"color":"RED","engine":"ON"}},
                          "metadata":{"reported":{"color":{"timestamp":200},
                                                  "engine":{"timestamp":200}}},
                          "version":2,"timestamp":200})")
        << jsonObject(R"({"state":{"desired":{"color":"RED"},
                                   "reported":{"color":"RED","engine":"ON"}},
                          "metadata":{"desired":{"color":{"timestamp":100}},
                                      "reported":{"color":{"timestamp":200},
                                                  "engine":{"timestamp":200}}},
                          "version":2,"timestamp":999})");
    QTest::newRow("deleting the last desired key drops desired; null echoed")
        << QByteArrayList{createRed, reportRed, R"({"state":{"desired":{"color":null}}})"}
        << jsonObject(R"({"state":{"desired":{"color":null}},
                          "metadata":{"desired":{"color":{"timestamp":300}}},
                          "version":3,"timestamp":300})")
        << jsonObject(R"({"state":{"reported":{"color":"RED","engine":"ON"}},
                          "metadata":{"reported":{"color":{"timestamp":200},
                                                  "engine":{"timestamp":200}}},
                          "version":3,"timestamp":999})");
    QTest::newRow("state null clears both sections, shadow kept")
        << QByteArrayList{createRed, reportRed, R"({"state":null,"clientToken":"x"})"}
        << jsonObject(R"({"state":null,"metadata":{"timestamp":300},"version":3,
                          "timestamp":300,"clientToken":"x"})")
        << jsonObject(R"({"state":{},"metadata":{},"version":3,"timestamp":999})");
    QTest::newRow("state {} creates an empty shadow")
        << QByteArrayList{R"({"state":{}})"}
        << jsonObject(R"({"state":{},"metadata":{},"version":1,"timestamp":100})")
        << jsonObject(R"({"state":{},"metadata":{},"version":1,"timestamp":999})");
    QTest::newRow("state {} bumps the version, data and timestamps unchanged")
        << QByteArrayList{createRed, R"({"state":{}})"}
        << jsonObject(R"({"state":{},"metadata":{},"version":2,"timestamp":200})")
        << jsonObject(R"({"state":{"desired":{"color":"RED"},"delta":{"color":"RED"}},
                          "metadata":{"desired":{"color":{"timestamp":100}}},
                          "version":2,"timestamp":999})");
    QTest::newRow("empty desired on a new shadow leaves state empty")
        << QByteArrayList{R"({"state":{"desired":{}}})"}
        << jsonObject(R"({"state":{"desired":{}},"metadata":{"desired":{}},
                          "version":1,"timestamp":100})")
        << jsonObject(R"({"state":{},"metadata":{},"version":1,"timestamp":999})");
    QTest::newRow("desired null removes the section, reported kept")
        << QByteArrayList{createRed, reportRed, R"({"state":{"desired":null}})"}
        << jsonObject(R"({"state":{"desired":null},"metadata":{"desired":{"timestamp":300}},
                          "version":3,"timestamp":300})")
        << jsonObject(R"({"state":{"reported":{"color":"RED","engine":"ON"}},
                          "metadata":{"reported":{"color":{"timestamp":200},
                                                  "engine":{"timestamp":200}}},
                          "version":3,"timestamp":999})");
    QTest::newRow("nested empty object survives and shows in delta")
        << QByteArrayList{R"({"state":{"desired":{"d":{}}}})"}
        << jsonObject(R"({"state":{"desired":{"d":{}}},"metadata":{"desired":{"d":{}}},
                          "version":1,"timestamp":100})")
        << jsonObject(R"({"state":{"desired":{"d":{}},"delta":{"d":{}}},
                          "metadata":{"desired":{"d":{}}},"version":1,"timestamp":999})");
    QTest::newRow("unrelated report keeps old leaf timestamps")
        << QByteArrayList{R"({"state":{"reported":{"ID":"dev-1","ColorRGB":[1,2,3]}}})",
                          R"({"state":{"reported":{"ColorRGB":[4,5,6]}}})"}
        << jsonObject(R"({"state":{"reported":{"ColorRGB":[4,5,6]}},
                          "metadata":{"reported":{"ColorRGB":[{"timestamp":200},
                              {"timestamp":200},{"timestamp":200}]}},
                          "version":2,"timestamp":200})")
        << jsonObject(R"({"state":{"reported":{"ID":"dev-1","ColorRGB":[4,5,6]}},
                          "metadata":{"reported":{"ID":{"timestamp":100},
                              "ColorRGB":[{"timestamp":200},{"timestamp":200},
                                          {"timestamp":200}]}},
                          "version":2,"timestamp":999})");
    QTest::newRow("AWS lights example: delta keeps the path")
        << QByteArrayList{R"({"state":{"desired":{"lights":{"color":{"r":255,"g":255,"b":255}}},
                                       "reported":{"lights":{"color":{"r":255,"g":0,"b":255}}}}})"}
        << jsonObject(R"({"state":{"desired":{"lights":{"color":{"r":255,"g":255,"b":255}}},
                                   "reported":{"lights":{"color":{"r":255,"g":0,"b":255}}}},
                          "metadata":{
                            "desired":{"lights":{"color":{"r":{"timestamp":100},
                                "g":{"timestamp":100},"b":{"timestamp":100}}}},
                            "reported":{"lights":{"color":{"r":{"timestamp":100},
                                "g":{"timestamp":100},"b":{"timestamp":100}}}}},
                          "version":1,"timestamp":100})")
        << jsonObject(R"({"state":{"desired":{"lights":{"color":{"r":255,"g":255,"b":255}}},
                                   "reported":{"lights":{"color":{"r":255,"g":0,"b":255}}},
                                   "delta":{"lights":{"color":{"g":255}}}},
                          "metadata":{
                            "desired":{"lights":{"color":{"r":{"timestamp":100},
                                "g":{"timestamp":100},"b":{"timestamp":100}}}},
                            "reported":{"lights":{"color":{"r":{"timestamp":100},
                                "g":{"timestamp":100},"b":{"timestamp":100}}}}},
                          "version":1,"timestamp":999})");
    QTest::newRow("AWS list example: shorter desired array is the delta")
        << QByteArrayList{R"({"state":{"reported":{"list":["v1","v2"]}}})",
                          R"({"state":{"desired":{"list":["v1"]}}})"}
        << jsonObject(R"({"state":{"desired":{"list":["v1"]}},
                          "metadata":{"desired":{"list":[{"timestamp":200}]}},
                          "version":2,"timestamp":200})")
        << jsonObject(R"({"state":{"desired":{"list":["v1"]},"reported":{"list":["v1","v2"]},
                                   "delta":{"list":["v1"]}},
                          "metadata":{"desired":{"list":[{"timestamp":200}]},
                                      "reported":{"list":[{"timestamp":100},{"timestamp":100}]}},
                          "version":2,"timestamp":999})");
    QTest::newRow("nested deletion echoes nulls and keeps the empty parent")
        << QByteArrayList{R"({"state":{"reported":{"a":{"b":1},"c":2}}})",
                          R"({"state":{"reported":{"a":{"b":null}}}})"}
        << jsonObject(R"({"state":{"reported":{"a":{"b":null}}},
                          "metadata":{"reported":{"a":{"b":{"timestamp":200}}}},
                          "version":2,"timestamp":200})")
        << jsonObject(R"({"state":{"reported":{"a":{},"c":2}},
                          "metadata":{"reported":{"a":{},"c":{"timestamp":100}}},
                          "version":2,"timestamp":999})");
    QTest::newRow("matching version is accepted")
        << QByteArrayList{createRed, R"({"state":{"desired":{"color":"BLUE"}},"version":1})"}
        << jsonObject(R"({"state":{"desired":{"color":"BLUE"}},
                          "metadata":{"desired":{"color":{"timestamp":200}}},
                          "version":2,"timestamp":200})")
        << jsonObject(R"({"state":{"desired":{"color":"BLUE"},"delta":{"color":"BLUE"}},
                          "metadata":{"desired":{"color":{"timestamp":200}}},
                          "version":2,"timestamp":999})");
    QTest::newRow("numerically equal report clears the delta")
        << QByteArrayList{R"({"state":{"desired":{"t":1}}})",
                          R"({"state":{"reported":{"t":1.0,"extra":true}}})"}
        << jsonObject(R"({"state":{"reported":{"t":1.0,"extra":true}},
                          "metadata":{"reported":{"t":{"timestamp":200},
                                                  "extra":{"timestamp":200}}},
                          "version":2,"timestamp":200})")
        << jsonObject(R"({"state":{"desired":{"t":1},"reported":{"t":1.0,"extra":true}},
                          "metadata":{"desired":{"t":{"timestamp":100}},
                                      "reported":{"t":{"timestamp":200},
                                                  "extra":{"timestamp":200}}},
                          "version":2,"timestamp":999})");
}

// Updates applied in order give AWS's accepted document and, on read, its GET document:
// sections dropped when empty, delta only when non-empty, leaf timestamps kept.
void TestShadowState::updateSequence()
{
    QFETCH(QByteArrayList, bodies);
    QFETCH(QJsonObject, lastResponse);
    QFETCH(QJsonObject, get);

    const Run run = runUpdates(bodies);
    QVERIFY2(!run.error, describe(run.error).constData());
    QVERIFY(run.state);
    QCOMPARE(run.lastResponse, lastResponse);
    QCOMPARE(run.state->toGetResponse(kGetTime), get);
}

void TestShadowState::versionCheck_data()
{
    QTest::addColumn<QByteArrayList>("bodies");
    QTest::addColumn<qint64>("previousVersion");
    QTest::addColumn<qint64>("expectedVersion"); // 0: refused with 409

    const QByteArray create = R"({"state":{"desired":{"a":1}}})";
    const auto withVersion = [](qint64 version) -> QByteArray {
        return R"({"state":{"reported":{"a":1}},"version":)" + QByteArray::number(version) + '}';
    };

    QTest::newRow("new shadow starts at 1") << QByteArrayList{create} << qint64(0) << qint64(1);
    QTest::newRow("each update adds one")
        << QByteArrayList{create, create, create} << qint64(0) << qint64(3);
    QTest::newRow("matching version") << QByteArrayList{create, withVersion(1)} << qint64(0)
                                      << qint64(2);
    QTest::newRow("version ahead conflicts") << QByteArrayList{create, withVersion(2)}
                                             << qint64(0) << qint64(0);
    QTest::newRow("version behind conflicts")
        << QByteArrayList{create, create, withVersion(1)} << qint64(0) << qint64(0);
    QTest::newRow("negative version conflicts") << QByteArrayList{create, withVersion(-1)}
                                                << qint64(0) << qint64(0);
    QTest::newRow("absent shadow expects version 0") << QByteArrayList{withVersion(0)}
                                                     << qint64(0) << qint64(1);
    QTest::newRow("absent shadow refuses version 1") << QByteArrayList{withVersion(1)}
                                                     << qint64(0) << qint64(0);
    QTest::newRow("tombstone: new shadow continues after it")
        << QByteArrayList{create} << qint64(5) << qint64(6);
    QTest::newRow("tombstone: its version matches") << QByteArrayList{withVersion(5)}
                                                    << qint64(5) << qint64(6);
    QTest::newRow("tombstone: version 0 conflicts") << QByteArrayList{withVersion(0)}
                                                    << qint64(5) << qint64(0);
    QTest::newRow("tombstone ignored once the shadow exists")
        << QByteArrayList{create, withVersion(6)} << qint64(5) << qint64(7);
    QTest::newRow("version checked before size")
        << QByteArrayList{create, sectionBody("reported", "x", 9000).insert(1, R"("version":9,)")}
        << qint64(0) << qint64(0);
}

// A request version must equal the current one (the tombstone's, or 0, for an absent shadow);
// otherwise 409 ConflictException "Version conflict".
void TestShadowState::versionCheck()
{
    QFETCH(QByteArrayList, bodies);
    QFETCH(qint64, previousVersion);
    QFETCH(qint64, expectedVersion);

    const Run run = runUpdates(bodies, previousVersion);
    if (expectedVersion == 0) {
        QVERIFY(run.error);
        QCOMPARE(run.error->httpStatus, 409);
        QCOMPARE(run.error->code, QStringLiteral("ConflictException"));
        QCOMPARE(run.error->message, QStringLiteral("Version conflict"));
        return;
    }
    QVERIFY2(!run.error, describe(run.error).constData());
    QCOMPARE(run.state->version, expectedVersion);
    QCOMPARE(run.lastResponse.value(QStringLiteral("version")).toInteger(), expectedVersion);
}

void TestShadowState::sizeLimit_data()
{
    QTest::addColumn<QByteArrayList>("bodies");
    QTest::addColumn<qsizetype>("expectedBytes"); // 0: refused with 413

    // {"desired":{"k":"…"}} is 20 bytes plus the string.
    QTest::newRow("exactly 8192 bytes") << QByteArrayList{sectionBody("desired", "x", 8172)}
                                        << qsizetype(8192);
    QTest::newRow("8193 bytes") << QByteArrayList{sectionBody("desired", "x", 8173)}
                                << qsizetype(0);
    QTest::newRow("counted in UTF-8 bytes, not characters")
        << QByteArrayList{sectionBody("desired", "\xc3\xa9", 4087)} << qsizetype(0);
    // {"desired":{"k":"…"},"reported":{"k":"…"}} is 40 bytes plus both strings.
    QTest::newRow("both sections together at 8192")
        << QByteArrayList{sectionBody("reported", "r", 4000), sectionBody("desired", "d", 4152)}
        << qsizetype(8192);
    QTest::newRow("merged result over the limit though the request is small")
        << QByteArrayList{sectionBody("reported", "r", 4000), sectionBody("desired", "d", 4153)}
        << qsizetype(0);
    QTest::newRow("metadata does not count")
        << QByteArrayList{sectionBody("desired", "x", 8172),
                          R"({"state":{"reported":{}}})"}
        << qsizetype(8192);
    QTest::newRow("a shrinking update at the limit is accepted")
        << QByteArrayList{sectionBody("desired", "x", 8172), sectionBody("desired", "x", 10)}
        << qsizetype(30);
}

// The compact {"desired","reported"} after the merge may be at most 8192 UTF-8 bytes;
// beyond it 413 RequestEntityTooLargeException.
void TestShadowState::sizeLimit()
{
    QFETCH(QByteArrayList, bodies);
    QFETCH(qsizetype, expectedBytes);

    const Run run = runUpdates(bodies);
    if (expectedBytes == 0) {
        QVERIFY(run.error);
        QCOMPARE(run.error->httpStatus, 413);
        QCOMPARE(run.error->code, QStringLiteral("RequestEntityTooLargeException"));
        QCOMPARE(run.error->message,
                 QStringLiteral("The payload exceeds the maximum size allowed"));
        return;
    }
    QVERIFY2(!run.error, describe(run.error).constData());
    QCOMPARE(run.state->stateBytes(), expectedBytes);
}

void TestShadowState::persistenceRoundTrip_data()
{
    QTest::addColumn<QByteArrayList>("bodies");

    QTest::newRow("empty shadow") << QByteArrayList{R"({"state":{}})"};
    QTest::newRow("desired only") << QByteArrayList{R"({"state":{"desired":{"a":[1,{"b":2}]}}})"};
    QTest::newRow("both sections, several versions")
        << QByteArrayList{R"({"state":{"desired":{"a":{"b":{}}}}})",
                          R"({"state":{"reported":{"a":1.5,"s":"é"}}})",
                          R"({"state":{"desired":{"c":true}}})"};
}

// What toJson writes, fromJson reads back unchanged.
void TestShadowState::persistenceRoundTrip()
{
    QFETCH(QByteArrayList, bodies);

    const Run run = runUpdates(bodies);
    QVERIFY2(!run.error, describe(run.error).constData());
    const QJsonObject stored = run.state->toJson();
    const QJsonObject reread = QJsonDocument::fromJson(QJsonDocument(stored).toJson()).object();
    QCOMPARE(StoredState::fromJson(reread), run.state);
}

void TestShadowState::persistenceMalformed_data()
{
    QTest::addColumn<QJsonObject>("json");

    const char *valid = R"({"desired":{},"reported":{},"desiredMetadata":{},
                            "reportedMetadata":{},"version":3})";
    const auto without = [valid](const char *key) {
        QJsonObject object = jsonObject(valid);
        object.remove(QLatin1String(key));
        return object;
    };
    const auto with = [valid](const char *key, const QJsonValue &value) {
        QJsonObject object = jsonObject(valid);
        object.insert(QLatin1String(key), value);
        return object;
    };

    QTest::newRow("empty object") << QJsonObject();
    QTest::newRow("no desired") << without("desired");
    QTest::newRow("no reportedMetadata") << without("reportedMetadata");
    QTest::newRow("no version") << without("version");
    QTest::newRow("desired an array") << with("desired", json("[]"));
    QTest::newRow("desiredMetadata a string") << with("desiredMetadata", json(R"("x")"));
    QTest::newRow("version a string") << with("version", json(R"("3")"));
    QTest::newRow("version a fraction") << with("version", json("2.5"));
    QTest::newRow("version negative") << with("version", json("-1"));
}

// A persisted form with a missing or mistyped member is refused rather than half-read.
void TestShadowState::persistenceMalformed()
{
    QFETCH(QJsonObject, json);

    QCOMPARE(StoredState::fromJson(json), std::nullopt);
}

QTEST_GUILESS_MAIN(TestShadowState)
#include "tst_shadowstate.moc"
