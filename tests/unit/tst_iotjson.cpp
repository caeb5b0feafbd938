// SPDX-License-Identifier: GPL-3.0-or-later
// IotJson: requests serialised as boto3 puts them on the wire (IOT-DATA-PLANE.md 2.2 to
// 2.4, 7.2, 7.3) and responses parsed into value types, malformed ones refused with a reason.
#include "iot/iotjson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Iot;

Q_DECLARE_METATYPE(Iot::ShadowDocument)
Q_DECLARE_METATYPE(Iot::RetainedMessage)
Q_DECLARE_METATYPE(Iot::RetainedPage)
Q_DECLARE_METATYPE(Iot::ThingPage)
Q_DECLARE_METATYPE(Iot::NamedShadowPage)
Q_DECLARE_METATYPE(Iot::PublishRequest)
Q_DECLARE_METATYPE(Aws::HeaderList)

namespace {

QDateTime utcMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

class TestIotJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every byte outside the unreserved set is %XX with upper-case hex, '/' and '%' included.
    void paths_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QByteArray>("publishPath");
        QTest::newRow("slashes") << QStringLiteral("a/b/c") << QByteArray("/topics/a%2Fb%2Fc");
        QTest::newRow("space") << QStringLiteral("a b") << QByteArray("/topics/a%20b");
        QTest::newRow("plus") << QStringLiteral("a+b") << QByteArray("/topics/a%2Bb");
        QTest::newRow("reserved $aws") << QStringLiteral("$aws/things/t1/shadow/update")
                                       << QByteArray("/topics/%24aws%2Fthings%2Ft1%2Fshadow%2Fupdate");
        QTest::newRow("hash") << QStringLiteral("sensor#1") << QByteArray("/topics/sensor%231");
        QTest::newRow("non-ascii") << QStringLiteral("café/temp") << QByteArray("/topics/caf%C3%A9%2Ftemp");
        QTest::newRow("literal percent") << QStringLiteral("a%2Fb") << QByteArray("/topics/a%252Fb");
        QTest::newRow("unreserved") << QStringLiteral("x~y_z-.") << QByteArray("/topics/x~y_z-.");
        QTest::newRow("query characters") << QStringLiteral("q?x=1&y") << QByteArray("/topics/q%3Fx%3D1%26y");
        QTest::newRow("leading slash") << QStringLiteral("/leading/slash") << QByteArray("/topics/%2Fleading%2Fslash");
        QTest::newRow("empty") << QString() << QByteArray("/topics/");
        QTest::newRow("awkward") << QStringLiteral("a/b c/%/café") << QByteArray("/topics/a%2Fb%20c%2F%25%2Fcaf%C3%A9");
    }
    void paths()
    {
        QFETCH(QString, topic);
        QFETCH(QByteArray, publishPath);
        QCOMPARE(IotJson::publishPath(topic), publishPath);
        QCOMPARE(IotJson::retainedMessagePath(topic),
                 "/retainedMessage/" + publishPath.mid(int(qstrlen("/topics/"))));
        QCOMPARE(IotJson::shadowPath(topic), "/things/" + publishPath.mid(8) + "/shadow");
        QCOMPARE(IotJson::namedShadowsPath(topic),
                 "/api/things/shadow/ListNamedShadowsForThing/" + publishPath.mid(8));
    }

    // Query values are encoded like labels; parameters not set are left out.
    void queries_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("classic shadow") << IotJson::shadowQuery({}) << QByteArray();
        QTest::newRow("named shadow") << IotJson::shadowQuery(QStringLiteral("s:1")) << QByteArray("name=s%3A1");
        QTest::newRow("$package") << IotJson::shadowQuery(QStringLiteral("$package")) << QByteArray("name=%24package");
        QTest::newRow("named shadows, defaults") << IotJson::namedShadowsQuery({}, 0) << QByteArray();
        QTest::newRow("named shadows, paged")
            << IotJson::namedShadowsQuery(QStringLiteral("abc/+=def"), 10)
            << QByteArray("pageSize=10&nextToken=abc%2F%2B%3Ddef");
        QTest::newRow("retained, paged") << IotJson::retainedMessagesQuery(QStringLiteral("t"), 200)
                                         << QByteArray("nextToken=t&maxResults=200");
        QTest::newRow("describe endpoint") << IotJson::describeEndpointQuery(QStringLiteral("iot:Data-ATS"))
                                           << QByteArray("endpointType=iot%3AData-ATS");
        ListThingsRequest things;
        QTest::newRow("list things, defaults") << IotJson::listThingsQuery(things) << QByteArray();
        things.maxResults = 25;
        things.nextToken = QStringLiteral("n=1");
        things.attributeName = QStringLiteral("site");
        things.attributeValue = QStringLiteral("berlin 1");
        things.usePrefixAttributeValue = true;
        things.thingTypeName = QStringLiteral("Thermostat");
        QTest::newRow("list things, every filter")
            << IotJson::listThingsQuery(things)
            << QByteArray("maxResults=25&nextToken=n%3D1&attributeName=site&attributeValue=berlin%201"
                          "&thingTypeName=Thermostat&usePrefixAttributeValue=true");
    }
    void queries()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, expected);
        QCOMPARE(query, expected);
    }

    // Publish: options in the query, MQTT 5 properties in headers; user properties are the
    // base64 of a JSON array of single-pair objects, correlation data base64.
    void publish_data()
    {
        QTest::addColumn<PublishRequest>("request");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<Aws::HeaderList>("headers");
        PublishRequest minimal;
        minimal.topic = QStringLiteral("t");
        QTest::newRow("minimal") << minimal << QByteArray() << Aws::HeaderList();

        PublishRequest full;
        full.topic = QStringLiteral("t");
        full.qos = 1;
        full.retain = true;
        full.contentType = QStringLiteral("application/json");
        full.responseTopic = QStringLiteral("reply/to me");
        full.messageExpiry = 60;
        full.payloadFormat = PayloadFormat::Utf8Data;
        full.correlationData = QByteArray("\x01\x02id", 4);
        full.userProperties = {{QStringLiteral("deviceName"), QStringLiteral("alpha")},
                               {QStringLiteral("deviceCnt"), QStringLiteral("45")}};
        QTest::newRow("every option")
            << full
            << QByteArray("qos=1&retain=true&contentType=application%2Fjson"
                          "&responseTopic=reply%2Fto%20me&messageExpiry=60")
            << Aws::HeaderList{
                   {"x-amz-mqtt5-user-properties",
                    QByteArray(R"([{"deviceName":"alpha"},{"deviceCnt":"45"}])").toBase64()},
                   {"x-amz-mqtt5-payload-format-indicator", "UTF8_DATA"},
                   {"x-amz-mqtt5-correlation-data", "AQJpZA=="}};

        PublishRequest bytes;
        bytes.topic = QStringLiteral("t");
        bytes.qos = 0;
        bytes.payloadFormat = PayloadFormat::UnspecifiedBytes;
        QTest::newRow("qos 0, unspecified bytes")
            << bytes << QByteArray("qos=0")
            << Aws::HeaderList{{"x-amz-mqtt5-payload-format-indicator", "UNSPECIFIED_BYTES"}};
    }
    void publish()
    {
        QFETCH(PublishRequest, request);
        QFETCH(QByteArray, query);
        QFETCH(Aws::HeaderList, headers);
        QCOMPARE(IotJson::publishQuery(request), query);
        QCOMPARE(IotJson::publishHeaders(request), headers);
    }

    // User properties parse back from the JSON array, in order, repeated keys kept; anything
    // but single-pair objects with string values is refused.
    void userProperties_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("count");
        QTest::newRow("two") << QByteArray(R"([{"a":"b"},{"a":"c"}])") << true << 2;
        QTest::newRow("empty array") << QByteArray("[]") << true << 0;
        QTest::newRow("not an array") << QByteArray(R"({"a":"b"})") << false << 0;
        QTest::newRow("two pairs in one object") << QByteArray(R"([{"a":"b","c":"d"}])") << false << 0;
        QTest::newRow("number value") << QByteArray(R"([{"a":1}])") << false << 0;
        QTest::newRow("not JSON") << QByteArray("[{") << false << 0;
    }
    void userProperties()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        QFETCH(int, count);
        QString error;
        const auto parsed = IotJson::parseUserProperties(json, &error);
        QCOMPARE(parsed.has_value(), valid);
        QCOMPARE(error.isEmpty(), valid);
        if (valid)
            QCOMPARE(parsed->size(), count);
    }

    // The header text decodes to the array we would parse: a round trip keeps order and keys.
    void userPropertiesRoundTrip()
    {
        const QList<UserProperty> properties{{QStringLiteral("unit"), QStringLiteral("°C")},
                                             {QStringLiteral("unit"), QStringLiteral("K")},
                                             {QStringLiteral("a b"), QString()}};
        QString error;
        const auto parsed = IotJson::parseUserProperties(
            QByteArray::fromBase64(IotJson::userPropertiesHeader(properties)), &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(*parsed, properties);
    }

    // Get/Update shadow responses: sections, metadata, version, timestamp, clientToken.
    void shadowDocument_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ShadowDocument>("expected");
        ShadowDocument full;
        full.desired = QJsonObject{{QStringLiteral("on"), true}};
        full.reported = QJsonObject{{QStringLiteral("on"), false}};
        full.delta = QJsonObject{{QStringLiteral("on"), true}};
        full.desiredMetadata = QJsonObject{{QStringLiteral("on"), QJsonObject{{QStringLiteral("timestamp"), 1}}}};
        full.version = 7;
        full.timestamp = 1700000000;
        full.clientToken = QStringLiteral("tok");
        QTest::newRow("full") << QByteArray(R"({"state":{"desired":{"on":true},"reported":{"on":false},)"
                                            R"("delta":{"on":true}},"metadata":{"desired":{"on":{"timestamp":1}}},)"
                                            R"("version":7,"timestamp":1700000000,"clientToken":"tok"})")
                              << full;
        ShadowDocument bare;
        bare.version = 1;
        bare.timestamp = 5;
        QTest::newRow("no state") << QByteArray(R"({"version":1,"timestamp":5})") << bare;
        // Update answers echo removals as null: the whole state, or one section.
        ShadowDocument cleared = bare;
        QTest::newRow("state null") << QByteArray("{\"state\":null,\"metadata\":{\"timestamp\":5},"
                                                  "\"version\":1,\"timestamp\":5}")
                                    << cleared;
        ShadowDocument sectionRemoved = bare;
        sectionRemoved.reported = QJsonObject{{QStringLiteral("on"), true}};
        QTest::newRow("desired null") << QByteArray("{\"state\":{\"desired\":null,\"reported\":{\"on\":true}},"
                                                    "\"version\":1,\"timestamp\":5}")
                                      << sectionRemoved;
    }
    void shadowDocument()
    {
        QFETCH(QByteArray, body);
        QFETCH(ShadowDocument, expected);
        QString error;
        const auto parsed = IotJson::parseShadowDocument(body, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(*parsed, expected);
    }

    // GetRetainedMessage: payload and user properties decoded from base64, time from epoch ms.
    void retainedMessage()
    {
        const QByteArray body = QJsonDocument(QJsonObject{
            {QStringLiteral("topic"), QStringLiteral("a/b c")},
            {QStringLiteral("payload"), QString::fromLatin1(QByteArray("\x00\xff", 2).toBase64())},
            {QStringLiteral("qos"), 1},
            {QStringLiteral("lastModifiedTime"), qint64(1700000000123)},
            {QStringLiteral("userProperties"),
             QString::fromLatin1(QByteArray(R"([{"unit":"C"}])").toBase64())},
        }).toJson();
        QString error;
        const auto parsed = IotJson::parseRetainedMessage(body, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->topic, QStringLiteral("a/b c"));
        QCOMPARE(parsed->payload, QByteArray("\x00\xff", 2));
        QCOMPARE(parsed->qos, 1);
        QCOMPARE(parsed->lastModified, utcMs(1700000000123));
        QCOMPARE(parsed->userProperties,
                 (QList<UserProperty>{{QStringLiteral("unit"), QStringLiteral("C")}}));
    }

    // The list operations: items, and nextToken only while there are more pages.
    void pages()
    {
        QString error;
        const auto retained = IotJson::parseRetainedPage(
            R"({"retainedTopics":[{"topic":"t/1","payloadSize":3,"qos":0,"lastModifiedTime":1000}],"nextToken":"n"})",
            &error);
        QVERIFY2(retained, qPrintable(error));
        QCOMPARE(*retained, (RetainedPage{{{QStringLiteral("t/1"), 3, 0, utcMs(1000)}}, QStringLiteral("n")}));

        const auto shadows = IotJson::parseNamedShadowPage(R"({"results":["a","b"],"timestamp":9})", &error);
        QVERIFY2(shadows, qPrintable(error));
        QCOMPARE(*shadows, (NamedShadowPage{{QStringLiteral("a"), QStringLiteral("b")}, {}, 9}));

        const auto things = IotJson::parseThingPage(
            R"({"things":[{"thingName":"lamp","thingTypeName":"Lamp","thingArn":"arn:aws:iot:us-east-1:1:thing/lamp",)"
            R"("attributes":{"site":"b1"},"version":2},{"thingName":"bare","attributes":{},"version":1}]})",
            &error);
        QVERIFY2(things, qPrintable(error));
        QCOMPARE(things->things.size(), 2);
        QCOMPARE(things->things.at(0),
                 (ThingSummary{QStringLiteral("lamp"), QStringLiteral("Lamp"),
                               QStringLiteral("arn:aws:iot:us-east-1:1:thing/lamp"),
                               {{QStringLiteral("site"), QStringLiteral("b1")}}, 2}));
        QVERIFY(things->things.at(1).typeName.isEmpty());
        QVERIFY(things->nextToken.isEmpty());

        const auto endpoint = IotJson::parseEndpointAddress(
            R"({"endpointAddress":"abc-ats.iot.us-east-1.amazonaws.com"})", &error);
        QVERIFY2(endpoint, qPrintable(error));
        QCOMPARE(endpoint->address, QStringLiteral("abc-ats.iot.us-east-1.amazonaws.com"));

        const auto deleted = IotJson::parseDeletedShadow(R"({"version":2,"timestamp":3})", &error);
        QVERIFY2(deleted, qPrintable(error));
        QCOMPARE(*deleted, (DeletedShadow{2, 3}));
    }

    // A body that is not what the service sends is refused with a reason, never a crash or a
    // half-filled value.
    void malformed_data()
    {
        QTest::addColumn<QString>("parser");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("shadow: not JSON") << QStringLiteral("shadow") << QByteArray("{\"state\":{\"des");
        QTest::newRow("shadow: empty") << QStringLiteral("shadow") << QByteArray();
        QTest::newRow("shadow: array") << QStringLiteral("shadow") << QByteArray("[]");
        QTest::newRow("shadow: no version") << QStringLiteral("shadow") << QByteArray(R"({"timestamp":1})");
        QTest::newRow("shadow: fractional version") << QStringLiteral("shadow") << QByteArray(R"({"version":1.5,"timestamp":1})");
        QTest::newRow("shadow: desired not an object") << QStringLiteral("shadow") << QByteArray(R"({"state":{"desired":1},"version":1,"timestamp":1})");
        QTest::newRow("deleted: version a string") << QStringLiteral("deleted") << QByteArray(R"({"version":"1","timestamp":1})");
        QTest::newRow("shadows: results missing") << QStringLiteral("shadows") << QByteArray(R"({"timestamp":1})");
        QTest::newRow("shadows: a number") << QStringLiteral("shadows") << QByteArray(R"({"results":[1]})");
        QTest::newRow("retained page: topic missing") << QStringLiteral("retainedPage") << QByteArray(R"({"retainedTopics":[{"qos":0,"payloadSize":1,"lastModifiedTime":1}]})");
        QTest::newRow("retained page: element not an object") << QStringLiteral("retainedPage") << QByteArray(R"({"retainedTopics":["t"]})");
        QTest::newRow("retained: payload not base64") << QStringLiteral("retained") << QByteArray(R"({"topic":"t","payload":"**","qos":0,"lastModifiedTime":1})");
        QTest::newRow("retained: bad user properties") << QStringLiteral("retained") << QByteArray(R"({"topic":"t","payload":"","qos":0,"lastModifiedTime":1,"userProperties":"e30="})");
        QTest::newRow("things: attribute a number") << QStringLiteral("things") << QByteArray(R"({"things":[{"thingName":"a","attributes":{"n":1}}]})");
        QTest::newRow("things: nextToken a number") << QStringLiteral("things") << QByteArray(R"({"things":[],"nextToken":5})");
        QTest::newRow("endpoint: empty") << QStringLiteral("endpoint") << QByteArray(R"({"endpointAddress":""})");
        QTest::newRow("endpoint: truncated") << QStringLiteral("endpoint") << QByteArray("{\"endpointAdd");
    }
    void malformed()
    {
        QFETCH(QString, parser);
        QFETCH(QByteArray, body);
        QString error;
        bool parsed = true;
        if (parser == QLatin1String("shadow"))
            parsed = IotJson::parseShadowDocument(body, &error).has_value();
        else if (parser == QLatin1String("deleted"))
            parsed = IotJson::parseDeletedShadow(body, &error).has_value();
        else if (parser == QLatin1String("shadows"))
            parsed = IotJson::parseNamedShadowPage(body, &error).has_value();
        else if (parser == QLatin1String("retainedPage"))
            parsed = IotJson::parseRetainedPage(body, &error).has_value();
        else if (parser == QLatin1String("retained"))
            parsed = IotJson::parseRetainedMessage(body, &error).has_value();
        else if (parser == QLatin1String("things"))
            parsed = IotJson::parseThingPage(body, &error).has_value();
        else
            parsed = IotJson::parseEndpointAddress(body, &error).has_value();
        QVERIFY(!parsed);
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIotJson)
#include "tst_iotjson.moc"
