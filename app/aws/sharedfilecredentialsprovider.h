// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials.h"

#include <QCoreApplication>
#include <QString>

namespace Aws {

/**
 * A profile's static keys (aws_access_key_id, aws_secret_access_key, aws_session_token)
 * from the credentials file, else from the config file; the files are read at each resolve.
 * Not configured when the profile has no keys (or is "default" and absent); failed when a
 * named profile is in neither file, or a file has only half of the key pair.
 * @see AwsProfiles, CredentialsChain
 */
class SharedFileCredentialsProvider final : public CredentialsProvider
{
    Q_DECLARE_TR_FUNCTIONS(Aws::SharedFileCredentialsProvider)
public:
    /** Which file's static keys: botocore asks the credentials file before a
     *  credential_process, and the config file after it. */
    enum class File { Credentials, Config, Both };

    /** @p profile empty: AWS_PROFILE, else "default" (read at each resolve). */
    explicit SharedFileCredentialsProvider(QString profile = {}, File file = File::Both);
    CredentialsJob *resolve(QObject *parent) override;

private:
    QString m_profile;
    File m_file;
};

} // namespace Aws
