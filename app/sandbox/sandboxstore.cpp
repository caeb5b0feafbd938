// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxstore.h"

#include "sandboxbackend.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace Sandbox {

SandboxStore::SandboxStore(SandboxBackend *backend, const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_dataDir(dataDir)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] {
        QString error;
        if (!save(&error))
            Q_EMIT saveFailed(error);
    });
    connect(m_backend, &SandboxBackend::changed, this, [this] {
        if (!m_saveTimer.isActive())
            m_saveTimer.start();
    });
}

SandboxStore::~SandboxStore()
{
    if (m_saveTimer.isActive()) {
        QString error;
        save(&error);
    }
}

QString SandboxStore::filePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("store.json"));
}

bool SandboxStore::exists() const
{
    return QFile::exists(filePath());
}

bool SandboxStore::load(QString *error)
{
    QFile file(filePath());
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(filePath(), file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = tr("%1 is not a sandbox store: %2").arg(filePath(), parseError.errorString());
        return false;
    }
    QString reason;
    if (!m_backend->fromJson(document.object(), &reason)) {
        *error = tr("%1 is not a sandbox store: %2").arg(filePath(), reason);
        return false;
    }
    return true;
}

bool SandboxStore::save(QString *error)
{
    m_saveTimer.stop();
    if (!QDir().mkpath(m_dataDir)) {
        *error = tr("cannot create %1").arg(m_dataDir);
        return false;
    }
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(filePath(), file.errorString());
        return false;
    }
    file.write(QJsonDocument(m_backend->toJson()).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        *error = tr("cannot write %1: %2").arg(filePath(), file.errorString());
        return false;
    }
    return true;
}

bool SandboxStore::remove(QString *error)
{
    if (!exists() || QFile::remove(filePath()))
        return true;
    *error = tr("cannot remove %1").arg(filePath());
    return false;
}

} // namespace Sandbox
