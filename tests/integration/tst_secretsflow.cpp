// SPDX-License-Identifier: GPL-3.0-or-later
// Where a session's secrets could leak while it works, with real signed requests: a window on
// the in-process sandbox signing with a key pair and a session token (as temporary AWS
// credentials do) makes requests, saves a shadow edit as a crash draft, copies the aws CLI
// and curl commands, and sends one request to an endpoint that echoes every header it got
// (Authorization, x-amz-security-token) in its error message. Then no role of any request log
// row, no detail text, no draft file, no file under HOME and no copied command holds the
// secret key, the session token or the signature; the commands read the keys from the
// environment.
#include "copyasmenu.h"
#include "jsontextedit.h"
#include "loopbackhttpserver.h"
#include "mainwindow.h"
#include "requestlogview.h"
#include "sandboxrig.h"
#include "settings/applicationidentity.h"
#include "settings/draftstore.h"
#include "shadoweditor.h"
#include "shadowview.h"
#include "widgetwaits.h"
#include "windowfixture.h"
#include "workspace.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QDirIterator>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QLabel>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTreeView>

namespace {

const QString Thermostat = QStringLiteral("hvac-b2-floor3-01");

// A token no file could hold by chance, shaped like STS's (base64).
QString randomToken()
{
    QByteArray bytes;
    for (int i = 0; i < 120; ++i)
        bytes.append(char(QRandomGenerator::system()->bounded(256)));
    return QString::fromLatin1(bytes.toBase64());
}

/**
 * Answers every request with a 403 whose message is the request's whole header block, as a
 * careless proxy might; keeps the last request's Authorization header.
 */
class EchoServer : public LoopbackHttpServer
{
public:
    EchoServer()
        : LoopbackHttpServer([this](QTcpSocket *socket, const QByteArray &head) { echo(socket, head); })
    {
    }

    QByteArray authorization;
    QByteArray securityToken;

private:
    void echo(QTcpSocket *socket, const QByteArray &head)
    {
        for (const QByteArray &line : head.split('\n')) {
            const QByteArray name = line.left(line.indexOf(':')).trimmed().toLower();
            const QByteArray value = line.mid(line.indexOf(':') + 1).trimmed();
            if (name == "authorization")
                authorization = value;
            else if (name == "x-amz-security-token")
                securityToken = value;
        }
        QByteArray echoed = head;
        echoed.replace('\\', "\\\\").replace('"', "\\\"").replace("\r\n", "\\n");
        socket->write(httpResponse("403 Forbidden", R"({"message":"Forbidden: you sent )" + echoed + R"("})"));
    }
};

} // namespace

class TestSecretsFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Settings::applyApplicationIdentity();
        QVERIFY(removeStoredDrafts());
    }

    void secretsNeverLeaveTheSession()
    {
        const QString token = randomToken();
        Sandbox::ServerOptions options = SandboxRig::demo();
        options.sessionToken = token;
        SandboxRig rig;
        QVERIFY(rig.start(options));
        EchoServer echo;
        QVERIFY(echo.listen());

        // Temporary credentials, as for AWS: no key pair the copied commands could show.
        Iot::ConnectionSetup setup = rig.connectionSetup();
        setup.credentials = std::make_unique<Aws::StaticCredentialsProvider>(Aws::Credentials{
            {SandboxRig::AccessKey, SandboxRig::SecretKey, token}, std::nullopt, QStringLiteral("a test")});
        setup.sandboxKeys = {};
        Iot::Connection connection(&rig.network, std::move(setup));
        MainWindow window;
        QVERIFY(connectWindow(window, connection));

        // A shadow, read and edited: the edit is autosaved as a draft (what a crash leaves).
        ShadowView *view = openLoadedShadow(window, Thermostat, QStringLiteral("firmware"), Workspace::Mode::Preview);
        QVERIFY(view);
        QVERIFY2(view->document(), "the signed GetThingShadow with the session token failed");
        view->edit();
        QSignalSpy draftSaved(window.drafts(), &Settings::DraftStore::changed);
        view->editor()->textEdit()->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(view->editor()->textEdit(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(view->editor()->textEdit(), QStringLiteral(R"({"version": "9.9.9"})"));
        QVERIFY(draftSaved.wait(10000));

        // One request to an endpoint that echoes what it was sent.
        Iot::ApiCall *echoed = connection.executor()->send(
            Iot::Endpoint{echo.url(), {connection.region(), QStringLiteral("iotdata")}, {}}, "GET",
            "/things/lamp/shadow");
        bool echoDone = false;
        QString echoError;
        connect(echoed, &Iot::ApiCall::finished, this, [&, echoed] {
            echoDone = true;
            echoError = echoed->error().message;
        });
        QTRY_VERIFY_WITH_TIMEOUT(echoDone, 10000);
        QVERIFY(echo.authorization.startsWith("AWS4-HMAC-SHA256 Credential="));
        QCOMPARE(QString::fromLatin1(echo.securityToken), token);
        // The caller gets the answer as it came (it is not stored anywhere).
        QVERIFY(echoError.contains(QStringLiteral("Forbidden: you sent")));
        const QByteArray signature = echo.authorization.mid(echo.authorization.indexOf("Signature=") + 10);
        QCOMPARE(signature.size(), 64);

        // The copied commands.
        CopyAsMenu *copyAs = window.copyAsMenu();
        QVERIFY(copyAs->awsCliAction()->isEnabled());
        QClipboard *clipboard = QGuiApplication::clipboard();
        copyAs->copyAwsCliCommand();
        const QString awsCli = clipboard->text();
        copyAs->copyCurlCommand();
        const QString curl = clipboard->text();
        QVERIFY2(awsCli.startsWith(QStringLiteral("aws iot-data get-thing-shadow")), qPrintable(awsCli));
        QVERIFY2(curl.startsWith(QStringLiteral("curl ")), qPrintable(curl));
        // Keys from the environment (the CLI's own chain; curl's variables), never inlined.
        QVERIFY2(!awsCli.contains(QStringLiteral("AWS_SECRET_ACCESS_KEY=")), qPrintable(awsCli));
        QVERIFY2(curl.contains(QStringLiteral(R"(--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY")")), qPrintable(curl));
        QVERIFY2(curl.contains(QStringLiteral("$AWS_SESSION_TOKEN")), qPrintable(curl));

        // The request log: every role of every cell, and the details of every row.
        auto *table = window.findChild<QTreeView *>(QStringLiteral("requestLogTable"));
        auto *details = window.findChild<QLabel *>(QStringLiteral("requestLogDetails"));
        QVERIFY(table && details);
        const QAbstractItemModel *log = table->model();
        QVERIFY(log->rowCount() >= 4); // DescribeEndpoint, ListThings, the shadows, the echo
        QStringList logged;
        bool sawEcho = false;
        for (int row = 0; row < log->rowCount(); ++row) {
            for (int column = 0; column < log->columnCount(); ++column) {
                const QModelIndex index = log->index(row, column);
                for (int role = 0; role <= Qt::UserRole + 16; ++role) {
                    const QVariant value = index.data(role);
                    if (value.canConvert<Iot::RequestLogEntry>()) {
                        const auto entry = value.value<Iot::RequestLogEntry>();
                        logged << entry.operation << QString::fromLatin1(entry.method) << entry.target
                               << entry.requestId << entry.errorCode << entry.errorMessage;
                        sawEcho = sawEcho || entry.errorMessage.contains(QStringLiteral("you sent"));
                    } else {
                        logged << value.toString();
                    }
                }
            }
            table->selectionModel()->setCurrentIndex(log->index(row, 0),
                                                     QItemSelectionModel::ClearAndSelect
                                                         | QItemSelectionModel::Rows);
            logged << details->text() << details->toolTip();
        }
        QVERIFY2(sawEcho, "the echoed answer is not in the log");

        // The drafts, and everything under HOME.
        QStringList files;
        QDirIterator drafts(window.drafts()->directory(), QDir::Files | QDir::Hidden);
        while (drafts.hasNext())
            files << drafts.next();
        QCOMPARE(files.size(), 1);
        QDirIterator home(QDir::homePath(), QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                          QDirIterator::Subdirectories);
        while (home.hasNext())
            files << home.next();

        const QList<QByteArray> needles{SandboxRig::SecretKey.toUtf8(), token.toUtf8(),
                                        echo.authorization, signature};
        const QRegularExpression anySignature(QStringLiteral("[0-9a-f]{64}"));
        // A value that is neither redacted nor a variable the shell expands.
        const QRegularExpression signedValue(QStringLiteral("(Signature=|Authorization:\\s*+|x-amz-security-token:\\s*+)(?!\\[redacted\\]|\\$AWS_)"),
                                             QRegularExpression::CaseInsensitiveOption);
        for (const QString &text : std::as_const(logged) + QStringList{awsCli, curl}) {
            for (const QByteArray &needle : needles)
                QVERIFY2(!text.contains(QString::fromUtf8(needle)), qPrintable(text));
            QVERIFY2(!anySignature.match(text).hasMatch(), qPrintable(text));
            QVERIFY2(!signedValue.match(text).hasMatch(), qPrintable(text));
        }
        QVERIFY(files.size() > 1);
        for (const QString &path : std::as_const(files)) {
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray content = file.readAll();
            for (const QByteArray &needle : needles)
                QVERIFY2(!content.contains(needle) && !content.contains(needle.toBase64()), qPrintable(path));
        }
    }
};

QTEST_MAIN(TestSecretsFlow)
#include "tst_secretsflow.moc"
