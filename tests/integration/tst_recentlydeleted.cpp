// SPDX-License-Identifier: GPL-3.0-or-later
// The shadow dialogs' whole round trip against the in-process sandbox over loopback HTTP, as
// the window wires them: New Shadow creates a named shadow with its initial desired state,
// Delete Shadow (typed confirmation) keeps a copy in Recently deleted before the delete, and
// Re-create (Ctrl+R) in Recently deleted sends the copy's state back, after which the entry
// is forgotten and the shadow holds its old state with the old version number continued.
#include "deletedshadowsdialog.h"
#include "deleteshadowdialog.h"
#include "messagebar.h"
#include "newshadowdialog.h"
#include "sandboxrig.h"
#include "settings/deletedshadows.h"

#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

namespace {

const QString Thing = QStringLiteral("hvac-b2-floor3-01");
const QString Connection = QStringLiteral("sandbox");

QByteArray stateBody(const QJsonObject &state)
{
    return QJsonDocument(QJsonObject { { QStringLiteral("state"), state } })
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestRecentlyDeleted : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_rig.start(SandboxRig::demo())); }

    void createDeleteRecreate()
    {
        // New Shadow: the name and the initial desired state, sent as the first update.
        NewShadowDialog create(Thing, {});
        create.show();
        QVERIFY(QTest::qWaitForWindowExposed(&create));
        create.findChild<QPlainTextEdit *>(QStringLiteral("newShadowDesired"))
            ->setPlainText(QStringLiteral("{\"mode\": \"eco\", \"limits\": {\"max\": 24}}"));
        auto *name = create.findChild<QLineEdit *>(QStringLiteral("newShadowName"));
        QTest::keyClicks(name, QStringLiteral("schedule"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(create.result(), int(QDialog::Accepted));
        QVERIFY(SandboxRig::succeeds(m_rig.data->updateThingShadow(
            Thing, create.shadowName(),
            stateBody({ { QStringLiteral("desired"), create.desired() } }))));
        const QJsonObject reported { { QStringLiteral("mode"), QStringLiteral("comfort") } };
        QVERIFY(SandboxRig::succeeds(m_rig.data->updateThingShadow(
            Thing, create.shadowName(), stateBody({ { QStringLiteral("reported"), reported } }))));

        Iot::ApiCall *get = m_rig.data->getThingShadow(Thing, QStringLiteral("schedule"));
        QSignalSpy got(get, &Iot::ApiCall::finished);
        QVERIFY(got.wait(10000));
        QVERIFY(get->result<Iot::ShadowDocument>());
        const Iot::ShadowDocument before = *get->result<Iot::ShadowDocument>();
        QCOMPARE(before.version, 2);
        QCOMPARE(before.desired, create.desired());

        // Delete Shadow: typed confirmation; the copy is kept before the delete is sent.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Settings::DeletedShadows store(dir.path());
        DeleteShadowDialog remove(Thing, QStringLiteral("schedule"));
        remove.show();
        QVERIFY(QTest::qWaitForWindowExposed(&remove));
        QTest::keyClicks(remove.findChild<QLineEdit *>(QStringLiteral("deleteShadowConfirm")),
                         QStringLiteral("schedule"));
        QTest::mouseClick(remove.findChild<QPushButton *>(QStringLiteral("deleteShadowButton")),
                          Qt::LeftButton);
        QCOMPARE(remove.result(), int(QDialog::Accepted));
        Settings::DeletedShadow copy;
        copy.connectionKey = Connection;
        copy.thingName = Thing;
        copy.shadowName = QStringLiteral("schedule");
        copy.state = { { QStringLiteral("desired"), before.desired },
                       { QStringLiteral("reported"), before.reported } };
        copy.version = before.version;
        QVERIFY(store.add(copy));
        QVERIFY(
            SandboxRig::succeeds(m_rig.data->deleteThingShadow(Thing, QStringLiteral("schedule"))));
        get = m_rig.data->getThingShadow(Thing, QStringLiteral("schedule"));
        QSignalSpy missing(get, &Iot::ApiCall::finished);
        QVERIFY(missing.wait(10000));
        QCOMPARE(get->error().httpStatus, 404);

        // Recently deleted: Ctrl+R sends the copy's state; on success the entry is forgotten.
        DeletedShadowsDialog recently(&store, Connection);
        connect(&recently, &DeletedShadowsDialog::recreateRequested, this,
                [this, &store, &recently](const Settings::DeletedShadow &entry) {
                    recently.messageBar()->setBusy(true);
                    Iot::ApiCall *call = m_rig.data->updateThingShadow(
                        entry.thingName, entry.shadowName, stateBody(entry.state));
                    connect(call, &Iot::ApiCall::finished, &recently,
                            [call, entry, &store, &recently] {
                                recently.messageBar()->setBusy(false);
                                if (call->error().isError())
                                    recently.messageBar()->showError(call->error().userMessage());
                                else
                                    store.remove(entry);
                            });
                });
        recently.show();
        QVERIFY(QTest::qWaitForWindowActive(&recently));
        auto *view = recently.findChild<QTreeView *>(QStringLiteral("deletedShadowsView"));
        QCOMPARE(view->model()->rowCount(), 1);
        QTest::keyClick(view, Qt::Key_R, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 0, 10000);
        QVERIFY(store.entries(Connection).isEmpty());

        get = m_rig.data->getThingShadow(Thing, QStringLiteral("schedule"));
        QSignalSpy back(get, &Iot::ApiCall::finished);
        QVERIFY(back.wait(10000));
        QVERIFY(get->result<Iot::ShadowDocument>());
        const Iot::ShadowDocument after = *get->result<Iot::ShadowDocument>();
        QCOMPARE(after.desired, before.desired);
        QCOMPARE(after.reported, before.reported);
        QCOMPARE(after.version, before.version + 1);
        QCOMPARE(m_rig.operations().count(QStringLiteral("UpdateThingShadow")), 3);
        QCOMPARE(m_rig.operations().count(QStringLiteral("DeleteThingShadow")), 1);
    }

private:
    SandboxRig m_rig;
};

QTEST_MAIN(TestRecentlyDeleted)
#include "tst_recentlydeleted.moc"
