// SPDX-License-Identifier: GPL-3.0-or-later
// A read-only session (--read-only) through the whole window on the in-process sandbox: every
// write path the window offers is disabled or refused before a request exists — restoring a
// draft and saving it, saving an edit (button, Ctrl+S, the slot), Delete shadow, New named
// shadow, re-creating a deleted shadow from Recently deleted, Publish (Send, Ctrl+Return, the
// slot), a retained message's Delete and its Undo, Delete subtree (action, Shift+Delete) and
// Edit and re-publish. The sandbox's store never changes and the request log holds reads only.
#include "deleteshadowdialog.h"
#include "jsontextedit.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "newshadowdialog.h"
#include "publishcomposer.h"
#include "publishpage.h"
#include "retainedmessageview.h"
#include "retainedpane.h"
#include "reviewdialog.h"
#include "sandboxrig.h"
#include "sandbox/sandboxbackend.h"
#include "settings/applicationidentity.h"
#include "settings/deletedshadows.h"
#include "settings/draftstore.h"
#include "shadoweditor.h"
#include "shadowview.h"
#include "widgetwaits.h"
#include "windowfixture.h"
#include "workspace.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTreeView>

namespace {

const QString Thermostat = QStringLiteral("hvac-b2-floor3-01");

/** The shadow's document from the sandbox through @p rig's (writable) client. */
std::optional<Iot::ShadowDocument> serverDocument(SandboxRig &rig, const QString &shadow)
{
    std::optional<Iot::ShadowDocument> document;
    bool done = false;
    Iot::ApiCall *call = rig.data->getThingShadow(Thermostat, shadow);
    QObject::connect(call, &Iot::ApiCall::finished, call, [&, call] {
        if (const auto *found = call->result<Iot::ShadowDocument>())
            document = *found;
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 10000))
        return std::nullopt;
    return document;
}

/** The first retained topic the sandbox lists. */
QString firstRetainedTopic(SandboxRig &rig)
{
    QString topic;
    bool done = false;
    Iot::ApiCall *call = rig.data->listRetainedMessages();
    QObject::connect(call, &Iot::ApiCall::finished, call, [&, call] {
        if (const auto *page = call->result<Iot::RetainedPage>(); page && !page->topics.isEmpty())
            topic = page->topics.constFirst().topic;
        done = true;
    });
    return QTest::qWaitFor([&done] { return done; }, 10000) ? topic : QString();
}

/** Whether a dialog of type @p Dialog is open anywhere (after the events queued so far). */
template<class Dialog>
bool anyDialogOpen(QWidget *window)
{
    QCoreApplication::processEvents();
    const QList<Dialog *> dialogs = window->findChildren<Dialog *>();
    return std::any_of(dialogs.begin(), dialogs.end(), [](Dialog *dialog) { return dialog->isVisible(); });
}

} // namespace

class TestReadOnlyWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Settings::applyApplicationIdentity();
        QVERIFY(removeStoredDrafts());
    }

    void everyWritePathIsClosed()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        const QString topic = firstRetainedTopic(rig);
        QVERIFY(!topic.isEmpty());
        const std::optional<Iot::ShadowDocument> firmware = serverDocument(rig, QStringLiteral("firmware"));
        QVERIFY(firmware);

        // An edit left by an earlier, writable session of this connection.
        Iot::Connection connection(&rig.network, rig.connectionSetup(), /*readOnly*/ true);
        const QString connectionKey = QStringLiteral("sandbox@") + connection.region();
        {
            Settings::DraftStore drafts;
            Settings::Draft draft;
            draft.connectionKey = connectionKey;
            draft.thingName = Thermostat;
            draft.shadowName = QStringLiteral("firmware");
            draft.mode = QStringLiteral("desired");
            draft.text = QStringLiteral(R"({"version": "9.9.9-read-only"})");
            draft.baseVersion = firmware->version;
            draft.baseState = QJsonObject{{QStringLiteral("desired"), firmware->desired},
                                          {QStringLiteral("reported"), firmware->reported}};
            QVERIFY(drafts.save(draft));
        }

        const QJsonObject before = rig.server.backend()->toJson();
        QSignalSpy storeChanged(rig.server.backend(), &Sandbox::SandboxBackend::changed);
        QStringList sent;
        connect(connection.executor(), &Iot::RequestExecutor::attemptFinished, this,
                [&sent](const Iot::RequestLogEntry &entry) {
                    sent << QString::fromLatin1(entry.method) + u' ' + entry.operation;
                });

        MainWindow window;
        QVERIFY(connectWindow(window, connection));
        QVERIFY2(window.windowTitle().contains(QStringLiteral("(read-only)")), qPrintable(window.windowTitle()));

        // Restoring the draft brings the text back, but it cannot be saved.
        auto *offer = window.findChild<QWidget *>(QStringLiteral("draftsOffer"));
        QTRY_VERIFY_WITH_TIMEOUT(offer->isVisible(), 10000);
        window.restoreDrafts();
        auto *restored = qobject_cast<ShadowView *>(window.workspace()->currentPage());
        QVERIFY(restored);
        QCOMPARE(restored->shadowName(), QStringLiteral("firmware"));
        QSignalSpy restoredLoaded(restored, &ShadowView::loadFinished);
        QVERIFY(restoredLoaded.wait(10000));
        auto *save = restored->findChild<QPushButton *>(QStringLiteral("shadowEditorSave"));
        QVERIFY(save);
        QVERIFY(!save->isEnabled());
        QVERIFY(restored->editor()->textEdit()->isReadOnly());
        restored->editor()->save();
        QVERIFY(!anyDialogOpen<ReviewDialog>(&window));

        // An ordinary shadow: no typing, no save (button, Ctrl+S, slot), no delete.
        ShadowView *view = openLoadedShadow(window, Thermostat, QStringLiteral("config"), Workspace::Mode::Keep);
        QVERIFY(view && view != restored);
        view->edit();
        ShadowEditor *editor = view->editor();
        const QString shown = editor->textEdit()->toPlainText();
        QVERIFY(editor->textEdit()->isReadOnly());
        editor->textEdit()->setFocus(Qt::OtherFocusReason);
        QTest::keyClicks(editor->textEdit(), QStringLiteral("xyz"));
        QCOMPARE(editor->textEdit()->toPlainText(), shown);
        QVERIFY(!editor->isModified());
        QVERIFY(!view->findChild<QPushButton *>(QStringLiteral("shadowEditorSave"))->isEnabled());
        QTest::keyClick(editor->textEdit(), Qt::Key_S, Qt::ControlModifier);
        editor->save();
        QVERIFY(!anyDialogOpen<ReviewDialog>(&window));
        auto *deleteButton = view->findChild<QPushButton *>(QStringLiteral("shadowDelete"));
        QVERIFY(!deleteButton->isEnabled());
        QTest::mouseClick(deleteButton, Qt::LeftButton);
        view->deleteShadow();
        QVERIFY(!anyDialogOpen<DeleteShadowDialog>(&window));

        // New named shadow: the action is off, and the command does nothing.
        auto *newShadow = window.findChild<QAction *>(QStringLiteral("newShadowAction"));
        QVERIFY(newShadow);
        QVERIFY(!newShadow->isEnabled());
        newShadow->trigger();
        window.newShadow();
        QVERIFY(!anyDialogOpen<NewShadowDialog>(&window));

        // Recently deleted: re-creating a shadow deleted in an earlier, writable session is
        // refused in the dialog's status line, and the copy stays for a writable session.
        Settings::DeletedShadow gone;
        gone.connectionKey = connectionKey;
        gone.thingName = Thermostat;
        gone.shadowName = QStringLiteral("read-only-gone");
        gone.state = QJsonObject{{QStringLiteral("desired"), QJsonObject{{QStringLiteral("x"), 1}}}};
        gone.version = 3;
        gone.deletedAt = QDateTime::currentDateTimeUtc();
        for (const Settings::DeletedShadow &left : window.deletedShadows()->entries(connectionKey))
            window.deletedShadows()->remove(left); // from a run that failed half-way
        QVERIFY(window.deletedShadows()->add(gone));
        DeletedShadowsDialog *recently = recreateFirstDeleted(window);
        QVERIFY(recently);
        QTRY_COMPARE(recently->messageBar()->text(), QStringLiteral("Read-only session: nothing can be re-created."));
        QCOMPARE(recently->findChild<QTreeView *>(QStringLiteral("deletedShadowsView"))->model()->rowCount(), 1);
        QCOMPARE(window.deletedShadows()->entries(connectionKey), QList<Settings::DeletedShadow>{gone});
        recently->reject();
        window.deletedShadows()->remove(gone);

        // Publish: Send is off and says why; Ctrl+Return and the slot send nothing.
        Publish::Draft message;
        message.topic = QStringLiteral("read-only/test");
        message.payloadText = QStringLiteral(R"({"x": 1})");
        message.retain = true;
        PublishPage *publish = window.openPublish(message);
        QVERIFY(publish);
        PublishComposer *composer = publish->composer();
        auto *send = composer->findChild<QPushButton *>(QStringLiteral("publishSend"));
        QVERIFY(!send->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(composer->findChild<QLabel *>(QStringLiteral("publishReadOnlyNote"))->isVisible(), 10000);
        QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
        composer->send();
        QVERIFY(!composer->isSending());

        // A retained message: Delete is off (so Undo never shows); Edit and re-publish opens a
        // composer that cannot send.
        window.openTopic(topic, Workspace::Mode::Keep);
        auto *retained = qobject_cast<RetainedMessageView *>(window.workspace()->currentPage());
        QVERIFY(retained);
        QTRY_VERIFY_WITH_TIMEOUT(retained->findChild<QPushButton *>(QStringLiteral("retainedRepublish"))->isEnabled(), 10000);
        auto *retainedDelete = retained->findChild<QPushButton *>(QStringLiteral("retainedDelete"));
        QVERIFY(!retainedDelete->isEnabled());
        QTest::mouseClick(retainedDelete, Qt::LeftButton);
        QTest::keyClick(retained, Qt::Key_Delete);
        QVERIFY(!anyDialogOpen<QMessageBox>(&window));
        QVERIFY(!retained->isDeleted());
        QVERIFY(!retained->findChild<QPushButton *>(QStringLiteral("retainedUndo"))->isVisible());
        QTest::mouseClick(retained->findChild<QPushButton *>(QStringLiteral("retainedRepublish")), Qt::LeftButton);
        auto *republish = qobject_cast<PublishPage *>(window.workspace()->currentPage());
        QVERIFY(republish);
        QCOMPARE(republish->composer()->draft().topic, topic);
        QVERIFY(!republish->composer()->findChild<QPushButton *>(QStringLiteral("publishSend"))->isEnabled());
        republish->composer()->send();
        QVERIFY(!republish->composer()->isSending());

        // The Retained pane: Delete subtree is off (action and Shift+Delete); no Undo.
        RetainedPane *pane = window.retainedPane();
        auto *tree = pane->findChild<QTreeView *>(QStringLiteral("retainedView"));
        QTRY_VERIFY_WITH_TIMEOUT(tree->model()->rowCount() > 0, 10000);
        tree->setCurrentIndex(tree->model()->index(0, 0));
        auto *deleteSubtree = pane->findChild<QAction *>(QStringLiteral("retainedDeleteSubtree"));
        QVERIFY(!deleteSubtree->isEnabled());
        deleteSubtree->trigger();
        tree->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(tree, Qt::Key_Delete, Qt::ShiftModifier);
        QVERIFY(!anyDialogOpen<QMessageBox>(&window));
        QVERIFY(!pane->findChild<QPushButton *>(QStringLiteral("retainedDeleteUndo"))->isVisible());

        // Nothing was written, and nothing but reads was sent.
        QCOMPARE(storeChanged.size(), 0);
        QCOMPARE(rig.server.backend()->toJson(), before);
        QVERIFY(!sent.isEmpty());
        for (const QString &request : std::as_const(sent))
            QVERIFY2(request.startsWith(QStringLiteral("GET ")), qPrintable(sent.join(u'\n')));
        // The draft is still there for a writable session.
        QCOMPARE(window.drafts()->drafts(connectionKey).size(), 1);
    }
};

QTEST_MAIN(TestReadOnlyWindow)
#include "tst_readonlywindow.moc"
