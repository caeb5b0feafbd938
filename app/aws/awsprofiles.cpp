// SPDX-License-Identifier: GPL-3.0-or-later
#include "awsprofiles.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>

namespace Aws {

namespace {

QString environment(const char *name)
{
    return qEnvironmentVariable(name).trimmed();
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

bool isTrue(const QString &value)
{
    return value.trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

} // namespace

AwsProfiles AwsProfiles::load()
{
    return fromText(readText(configFilePath()), readText(credentialsFilePath()));
}

AwsProfiles AwsProfiles::fromText(QStringView configText, QStringView credentialsText)
{
    AwsProfiles profiles;
    profiles.m_config = AwsConfigFile::parse(configText, AwsConfigFile::Kind::Config);
    profiles.m_credentials
        = AwsConfigFile::parse(credentialsText, AwsConfigFile::Kind::Credentials);
    return profiles;
}

QString AwsProfiles::configFilePath()
{
    const QString path = environment("AWS_CONFIG_FILE");
    return path.isEmpty() ? QDir::homePath() + QLatin1String("/.aws/config") : expandHome(path);
}

QString AwsProfiles::credentialsFilePath()
{
    const QString path = environment("AWS_SHARED_CREDENTIALS_FILE");
    return path.isEmpty() ? QDir::homePath() + QLatin1String("/.aws/credentials")
                          : expandHome(path);
}

QString AwsProfiles::expandHome(const QString &path)
{
    if (path == QLatin1String("~"))
        return QDir::homePath();
    if (path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

QString AwsProfiles::displayPath(const QString &path)
{
    const QString home = QDir::homePath();
    if (home != QLatin1String("/") && path.startsWith(home + u'/'))
        return QLatin1String("~") + path.mid(home.size());
    return QDir::toNativeSeparators(path);
}

QString AwsProfiles::selectedProfile(const QString &given)
{
    if (!given.trimmed().isEmpty())
        return given.trimmed();
    const QString fromEnvironment = environment("AWS_PROFILE");
    return fromEnvironment.isEmpty() ? QStringLiteral("default") : fromEnvironment;
}

QStringList AwsProfiles::profileNames() const
{
    QStringList names = m_config.profileNames() + m_credentials.profileNames();
    names.sort();
    names.removeDuplicates();
    return names;
}

bool AwsProfiles::hasProfile(const QString &profile) const
{
    return m_config.profile(profile) || m_credentials.profile(profile);
}

AwsConfigFile::Settings AwsProfiles::settings(const QString &profile) const
{
    AwsConfigFile::Settings merged = configFileSettings(profile);
    merged.insert(credentialsFileSettings(profile));
    return merged;
}

AwsConfigFile::Settings AwsProfiles::credentialsFileSettings(const QString &profile) const
{
    return m_credentials.profile(profile).value_or(AwsConfigFile::Settings());
}

AwsConfigFile::Settings AwsProfiles::configFileSettings(const QString &profile) const
{
    return m_config.profile(profile).value_or(AwsConfigFile::Settings());
}

AwsConfigFile::Settings AwsProfiles::ssoSession(const QString &name) const
{
    return m_config.ssoSession(name).value_or(AwsConfigFile::Settings());
}

QString AwsProfiles::region(const QString &profile) const
{
    for (const char *name : { "AWS_REGION", "AWS_DEFAULT_REGION" }) {
        const QString region = environment(name);
        if (!region.isEmpty())
            return region;
    }
    return settings(profile).value(QStringLiteral("region")).trimmed();
}

QString AwsProfiles::caBundle(const QString &profile) const
{
    const QString fromEnvironment = environment("AWS_CA_BUNDLE");
    if (!fromEnvironment.isEmpty())
        return expandHome(fromEnvironment);
    return expandHome(settings(profile).value(QStringLiteral("ca_bundle")).trimmed());
}

EndpointChoice AwsProfiles::endpoint(Plane plane, const QString &profile,
                                     const QString &explicitUrl) const
{
    if (!explicitUrl.trimmed().isEmpty())
        return checkEndpoint(explicitUrl.trimmed(), tr("the endpoint you entered"));

    const AwsConfigFile::Settings profileSettings = settings(profile);
    if (isTrue(qEnvironmentVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))
        || isTrue(profileSettings.value(QStringLiteral("ignore_configured_endpoint_urls"))))
        return {};

    const char *serviceVariable
        = plane == Plane::Data ? "AWS_ENDPOINT_URL_IOT_DATA_PLANE" : "AWS_ENDPOINT_URL_IOT";
    for (const char *name : { serviceVariable, "AWS_ENDPOINT_URL" }) {
        const QString url = environment(name);
        if (!url.isEmpty())
            return checkEndpoint(url, QString::fromLatin1(name));
    }

    const QString servicesName = profileSettings.value(QStringLiteral("services")).trimmed();
    if (!servicesName.isEmpty()) {
        const QString key = plane == Plane::Data ? QStringLiteral("iot_data_plane.endpoint_url")
                                                 : QStringLiteral("iot.endpoint_url");
        const QString url = m_config.services(servicesName)
                                .value_or(AwsConfigFile::Settings())
                                .value(key)
                                .trimmed();
        if (!url.isEmpty())
            return checkEndpoint(url, tr("services %1 of profile %2").arg(servicesName, profile));
    }
    const QString url = profileSettings.value(QStringLiteral("endpoint_url")).trimmed();
    if (!url.isEmpty())
        return checkEndpoint(url, tr("profile %1").arg(profile));
    return {};
}

EndpointChoice AwsProfiles::checkEndpoint(const QString &url, const QString &source)
{
    EndpointChoice choice;
    choice.source = source;
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || parsed.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        choice.error = tr("The endpoint %1 (from %2) is not an https:// URL.").arg(url, source);
        return choice;
    }
    if (scheme == QLatin1String("http")) {
        const QString host = parsed.host();
        const QHostAddress address(host);
        const bool loopback = host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
            || (!address.isNull() && address.isLoopback());
        if (!loopback) {
            choice.error = tr("The endpoint %1 (from %2) uses plain http://, which would send "
                              "your requests unencrypted; use https:// (plain http:// is "
                              "allowed only for localhost, 127.0.0.1 and ::1).")
                               .arg(url, source);
            return choice;
        }
    }
    choice.url = parsed;
    return choice;
}

} // namespace Aws
