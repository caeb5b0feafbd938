// SPDX-License-Identifier: GPL-3.0-or-later
#include "shadow/updatecheck.h"

#include "jsonliteral.h"

#include <QLocale>
#include <QTest>

using Shadow::StoredState;

namespace {

/** {"state":{"desired":{"k":"x…x"}}} whose stored state {"desired":{"k":"x…x"}} is @p bytes. */
QByteArray desiredOfStateBytes(qsizetype bytes)
{
    const QByteArray fixed = R"({"desired":{"k":""}})";
    return R"({"state":{"desired":{"k":")" + QByteArray(bytes - fixed.size(), 'x') + R"("}}})";
}

/** A desired section nested @p levels objects deep, innermost holding a number. */
QByteArray nestedDesired(int levels)
{
    QByteArray value = "1";
    for (int level = 1; level < levels; ++level)
        value = R"({"a":)" + value + '}';
    return R"({"state":{"desired":{"a":)" + value + "}}}";
}

StoredState stored(const char *desired, const char *reported, qint64 version)
{
    StoredState state;
    state.desired = jsonObject(desired);
    state.reported = jsonObject(reported);
    state.version = version;
    return state;
}

} // namespace

class TestUpdateCheck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void errors_data();
    void errors();
    void sizeLimit_data();
    void sizeLimit();
    void success();
    void versionMatches();
    void customLimits();
};

void TestUpdateCheck::initTestCase()
{
    // Numbers in explanations follow the locale; pin one so the texts compare exactly.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestUpdateCheck::errors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<std::optional<StoredState>>("current");
    QTest::addColumn<qint64>("previousVersion");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("explanation");

    const QString invalid = QStringLiteral("InvalidRequestException");
    const std::optional<StoredState> none;
    const std::optional<StoredState> v5 = stored(R"({"a":1})", "{}", 5);
    // ,"reported":{"r":"<70 r>"} adds 90 bytes to the 8,150 the update's desired takes.
    std::optional<StoredState> reportedOf70Bytes = StoredState();
    reportedOf70Bytes->reported.insert(QStringLiteral("r"), QString(70, QLatin1Char('r')));

    QTest::newRow("not UTF-8") << QByteArray("{\"state\":{\"desired\":{\"a\":\"\xff\"}}}")
                               << none << qint64(0) << 415
                               << QStringLiteral("UnsupportedDocumentEncodingException")
                               << QStringLiteral(
                                      "Unsupported documented encoding; supported encoding is UTF-8")
                               << QStringLiteral("The document is not valid UTF-8; AWS IoT "
                                                 "accepts UTF-8 text only.");
    QTest::newRow("syntax error, line and column")
        << QByteArray("{\n  \"state\": {\n    \"desired\": {\"a\" 1}\n  }\n}") << none << qint64(0)
        << 400 << invalid << QStringLiteral("Invalid JSON")
        << QStringLiteral("The JSON is malformed near line 3, column 21: missing name separator.");
    QTest::newRow("syntax error, column counts characters")
        << QByteArray("{\"state\":{\"desired\":{\"größe\":1,}}}") << none << qint64(0) << 400
        << invalid << QStringLiteral("Invalid JSON")
        << QStringLiteral("The JSON is malformed near line 1, column 32: object is missing after a comma.");
    QTest::newRow("not an object")
        << QByteArray("[1]") << none << qint64(0) << 400 << invalid
        << QStringLiteral("Invalid JSON")
        << QString::fromUtf8("The document must be a JSON object such as "
                             "{\"state\": {\"desired\": {…}}}.");
    QTest::newRow("null in an array")
        << QByteArray(R"({"state":{"desired":{"l":[1,null]}}})") << none << qint64(0) << 400
        << invalid << QStringLiteral("Invalid JSON")
        << QStringLiteral("AWS IoT does not accept null inside an array (at "
                          "/state/desired/l/1); remove the element or give it a value.");
    QTest::newRow("null in a nested array of reported")
        << QByteArray(R"({"state":{"desired":{"ok":[1]},"reported":{"a":{"b":[[1],[2,null]]}}}})")
        << none << qint64(0) << 400 << invalid << QStringLiteral("Invalid JSON")
        << QStringLiteral("AWS IoT does not accept null inside an array (at "
                          "/state/reported/a/b/1/1); remove the element or give it a value.");
    QTest::newRow("no state") << QByteArray(R"({"desired":{"a":1}})") << none << qint64(0) << 400
                              << invalid << QStringLiteral("Missing required node: state")
                              << QString::fromUtf8(
                                     "The document has no \"state\"; write the changes as "
                                     "{\"state\": {\"desired\": {…}}} or with \"reported\".");
    QTest::newRow("state a string")
        << QByteArray(R"({"state":"on"})") << none << qint64(0) << 400 << invalid
        << QStringLiteral("State node must be an object")
        << QStringLiteral("\"state\" must be an object holding \"desired\" and/or \"reported\" "
                          "(or null to clear both), not a string.");
    QTest::newRow("desired an array")
        << QByteArray(R"({"state":{"desired":[1]}})") << none << qint64(0) << 400 << invalid
        << QStringLiteral("Desired node must be an object")
        << QStringLiteral("\"desired\" must be an object (or null to clear it), not an array.");
    QTest::newRow("reported a number")
        << QByteArray(R"({"state":{"reported":5}})") << none << qint64(0) << 400 << invalid
        << QStringLiteral("Reported node must be an object")
        << QStringLiteral("\"reported\" must be an object (or null to clear it), not a number.");
    QTest::newRow("delta in state")
        << QByteArray(R"({"state":{"desired":{},"delta":{"a":1}}})") << none << qint64(0) << 400
        << invalid << QStringLiteral("State contains an invalid node")
        << QStringLiteral("\"state\" may hold only \"desired\" and \"reported\"; remove \"delta\".");
    QTest::newRow("two invalid nodes")
        << QByteArray(R"({"state":{"metadata":{},"delta":{}}})") << none << qint64(0) << 400
        << invalid << QStringLiteral("State contains an invalid node")
        << QStringLiteral("\"state\" may hold only \"desired\" and \"reported\"; remove "
                          "\"delta\", \"metadata\".");
    QTest::newRow("clientToken too long")
        << (R"({"state":{},"clientToken":")" + QByteArray(65, 't') + R"("})") << none << qint64(0)
        << 400 << invalid << QStringLiteral("Invalid clientToken")
        << QStringLiteral("clientToken is 65 bytes long; AWS IoT allows 64.");
    QTest::newRow("clientToken not a string")
        << QByteArray(R"({"state":{},"clientToken":5})") << none << qint64(0) << 400 << invalid
        << QStringLiteral("Invalid clientToken")
        << QStringLiteral("clientToken must be a string, not a number.");
    QTest::newRow("version fractional")
        << QByteArray(R"({"state":{},"version":1.5})") << none << qint64(0) << 400 << invalid
        << QStringLiteral("Invalid version")
        << QStringLiteral("version must be a whole number, not 1.5.");
    QTest::newRow("version written as typed")
        << QByteArray(R"({"state":{},"version":0.1})") << none << qint64(0) << 400 << invalid
        << QStringLiteral("Invalid version")
        << QStringLiteral("version must be a whole number, not 0.1.");
    QTest::newRow("version a string")
        << QByteArray(R"({"state":{},"version":"3"})") << none << qint64(0) << 400 << invalid
        << QStringLiteral("Invalid version")
        << QStringLiteral("version must be a whole number, not a string.");
    QTest::newRow("nested 9 levels")
        << nestedDesired(9) << none << qint64(0) << 400 << invalid
        << QStringLiteral("JSON contains too many levels of nesting; maximum is 8")
        << QStringLiteral("\"desired\" is nested 9 levels deep (at /state/desired/a/a/a/a/a/a/a/a); "
                          "AWS IoT allows 8 (the desired or reported object counts as one).");
    QTest::newRow("arrays count as levels")
        << QByteArray(R"({"state":{"reported":{"x":1,"a":{"b":[[[[[[[1]]]]]]]}}}})") << none
        << qint64(0) << 400 << invalid
        << QStringLiteral("JSON contains too many levels of nesting; maximum is 8")
        << QStringLiteral("\"reported\" is nested 9 levels deep (at "
                          "/state/reported/a/b/0/0/0/0/0/0); AWS IoT allows 8 (the desired or "
                          "reported object counts as one).");
    QTest::newRow("version conflict")
        << QByteArray(R"({"state":{"desired":{"a":2}},"version":3})") << v5 << qint64(0) << 409
        << QStringLiteral("ConflictException") << QStringLiteral("Version conflict")
        << QStringLiteral("The shadow changed since you started editing (your version 3, now 5).");
    QTest::newRow("version conflict after a delete")
        << QByteArray(R"({"state":{"desired":{"a":2}},"version":3})") << none << qint64(7) << 409
        << QStringLiteral("ConflictException") << QStringLiteral("Version conflict")
        << QStringLiteral("The shadow was deleted since you started editing (your version 3, now 7).");
    QTest::newRow("too large with what is stored")
        << desiredOfStateBytes(8150) << reportedOf70Bytes
        << qint64(0) << 413 << QStringLiteral("RequestEntityTooLargeException")
        << QStringLiteral("The payload exceeds the maximum size allowed")
        << QStringLiteral("After this update the shadow would hold 8,240 bytes of desired and "
                          "reported state; AWS IoT allows 8,192.");
}

// The exact AWS answer, and plain words that say where and by how much.
void TestUpdateCheck::errors()
{
    QFETCH(QByteArray, body);
    QFETCH(std::optional<StoredState>, current);
    QFETCH(qint64, previousVersion);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, explanation);

    const Shadow::UpdatePreview preview = Shadow::previewUpdate(body, current, previousVersion);
    QVERIFY(preview.error);
    QCOMPARE(preview.error->httpStatus, status);
    QCOMPARE(preview.error->code, code);
    QCOMPARE(preview.error->message, message);
    QCOMPARE(preview.explanation, explanation);
    QCOMPARE(preview.stateBytesAfter, 0);
    QCOMPARE(preview.after, StoredState());
}

void TestUpdateCheck::sizeLimit_data()
{
    QTest::addColumn<qsizetype>("bytes");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("8,191") << qsizetype(8191) << true;
    QTest::newRow("8,192") << qsizetype(8192) << true;
    QTest::newRow("8,193") << qsizetype(8193) << false;
    QTest::newRow("8,240") << qsizetype(8240) << false;
}

// 8 KB of compact desired+reported after the merge is allowed, one byte more is not.
void TestUpdateCheck::sizeLimit()
{
    QFETCH(qsizetype, bytes);
    QFETCH(bool, accepted);

    const Shadow::UpdatePreview preview =
        Shadow::previewUpdate(desiredOfStateBytes(bytes), std::nullopt);
    if (accepted) {
        QVERIFY(!preview.error);
        QVERIFY(preview.explanation.isEmpty());
        QCOMPARE(preview.stateBytesAfter, bytes);
        QCOMPARE(preview.after.stateBytes(), bytes);
    } else {
        QVERIFY(preview.error);
        QCOMPARE(preview.error->httpStatus, 413);
        QCOMPARE(preview.explanation,
                 QStringLiteral("After this update the shadow would hold %1 bytes of desired and "
                                "reported state; AWS IoT allows 8,192.")
                     .arg(QLocale().toString(qlonglong(bytes))));
        QCOMPARE(preview.stateBytesAfter, 0);
    }
}

// A good update gives the merged state, its size and the next version.
void TestUpdateCheck::success()
{
    const StoredState current =
        stored(R"({"color":"red","l":{"on":true,"lvl":3}})", R"({"color":"blue"})", 4);
    const Shadow::UpdatePreview preview = Shadow::previewUpdate(
        R"({"state":{"desired":{"l":{"lvl":null,"x":[1,2]}},"reported":null},"clientToken":"t"})",
        current);
    QVERIFY(!preview.error);
    QVERIFY(preview.explanation.isEmpty());
    QCOMPARE(preview.after.desired, jsonObject(R"({"color":"red","l":{"on":true,"x":[1,2]}})"));
    QCOMPARE(preview.after.reported, QJsonObject());
    QCOMPARE(preview.after.version, 5);
    QCOMPARE(preview.stateBytesAfter,
             qsizetype(QByteArray(R"({"desired":{"color":"red","l":{"on":true,"x":[1,2]}}})").size()));

    // A first update creates the shadow after the tombstone's version.
    const Shadow::UpdatePreview created =
        Shadow::previewUpdate(R"({"state":{"reported":{"t":21.5}}})", std::nullopt, 9);
    QVERIFY(!created.error);
    QCOMPARE(created.after.reported, jsonObject(R"({"t":21.5})"));
    QCOMPARE(created.after.version, 10);

    // {"state": null} clears both sections.
    const Shadow::UpdatePreview cleared = Shadow::previewUpdate(R"({"state":null})", current);
    QVERIFY(!cleared.error);
    QCOMPARE(cleared.after.desired, QJsonObject());
    QCOMPARE(cleared.stateBytesAfter, 2); // "{}"
}

// The version the editor started from passes while nobody else wrote.
void TestUpdateCheck::versionMatches()
{
    const Shadow::UpdatePreview preview =
        Shadow::previewUpdate(R"({"state":{"desired":{"a":2}},"version":5})",
                              stored(R"({"a":1})", "{}", 5));
    QVERIFY(!preview.error);
    QCOMPARE(preview.after.version, 6);
    QCOMPARE(preview.after.desired, jsonObject(R"({"a":2})"));
}

// The limits passed in are the ones checked and explained.
void TestUpdateCheck::customLimits()
{
    Shadow::Limits limits;
    limits.maxDepth = 6;
    limits.maxStateBytes = 100;
    const Shadow::UpdatePreview deep =
        Shadow::previewUpdate(nestedDesired(7), std::nullopt, 0, limits);
    QVERIFY(deep.error);
    QCOMPARE(deep.error->message,
             QStringLiteral("JSON contains too many levels of nesting; maximum is 6"));
    QVERIFY(deep.explanation.contains(QStringLiteral("nested 7 levels deep")));
    QVERIFY(deep.explanation.contains(QStringLiteral("AWS IoT allows 6")));

    const Shadow::UpdatePreview large =
        Shadow::previewUpdate(desiredOfStateBytes(101), std::nullopt, 0, limits);
    QVERIFY(large.error);
    QCOMPARE(large.explanation,
             QStringLiteral("After this update the shadow would hold 101 bytes of desired and "
                            "reported state; AWS IoT allows 100."));
}

QTEST_GUILESS_MAIN(TestUpdateCheck)
#include "tst_updatecheck.moc"
