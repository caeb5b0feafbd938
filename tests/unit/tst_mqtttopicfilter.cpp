// SPDX-License-Identifier: GPL-3.0-or-later
// MQTT topic filters (MQTT 5 section 4.7): '+' one level, '#' the rest (and the parent level),
// empty levels are real levels, '$' topics are not matched by a leading wildcard, and a
// malformed filter is reported with a reason.
#include "mqtttopicfilter.h"

#include <QTest>

class TestMqttTopicFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<bool>("expected");
        const auto row = [](const char *filter, const char *topic, bool expected) {
            QTest::addRow("%s ~ %s", filter, topic)
                << QString::fromUtf8(filter) << QString::fromUtf8(topic) << expected;
        };
        row("a/b", "a/b", true);
        row("a/b", "a/b/c", false);
        row("a/b", "a", false);
        row("#", "a", true);
        row("#", "a/b/c", true);
        row("#", "/a", true);
        row("a/#", "a", true); // the parent level too (4.7.1.2)
        row("a/#", "a/b", true);
        row("a/#", "a/b/c", true);
        row("a/#", "ab", false);
        row("a/#", "b/a", false);
        row("+", "a", true);
        row("+", "a/b", false);
        row("+", "", true);     // one empty level
        row("+/+", "/a", true); // "/a" has an empty first level
        row("/+", "/a", true);
        row("+", "/a", false);
        row("a/+/c", "a/b/c", true);
        row("a/+/c", "a//c", true); // '+' matches an empty level
        row("a/+/c", "a/b/d", false);
        row("a/+/c", "a/b/b/c", false);
        row("a/+", "a", false);
        row("a/+/#", "a/b", true);
        row("a//b", "a//b", true);
        row("a//b", "a/b", false);
        row("+/#", "a", true);
        row("$SYS/#", "$SYS/broker", true);
        row("#", "$SYS/broker", false); // 4.7.2: no leading wildcard over '$' topics
        row("+/broker", "$SYS/broker", false);
        row("+/things/#", "$aws/things/x", false);
        row("$aws/+/x", "$aws/things/x", true);
        row("A/b", "a/b", false); // case matters
    }
    void matches()
    {
        QFETCH(QString, filter);
        QFETCH(QString, topic);
        QFETCH(bool, expected);
        QVERIFY(!Mqtt::topicFilterError(filter));
        QCOMPARE(Mqtt::matchesTopicFilter(filter, topic), expected);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("error"); // empty: valid
        QTest::newRow("plain") << QStringLiteral("a/b") << QString();
        QTest::newRow("hash alone") << QStringLiteral("#") << QString();
        QTest::newRow("plus alone") << QStringLiteral("+") << QString();
        QTest::newRow("empty levels") << QStringLiteral("/+//#") << QString();
        QTest::newRow("empty") << QString() << QStringLiteral("A topic filter must not be empty.");
        QTest::newRow("hash not last")
            << QStringLiteral("a/#/b") << QStringLiteral("'#' must be the last level.");
        QTest::newRow("hash inside a level")
            << QStringLiteral("a/b#") << QStringLiteral("'#' must be a whole level, as in \"a/#\".");
        QTest::newRow("plus inside a level")
            << QStringLiteral("a/b+/c")
            << QStringLiteral("'+' must be a whole level, as in \"a/+/c\".");
        QTest::newRow("two hashes") << QStringLiteral("##")
                                    << QStringLiteral("'#' must be a whole level, as in \"a/#\".");
    }
    void errors()
    {
        QFETCH(QString, filter);
        QFETCH(QString, error);
        QCOMPARE(Mqtt::topicFilterError(filter).value_or(QString()), error);
    }

    void looksLikeFilter()
    {
        QVERIFY(Mqtt::looksLikeTopicFilter(u"a/+"));
        QVERIFY(Mqtt::looksLikeTopicFilter(u"#"));
        QVERIFY(!Mqtt::looksLikeTopicFilter(u"temp"));
    }
};

QTEST_GUILESS_MAIN(TestMqttTopicFilter)
#include "tst_mqtttopicfilter.moc"
