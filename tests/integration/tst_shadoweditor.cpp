// SPDX-License-Identifier: GPL-3.0-or-later
// Editing a shadow against the in-process sandbox over real loopback HTTP: the editor saves
// with the version it started from; when another client saved in between, the save gets 409,
// the merge dialog lists the conflict, and after it is resolved the server holds both sides'
// changes at a newer version. AWS's rules refuse an oversized update before any request; a
// read-only session cannot save; a tab with unsaved changes asks before it closes; and an
// edit autosaved as a draft comes back in a new window after a "crash".
#include "conflictdialog.h"
#include "diffview.h"
#include "historydialog.h"
#include "jsontextedit.h"
#include "mainwindow.h"
#include "reviewdialog.h"
#include "sandboxrig.h"
#include "settings/applicationidentity.h"
#include "settings/draftstore.h"
#include "shadoweditor.h"
#include "shadowhistory.h"
#include "shadowspane.h"
#include "shadowview.h"
#include "thingspane.h"
#include "widgetwaits.h"
#include "windowfixture.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QStandardPaths>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

namespace {

const QString Thermostat = QStringLiteral("hvac-b2-floor3-01");

QJsonObject serverDesired(SandboxRig &rig, const QString &shadow)
{
    Iot::ApiCall *call = rig.data->getThingShadow(Thermostat, shadow);
    QSignalSpy finished(call, &Iot::ApiCall::finished);
    if (!finished.wait(10000) || call->error().isError())
        return {};
    return call->result<Iot::ShadowDocument>()->desired;
}

qint64 serverVersion(SandboxRig &rig, const QString &shadow)
{
    Iot::ApiCall *call = rig.data->getThingShadow(Thermostat, shadow);
    QSignalSpy finished(call, &Iot::ApiCall::finished);
    if (!finished.wait(10000) || call->error().isError())
        return 0;
    return call->result<Iot::ShadowDocument>()->version;
}

// Replaces the editor's text the way a user does: select all, then type.
void typeText(JsonTextEdit *edit, const QString &text)
{
    edit->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
}

// Shows @p view, waits for its document and opens its Edit tab.
bool openEditor(ShadowView &view)
{
    if (!showActive(view, {1000, 700}))
        return false;
    QSignalSpy loaded(&view, &ShadowView::loadFinished);
    if (!loaded.wait(10000))
        return false;
    view.edit();
    return true;
}

} // namespace

class TestShadowEditor : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    ShadowServices services(Settings::DraftStore *drafts, ShadowHistory *history, bool readOnly = false)
    {
        return ShadowServices{drafts, nullptr, history, QStringLiteral("test"), readOnly};
    }

private Q_SLOTS:
    void initTestCase()
    {
        Settings::applyApplicationIdentity();
        QVERIFY(m_dir.isValid());
        QVERIFY(removeStoredDrafts());
    }

    // Edit desired; meanwhile another client changes the same shadow; Save gets 409, the
    // merge dialog shows the one conflicting path and the change that merged by itself;
    // after choosing mine, the retry carries the new version and the server holds both.
    void conflictMergesBothChanges()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        Settings::DraftStore drafts(m_dir.filePath(QStringLiteral("conflict")));
        ShadowHistory history;
        ShadowView view(rig.data.get(), Thermostat, {}, services(&drafts, &history));
        QVERIFY(showActive(view, {1000, 700}));
        // Nothing can be typed before there is a version to base it on.
        QVERIFY(view.editor()->textEdit()->isReadOnly());
        QSignalSpy loaded(&view, &ShadowView::loadFinished);
        QVERIFY(loaded.wait(10000));
        QVERIFY(!view.editor()->textEdit()->isReadOnly());
        const qint64 base = view.document()->version;

        QTest::keyClick(&view, Qt::Key_E, Qt::ControlModifier);
        ShadowEditor *editor = view.editor();
        QCOMPARE(view.findChild<QTabWidget *>(QStringLiteral("shadowTabs"))->currentWidget(), editor);
        QCOMPARE(editor->base().version, base);
        QSignalSpy modified(editor, &ShadowEditor::modifiedChanged);
        typeText(editor->textEdit(), QStringLiteral(
            R"({"mode": "heat", "setpointC": 22.5, "fan": {"speed": "high", "oscillate": false}})"));
        QCOMPARE(modified.size(), 1);
        QVERIFY(editor->isModified());
        QTRY_VERIFY(editor->textEdit()->isValid());

        // Someone else saves meanwhile: a new mode and another setpoint.
        QVERIFY(SandboxRig::succeeds(rig.data->updateThingShadow(
            Thermostat, {}, R"({"state":{"desired":{"mode":"cool","setpointC":19}}})")));

        QTest::keyClick(editor->textEdit(), Qt::Key_S, Qt::ControlModifier);
        QPointer<ReviewDialog> review = waitForDialog<ReviewDialog>(editor);
        QVERIFY(review);
        // The exact update: only the changed keys, with the base version.
        const QString body = review->findChild<JsonTextEdit *>(QStringLiteral("reviewBody"))->toPlainText();
        const QJsonObject sent = QJsonDocument::fromJson(body.toUtf8()).object();
        QCOMPARE(sent.value(QLatin1String("state")).toObject(),
                 QJsonObject({{QStringLiteral("desired"),
                               QJsonObject{{QStringLiteral("setpointC"), 22.5},
                                           {QStringLiteral("fan"), QJsonObject{{QStringLiteral("speed"), QStringLiteral("high")}}}}}}));
        QCOMPARE(sent.value(QLatin1String("version")).toInteger(), base);
        QVERIFY(!sent.value(QLatin1String("clientToken")).toString().isEmpty());
        QCOMPARE(review->findChild<QTreeWidget *>(QStringLiteral("reviewChanges"))->topLevelItemCount(), 2);
        review->activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), review.data());
        QTest::keyClick(review, Qt::Key_Return, Qt::ControlModifier);

        // 409, the latest is fetched, and the merge dialog opens.
        ConflictDialog *conflict = waitForDialog<ConflictDialog>(editor);
        QVERIFY2(conflict, qPrintable(editor->statusText() + QLatin1Char(' ') + rig.operations().join(QLatin1Char(','))));
        QCOMPARE(conflict->conflictCount(), 1);
        auto *conflicts = conflict->findChild<QTreeWidget *>(QStringLiteral("conflictList"));
        QCOMPARE(conflicts->topLevelItem(0)->text(0), QStringLiteral("/desired/setpointC"));
        QCOMPARE(conflicts->topLevelItem(0)->text(1), QStringLiteral("21.5"));
        QCOMPARE(conflicts->topLevelItem(0)->text(2), QStringLiteral("22.5"));
        QCOMPARE(conflicts->topLevelItem(0)->text(3), QStringLiteral("19"));
        QCOMPARE(conflict->findChild<QTreeWidget *>(QStringLiteral("mergedChanges"))->topLevelItemCount(), 1);
        auto *apply = conflict->findChild<QPushButton *>(QStringLiteral("conflictApply"));
        QVERIFY(!apply->isEnabled());
        // The edit is untouched while the user decides.
        QVERIFY(editor->isModified());
        QVERIFY(editor->textEdit()->toPlainText().contains(QStringLiteral("\"high\"")));
        QTest::mouseClick(conflict->findChild<QRadioButton *>(QStringLiteral("conflictMine")), Qt::LeftButton);
        QVERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);

        // The merged update is reviewed again, at their version, then sent.
        ReviewDialog *second = waitForDialog<ReviewDialog>(editor, review);
        QVERIFY(second);
        const QJsonObject retried = QJsonDocument::fromJson(
            second->findChild<JsonTextEdit *>(QStringLiteral("reviewBody"))->toPlainText().toUtf8()).object();
        QCOMPARE(retried.value(QLatin1String("version")).toInteger(), base + 1);
        QSignalSpy saved(editor, &ShadowEditor::saved);
        QTest::mouseClick(second->sendButton(), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().first().toLongLong(), base + 2);

        const QJsonObject desired = serverDesired(rig, {});
        QCOMPARE(desired.value(QLatin1String("mode")).toString(), QStringLiteral("cool"));   // theirs
        QCOMPARE(desired.value(QLatin1String("setpointC")).toDouble(), 22.5);                 // chosen: mine
        QCOMPARE(desired.value(QLatin1String("fan")).toObject().value(QLatin1String("speed")).toString(),
                 QStringLiteral("high"));                                                     // mine, merged
        QCOMPARE(serverVersion(rig, {}), base + 2);
        QVERIFY(!editor->isModified());
        QCOMPARE(drafts.drafts(QStringLiteral("test")).size(), 0);
        // Every version seen was recorded: the base, theirs, and (after the refresh) ours.
        QTRY_COMPARE(history.versions(Thermostat, {}).size(), 3);
        QCOMPARE(rig.operations().count(QStringLiteral("UpdateThingShadow")), 3);

        // Any two of them can be diffed: the dialog opens on the newest two.
        view.showHistory();
        auto *versions = waitForDialog<HistoryDialog>(&view);
        QVERIFY(versions);
        auto *from = versions->findChild<QComboBox *>(QStringLiteral("historyFrom"));
        QCOMPARE(from->count(), 3);
        QCOMPARE(from->currentIndex(), 1);
        auto *diff = versions->findChild<DiffView *>(QStringLiteral("historyDiff"));
        const int newestTwo = diff->changedRowCount();
        QVERIFY(newestTwo > 0);
        from->setCurrentIndex(0);
        QVERIFY(diff->changedRowCount() > newestTwo);
        versions->reject();
    }

    // An update that would take the shadow over 8 KB is refused in the review, in plain
    // words with AWS's message, and Send stays disabled: nothing is sent.
    void oversizedUpdateRefusedBeforeSending()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        ShadowView view(rig.data.get(), Thermostat, QStringLiteral("firmware"), services(nullptr, nullptr));
        QVERIFY(openEditor(view));
        typeText(view.editor()->textEdit(),
                 QStringLiteral(R"({"version": "4.2.1", "notes": "%1"})").arg(QString(9000, u'x')));
        QTRY_VERIFY(view.editor()->textEdit()->isValid());
        view.editor()->save();
        ReviewDialog *review = waitForDialog<ReviewDialog>(view.editor());
        QVERIFY(review);
        auto *problem = review->findChild<QLabel *>(QStringLiteral("reviewProblem"));
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(QStringLiteral("8,192")), qPrintable(problem->text()));
        QVERIFY(problem->text().contains(QStringLiteral("The payload exceeds the maximum size allowed")));
        QVERIFY(!review->sendButton()->isEnabled());
        review->reject();
        QCOMPARE(rig.operations().count(QStringLiteral("UpdateThingShadow")), 0);
        QVERIFY(view.editor()->isModified());
    }

    // The service refusing the update (503 on every attempt) leaves the edit and its draft as
    // they were, says why in the service's words, and Retry saves once the fault is gone.
    void failedSaveKeepsTheEdit()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        QVERIFY(rig.setFaults(QByteArrayLiteral(
            R"({"rules": [{"operations": ["UpdateThingShadow"], "kind": "status", "status": 503}]})")));
        Settings::DraftStore drafts(m_dir.filePath(QStringLiteral("failed")));
        ShadowView view(rig.data.get(), Thermostat, QStringLiteral("firmware"), services(&drafts, nullptr));
        QVERIFY(openEditor(view));
        const QString edited = QStringLiteral(R"({"version": "5.0.0"})");
        typeText(view.editor()->textEdit(), edited);
        QTRY_VERIFY(view.editor()->textEdit()->isValid());
        view.editor()->save();
        ReviewDialog *review = waitForDialog<ReviewDialog>(view.editor());
        QVERIFY(review);
        review->accept();
        QTRY_VERIFY_WITH_TIMEOUT(view.editor()->statusText().startsWith(QStringLiteral("Not saved (your edit is kept): ")), 10000);
        QVERIFY2(view.editor()->statusText().contains(QStringLiteral("503")), qPrintable(view.editor()->statusText()));
        QCOMPARE(view.editor()->textEdit()->toPlainText(), edited);
        QVERIFY(view.editor()->isModified());
        QCOMPARE(drafts.drafts(QStringLiteral("test")).size(), 1);

        QVERIFY(rig.setFaults({}));
        auto *retry = view.findChild<QPushButton *>(QStringLiteral("editorRetry"));
        QVERIFY(retry->isVisible());
        QSignalSpy saved(view.editor(), &ShadowEditor::saved);
        QTest::mouseClick(retry, Qt::LeftButton);
        review = waitForDialog<ReviewDialog>(view.editor());
        QVERIFY(review);
        review->accept();
        QVERIFY(saved.wait(10000));
        QCOMPARE(serverDesired(rig, QStringLiteral("firmware")).value(QLatin1String("version")).toString(),
                 QStringLiteral("5.0.0"));
        QCOMPARE(drafts.drafts(QStringLiteral("test")).size(), 0);
    }

    // Invalid JSON disables Save and says where the error is.
    void invalidJsonDisablesSave()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        ShadowView view(rig.data.get(), Thermostat, QStringLiteral("firmware"), services(nullptr, nullptr));
        QVERIFY(openEditor(view));
        auto *save = view.findChild<QPushButton *>(QStringLiteral("shadowEditorSave"));
        QVERIFY(save->isEnabled());
        typeText(view.editor()->textEdit(), QStringLiteral(R"({"version": "4.2.1" "x": 1})"));
        QTRY_VERIFY(!save->isEnabled());
        QTRY_VERIFY2(view.editor()->statusText().startsWith(QStringLiteral("Line 1, column ")),
                     qPrintable(view.editor()->statusText()));
        view.editor()->save();
        QVERIFY(!view.editor()->findChild<ReviewDialog *>());
    }

    // A read-only session shows the editor but cannot save or delete.
    void readOnlyCannotWrite()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        ShadowView view(rig.data.get(), Thermostat, {}, services(nullptr, nullptr, true));
        QSignalSpy loaded(&view, &ShadowView::loadFinished);
        QVERIFY(loaded.wait(10000));
        QVERIFY(view.editor()->textEdit()->isReadOnly());
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("shadowEditorSave"))->isEnabled());
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("shadowDelete"))->isEnabled());
    }

    // In a window: a tab with unsaved changes asks before it closes (Cancel keeps it, the
    // draft is autosaved); a new window on the same connection (after a "crash": the old one
    // is destroyed without closing) offers the draft, and Restore brings the edit back on its
    // old base version, ready to save.
    void draftSurvivesCrash()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        Iot::Connection connection(&rig.network, rig.connectionSetup());
        const QString edited = QStringLiteral(R"({"version": "4.3.0-rc1"})");
        qint64 base = 0;
        {
            MainWindow window;
            QVERIFY(connectWindow(window, connection));
            ShadowView *view = openLoadedShadow(window, Thermostat, QStringLiteral("firmware"),
                                                Workspace::Mode::Preview);
            QVERIFY(view);
            base = view->document()->version;
            view->edit();
            QSignalSpy draftSaved(window.drafts(), &Settings::DraftStore::changed);
            typeText(view->editor()->textEdit(), edited);
            QVERIFY(draftSaved.wait(5000));
            // The tab is kept and marked.
            const int tab = window.workspace()->tabs()->indexOf(view);
            QVERIFY(window.workspace()->tabs()->tabText(tab).startsWith(QStringLiteral("\u2022 ")));
            window.openShadow(Thermostat, QStringLiteral("config"), Workspace::Mode::Preview);
            QCOMPARE(window.workspace()->tabs()->count(), 2);

            BoxAnswer asked;
            answerMessageBox(QStringLiteral("unsavedChangesQuestion"), QStringLiteral("Cancel"), &asked);
            QVERIFY(!window.workspace()->closePage(window.workspace()->tabs()->indexOf(view)));
            QVERIFY(asked.seen);
            QCOMPARE(window.workspace()->tabs()->count(), 2);
            QCOMPARE(view->editor()->textEdit()->toPlainText(), edited);
        }
        // The window is gone without a close: the draft is all there is.
        Settings::DraftStore drafts;
        QCOMPARE(drafts.drafts(QStringLiteral("sandbox@") + connection.region()).size(), 1);

        MainWindow window;
        window.setConnection(&connection, sandboxChoice());
        QVERIFY(showActive(window));
        auto *offer = window.findChild<QWidget *>(QStringLiteral("draftsOffer"));
        QTRY_VERIFY(offer->isVisible());
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("draftsText"))->text().contains(QStringLiteral("firmware")));
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("draftsRestore")), Qt::LeftButton);
        auto *view = qobject_cast<ShadowView *>(window.workspace()->currentPage());
        QVERIFY(view);
        QCOMPARE(view->shadowName(), QStringLiteral("firmware"));
        QCOMPARE(view->editor()->textEdit()->toPlainText(), edited);
        QVERIFY(view->editor()->isModified());
        QCOMPARE(view->editor()->base().version, base);
        // The refresh that follows does not touch the edit.
        QSignalSpy loaded(view, &ShadowView::loadFinished);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(view->editor()->textEdit()->toPlainText(), edited);

        // And it saves.
        QSignalSpy saved(view->editor(), &ShadowEditor::saved);
        view->editor()->save();
        ReviewDialog *review = waitForDialog<ReviewDialog>(view->editor());
        QVERIFY(review);
        review->accept();
        QVERIFY(saved.wait(10000));
        QCOMPARE(serverDesired(rig, QStringLiteral("firmware")).value(QLatin1String("version")).toString(),
                 QStringLiteral("4.3.0-rc1"));
        QCOMPARE(drafts.drafts(QStringLiteral("sandbox@") + connection.region()).size(), 0);
        QVERIFY(!offer->isVisible());
    }
};

QTEST_MAIN(TestShadowEditor)
#include "tst_shadoweditor.moc"
