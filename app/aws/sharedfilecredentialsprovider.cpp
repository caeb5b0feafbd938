// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharedfilecredentialsprovider.h"

#include "aws/awsprofiles.h"

namespace Aws {

SharedFileCredentialsProvider::SharedFileCredentialsProvider(QString profile, File file)
    : m_profile(std::move(profile))
    , m_file(file)
{
}

CredentialsJob *SharedFileCredentialsProvider::resolve(QObject *parent)
{
    auto *job = new CredentialsJob(parent);
    const QString profile = AwsProfiles::selectedProfile(m_profile);
    const AwsProfiles profiles = AwsProfiles::load();
    const QString configPath = AwsProfiles::displayPath(AwsProfiles::configFilePath());
    const QString credentialsPath = AwsProfiles::displayPath(AwsProfiles::credentialsFilePath());
    if (!profiles.hasProfile(profile)) {
        const QString message
            = tr("profile '%1' is not in %2 or %3").arg(profile, configPath, credentialsPath);
        // As the CLI: only a profile that was asked for by name must exist.
        if (profile == QLatin1String("default"))
            job->finishNotConfigured(message);
        else
            job->finishFailed(message);
        return job;
    }
    const QString keyIdKey = QStringLiteral("aws_access_key_id");
    const QString secretKey = QStringLiteral("aws_secret_access_key");
    QList<std::pair<AwsConfigFile::Settings, QString>> files;
    if (m_file != File::Config)
        files.append({ profiles.credentialsFileSettings(profile), credentialsPath });
    if (m_file != File::Credentials)
        files.append({ profiles.configFileSettings(profile), configPath });
    for (const auto &[settings, path] : std::as_const(files)) {
        const QString keyId = settings.value(keyIdKey).trimmed();
        const QString secret = settings.value(secretKey).trimmed();
        if (keyId.isEmpty() && secret.isEmpty())
            continue;
        if (keyId.isEmpty() || secret.isEmpty()) {
            job->finishFailed(tr("Profile %1 in %2 has %3 but no %4.")
                                  .arg(profile, path, keyId.isEmpty() ? secretKey : keyIdKey,
                                       keyId.isEmpty() ? keyIdKey : secretKey));
            return job;
        }
        Credentials credentials;
        credentials.keys
            = { keyId, secret, settings.value(QStringLiteral("aws_session_token")).trimmed() };
        credentials.source = tr("profile %1 in %2").arg(profile, path);
        job->finishFound(credentials);
        return job;
    }
    job->finishNotConfigured(tr("Profile %1 has no aws_access_key_id.").arg(profile));
    return job;
}

} // namespace Aws
