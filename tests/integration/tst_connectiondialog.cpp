// SPDX-License-Identifier: GPL-3.0-or-later
// The connection dialog and the first screen against the in-process sandbox over loopback:
// the sandbox, the profiles of a private ~/.aws and Shadowscope's own profiles are listed;
// mistakes are reported at the field; "Test connection" connects for real and reports the
// endpoint, region, credential source and first request; a new profile's secret goes only to
// the secret store; removing a profile asks first.
#include "aws/awsprofiles.h"
#include "aws/memorysecretstore.h"
#include "aws/secretjob.h"
#include "connectiondialog.h"
#include "iot/connection.h"
#include "mainwindow.h"
#include "sandboxrig.h"
#include "settings/appprofiles.h"
#include "settings/applicationidentity.h"
#include "thingsmodel.h"
#include "thingspane.h"
#include "welcomepage.h"
#include "widgetwaits.h"
#include "workspace.h"

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

namespace {

using Kind = Settings::ConnectionChoice::Kind;

const QString AccessKey = QStringLiteral("AKIDCONNECTIONTEST");
const QString SecretKey = QStringLiteral("connection-test-secret/with+chars");

void writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

// Answers the next message box with @p button once it is shown (from its own event loop).
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, qApp, [button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box)
            box->button(button)->click();
        else
            answerNextMessageBox(button);
    });
}

} // namespace

class TestConnectionDialog : public QObject
{
    Q_OBJECT

    SandboxRig m_rig;
    Aws::MemorySecretStore m_secrets;

    // A connection to the sandbox, as the application makes it.
    std::unique_ptr<Iot::Connection> makeConnection(QString *error)
    {
        return m_factory(Settings::ConnectionChoice{Kind::Sandbox, {}, {}, {}, {}}, error);
    }

    std::unique_ptr<ConnectionDialog> makeDialog(const std::optional<Settings::ConnectionChoice> &current = {})
    {
        auto dialog = std::make_unique<ConnectionDialog>(&m_secrets, m_factory, current);
        if (!showActive(*dialog))
            qWarning("the dialog did not become active");
        return dialog;
    }

    // What the application gives the dialog: the sandbox's connection, or a profile's.
    const ConnectionDialog::ConnectionFactory m_factory
        = [this](const Settings::ConnectionChoice &choice, QString *error)
            -> std::unique_ptr<Iot::Connection> {
            if (choice.kind == Kind::Sandbox)
                return std::make_unique<Iot::Connection>(&m_rig.network, m_rig.connectionSetup());
            std::optional<Iot::ConnectionSetup> setup =
                Iot::ConnectionSetup::forChoice(choice, Aws::AwsProfiles::load(), &m_secrets, error);
            if (!setup)
                return nullptr;
            return std::make_unique<Iot::Connection>(&m_rig.network, std::move(*setup));
        };

    static QStringList listed(ConnectionDialog *dialog)
    {
        auto *list = dialog->findChild<QListWidget *>(QStringLiteral("connectionList"));
        QStringList rows;
        for (int row = 0; row < list->count(); ++row)
            rows << list->item(row)->text();
        return rows;
    }

    static QString problem(ConnectionDialog *dialog)
    {
        return dialog->findChild<QLabel *>(QStringLiteral("connectionProblem"))->text();
    }

    static QString report(ConnectionDialog *dialog)
    {
        return dialog->findChild<QLabel *>(QStringLiteral("connectionReport"))->text();
    }

    static void type(ConnectionDialog *dialog, const char *objectName, const QString &text)
    {
        auto *edit = dialog->findChild<QLineEdit *>(QLatin1String(objectName));
        edit->clear();
        QTest::keyClicks(edit, text);
    }

    // Clicks Test connection and waits for its outcome; false at once for a mistake in the form.
    static bool test(ConnectionDialog *dialog)
    {
        QSignalSpy finished(dialog, &ConnectionDialog::testFinished);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("testConnectionButton")),
                          Qt::LeftButton);
        if (!problem(dialog).isEmpty())
            return false;
        if (finished.isEmpty() && !finished.wait(10000))
            return false;
        return finished.constFirst().constFirst().toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Settings::applyApplicationIdentity();
        Settings::openUserSettings()->clear(); // what an earlier run left
        Sandbox::ServerOptions options = SandboxRig::demo();
        options.accessKeyId = AccessKey;
        options.secretAccessKey = SecretKey;
        QVERIFY(m_rig.start(options));
        const QString endpoint = m_rig.server.endpoint().toString();
        writeFile(QDir::home().filePath(QStringLiteral(".aws/config")),
                  QStringLiteral("[profile lab]\nregion = us-east-1\nendpoint_url = %1\n"
                                 "[profile wrong]\nregion = us-east-1\nendpoint_url = %1\n")
                      .arg(endpoint).toUtf8());
        writeFile(QDir::home().filePath(QStringLiteral(".aws/credentials")),
                  QStringLiteral("[lab]\naws_access_key_id = %1\naws_secret_access_key = %2\n"
                                 "[wrong]\naws_access_key_id = %1\naws_secret_access_key = nope\n")
                      .arg(AccessKey, SecretKey).toUtf8());
    }

    // The sandbox first, then the profiles of ~/.aws, then Shadowscope's own.
    void listsEveryKind()
    {
        auto dialog = makeDialog();
        QCOMPARE(listed(dialog.get()),
                 (QStringList{QStringLiteral("Sandbox (local)"), QStringLiteral("AWS profiles (~/.aws)"),
                              QStringLiteral("lab"), QStringLiteral("wrong"),
                              QStringLiteral("Shadowscope profiles (keychain)")}));
        QVERIFY(!dialog->findChild<QComboBox *>(QStringLiteral("regionBox"))->isEnabled());
        QVERIFY(test(dialog.get()));
        QVERIFY2(report(dialog.get()).contains(QStringLiteral("Credentials: the sandbox's key pair")),
                 qPrintable(report(dialog.get())));
    }

    // An AWS profile: the test connects with the profile's keys and says where they came from.
    void awsProfile()
    {
        auto dialog = makeDialog(Settings::ConnectionChoice{Kind::AwsProfile, QStringLiteral("lab"), {}, {}, {}});
        QVERIFY(test(dialog.get()));
        const QString text = report(dialog.get());
        QVERIFY2(text.startsWith(QStringLiteral("Connected.")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Data endpoint: ") + m_rig.server.endpoint().toString()), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Region: us-east-1")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Credentials: profile lab in ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("First request: DescribeEndpoint answered")), qPrintable(text));

        auto wrong = makeDialog(Settings::ConnectionChoice{Kind::AwsProfile, QStringLiteral("wrong"), {}, {}, {}});
        QVERIFY(!test(wrong.get()));
        QVERIFY2(report(wrong.get()).startsWith(QStringLiteral("Not connected.")), qPrintable(report(wrong.get())));
        QVERIFY2(report(wrong.get()).contains(QStringLiteral("ForbiddenException (HTTP 403)")),
                 qPrintable(report(wrong.get())));
    }

    // A region or endpoint override that is no such thing is refused at the field.
    void overridesAreChecked()
    {
        auto dialog = makeDialog(Settings::ConnectionChoice{Kind::AwsProfile, QStringLiteral("lab"), {}, {}, {}});
        auto *region = dialog->findChild<QComboBox *>(QStringLiteral("regionBox"));
        region->setCurrentText(QStringLiteral("mars-1"));
        QVERIFY(!test(dialog.get()));
        QCOMPARE(problem(dialog.get()), QStringLiteral("mars-1 is not an AWS region name (such as eu-west-1)."));
        region->setCurrentText({});
        type(dialog.get(), "endpointEdit", QStringLiteral("http://example.com"));
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QVERIFY2(problem(dialog.get()).contains(QStringLiteral("plain http://")), qPrintable(problem(dialog.get())));
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("endpointEdit"))->text(),
                 QStringLiteral("http://example.com"));
    }

    // A new Shadowscope profile: each mistake is named at its field and nothing typed is lost;
    // once valid it is saved (the secret only in the secret store), tested against the sandbox
    // and listed; removing it asks first and removes its secret.
    void newAppProfile()
    {
        auto dialog = makeDialog();
        dialog->startNewProfile();
        QVERIFY(!test(dialog.get()));
        QCOMPARE(problem(dialog.get()), QStringLiteral("Give the profile a name."));
        type(dialog.get(), "profileNameEdit", QStringLiteral("bench"));
        type(dialog.get(), "accessKeyIdEdit", QStringLiteral("akid"));
        QVERIFY(!test(dialog.get()));
        QVERIFY2(problem(dialog.get()).startsWith(QStringLiteral("An access key id has")), qPrintable(problem(dialog.get())));
        QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("accessKeyIdEdit"))->hasFocus());
        type(dialog.get(), "accessKeyIdEdit", AccessKey);
        QVERIFY(!test(dialog.get()));
        QCOMPARE(problem(dialog.get()), QStringLiteral("Give the secret access key; it is kept only in your keychain."));
        type(dialog.get(), "secretEdit", SecretKey);
        QVERIFY(!test(dialog.get()));
        QCOMPARE(problem(dialog.get()), QStringLiteral("Give the region of the account's things, such as eu-west-1."));
        dialog->findChild<QComboBox *>(QStringLiteral("regionBox"))->setCurrentText(QStringLiteral("us-east-1"));
        type(dialog.get(), "endpointEdit", m_rig.server.endpoint().toString());
        QVERIFY(test(dialog.get()));
        QVERIFY2(report(dialog.get()).contains(
                     QStringLiteral("Credentials: Shadowscope profile bench (secret in the system keychain)")),
                 qPrintable(report(dialog.get())));
        QVERIFY(listed(dialog.get()).contains(QStringLiteral("bench")));

        // The settings hold the key id, never the secret; the store holds the secret.
        const auto settings = Settings::openUserSettings();
        const std::optional<Settings::AppProfile> saved = Settings::AppProfiles::load(*settings, QStringLiteral("bench"));
        QVERIFY(saved);
        QCOMPARE(saved->accessKeyId, AccessKey);
        settings->sync();
        QFile file(settings->fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(SecretKey.toUtf8()));

        // Accepting chooses it.
        dialog->accept();
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(dialog->choice().kind, Kind::AppProfile);
        QCOMPARE(dialog->choice().profile, QStringLiteral("bench"));

        // Removing asks; Cancel keeps it, Yes removes it and its secret.
        auto again = makeDialog(dialog->choice());
        answerNextMessageBox(QMessageBox::Cancel);
        QTest::mouseClick(again->findChild<QPushButton *>(QStringLiteral("removeProfileButton")), Qt::LeftButton);
        QVERIFY(listed(again.get()).contains(QStringLiteral("bench")));
        answerNextMessageBox(QMessageBox::Yes);
        QTest::mouseClick(again->findChild<QPushButton *>(QStringLiteral("removeProfileButton")), Qt::LeftButton);
        QTRY_VERIFY(!listed(again.get()).contains(QStringLiteral("bench")));
        QVERIFY(!Settings::AppProfiles::load(*Settings::openUserSettings(), QStringLiteral("bench")));
        Aws::SecretJob *read = m_secrets.read(QStringLiteral("profile/bench/secret-access-key"), this);
        auto outcome = Aws::SecretJob::Outcome::Pending;
        connect(read, &Aws::SecretJob::finished, this, [&outcome, read] { outcome = read->outcome(); });
        QTRY_COMPARE(outcome, Aws::SecretJob::Outcome::NotFound);
    }

    // Without a connection the window shows the first screen, whose sandbox button asks for
    // the sandbox.
    void firstScreen()
    {
        MainWindow window;
        window.setConnection(nullptr, {});
        window.show();
        WelcomePage *welcome = window.welcomePage();
        QVERIFY(welcome);
        QVERIFY(welcome->isVisible());
        QVERIFY(welcome->problem().startsWith(QStringLiteral("No AWS credentials were found")));
        QSignalSpy requested(&window, &MainWindow::connectRequested);
        QTest::mouseClick(welcome->findChild<QPushButton *>(QStringLiteral("welcomeSandboxButton")), Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.constFirst().constFirst().value<Settings::ConnectionChoice>().kind, Kind::Sandbox);
    }

    // Switching connections: the window drops what the old one listed (its calls cancelled)
    // and lists the new one's things; the old connection can then go.
    void switchingConnections()
    {
        QString error;
        auto first = makeConnection(&error);
        auto second = makeConnection(&error);
        MainWindow window;
        window.show();
        const Settings::ConnectionChoice sandbox{Kind::Sandbox, {}, {}, {}, {}};
        window.setConnection(first.get(), sandbox);
        QSignalSpy loaded(window.thingsPane(), &ThingsPane::loadFinished);
        first->start();
        QCOMPARE(window.endpointDescription(), QStringLiteral("Sandbox · %1 · us-east-1 · connecting…").arg(m_rig.server.endpoint().toString()));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(window.endpointDescription(), QStringLiteral("Sandbox · %1 · us-east-1 · connected").arg(m_rig.server.endpoint().toString()));
        QCOMPARE(window.thingsPane()->model()->rowCount(), 50);
        window.setConnection(second.get(), sandbox);
        first.reset();
        QCOMPARE(window.thingsPane()->model()->rowCount(), 0);
        second->start();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(window.thingsPane()->model()->rowCount(), 50);
        // A connection that fails shows the first screen with the reason.
        window.setConnection(nullptr, sandbox, QStringLiteral("the sandbox did not start"));
        QVERIFY(window.welcomePage());
        QCOMPARE(window.welcomePage()->problem(), QStringLiteral("Not connected: the sandbox did not start"));
    }

    // The docks come back as they were left.
    void layoutRestored()
    {
        {
            MainWindow window;
            window.show();
            window.findChild<QDockWidget *>(QStringLiteral("retainedPane"))->close();
            window.close();
        }
        MainWindow window;
        window.restoreLayout();
        window.show();
        QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("retainedPane"))->isVisible());
        QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("thingsPane"))->isVisible());
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
