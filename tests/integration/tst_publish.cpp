// SPDX-License-Identifier: GPL-3.0-or-later
// The publish composer on the real IotDataClient and RequestExecutor against the in-process
// sandbox over loopback HTTP, SigV4 verified: hex bytes retained to a unicode topic come back
// from GetRetainedMessage byte for byte; MQTT 5 user properties (repeated names, unicode)
// arrive in order; QoS 1 text with ${thing} expanded is retained with QoS 1; a refused draft
// makes no request at all; a service failure shows inline with Details and Retry, and Retry
// then publishes; nothing typed is cleared by a send.
#include "publishcomposer.h"

#include "sandboxrig.h"
#include "widgetwaits.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

namespace {

QString status(const PublishComposer &composer)
{
    return composer.findChild<QLabel *>(QStringLiteral("publishStatus"))->text();
}

// Clicks Send and waits for published(); false when it did not come.
bool clickSend(PublishComposer &composer)
{
    QSignalSpy published(&composer, &PublishComposer::published);
    QTest::mouseClick(composer.findChild<QPushButton *>(QStringLiteral("publishSend")),
                      Qt::LeftButton);
    return published.wait(10000);
}

// GetRetainedMessage for @p topic through the rig's own client.
std::optional<Iot::RetainedMessage> retained(SandboxRig &rig, const QString &topic)
{
    Iot::ApiCall *call = rig.data->getRetainedMessage(topic);
    QSignalSpy finished(call, &Iot::ApiCall::finished);
    if (!finished.wait(10000) || call->error().isError())
        return std::nullopt;
    return *call->result<Iot::RetainedMessage>();
}

} // namespace

class TestPublish : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Binary hex payload, retained, to "Zürich/温度/ü": the same bytes come back.
    void binaryToUnicodeTopic()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        PublishComposer composer(rig.data.get());
        QVERIFY(showExposed(composer, QSize(640, 720)));
        Publish::Draft draft;
        draft.topic = QStringLiteral("Zürich/温度/ü");
        draft.mode = Publish::PayloadMode::Hex;
        draft.payloadText = QStringLiteral("00 ff 10 80\n7f c3 28 0d 0a");
        draft.retain = true;
        composer.setDraft(draft);
        QSignalSpy published(&composer, &PublishComposer::published);
        QVERIFY(clickSend(composer));
        const QByteArray bytes = QByteArray::fromHex("00ff10807fc3280d0a");
        QCOMPARE(status(composer),
                 QStringLiteral("Published to Zürich/温度/ü (QoS 0, retained) · 9 bytes"));
        QCOMPARE(rig.operations(), QStringList { QStringLiteral("Publish") });
        QCOMPARE(composer.draft(), draft); // nothing cleared

        const auto message = retained(rig, draft.topic);
        QVERIFY(message);
        QCOMPARE(message->topic, draft.topic);
        QCOMPARE(message->payload, bytes);
    }

    // User properties arrive in order with repeated names and unicode, with the other MQTT 5
    // properties accepted; published() carries the request as sent and the draft as typed.
    void userPropertiesArrive()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        PublishComposer composer(rig.data.get());
        QVERIFY(showExposed(composer, QSize(640, 900)));
        Publish::Draft draft;
        draft.topic = QStringLiteral("props/${thing}");
        draft.mode = Publish::PayloadMode::Json;
        draft.payloadText = QStringLiteral("{\"t\": 21.5}");
        draft.retain = true;
        draft.contentType = QStringLiteral("application/json");
        draft.payloadFormat = Iot::PayloadFormat::Utf8Data;
        draft.responseTopic = QStringLiteral("props/replies");
        draft.correlationData = QStringLiteral("0a0b");
        draft.correlationEncoding = Publish::BytesEncoding::Hex;
        draft.messageExpiry = 600;
        draft.userProperties = { { QStringLiteral("unit"), QStringLiteral("°C") },
                                 { QStringLiteral("tag"), QStringLiteral("a") },
                                 { QStringLiteral("tag"), QStringLiteral("温度") } };
        composer.setDraft(draft);
        composer.setThingName(QStringLiteral("lamp-1"));
        QSignalSpy published(&composer, &PublishComposer::published);
        QVERIFY(clickSend(composer));
        QCOMPARE(published.size(), 1);
        const auto request = published.first().at(0).value<Iot::PublishRequest>();
        QCOMPARE(request.topic, QStringLiteral("props/lamp-1"));
        QCOMPARE(request.correlationData, QByteArray::fromHex("0a0b"));
        QCOMPARE(published.first().at(1).value<Publish::Draft>(), draft);

        const auto message = retained(rig, QStringLiteral("props/lamp-1"));
        QVERIFY(message);
        QCOMPARE(message->payload, QByteArray("{\"t\": 21.5}"));
        QCOMPARE(message->userProperties, draft.userProperties);
    }

    // QoS 1 retained text, the variables expanded: kept with QoS 1; Ctrl+Return sends too.
    void qos1RetainedText()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        PublishComposer composer(rig.data.get());
        QVERIFY(showActive(composer, QSize(640, 720)));
        Publish::Draft draft;
        draft.topic = QStringLiteral("greetings/${thing}");
        draft.mode = Publish::PayloadMode::Text;
        draft.payloadText = QStringLiteral("hello ${thing}");
        draft.qos = 1;
        draft.retain = true;
        composer.setDraft(draft);
        composer.setThingName(QStringLiteral("door"));
        QSignalSpy published(&composer, &PublishComposer::published);
        auto *topic = composer.findChild<QLineEdit *>(QStringLiteral("publishTopic"));
        topic->setFocus();
        QTest::keyClick(topic, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(published.wait(10000));
        QCOMPARE(status(composer),
                 QStringLiteral("Published to greetings/door (QoS 1, retained) · 10 bytes"));
        const auto message = retained(rig, QStringLiteral("greetings/door"));
        QVERIFY(message);
        QCOMPARE(message->payload, QByteArray("hello door"));
        QCOMPARE(message->qos, 1);
    }

    // An invalid topic, an oversized payload and bad hex are refused before any request.
    void refusedBeforeAnyRequest()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        PublishComposer composer(rig.data.get());
        QVERIFY(showExposed(composer, QSize(640, 720)));
        QSignalSpy published(&composer, &PublishComposer::published);
        Publish::Draft draft;
        draft.topic = QStringLiteral("a/+/b");
        draft.payloadText = QStringLiteral("{}");
        composer.setDraft(draft);
        composer.send();
        draft.topic = QStringLiteral("a/b");
        draft.mode = Publish::PayloadMode::Text;
        draft.payloadText = QString(Publish::MaxPayloadBytes + 1, u'x');
        composer.setDraft(draft);
        composer.send();
        draft.mode = Publish::PayloadMode::Hex;
        draft.payloadText = QStringLiteral("0g");
        composer.setDraft(draft);
        composer.send();
        QVERIFY(!composer.isSending());
        QVERIFY(status(composer).startsWith(QStringLiteral("Not sent")));
        QVERIFY(rig.log.isEmpty());
        QCOMPARE(published.size(), 0);
    }

    // A 503 shows the error with Details and Retry; Retry then publishes.
    void failureShowsInlineAndRetries()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        QVERIFY(rig.setFaults(QByteArrayLiteral(
            R"({"rules": [{"operations": ["Publish"], "kind": "status", "status": 503}]})")));
        PublishComposer composer(rig.data.get());
        QVERIFY(showExposed(composer, QSize(640, 720)));
        Publish::Draft draft;
        draft.topic = QStringLiteral("a/b");
        draft.mode = Publish::PayloadMode::Text;
        draft.payloadText = QStringLiteral("x");
        composer.setDraft(draft);
        QSignalSpy published(&composer, &PublishComposer::published);
        composer.send();
        QVERIFY(composer.isSending());
        QVERIFY(!composer.findChild<QPushButton *>(QStringLiteral("publishSend"))->isEnabled());
        auto *retry = composer.findChild<QPushButton *>(QStringLiteral("publishRetry"));
        auto *details = composer.findChild<QPushButton *>(QStringLiteral("publishDetailsButton"));
        QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), 10000);
        QVERIFY(details->isVisible());
        QTest::mouseClick(details, Qt::LeftButton);
        auto *detailsText
            = composer.findChild<QPlainTextEdit *>(QStringLiteral("publishErrorDetails"));
        QTRY_VERIFY(detailsText->isVisible());
        QVERIFY2(detailsText->toPlainText().contains(QStringLiteral("503")),
                 qPrintable(detailsText->toPlainText()));
        QVERIFY(!status(composer).startsWith(QStringLiteral("Published")));
        QCOMPARE(published.size(), 0);

        QVERIFY(rig.setFaults({}));
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(published.wait(10000));
        QCOMPARE(status(composer), QStringLiteral("Published to a/b (QoS 0) · 1 byte"));
    }
};

QTEST_MAIN(TestPublish)
#include "tst_publish.moc"
