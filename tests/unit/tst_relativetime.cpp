// SPDX-License-Identifier: GPL-3.0-or-later
// RelativeTime: an age as the largest whole unit ago, "just now" for the first seconds and
// for times in the future (a small clock skew), nothing for an invalid time.
#include "relativetime.h"

#include <QTest>

class TestRelativeTime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ageText_data()
    {
        QTest::addColumn<qint64>("secondsAgo");
        QTest::addColumn<QString>("text");
        QTest::newRow("now") << qint64(0) << QStringLiteral("just now");
        QTest::newRow("4 s") << qint64(4) << QStringLiteral("just now");
        QTest::newRow("future") << qint64(-30) << QStringLiteral("just now");
        QTest::newRow("5 s") << qint64(5) << QStringLiteral("5 s ago");
        QTest::newRow("42 s") << qint64(42) << QStringLiteral("42 s ago");
        QTest::newRow("59 s") << qint64(59) << QStringLiteral("59 s ago");
        QTest::newRow("1 min") << qint64(60) << QStringLiteral("1 min ago");
        QTest::newRow("4 min 59 s") << qint64(299) << QStringLiteral("4 min ago");
        QTest::newRow("59 min") << qint64(3599) << QStringLiteral("59 min ago");
        QTest::newRow("1 h") << qint64(3600) << QStringLiteral("1 h ago");
        QTest::newRow("3 h") << qint64(3 * 3600 + 1799) << QStringLiteral("3 h ago");
        QTest::newRow("23 h") << qint64(86399) << QStringLiteral("23 h ago");
        QTest::newRow("1 day") << qint64(86400) << QStringLiteral("1 day ago");
        QTest::newRow("2 days") << qint64(2 * 86400 + 5) << QStringLiteral("2 days ago");
        QTest::newRow("400 days") << qint64(400 * 86400) << QStringLiteral("400 days ago");
    }
    void ageText()
    {
        QFETCH(qint64, secondsAgo);
        QFETCH(QString, text);
        const QDateTime now(QDate(2026, 3, 29), QTime(1, 30), Qt::UTC);
        QCOMPARE(RelativeTime::ageText(now.addSecs(-secondsAgo), now), text);
        // The same instant in another zone is the same age.
        QCOMPARE(RelativeTime::ageText(now.addSecs(-secondsAgo).toOffsetFromUtc(7200), now), text);
    }

    void invalid()
    {
        QCOMPARE(RelativeTime::ageText(QDateTime(), QDateTime::currentDateTimeUtc()), QString());
        QCOMPARE(RelativeTime::exactText(QDateTime()), QString());
    }

    // The tooltip text is the local time with seconds.
    void exactText()
    {
        const QDateTime then(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        const QString text = RelativeTime::exactText(then);
        QVERIFY2(text.startsWith(then.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
                 qPrintable(text));
    }

    void systemNowIsUtc()
    {
        QCOMPARE(RelativeTime::systemNow().timeSpec(), Qt::UTC);
    }
};

QTEST_GUILESS_MAIN(TestRelativeTime)
#include "tst_relativetime.moc"
