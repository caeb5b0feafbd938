// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/awsconfigfile.h"
#include "aws/credentialprocess.h"
#include "aws/credentials.h"

#include <QCoreApplication>
#include <QString>

#include <chrono>

namespace Aws {

/**
 * Credentials of profiles only the aws CLI can resolve (IAM Identity Center / SSO, assumed
 * roles): runs `aws configure export-credentials --profile X --format process` and parses
 * its JSON as a credential_process's. Not configured for other profiles unless
 * Use::Always; failed with plain advice when the CLI is missing, too old, or the SSO
 * session needs `aws sso login`.
 * @see CredentialsChain
 */
class AwsCliCredentialsProvider final : public CredentialsProvider
{
    Q_DECLARE_TR_FUNCTIONS(Aws::AwsCliCredentialsProvider)
public:
    enum class Use { WhenProfileNeedsIt, Always };

    /**
     * @p profile empty: AWS_PROFILE, else "default". @p awsExecutable: a path, or a name
     * looked up on PATH.
     */
    explicit AwsCliCredentialsProvider(QString profile = {},
                                       QString awsExecutable = QStringLiteral("aws"),
                                       Use use = Use::WhenProfileNeedsIt,
                                       std::chrono::milliseconds timeout
                                       = CredentialProcess::DefaultTimeout);
    CredentialsJob *resolve(QObject *parent) override;

    /** True for SSO settings (sso_session, sso_start_url, sso_account_id) and role_arn with
     *  source_profile, credential_source or web_identity_token_file. */
    static bool needsAwsCli(const AwsConfigFile::Settings &settings);

private:
    QString m_profile;
    QString m_awsExecutable;
    Use m_use;
    std::chrono::milliseconds m_timeout;
};

} // namespace Aws
