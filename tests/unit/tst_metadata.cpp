// SPDX-License-Identifier: GPL-3.0-or-later
#include "shadow/metadata.h"

#include "jsonliteral.h"

#include <QTest>

class TestMetadata : public QObject
{
    Q_OBJECT

private slots:
    void metadataFor_data();
    void metadataFor();
    void mergeMetadata_data();
    void mergeMetadata();
};

void TestMetadata::metadataFor_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QJsonValue>("expected");

    QTest::newRow("number") << json("1") << json(R"({"timestamp":500})");
    QTest::newRow("string") << json(R"("RED")") << json(R"({"timestamp":500})");
    QTest::newRow("bool") << json("false") << json(R"({"timestamp":500})");
    QTest::newRow("null") << json("null") << json(R"({"timestamp":500})");
    QTest::newRow("empty object") << json("{}") << json("{}");
    QTest::newRow("empty array") << json("[]") << json("[]");
    QTest::newRow("object mirrors the tree")
        << json(R"({"a":1,"b":{"c":"x","d":{}}})")
        << json(R"({"a":{"timestamp":500},"b":{"c":{"timestamp":500},"d":{}}})");
    QTest::newRow("array of 3 gives 3 entries")
        << json("[1,2,3]")
        << json(R"([{"timestamp":500},{"timestamp":500},{"timestamp":500}])");
    QTest::newRow("array of objects and arrays")
        << json(R"([{"a":1},[true]])")
        << json(R"([{"a":{"timestamp":500}},[{"timestamp":500}]])");
    QTest::newRow("user data shaped like metadata is still data")
        << json(R"({"timestamp":7})") << json(R"({"timestamp":{"timestamp":500}})");
}

// Each leaf (and null) becomes {"timestamp": ts}; objects and arrays keep their shape.
void TestMetadata::metadataFor()
{
    QFETCH(QJsonValue, value);
    QFETCH(QJsonValue, expected);

    QCOMPARE(Shadow::metadataFor(value, 500), expected);
}

void TestMetadata::mergeMetadata_data()
{
    QTest::addColumn<QJsonObject>("oldMetadata");
    QTest::addColumn<QJsonObject>("oldState");
    QTest::addColumn<QJsonObject>("patch");
    QTest::addColumn<QJsonObject>("expected");

    QTest::newRow("first write")
        << jsonObject("{}") << jsonObject("{}") << jsonObject(R"({"color":"RED"})")
        << jsonObject(R"({"color":{"timestamp":900}})");
    QTest::newRow("untouched keys keep their timestamps")
        << jsonObject(R"({"ID":{"timestamp":100},"ColorRGB":[{"timestamp":100}]})")
        << jsonObject(R"({"ID":"dev-1","ColorRGB":[1]})")
        << jsonObject(R"({"ColorRGB":[4,5,6]})")
        << jsonObject(R"({"ID":{"timestamp":100},)"
                      R"("ColorRGB":[{"timestamp":900},{"timestamp":900},{"timestamp":900}]})");
    QTest::newRow("rewriting the same value refreshes the timestamp")
        << jsonObject(R"({"a":{"timestamp":100}})") << jsonObject(R"({"a":1})")
        << jsonObject(R"({"a":1})") << jsonObject(R"({"a":{"timestamp":900}})");
    QTest::newRow("null removes the metadata")
        << jsonObject(R"({"a":{"timestamp":100},"b":{"timestamp":100}})")
        << jsonObject(R"({"a":1,"b":2})") << jsonObject(R"({"a":null})")
        << jsonObject(R"({"b":{"timestamp":100}})");
    QTest::newRow("null removes a whole subtree's metadata")
        << jsonObject(R"({"a":{"x":{"timestamp":100}},"b":{"timestamp":100}})")
        << jsonObject(R"({"a":{"x":1},"b":2})") << jsonObject(R"({"a":null})")
        << jsonObject(R"({"b":{"timestamp":100}})");
    QTest::newRow("nested partial update keeps sibling timestamps")
        << jsonObject(R"({"l":{"r":{"timestamp":100},"g":{"timestamp":100}}})")
        << jsonObject(R"({"l":{"r":1,"g":2}})") << jsonObject(R"({"l":{"g":0}})")
        << jsonObject(R"({"l":{"r":{"timestamp":100},"g":{"timestamp":900}}})");
    QTest::newRow("empty object over an object keeps old metadata")
        << jsonObject(R"({"d":{"x":{"timestamp":100}}})") << jsonObject(R"({"d":{"x":1}})")
        << jsonObject(R"({"d":{}})") << jsonObject(R"({"d":{"x":{"timestamp":100}}})");
    QTest::newRow("new empty object gets empty metadata")
        << jsonObject("{}") << jsonObject("{}") << jsonObject(R"({"d":{}})")
        << jsonObject(R"({"d":{}})");
    QTest::newRow("scalar over an object replaces its metadata")
        << jsonObject(R"({"a":{"x":{"timestamp":100}}})") << jsonObject(R"({"a":{"x":1}})")
        << jsonObject(R"({"a":5})") << jsonObject(R"({"a":{"timestamp":900}})");
    QTest::newRow("object over a scalar does not merge into the leaf's timestamp")
        << jsonObject(R"({"a":{"timestamp":100}})") << jsonObject(R"({"a":5})")
        << jsonObject(R"({"a":{"x":1}})") << jsonObject(R"({"a":{"x":{"timestamp":900}}})");
    QTest::newRow("object over an array replaces its metadata")
        << jsonObject(R"({"a":[{"timestamp":100}]})") << jsonObject(R"({"a":[1]})")
        << jsonObject(R"({"a":{"x":1}})") << jsonObject(R"({"a":{"x":{"timestamp":900}}})");
    QTest::newRow("old state decides: data shaped like metadata merges as data")
        << jsonObject(R"({"t":{"timestamp":{"timestamp":100}}})")
        << jsonObject(R"({"t":{"timestamp":5}})") << jsonObject(R"({"t":{"other":1}})")
        << jsonObject(R"({"t":{"timestamp":{"timestamp":100},"other":{"timestamp":900}}})");
    QTest::newRow("nested nulls in a new object get no metadata")
        << jsonObject("{}") << jsonObject("{}") << jsonObject(R"({"a":{"b":null,"c":1}})")
        << jsonObject(R"({"a":{"c":{"timestamp":900}}})");
}

// Written keys get the new timestamp, removed keys lose metadata, untouched leaves keep theirs;
// whether a key merges is decided by the old state value, never by the metadata's shape.
void TestMetadata::mergeMetadata()
{
    QFETCH(QJsonObject, oldMetadata);
    QFETCH(QJsonObject, oldState);
    QFETCH(QJsonObject, patch);
    QFETCH(QJsonObject, expected);

    QCOMPARE(Shadow::mergeMetadata(oldMetadata, oldState, patch, 900), expected);
}

QTEST_GUILESS_MAIN(TestMetadata)
#include "tst_metadata.moc"
