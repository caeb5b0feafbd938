// SPDX-License-Identifier: GPL-3.0-or-later
#include "environmentcredentialsprovider.h"

namespace Aws {

CredentialsJob *EnvironmentCredentialsProvider::resolve(QObject *parent)
{
    auto *job = new CredentialsJob(parent);
    const QString keyId = qEnvironmentVariable("AWS_ACCESS_KEY_ID").trimmed();
    const QString secret = qEnvironmentVariable("AWS_SECRET_ACCESS_KEY").trimmed();
    if (keyId.isEmpty() && secret.isEmpty()) {
        job->finishNotConfigured(tr("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set."));
        return job;
    }
    if (keyId.isEmpty() || secret.isEmpty()) {
        job->finishFailed(tr("%1 is set but %2 is not: set both environment variables, or neither.")
                              .arg(keyId.isEmpty() ? QStringLiteral("AWS_SECRET_ACCESS_KEY")
                                                   : QStringLiteral("AWS_ACCESS_KEY_ID"),
                                   keyId.isEmpty() ? QStringLiteral("AWS_ACCESS_KEY_ID")
                                                   : QStringLiteral("AWS_SECRET_ACCESS_KEY")));
        return job;
    }
    Credentials credentials;
    credentials.keys = { keyId, secret, qEnvironmentVariable("AWS_SESSION_TOKEN").trimmed() };
    const QString expiration = qEnvironmentVariable("AWS_CREDENTIAL_EXPIRATION").trimmed();
    if (!expiration.isEmpty()) {
        const QDateTime time = QDateTime::fromString(expiration, Qt::ISODateWithMs);
        if (!time.isValid() || time.timeSpec() == Qt::LocalTime) {
            job->finishFailed(tr("AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time with a time "
                                 "zone: %1")
                                  .arg(expiration));
            return job;
        }
        credentials.expiration = time.toUTC();
    }
    credentials.source = tr("environment variables");
    job->finishFound(credentials);
    return job;
}

} // namespace Aws
