// SPDX-License-Identifier: GPL-3.0-or-later
#include "shadow/validation.h"

#include <QTest>

using Shadow::ValidationError;

namespace {

/** The error's message, or an empty string when the value was accepted. */
QString messageOf(const std::optional<ValidationError> &error)
{
    return error ? error->message : QString();
}

QString text(const char *latin1)
{
    return QString::fromLatin1(latin1);
}

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void thingName_data();
    void thingName();
    void shadowName_data();
    void shadowName();
    void publishTopic_data();
    void publishTopic();
    void shadowTopic_data();
    void shadowTopic();
};

void TestValidation::thingName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("simple") << text("thermostat-01") << true;
    QTest::newRow("every allowed character") << text("aZ09:_-") << true;
    QTest::newRow("one character") << text("a") << true;
    QTest::newRow("128 characters") << QString(128, QLatin1Char('t')) << true;
    QTest::newRow("129 characters") << QString(129, QLatin1Char('t')) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << text("my thing") << false;
    QTest::newRow("slash") << text("a/b") << false;
    QTest::newRow("dollar") << text("$thing") << false;
    QTest::newRow("dot") << text("a.b") << false;
    QTest::newRow("non-ASCII letter") << QStringLiteral("caf\u00e9") << false;
    QTest::newRow("trailing newline") << text("thing\n") << false;
}

// Thing names are 1-128 characters of [a-zA-Z0-9:_-]; anything else is 400 "Invalid thing name".
void TestValidation::thingName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);

    const auto error = Shadow::validateThingName(name);
    QCOMPARE(messageOf(error), valid ? QString() : text("Invalid thing name"));
    if (error) {
        QCOMPARE(error->httpStatus, 400);
        QCOMPARE(error->code, text("InvalidRequestException"));
    }
}

void TestValidation::shadowName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("simple") << text("config") << true;
    QTest::newRow("leading dollar") << text("$package") << true;
    QTest::newRow("every allowed character") << text("aZ09:_-$") << true;
    QTest::newRow("64 characters") << QString(64, QLatin1Char('s')) << true;
    QTest::newRow("65 characters") << QString(65, QLatin1Char('s')) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("slash") << text("a/b") << false;
    QTest::newRow("space") << text("a b") << false;
    QTest::newRow("plus") << text("a+b") << false;
}

// Shadow names are 1-64 characters of [$a-zA-Z0-9:_-]; anything else is 400 "Invalid shadow name".
void TestValidation::shadowName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);

    const auto error = Shadow::validateShadowName(name);
    QCOMPARE(messageOf(error), valid ? QString() : text("Invalid shadow name"));
    if (error)
        QCOMPARE(error->code, text("InvalidRequestException"));
}

void TestValidation::publishTopic_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("retain");
    QTest::addColumn<QString>("message"); // empty: accepted

    const QString ok;
    const QString tooLong = text("Topic exceeds the maximum length of 256 bytes");
    const QString tooManySlashes = text("Topic has more than 7 forward slashes");
    const QString wildcard = text("Topic must not contain the wildcard characters + or #");
    const QString retained = text("Retained messages are not allowed on reserved topics");
    const auto reserved = [](const char *topic) -> QString {
        return QStringLiteral("Publishing to reserved topic '") + QString::fromLatin1(topic)
            + QStringLiteral("' is not allowed");
    };
    const QString ingest = text("$aws/rules/myRule/");

    QTest::newRow("plain topic") << text("sensors/room1/temp") << false << ok;
    QTest::newRow("plain topic retained") << text("sensors/room1/temp") << true << ok;
    QTest::newRow("empty") << QString() << false << text("Topic must not be empty");
    QTest::newRow("256 bytes") << QString(256, QLatin1Char('t')) << false << ok;
    QTest::newRow("257 bytes") << QString(257, QLatin1Char('t')) << false << tooLong;
    QTest::newRow("129 two-byte characters are 258 bytes")
        << QString(129, QChar(0xe9)) << false << tooLong;
    QTest::newRow("7 slashes") << text("a/b/c/d/e/f/g/h") << false << ok;
    QTest::newRow("8 slashes") << text("a/b/c/d/e/f/g/h/i") << false << tooManySlashes;
    QTest::newRow("leading and trailing slashes count") << text("/a/b/c/d/e/f/") << false << ok;
    QTest::newRow("8 slashes with empty levels") << text("////////") << false << tooManySlashes;
    QTest::newRow("plus") << text("a/+/c") << false << wildcard;
    QTest::newRow("hash") << text("a/#") << false << wildcard;
    QTest::newRow("plus inside a level") << text("a/b+c") << false << wildcard;
    QTest::newRow("classic shadow update") << text("$aws/things/t1/shadow/update") << false
                                           << ok;
    QTest::newRow("classic shadow get") << text("$aws/things/t1/shadow/get") << false << ok;
    QTest::newRow("classic shadow delete") << text("$aws/things/t1/shadow/delete") << false
                                           << ok;
    QTest::newRow("named shadow update")
        << text("$aws/things/t1/shadow/name/cfg/update") << false << ok;
    QTest::newRow("shadow update retained")
        << text("$aws/things/t1/shadow/update") << true << retained;
    QTest::newRow("shadow accepted topic")
        << text("$aws/things/t1/shadow/update/accepted") << false
        << reserved("$aws/things/t1/shadow/update/accepted");
    QTest::newRow("unknown shadow command")
        << text("$aws/things/t1/shadow/patch") << false << reserved("$aws/things/t1/shadow/patch");
    QTest::newRow("empty thing name")
        << text("$aws/things//shadow/update") << false << reserved("$aws/things//shadow/update");
    QTest::newRow("jobs topic") << text("$aws/things/t1/jobs/get") << false
                                << reserved("$aws/things/t1/jobs/get");
    QTest::newRow("other dollar topic") << text("$SYS/broker") << false
                                        << reserved("$SYS/broker");
    QTest::newRow("reserved refusal before retain")
        << text("$aws/events/x") << true << reserved("$aws/events/x");
    QTest::newRow("basic ingest") << text("$aws/rules/myRule/devices/d1") << false << ok;
    QTest::newRow("basic ingest without subtopic") << text("$aws/rules/myRule") << false << ok;
    QTest::newRow("basic ingest retained") << text("$aws/rules/myRule/a") << true << retained;
    QTest::newRow("basic ingest without rule name")
        << text("$aws/rules//a") << false << reserved("$aws/rules//a");
    QTest::newRow("basic ingest prefix alone")
        << text("$aws/rules/") << false << reserved("$aws/rules/");
    QTest::newRow("basic ingest: 7 slashes after the prefix")
        << QString(ingest + text("a/b/c/d/e/f/g/h")) << false << ok;
    QTest::newRow("basic ingest: 8 slashes after the prefix")
        << QString(ingest + text("a/b/c/d/e/f/g/h/i")) << false << tooManySlashes;
    QTest::newRow("basic ingest: 256 bytes after the prefix")
        << QString(ingest + QString(256, QLatin1Char('t'))) << false << ok;
    QTest::newRow("basic ingest: 257 bytes after the prefix")
        << QString(ingest + QString(257, QLatin1Char('t'))) << false << tooLong;
    QTest::newRow("prefix counted outside basic ingest")
        << QString(text("$aws/other/") + QString(250, QLatin1Char('t'))) << false << tooLong;
}

// A publish topic is refused with a message saying exactly what is wrong: empty, too long,
// too many slashes, wildcards, a reserved topic AWS does not accept, or retain on a $ topic.
void TestValidation::publishTopic()
{
    QFETCH(QString, topic);
    QFETCH(bool, retain);
    QFETCH(QString, message);

    const auto error = Shadow::validatePublishTopic(topic, retain);
    QCOMPARE(messageOf(error), message);
    if (error) {
        QCOMPARE(error->httpStatus, 400);
        QCOMPARE(error->code, text("InvalidRequestException"));
    }
}

void TestValidation::shadowTopic_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("isShadowTopic");
    QTest::addColumn<QString>("thingName");
    QTest::addColumn<QString>("shadowName");
    QTest::addColumn<QString>("command");

    QTest::newRow("classic update") << text("$aws/things/t1/shadow/update") << true << text("t1")
                                    << QString() << text("update");
    QTest::newRow("classic get") << text("$aws/things/t1/shadow/get") << true << text("t1")
                                 << QString() << text("get");
    QTest::newRow("classic delete") << text("$aws/things/t1/shadow/delete") << true << text("t1")
                                    << QString() << text("delete");
    QTest::newRow("named update") << text("$aws/things/t1/shadow/name/cfg/update") << true
                                  << text("t1") << text("cfg") << text("update");
    QTest::newRow("named get with $ shadow") << text("$aws/things/t1/shadow/name/$pkg/get")
                                             << true << text("t1") << text("$pkg") << text("get");
    QTest::newRow("thing called name") << text("$aws/things/name/shadow/delete") << true
                                       << text("name") << QString() << text("delete");
    QTest::newRow("response topic") << text("$aws/things/t1/shadow/update/accepted") << false
                                    << QString() << QString() << QString();
    QTest::newRow("named response topic")
        << text("$aws/things/t1/shadow/name/cfg/get/rejected") << false << QString() << QString()
        << QString();
    QTest::newRow("unknown command") << text("$aws/things/t1/shadow/list") << false << QString()
                                     << QString() << QString();
    QTest::newRow("missing name segment") << text("$aws/things/t1/shadow/named/cfg/update")
                                          << false << QString() << QString() << QString();
    QTest::newRow("empty shadow name") << text("$aws/things/t1/shadow/name//update") << false
                                       << QString() << QString() << QString();
    QTest::newRow("empty thing name") << text("$aws/things//shadow/get") << false << QString()
                                      << QString() << QString();
    QTest::newRow("no dollar") << text("aws/things/t1/shadow/update") << false << QString()
                               << QString() << QString();
    QTest::newRow("plain topic") << text("a/b") << false << QString() << QString() << QString();
}

// Only $aws/things/<thing>/shadow[/name/<shadow>]/(update|get|delete) are shadow command topics.
void TestValidation::shadowTopic()
{
    QFETCH(QString, topic);
    QFETCH(bool, isShadowTopic);
    QFETCH(QString, thingName);
    QFETCH(QString, shadowName);
    QFETCH(QString, command);

    const auto parsed = Shadow::parseShadowTopic(topic);
    QCOMPARE(parsed.has_value(), isShadowTopic);
    if (parsed) {
        QCOMPARE(parsed->thingName, thingName);
        QCOMPARE(parsed->shadowName, shadowName);
        QCOMPARE(parsed->command, command);
    }
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
