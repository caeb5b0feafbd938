// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonfilestore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace Settings::JsonFileStore {

namespace {

const QString Suffix = QStringLiteral(".json");

QString hashText(const QByteArray &bytes, int length)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(length));
}

QString prefix(const QString &connectionKey)
{
    return hashText(connectionKey.toUtf8(), 16) + u'-';
}

} // namespace

QString resolveDirectory(const QString &directory, const QString &subdirectory)
{
    if (!directory.isEmpty())
        return directory;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u'/' + subdirectory;
}

QString fileName(const QString &connectionKey, const QStringList &parts)
{
    // A JSON array keeps the parts apart whatever characters they hold.
    QJsonArray array { connectionKey };
    for (const QString &part : parts)
        array.append(part);
    return prefix(connectionKey) + hashText(QJsonDocument(array).toJson(QJsonDocument::Compact), 32)
        + Suffix;
}

QStringList files(const QString &directory, const QString &connectionKey)
{
    const QDir dir(directory);
    QStringList paths;
    const QStringList names = dir.entryList({ prefix(connectionKey) + u'*' + Suffix },
                                            QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : names)
        paths.append(dir.filePath(name));
    return paths;
}

std::optional<QJsonObject> read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("Skipping %s: %s", qUtf8Printable(path), qUtf8Printable(file.errorString()));
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (file.error() != QFileDevice::NoError) {
        qWarning("Skipping %s: %s", qUtf8Printable(path), qUtf8Printable(file.errorString()));
        return std::nullopt;
    }
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        qWarning("Skipping %s: not a JSON object (%s)", qUtf8Printable(path),
                 qUtf8Printable(error.errorString()));
        return std::nullopt;
    }
    return document.object();
}

bool write(const QString &directory, const QString &name, const QJsonObject &object, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!QDir().mkpath(directory))
        return fail(QCoreApplication::translate("JsonFileStore", "Could not create the folder %1.")
                        .arg(QDir::toNativeSeparators(directory)));
    const QString path = QDir(directory).filePath(name);
    if (QFileInfo(path).isFile() && !read(path)) {
        const QString aside = path + QStringLiteral(".unreadable-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddThhmmsszzz"));
        if (!QFile::rename(path, aside))
            return fail(QCoreApplication::translate("JsonFileStore",
                                                    "Could not move the unreadable file %1 aside.")
                            .arg(QDir::toNativeSeparators(path)));
        qWarning("Moved the unreadable %s aside to %s", qUtf8Printable(path),
                 qUtf8Printable(aside));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QCoreApplication::translate("JsonFileStore", "Could not write %1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString()));
    // A short write (a full disk, a file size limit) is no error to QSaveFile: commit() would
    // then replace the previous file with a truncated one.
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.error() != QFileDevice::NoError
            ? file.errorString()
            : QCoreApplication::translate("JsonFileStore", "only part of it could be written");
        file.cancelWriting();
        return fail(QCoreApplication::translate("JsonFileStore", "Could not write %1: %2")
                        .arg(QDir::toNativeSeparators(path), reason));
    }
    if (!file.commit())
        return fail(QCoreApplication::translate("JsonFileStore", "Could not write %1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString()));
    return true;
}

bool remove(const QString &directory, const QString &name)
{
    return QFile::remove(QDir(directory).filePath(name));
}

QString timeToJson(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFromJson(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

} // namespace Settings::JsonFileStore
