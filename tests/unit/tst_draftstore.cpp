// SPDX-License-Identifier: GPL-3.0-or-later
// Drafts of unsaved shadow edits: a save reads back exactly (any text, any key characters),
// one file per connection, thing and shadow with a hashed name, drafts listed oldest first
// per connection, a failed save leaves the previous draft as it was, and unreadable files are
// skipped and kept (a save in their way moves them aside).
#include "settings/draftstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/resource.h>
#include <unistd.h>
#endif

using Settings::Draft;
using Settings::DraftStore;

namespace {

Draft draft(const QString &connection, const QString &thing, const QString &shadow,
            const QString &text = QStringLiteral("{\"power\": \"on\""))
{
    Draft draft;
    draft.connectionKey = connection;
    draft.thingName = thing;
    draft.shadowName = shadow;
    draft.mode = QStringLiteral("desired");
    draft.text = text;
    draft.baseVersion = 7;
    draft.baseState = QJsonObject {
        { QStringLiteral("desired"),
          QJsonObject { { QStringLiteral("power"), QStringLiteral("off") } } },
        { QStringLiteral("reported"),
          QJsonObject { { QStringLiteral("power"), QStringLiteral("off") },
                        { QStringLiteral("temp"), 21.5 },
                        { QStringLiteral("tags"), QJsonArray { 1, QStringLiteral("a"), true } } } },
    };
    return draft;
}

QStringList jsonFiles(const QString &directory)
{
    return QDir(directory).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

const QString Sandbox = QStringLiteral("sandbox");
const QString Profile = QStringLiteral("aws/dev@eu-west-1");

} // namespace

class TestDraftStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    // The default directory is AppDataLocation/drafts; nothing is created before a save.
    void defaultDirectory()
    {
        DraftStore store;
        QVERIFY(store.directory().endsWith(QStringLiteral("/drafts")));
        DraftStore custom(m_dir->filePath(QStringLiteral("d")));
        QCOMPARE(custom.directory(), m_dir->filePath(QStringLiteral("d")));
        QVERIFY(!QFile::exists(custom.directory()));
    }

    // Everything saved reads back equal, savedAt set when it was null and kept when given.
    void roundTrip_data()
    {
        QTest::addColumn<QString>("connection");
        QTest::addColumn<QString>("thing");
        QTest::addColumn<QString>("shadow");
        QTest::addColumn<QString>("text");
        QTest::newRow("classic") << Sandbox << QStringLiteral("lamp-01") << QString()
                                 << QStringLiteral("{\"power\": \"on\"}");
        QTest::newRow("colons and slashes")
            << QStringLiteral("aws/a:b\\c") << QStringLiteral("factory:line-2:robot_7")
            << QStringLiteral("$config:v2") << QStringLiteral("{\"broken\": ");
        QTest::newRow("unicode and newlines")
            << Profile << QStringLiteral("door") << QStringLiteral("ui")
            << QStringLiteral("{\n  \"label\": \"Küche ☕\",\n\t\"n\": null\n}\r\n");
        QTest::newRow("empty text")
            << Sandbox << QStringLiteral("t") << QStringLiteral("s") << QString();
    }
    void roundTrip()
    {
        QFETCH(QString, connection);
        QFETCH(QString, thing);
        QFETCH(QString, shadow);
        QFETCH(QString, text);
        DraftStore store(m_dir->path());
        QSignalSpy changed(&store, &DraftStore::changed);
        const Draft saved = draft(connection, thing, shadow, text);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QString error;
        QVERIFY2(store.save(saved, &error), qPrintable(error));
        QCOMPARE(changed.size(), 1);

        const std::optional<Draft> loaded = store.load(connection, thing, shadow);
        QVERIFY(loaded);
        QVERIFY(loaded->savedAt >= before.addMSecs(-1));
        QVERIFY(loaded->savedAt <= QDateTime::currentDateTimeUtc());
        QCOMPARE(loaded->savedAt.timeSpec(), Qt::UTC);
        Draft expected = saved;
        expected.savedAt = loaded->savedAt;
        QCOMPARE(*loaded, expected);
        // A new store on the same directory reads the same.
        QCOMPARE(DraftStore(m_dir->path()).load(connection, thing, shadow), expected);

        // A given time is kept (to the millisecond).
        Draft dated = saved;
        dated.savedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
        QVERIFY(store.save(dated));
        QCOMPARE(store.load(connection, thing, shadow), dated);

        // One file per shadow, named by hashes only (whatever the key characters).
        const QStringList files = jsonFiles(m_dir->path());
        QCOMPARE(files.size(), 1);
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{16}-[0-9a-f]{32}\\.json$"))
                     .match(files.first())
                     .hasMatch(),
                 qPrintable(files.first()));
    }

    // Connections, things and shadows are kept apart: the classic shadow is not one named
    // "classic", and each connection lists only its own drafts, oldest first.
    void separationAndOrder()
    {
        DraftStore store(m_dir->path());
        const QDateTime t0(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC);
        const auto at = [&](Draft d, int minutes) {
            d.savedAt = t0.addSecs(60 * minutes);
            return d;
        };
        QVERIFY(store.save(at(draft(Sandbox, QStringLiteral("lamp"), QString()), 3)));
        QVERIFY(
            store.save(at(draft(Sandbox, QStringLiteral("lamp"), QStringLiteral("classic")), 1)));
        QVERIFY(store.save(at(draft(Sandbox, QStringLiteral("door"), QString()), 2)));
        QVERIFY(store.save(
            at(draft(Profile, QStringLiteral("lamp"), QString(), QStringLiteral("other")), 0)));

        QCOMPARE(store.load(Sandbox, QStringLiteral("lamp"), QString())->savedAt, t0.addSecs(180));
        QCOMPARE(store.load(Sandbox, QStringLiteral("lamp"), QStringLiteral("classic"))->savedAt,
                 t0.addSecs(60));
        QCOMPARE(store.load(Profile, QStringLiteral("lamp"), QString())->text,
                 QStringLiteral("other"));
        QVERIFY(!store.load(Profile, QStringLiteral("door"), QString()));

        QStringList order;
        for (const Draft &d : store.drafts(Sandbox))
            order.append(d.thingName + u'/' + d.shadowName);
        QCOMPARE(order,
                 (QStringList { QStringLiteral("lamp/classic"), QStringLiteral("door/"),
                                QStringLiteral("lamp/") }));
        QCOMPARE(store.drafts(Profile).size(), 1);
        QVERIFY(store.drafts(QStringLiteral("aws/none")).isEmpty());

        // Saving the same shadow again replaces its draft.
        QVERIFY(store.save(
            at(draft(Sandbox, QStringLiteral("door"), QString(), QStringLiteral("v2")), 9)));
        QCOMPARE(store.drafts(Sandbox).size(), 3);
        QCOMPARE(store.drafts(Sandbox).last().text, QStringLiteral("v2"));

        // Removing one leaves the others, and says so only when there was one.
        QSignalSpy changed(&store, &DraftStore::changed);
        store.remove(Sandbox, QStringLiteral("lamp"), QString());
        QCOMPARE(changed.size(), 1);
        store.remove(Sandbox, QStringLiteral("lamp"), QString());
        QCOMPARE(changed.size(), 1);
        QVERIFY(!store.load(Sandbox, QStringLiteral("lamp"), QString()));
        QVERIFY(store.load(Sandbox, QStringLiteral("lamp"), QStringLiteral("classic")));
        QVERIFY(store.load(Profile, QStringLiteral("lamp"), QString()));
        QCOMPARE(jsonFiles(m_dir->path()).size(), 3);
    }

    // A draft needs a connection and a thing; the refusal says why and writes nothing.
    void refusesIncomplete()
    {
        DraftStore store(m_dir->path());
        QSignalSpy changed(&store, &DraftStore::changed);
        QString error;
        QVERIFY(!store.save(draft(Sandbox, QString(), QString()), &error));
        QCOMPARE(error, QStringLiteral("A draft needs a connection and a thing name."));
        QVERIFY(!store.save(draft(QString(), QStringLiteral("t"), QString())));
        QCOMPARE(changed.size(), 0);
        QVERIFY(jsonFiles(m_dir->path()).isEmpty());
    }

    // Files that are not drafts (garbage, another JSON, a folder in the way) are skipped with
    // a warning and left alone; a save in the way of one moves it aside, never deletes it.
    void unreadableFilesSkippedAndKept()
    {
        DraftStore store(m_dir->path());
        QVERIFY(store.save(draft(Sandbox, QStringLiteral("good"), QString())));
        QVERIFY(store.save(draft(Sandbox, QStringLiteral("garbage"), QString())));
        QVERIFY(store.save(draft(Sandbox, QStringLiteral("other-json"), QString())));
        QVERIFY(store.save(draft(Sandbox, QStringLiteral("folder"), QString())));
        const auto fileOf = [&](const QString &thing) {
            const QStringList before = jsonFiles(m_dir->path());
            store.remove(Sandbox, thing, QString());
            const QStringList after = jsonFiles(m_dir->path());
            for (const QString &name : before)
                if (!after.contains(name))
                    return m_dir->filePath(name);
            return QString();
        };
        const QString garbage = fileOf(QStringLiteral("garbage"));
        const QString otherJson = fileOf(QStringLiteral("other-json"));
        const QString folder = fileOf(QStringLiteral("folder"));
        QVERIFY(!garbage.isEmpty() && !otherJson.isEmpty() && !folder.isEmpty());
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"kind\": \"shadowscope-draft\", \"text\": \"trunc");
        file.close();
        file.setFileName(otherJson);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"kind\": \"something-else\"}");
        file.close();
        QVERIFY(QDir().mkdir(folder));

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Skipping .*")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Skipping .*")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Skipping .*")));
        const QList<Draft> drafts = store.drafts(Sandbox);
        QCOMPARE(drafts.size(), 1);
        QCOMPARE(drafts.first().thingName, QStringLiteral("good"));

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Skipping .*")));
        QVERIFY(!store.load(Sandbox, QStringLiteral("garbage"), QString()));
        QVERIFY(QFile::exists(garbage));
        QVERIFY(QFile::exists(otherJson));
        QVERIFY(QFileInfo(folder).isDir());

        // A new draft of that shadow: the corrupt file is renamed aside, not lost.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Skipping .*")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^Moved the unreadable .*")));
        QVERIFY(store.save(
            draft(Sandbox, QStringLiteral("garbage"), QString(), QStringLiteral("new"))));
        QCOMPARE(store.load(Sandbox, QStringLiteral("garbage"), QString())->text,
                 QStringLiteral("new"));
        const QStringList aside
            = QDir(m_dir->path())
                  .entryList({ QFileInfo(garbage).fileName() + QStringLiteral(".unreadable-*") });
        QCOMPARE(aside.size(), 1);
        QFile kept(m_dir->filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QVERIFY(kept.readAll().endsWith("\"trunc"));
    }

    // A save that fails leaves the previous draft byte for byte, leaves no temporary file,
    // and says why.
    void failedSaveKeepsPrevious_data()
    {
        QTest::addColumn<QString>("failure");
        QTest::newRow("read-only folder") << QStringLiteral("read-only");
        QTest::newRow("file size limit") << QStringLiteral("fsize");
    }
    void failedSaveKeepsPrevious()
    {
#ifndef Q_OS_UNIX
        QSKIP("The failures are made with POSIX permissions and resource limits");
#else
        QFETCH(QString, failure);
        if (failure == QStringLiteral("read-only") && geteuid() == 0)
            QSKIP("root writes into read-only folders");
        DraftStore store(m_dir->path());
        const Draft first = draft(Sandbox, QStringLiteral("lamp"), QString(), QStringLiteral("{}"));
        QVERIFY(store.save(first));
        const QStringList files = jsonFiles(m_dir->path());
        QCOMPARE(files.size(), 1);
        QFile file(m_dir->filePath(files.first()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();

        QSignalSpy changed(&store, &DraftStore::changed);
        Draft second = first;
        second.text = QString(100000, u'x');
        QString error;
        bool saved = true;
        if (failure == QStringLiteral("read-only")) {
            const QFile::Permissions permissions = QFile::permissions(m_dir->path());
            QVERIFY(QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::ExeOwner));
            saved = store.save(second, &error);
            QVERIFY(QFile::setPermissions(m_dir->path(), permissions));
        } else {
            // Writes beyond 4 KB fail with EFBIG (SIGXFSZ ignored), as on a full disk.
            rlimit previous {};
            QCOMPARE(getrlimit(RLIMIT_FSIZE, &previous), 0);
            rlimit small = previous;
            small.rlim_cur = 4096;
            const auto handler = std::signal(SIGXFSZ, SIG_IGN);
            QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
            saved = store.save(second, &error);
            QCOMPARE(setrlimit(RLIMIT_FSIZE, &previous), 0);
            std::signal(SIGXFSZ, handler);
        }
        QVERIFY(!saved);
        QVERIFY2(error.startsWith(QStringLiteral("Could not write ")), qPrintable(error));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(jsonFiles(m_dir->path()), files);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);
        QCOMPARE(store.load(Sandbox, QStringLiteral("lamp"), QString())->text,
                 QStringLiteral("{}"));
#endif
    }

    // A folder that cannot be created is reported as such.
    void uncreatableDirectory()
    {
        QFile blocker(m_dir->filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        DraftStore store(m_dir->filePath(QStringLiteral("file/drafts")));
        QString error;
        QVERIFY(!store.save(draft(Sandbox, QStringLiteral("lamp"), QString()), &error));
        QVERIFY2(error.startsWith(QStringLiteral("Could not create the folder ")),
                 qPrintable(error));
        QVERIFY(store.drafts(Sandbox).isEmpty());
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestDraftStore)
#include "tst_draftstore.moc"
