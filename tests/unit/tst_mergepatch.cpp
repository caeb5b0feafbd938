// SPDX-License-Identifier: GPL-3.0-or-later
#include "shadow/mergepatch.h"

#include "jsonliteral.h"

#include <QTest>

class TestMergePatch : public QObject
{
    Q_OBJECT

private slots:
    void merge_data();
    void merge();
};

void TestMergePatch::merge_data()
{
    QTest::addColumn<QJsonObject>("target");
    QTest::addColumn<QJsonObject>("patch");
    QTest::addColumn<QJsonObject>("expected");

    QTest::newRow("empty patch leaves target")
        << jsonObject(R"({"a":1})") << jsonObject("{}") << jsonObject(R"({"a":1})");
    QTest::newRow("adds a key") << jsonObject("{}") << jsonObject(R"({"color":"RED"})")
                                << jsonObject(R"({"color":"RED"})");
    QTest::newRow("replaces a scalar")
        << jsonObject(R"({"a":1,"b":2})") << jsonObject(R"({"a":"one"})")
        << jsonObject(R"({"a":"one","b":2})");
    QTest::newRow("null removes a key")
        << jsonObject(R"({"a":1,"b":2})") << jsonObject(R"({"a":null})")
        << jsonObject(R"({"b":2})");
    QTest::newRow("null for a missing key is a no-op")
        << jsonObject(R"({"a":1})") << jsonObject(R"({"z":null})") << jsonObject(R"({"a":1})");
    QTest::newRow("objects merge recursively, siblings kept")
        << jsonObject(R"({"l":{"c":{"r":1,"g":2},"on":true}})")
        << jsonObject(R"({"l":{"c":{"g":0}}})")
        << jsonObject(R"({"l":{"c":{"r":1,"g":0},"on":true}})");
    QTest::newRow("nested null removes only the nested key")
        << jsonObject(R"({"a":{"b":1,"c":2}})") << jsonObject(R"({"a":{"b":null}})")
        << jsonObject(R"({"a":{"c":2}})");
    QTest::newRow("removing the last nested key keeps an empty object")
        << jsonObject(R"({"a":{"b":1}})") << jsonObject(R"({"a":{"b":null}})")
        << jsonObject(R"({"a":{}})");
    QTest::newRow("nested empty object is stored")
        << jsonObject("{}") << jsonObject(R"({"d":{}})") << jsonObject(R"({"d":{}})");
    QTest::newRow("empty object over an object changes nothing")
        << jsonObject(R"({"d":{"x":1}})") << jsonObject(R"({"d":{}})")
        << jsonObject(R"({"d":{"x":1}})");
    QTest::newRow("arrays replace whole, no element merge")
        << jsonObject(R"({"list":["v1","v2"]})") << jsonObject(R"({"list":["v3"]})")
        << jsonObject(R"({"list":["v3"]})");
    QTest::newRow("scalar replaces an object")
        << jsonObject(R"({"a":{"b":1}})") << jsonObject(R"({"a":5})") << jsonObject(R"({"a":5})");
    QTest::newRow("array replaces an object")
        << jsonObject(R"({"a":{"b":1}})") << jsonObject(R"({"a":[1,2]})")
        << jsonObject(R"({"a":[1,2]})");
    QTest::newRow("object replaces an array")
        << jsonObject(R"({"a":[1,2]})") << jsonObject(R"({"a":{"b":1}})")
        << jsonObject(R"({"a":{"b":1}})");
    QTest::newRow("object replacing a scalar drops its nested nulls")
        << jsonObject(R"({"a":"x"})") << jsonObject(R"({"a":{"b":null,"c":{"d":null,"e":1}}})")
        << jsonObject(R"({"a":{"c":{"e":1}}})");
    QTest::newRow("new object drops its nested nulls")
        << jsonObject("{}") << jsonObject(R"({"a":{"b":null}})") << jsonObject(R"({"a":{}})");
    QTest::newRow("type change number to string")
        << jsonObject(R"({"a":1})") << jsonObject(R"({"a":"1"})") << jsonObject(R"({"a":"1"})");
}

// Objects merge recursively; null removes; anything else replaces the old value whole.
void TestMergePatch::merge()
{
    QFETCH(QJsonObject, target);
    QFETCH(QJsonObject, patch);
    QFETCH(QJsonObject, expected);

    QCOMPARE(Shadow::applyMergePatch(target, patch), expected);
}

QTEST_GUILESS_MAIN(TestMergePatch)
#include "tst_mergepatch.moc"
