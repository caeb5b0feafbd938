// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials.h"

#include "../scopedenvironment.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

/** What a provider's job ended with. */
struct Resolution
{
    Aws::CredentialsJob::Outcome outcome = Aws::CredentialsJob::Outcome::Pending;
    std::optional<Aws::Credentials> credentials;
    QString errorString;
};

/**
 * A private HOME in a temporary directory with ~/.aws, the AWS variables cleared (and put
 * back afterwards), and helpers that write files and scripts and wait for a resolve.
 */
class CredentialsFixture
{
public:
    CredentialsFixture()
    {
        m_environment.set("HOME", QFile::encodeName(m_home.path()));
        QDir(m_home.path()).mkpath(QStringLiteral(".aws"));
    }

    bool isValid() const { return m_home.isValid(); }
    QString path(const QString &name) const { return m_home.filePath(name); }
    ScopedEnvironment &environment() { return m_environment; }

    bool writeFile(const QString &name, const QByteArray &content) const
    {
        QFile file(path(name));
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    }
    bool writeConfig(const QByteArray &content) const
    {
        return writeFile(QStringLiteral(".aws/config"), content);
    }
    bool writeCredentials(const QByteArray &content) const
    {
        return writeFile(QStringLiteral(".aws/credentials"), content);
    }
    /** An executable shell script; returns its path. */
    QString writeScript(const QString &name, const QByteArray &body) const
    {
        if (!writeFile(name, QByteArrayLiteral("#!/bin/sh\n") + body))
            return {};
        QFile::setPermissions(path(name), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path(name);
    }
    /** A credential_process line running the script with /bin/sh (the path quoted). */
    QByteArray processLine(const QString &name, const QByteArray &body) const
    {
        return QByteArrayLiteral("/bin/sh \"") + QFile::encodeName(writeScript(name, body))
            + QByteArrayLiteral("\"");
    }
    /** The JSON a credential process prints. */
    static QByteArray processJson(const QByteArray &keyId, const QDateTime &expiration = {})
    {
        QByteArray json = QByteArrayLiteral("{\"Version\": 1, \"AccessKeyId\": \"") + keyId
            + QByteArrayLiteral("\", \"SecretAccessKey\": \"secret-") + keyId
            + QByteArrayLiteral("\", \"SessionToken\": \"token-") + keyId + '"';
        if (expiration.isValid())
            json += QByteArrayLiteral(", \"Expiration\": \"")
                + expiration.toUTC().toString(Qt::ISODate).toLatin1() + '"';
        return json + '}';
    }
    /** Lines counted in a file (a script appends one per run). */
    int lineCount(const QString &name) const
    {
        QFile file(path(name));
        if (!file.open(QIODevice::ReadOnly))
            return 0;
        return int(file.readAll().count('\n'));
    }

private:
    QTemporaryDir m_home;
    ScopedEnvironment m_environment;
};

/** Starts a resolve and waits (up to @p timeoutMs) for the job to finish. */
inline Resolution resolveAndWait(Aws::CredentialsProvider &provider, int timeoutMs = 30'000)
{
    QObject context;
    Aws::CredentialsJob *job = provider.resolve(&context);
    Resolution resolution;
    QObject::connect(job, &Aws::CredentialsJob::finished, &context, [job, &resolution] {
        resolution.outcome = job->outcome();
        resolution.credentials = job->credentials();
        resolution.errorString = job->errorString();
    });
    QSignalSpy spy(job, &Aws::CredentialsJob::finished);
    if (!spy.wait(timeoutMs))
        resolution.errorString = QStringLiteral("(the job did not finish in time)");
    return resolution;
}
