// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/sigv4signer.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>
#include <QVersionNumber>

#include <optional>

namespace Iot {

/**
 * Where a copied command or URL sends its request: the data endpoint as the application uses
 * it, and how the command finds its credentials. Nothing secret is held here except
 * sandboxKeys, the in-process sandbox's own local throwaway key pair.
 */
struct CopyAsContext
{
    QUrl endpoint; ///< scheme, host and port, e.g. https://…-ats.iot.us-east-1.amazonaws.com
    QString region; ///< e.g. us-east-1
    QString profile; ///< the aws CLI profile (--profile); empty: the CLI's default chain
    QString caFile; ///< a PEM file to trust instead of the system's; empty: the system's
    /**
     * The sandbox's key pair, inlined in the commands so they work at once; empty (the
     * default) for AWS, whose credentials come from the environment or the profile.
     */
    Aws::SigningCredentials sandboxKeys;
};

/** What a copied command fetches: one shadow of a thing, or one retained message. */
struct CopyAsTarget
{
    enum class Kind { Shadow, RetainedMessage };
    Kind kind = Kind::Shadow;
    QString thingName; ///< Shadow
    QString shadowName; ///< Shadow; empty: the classic shadow
    QString topic; ///< RetainedMessage

    static CopyAsTarget shadow(const QString &thingName, const QString &shadowName = {});
    static CopyAsTarget retainedMessage(const QString &topic);
    friend bool operator==(const CopyAsTarget &, const CopyAsTarget &) = default;
};

/**
 * "Copy as" for a shadow or a retained message: an aws CLI v2 command, a curl command and a
 * presigned URL, each fetching what the application shows. Pure functions; the commands are
 * for a POSIX shell (sh, bash, zsh) and print the shadow document, or the retained message's
 * payload bytes, on stdout.
 */
namespace CopyAs {

/** The longest a presigned URL may be valid (SigV4's limit): 7 days. */
constexpr int MaxPresignedExpirySeconds = 7 * 24 * 3600;

/** @p word as one shell word: as is when it holds only safe characters, else single-quoted. */
QString shellQuote(const QString &word);

/** The request's path and query exactly as IotDataClient encodes them. */
QByteArray encodedPath(const CopyAsTarget &target);
QByteArray encodedQuery(const CopyAsTarget &target);

/** The request's URL (without credentials), as the client sends it. */
QByteArray requestUrl(const CopyAsContext &context, const CopyAsTarget &target);

/**
 * `aws iot-data get-thing-shadow … /dev/stdout`, or for a retained message
 * `aws iot-data get-retained-message … --query payload --output text | base64 -d` (the CLI
 * prints blobs base64-encoded). With sandbox keys, they are set for the command only.
 */
QString awsCliCommand(const CopyAsContext &context, const CopyAsTarget &target);

/**
 * The first curl whose --aws-sigv4 encodes the path a second time, as AWS does (curl issue
 * 13754). Older ones sign the path as it stands, which fails for any path with a '%'.
 */
inline const QVersionNumber CurlEncodesPathVersion(8, 8);

/**
 * `curl --aws-sigv4 "aws:amz:<region>:iotdata"` with the key pair and session token taken
 * from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (never inlined, except
 * the sandbox's keys); the token's header is sent only when the variable is set, in a form
 * sh, bash and zsh expand alike. A retained message's JSON answer is decoded to its payload
 * bytes with jq and base64. For a @p curlVersion older than CurlEncodesPathVersion
 * and a path with a '%', the URL holds the twice-encoded path that such a curl signs and
 * --request-target the path it sends; a null @p curlVersion means a current curl.
 */
QString curlCommand(const CopyAsContext &context, const CopyAsTarget &target,
                    const QVersionNumber &curlVersion = {});

/** The version `curl --version` prints first (e.g. "curl 7.88.1 (x86_64…"), or null. */
QVersionNumber parseCurlVersion(const QByteArray &versionOutput);

/**
 * A presigned GET URL signed at @p now, valid for @p expiresSeconds (1 to
 * MaxPresignedExpirySeconds, clamped). A URL signed with temporary credentials stops working
 * when they expire, whatever @p expiresSeconds says: see effectiveExpiry().
 */
QByteArray presignedUrl(const CopyAsContext &context, const CopyAsTarget &target,
                        const Aws::SigningCredentials &credentials, const QDateTime &now,
                        int expiresSeconds);

/**
 * When a URL presigned at @p now for @p expiresSeconds stops working: the earlier of its own
 * expiry and @p credentialsExpiry (temporary credentials; nullopt for permanent ones).
 */
QDateTime effectiveExpiry(const QDateTime &now, int expiresSeconds,
                          const std::optional<QDateTime> &credentialsExpiry);

} // namespace CopyAs
} // namespace Iot
