// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials.h"

#include <QCoreApplication>

namespace Aws {

/**
 * AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (with AWS_SESSION_TOKEN and
 * AWS_CREDENTIAL_EXPIRATION when set), read at each resolve. Not configured when neither
 * key is set; failed when only one of the pair is.
 * @see CredentialsChain
 */
class EnvironmentCredentialsProvider final : public CredentialsProvider
{
    Q_DECLARE_TR_FUNCTIONS(Aws::EnvironmentCredentialsProvider)
public:
    CredentialsJob *resolve(QObject *parent) override;
};

} // namespace Aws
