// SPDX-License-Identifier: GPL-3.0-or-later
// The update an edit makes (Shadow::prepareUpdate): the minimal patch of the edited section
// with the base version and a clientToken, the typed document in update mode, and the state
// each leads to.
#include "jsonliteral.h"
#include "shadow/shadowedit.h"

#include <QTest>

using Shadow::EditMode;

class TestShadowEdit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void prepareUpdate_data()
    {
        QTest::addColumn<QJsonObject>("state");
        QTest::addColumn<qint64>("version");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QJsonObject>("edited");
        QTest::addColumn<QJsonObject>("document");
        QTest::addColumn<QJsonObject>("mine");
        QTest::addColumn<bool>("changesNothing");

        const QJsonObject state = jsonObject(
            R"({"desired":{"mode":"heat","fan":{"speed":"auto","on":true},"list":[1,2]},"reported":{"mode":"off"}})");
        QTest::newRow("desired: changed, added, removed, nested")
            << state << qint64(7) << int(EditMode::Desired)
            << jsonObject(R"({"mode":"cool","fan":{"speed":"auto"},"list":[1,2],"eco":true})")
            << jsonObject(R"({"state":{"desired":{"mode":"cool","fan":{"on":null},"eco":true}},"version":7,"clientToken":"t"})")
            << jsonObject(R"({"desired":{"mode":"cool","fan":{"speed":"auto"},"list":[1,2],"eco":true},"reported":{"mode":"off"}})")
            << false;
        QTest::newRow("desired: arrays are sent whole")
            << state << qint64(7) << int(EditMode::Desired)
            << jsonObject(R"({"mode":"heat","fan":{"speed":"auto","on":true},"list":[1,2,3]})")
            << jsonObject(R"({"state":{"desired":{"list":[1,2,3]}},"version":7,"clientToken":"t"})")
            << jsonObject(R"({"desired":{"mode":"heat","fan":{"speed":"auto","on":true},"list":[1,2,3]},"reported":{"mode":"off"}})")
            << false;
        QTest::newRow("desired: unchanged (1.0 is 1)")
            << jsonObject(R"({"desired":{"a":1}})") << qint64(3) << int(EditMode::Desired)
            << jsonObject(R"({"a":1.0})")
            << jsonObject(R"({"state":{},"version":3,"clientToken":"t"})")
            << jsonObject(R"({"desired":{"a":1}})") << true;
        QTest::newRow("desired: emptied")
            << jsonObject(R"({"desired":{"a":1},"reported":{"a":2}})") << qint64(3) << int(EditMode::Desired)
            << QJsonObject()
            << jsonObject(R"({"state":{"desired":{"a":null}},"version":3,"clientToken":"t"})")
            << jsonObject(R"({"reported":{"a":2}})") << false;
        QTest::newRow("reported: plays the device")
            << state << qint64(7) << int(EditMode::Reported)
            << jsonObject(R"({"mode":"heat"})")
            << jsonObject(R"({"state":{"reported":{"mode":"heat"}},"version":7,"clientToken":"t"})")
            << jsonObject(R"({"desired":{"mode":"heat","fan":{"speed":"auto","on":true},"list":[1,2]},"reported":{"mode":"heat"}})")
            << false;
        QTest::newRow("new shadow: no version")
            << QJsonObject() << qint64(0) << int(EditMode::Desired)
            << jsonObject(R"({"a":1})")
            << jsonObject(R"({"state":{"desired":{"a":1}},"clientToken":"t"})")
            << jsonObject(R"({"desired":{"a":1}})") << false;
        QTest::newRow("update: as typed, version and token added")
            << state << qint64(7) << int(EditMode::Update)
            << jsonObject(R"({"state":{"desired":{"fan":null},"reported":{"mode":"heat"}}})")
            << jsonObject(R"({"state":{"desired":{"fan":null},"reported":{"mode":"heat"}},"version":7,"clientToken":"t"})")
            << jsonObject(R"({"desired":{"mode":"heat","list":[1,2]},"reported":{"mode":"heat"}})")
            << false;
        QTest::newRow("update: typed version and token kept")
            << state << qint64(7) << int(EditMode::Update)
            << jsonObject(R"({"state":{"reported":null},"version":5,"clientToken":"mine"})")
            << jsonObject(R"({"state":{"reported":null},"version":5,"clientToken":"mine"})")
            << jsonObject(R"({"desired":{"mode":"heat","fan":{"speed":"auto","on":true},"list":[1,2]}})")
            << false;
        QTest::newRow("update: state null clears both")
            << state << qint64(7) << int(EditMode::Update)
            << jsonObject(R"({"state":null})")
            << jsonObject(R"({"state":null,"version":7,"clientToken":"t"})")
            << QJsonObject() << false;
    }

    void prepareUpdate()
    {
        QFETCH(QJsonObject, state);
        QFETCH(qint64, version);
        QFETCH(int, mode);
        QFETCH(QJsonObject, edited);
        QFETCH(QJsonObject, document);
        QFETCH(QJsonObject, mine);
        QFETCH(bool, changesNothing);

        const Shadow::PreparedUpdate update
            = Shadow::prepareUpdate({state, version}, EditMode(mode), edited, QStringLiteral("t"));
        QCOMPARE(update.document, document);
        QCOMPARE(QJsonDocument::fromJson(update.body).object(), document);
        QCOMPARE(update.mine, mine);
        QCOMPARE(update.changesNothing, changesNothing);
    }

    void initialObjectAndModeKeys()
    {
        const Shadow::EditBase base{jsonObject(R"({"desired":{"a":1},"reported":{"b":2}})"), 4};
        QCOMPARE(Shadow::initialObject(base, EditMode::Desired), jsonObject(R"({"a":1})"));
        QCOMPARE(Shadow::initialObject(base, EditMode::Reported), jsonObject(R"({"b":2})"));
        QCOMPARE(Shadow::initialObject(base, EditMode::Update), jsonObject(R"({"state":{"desired":{}}})"));
        for (EditMode mode : {EditMode::Desired, EditMode::Reported, EditMode::Update})
            QCOMPARE(Shadow::editModeFromKey(Shadow::editModeKey(mode)), std::optional(mode));
        QCOMPARE(Shadow::editModeFromKey(QStringLiteral("delta")), std::nullopt);
    }

    void baseOfADocument()
    {
        Iot::ShadowDocument document;
        document.desired = jsonObject(R"({"a":1})");
        document.version = 9;
        const Shadow::EditBase base = Shadow::editBaseOf(document);
        QCOMPARE(base.state, jsonObject(R"({"desired":{"a":1}})"));
        QCOMPARE(base.version, 9);
        QCOMPARE(Shadow::storedStateOf(base)->desired, document.desired);
        QCOMPARE(Shadow::storedStateOf(base)->reported, QJsonObject());
        QCOMPARE(Shadow::storedStateOf(base)->version, 9);
        QVERIFY(!Shadow::editBaseOf(std::nullopt).exists());
        QCOMPARE(Shadow::storedStateOf(Shadow::editBaseOf(std::nullopt)), std::nullopt);
    }

    void updateDocumentBetween()
    {
        QCOMPARE(Shadow::updateDocumentBetween(jsonObject(R"({"desired":{"a":1,"b":2},"reported":{"x":1}})"),
                                               jsonObject(R"({"desired":{"a":1,"c":3},"reported":{"x":1}})")),
                 jsonObject(R"({"state":{"desired":{"b":null,"c":3}}})"));
    }
};

QTEST_GUILESS_MAIN(TestShadowEdit)
#include "tst_shadowedit.moc"
