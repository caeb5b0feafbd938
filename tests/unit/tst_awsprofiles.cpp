// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/awsprofiles.h"

#include "../scopedenvironment.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Aws;

namespace {

using Plane = AwsProfiles::Plane;

// "NAME=value;NAME2=value" into the environment.
void setAll(ScopedEnvironment &environment, const QString &assignments)
{
    for (const QString &assignment : assignments.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype equals = assignment.indexOf(u'=');
        environment.set(assignment.left(equals).toLatin1().constData(),
                        assignment.mid(equals + 1).toUtf8());
    }
}

bool writeFile(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) == text.toUtf8().size();
}

} // namespace

class TestAwsProfiles : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void filePaths_data();
    void filePaths();
    void displayPath();
    void selectedProfile_data();
    void selectedProfile();
    void loadMergesBothFiles();
    void loadReadsTheFilesTheEnvironmentNames();
    void loadWithoutFilesIsEmpty();
    void region_data();
    void region();
    void caBundle_data();
    void caBundle();
    void endpoint_data();
    void endpoint();

private:
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ScopedEnvironment> m_environment;
};

void TestAwsProfiles::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_environment = std::make_unique<ScopedEnvironment>();
    m_environment->set("HOME", QFile::encodeName(m_home->path()));
}

void TestAwsProfiles::cleanup()
{
    m_environment.reset();
    m_home.reset();
}

// The files are ~/.aws/config and ~/.aws/credentials unless AWS_CONFIG_FILE and
// AWS_SHARED_CREDENTIALS_FILE name others; a leading ~ is the home directory.
void TestAwsProfiles::filePaths_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("config"); // "~" stands for HOME here
    QTest::addColumn<QString>("credentials");
    QTest::newRow("defaults") << QString() << QStringLiteral("~/.aws/config")
                              << QStringLiteral("~/.aws/credentials");
    QTest::newRow("absolute") << QStringLiteral(
        "AWS_CONFIG_FILE=/etc/a/config;AWS_SHARED_CREDENTIALS_FILE=/etc/a/creds")
                              << QStringLiteral("/etc/a/config") << QStringLiteral("/etc/a/creds");
    QTest::newRow("tilde") << QStringLiteral(
        "AWS_CONFIG_FILE=~/x/config;AWS_SHARED_CREDENTIALS_FILE=~")
                           << QStringLiteral("~/x/config") << QStringLiteral("~");
    QTest::newRow("tilde of another user stays")
        << QStringLiteral("AWS_CONFIG_FILE=~bob/config") << QStringLiteral("~bob/config")
        << QStringLiteral("~/.aws/credentials");
    QTest::newRow("empty variables count as unset")
        << QStringLiteral("AWS_CONFIG_FILE=;AWS_SHARED_CREDENTIALS_FILE=  ")
        << QStringLiteral("~/.aws/config") << QStringLiteral("~/.aws/credentials");
}

void TestAwsProfiles::filePaths()
{
    QFETCH(QString, environment);
    QFETCH(QString, config);
    QFETCH(QString, credentials);
    setAll(*m_environment, environment);
    const auto expand = [this](const QString &path) -> QString {
        return path == QLatin1String("~") || path.startsWith(QLatin1String("~/"))
            ? m_home->path() + path.mid(1)
            : path;
    };
    QCOMPARE(AwsProfiles::configFilePath(), expand(config));
    QCOMPARE(AwsProfiles::credentialsFilePath(), expand(credentials));
}

// Messages show paths under the home directory with "~".
void TestAwsProfiles::displayPath()
{
    QCOMPARE(AwsProfiles::displayPath(m_home->path() + QLatin1String("/.aws/config")),
             QStringLiteral("~/.aws/config"));
    QCOMPARE(AwsProfiles::displayPath(QStringLiteral("/etc/aws/config")),
             QStringLiteral("/etc/aws/config"));
    QCOMPARE(AwsProfiles::displayPath(m_home->path() + QLatin1String("x/config")),
             m_home->path() + QLatin1String("x/config"));
}

// The caller's profile wins, then AWS_PROFILE, then "default".
void TestAwsProfiles::selectedProfile_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nothing") << QString() << QString() << QStringLiteral("default");
    QTest::newRow("AWS_PROFILE") << QString() << QStringLiteral("AWS_PROFILE=dev")
                                 << QStringLiteral("dev");
    QTest::newRow("given wins") << QStringLiteral("ci") << QStringLiteral("AWS_PROFILE=dev")
                                << QStringLiteral("ci");
    QTest::newRow("blank given") << QStringLiteral("  ") << QStringLiteral("AWS_PROFILE=dev")
                                 << QStringLiteral("dev");
    QTest::newRow("empty AWS_PROFILE")
        << QString() << QStringLiteral("AWS_PROFILE=") << QStringLiteral("default");
}

void TestAwsProfiles::selectedProfile()
{
    QFETCH(QString, given);
    QFETCH(QString, environment);
    QFETCH(QString, expected);
    setAll(*m_environment, environment);
    QCOMPARE(AwsProfiles::selectedProfile(given), expected);
}

// Both files are read; names are the union; the credentials file wins a key both have.
void TestAwsProfiles::loadMergesBothFiles()
{
    QVERIFY(writeFile(m_home->path() + QLatin1String("/.aws/config"),
                      QStringLiteral("[default]\nregion = eu-west-1\n"
                                     "[profile dev]\nregion = us-east-2\n"
                                     "aws_access_key_id = FROMCONFIG\n"
                                     "[profile only-config]\noutput = json\n")));
    QVERIFY(writeFile(m_home->path() + QLatin1String("/.aws/credentials"),
                      QStringLiteral("[dev]\naws_access_key_id = FROMCREDENTIALS\n"
                                     "aws_secret_access_key = s\n[only-creds]\nk = v\n")));
    const AwsProfiles profiles = AwsProfiles::load();
    QCOMPARE(profiles.profileNames(),
             QStringList({ QStringLiteral("default"), QStringLiteral("dev"),
                           QStringLiteral("only-config"), QStringLiteral("only-creds") }));
    const AwsConfigFile::Settings dev = profiles.settings(QStringLiteral("dev"));
    QCOMPARE(dev.value(QStringLiteral("aws_access_key_id")), QStringLiteral("FROMCREDENTIALS"));
    QCOMPARE(dev.value(QStringLiteral("aws_secret_access_key")), QStringLiteral("s"));
    QCOMPARE(dev.value(QStringLiteral("region")), QStringLiteral("us-east-2"));
    QCOMPARE(profiles.configFileSettings(QStringLiteral("dev"))
                 .value(QStringLiteral("aws_access_key_id")),
             QStringLiteral("FROMCONFIG"));
    QVERIFY(profiles.hasProfile(QStringLiteral("only-creds")));
    QVERIFY(!profiles.hasProfile(QStringLiteral("missing")));
    QVERIFY(profiles.settings(QStringLiteral("missing")).isEmpty());
}

// AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE replace the files in ~/.aws.
void TestAwsProfiles::loadReadsTheFilesTheEnvironmentNames()
{
    QVERIFY(writeFile(m_home->path() + QLatin1String("/.aws/config"),
                      QStringLiteral("[profile home]\nregion = a\n")));
    QVERIFY(writeFile(m_home->path() + QLatin1String("/elsewhere/cfg"),
                      QStringLiteral("[profile moved]\nregion = b\n")));
    QVERIFY(writeFile(m_home->path() + QLatin1String("/elsewhere/creds"),
                      QStringLiteral("[keys]\naws_access_key_id = A\n")));
    m_environment->set("AWS_CONFIG_FILE", QByteArrayLiteral("~/elsewhere/cfg"));
    m_environment->set("AWS_SHARED_CREDENTIALS_FILE",
                       QFile::encodeName(m_home->path() + QLatin1String("/elsewhere/creds")));
    QCOMPARE(AwsProfiles::load().profileNames(),
             QStringList({ QStringLiteral("keys"), QStringLiteral("moved") }));
}

// Missing files are empty, not an error.
void TestAwsProfiles::loadWithoutFilesIsEmpty()
{
    const AwsProfiles profiles = AwsProfiles::load();
    QVERIFY(profiles.profileNames().isEmpty());
    QVERIFY(!profiles.hasProfile(QStringLiteral("default")));
}

// AWS_REGION, then AWS_DEFAULT_REGION, then the profile's region, else empty (the UI asks).
void TestAwsProfiles::region_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("expected");
    QTest::newRow("profile") << QString() << QStringLiteral("dev") << QStringLiteral("us-east-2");
    QTest::newRow("default profile")
        << QString() << QStringLiteral("default") << QStringLiteral("eu-west-1");
    QTest::newRow("AWS_DEFAULT_REGION over profile")
        << QStringLiteral("AWS_DEFAULT_REGION=ap-south-1") << QStringLiteral("dev")
        << QStringLiteral("ap-south-1");
    QTest::newRow("AWS_REGION over AWS_DEFAULT_REGION")
        << QStringLiteral("AWS_DEFAULT_REGION=ap-south-1;AWS_REGION=sa-east-1")
        << QStringLiteral("dev") << QStringLiteral("sa-east-1");
    QTest::newRow("empty AWS_REGION is unset")
        << QStringLiteral("AWS_REGION=") << QStringLiteral("dev") << QStringLiteral("us-east-2");
    QTest::newRow("credentials file region wins")
        << QString() << QStringLiteral("both") << QStringLiteral("from-credentials");
    QTest::newRow("none") << QString() << QStringLiteral("noregion") << QString();
    QTest::newRow("missing profile") << QString() << QStringLiteral("missing") << QString();
}

void TestAwsProfiles::region()
{
    QFETCH(QString, environment);
    QFETCH(QString, profile);
    QFETCH(QString, expected);
    setAll(*m_environment, environment);
    const AwsProfiles profiles = AwsProfiles::fromText(
        QStringLiteral("[default]\nregion = eu-west-1\n[profile dev]\nregion = us-east-2\n"
                       "[profile both]\nregion = from-config\n[profile noregion]\noutput = json\n"),
        QStringLiteral("[both]\nregion = from-credentials\n"));
    QCOMPARE(profiles.region(profile), expected);
}

// AWS_CA_BUNDLE, else the profile's ca_bundle, with ~ expanded.
void TestAwsProfiles::caBundle_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("expected"); // "~" stands for HOME
    QTest::newRow("none") << QString() << QStringLiteral("plain") << QString();
    QTest::newRow("profile") << QString() << QStringLiteral("corp")
                             << QStringLiteral("~/certs/corp.pem");
    QTest::newRow("environment wins")
        << QStringLiteral("AWS_CA_BUNDLE=/etc/ssl/mine.pem") << QStringLiteral("corp")
        << QStringLiteral("/etc/ssl/mine.pem");
}

void TestAwsProfiles::caBundle()
{
    QFETCH(QString, environment);
    QFETCH(QString, profile);
    QFETCH(QString, expected);
    setAll(*m_environment, environment);
    const AwsProfiles profiles = AwsProfiles::fromText(
        QStringLiteral("[profile corp]\nca_bundle = ~/certs/corp.pem\n[profile plain]\n"), {});
    QCOMPARE(profiles.caBundle(profile),
             expected.startsWith(u'~') ? m_home->path() + expected.mid(1) : expected);
}

// The SDKs' order: explicit, service variable, AWS_ENDPOINT_URL, the services section, the
// profile's endpoint_url, else none; plain http only to loopback; the ignore switches.
void TestAwsProfiles::endpoint_data()
{
    QTest::addColumn<Plane>("plane");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("explicitUrl");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("expectedUrl");
    QTest::addColumn<QString>("expectedSource");
    QTest::addColumn<bool>("refused");

    const Plane data = Plane::Data;
    const Plane control = Plane::Control;
    const QString all = QStringLiteral("AWS_ENDPOINT_URL_IOT_DATA_PLANE=https://data.env;"
                                       "AWS_ENDPOINT_URL_IOT=https://control.env;"
                                       "AWS_ENDPOINT_URL=https://global.env");

    QTest::newRow("nothing configured") << data << QStringLiteral("plain") << QString() << QString()
                                        << QString() << QString() << false;
    QTest::newRow("explicit wins over everything")
        << data << QStringLiteral("full")
        << QStringLiteral(" https://abc-ats.iot.eu-west-1.amazonaws.com ") << all
        << QStringLiteral("https://abc-ats.iot.eu-west-1.amazonaws.com")
        << QStringLiteral("the endpoint you entered") << false;
    QTest::newRow("data: service variable")
        << data << QStringLiteral("full") << QString() << all << QStringLiteral("https://data.env")
        << QStringLiteral("AWS_ENDPOINT_URL_IOT_DATA_PLANE") << false;
    QTest::newRow("control: service variable")
        << control << QStringLiteral("full") << QString() << all
        << QStringLiteral("https://control.env") << QStringLiteral("AWS_ENDPOINT_URL_IOT") << false;
    QTest::newRow("data ignores the control variable")
        << data << QStringLiteral("plain") << QString()
        << QStringLiteral("AWS_ENDPOINT_URL_IOT=https://control.env") << QString() << QString()
        << false;
    QTest::newRow("global variable over the files")
        << data << QStringLiteral("full") << QString()
        << QStringLiteral("AWS_ENDPOINT_URL=https://global.env")
        << QStringLiteral("https://global.env") << QStringLiteral("AWS_ENDPOINT_URL") << false;
    QTest::newRow("data: services section")
        << data << QStringLiteral("full") << QString() << QString()
        << QStringLiteral("http://127.0.0.1:8765")
        << QStringLiteral("services local of profile full") << false;
    QTest::newRow("control: services section")
        << control << QStringLiteral("full") << QString() << QString()
        << QStringLiteral("https://control.services")
        << QStringLiteral("services local of profile full") << false;
    QTest::newRow("profile endpoint_url when the services section lacks the plane")
        << control << QStringLiteral("dataonly") << QString() << QString()
        << QStringLiteral("https://profile.example") << QStringLiteral("profile dataonly") << false;
    QTest::newRow("profile endpoint_url")
        << data << QStringLiteral("own") << QString() << QString()
        << QStringLiteral("https://profile.example") << QStringLiteral("profile own") << false;
    QTest::newRow("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
        << data << QStringLiteral("full") << QString()
        << all + QLatin1String(";AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true") << QString()
        << QString() << false;
    QTest::newRow("ignore switch keeps the explicit URL")
        << data << QStringLiteral("full") << QStringLiteral("https://mine")
        << QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=TRUE")
        << QStringLiteral("https://mine") << QStringLiteral("the endpoint you entered") << false;
    QTest::newRow("profile ignore switch") << data << QStringLiteral("ignoring") << QString()
                                           << QString() << QString() << QString() << false;
    QTest::newRow("http to localhost")
        << data << QStringLiteral("plain") << QStringLiteral("http://localhost:8080") << QString()
        << QStringLiteral("http://localhost:8080") << QStringLiteral("the endpoint you entered")
        << false;
    QTest::newRow("http to ::1") << data << QStringLiteral("plain")
                                 << QStringLiteral("http://[::1]:1") << QString()
                                 << QStringLiteral("http://[::1]:1")
                                 << QStringLiteral("the endpoint you entered") << false;
    QTest::newRow("http to 127.1.2.3")
        << data << QStringLiteral("plain") << QStringLiteral("http://127.1.2.3") << QString()
        << QStringLiteral("http://127.1.2.3") << QStringLiteral("the endpoint you entered")
        << false;
    QTest::newRow("http elsewhere refused")
        << data << QStringLiteral("plain") << QString()
        << QStringLiteral("AWS_ENDPOINT_URL=http://iot.example.com") << QString()
        << QStringLiteral("AWS_ENDPOINT_URL") << true;
    QTest::newRow("http to a loopback-looking name refused")
        << data << QStringLiteral("plain") << QStringLiteral("http://127.0.0.1.example.com")
        << QString() << QString() << QStringLiteral("the endpoint you entered") << true;
    QTest::newRow("other scheme refused")
        << data << QStringLiteral("plain") << QStringLiteral("ftp://x") << QString() << QString()
        << QStringLiteral("the endpoint you entered") << true;
    QTest::newRow("no host refused")
        << data << QStringLiteral("plain") << QStringLiteral("https://") << QString() << QString()
        << QStringLiteral("the endpoint you entered") << true;
    QTest::newRow("not a URL refused")
        << data << QStringLiteral("plain") << QStringLiteral("iot.example.com") << QString()
        << QString() << QStringLiteral("the endpoint you entered") << true;
}

void TestAwsProfiles::endpoint()
{
    QFETCH(Plane, plane);
    QFETCH(QString, profile);
    QFETCH(QString, explicitUrl);
    QFETCH(QString, environment);
    QFETCH(QString, expectedUrl);
    QFETCH(QString, expectedSource);
    QFETCH(bool, refused);
    setAll(*m_environment, environment);
    const AwsProfiles profiles = AwsProfiles::fromText(
        QStringLiteral(
            "[profile plain]\nregion = us-east-1\n"
            "[profile full]\nservices = local\nendpoint_url = https://profile.example\n"
            "[profile dataonly]\nservices = dataonly\nendpoint_url = https://profile.example\n"
            "[profile own]\nendpoint_url = https://profile.example\n"
            "[profile ignoring]\nendpoint_url = https://profile.example\n"
            "ignore_configured_endpoint_urls = true\n"
            "[services local]\niot_data_plane =\n  endpoint_url = http://127.0.0.1:8765\n"
            "iot =\n  endpoint_url = https://control.services\n"
            "[services dataonly]\niot_data_plane =\n  endpoint_url = https://data.services\n"),
        {});
    const EndpointChoice choice = profiles.endpoint(plane, profile, explicitUrl);
    QCOMPARE(choice.url.toString(), expectedUrl);
    QCOMPARE(choice.source, expectedSource);
    QCOMPARE(!choice.error.isEmpty(), refused);
    if (refused)
        QVERIFY2(choice.error.contains(expectedSource), qPrintable(choice.error));
}

QTEST_GUILESS_MAIN(TestAwsProfiles)
#include "tst_awsprofiles.moc"
