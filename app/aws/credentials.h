// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/sigv4signer.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <optional>

namespace Aws {

/** Credentials as a provider resolved them. */
struct Credentials
{
    SigningCredentials keys;
    std::optional<QDateTime> expiration; ///< set for temporary credentials
    QString source; ///< where they came from, in plain words: "environment variables",
                    ///< "profile dev in ~/.aws/credentials", "credential_process of profile ci"

    /** True when the credentials expire within @p seconds of @p now (never for permanent ones). */
    bool expiresWithin(const QDateTime &now, qint64 seconds) const;
};

/**
 * One credentials lookup in flight (a job object, as ApiCall): finished() fires exactly once,
 * from the event loop, after which outcome() tells whether the provider found credentials,
 * is not configured for them (the chain then asks the next provider), or failed (the chain
 * stops and errorString() says why, in plain words, e.g. the stderr of a credential_process).
 * Deletes itself after finished() was delivered.
 */
class CredentialsJob final : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { Pending, Found, NotConfigured, Failed };
    Q_ENUM(Outcome)

    explicit CredentialsJob(QObject *parent = nullptr);

    Outcome outcome() const { return m_outcome; }
    const std::optional<Credentials> &credentials() const { return m_credentials; }
    const QString &errorString() const { return m_errorString; }

    /** Provider side: each finishes the job (once) from the event loop. */
    void finishFound(const Credentials &credentials);
    void finishNotConfigured(const QString &why = {});
    void finishFailed(const QString &errorString);

Q_SIGNALS:
    void finished();

private:
    void finish(Outcome outcome);

    Outcome m_outcome = Outcome::Pending;
    std::optional<Credentials> m_credentials;
    QString m_errorString;
};

/** A source of credentials: environment, shared files, a process, the keychain, ... */
class CredentialsProvider
{
public:
    virtual ~CredentialsProvider() = default;

    /** Starts a lookup; the job is parented to @p parent and finishes from the event loop. */
    virtual CredentialsJob *resolve(QObject *parent) = 0;

    /** Forgets cached credentials (AWS said they expired); the next lookup asks again. */
    virtual void invalidate() { }
};

/** Fixed credentials (the in-process sandbox's key pair, tests). */
class StaticCredentialsProvider final : public CredentialsProvider
{
public:
    explicit StaticCredentialsProvider(Credentials credentials);
    CredentialsJob *resolve(QObject *parent) override;

private:
    Credentials m_credentials;
};

} // namespace Aws
