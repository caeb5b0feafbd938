// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/awsconfigfile.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Aws {

/** The endpoint a client should use, or none (then it asks DescribeEndpoint). */
struct EndpointChoice
{
    QUrl url; ///< empty: no endpoint configured
    QString source; ///< where it came from: "AWS_ENDPOINT_URL_IOT", "profile dev", ...
    QString error; ///< set when the configured URL is refused; url is then empty
};

/**
 * The shared AWS files as the aws CLI reads them: ~/.aws/config and ~/.aws/credentials
 * (or AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, `~` expanded), merged per profile,
 * with the environment variables that override them for the region, the endpoints and the
 * CA bundle. Loading reads the two (small, local) files at once; everything else is pure.
 * @see AwsConfigFile
 */
class AwsProfiles
{
    Q_DECLARE_TR_FUNCTIONS(Aws::AwsProfiles)
public:
    enum class Plane { Data, Control };

    /** Reads the two files (a missing file counts as empty). */
    static AwsProfiles load();
    static AwsProfiles fromText(QStringView configText, QStringView credentialsText);

    static QString configFilePath();
    static QString credentialsFilePath();
    /** "~/x" and "~" with the home directory. */
    static QString expandHome(const QString &path);
    /** @p path with the home directory shown as "~", for messages. */
    static QString displayPath(const QString &path);
    /** The caller's profile, else AWS_PROFILE, else "default". */
    static QString selectedProfile(const QString &given);

    /** Every profile of either file, sorted. */
    QStringList profileNames() const;
    bool hasProfile(const QString &profile) const;
    /** The profile's settings of both files; the credentials file wins for a key in both. */
    AwsConfigFile::Settings settings(const QString &profile) const;
    /** Only the credentials file's, or only the config file's, settings of the profile. */
    AwsConfigFile::Settings credentialsFileSettings(const QString &profile) const;
    AwsConfigFile::Settings configFileSettings(const QString &profile) const;
    AwsConfigFile::Settings ssoSession(const QString &name) const;

    /** AWS_REGION, else AWS_DEFAULT_REGION, else the profile's region, else empty. */
    QString region(const QString &profile) const;
    /** AWS_CA_BUNDLE, else the profile's ca_bundle (`~` expanded), else empty. */
    QString caBundle(const QString &profile) const;

    /**
     * The endpoint of the IoT data plane or control plane, in the SDKs' order: @p explicitUrl,
     * AWS_ENDPOINT_URL_IOT_DATA_PLANE (or AWS_ENDPOINT_URL_IOT), AWS_ENDPOINT_URL, the
     * profile's services section (iot_data_plane.endpoint_url or iot.endpoint_url), the
     * profile's endpoint_url. AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true or the profile's
     * ignore_configured_endpoint_urls = true leaves only @p explicitUrl. Plain http:// is
     * refused unless the host is loopback.
     */
    EndpointChoice endpoint(Plane plane, const QString &profile,
                            const QString &explicitUrl = {}) const;

    /** Checks one endpoint URL (https, or http to a loopback host). */
    static EndpointChoice checkEndpoint(const QString &url, const QString &source);

private:
    AwsConfigFile m_config;
    AwsConfigFile m_credentials;
};

} // namespace Aws
