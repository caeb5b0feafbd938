// SPDX-License-Identifier: GPL-3.0-or-later
// Publishing in the window, against the in-process sandbox over loopback HTTP: Ctrl+Shift+P
// opens a publish tab whose topic field completes from the open thing's shadow topics and
// the retained topics; a retained send is listed in the history and shows up in the Retained
// pane; a template keeps its ${variables} and fills the form again; and "Edit and re-publish"
// on a retained message opens a composer holding that message.
#include "mainwindow.h"
#include "publishcomposer.h"
#include "publishpage.h"
#include "retainedmessageview.h"
#include "retainedpane.h"
#include "retainedtopicsmodel.h"
#include "sandboxrig.h"
#include "settings/applicationidentity.h"
#include "settings/publishhistory.h"
#include "shadowspane.h"
#include "thingspane.h"
#include "widgetwaits.h"
#include "windowfixture.h"

#include <QApplication>
#include <QCompleter>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStringListModel>
#include <QTest>

namespace {

const QString Thing = QStringLiteral("hvac-b2-floor3-01");

} // namespace

class TestPublishWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        Settings::applyApplicationIdentity();
        // The test's HOME outlives a run: start without the last run's history and templates.
        QVERIFY(QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                     + QStringLiteral("/publish")).removeRecursively());
    }

    void publishFromTheWindow()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        Iot::Connection connection(&rig.network, rig.connectionSetup());
        MainWindow window;
        QVERIFY(connectWindow(window, connection));
        QTRY_VERIFY_WITH_TIMEOUT(window.retainedPane()->model()->topicCount() > 0, 10000);
        QSignalSpy shadows(window.shadowsPane(), &ShadowsPane::loadFinished);
        window.openThing(Thing);
        QVERIFY(shadows.wait(10000));

        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        auto *page = qobject_cast<PublishPage *>(window.workspace()->currentPage());
        QVERIFY(page);
        auto *topic = page->findChild<QLineEdit *>(QStringLiteral("publishTopic"));
        const auto *suggestions = qobject_cast<QStringListModel *>(topic->completer()->model());
        QVERIFY(suggestions);
        const QStringList offered = suggestions->stringList();
        QVERIFY(offered.contains(QStringLiteral("$aws/things/%1/shadow/update").arg(Thing)));
        QVERIFY(offered.contains(QStringLiteral("$aws/things/%1/shadow/name/config/get").arg(Thing)));
        QVERIFY(offered.contains(window.retainedPane()->model()->topicAt(0)));

        // A retained text message with a variable, sent with Ctrl+Return.
        Publish::Draft draft;
        draft.topic = QStringLiteral("demo/window/${thing}");
        draft.mode = Publish::PayloadMode::Text;
        draft.payloadText = QStringLiteral("hello ${thing}");
        draft.retain = true;
        page->composer()->setDraft(draft);
        QSignalSpy published(page, &PublishPage::published);
        QSignalSpy reloaded(window.retainedPane(), &RetainedPane::loadFinished);
        topic->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(topic, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(published.wait(10000));
        const QString sent = QStringLiteral("demo/window/") + Thing;
        Iot::ApiCall *get = rig.data->getRetainedMessage(sent);
        QSignalSpy got(get, &Iot::ApiCall::finished);
        QVERIFY(got.wait(10000));
        QCOMPARE(get->result<Iot::RetainedMessage>()->payload, QByteArray("hello ") + Thing.toUtf8());
        // The history keeps it; the Retained pane lists the new topic.
        QCOMPARE(window.publishHistory()->entries().size(), 1);
        QVERIFY(reloaded.size() > 0 || reloaded.wait(10000));
        RetainedTopicsModel *topics = window.retainedPane()->model();
        while (topics->canFetchMore({})) {
            QSignalSpy page(window.retainedPane(), &RetainedPane::loadFinished);
            topics->fetchMore({});
            QVERIFY(page.wait(10000));
        }
        QVERIFY(topics->indexForTopic(sent).isValid());

        // A template keeps the variables and fills the form again.
        QVERIFY(page->saveTemplate(QStringLiteral("greeting")));
        page->composer()->setDraft({});
        QVERIFY(page->applyTemplate(QStringLiteral("greeting")));
        QCOMPARE(page->composer()->draft().topic, draft.topic);
        QCOMPARE(page->composer()->draft().payloadText, draft.payloadText);

        // Edit and re-publish: a composer holding the message.
        window.openTopic(sent, Workspace::Mode::Keep);
        auto *view = qobject_cast<RetainedMessageView *>(window.workspace()->currentPage());
        QVERIFY(view);
        QSignalSpy loaded(view, &RetainedMessageView::loadFinished);
        QVERIFY(loaded.wait(10000));
        QTest::mouseClick(view->findChild<QPushButton *>(QStringLiteral("retainedRepublish")), Qt::LeftButton);
        auto *again = qobject_cast<PublishPage *>(window.workspace()->currentPage());
        QVERIFY(again);
        QVERIFY(again != page);
        const Publish::Draft filled = again->composer()->draft();
        QCOMPARE(filled.topic, sent);
        QCOMPARE(filled.mode, Publish::PayloadMode::Text);
        QCOMPARE(filled.payloadText, QStringLiteral("hello ") + Thing);
        QVERIFY(filled.retain);
    }

    void binaryMessageRepublishesAsHex()
    {
        Iot::RetainedMessage message;
        message.topic = QStringLiteral("bin");
        message.payload = QByteArray::fromHex("00ff10");
        message.qos = 1;
        const Publish::Draft draft = Publish::draftFrom(message);
        QCOMPARE(draft.mode, Publish::PayloadMode::Hex);
        QCOMPARE(draft.payloadText, QStringLiteral("00 ff 10"));
        QCOMPARE(draft.qos, 1);
        QCOMPARE(std::get<QByteArray>(Publish::payloadBytes(draft)), message.payload);
    }
};

QTEST_MAIN(TestPublishWindow)
#include "tst_publishwindow.moc"
