// SPDX-License-Identifier: GPL-3.0-or-later
#include "shadow/jsondiff.h"

#include "../randomjson.h"
#include "jsonchanges.h"
#include "jsonliteral.h"
#include "shadow/mergepatch.h"

#include <QTest>

using Shadow::JsonChange;

class TestJsonDiff : public QObject
{
    Q_OBJECT

private slots:
    void pointer_data();
    void pointer();
    void diff_data();
    void diff();
    void changeValues();
    void keyOrderOfParsedDocuments();
    void agreesWithMergePatch();
};

void TestJsonDiff::pointer_data()
{
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QString>("expected");

    QTest::newRow("root") << QStringList() << QString();
    QTest::newRow("one key") << QStringList{QStringLiteral("desired")}
                             << QStringLiteral("/desired");
    QTest::newRow("slash is ~1") << QStringList{QStringLiteral("desired"), QStringLiteral("a/b")}
                                 << QStringLiteral("/desired/a~1b");
    QTest::newRow("tilde is ~0") << QStringList{QStringLiteral("m~n")} << QStringLiteral("/m~0n");
    QTest::newRow("~1 literal is not unescaped twice")
        << QStringList{QStringLiteral("~1")} << QStringLiteral("/~01");
    QTest::newRow("both, in order") << QStringList{QStringLiteral("/~/")}
                                    << QStringLiteral("/~1~0~1");
    QTest::newRow("empty key") << QStringList{QString(), QStringLiteral("a")}
                               << QStringLiteral("//a");
    QTest::newRow("unicode kept") << QStringList{QString::fromUtf8("grüße")}
                                  << QString::fromUtf8("/grüße");
}

// RFC 6901: "~" → "~0" first, then "/" → "~1"; "" addresses the whole document.
void TestJsonDiff::pointer()
{
    QFETCH(QStringList, path);
    QFETCH(QString, expected);

    QCOMPARE(Shadow::jsonPointer(path), expected);
}

void TestJsonDiff::diff_data()
{
    QTest::addColumn<QJsonObject>("from");
    QTest::addColumn<QJsonObject>("to");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("equal") << jsonObject(R"({"a":{"b":[1,{"c":2}]}})")
                           << jsonObject(R"({"a":{"b":[1,{"c":2}]}})") << QStringList();
    QTest::newRow("both empty") << jsonObject("{}") << jsonObject("{}") << QStringList();
    QTest::newRow("added scalar") << jsonObject("{}") << jsonObject(R"({"a":1})")
                                  << QStringList{QStringLiteral("added /a - 1")};
    QTest::newRow("added object is one entry")
        << jsonObject(R"({"x":1})") << jsonObject(R"({"x":1,"o":{"p":{"q":1}}})")
        << QStringList{QStringLiteral(R"(added /o - {"p":{"q":1}})")};
    QTest::newRow("removed") << jsonObject(R"({"a":1,"b":"x"})") << jsonObject(R"({"a":1})")
                             << QStringList{QStringLiteral(R"(removed /b "x" -)")};
    QTest::newRow("removed object is one entry")
        << jsonObject(R"({"o":{"p":1}})") << jsonObject("{}")
        << QStringList{QStringLiteral(R"(removed /o {"p":1} -)")};
    QTest::newRow("changed scalar") << jsonObject(R"({"a":1})") << jsonObject(R"({"a":2})")
                                    << QStringList{QStringLiteral("changed /a 1 2")};
    QTest::newRow("1 and 1.0 equal") << jsonObject(R"({"a":1})") << jsonObject(R"({"a":1.0})")
                                     << QStringList();
    QTest::newRow("array compared whole")
        << jsonObject(R"({"l":[1,2,3]})") << jsonObject(R"({"l":[1,5,3]})")
        << QStringList{QStringLiteral("changed /l [1,2,3] [1,5,3]")};
    QTest::newRow("array order matters")
        << jsonObject(R"({"l":[1,2]})") << jsonObject(R"({"l":[2,1]})")
        << QStringList{QStringLiteral("changed /l [1,2] [2,1]")};
    QTest::newRow("type change object to scalar")
        << jsonObject(R"({"a":{"b":1}})") << jsonObject(R"({"a":"x"})")
        << QStringList{QStringLiteral(R"(changed /a {"b":1} "x")")};
    QTest::newRow("type change array to object")
        << jsonObject(R"({"a":[1]})") << jsonObject(R"({"a":{"b":1}})")
        << QStringList{QStringLiteral(R"(changed /a [1] {"b":1})")};
    QTest::newRow("number to string")
        << jsonObject(R"({"a":1})") << jsonObject(R"({"a":"1"})")
        << QStringList{QStringLiteral(R"(changed /a 1 "1")")};
    QTest::newRow("null is a value")
        << jsonObject(R"({"a":null,"b":1})") << jsonObject(R"({"a":0,"b":null})")
        << QStringList{QStringLiteral("changed /a null 0"), QStringLiteral("changed /b 1 null")};
    QTest::newRow("nested, depth-first in key order")
        << jsonObject(R"({"b":{"y":1,"z":{"q":1}},"a":1,"c":3})")
        << jsonObject(R"({"b":{"x":0,"z":{"q":2}},"a":2,"d":4})")
        << QStringList{QStringLiteral("changed /a 1 2"), QStringLiteral("added /b/x - 0"),
                       QStringLiteral("removed /b/y 1 -"), QStringLiteral("changed /b/z/q 1 2"),
                       QStringLiteral("removed /c 3 -"), QStringLiteral("added /d - 4")};
    QTest::newRow("emptied object gives its removals")
        << jsonObject(R"({"o":{"p":1,"q":2}})") << jsonObject(R"({"o":{}})")
        << QStringList{QStringLiteral("removed /o/p 1 -"), QStringLiteral("removed /o/q 2 -")};
    QTest::newRow("escaped pointer") << jsonObject(R"({"a/b":{"~":1}})")
                                     << jsonObject(R"({"a/b":{"~":2}})")
                                     << QStringList{QStringLiteral("changed /a~1b/~0 1 2")};
    QTest::newRow("unicode keys") << jsonObject(R"({"😀":1,"\uffff":1})")
                                  << jsonObject(R"({"😀":2,"\uffff":1,"é":3})")
                                  << QStringList{QString::fromUtf8("added /é - 3"),
                                                 QString::fromUtf8("changed /😀 1 2")};
}

// Objects recurse; everything else compares whole (jsonEqual) into one entry; depth-first.
void TestJsonDiff::diff()
{
    QFETCH(QJsonObject, from);
    QFETCH(QJsonObject, to);
    QFETCH(QStringList, expected);

    QCOMPARE(describeChanges(Shadow::diffJson(from, to)), expected);
}

// The entries carry the path as keys and Undefined on the side where the key is absent.
void TestJsonDiff::changeValues()
{
    const QList<JsonChange> changes =
        Shadow::diffJson(jsonObject(R"({"s":{"gone":true,"k":1}})"),
                         jsonObject(R"({"s":{"k":2,"new":[1]}})"));
    const QStringList s{QStringLiteral("s")};
    const QList<JsonChange> expected{
        {JsonChange::Kind::Removed, s + QStringList{QStringLiteral("gone")}, QJsonValue(true),
         QJsonValue(QJsonValue::Undefined)},
        {JsonChange::Kind::Changed, s + QStringList{QStringLiteral("k")}, QJsonValue(1),
         QJsonValue(2)},
        {JsonChange::Kind::Added, s + QStringList{QStringLiteral("new")},
         QJsonValue(QJsonValue::Undefined), json("[1]")},
    };
    QVERIFY(changes == expected);
}

// fromJson orders keys by code point, QJsonObject::insert by UTF-16 unit: the two disagree
// about "\uffff" and "😀", yet the same keys must pair up rather than show as removed + added.
void TestJsonDiff::keyOrderOfParsedDocuments()
{
    const QJsonObject parsed = jsonObject(R"({"😀":1,"\uffff":2,"a":{"😀":3,"\uffff":4}})");
    QJsonObject built;
    built.insert(QString(QChar(0xffff)), 2);
    built.insert(QString::fromUtf8("😀"), 1);
    built.insert(QStringLiteral("a"),
                 QJsonObject{{QString::fromUtf8("😀"), 3}, {QString(QChar(0xffff)), 5}});

    QCOMPARE(describeChanges(Shadow::diffJson(parsed, built)),
             QStringList{QString::fromUtf8("changed /a/\uffff 4 5")});
    QCOMPARE(describeChanges(Shadow::diffJson(built, parsed)),
             QStringList{QString::fromUtf8("changed /a/\uffff 5 4")});
    QVERIFY(Shadow::createMergePatch(parsed, parsed).isEmpty());
}

// Over random edits: no change means an empty patch, and each change's path appears in the
// merge patch (a null there exactly for a removal).
void TestJsonDiff::agreesWithMergePatch()
{
    RandomJson random(7);
    for (int i = 0; i < 100; ++i) {
        const QJsonObject from = random.object(5, 6);
        const QJsonObject to = random.edited(from, 0.3, 5);
        const QList<JsonChange> changes = Shadow::diffJson(from, to);
        const QJsonObject patch = Shadow::createMergePatch(from, to);
        QCOMPARE(changes.isEmpty(), patch.isEmpty());
        for (const JsonChange &change : changes) {
            QJsonValue atPath = patch;
            for (const QString &key : change.path)
                atPath = atPath.toObject().value(key);
            QVERIFY2(!atPath.isUndefined(), qPrintable(Shadow::jsonPointer(change.path)));
            QCOMPARE(atPath.isNull(), change.kind == JsonChange::Kind::Removed);
        }
    }
}

QTEST_GUILESS_MAIN(TestJsonDiff)
#include "tst_jsondiff.moc"
