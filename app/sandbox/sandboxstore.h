// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace Sandbox {

class SandboxBackend;

/**
 * Keeps a backend in a data directory. Every change is written shortly after it happens
 * (changes within @ref SaveDelayMs are written together) through QSaveFile, which writes a
 * temporary file, syncs it and renames it over the store: a crash or kill leaves either the
 * old store or the new one, never a torn file.
 */
class SandboxStore final : public QObject
{
    Q_OBJECT
public:
    static constexpr int SaveDelayMs = 50;

    SandboxStore(SandboxBackend *backend, const QString &dataDir, QObject *parent = nullptr);
    ~SandboxStore() override;

    QString filePath() const;
    bool exists() const;

    /** Loads the store into the backend; false and @p error when it cannot be read. */
    bool load(QString *error);

    /** Writes the backend now; false and @p error on failure. */
    bool save(QString *error);

    /** Removes the store file (for --fresh). */
    bool remove(QString *error);

Q_SIGNALS:
    /** A deferred write failed: the emulator keeps serving from memory. */
    void saveFailed(const QString &error);

private:
    SandboxBackend *m_backend;
    QString m_dataDir;
    QTimer m_saveTimer;
};

} // namespace Sandbox
