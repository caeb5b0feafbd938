// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentialprocess.h"

#include <QTest>
#include <QTimeZone>

using namespace Aws;

class TestCredentialProcess : public QObject
{
    Q_OBJECT

private slots:
    void splitCommandLine_data();
    void splitCommandLine();
    void parseOutput_data();
    void parseOutput();
};

// Command lines split as Python's shlex.split (POSIX), which the aws CLI uses: whitespace
// separates, quotes group, backslash escapes; no globbing, variables or comments.
void TestCredentialProcess::splitCommandLine_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<bool>("error");

    QTest::newRow("one word") << QStringLiteral("/usr/bin/creds")
                              << QStringList { QStringLiteral("/usr/bin/creds") } << false;
    QTest::newRow("spaces and tabs")
        << QStringLiteral("  creds \t --profile   ci  ")
        << QStringList { QStringLiteral("creds"), QStringLiteral("--profile"),
                         QStringLiteral("ci") }
        << false;
    QTest::newRow("double quotes group")
        << QStringLiteral("creds --name \"a b\"")
        << QStringList { QStringLiteral("creds"), QStringLiteral("--name"), QStringLiteral("a b") }
        << false;
    QTest::newRow("single quotes are literal")
        << QStringLiteral("sh -c 'echo \"$HOME\" \\n'")
        << QStringList { QStringLiteral("sh"), QStringLiteral("-c"),
                         QStringLiteral("echo \"$HOME\" \\n") }
        << false;
    QTest::newRow("quotes join with adjacent text")
        << QStringLiteral("a\"b c\"d'e f'g") << QStringList { QStringLiteral("ab cde fg") }
        << false;
    QTest::newRow("empty quotes are an empty word")
        << QStringLiteral("creds \"\" ''")
        << QStringList { QStringLiteral("creds"), QString(), QString() } << false;
    QTest::newRow("backslash escapes outside quotes")
        << QStringLiteral("a\\ b c\\\"d")
        << QStringList { QStringLiteral("a b"), QStringLiteral("c\"d") } << false;
    QTest::newRow("backslash in double quotes escapes only quote and backslash")
        << QStringLiteral("\"a\\\"b\\\\c\\d\"") << QStringList { QStringLiteral("a\"b\\c\\d") }
        << false;
    QTest::newRow("no variable or glob expansion")
        << QStringLiteral("creds $HOME *.json ~")
        << QStringList { QStringLiteral("creds"), QStringLiteral("$HOME"), QStringLiteral("*.json"),
                         QStringLiteral("~") }
        << false;
    QTest::newRow("# is an ordinary character")
        << QStringLiteral("creds #x")
        << QStringList { QStringLiteral("creds"), QStringLiteral("#x") } << false;
    QTest::newRow("unterminated double quote")
        << QStringLiteral("creds \"a b") << QStringList() << true;
    QTest::newRow("unterminated single quote")
        << QStringLiteral("creds 'a") << QStringList() << true;
    QTest::newRow("trailing backslash") << QStringLiteral("creds \\") << QStringList() << true;
    QTest::newRow("empty") << QString() << QStringList() << true;
    QTest::newRow("blank") << QStringLiteral("   ") << QStringList() << true;
}

void TestCredentialProcess::splitCommandLine()
{
    QFETCH(QString, commandLine);
    QFETCH(QStringList, words);
    QFETCH(bool, error);
    const CredentialProcess::SplitCommand split = CredentialProcess::splitCommandLine(commandLine);
    QCOMPARE(split.words, words);
    QCOMPARE(!split.error.isEmpty(), error);
}

// The JSON of a credential process, Version 1: both keys required, token and expiration
// optional, the expiration an ISO 8601 time with a zone; anything else is a clear error.
void TestCredentialProcess::parseOutput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("keyId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QDateTime>("expiration"); // invalid: none
    QTest::addColumn<QString>("errorContains"); // empty: success

    const QDateTime noon(QDate(2030, 1, 2), QTime(12, 0), QTimeZone::utc());
    QTest::newRow("permanent") << QByteArrayLiteral(
        R"({"Version":1,"AccessKeyId":"AKID","SecretAccessKey":"s"})")
                               << QStringLiteral("AKID") << QStringLiteral("s") << QString()
                               << QDateTime() << QString();
    QTest::newRow("temporary, Z") << QByteArrayLiteral(
        R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"s",
                                 "SessionToken":"t","Expiration":"2030-01-02T12:00:00Z"})")
                                  << QStringLiteral("A") << QStringLiteral("s")
                                  << QStringLiteral("t") << noon << QString();
    QTest::newRow("offset and milliseconds (the CLI's form)")
        << QByteArrayLiteral(R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"s",
                                 "Expiration":"2030-01-02T14:00:00.000+02:00"})")
        << QStringLiteral("A") << QStringLiteral("s") << QString() << noon << QString();
    QTest::newRow("null token") << QByteArrayLiteral(
        R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"s","SessionToken":null})")
                                << QStringLiteral("A") << QStringLiteral("s") << QString()
                                << QDateTime() << QString();
    QTest::newRow("extra members ignored")
        << QByteArrayLiteral(R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"s","x":[1]})")
        << QStringLiteral("A") << QStringLiteral("s") << QString() << QDateTime() << QString();
    QTest::newRow("not JSON") << QByteArrayLiteral("AKID secret") << QString() << QString()
                              << QString() << QDateTime() << QStringLiteral("not a JSON object");
    QTest::newRow("empty output") << QByteArray() << QString() << QString() << QString()
                                  << QDateTime() << QStringLiteral("not a JSON object");
    QTest::newRow("array") << QByteArrayLiteral("[]") << QString() << QString() << QString()
                           << QDateTime() << QStringLiteral("not a JSON object");
    QTest::newRow("no Version") << QByteArrayLiteral(R"({"AccessKeyId":"A","SecretAccessKey":"s"})")
                                << QString() << QString() << QString() << QDateTime()
                                << QStringLiteral("no \"Version\"");
    QTest::newRow("Version 2") << QByteArrayLiteral(
        R"({"Version":2,"AccessKeyId":"A","SecretAccessKey":"s"})")
                               << QString() << QString() << QString() << QDateTime()
                               << QStringLiteral("\"Version\": 2, but only version 1");
    QTest::newRow("Version as string")
        << QByteArrayLiteral(R"({"Version":"1","AccessKeyId":"A","SecretAccessKey":"s"})")
        << QString() << QString() << QString() << QDateTime()
        << QStringLiteral("\"Version\": \"1\", but only version 1");
    QTest::newRow("missing secret")
        << QByteArrayLiteral(R"({"Version":1,"AccessKeyId":"A"})") << QString() << QString()
        << QString() << QDateTime() << QStringLiteral("\"SecretAccessKey\"");
    QTest::newRow("empty key id") << QByteArrayLiteral(
        R"({"Version":1,"AccessKeyId":"","SecretAccessKey":"s"})")
                                  << QString() << QString() << QString() << QDateTime()
                                  << QStringLiteral("\"AccessKeyId\"");
    QTest::newRow("number as key id")
        << QByteArrayLiteral(R"({"Version":1,"AccessKeyId":5,"SecretAccessKey":"s"})") << QString()
        << QString() << QString() << QDateTime()
        << QStringLiteral("\"AccessKeyId\" that is not a string");
    QTest::newRow("bad expiration")
        << QByteArrayLiteral(
               R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"s","Expiration":"tomorrow"})")
        << QString() << QString() << QString() << QDateTime()
        << QStringLiteral("\"Expiration\" that is not an ISO 8601 time");
    QTest::newRow("expiration without a zone")
        << QByteArrayLiteral(R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":"s",
                                 "Expiration":"2030-01-02T12:00:00"})")
        << QString() << QString() << QString() << QDateTime() << QStringLiteral("with a time zone");
}

void TestCredentialProcess::parseOutput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, keyId);
    QFETCH(QString, secret);
    QFETCH(QString, token);
    QFETCH(QDateTime, expiration);
    QFETCH(QString, errorContains);
    const CredentialProcess::Parsed parsed = CredentialProcess::parseOutput(json);
    if (!errorContains.isEmpty()) {
        QVERIFY(!parsed.credentials);
        QVERIFY2(parsed.error.contains(errorContains), qPrintable(parsed.error));
        return;
    }
    QVERIFY2(parsed.credentials, qPrintable(parsed.error));
    QCOMPARE(parsed.credentials->keys.accessKeyId, keyId);
    QCOMPARE(parsed.credentials->keys.secretAccessKey, secret);
    QCOMPARE(parsed.credentials->keys.sessionToken, token);
    QCOMPARE(parsed.credentials->expiration.has_value(), expiration.isValid());
    if (expiration.isValid())
        QCOMPARE(*parsed.credentials->expiration, expiration);
}

QTEST_GUILESS_MAIN(TestCredentialProcess)
#include "tst_credentialprocess.moc"
