// SPDX-License-Identifier: GPL-3.0-or-later
// Recent and pinned things: per connection key, recent most-recent-first and capped, pinned
// in pin order and unbounded, both surviving a new RecentThings on the same settings file.
#include "settings/recentthings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestRecentThings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_count));
    }

    // Most recent first; a repeat moves to the front; at most MaxRecent are kept.
    void recentOrderAndCap()
    {
        QSettings settings(m_path, QSettings::IniFormat);
        Settings::RecentThings things(&settings);
        QSignalSpy changed(&things, &Settings::RecentThings::changed);
        things.addRecent(QStringLiteral("ignored-without-connection"));
        QVERIFY(things.recent().isEmpty());
        things.setConnectionKey(QStringLiteral("profile/dev@eu-west-1"));
        QCOMPARE(changed.size(), 1);
        things.addRecent(QStringLiteral("a"));
        things.addRecent(QStringLiteral("b"));
        things.addRecent(QStringLiteral("a"));
        QCOMPARE(things.recent(), (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
        QCOMPARE(changed.size(), 4);
        things.addRecent(QStringLiteral("a")); // already first: no change
        QCOMPARE(changed.size(), 4);
        for (int i = 0; i < 30; ++i)
            things.addRecent(QStringLiteral("t%1").arg(i));
        QCOMPARE(things.recent().size(), Settings::RecentThings::MaxRecent);
        QCOMPARE(things.recent().first(), QStringLiteral("t29"));
        QCOMPARE(things.recent().last(), QStringLiteral("t10"));
    }

    // Pinned in pin order, not capped; unpinning removes; state is per connection key and
    // read back by a new instance.
    void pinnedPerConnectionAndPersisted()
    {
        {
            QSettings settings(m_path, QSettings::IniFormat);
            Settings::RecentThings things(&settings);
            things.setConnectionKey(QStringLiteral("sandbox"));
            for (int i = 0; i < 25; ++i)
                things.setPinned(QStringLiteral("p%1").arg(i), true);
            things.setPinned(QStringLiteral("p3"), false);
            things.setPinned(QStringLiteral("p5"), true); // already pinned: stays in place
            things.addRecent(QStringLiteral("r1"));
            QCOMPARE(things.pinned().size(), 24);
            QVERIFY(!things.isPinned(QStringLiteral("p3")));
            QCOMPARE(things.pinned().at(3), QStringLiteral("p4"));
            things.setConnectionKey(QStringLiteral("profile\\other"));
            QVERIFY(things.pinned().isEmpty());
            QVERIFY(things.recent().isEmpty());
            things.setPinned(QStringLiteral("x"), true);
        }
        QSettings settings(m_path, QSettings::IniFormat);
        Settings::RecentThings things(&settings);
        things.setConnectionKey(QStringLiteral("sandbox"));
        QCOMPARE(things.pinned().size(), 24);
        QCOMPARE(things.pinned().first(), QStringLiteral("p0"));
        QCOMPARE(things.pinned().last(), QStringLiteral("p24"));
        QCOMPARE(things.recent(), QStringList { QStringLiteral("r1") });
        things.clearRecent();
        QVERIFY(things.recent().isEmpty());
        QCOMPARE(things.pinned().size(), 24);
        things.setConnectionKey(QStringLiteral("profile\\other"));
        QCOMPARE(things.pinned(), QStringList { QStringLiteral("x") });
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_count = 0;
};

QTEST_GUILESS_MAIN(TestRecentThings)
#include "tst_recentthings.moc"
