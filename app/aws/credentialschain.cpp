// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentialschain.h"

#include "aws/awsclicredentialsprovider.h"
#include "aws/awsprofiles.h"
#include "aws/environmentcredentialsprovider.h"
#include "aws/processcredentialsprovider.h"
#include "aws/sharedfilecredentialsprovider.h"

namespace Aws {

CredentialsChain::CredentialsChain(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_environment(std::make_unique<EnvironmentCredentialsProvider>())
    , m_credentialsFile(std::make_unique<SharedFileCredentialsProvider>(
          options.profile, SharedFileCredentialsProvider::File::Credentials))
    , m_configFile(std::make_unique<SharedFileCredentialsProvider>(
          options.profile, SharedFileCredentialsProvider::File::Config))
    , m_process(
          std::make_unique<ProcessCredentialsProvider>(options.profile, options.processTimeout))
    , m_awsCli(std::make_unique<AwsCliCredentialsProvider>(
          options.profile, options.awsExecutable,
          AwsCliCredentialsProvider::Use::WhenProfileNeedsIt, options.processTimeout))
{
}

CredentialsChain::~CredentialsChain()
{
    // Callers still waiting hear of it rather than wait for ever.
    if (!m_waiting.isEmpty())
        deliver(CredentialsJob::Outcome::Failed, std::nullopt,
                tr("The credentials lookup was cancelled."));
}

QString CredentialsChain::profile() const
{
    return AwsProfiles::selectedProfile(m_options.profile);
}

CredentialsJob *CredentialsChain::resolve(QObject *parent)
{
    auto *job = new CredentialsJob(parent);
    if (m_cached
        && !m_cached->expiresWithin(QDateTime::currentDateTimeUtc(), RefreshMarginSeconds)) {
        job->finishFound(*m_cached);
        return job;
    }
    m_cached.reset();
    m_waiting.append(job);
    if (m_walk.isEmpty()) {
        if (m_options.appProfile)
            m_walk.append(m_options.appProfile);
        if (m_options.profile.trimmed().isEmpty())
            m_walk.append(m_environment.get());
        // botocore's order: role and SSO profiles (through the aws CLI) before static keys,
        // the credentials file's keys, the credential_process, then the config file's keys.
        m_walk += { m_awsCli.get(), m_credentialsFile.get(), m_process.get(), m_configFile.get() };
        m_walkGeneration = m_generation;
        ask(0);
    }
    return job;
}

void CredentialsChain::invalidate()
{
    m_cached.reset();
    ++m_generation;
}

void CredentialsChain::ask(qsizetype index)
{
    if (index == m_walk.size()) {
        deliver(CredentialsJob::Outcome::NotConfigured, std::nullopt,
                tr("No credentials found for profile %1: set AWS_ACCESS_KEY_ID and "
                   "AWS_SECRET_ACCESS_KEY, or give the profile keys, a credential_process, or "
                   "an SSO or role configuration in %2.")
                    .arg(profile(), AwsProfiles::displayPath(AwsProfiles::configFilePath())));
        return;
    }
    CredentialsJob *job = m_walk.at(index)->resolve(this);
    connect(job, &CredentialsJob::finished, this, [this, job, index] {
        switch (job->outcome()) {
        case CredentialsJob::Outcome::NotConfigured:
        case CredentialsJob::Outcome::Pending:
            ask(index + 1);
            return;
        case CredentialsJob::Outcome::Found:
            if (m_walkGeneration == m_generation)
                m_cached = job->credentials();
            deliver(CredentialsJob::Outcome::Found, job->credentials(), {});
            return;
        case CredentialsJob::Outcome::Failed:
            deliver(CredentialsJob::Outcome::Failed, std::nullopt, job->errorString());
            return;
        }
    });
}

void CredentialsChain::deliver(CredentialsJob::Outcome outcome,
                               const std::optional<Credentials> &credentials,
                               const QString &errorString)
{
    m_walk.clear();
    const QList<QPointer<CredentialsJob>> waiting = std::exchange(m_waiting, {});
    for (const QPointer<CredentialsJob> &job : waiting) {
        if (!job)
            continue;
        switch (outcome) {
        case CredentialsJob::Outcome::Found:
            job->finishFound(*credentials);
            break;
        case CredentialsJob::Outcome::Failed:
            job->finishFailed(errorString);
            break;
        default:
            job->finishNotConfigured(errorString);
            break;
        }
    }
}

} // namespace Aws
