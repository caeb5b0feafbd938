// SPDX-License-Identifier: GPL-3.0-or-later
#include "processcredentialsprovider.h"

#include "aws/awsprofiles.h"

#include <QPointer>

namespace Aws {

ProcessCredentialsProvider::ProcessCredentialsProvider(QString profile,
                                                       std::chrono::milliseconds timeout)
    : m_profile(std::move(profile))
    , m_timeout(timeout)
{
}

CredentialsJob *ProcessCredentialsProvider::resolve(QObject *parent)
{
    auto *job = new CredentialsJob(parent);
    const QString profile = AwsProfiles::selectedProfile(m_profile);
    const QString commandLine = AwsProfiles::load()
                                    .settings(profile)
                                    .value(QStringLiteral("credential_process"))
                                    .trimmed();
    if (commandLine.isEmpty()) {
        job->finishNotConfigured(tr("Profile %1 has no credential_process.").arg(profile));
        return job;
    }
    const QString what = tr("The credential_process of profile %1").arg(profile);
    const CredentialProcess::SplitCommand command
        = CredentialProcess::splitCommandLine(commandLine);
    if (!command.error.isEmpty()) {
        job->finishFailed(tr("%1 cannot be run: %2").arg(what, command.error));
        return job;
    }
    const QString program = command.words.first();
    auto *process = new CredentialProcess(program, command.words.mid(1), m_timeout, job);
    const QPointer<CredentialsJob> guard(job);
    const std::chrono::milliseconds timeout = m_timeout;
    process->start([guard, what, program, profile,
                    timeout](const CredentialProcess::Result &result) {
        if (guard)
            finishFromResult(guard, what, result, program, timeout,
                             tr("credential_process of profile %1").arg(profile));
    });
    return job;
}

void ProcessCredentialsProvider::finishFromResult(CredentialsJob *job, const QString &what,
                                                  const CredentialProcess::Result &result,
                                                  const QString &program,
                                                  std::chrono::milliseconds timeout,
                                                  const QString &source)
{
    const QString failure = failureMessage(what, result, program, timeout);
    if (!failure.isEmpty()) {
        job->finishFailed(failure);
        return;
    }
    CredentialProcess::Parsed parsed = CredentialProcess::parseOutput(result.standardOutput);
    if (!parsed.credentials) {
        job->finishFailed(tr("%1 printed no usable credentials. %2").arg(what, parsed.error));
        return;
    }
    parsed.credentials->source = source;
    job->finishFound(*parsed.credentials);
}

QString ProcessCredentialsProvider::failureMessage(const QString &what,
                                                   const CredentialProcess::Result &result,
                                                   const QString &program,
                                                   std::chrono::milliseconds timeout)
{
    const QString standardError
        = result.standardError.isEmpty() ? tr("(no error output)") : result.standardError;
    switch (result.status) {
    case CredentialProcess::Status::FailedToStart:
        return tr("%1 could not be started: %2 was not found or is not executable.")
            .arg(what, program);
    case CredentialProcess::Status::TimedOut:
        return tr("%1 did not finish within %2 seconds and was stopped.")
            .arg(what, QString::number(double(timeout.count()) / 1000.0));
    case CredentialProcess::Status::OutputTooLarge:
        return tr("%1 printed more than a megabyte and was stopped.").arg(what);
    case CredentialProcess::Status::Crashed:
        return tr("%1 crashed: %2").arg(what, standardError);
    case CredentialProcess::Status::Exited:
        if (result.exitCode != 0)
            return tr("%1 failed with exit code %2: %3")
                .arg(what, QString::number(result.exitCode), standardError);
        return {};
    }
    return {};
}

} // namespace Aws
