// SPDX-License-Identifier: GPL-3.0-or-later
// New, delete and re-create through the window against the in-process sandbox over loopback
// HTTP: Ctrl+N (New named shadow) creates a shadow of the open thing with its initial desired
// state and opens it, but refuses a name that exists already (even one not listed yet);
// Shift+Del in the shadow's tab asks for its name, keeps the latest document in Recently
// deleted, deletes it and closes the tab; Ctrl+Shift+D then Ctrl+R re-creates it from the
// copy, after which the entry is forgotten and the shadow holds its old state again.
#include "deletedshadowsdialog.h"
#include "deleteshadowdialog.h"
#include "mainwindow.h"
#include "namedshadowsmodel.h"
#include "newshadowdialog.h"
#include "sandboxrig.h"
#include "settings/applicationidentity.h"
#include "settings/deletedshadows.h"
#include "shadowspane.h"
#include "shadowview.h"
#include "thingspane.h"
#include "widgetwaits.h"
#include "windowfixture.h"

#include <QApplication>
#include <QDir>
#include <QStandardPaths>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QTreeView>

namespace {

const QString Thing = QStringLiteral("hvac-b2-floor3-01");

std::optional<Iot::ShadowDocument> fetch(SandboxRig &rig, const QString &shadow, int *status = nullptr)
{
    Iot::ApiCall *get = rig.data->getThingShadow(Thing, shadow);
    QSignalSpy finished(get, &Iot::ApiCall::finished);
    if (!finished.wait(10000))
        return std::nullopt;
    if (status)
        *status = get->error().httpStatus;
    if (const auto *document = get->result<Iot::ShadowDocument>())
        return *document;
    return std::nullopt;
}

// The text of the next message box, which is then closed. (A polling timer, since the box
// may open from a reply while the test waits: its own event loop runs the timer.)
void readMessageBox(QObject *context, QString *text)
{
    auto *poll = new QTimer(context);
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, context, [poll, text] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            *text = box->text();
            box->accept();
            poll->deleteLater();
            poll->stop();
        }
    });
    poll->start();
}

} // namespace

class TestRecentlyDeleted : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        Settings::applyApplicationIdentity();
        // The test's HOME outlives a run: start without the copies and drafts of the last one.
        for (const char *kept : {"deleted", "drafts"})
            QVERIFY(QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u'/'
                         + QLatin1String(kept)).removeRecursively());
    }

    void createDeleteRecreate()
    {
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo()));
        Iot::Connection connection(&rig.network, rig.connectionSetup());
        MainWindow window;
        QVERIFY(connectWindow(window, connection));
        QSignalSpy shadows(window.shadowsPane(), &ShadowsPane::loadFinished);
        window.openThing(Thing);
        QVERIFY(shadows.wait(10000));

        // New named shadow: the name and the initial desired state.
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QPointer<NewShadowDialog> create = waitForDialog<NewShadowDialog>(&window);
        QVERIFY(create);
        const QJsonObject desired = QJsonDocument::fromJson(R"({"mode": "eco", "limits": {"max": 24}})").object();
        create->findChild<QPlainTextEdit *>(QStringLiteral("newShadowDesired"))
            ->setPlainText(QString::fromUtf8(QJsonDocument(desired).toJson()));
        auto *name = create->findChild<QLineEdit *>(QStringLiteral("newShadowName"));
        QTest::keyClicks(name, QStringLiteral("schedule"));
        QTest::keyClick(name, Qt::Key_Return);
        // It is created, listed and opened.
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<ShadowView *>(window.workspace()->currentPage())
                                     && qobject_cast<ShadowView *>(window.workspace()->currentPage())->shadowName()
                                         == QStringLiteral("schedule"),
                                 10000);
        auto *view = qobject_cast<ShadowView *>(window.workspace()->currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(view->document().has_value(), 10000);
        QCOMPARE(view->document()->desired, desired);
        QVERIFY(window.shadowsPane()->model()->rowOf(QStringLiteral("schedule")) >= 0);

        // A shadow another client made meanwhile (not listed) is not created over.
        QVERIFY(SandboxRig::succeeds(rig.data->updateThingShadow(
            Thing, QStringLiteral("late"), R"({"state":{"desired":{"x":1}}})")));
        QTRY_VERIFY(!create);
        // (Offscreen, a closed dialog does not give the activation back by itself.)
        window.activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), &window);
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        create = waitForDialog<NewShadowDialog>(&window);
        QVERIFY(create);
        QTest::keyClicks(create->findChild<QLineEdit *>(QStringLiteral("newShadowName")), QStringLiteral("late"));
        QString refusal;
        readMessageBox(&window, &refusal);
        QTest::keyClick(create->findChild<QLineEdit *>(QStringLiteral("newShadowName")), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(refusal.contains(QStringLiteral("exists already")), 10000);
        QCOMPARE(fetch(rig, QStringLiteral("late"))->version, 1);

        // The device reports; then Shift+Del deletes, keeping the latest document.
        QVERIFY(SandboxRig::succeeds(rig.data->updateThingShadow(
            Thing, QStringLiteral("schedule"), R"({"state":{"reported":{"mode":"comfort"}}})")));
        const Iot::ShadowDocument before = *fetch(rig, QStringLiteral("schedule"));
        QCOMPARE(before.version, 2);
        window.activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), &window);
        view->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(view, Qt::Key_Delete, Qt::ShiftModifier);
        auto *remove = waitForDialog<DeleteShadowDialog>(view);
        QVERIFY(remove);
        auto *removeButton = remove->findChild<QPushButton *>(QStringLiteral("deleteShadowButton"));
        QTest::keyClicks(remove->findChild<QLineEdit *>(QStringLiteral("deleteShadowConfirm")), QStringLiteral("sched"));
        QVERIFY(!removeButton->isEnabled());
        QTest::keyClicks(remove->findChild<QLineEdit *>(QStringLiteral("deleteShadowConfirm")), QStringLiteral("ule"));
        QTest::mouseClick(removeButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!window.workspace()->page(QStringLiteral("shadow:%1/schedule").arg(Thing)), 10000);
        int status = 0;
        QVERIFY(!fetch(rig, QStringLiteral("schedule"), &status));
        QCOMPARE(status, 404);
        const QString key = QStringLiteral("sandbox@") + connection.region();
        const QList<Settings::DeletedShadow> copies = window.deletedShadows()->entries(key);
        QCOMPARE(copies.size(), 1);
        QCOMPARE(copies.first().version, before.version);
        QCOMPARE(copies.first().state.value(QLatin1String("reported")).toObject(), before.reported);
        QTRY_VERIFY_WITH_TIMEOUT(window.shadowsPane()->model()->rowOf(QStringLiteral("schedule")) < 0, 10000);

        // Recently deleted (Ctrl+Shift+D): Ctrl+R re-creates it; the entry is forgotten.
        DeletedShadowsDialog *recently = recreateFirstDeleted(window);
        QVERIFY(recently);
        auto *list = recently->findChild<QTreeView *>(QStringLiteral("deletedShadowsView"));
        QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 0, 10000);
        QVERIFY(window.deletedShadows()->entries(key).isEmpty());
        const Iot::ShadowDocument after = *fetch(rig, QStringLiteral("schedule"));
        QCOMPARE(after.desired, before.desired);
        QCOMPARE(after.reported, before.reported);
        QCOMPARE(after.version, before.version + 1);
        QTRY_VERIFY_WITH_TIMEOUT(window.shadowsPane()->model()->rowOf(QStringLiteral("schedule")) >= 0, 10000);
    }
};

QTEST_MAIN(TestRecentlyDeleted)
#include "tst_recentlydeleted.moc"
