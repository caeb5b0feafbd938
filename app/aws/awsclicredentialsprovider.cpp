// SPDX-License-Identifier: GPL-3.0-or-later
#include "awsclicredentialsprovider.h"

#include "aws/awsprofiles.h"
#include "aws/processcredentialsprovider.h"

#include <QFileInfo>
#include <QPointer>
#include <QStandardPaths>

namespace Aws {

namespace {

QString findExecutable(const QString &awsExecutable)
{
    if (awsExecutable.contains(u'/')) {
        const QFileInfo info(AwsProfiles::expandHome(awsExecutable));
        return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
    }
    return QStandardPaths::findExecutable(awsExecutable);
}

} // namespace

AwsCliCredentialsProvider::AwsCliCredentialsProvider(QString profile, QString awsExecutable,
                                                     Use use, std::chrono::milliseconds timeout)
    : m_profile(std::move(profile))
    , m_awsExecutable(std::move(awsExecutable))
    , m_use(use)
    , m_timeout(timeout)
{
}

bool AwsCliCredentialsProvider::needsAwsCli(const AwsConfigFile::Settings &settings)
{
    const auto has = [&settings](const char *key) {
        return !settings.value(QLatin1String(key)).trimmed().isEmpty();
    };
    if (has("sso_session") || has("sso_start_url") || has("sso_account_id"))
        return true;
    return has("role_arn")
        && (has("source_profile") || has("credential_source") || has("web_identity_token_file"));
}

CredentialsJob *AwsCliCredentialsProvider::resolve(QObject *parent)
{
    auto *job = new CredentialsJob(parent);
    const QString profile = AwsProfiles::selectedProfile(m_profile);
    const bool needed = needsAwsCli(AwsProfiles::load().settings(profile));
    if (!needed && m_use == Use::WhenProfileNeedsIt) {
        job->finishNotConfigured(
            tr("Profile %1 uses neither SSO nor an assumed role.").arg(profile));
        return job;
    }
    const QString program = findExecutable(m_awsExecutable);
    if (program.isEmpty()) {
        job->finishFailed(tr("the aws CLI is needed for profile %1 (SSO or assumed role); "
                             "install it (%2 was not found).")
                              .arg(profile, m_awsExecutable));
        return job;
    }
    const QStringList arguments
        = { QStringLiteral("configure"), QStringLiteral("export-credentials"),
            QStringLiteral("--profile"), profile,
            QStringLiteral("--format"),  QStringLiteral("process") };
    auto *process = new CredentialProcess(program, arguments, m_timeout, job);
    const QPointer<CredentialsJob> guard(job);
    const std::chrono::milliseconds timeout = m_timeout;
    process->start([guard, profile, program, timeout](const CredentialProcess::Result &result) {
        if (!guard)
            return;
        const QString what = tr("The aws CLI (%1) for profile %2").arg(program, profile);
        if (result.status == CredentialProcess::Status::Exited && result.exitCode != 0) {
            const QString &standardError = result.standardError;
            if (standardError.contains(QLatin1String("Invalid choice"))) {
                guard->finishFailed(tr("The aws CLI at %1 is too old: it has no `aws configure "
                                       "export-credentials`, which profile %2 needs (SSO or "
                                       "assumed role); install a current aws CLI version 2.")
                                        .arg(program, profile));
                return;
            }
            if (standardError.contains(QLatin1String("SSO"), Qt::CaseInsensitive)
                && (standardError.contains(QLatin1String("token"), Qt::CaseInsensitive)
                    || standardError.contains(QLatin1String("expired"), Qt::CaseInsensitive)
                    || standardError.contains(QLatin1String("session"), Qt::CaseInsensitive))) {
                guard->finishFailed(tr("The SSO session of profile %1 has expired or was never "
                                       "started: run `aws sso login --profile %1`. (%2)")
                                        .arg(profile, standardError));
                return;
            }
        }
        ProcessCredentialsProvider::finishFromResult(guard, what, result, program, timeout,
                                                     tr("aws CLI for profile %1").arg(profile));
    });
    return job;
}

} // namespace Aws
