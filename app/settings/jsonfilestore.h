// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/**
 * The file handling DraftStore and DeletedShadows share: one small JSON file per record in a
 * directory, named by hashes so that any key (thing names hold ':', connection keys '/') is a
 * safe file name, and prefixed by the hash of the connection key so one connection's records
 * are listed without reading the others'. Files are written atomically (QSaveFile: a failed
 * or interrupted write leaves the previous file as it was). A file that cannot be read or
 * parsed is skipped with a qWarning and left where it is, never deleted.
 * @see Settings::DraftStore, Settings::DeletedShadows
 */
namespace Settings::JsonFileStore {

/** @p subdirectory of QStandardPaths::AppDataLocation when @p directory is empty. */
QString resolveDirectory(const QString &directory, const QString &subdirectory);

/**
 * "<hash of connectionKey>-<hash of connectionKey and every part>.json": the same parts
 * always give the same name, different parts (in practice) never do.
 */
QString fileName(const QString &connectionKey, const QStringList &parts);

/** The paths of @p connectionKey's files in @p directory, in no particular order. */
QStringList files(const QString &directory, const QString &connectionKey);

/**
 * Writes @p object to @p directory/@p name atomically, creating @p directory if needed.
 * On failure returns false and sets @p error (if given) to a sentence for people. An
 * existing file at that name that cannot be parsed is first renamed aside
 * (name + ".unreadable-<UTC time>") rather than overwritten.
 */
bool write(const QString &directory, const QString &name, const QJsonObject &object,
           QString *error);

/** The JSON object in @p path; nullopt (after a qWarning) when unreadable or not an object. */
std::optional<QJsonObject> read(const QString &path);

/** Removes @p directory/@p name; true when a file was removed. */
bool remove(const QString &directory, const QString &name);

/** @p time in UTC as ISO 8601 with milliseconds ("2026-11-28T10:00:00.123Z"). */
QString timeToJson(const QDateTime &time);
/** The inverse of timeToJson(); an invalid QDateTime when @p text is not such a time. */
QDateTime timeFromJson(const QString &text);

} // namespace Settings::JsonFileStore
