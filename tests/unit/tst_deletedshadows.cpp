// SPDX-License-Identifier: GPL-3.0-or-later
// Recently deleted shadows: entries read back exactly, newest first, per connection, at most
// MaxEntries per connection (the oldest forgotten first, other connections untouched), the
// same shadow deleted twice kept twice, and unreadable files skipped and never deleted.
#include "settings/deletedshadows.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Settings::DeletedShadow;
using Settings::DeletedShadows;

namespace {

const QString Sandbox = QStringLiteral("sandbox");
const QString Profile = QStringLiteral("aws/dev");
const QDateTime T0(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC);

DeletedShadow deleted(const QString &connection, const QString &thing, const QString &shadow,
                      qint64 version, int minutes)
{
    DeletedShadow entry;
    entry.connectionKey = connection;
    entry.thingName = thing;
    entry.shadowName = shadow;
    entry.state = QJsonObject {
        { QStringLiteral("desired"), QJsonObject { { QStringLiteral("v"), version } } },
        { QStringLiteral("reported"),
          QJsonObject {
              { QStringLiteral("nested"), QJsonObject { { QStringLiteral("ok"), true } } } } },
    };
    entry.version = version;
    entry.deletedAt = T0.addSecs(60 * minutes);
    return entry;
}

int fileCount(const QString &directory)
{
    return int(QDir(directory).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot).size());
}

} // namespace

class TestDeletedShadows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void defaultDirectory()
    {
        QVERIFY(DeletedShadows().directory().endsWith(QStringLiteral("/deleted")));
    }

    // Entries read back equal (also from a new store), newest first; deletedAt is set when
    // missing; each connection sees only its own.
    void roundTripOrderAndSeparation()
    {
        DeletedShadows store(m_dir->path());
        QSignalSpy changed(&store, &DeletedShadows::changed);
        const DeletedShadow older
            = deleted(Sandbox, QStringLiteral("factory:line-2"), QString(), 4, 1);
        const DeletedShadow newer
            = deleted(Sandbox, QStringLiteral("lamp"), QStringLiteral("$cfg"), 9, 5);
        const DeletedShadow elsewhere
            = deleted(Profile, QStringLiteral("lamp"), QStringLiteral("$cfg"), 9, 5);
        QString error;
        QVERIFY2(store.add(older, &error), qPrintable(error));
        QVERIFY(store.add(newer));
        QVERIFY(store.add(elsewhere));
        QCOMPARE(changed.size(), 3);
        QCOMPARE(store.entries(Sandbox), (QList<DeletedShadow> { newer, older }));
        QCOMPARE(DeletedShadows(m_dir->path()).entries(Sandbox),
                 (QList<DeletedShadow> { newer, older }));
        QCOMPARE(store.entries(Profile), QList<DeletedShadow> { elsewhere });
        QVERIFY(store.entries(QStringLiteral("aws/none")).isEmpty());

        DeletedShadow undated = deleted(Profile, QStringLiteral("door"), QString(), 1, 0);
        undated.deletedAt = {};
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QVERIFY(store.add(undated));
        const DeletedShadow first = store.entries(Profile).first();
        QCOMPARE(first.thingName, QStringLiteral("door"));
        QVERIFY(first.deletedAt >= before.addMSecs(-1));
        QCOMPARE(first.deletedAt.timeSpec(), Qt::UTC);

        // Every file name is hashes only, though the thing name holds ':' and the key '/'.
        const QStringList names = QDir(m_dir->path()).entryList(QDir::Files);
        QCOMPARE(names.size(), 4);
        for (const QString &name : names)
            QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{16}-[0-9a-f]{32}\\.json$"))
                         .match(name)
                         .hasMatch(),
                     qPrintable(name));
    }

    // The same shadow deleted twice (re-created in between) is two entries; remove() forgets
    // exactly the one given, and says so only when it was kept.
    void sameShadowTwiceAndRemove()
    {
        DeletedShadows store(m_dir->path());
        const DeletedShadow first = deleted(Sandbox, QStringLiteral("lamp"), QString(), 3, 0);
        const DeletedShadow second = deleted(Sandbox, QStringLiteral("lamp"), QString(), 5, 10);
        QVERIFY(store.add(first));
        QVERIFY(store.add(second));
        QVERIFY(store.add(first)); // the very same entry again: kept once
        QCOMPARE(store.entries(Sandbox), (QList<DeletedShadow> { second, first }));
        QSignalSpy changed(&store, &DeletedShadows::changed);
        store.remove(second);
        QCOMPARE(changed.size(), 1);
        store.remove(second);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(store.entries(Sandbox), QList<DeletedShadow> { first });
    }

    // Beyond MaxEntries the oldest of that connection go; other connections keep theirs.
    void evictsOldestBeyondMax()
    {
        DeletedShadows store(m_dir->path());
        QVERIFY(store.add(deleted(Profile, QStringLiteral("kept"), QString(), 1, -100)));
        const int extra = 5;
        // Added out of time order: eviction goes by deletedAt, not by when add() was called.
        for (int i = DeletedShadows::MaxEntries + extra - 1; i >= 0; --i)
            QVERIFY(store.add(deleted(Sandbox, QStringLiteral("t%1").arg(i), QString(), i + 1, i)));
        const QList<DeletedShadow> entries = store.entries(Sandbox);
        QCOMPARE(entries.size(), DeletedShadows::MaxEntries);
        QCOMPARE(entries.first().thingName,
                 QStringLiteral("t%1").arg(DeletedShadows::MaxEntries + extra - 1));
        QCOMPARE(entries.last().thingName, QStringLiteral("t%1").arg(extra));
        QCOMPARE(store.entries(Profile).size(), 1);
        QCOMPARE(fileCount(m_dir->path()), DeletedShadows::MaxEntries + 1);
    }

    // Unreadable files are skipped with a warning, not counted, and not evicted.
    void unreadableFilesSkippedAndKept()
    {
        DeletedShadows store(m_dir->path());
        const DeletedShadow good = deleted(Sandbox, QStringLiteral("good"), QString(), 2, 0);
        const DeletedShadow bad = deleted(Sandbox, QStringLiteral("bad"), QString(), 2, -1);
        QVERIFY(store.add(bad));
        const QString badFile = QDir(m_dir->path()).entryList(QDir::Files).first();
        QFile file(m_dir->filePath(badFile));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("not json");
        file.close();

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Skipping .*")));
        QVERIFY(store.add(good)); // evicting reads the entries: the bad one is skipped
        for (int i = 1; i < DeletedShadows::MaxEntries; ++i) {
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Skipping .*")));
            QVERIFY(store.add(deleted(Sandbox, QStringLiteral("t%1").arg(i), QString(), 1, i)));
        }
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Skipping .*")));
        QCOMPARE(store.entries(Sandbox).size(), DeletedShadows::MaxEntries);
        QVERIFY(QFile::exists(m_dir->filePath(badFile)));
        QCOMPARE(fileCount(m_dir->path()), DeletedShadows::MaxEntries + 1);
    }

    // Failures say why: an entry without connection or thing, a folder that cannot be made.
    void failures()
    {
        DeletedShadows store(m_dir->path());
        QString error;
        QVERIFY(!store.add(deleted(Sandbox, QString(), QString(), 1, 0), &error));
        QCOMPARE(error, QStringLiteral("A deleted shadow needs a connection and a thing name."));

        QFile blocker(m_dir->filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        DeletedShadows blocked(m_dir->filePath(QStringLiteral("file/deleted")));
        QSignalSpy changed(&blocked, &DeletedShadows::changed);
        QVERIFY(!blocked.add(deleted(Sandbox, QStringLiteral("lamp"), QString(), 1, 0), &error));
        QVERIFY2(error.startsWith(QStringLiteral("Could not create the folder ")),
                 qPrintable(error));
        QCOMPARE(changed.size(), 0);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestDeletedShadows)
#include "tst_deletedshadows.moc"
