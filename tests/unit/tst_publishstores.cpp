// SPDX-License-Identifier: GPL-3.0-or-later
// The publish history keeps the last 100 messages sent, newest first, across instances; the
// templates are saved, replaced and removed by name across instances, and export then import
// round-trips them, while a bad file to import (not JSON, wrong format, a template that does
// not parse) imports nothing and says why.
#include "settings/publishhistory.h"
#include "settings/publishtemplates.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Publish::Draft;
using Publish::PayloadMode;
using Settings::PublishHistory;
using Settings::PublishTemplates;

namespace {

Draft draft(const QString &topic, const QString &payload = QStringLiteral("{\"n\": 1}"))
{
    Draft draft;
    draft.topic = topic;
    draft.payloadText = payload;
    return draft;
}

Draft richDraft()
{
    Draft draft;
    draft.topic = QStringLiteral("devices/${thing}/cmd");
    draft.mode = PayloadMode::Base64;
    draft.payloadText = QStringLiteral("AAEC");
    draft.qos = 1;
    draft.retain = true;
    draft.contentType = QStringLiteral("application/octet-stream");
    draft.payloadFormat = Iot::PayloadFormat::UnspecifiedBytes;
    draft.responseTopic = QStringLiteral("r/${uuid}");
    draft.correlationData = QStringLiteral("0a0b");
    draft.correlationEncoding = Publish::BytesEncoding::Hex;
    draft.messageExpiry = 60;
    draft.userProperties = { { QStringLiteral("a"), QStringLiteral("1") },
                             { QStringLiteral("a"), QStringLiteral("2") } };
    return draft;
}

QDateTime at(int second)
{
    return QDateTime(QDate(2026, 11, 28), QTime(10, 0, 0), Qt::UTC).addSecs(second);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray templatesFile(const QJsonArray &templates)
{
    return QJsonDocument(QJsonObject { { QStringLiteral("shadowscopeTemplates"), 1 },
                                       { QStringLiteral("templates"), templates } })
        .toJson();
}

QJsonObject namedTemplate(const QString &name, const Draft &draft)
{
    QJsonObject json = draft.toJson();
    json.insert(QStringLiteral("name"), name);
    return json;
}

} // namespace

class TestPublishStores : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Newest first, with the time sent; a second instance reads the same entries.
    void historyOrderAndPersistence()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        PublishHistory history(dir.path());
        QVERIFY(history.entries().isEmpty());
        QSignalSpy changed(&history, &PublishHistory::changed);
        history.add(draft(QStringLiteral("a")), at(1));
        history.add(richDraft(), at(2));
        Draft file = draft(QStringLiteral("c"), QStringLiteral("/tmp/blob.bin"));
        file.mode = PayloadMode::File;
        history.add(file, at(3));
        QCOMPARE(changed.size(), 3);
        const QList<PublishHistory::Entry> expected { { file, at(3) },
                                                      { richDraft(), at(2) },
                                                      { draft(QStringLiteral("a")), at(1) } };
        QCOMPARE(history.entries(), expected);

        PublishHistory reopened(dir.path());
        QCOMPARE(reopened.entries(), expected);
        QCOMPARE(reopened.entries().constFirst().draft.payloadText,
                 QStringLiteral("/tmp/blob.bin"));
    }

    // At most MaxEntries: the oldest go, in memory and on disk.
    void historyCap()
    {
        QTemporaryDir dir;
        PublishHistory history(dir.path());
        for (int i = 0; i < PublishHistory::MaxEntries + 5; ++i)
            history.add(draft(QStringLiteral("t/%1").arg(i)), at(i));
        QCOMPARE(history.entries().size(), PublishHistory::MaxEntries);
        QCOMPARE(history.entries().constFirst().draft.topic,
                 QStringLiteral("t/%1").arg(PublishHistory::MaxEntries + 4));
        QCOMPARE(history.entries().constLast().draft.topic, QStringLiteral("t/5"));
        PublishHistory reopened(dir.path());
        QCOMPARE(reopened.entries(), history.entries());
    }

    // Distinct topics, most recent first; clear() forgets everything, for good.
    void historyTopicsAndClear()
    {
        QTemporaryDir dir;
        PublishHistory history(dir.path());
        history.add(draft(QStringLiteral("a")), at(1));
        history.add(draft(QStringLiteral("b")), at(2));
        history.add(draft(QStringLiteral("a"), QStringLiteral("2")), at(3));
        history.add(draft(QStringLiteral("c")), at(4));
        QCOMPARE(history.topics(),
                 QStringList({ QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b") }));
        QSignalSpy changed(&history, &PublishHistory::changed);
        history.clear();
        QCOMPARE(changed.size(), 1);
        QVERIFY(history.entries().isEmpty());
        QVERIFY(history.topics().isEmpty());
        QVERIFY(PublishHistory(dir.path()).entries().isEmpty());
    }

    // A history file that does not parse is left alone and the history starts empty.
    void historyUnreadable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.json"));
        QVERIFY(writeFile(path, "not json"));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^Skipping .*history.json")));
        PublishHistory history(dir.path());
        QVERIFY(history.entries().isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("not json"));
    }

    // Save, replace and remove by name, sorted case-insensitively, kept across instances.
    void templatesSaveReplaceRemove()
    {
        QTemporaryDir dir;
        PublishTemplates templates(dir.path());
        QVERIFY(templates.names().isEmpty());
        QSignalSpy changed(&templates, &PublishTemplates::changed);
        QString error;
        QVERIFY(templates.save(QStringLiteral("beta"), draft(QStringLiteral("b")), &error));
        QVERIFY(templates.save(QStringLiteral("Alpha"), richDraft(), &error));
        QVERIFY(templates.save(QStringLiteral(" gamma "), draft(QStringLiteral("g")), &error));
        QCOMPARE(templates.names(),
                 QStringList(
                     { QStringLiteral("Alpha"), QStringLiteral("beta"), QStringLiteral("gamma") }));
        QCOMPARE(templates.get(QStringLiteral("Alpha")), richDraft());
        QCOMPARE(templates.get(QStringLiteral("alpha")), std::nullopt);

        QVERIFY(templates.save(QStringLiteral("beta"), draft(QStringLiteral("b2")), &error));
        QCOMPARE(templates.names().size(), 3);
        QCOMPARE(templates.get(QStringLiteral("beta")), draft(QStringLiteral("b2")));
        QCOMPARE(changed.size(), 4);

        QVERIFY(!templates.save(QStringLiteral("  "), draft(QStringLiteral("x")), &error));
        QCOMPARE(error, QStringLiteral("A template needs a name."));
        QCOMPARE(changed.size(), 4);

        templates.remove(QStringLiteral("gamma"));
        templates.remove(QStringLiteral("no such template"));
        QCOMPARE(changed.size(), 5);
        QCOMPARE(templates.names(),
                 QStringList({ QStringLiteral("Alpha"), QStringLiteral("beta") }));

        PublishTemplates reopened(dir.path());
        QCOMPARE(reopened.names(), templates.names());
        QCOMPARE(reopened.get(QStringLiteral("Alpha")), richDraft());
        QCOMPARE(reopened.get(QStringLiteral("beta")), draft(QStringLiteral("b2")));
    }

    // Export writes the documented format; importing it elsewhere gives the same templates,
    // replacing those of the same name and keeping the others.
    void exportImportRoundTrip()
    {
        QTemporaryDir dir;
        PublishTemplates source(dir.filePath(QStringLiteral("a")));
        QVERIFY(source.save(QStringLiteral("rich"), richDraft()));
        QVERIFY(source.save(QStringLiteral("plain"), draft(QStringLiteral("p"))));
        const QString path = dir.filePath(QStringLiteral("export.json"));
        QString error;
        QVERIFY2(source.exportTo(path, &error), qPrintable(error));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(json.value(QLatin1String("shadowscopeTemplates")).toInt(), 1);
        QCOMPARE(json.value(QLatin1String("templates")).toArray().size(), 2);
        QCOMPARE(json.value(QLatin1String("templates"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QLatin1String("name")),
                 QStringLiteral("rich"));

        PublishTemplates target(dir.filePath(QStringLiteral("b")));
        QVERIFY(target.save(QStringLiteral("plain"), draft(QStringLiteral("old"))));
        QVERIFY(target.save(QStringLiteral("mine"), draft(QStringLiteral("m"))));
        QSignalSpy changed(&target, &PublishTemplates::changed);
        QCOMPARE(target.importFrom(path, &error), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(target.names(),
                 QStringList(
                     { QStringLiteral("mine"), QStringLiteral("plain"), QStringLiteral("rich") }));
        QCOMPARE(target.get(QStringLiteral("rich")), richDraft());
        QCOMPARE(target.get(QStringLiteral("plain")), draft(QStringLiteral("p")));
        QCOMPARE(PublishTemplates(dir.filePath(QStringLiteral("b"))).names(), target.names());

        QVERIFY(!source.exportTo(dir.filePath(QStringLiteral("missing/dir/x.json")), &error));
        QVERIFY2(error.startsWith(QStringLiteral("Cannot write ")), qPrintable(error));
    }

    // A file that cannot be imported says why and imports nothing, not even its good templates.
    void importBadFiles_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("error"); // after "<path>"
        QTest::newRow("not json") << QByteArray("{\"shadowscopeTemplates\": 1,")
                                  << QStringLiteral(" is not JSON: unterminated object at byte 28");
        QTest::newRow("array") << QByteArray("[]")
                               << QStringLiteral(": It is not a Shadowscope templates file.");
        QTest::newRow("other format")
            << QByteArray("{\"templates\": []}")
            << QStringLiteral(
                   ": It is not a Shadowscope templates file (\"shadowscopeTemplates\": 1 "
                   "and a \"templates\" array are missing).");
        QTest::newRow("newer format")
            << QByteArray("{\"shadowscopeTemplates\": 2, \"templates\": []}")
            << QStringLiteral(
                   ": It is not a Shadowscope templates file (\"shadowscopeTemplates\": 1 "
                   "and a \"templates\" array are missing).");
        QTest::newRow("no name") << templatesFile(
            { namedTemplate(QStringLiteral("good"), richDraft()),
              draft(QStringLiteral("x")).toJson() })
                                 << QStringLiteral(": Template 2 does not parse.");
        QJsonObject badMode = namedTemplate(QStringLiteral("bad mode"), richDraft());
        badMode.insert(QStringLiteral("mode"), QStringLiteral("morse"));
        QTest::newRow("bad mode") << templatesFile(
            { namedTemplate(QStringLiteral("good"), richDraft()), badMode })
                                  << QStringLiteral(": Template 2 (\"bad mode\") does not parse.");
        QTest::newRow("not an object")
            << templatesFile({ 3 }) << QStringLiteral(": Template 1 does not parse.");
    }

    void importBadFiles()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, error);
        QTemporaryDir dir;
        PublishTemplates templates(dir.filePath(QStringLiteral("store")));
        QVERIFY(templates.save(QStringLiteral("keep"), draft(QStringLiteral("k"))));
        const QString path = dir.filePath(QStringLiteral("import.json"));
        QVERIFY(writeFile(path, contents));
        QSignalSpy changed(&templates, &PublishTemplates::changed);
        QString message;
        QCOMPARE(templates.importFrom(path, &message), -1);
        QCOMPARE(message, path + error);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(templates.names(), QStringList(QStringLiteral("keep")));
        QCOMPARE(PublishTemplates(dir.filePath(QStringLiteral("store"))).names(),
                 templates.names());
    }

    void importMissingFile()
    {
        QTemporaryDir dir;
        PublishTemplates templates(dir.path());
        const QString path = dir.filePath(QStringLiteral("nothing.json"));
        QString error;
        QCOMPARE(templates.importFrom(path, &error), -1);
        QCOMPARE(error, QStringLiteral("Cannot read %1: No such file or directory").arg(path));
    }
};

QTEST_GUILESS_MAIN(TestPublishStores)
#include "tst_publishstores.moc"
