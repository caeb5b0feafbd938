// SPDX-License-Identifier: GPL-3.0-or-later
#include "shadow/mergepatch.h"

#include "../randomjson.h"
#include "jsonliteral.h"
#include "shadow/delta.h"

#include <QTest>

namespace {

struct PatchCase
{
    const char *name;
    QJsonObject from;
    QJsonObject to;
    QJsonObject patch;
};

QList<PatchCase> patchCases()
{
    return {
        {"equal documents", jsonObject(R"({"a":1,"b":{"c":[1,2]}})"),
         jsonObject(R"({"a":1,"b":{"c":[1,2]}})"), jsonObject("{}")},
        {"empty documents", jsonObject("{}"), jsonObject("{}"), jsonObject("{}")},
        {"from empty: everything added", jsonObject("{}"), jsonObject(R"({"a":{"b":1},"c":[]})"),
         jsonObject(R"({"a":{"b":1},"c":[]})")},
        {"to empty: everything removed", jsonObject(R"({"a":{"b":1},"c":2})"), jsonObject("{}"),
         jsonObject(R"({"a":null,"c":null})")},
        {"changed scalar only", jsonObject(R"({"a":1,"b":2})"), jsonObject(R"({"a":1,"b":3})"),
         jsonObject(R"({"b":3})")},
        {"nested objects recurse to the change",
         jsonObject(R"({"l":{"c":{"r":1,"g":2},"on":true},"x":1})"),
         jsonObject(R"({"l":{"c":{"r":1,"g":0},"on":true},"x":1})"),
         jsonObject(R"({"l":{"c":{"g":0}}})")},
        {"nested removal is a nested null", jsonObject(R"({"a":{"b":1,"c":2}})"),
         jsonObject(R"({"a":{"c":2}})"), jsonObject(R"({"a":{"b":null}})")},
        {"emptied nested object", jsonObject(R"({"a":{"b":1}})"), jsonObject(R"({"a":{}})"),
         jsonObject(R"({"a":{"b":null}})")},
        {"new empty object", jsonObject(R"({"a":1})"), jsonObject(R"({"a":1,"d":{}})"),
         jsonObject(R"({"d":{}})")},
        {"arrays replaced whole", jsonObject(R"({"list":[1,2,3]})"),
         jsonObject(R"({"list":[1,2,4]})"), jsonObject(R"({"list":[1,2,4]})")},
        {"array of objects replaced whole", jsonObject(R"({"l":[{"a":1},{"b":2}]})"),
         jsonObject(R"({"l":[{"a":1},{"b":3}]})"), jsonObject(R"({"l":[{"a":1},{"b":3}]})")},
        {"equal arrays unchanged", jsonObject(R"({"l":[1,"x",{"a":[true]}]})"),
         jsonObject(R"({"l":[1,"x",{"a":[true]}]})"), jsonObject("{}")},
        {"object to scalar", jsonObject(R"({"a":{"b":1}})"), jsonObject(R"({"a":5})"),
         jsonObject(R"({"a":5})")},
        {"scalar to object", jsonObject(R"({"a":5})"), jsonObject(R"({"a":{"b":1}})"),
         jsonObject(R"({"a":{"b":1}})")},
        {"object to array", jsonObject(R"({"a":{"b":1}})"), jsonObject(R"({"a":[1]})"),
         jsonObject(R"({"a":[1]})")},
        {"array to object", jsonObject(R"({"a":[1]})"), jsonObject(R"({"a":{"b":1}})"),
         jsonObject(R"({"a":{"b":1}})")},
        {"array to scalar", jsonObject(R"({"a":[1]})"), jsonObject(R"({"a":1})"),
         jsonObject(R"({"a":1})")},
        {"scalar to array", jsonObject(R"({"a":"x"})"), jsonObject(R"({"a":["x"]})"),
         jsonObject(R"({"a":["x"]})")},
        {"number to string", jsonObject(R"({"a":1})"), jsonObject(R"({"a":"1"})"),
         jsonObject(R"({"a":"1"})")},
        {"bool to number", jsonObject(R"({"a":true})"), jsonObject(R"({"a":1})"),
         jsonObject(R"({"a":1})")},
        {"1 and 1.0 are equal", jsonObject(R"({"a":1,"b":[2]})"),
         jsonObject(R"({"a":1.0,"b":[2.0]})"), jsonObject("{}")},
        {"1 and 1.5 differ", jsonObject(R"({"a":1})"), jsonObject(R"({"a":1.5})"),
         jsonObject(R"({"a":1.5})")},
        {"unicode keys", jsonObject(R"({"grüße":{"😀":1,"￿":2},"日本":"x"})"),
         jsonObject(R"({"grüße":{"😀":2,"￿":2},"日本語":"x"})"),
         jsonObject(R"({"grüße":{"😀":2},"日本":null,"日本語":"x"})")},
        {"keys needing pointer escapes", jsonObject(R"({"a/b":1,"~":2})"),
         jsonObject(R"({"a/b":2,"~":2})"), jsonObject(R"({"a/b":2})")},
        {"empty key", jsonObject(R"({"":1})"), jsonObject(R"({"":2})"),
         jsonObject(R"({"":2})")},
        {"added, removed and changed at several depths",
         jsonObject(R"({"a":{"b":{"c":1,"d":2},"e":3},"f":4})"),
         jsonObject(R"({"a":{"b":{"c":1,"x":9},"e":[3]},"g":5})"),
         jsonObject(R"({"a":{"b":{"d":null,"x":9},"e":[3]},"f":null,"g":5})")},
    };
}

} // namespace

class TestMergePatch : public QObject
{
    Q_OBJECT

private slots:
    void merge_data();
    void merge();
    void createPatch_data();
    void createPatch();
    void roundTrip_data();
    void roundTrip();
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

void TestMergePatch::createPatch_data()
{
    QTest::addColumn<QJsonObject>("from");
    QTest::addColumn<QJsonObject>("to");
    QTest::addColumn<QJsonObject>("expected");

    for (const PatchCase &row : patchCases())
        QTest::newRow(row.name) << row.from << row.to << row.patch;
}

// Only changed keys, null for removed ones, objects recurse, arrays and type changes whole.
void TestMergePatch::createPatch()
{
    QFETCH(QJsonObject, from);
    QFETCH(QJsonObject, to);
    QFETCH(QJsonObject, expected);

    QCOMPARE(Shadow::createMergePatch(from, to), expected);
}

void TestMergePatch::roundTrip_data()
{
    QTest::addColumn<QJsonObject>("from");
    QTest::addColumn<QJsonObject>("to");

    for (const PatchCase &row : patchCases())
        QTest::newRow(row.name) << row.from << row.to;
    // Edits of one document (shared structure, like an editing session) and unrelated pairs.
    RandomJson random(20260501);
    for (int i = 0; i < 200; ++i) {
        const QJsonObject from = random.object(5, 6);
        const QJsonObject to = i % 2 == 0 ? random.edited(from, 0.3, 5) : random.object(5, 6);
        QTest::addRow("random %d", i) << from << to;
    }
}

// applyMergePatch(from, createMergePatch(from, to)) == to, and the patch is minimal.
void TestMergePatch::roundTrip()
{
    QFETCH(QJsonObject, from);
    QFETCH(QJsonObject, to);

    const QJsonObject patch = Shadow::createMergePatch(from, to);
    const QJsonObject applied = Shadow::applyMergePatch(from, patch);
    QVERIFY2(Shadow::jsonEqual(applied, to),
             QJsonDocument(applied).toJson(QJsonDocument::Compact).constData());
    QCOMPARE(applied, to);
    QCOMPARE(patch.isEmpty(), Shadow::jsonEqual(from, to));
    QVERIFY(Shadow::createMergePatch(to, to).isEmpty());
}

QTEST_GUILESS_MAIN(TestMergePatch)
#include "tst_mergepatch.moc"
