// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentialprocess.h"
#include "aws/credentials.h"

#include <QCoreApplication>
#include <QString>

#include <chrono>

namespace Aws {

/**
 * A profile's credential_process: the command line split as the aws CLI does (quotes, no
 * shell), run asynchronously with a timeout, its JSON (Version 1) parsed. Not configured
 * when the profile has no credential_process; failed, with the exit code and the process's
 * standard error, when it fails, times out or prints something else.
 * @see CredentialProcess, CredentialsChain
 */
class ProcessCredentialsProvider final : public CredentialsProvider
{
    Q_DECLARE_TR_FUNCTIONS(Aws::ProcessCredentialsProvider)
public:
    /** @p profile empty: AWS_PROFILE, else "default" (read at each resolve). */
    explicit ProcessCredentialsProvider(QString profile = {},
                                        std::chrono::milliseconds timeout
                                        = CredentialProcess::DefaultTimeout);
    CredentialsJob *resolve(QObject *parent) override;

    /**
     * The failure message of a finished process (@p what names it, e.g. "The
     * credential_process of profile ci"), or empty when it exited with 0.
     */
    static QString failureMessage(const QString &what, const CredentialProcess::Result &result,
                                  const QString &program, std::chrono::milliseconds timeout);

    /**
     * Finishes @p job from a finished credential program: Failed with failureMessage() or
     * the reason its output is unusable, else Found with the credentials, from @p source.
     */
    static void finishFromResult(CredentialsJob *job, const QString &what,
                                 const CredentialProcess::Result &result, const QString &program,
                                 std::chrono::milliseconds timeout, const QString &source);

private:
    QString m_profile;
    std::chrono::milliseconds m_timeout;
};

} // namespace Aws
