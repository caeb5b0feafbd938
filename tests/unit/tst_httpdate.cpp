// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/httpdate.h"

#include <QTest>
#include <QTimeZone>

class TestHttpDate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A Date header is read in the forms servers and botocore send, as UTC; anything else is
    // refused rather than guessed.
    void parse_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime time(QDate(2015, 8, 30), QTime(12, 36), QTimeZone::utc());
        QTest::newRow("GMT") << QByteArray("Sun, 30 Aug 2015 12:36:00 GMT") << time;
        QTest::newRow("UTC") << QByteArray("Sun, 30 Aug 2015 12:36:00 UTC") << time;
        QTest::newRow("numeric zone") << QByteArray("Sun, 30 Aug 2015 12:36:00 -0000") << time;
        QTest::newRow("offset") << QByteArray("Sun, 30 Aug 2015 14:36:00 +0200") << time;
        QTest::newRow("spaces") << QByteArray("  Sun, 30 Aug 2015 12:36:00 GMT ") << time;
        QTest::newRow("basic ISO") << QByteArray("20150830T123600Z") << QDateTime();
        QTest::newRow("empty") << QByteArray() << QDateTime();
    }
    void parse()
    {
        QFETCH(QByteArray, header);
        QFETCH(QDateTime, expected);
        const auto parsed = Aws::parseHttpDate(header);
        QCOMPARE(parsed.has_value(), expected.isValid());
        if (parsed)
            QCOMPARE(*parsed, expected);
    }

    // What the sandbox writes is what the client reads back.
    void formatRoundTrips()
    {
        const QDateTime time(QDate(2026, 11, 28), QTime(9, 4, 5), QTimeZone::utc());
        QCOMPARE(Aws::formatHttpDate(time), QByteArray("Sat, 28 Nov 2026 09:04:05 GMT"));
        QCOMPARE(Aws::parseHttpDate(Aws::formatHttpDate(time)), time);
    }
};

QTEST_GUILESS_MAIN(TestHttpDate)
#include "tst_httpdate.moc"
