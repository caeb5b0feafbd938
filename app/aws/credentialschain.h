// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentialprocess.h"
#include "aws/credentials.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

namespace Aws {

class AwsCliCredentialsProvider;
class EnvironmentCredentialsProvider;
class ProcessCredentialsProvider;
class SharedFileCredentialsProvider;

/**
 * The aws CLI's order of credential sources, for one profile: the Shadowscope app profile
 * (when the caller gives one), the environment variables (skipped when the caller names the
 * profile, as `aws --profile X` does), the profile's static keys in the shared files, its
 * credential_process, then the aws CLI for SSO and assumed-role profiles. The first source
 * that is configured decides: its credentials, or its failure. Found credentials are cached
 * until 5 minutes before their expiration; concurrent resolves share one walk.
 * @see CredentialsProvider, AwsProfiles
 */
class CredentialsChain final : public QObject, public CredentialsProvider
{
    Q_OBJECT
public:
    static constexpr qint64 RefreshMarginSeconds = 5 * 60;

    struct Options
    {
        QString profile; ///< empty: AWS_PROFILE, else "default"
        CredentialsProvider *appProfile = nullptr; ///< not owned; asked first when set
        QString awsExecutable = QStringLiteral("aws");
        std::chrono::milliseconds processTimeout = CredentialProcess::DefaultTimeout;
    };

    explicit CredentialsChain(const Options &options, QObject *parent = nullptr);
    ~CredentialsChain() override;

    CredentialsJob *resolve(QObject *parent) override;
    /** Drops the cached credentials (e.g. after a 403 for expired credentials). */
    void invalidate() override;
    /** The profile the chain resolves (the caller's, else AWS_PROFILE, else "default"). */
    QString profile() const;

private:
    void ask(qsizetype index);
    void deliver(CredentialsJob::Outcome outcome, const std::optional<Credentials> &credentials,
                 const QString &errorString);

    Options m_options;
    std::unique_ptr<EnvironmentCredentialsProvider> m_environment;
    std::unique_ptr<SharedFileCredentialsProvider> m_credentialsFile;
    std::unique_ptr<SharedFileCredentialsProvider> m_configFile;
    std::unique_ptr<ProcessCredentialsProvider> m_process;
    std::unique_ptr<AwsCliCredentialsProvider> m_awsCli;
    QList<CredentialsProvider *> m_walk; ///< the providers of the walk in flight
    QList<QPointer<CredentialsJob>> m_waiting;
    std::optional<Credentials> m_cached;
    quint64 m_generation = 0; ///< bumped by invalidate(): a walk started before is not cached
    quint64 m_walkGeneration = 0;
};

} // namespace Aws
