// SPDX-License-Identifier: GPL-3.0-or-later
// The publish composer without a network: what is wrong with a draft (a wildcard topic, a
// reserved topic retained, an oversized payload, bad hex, a property without a name) shows
// under its field in the failure colour as it is typed, Send refuses it and focuses the first
// field at fault, and without a client nothing is sent; the form round-trips a draft, counts
// the payload's bytes against the limit, sends on Ctrl+Return and keeps what was typed; a
// read-only session disables Send and says why.
#include "publishcomposer.h"

#include "../integration/widgetwaits.h"
#include "jsontextedit.h"
#include "semanticcolors.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStringListModel>
#include <QTableView>
#include <QTest>
#include <QToolButton>

namespace {

template<class Widget> Widget *child(const QWidget &parent, const char *name)
{
    return parent.findChild<Widget *>(QString::fromLatin1(name));
}

QString status(const PublishComposer &composer)
{
    return child<QLabel>(composer, "publishStatus")->text();
}

} // namespace

class TestPublishComposer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Every problem of a draft shows under its field and Send focuses the first of them;
    // nothing is published (published() never fires) and the status says why.
    void problemsShowAtTheirFields_data()
    {
        QTest::addColumn<Publish::Draft>("draft");
        QTest::addColumn<QString>("problemLabel");
        QTest::addColumn<QString>("focused");

        Publish::Draft wildcard;
        wildcard.topic = QStringLiteral("sensors/+/temp");
        wildcard.payloadText = QStringLiteral("{}");
        QTest::newRow("wildcard topic")
            << wildcard << QStringLiteral("publishTopicProblem") << QStringLiteral("publishTopic");
        Publish::Draft reserved = wildcard;
        reserved.topic = QStringLiteral("$aws/things/lamp/shadow/update");
        reserved.retain = true;
        QTest::newRow("reserved topic retained")
            << reserved << QStringLiteral("publishTopicProblem") << QStringLiteral("publishTopic");
        Publish::Draft longTopic = wildcard;
        longTopic.topic = QString(200, u'ü');
        QTest::newRow("topic over 256 bytes")
            << longTopic << QStringLiteral("publishTopicProblem") << QStringLiteral("publishTopic");
        Publish::Draft oversized;
        oversized.topic = QStringLiteral("big");
        oversized.mode = Publish::PayloadMode::Text;
        oversized.payloadText = QString(Publish::MaxPayloadBytes + 1, u'x');
        QTest::newRow("oversized payload") << oversized << QStringLiteral("publishPayloadProblem")
                                           << QStringLiteral("publishPayloadText");
        Publish::Draft badHex = oversized;
        badHex.mode = Publish::PayloadMode::Hex;
        badHex.payloadText = QStringLiteral("00 ff zz");
        QTest::newRow("bad hex") << badHex << QStringLiteral("publishPayloadProblem")
                                 << QStringLiteral("publishPayloadText");
        Publish::Draft badJson = oversized;
        badJson.mode = Publish::PayloadMode::Json;
        badJson.payloadText = QStringLiteral("{\"a\": ");
        QTest::newRow("bad JSON") << badJson << QStringLiteral("publishPayloadProblem")
                                  << QStringLiteral("publishPayloadJson");
        Publish::Draft badCorrelation = oversized;
        badCorrelation.payloadText = QStringLiteral("ok");
        badCorrelation.correlationData = QStringLiteral("abc");
        badCorrelation.correlationEncoding = Publish::BytesEncoding::Hex;
        QTest::newRow("odd hex correlation data")
            << badCorrelation << QStringLiteral("publishCorrelationDataProblem")
            << QStringLiteral("publishCorrelationData");
        Publish::Draft unnamed = badCorrelation;
        unnamed.correlationData.clear();
        unnamed.userProperties = { { QString(), QStringLiteral("v") } };
        QTest::newRow("user property without a name")
            << unnamed << QStringLiteral("publishUserPropertiesProblem")
            << QStringLiteral("publishUserProperties");
    }
    void problemsShowAtTheirFields()
    {
        QFETCH(Publish::Draft, draft);
        QFETCH(QString, problemLabel);
        QFETCH(QString, focused);

        PublishComposer composer(nullptr);
        QVERIFY(showActive(composer, QSize(640, 720)));
        QSignalSpy published(&composer, &PublishComposer::published);
        composer.setDraft(draft);
        auto *problem = composer.findChild<QLabel *>(problemLabel);
        QVERIFY(problem);
        QVERIFY(problem->isVisible()); // live, before any send
        QVERIFY(!problem->text().isEmpty());
        QCOMPARE(problem->palette().color(QPalette::WindowText),
                 SemanticColors::negativeText(composer.palette()));

        child<QPushButton>(composer, "publishSend")->setFocus();
        QTest::mouseClick(child<QPushButton>(composer, "publishSend"), Qt::LeftButton);
        QVERIFY2(status(composer).startsWith(QStringLiteral("Not sent")),
                 qPrintable(status(composer)));
        QTRY_VERIFY(QApplication::focusWidget()
                    && QApplication::focusWidget()->objectName() == focused);
        QCOMPARE(published.size(), 0);
        QCOMPARE(composer.draft(), draft); // nothing typed is cleared
    }

    // A good draft with no client: not sent, "not connected"; the problems are gone.
    void noClientSendsNothing()
    {
        PublishComposer composer(nullptr);
        QSignalSpy published(&composer, &PublishComposer::published);
        Publish::Draft draft;
        draft.topic = QStringLiteral("a/b");
        draft.payloadText = QStringLiteral("{\"on\": true}");
        composer.setDraft(draft);
        composer.send();
        QCOMPARE(status(composer), QStringLiteral("Not sent: not connected to an account."));
        QVERIFY(child<QLabel>(composer, "publishTopicProblem")->text().isEmpty());
        QVERIFY(!composer.isSending());
        QCOMPARE(published.size(), 0);
    }

    // Typing a wildcard shows the problem after the pause; removing it hides it again.
    void topicCheckedAsTyped()
    {
        PublishComposer composer(nullptr);
        QVERIFY(showActive(composer, QSize(640, 720)));
        auto *topic = child<QLineEdit>(composer, "publishTopic");
        auto *problem = child<QLabel>(composer, "publishTopicProblem");
        topic->setFocus();
        QTest::keyClicks(topic, QStringLiteral("a/#"));
        QTRY_VERIFY(problem->isVisible());
        QTest::keyClick(topic, Qt::Key_Backspace);
        QTest::keyClicks(topic, QStringLiteral("b"));
        QTRY_VERIFY(!problem->isVisible());
    }

    // Every field comes back as set, the payload from its mode's editor.
    void draftRoundTrips_data()
    {
        QTest::addColumn<Publish::Draft>("draft");
        Publish::Draft full;
        full.topic = QStringLiteral("Zürich/${thing}/温度");
        full.mode = Publish::PayloadMode::Hex;
        full.payloadText = QStringLiteral("00 ff");
        full.qos = 1;
        full.retain = true;
        full.contentType = QStringLiteral("application/octet-stream");
        full.payloadFormat = Iot::PayloadFormat::UnspecifiedBytes;
        full.responseTopic = QStringLiteral("replies/1");
        full.correlationData = QStringLiteral("q29ycg==");
        full.correlationEncoding = Publish::BytesEncoding::Base64;
        full.messageExpiry = 3600;
        full.userProperties = { { QStringLiteral("a"), QStringLiteral("1") },
                                { QStringLiteral("a"), QStringLiteral("2") } };
        QTest::newRow("everything, hex") << full;
        Publish::Draft json;
        json.topic = QStringLiteral("t");
        json.payloadText = QStringLiteral("{\"x\": [1, 2]}");
        QTest::newRow("JSON") << json;
        Publish::Draft file = json;
        file.mode = Publish::PayloadMode::File;
        file.payloadText = QStringLiteral("/tmp/payload.bin");
        QTest::newRow("file") << file;
        Publish::Draft empty = json;
        empty.mode = Publish::PayloadMode::Empty;
        empty.payloadText.clear();
        empty.retain = true;
        QTest::newRow("empty") << empty;
    }
    void draftRoundTrips()
    {
        QFETCH(Publish::Draft, draft);
        PublishComposer composer(nullptr);
        composer.setDraft(draft);
        QCOMPARE(composer.draft(), draft);
    }

    // The size counts the payload's bytes (UTF-8, decoded hex) against 131,072, in the failure
    // colour when over.
    void sizeAgainstTheLimit()
    {
        PublishComposer composer(nullptr);
        auto *size = child<QLabel>(composer, "publishSize");
        Publish::Draft draft;
        draft.topic = QStringLiteral("t");
        draft.mode = Publish::PayloadMode::Text;
        draft.payloadText = QStringLiteral("温度");
        composer.setDraft(draft);
        QCOMPARE(size->text(), QStringLiteral("6 bytes of 131,072"));
        QCOMPARE(size->palette().color(QPalette::WindowText),
                 composer.palette().color(QPalette::WindowText));
        draft.mode = Publish::PayloadMode::Hex;
        draft.payloadText = QStringLiteral("00 01 02");
        composer.setDraft(draft);
        QCOMPARE(size->text(), QStringLiteral("3 bytes of 131,072"));
        draft.mode = Publish::PayloadMode::Text;
        draft.payloadText = QString(Publish::MaxPayloadBytes + 1, u'x');
        composer.setDraft(draft);
        QCOMPARE(size->text(), QStringLiteral("131,073 bytes of 131,072"));
        QCOMPARE(size->palette().color(QPalette::WindowText),
                 SemanticColors::negativeText(composer.palette()));
    }

    // Ctrl+Return sends from the topic field and from the JSON editor.
    void ctrlReturnSends()
    {
        PublishComposer composer(nullptr);
        QVERIFY(showActive(composer, QSize(640, 720)));
        Publish::Draft draft;
        draft.topic = QStringLiteral("a/b");
        draft.payloadText = QStringLiteral("{}");
        composer.setDraft(draft);
        auto *topic = child<QLineEdit>(composer, "publishTopic");
        topic->setFocus();
        QTest::keyClick(topic, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(status(composer), QStringLiteral("Not sent: not connected to an account."));
        draft.topic = QStringLiteral("#");
        composer.setDraft(draft);
        auto *json = child<JsonTextEdit>(composer, "publishPayloadJson");
        json->setFocus();
        QTest::keyClick(json, Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
        QCOMPARE(json->toPlainText(), QStringLiteral("{}"));
        QVERIFY(status(composer).startsWith(QStringLiteral("Not sent: correct")));
    }

    // Read-only: Send and Ctrl+Return do nothing, a note says why; writable again, Send is on.
    void readOnly()
    {
        PublishComposer composer(nullptr);
        QVERIFY(showActive(composer, QSize(640, 720)));
        auto *send = child<QPushButton>(composer, "publishSend");
        auto *note = child<QLabel>(composer, "publishReadOnlyNote");
        composer.setReadOnly(true);
        QVERIFY(!send->isEnabled());
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(QStringLiteral("read-only")));
        composer.send();
        QVERIFY(status(composer).isEmpty());
        composer.setReadOnly(false);
        QVERIFY(send->isEnabled());
        QVERIFY(!note->isVisible());
    }

    // A problem in the folded MQTT 5 properties unfolds them; Add opens a row for its name,
    // Delete (Remove) takes the selected rows away, the toggle folds them again.
    void propertiesUnfoldAndEdit()
    {
        PublishComposer composer(nullptr);
        QVERIFY(showActive(composer, QSize(640, 900)));
        auto *properties = child<QWidget>(composer, "publishProperties");
        QVERIFY(!properties->isVisible());
        Publish::Draft draft;
        draft.topic = QStringLiteral("t");
        draft.payloadText = QStringLiteral("{}");
        draft.userProperties = { { QString(), QStringLiteral("v") } };
        composer.setDraft(draft);
        QVERIFY(properties->isVisible());

        auto *table = child<QTableView>(composer, "publishUserProperties");
        QTest::mouseClick(child<QPushButton>(composer, "publishAddProperty"), Qt::LeftButton);
        QTRY_VERIFY(table->isAncestorOf(QApplication::focusWidget())
                    && qobject_cast<QLineEdit *>(QApplication::focusWidget()));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("k"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        // The delegate commits from the event loop.
        QTRY_COMPARE(composer.draft().userProperties,
                     (QList<Iot::UserProperty> { { QString(), QStringLiteral("v") },
                                                 { QStringLiteral("k"), QString() } }));

        auto *remove = child<QPushButton>(composer, "publishRemoveProperty");
        table->selectRow(0);
        QVERIFY(remove->isEnabled());
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Delete);
        QCOMPARE(composer.draft().userProperties,
                 (QList<Iot::UserProperty> { { QStringLiteral("k"), QString() } }));
        QTRY_VERIFY(!child<QLabel>(composer, "publishUserPropertiesProblem")->isVisible());
        QTest::mouseClick(child<QToolButton>(composer, "publishPropertiesToggle"), Qt::LeftButton);
        QVERIFY(!properties->isVisible());
    }

    // The failure colour follows a dark palette.
    void problemColourFollowsThePalette()
    {
        PublishComposer composer(nullptr);
        Publish::Draft draft;
        draft.topic = QStringLiteral("#");
        draft.mode = Publish::PayloadMode::Text;
        draft.payloadText = QString(Publish::MaxPayloadBytes + 1, u'x');
        composer.setDraft(draft);
        QPalette dark = composer.palette();
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        dark.setColor(QPalette::Base, QColor(0x10, 0x10, 0x10));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        composer.setPalette(dark);
        const QColor failure = SemanticColors::negativeText(composer.palette());
        QCOMPARE(
            child<QLabel>(composer, "publishTopicProblem")->palette().color(QPalette::WindowText),
            failure);
        QCOMPARE(child<QLabel>(composer, "publishSize")->palette().color(QPalette::WindowText),
                 failure);
    }

    // Suggestions are sorted, without repeats, and match anywhere in a topic.
    void suggestions()
    {
        PublishComposer composer(nullptr);
        composer.setTopicSuggestions(
            { QStringLiteral("b/x"), QStringLiteral("a/x"), QStringLiteral("b/x") });
        QCompleter *completer = child<QLineEdit>(composer, "publishTopic")->completer();
        QVERIFY(completer);
        QCOMPARE(completer->filterMode(), Qt::MatchContains);
        auto *model = qobject_cast<QStringListModel *>(completer->model());
        QVERIFY(model);
        QCOMPARE(model->stringList(),
                 (QStringList { QStringLiteral("a/x"), QStringLiteral("b/x") }));
    }

    // Every control has an accessible name and a description.
    void accessible()
    {
        PublishComposer composer(nullptr);
        const char *names[] = { "publishTopic",
                                "publishMode",
                                "publishPayloadJson",
                                "publishPayloadText",
                                "publishFile",
                                "publishBrowse",
                                "publishQos",
                                "publishRetain",
                                "publishPropertiesToggle",
                                "publishContentType",
                                "publishPayloadFormat",
                                "publishResponseTopic",
                                "publishCorrelationData",
                                "publishCorrelationEncoding",
                                "publishMessageExpiry",
                                "publishUserProperties",
                                "publishAddProperty",
                                "publishRemoveProperty",
                                "publishSend" };
        for (const char *name : names) {
            auto *widget = child<QWidget>(composer, name);
            QVERIFY2(widget, name);
            QVERIFY2(!widget->accessibleName().isEmpty(), name);
            QVERIFY2(!widget->accessibleDescription().isEmpty(), name);
        }
    }
};

QTEST_MAIN(TestPublishComposer)
#include "tst_publishcomposer.moc"
