// SPDX-License-Identifier: GPL-3.0-or-later
#include "shadow/threewaymerge.h"

#include "../randomjson.h"
#include "jsonchanges.h"
#include "jsonliteral.h"
#include "shadow/delta.h"

#include <QTest>

using Shadow::JsonChange;
using Shadow::MergeConflict;

namespace {

/** "<pointer> base=<v> mine=<v> theirs=<v>" per conflict, "-" for an absent side. */
QStringList describeConflicts(const QList<MergeConflict> &conflicts)
{
    QStringList lines;
    for (const MergeConflict &conflict : conflicts) {
        lines.append(QStringLiteral("%1 base=%2 mine=%3 theirs=%4")
                         .arg(Shadow::jsonPointer(conflict.path), compactJson(conflict.base),
                              compactJson(conflict.mine), compactJson(conflict.theirs)));
    }
    return lines;
}

} // namespace

class TestThreeWayMerge : public QObject
{
    Q_OBJECT

private slots:
    void merge_data();
    void merge();
    void conflictValues();
    void randomEdits();
    void withValueAt_data();
    void withValueAt();
};

void TestThreeWayMerge::merge_data()
{
    QTest::addColumn<QJsonObject>("base");
    QTest::addColumn<QJsonObject>("mine");
    QTest::addColumn<QJsonObject>("theirs");
    QTest::addColumn<QJsonObject>("merged");
    QTest::addColumn<QStringList>("mineApplied");
    QTest::addColumn<QStringList>("conflicts");

    const QJsonObject empty;
    QTest::newRow("nothing changed") << jsonObject(R"({"a":1})") << jsonObject(R"({"a":1})")
                                     << jsonObject(R"({"a":1})") << jsonObject(R"({"a":1})")
                                     << QStringList() << QStringList();
    QTest::newRow("all empty") << empty << empty << empty << empty << QStringList()
                               << QStringList();
    QTest::newRow("only mine changed")
        << jsonObject(R"({"a":1,"b":2})") << jsonObject(R"({"a":5,"b":2})")
        << jsonObject(R"({"a":1,"b":2})") << jsonObject(R"({"a":5,"b":2})")
        << QStringList{QStringLiteral("changed /a 1 5")} << QStringList();
    QTest::newRow("only theirs changed")
        << jsonObject(R"({"a":1,"b":2})") << jsonObject(R"({"a":1,"b":2})")
        << jsonObject(R"({"a":1,"b":7})") << jsonObject(R"({"a":1,"b":7})") << QStringList()
        << QStringList();
    QTest::newRow("different keys of the same object")
        << jsonObject(R"({"l":{"r":1,"g":1,"b":1}})") << jsonObject(R"({"l":{"r":9,"g":1,"b":1}})")
        << jsonObject(R"({"l":{"r":1,"g":1,"b":8}})") << jsonObject(R"({"l":{"r":9,"g":1,"b":8}})")
        << QStringList{QStringLiteral("changed /l/r 1 9")} << QStringList();
    QTest::newRow("nested objects, changes at different depths")
        << jsonObject(R"({"a":{"b":{"c":1,"d":1},"e":1},"f":1})")
        << jsonObject(R"({"a":{"b":{"c":2,"d":1},"e":1},"f":1})")
        << jsonObject(R"({"a":{"b":{"c":1,"d":1},"e":3},"f":4})")
        << jsonObject(R"({"a":{"b":{"c":2,"d":1},"e":3},"f":4})")
        << QStringList{QStringLiteral("changed /a/b/c 1 2")} << QStringList();
    QTest::newRow("same change on both sides")
        << jsonObject(R"({"a":1})") << jsonObject(R"({"a":2})") << jsonObject(R"({"a":2.0})")
        << jsonObject(R"({"a":2})") << QStringList() << QStringList();
    QTest::newRow("concurrent edits of one key conflict")
        << jsonObject(R"({"a":1,"b":1})") << jsonObject(R"({"a":2,"b":1})")
        << jsonObject(R"({"a":3,"b":1})") << jsonObject(R"({"a":3,"b":1})") << QStringList()
        << QStringList{QStringLiteral("/a base=1 mine=2 theirs=3")};
    QTest::newRow("different arrays conflict whole")
        << jsonObject(R"({"l":[1,2]})") << jsonObject(R"({"l":[1,2,3]})")
        << jsonObject(R"({"l":[0,1,2]})") << jsonObject(R"({"l":[0,1,2]})") << QStringList()
        << QStringList{QStringLiteral("/l base=[1,2] mine=[1,2,3] theirs=[0,1,2]")};
    QTest::newRow("my array change applies whole")
        << jsonObject(R"({"l":[1,2]})") << jsonObject(R"({"l":[1,2,3]})")
        << jsonObject(R"({"l":[1,2]})") << jsonObject(R"({"l":[1,2,3]})")
        << QStringList{QStringLiteral("changed /l [1,2] [1,2,3]")} << QStringList();
    QTest::newRow("I delete, they keep")
        << jsonObject(R"({"a":1,"b":2})") << jsonObject(R"({"b":2})")
        << jsonObject(R"({"a":1,"b":3})") << jsonObject(R"({"b":3})")
        << QStringList{QStringLiteral("removed /a 1 -")} << QStringList();
    QTest::newRow("I delete, they edit")
        << jsonObject(R"({"a":1})") << jsonObject("{}") << jsonObject(R"({"a":2})")
        << jsonObject(R"({"a":2})") << QStringList()
        << QStringList{QStringLiteral("/a base=1 mine=- theirs=2")};
    QTest::newRow("I edit, they delete")
        << jsonObject(R"({"a":1,"k":0})") << jsonObject(R"({"a":2,"k":0})")
        << jsonObject(R"({"k":0})") << jsonObject(R"({"k":0})") << QStringList()
        << QStringList{QStringLiteral("/a base=1 mine=2 theirs=-")};
    QTest::newRow("I edit inside an object they delete")
        << jsonObject(R"({"o":{"p":1}})") << jsonObject(R"({"o":{"p":2}})") << empty << empty
        << QStringList() << QStringList{QStringLiteral(R"(/o base={"p":1} mine={"p":2} theirs=-)")};
    QTest::newRow("both delete")
        << jsonObject(R"({"a":1,"b":2})") << jsonObject(R"({"b":2})") << jsonObject(R"({"b":2})")
        << jsonObject(R"({"b":2})") << QStringList() << QStringList();
    QTest::newRow("both add the same")
        << empty << jsonObject(R"({"n":{"x":1}})") << jsonObject(R"({"n":{"x":1}})")
        << jsonObject(R"({"n":{"x":1}})") << QStringList() << QStringList();
    QTest::newRow("both add different scalars")
        << empty << jsonObject(R"({"n":1})") << jsonObject(R"({"n":2})")
        << jsonObject(R"({"n":2})") << QStringList()
        << QStringList{QStringLiteral("/n base=- mine=1 theirs=2")};
    QTest::newRow("both add objects: absent base counts as {}")
        << empty << jsonObject(R"({"n":{"x":1,"y":1}})") << jsonObject(R"({"n":{"x":1,"z":1}})")
        << jsonObject(R"({"n":{"x":1,"y":1,"z":1}})")
        << QStringList{QStringLiteral("added /n/y - 1")} << QStringList();
    QTest::newRow("both add objects with one key different")
        << empty << jsonObject(R"({"n":{"x":1}})") << jsonObject(R"({"n":{"x":2}})")
        << jsonObject(R"({"n":{"x":2}})") << QStringList()
        << QStringList{QStringLiteral("/n/x base=- mine=1 theirs=2")};
    QTest::newRow("base scalar, both make different objects: conflict at the key")
        << jsonObject(R"({"a":1})") << jsonObject(R"({"a":{"x":1}})")
        << jsonObject(R"({"a":{"y":1}})") << jsonObject(R"({"a":{"y":1}})") << QStringList()
        << QStringList{QStringLiteral(R"(/a base=1 mine={"x":1} theirs={"y":1})")};
    QTest::newRow("type change on my side only")
        << jsonObject(R"({"a":{"x":1}})") << jsonObject(R"({"a":"off"})")
        << jsonObject(R"({"a":{"x":1}})") << jsonObject(R"({"a":"off"})")
        << QStringList{QStringLiteral(R"(changed /a {"x":1} "off")")} << QStringList();
    QTest::newRow("type change against an edit inside")
        << jsonObject(R"({"a":{"x":1}})") << jsonObject(R"({"a":[1]})")
        << jsonObject(R"({"a":{"x":2}})") << jsonObject(R"({"a":{"x":2}})") << QStringList()
        << QStringList{QStringLiteral(R"(/a base={"x":1} mine=[1] theirs={"x":2})")};
    QTest::newRow("my object replaces their unchanged scalar")
        << jsonObject(R"({"a":1,"b":1})") << jsonObject(R"({"a":{"x":1},"b":1})")
        << jsonObject(R"({"a":1,"b":2})") << jsonObject(R"({"a":{"x":1},"b":2})")
        << QStringList{QStringLiteral(R"(changed /a 1 {"x":1})")} << QStringList();
    QTest::newRow("my new subtree is diffed against theirs")
        << jsonObject(R"({"o":{"p":1,"q":1}})") << jsonObject(R"({"o":{"p":2}})")
        << jsonObject(R"({"o":{"p":1,"q":1}})") << jsonObject(R"({"o":{"p":2}})")
        << QStringList{QStringLiteral("changed /o/p 1 2"), QStringLiteral("removed /o/q 1 -")}
        << QStringList();
    QTest::newRow("nulls are values")
        << jsonObject(R"({"a":null,"b":1,"c":null})") << jsonObject(R"({"a":1,"b":null,"c":null})")
        << jsonObject(R"({"a":null,"b":1,"c":2})") << jsonObject(R"({"a":1,"b":null,"c":2})")
        << QStringList{QStringLiteral("changed /a null 1"), QStringLiteral("changed /b 1 null")}
        << QStringList();
    QTest::newRow("null against a value conflicts")
        << jsonObject(R"({"a":1})") << jsonObject(R"({"a":null})") << jsonObject(R"({"a":2})")
        << jsonObject(R"({"a":2})") << QStringList()
        << QStringList{QStringLiteral("/a base=1 mine=null theirs=2")};
    QTest::newRow("base absent entirely")
        << empty << jsonObject(R"({"a":1,"b":{"c":1},"d":1})")
        << jsonObject(R"({"a":1,"b":{"c":2},"e":1})")
        << jsonObject(R"({"a":1,"b":{"c":2},"d":1,"e":1})")
        << QStringList{QStringLiteral("added /d - 1")}
        << QStringList{QStringLiteral("/b/c base=- mine=1 theirs=2")};
    QTest::newRow("conflicts depth-first in key order, clean changes kept")
        << jsonObject(R"({"b":{"y":1,"x":1},"a":1,"c":1,"d":1})")
        << jsonObject(R"({"b":{"y":2,"x":2},"a":2,"c":5,"d":1})")
        << jsonObject(R"({"b":{"y":3,"x":1},"a":3,"c":1,"d":6})")
        << jsonObject(R"({"b":{"y":3,"x":2},"a":3,"c":5,"d":6})")
        << QStringList{QStringLiteral("changed /b/x 1 2"), QStringLiteral("changed /c 1 5")}
        << QStringList{QStringLiteral("/a base=1 mine=2 theirs=3"),
                       QStringLiteral("/b/y base=1 mine=2 theirs=3")};
}

// mine == base → theirs; theirs == base → mine; equal → it; objects recurse; else conflict,
// where merged keeps theirs. mineApplied is my clean part relative to theirs.
void TestThreeWayMerge::merge()
{
    QFETCH(QJsonObject, base);
    QFETCH(QJsonObject, mine);
    QFETCH(QJsonObject, theirs);
    QFETCH(QJsonObject, merged);
    QFETCH(QStringList, mineApplied);
    QFETCH(QStringList, conflicts);

    const Shadow::ThreeWayMergeResult result = Shadow::threeWayMerge(base, mine, theirs);
    QCOMPARE(result.merged, merged);
    QCOMPARE(describeChanges(result.mineApplied), mineApplied);
    QCOMPARE(describeConflicts(result.conflicts), conflicts);
    QCOMPARE(result.isClean(), conflicts.isEmpty());
    QVERIFY(result.mineApplied == Shadow::diffJson(theirs, result.merged));
}

// A conflict carries the three values, nullopt where the key is absent.
void TestThreeWayMerge::conflictValues()
{
    const Shadow::ThreeWayMergeResult result = Shadow::threeWayMerge(
        jsonObject(R"({"s":{"k":1}})"), jsonObject(R"({"s":{}})"), jsonObject(R"({"s":{"k":"x"}})"));
    const QList<MergeConflict> expected{
        {QStringList{QStringLiteral("s"), QStringLiteral("k")}, QJsonValue(1), std::nullopt,
         QJsonValue(QStringLiteral("x"))}};
    QVERIFY(result.conflicts == expected);
    QVERIFY(result.mineApplied.isEmpty());
    QVERIFY(!result.isClean());
}

// Properties over random concurrent edits of one document.
void TestThreeWayMerge::randomEdits()
{
    RandomJson random(42);
    int conflicts = 0;
    for (int i = 0; i < 200; ++i) {
        const QJsonObject base = random.object(5, 6);
        const QJsonObject mine = random.edited(base, 0.2, 5);
        const QJsonObject theirs = random.edited(base, 0.2, 5);
        const Shadow::ThreeWayMergeResult result = Shadow::threeWayMerge(base, mine, theirs);
        QVERIFY(result.mineApplied == Shadow::diffJson(theirs, result.merged));
        for (const MergeConflict &conflict : result.conflicts) {
            QVERIFY(Shadow::withValueAt(result.merged, conflict.path, conflict.theirs)
                    == result.merged);
        }
        conflicts += int(result.conflicts.size());
        if (result.isClean()) {
            // Nothing of theirs lost: their own changes survive the merge.
            const Shadow::ThreeWayMergeResult back =
                Shadow::threeWayMerge(base, theirs, result.merged);
            QVERIFY(back.isClean());
        }
        QCOMPARE(Shadow::threeWayMerge(base, base, theirs).merged, theirs);
        QCOMPARE(Shadow::threeWayMerge(base, mine, base).merged, mine);
        QVERIFY(Shadow::threeWayMerge(base, mine, mine).isClean());
        QCOMPARE(Shadow::threeWayMerge(base, mine, mine).merged, mine);
    }
    QVERIFY(conflicts > 0); // the generator does make overlapping edits
}

void TestThreeWayMerge::withValueAt_data()
{
    QTest::addColumn<QJsonObject>("root");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QJsonValue>("value"); // Undefined: nullopt, remove
    QTest::addColumn<QJsonObject>("expected");

    const QJsonValue remove(QJsonValue::Undefined);
    const auto path = [](const char *pointer) {
        return QString::fromUtf8(pointer).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    };
    QTest::newRow("replace a scalar") << jsonObject(R"({"a":1,"b":2})") << path("a") << json("5")
                                      << jsonObject(R"({"a":5,"b":2})");
    QTest::newRow("add a key") << jsonObject(R"({"a":1})") << path("b") << json(R"("x")")
                               << jsonObject(R"({"a":1,"b":"x"})");
    QTest::newRow("set deep, siblings kept")
        << jsonObject(R"({"a":{"b":{"c":1,"d":2}}})") << path("a/b/c") << json("[1]")
        << jsonObject(R"({"a":{"b":{"c":[1],"d":2}}})");
    QTest::newRow("intermediate objects created") << jsonObject(R"({"z":0})") << path("a/b/c")
                                                  << json("1")
                                                  << jsonObject(R"({"a":{"b":{"c":1}},"z":0})");
    QTest::newRow("non-object on the way replaced")
        << jsonObject(R"({"a":{"b":7}})") << path("a/b/c") << json("1")
        << jsonObject(R"({"a":{"b":{"c":1}}})");
    QTest::newRow("set an object") << jsonObject(R"({"a":1})") << path("a")
                                   << json(R"({"x":{"y":1}})")
                                   << jsonObject(R"({"a":{"x":{"y":1}}})");
    QTest::newRow("set null") << jsonObject(R"({"a":1})") << path("a") << json("null")
                              << jsonObject(R"({"a":null})");
    QTest::newRow("remove a key") << jsonObject(R"({"a":1,"b":2})") << path("a") << remove
                                  << jsonObject(R"({"b":2})");
    QTest::newRow("remove deep keeps the emptied parent")
        << jsonObject(R"({"a":{"b":{"c":1}}})") << path("a/b/c") << remove
        << jsonObject(R"({"a":{"b":{}}})");
    QTest::newRow("remove a missing key: unchanged")
        << jsonObject(R"({"a":{"b":1}})") << path("a/x") << remove
        << jsonObject(R"({"a":{"b":1}})");
    QTest::newRow("remove under a missing parent creates nothing")
        << jsonObject(R"({"a":1})") << path("x/y/z") << remove << jsonObject(R"({"a":1})");
    QTest::newRow("remove through a scalar: unchanged")
        << jsonObject(R"({"a":1})") << path("a/b") << remove << jsonObject(R"({"a":1})");
    QTest::newRow("empty path: unchanged") << jsonObject(R"({"a":1})") << QStringList()
                                           << json("2") << jsonObject(R"({"a":1})");
    QTest::newRow("keys with slash and unicode")
        << jsonObject(R"({"a/b":{"ü":1}})")
        << QStringList{QStringLiteral("a/b"), QString::fromUtf8("ü")} << json("2")
        << jsonObject(R"({"a/b":{"ü":2}})");
}

// Sets (or removes, for nullopt) exactly one key, creating objects on the way.
void TestThreeWayMerge::withValueAt()
{
    QFETCH(QJsonObject, root);
    QFETCH(QStringList, path);
    QFETCH(QJsonValue, value);
    QFETCH(QJsonObject, expected);

    const std::optional<QJsonValue> set =
        value.isUndefined() ? std::nullopt : std::optional<QJsonValue>(value);
    QCOMPARE(Shadow::withValueAt(root, path, set), expected);
}

QTEST_GUILESS_MAIN(TestThreeWayMerge)
#include "tst_threewaymerge.moc"
