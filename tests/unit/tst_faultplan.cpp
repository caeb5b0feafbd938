// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/faultplan.h"

#include <QJsonDocument>
#include <QTest>

using Sandbox::Fault;
using Sandbox::FaultPlan;

namespace {

const QStringList Operations{QStringLiteral("GetThingShadow"), QStringLiteral("Publish")};

std::optional<FaultPlan> parse(const QByteArray &json, QString *error)
{
    return FaultPlan::fromJson(QJsonDocument::fromJson(json).object(), Operations, error);
}

// One character per request: '-' no fault, 'S' status, 'L' latency, 'R' reset, 'T' truncate.
QString run(FaultPlan plan, const QStringList &operations)
{
    QString trace;
    for (const QString &operation : operations) {
        const auto fault = plan.next(operation);
        if (!fault)
            trace += u'-';
        else
            trace += QStringLiteral("LSRT").at(int(fault->kind));
    }
    return trace;
}

} // namespace

class TestFaultPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Rules fire for the operations they name, for their first "count" matches, first rule wins.
    void sequence_data()
    {
        QTest::addColumn<QByteArray>("plan");
        QTest::addColumn<QStringList>("operations");
        QTest::addColumn<QString>("trace");
        const QStringList gets(4, QStringLiteral("GetThingShadow"));
        QTest::newRow("empty plan") << QByteArray("{}") << gets << QStringLiteral("----");
        QTest::newRow("every request") << QByteArray(R"({"rules":[{"kind":"reset"}]})") << gets
                                       << QStringLiteral("RRRR");
        QTest::newRow("count") << QByteArray(R"({"rules":[{"kind":"status","status":429,"count":2}]})")
                               << gets << QStringLiteral("SS--");
        QTest::newRow("named operation")
            << QByteArray(R"({"rules":[{"kind":"truncate","operations":["Publish"]}]})")
            << QStringList{QStringLiteral("Publish"), QStringLiteral("GetThingShadow"),
                           QStringLiteral("Publish")}
            << QStringLiteral("T-T");
        QTest::newRow("first rule wins, then the next")
            << QByteArray(R"({"rules":[{"kind":"latency","delayMs":5,"count":1},{"kind":"reset","count":1}]})")
            << gets << QStringLiteral("LR--");
        QTest::newRow("probability zero") << QByteArray(R"({"rules":[{"kind":"reset","probability":0}]})")
                                          << gets << QStringLiteral("----");
    }
    void sequence()
    {
        QFETCH(QByteArray, plan);
        QFETCH(QStringList, operations);
        QFETCH(QString, trace);
        QString error;
        const auto parsed = parse(plan, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(run(*parsed, operations), trace);
    }

    // The same seed gives the same faults; a different seed, a different pattern.
    void seededProbabilityIsDeterministic()
    {
        const QByteArray plan = R"({"seed":%1,"rules":[{"kind":"status","status":503,"probability":0.5}]})";
        const QStringList operations(64, QStringLiteral("Publish"));
        QString error;
        const QString first = run(*parse(QByteArray(plan).replace("%1", "7"), &error), operations);
        const QString again = run(*parse(QByteArray(plan).replace("%1", "7"), &error), operations);
        const QString other = run(*parse(QByteArray(plan).replace("%1", "8"), &error), operations);
        QCOMPARE(first, again);
        QVERIFY(first != other);
        QVERIFY(first.count(u'S') > 10 && first.count(u'S') < 54);
    }

    // A malformed plan is refused with a message that names the rule and the problem.
    void invalid_data()
    {
        QTest::addColumn<QByteArray>("plan");
        QTest::addColumn<QString>("message");
        QTest::newRow("kind") << QByteArray(R"({"rules":[{"kind":"explode"}]})")
                              << QStringLiteral("rule 1: unknown kind 'explode' (latency, status, reset or truncate)");
        QTest::newRow("status") << QByteArray(R"({"rules":[{"kind":"reset"},{"kind":"status","status":404}]})")
                                << QStringLiteral("rule 2: status must be 429, 500 or 503");
        QTest::newRow("delay") << QByteArray(R"({"rules":[{"kind":"latency","delayMs":-1}]})")
                               << QStringLiteral("rule 1: delayMs must be 0 to 60000");
        QTest::newRow("plan member") << QByteArray(R"({"rule":[{"kind":"reset"}]})")
                                     << QStringLiteral("unknown member 'rule' (seed, rules)");
        QTest::newRow("rules type") << QByteArray(R"({"rules":{"kind":"reset"}})")
                                    << QStringLiteral("rules must be an array");
        QTest::newRow("rule member") << QByteArray(R"({"rules":[{"kind":"reset","times":2}]})")
                                     << QStringLiteral("rule 1: unknown member 'times'");
        QTest::newRow("operation") << QByteArray(R"({"rules":[{"kind":"reset","operations":["GetShadow"]}]})")
                                   << QStringLiteral("rule 1: unknown operation 'GetShadow' (GetThingShadow, Publish)");
        QTest::newRow("count") << QByteArray(R"({"rules":[{"kind":"reset","count":0}]})")
                               << QStringLiteral("rule 1: count must be at least 1");
        QTest::newRow("probability") << QByteArray(R"({"rules":[{"kind":"reset","probability":1.5}]})")
                                     << QStringLiteral("rule 1: probability must be from 0 to 1");
    }
    void invalid()
    {
        QFETCH(QByteArray, plan);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!parse(plan, &error));
        QCOMPARE(error, message);
    }
};

QTEST_GUILESS_MAIN(TestFaultPlan)
#include "tst_faultplan.moc"
