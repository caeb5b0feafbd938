// SPDX-License-Identifier: GPL-3.0-or-later
// The session's version timeline: documents kept per thing and shadow, sorted by version
// whatever order they were fetched in, one per version (the first kept), recorded() only for
// a version not seen before, and clear() forgetting everything.
#include "shadowhistory.h"

#include <QSignalSpy>
#include <QTest>

namespace {

Iot::ShadowDocument document(qint64 version, const QString &power)
{
    Iot::ShadowDocument document;
    document.version = version;
    document.timestamp = 1700000000 + version;
    document.desired = QJsonObject { { QStringLiteral("power"), power } };
    return document;
}

QList<qint64> versionsOf(const QList<Iot::ShadowDocument> &documents)
{
    QList<qint64> versions;
    for (const Iot::ShadowDocument &document : documents)
        versions.append(document.version);
    return versions;
}

} // namespace

class TestShadowHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void orderAndDedupe_data()
    {
        QTest::addColumn<QList<qint64>>("recorded");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::addColumn<int>("signalCount");
        QTest::newRow("in order") << QList<qint64> { 1, 2, 3 } << QList<qint64> { 1, 2, 3 } << 3;
        QTest::newRow("reversed") << QList<qint64> { 9, 5, 2 } << QList<qint64> { 2, 5, 9 } << 3;
        QTest::newRow("repeats") << QList<qint64> { 4, 4, 7, 4, 7 } << QList<qint64> { 4, 7 } << 2;
        QTest::newRow("gaps and middle")
            << QList<qint64> { 10, 1, 5, 3, 10, 7 } << QList<qint64> { 1, 3, 5, 7, 10 } << 5;
    }
    void orderAndDedupe()
    {
        QFETCH(QList<qint64>, recorded);
        QFETCH(QList<qint64>, expected);
        QFETCH(int, signalCount);
        ShadowHistory history;
        QSignalSpy spy(&history, &ShadowHistory::recorded);
        for (const qint64 version : recorded)
            history.record(QStringLiteral("lamp"), QString(),
                           document(version, QStringLiteral("on")));
        QCOMPARE(versionsOf(history.versions(QStringLiteral("lamp"), QString())), expected);
        QCOMPARE(spy.size(), signalCount);
        QCOMPARE(spy.first(),
                 (QVariantList { QStringLiteral("lamp"), QString(), recorded.first() }));
    }

    // A version seen again keeps its first document; shadows and things are kept apart.
    void firstKeptAndSeparation()
    {
        ShadowHistory history;
        history.record(QStringLiteral("lamp"), QString(), document(3, QStringLiteral("first")));
        history.record(QStringLiteral("lamp"), QString(), document(3, QStringLiteral("second")));
        history.record(QStringLiteral("lamp"), QStringLiteral("classic"),
                       document(1, QStringLiteral("named")));
        history.record(QStringLiteral("door"), QString(), document(8, QStringLiteral("door")));
        const QList<Iot::ShadowDocument> lamp = history.versions(QStringLiteral("lamp"), QString());
        QCOMPARE(lamp, QList<Iot::ShadowDocument> { document(3, QStringLiteral("first")) });
        QCOMPARE(versionsOf(history.versions(QStringLiteral("lamp"), QStringLiteral("classic"))),
                 QList<qint64> { 1 });
        QCOMPARE(versionsOf(history.versions(QStringLiteral("door"), QString())),
                 QList<qint64> { 8 });
        QVERIFY(history.versions(QStringLiteral("door"), QStringLiteral("x")).isEmpty());

        history.clear();
        QVERIFY(history.versions(QStringLiteral("lamp"), QString()).isEmpty());
        QSignalSpy spy(&history, &ShadowHistory::recorded);
        history.record(QStringLiteral("lamp"), QString(), document(3, QStringLiteral("again")));
        QCOMPARE(spy.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestShadowHistory)
#include "tst_shadowhistory.moc"
