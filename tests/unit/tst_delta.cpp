// SPDX-License-Identifier: GPL-3.0-or-later
#include "shadow/delta.h"

#include "jsonliteral.h"

#include <QTest>

class TestDelta : public QObject
{
    Q_OBJECT

private slots:
    void jsonEqual_data();
    void jsonEqual();
    void computeDelta_data();
    void computeDelta();
};

void TestDelta::jsonEqual_data()
{
    QTest::addColumn<QJsonValue>("a");
    QTest::addColumn<QJsonValue>("b");
    QTest::addColumn<bool>("equal");

    QTest::newRow("1 == 1.0") << json("1") << json("1.0") << true;
    QTest::newRow("1 == 1e0") << json("1") << json("1e0") << true;
    QTest::newRow("1 != 2") << json("1") << json("2") << false;
    QTest::newRow("0.5 == 0.50") << json("0.5") << json("0.50") << true;
    QTest::newRow("large integers compared exactly")
        << json("9007199254740993") << json("9007199254740992") << false;
    QTest::newRow("large integer equal to itself")
        << json("9007199254740993") << json("9007199254740993") << true;
    QTest::newRow("string \"1\" != number 1") << json(R"("1")") << json("1") << false;
    QTest::newRow("true != 1") << json("true") << json("1") << false;
    QTest::newRow("null == null") << json("null") << json("null") << true;
    QTest::newRow("strings equal") << json(R"("RED")") << json(R"("RED")") << true;
    QTest::newRow("strings differ") << json(R"("RED")") << json(R"("red")") << false;
    QTest::newRow("arrays in order") << json("[1,2]") << json("[1.0,2]") << true;
    QTest::newRow("arrays order-sensitive") << json("[1,2]") << json("[2,1]") << false;
    QTest::newRow("arrays of different length") << json("[1]") << json("[1,1]") << false;
    QTest::newRow("objects with numerically equal leaves")
        << json(R"({"a":{"b":1}})") << json(R"({"a":{"b":1.0}})") << true;
    QTest::newRow("object with an extra key")
        << json(R"({"a":1})") << json(R"({"a":1,"b":2})") << false;
    QTest::newRow("objects with different keys")
        << json(R"({"a":1})") << json(R"({"b":1})") << false;
    QTest::newRow("empty object != empty array") << json("{}") << json("[]") << false;
}

// Numbers compare by numeric value; arrays element by element in order; objects key by key.
void TestDelta::jsonEqual()
{
    QFETCH(QJsonValue, a);
    QFETCH(QJsonValue, b);
    QFETCH(bool, equal);

    QCOMPARE(Shadow::jsonEqual(a, b), equal);
    QCOMPARE(Shadow::jsonEqual(b, a), equal);
}

void TestDelta::computeDelta_data()
{
    QTest::addColumn<QJsonObject>("desired");
    QTest::addColumn<QJsonObject>("reported");
    QTest::addColumn<QJsonObject>("expected");

    QTest::newRow("in sync") << jsonObject(R"({"a":1,"b":{"c":"x"}})")
                             << jsonObject(R"({"a":1,"b":{"c":"x"}})") << jsonObject("{}");
    QTest::newRow("empty desired") << jsonObject("{}") << jsonObject(R"({"a":1})")
                                   << jsonObject("{}");
    QTest::newRow("no reported: whole desired")
        << jsonObject(R"({"color":"RED"})") << jsonObject("{}")
        << jsonObject(R"({"color":"RED"})");
    QTest::newRow("key absent in reported")
        << jsonObject(R"({"a":1,"b":2})") << jsonObject(R"({"a":1})") << jsonObject(R"({"b":2})");
    QTest::newRow("AWS lights example keeps the path")
        << jsonObject(R"({"lights":{"color":{"r":255,"g":255,"b":255}}})")
        << jsonObject(R"({"lights":{"color":{"r":255,"g":0,"b":255}}})")
        << jsonObject(R"({"lights":{"color":{"g":255}}})");
    QTest::newRow("AWS list example: arrays compared whole")
        << jsonObject(R"({"list":["v1"]})") << jsonObject(R"({"list":["v1","v2"]})")
        << jsonObject(R"({"list":["v1"]})");
    QTest::newRow("arrays order-sensitive")
        << jsonObject(R"({"list":[1,2]})") << jsonObject(R"({"list":[2,1]})")
        << jsonObject(R"({"list":[1,2]})");
    QTest::newRow("equal arrays") << jsonObject(R"({"list":[1,[2]]})")
                                  << jsonObject(R"({"list":[1,[2]]})") << jsonObject("{}");
    QTest::newRow("keys only in reported never appear")
        << jsonObject(R"({"a":1})") << jsonObject(R"({"a":1,"engine":"ON"})") << jsonObject("{}");
    QTest::newRow("1 == 1.0") << jsonObject(R"({"a":1})") << jsonObject(R"({"a":1.0})")
                              << jsonObject("{}");
    QTest::newRow("nested equal object is left out")
        << jsonObject(R"({"a":{"b":1},"c":2})") << jsonObject(R"({"a":{"b":1},"c":3})")
        << jsonObject(R"({"c":2})");
    QTest::newRow("desired object over reported scalar")
        << jsonObject(R"({"a":{"b":1}})") << jsonObject(R"({"a":5})")
        << jsonObject(R"({"a":{"b":1}})");
    QTest::newRow("desired scalar over reported object")
        << jsonObject(R"({"a":5})") << jsonObject(R"({"a":{"b":1}})") << jsonObject(R"({"a":5})");
    QTest::newRow("desired empty object over reported object")
        << jsonObject(R"({"a":{}})") << jsonObject(R"({"a":{"b":1}})") << jsonObject("{}");
    QTest::newRow("desired empty object, reported absent")
        << jsonObject(R"({"a":{}})") << jsonObject("{}") << jsonObject(R"({"a":{}})");
    QTest::newRow("type mismatch string vs number")
        << jsonObject(R"({"a":"1"})") << jsonObject(R"({"a":1})") << jsonObject(R"({"a":"1"})");
}

// Every desired key that differs from reported, recursing into objects; reported-only keys never.
void TestDelta::computeDelta()
{
    QFETCH(QJsonObject, desired);
    QFETCH(QJsonObject, reported);
    QFETCH(QJsonObject, expected);

    QCOMPARE(Shadow::computeDelta(desired, reported), expected);
}

QTEST_GUILESS_MAIN(TestDelta)
#include "tst_delta.moc"
