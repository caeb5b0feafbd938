// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/awsconfigfile.h"

#include <QTest>

using namespace Aws;

namespace {

using Kind = AwsConfigFile::Kind;

QString dumpSettings(const AwsConfigFile::Settings &settings)
{
    QStringList pairs;
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        QString value = it.value();
        value.replace(u'\n', QLatin1String("\\n"));
        pairs.append(it.key() + u'=' + value);
    }
    return pairs.join(u',');
}

// "name{key=value,...}" per section, profiles, then "sso-session x{...}", "services x{...}".
QString dump(const AwsConfigFile &file)
{
    QStringList sections;
    for (const QString &name : file.profileNames())
        sections.append(name + u'{' + dumpSettings(*file.profile(name)) + u'}');
    for (const QString &name : file.ssoSessionNames())
        sections.append(QLatin1String("sso-session ") + name + u'{'
                        + dumpSettings(*file.ssoSession(name)) + u'}');
    for (const QString &name : file.servicesNames())
        sections.append(QLatin1String("services ") + name + u'{'
                        + dumpSettings(*file.services(name)) + u'}');
    return sections.join(u' ');
}

} // namespace

class TestAwsConfigFile : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void absentSectionsAreNullopt();
};

// The parser keeps what the aws CLI would read from the text: the sections it knows (by
// file kind), trimmed keys and values as written, comments dropped, sub-sections as
// "parent.key", and the later of two duplicates.
void TestAwsConfigFile::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("expected");

    const Kind config = Kind::Config;
    const Kind credentials = Kind::Credentials;

    QTest::newRow("empty") << QString() << config << QString();
    QTest::newRow("only comments and blanks")
        << QStringLiteral("# a\n; b\n\n   \n  # indented\n") << config << QString();
    QTest::newRow("config profile and default")
        << QStringLiteral("[default]\nregion = eu-west-1\n[profile dev]\nregion=us-east-2\n")
        << config << QStringLiteral("default{region=eu-west-1} dev{region=us-east-2}");
    QTest::newRow("config: [profile default] is default")
        << QStringLiteral("[profile default]\nregion = a\n") << config
        << QStringLiteral("default{region=a}");
    QTest::newRow("config: [default] then [profile default] merge, later wins")
        << QStringLiteral("[default]\nregion = a\noutput = json\n[profile default]\nregion = b\n")
        << config << QStringLiteral("default{output=json,region=b}");
    QTest::newRow("config: bare [dev] is not a profile")
        << QStringLiteral("[dev]\nregion = a\n[preview]\niot = true\n") << config << QString();
    QTest::newRow("config: [profilex] is not a profile")
        << QStringLiteral("[profilex]\nregion = a\n") << config << QString();
    QTest::newRow("config: [profile] without a name is ignored")
        << QStringLiteral("[profile]\nregion = a\n[profile   ]\nregion = b\n") << config
        << QString();
    QTest::newRow("config: spaces and tabs around the header")
        << QStringLiteral("[  profile \t dev  ]\nregion = a\n") << config
        << QStringLiteral("dev{region=a}");
    QTest::newRow("config: a name with spaces keeps them")
        << QStringLiteral("[profile my dev]\nregion = a\n") << config
        << QStringLiteral("my dev{region=a}");
    QTest::newRow("credentials: [dev] is profile dev")
        << QStringLiteral("[dev]\naws_access_key_id = AKID\n") << credentials
        << QStringLiteral("dev{aws_access_key_id=AKID}");
    QTest::newRow("credentials: [profile dev] is a profile named so")
        << QStringLiteral("[profile dev]\nk = v\n") << credentials
        << QStringLiteral("profile dev{k=v}");
    QTest::newRow("credentials: no sso-session there")
        << QStringLiteral("[sso-session x]\nk = v\n") << credentials
        << QStringLiteral("sso-session x{k=v}");
    QTest::newRow("whitespace trimmed, case as written")
        << QStringLiteral("[profile Dev]\n  \tRegion\t=   Eu-West-1   \n") << config
        << QStringLiteral("Dev{Region=Eu-West-1}");
    QTest::newRow("no spaces around =")
        << QStringLiteral("[default]\nregion=a\n") << config << QStringLiteral("default{region=a}");
    QTest::newRow("value keeps later = signs")
        << QStringLiteral("[default]\naws_secret_access_key = ab/c+d==\n") << config
        << QStringLiteral("default{aws_secret_access_key=ab/c+d==}");
    QTest::newRow("empty value") << QStringLiteral("[default]\nregion =\n") << config
                                 << QStringLiteral("default{region=}");
    QTest::newRow("inline comment after whitespace")
        << QStringLiteral("[default]\nregion = a # the region\noutput = json\t; fmt\n") << config
        << QStringLiteral("default{output=json,region=a}");
    QTest::newRow("# and ; inside a value are kept")
        << QStringLiteral("[default]\naws_secret_access_key = a#b;c\n") << config
        << QStringLiteral("default{aws_secret_access_key=a#b;c}");
    QTest::newRow("comment after a section header")
        << QStringLiteral("[profile dev] # ours\nregion = a\n") << config
        << QStringLiteral("dev{region=a}");
    QTest::newRow("comment lines between properties")
        << QStringLiteral("[default]\n# region = x\nregion = a\n; region = y\n") << config
        << QStringLiteral("default{region=a}");
    QTest::newRow("CRLF line ends")
        << QStringLiteral("[default]\r\nregion = a\r\n\r\n[profile b]\r\nregion = c\r\n") << config
        << QStringLiteral("b{region=c} default{region=a}");
    QTest::newRow("properties before any section are ignored")
        << QStringLiteral("region = a\n[default]\noutput = json\n") << config
        << QStringLiteral("default{output=json}");
    QTest::newRow("properties of an ignored section are ignored")
        << QStringLiteral("[plugins]\ncli_legacy_plugin_path = x\n[default]\nregion = a\n")
        << config << QStringLiteral("default{region=a}");
    QTest::newRow("line without = is skipped")
        << QStringLiteral("[default]\nnonsense\nregion = a\n") << config
        << QStringLiteral("default{region=a}");
    QTest::newRow("line with an empty key is skipped")
        << QStringLiteral("[default]\n = a\nregion = b\n") << config
        << QStringLiteral("default{region=b}");
    QTest::newRow("unterminated header ends the section")
        << QStringLiteral("[default]\nregion = a\n[profile broken\noutput = json\n") << config
        << QStringLiteral("default{region=a}");
    QTest::newRow("later duplicate key wins")
        << QStringLiteral("[default]\nregion = a\nregion = b\n") << config
        << QStringLiteral("default{region=b}");
    QTest::newRow("repeated section adds and overrides")
        << QStringLiteral(
               "[profile d]\na = 1\nb = 2\n[profile x]\nk = v\n[profile d]\nb = 3\nc = 4\n")
        << config << QStringLiteral("d{a=1,b=3,c=4} x{k=v}");
    QTest::newRow("nested sub-section")
        << QStringLiteral(
               "[default]\ns3 =\n  max_concurrent_requests = 20\n  addressing_style = path\n"
               "region = a\n")
        << config
        << QStringLiteral(
               "default{region=a,s3=,s3.addressing_style=path,s3.max_concurrent_requests=20}");
    QTest::newRow("sub-section with comments and tabs")
        << QStringLiteral("[default]\ns3 = # nested\n\tk1 = v1 # c\n  # skipped\n\tk2=v2\n")
        << config << QStringLiteral("default{s3=,s3.k1=v1,s3.k2=v2}");
    QTest::newRow("sub-section line without = is skipped")
        << QStringLiteral("[default]\ns3 =\n  junk\n  k = v\n") << config
        << QStringLiteral("default{s3=,s3.k=v}");
    QTest::newRow("repeated sub-section replaces the earlier one")
        << QStringLiteral("[default]\ns3 =\n  a = 1\n  b = 2\ns3 =\n  b = 3\n") << config
        << QStringLiteral("default{s3=,s3.b=3}");
    QTest::newRow("indented line after a value continues it")
        << QStringLiteral("[default]\nnote = first\n  second\n") << config
        << QStringLiteral("default{note=first\\nsecond}");
    QTest::newRow("indented line at the start of a section is a property")
        << QStringLiteral("[default]\n  k = v\nregion = a\n") << config
        << QStringLiteral("default{k=v,region=a}");
    QTest::newRow("indented header is a continuation, not a section")
        << QStringLiteral("[default]\nregion = a\n  [profile x]\n") << config
        << QStringLiteral("default{region=a\\n[profile x]}");
    QTest::newRow("sso-session and services kept apart")
        << QStringLiteral(
               "[profile dev]\nsso_session = corp\nservices = local\n"
               "[sso-session corp]\nsso_start_url = https://x.awsapps.com/start\n"
               "sso_region = us-east-1\n"
               "[services local]\niot_data_plane =\n  endpoint_url = http://127.0.0.1:8765\n"
               "iot =\n  endpoint_url = https://iot.example\n")
        << config
        << QStringLiteral(
               "dev{services=local,sso_session=corp} "
               "sso-session corp{sso_region=us-east-1,sso_start_url=https://x.awsapps.com/start} "
               "services local{iot=,iot.endpoint_url=https://iot.example,iot_data_plane=,"
               "iot_data_plane.endpoint_url=http://127.0.0.1:8765}");
    QTest::newRow("credential_process keeps quotes")
        << QStringLiteral("[profile ci]\ncredential_process = /opt/bin/creds --name \"a b\" 'c'\n")
        << config << QStringLiteral("ci{credential_process=/opt/bin/creds --name \"a b\" 'c'}");
    QTest::newRow("non-ASCII") << QStringLiteral("[profile café]\nregion = ü\n") << config
                               << QStringLiteral("café{region=ü}");
}

void TestAwsConfigFile::parse()
{
    QFETCH(QString, text);
    QFETCH(Kind, kind);
    QFETCH(QString, expected);
    QCOMPARE(dump(AwsConfigFile::parse(text, kind)), expected);
}

// Lookups of sections the text does not have are nullopt, distinct from an empty section.
void TestAwsConfigFile::absentSectionsAreNullopt()
{
    const AwsConfigFile file
        = AwsConfigFile::parse(QStringLiteral("[profile empty]\n[sso-session s]\n"), Kind::Config);
    QVERIFY(file.profile(QStringLiteral("empty")).has_value());
    QVERIFY(file.profile(QStringLiteral("empty"))->isEmpty());
    QVERIFY(!file.profile(QStringLiteral("other")).has_value());
    QVERIFY(file.ssoSession(QStringLiteral("s")).has_value());
    QVERIFY(!file.ssoSession(QStringLiteral("t")).has_value());
    QVERIFY(!file.services(QStringLiteral("s")).has_value());
}

QTEST_GUILESS_MAIN(TestAwsConfigFile)
#include "tst_awsconfigfile.moc"
