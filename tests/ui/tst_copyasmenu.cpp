// SPDX-License-Identifier: GPL-3.0-or-later
// The Copy As menu: disabled without a target; each action puts its string on the clipboard
// and says so; the presigned URL asks for its expiry, remembers it, warns when temporary
// credentials end sooner, and reports a missing credential instead of copying.
#include "copyasmenu.h"

#include "aws/credentials.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QUrlQuery>

namespace {

// A provider that has nothing (as an unconfigured chain).
class NoCredentials final : public Aws::CredentialsProvider
{
public:
    Aws::CredentialsJob *resolve(QObject *parent) override
    {
        auto *job = new Aws::CredentialsJob(parent);
        job->finishNotConfigured(QStringLiteral("no profile"));
        return job;
    }
};

Iot::CopyAsContext context()
{
    Iot::CopyAsContext context;
    context.endpoint = QUrl(QStringLiteral("https://abc-ats.iot.eu-west-1.amazonaws.com"));
    context.region = QStringLiteral("eu-west-1");
    context.profile = QStringLiteral("dev");
    return context;
}

} // namespace

class TestCopyAsMenu : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void commandsToClipboard()
    {
        Aws::StaticCredentialsProvider credentials(
            { { QStringLiteral("AKID"), QStringLiteral("s"), {} }, std::nullopt, {} });
        QWidget window;
        CopyAsMenu menu(context(), &credentials, &window);
        QSignalSpy copied(&menu, &CopyAsMenu::copied);
        for (QAction *action : menu.actions())
            QVERIFY(!action->isEnabled());
        QVERIFY(!menu.awsCliAction()->shortcut().isEmpty());

        const auto target = Iot::CopyAsTarget::retainedMessage(QStringLiteral("a/b c"));
        menu.setTarget(target);
        QVERIFY(menu.awsCliAction()->isEnabled());
        menu.awsCliAction()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 Iot::CopyAs::awsCliCommand(context(), target));
        QCOMPARE(copied.size(), 1);

        menu.setCurlVersion(QVersionNumber(7, 88, 1));
        menu.curlAction()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 Iot::CopyAs::curlCommand(context(), target, QVersionNumber(7, 88, 1)));
        QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("--request-target")));
        QCOMPARE(copied.size(), 2);

        menu.setTarget(std::nullopt);
        QVERIFY(!menu.curlAction()->isEnabled());
    }

    // The local curl's version is read on its own (this machine has curl).
    void detectsCurl()
    {
        Aws::StaticCredentialsProvider credentials(
            { { QStringLiteral("AKID"), QStringLiteral("s"), {} }, std::nullopt, {} });
        CopyAsMenu menu(context(), &credentials);
        QTRY_VERIFY_WITH_TIMEOUT(!menu.curlVersion().isNull(), 10000);
    }

    // 15 minutes chosen: the URL says X-Amz-Expires=900 and the choice is offered next time.
    // Temporary credentials ending in 2 hours: a 3-hour URL's message says it ends with them.
    void presignedUrlAsksForExpiry()
    {
        const QDateTime expiry = QDateTime::currentDateTimeUtc().addSecs(7200);
        Aws::StaticCredentialsProvider credentials(
            { { QStringLiteral("ASIAKID"), QStringLiteral("s"), QStringLiteral("token") },
              expiry,
              {} });
        QWidget window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CopyAsMenu menu(context(), &credentials, &window);
        QSignalSpy copied(&menu, &CopyAsMenu::copied);
        menu.setTarget(Iot::CopyAsTarget::shadow(QStringLiteral("lamp"), QStringLiteral("cfg")));
        QCOMPARE(menu.lastExpirySeconds(), 3600);

        menu.presignedUrlAction()->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<QDialog *>(QStringLiteral("presignExpiryDialog"))));
        auto *value = dialog->findChild<QSpinBox *>(QStringLiteral("presignExpiryValue"));
        auto *unit = dialog->findChild<QComboBox *>(QStringLiteral("presignExpiryUnit"));
        QCOMPARE(value->value(), 1);
        QCOMPARE(unit->currentText(), QStringLiteral("hours"));
        QCOMPARE(value->maximum(), 168);
        unit->setCurrentIndex(1);
        QCOMPARE(unit->currentText(), QStringLiteral("minutes"));
        QCOMPARE(value->maximum(), 7 * 24 * 60);
        value->setValue(15);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QVERIFY(copied.wait(5000));
        QCOMPARE(menu.lastExpirySeconds(), 900);
        const QUrl url(QGuiApplication::clipboard()->text(), QUrl::StrictMode);
        QVERIFY(url.isValid());
        QCOMPARE(url.path(), QStringLiteral("/things/lamp/shadow"));
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(QStringLiteral("name")), QStringLiteral("cfg"));
        QCOMPARE(query.queryItemValue(QStringLiteral("X-Amz-Expires")), QStringLiteral("900"));
        QCOMPARE(query.queryItemValue(QStringLiteral("X-Amz-Security-Token")),
                 QStringLiteral("token"));
        QVERIFY2(!copied.last().at(0).toString().contains(QStringLiteral("temporary")),
                 qPrintable(copied.last().at(0).toString()));

        menu.presignedUrlAction()->trigger();
        QTRY_VERIFY((dialog = window.findChild<QDialog *>(QStringLiteral("presignExpiryDialog"))));
        QCOMPARE(dialog->findChild<QSpinBox *>(QStringLiteral("presignExpiryValue"))->value(), 15);
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("presignExpiryUnit"))->currentText(),
                 QStringLiteral("minutes"));
        dialog->reject();

        menu.copyPresignedUrl(3 * 3600);
        QVERIFY(copied.wait(5000));
        QVERIFY2(copied.last().at(0).toString().contains(QStringLiteral("temporary credentials")),
                 qPrintable(copied.last().at(0).toString()));
    }

    // Without credentials nothing is copied and failed() says why.
    void presignedUrlWithoutCredentials()
    {
        NoCredentials credentials;
        CopyAsMenu menu(context(), &credentials);
        QSignalSpy copied(&menu, &CopyAsMenu::copied);
        QSignalSpy failed(&menu, &CopyAsMenu::failed);
        menu.setTarget(Iot::CopyAsTarget::shadow(QStringLiteral("lamp")));
        QGuiApplication::clipboard()->setText(QStringLiteral("before"));
        menu.copyPresignedUrl(60);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.last().at(0).toString(), QStringLiteral("No presigned URL: no profile"));
        QCOMPARE(copied.size(), 0);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("before"));
    }
};

QTEST_MAIN(TestCopyAsMenu)
#include "tst_copyasmenu.moc"
