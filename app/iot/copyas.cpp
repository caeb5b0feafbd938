// SPDX-License-Identifier: GPL-3.0-or-later
#include "copyas.h"

#include "endpoint.h"
#include "iotjson.h"

#include <QStringList>

#include <algorithm>

namespace Iot {

CopyAsTarget CopyAsTarget::shadow(const QString &thingName, const QString &shadowName)
{
    CopyAsTarget target;
    target.kind = Kind::Shadow;
    target.thingName = thingName;
    target.shadowName = shadowName;
    return target;
}

CopyAsTarget CopyAsTarget::retainedMessage(const QString &topic)
{
    CopyAsTarget target;
    target.kind = Kind::RetainedMessage;
    target.topic = topic;
    return target;
}

namespace CopyAs {
namespace {

bool isSafeShellCharacter(QChar c)
{
    static const QString safe = QStringLiteral("_@%+=:,./-");
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
        || safe.contains(c);
}

QString baseUrl(const QUrl &endpoint)
{
    return QString::fromLatin1(endpoint.toEncoded(
        QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash));
}

bool hasSandboxKeys(const CopyAsContext &context)
{
    return !context.sandboxKeys.accessKeyId.isEmpty();
}

// --endpoint-url, --region and where the CLI finds its credentials and trust.
QStringList cliConnectionOptions(const CopyAsContext &context)
{
    QStringList words { QStringLiteral("--endpoint-url"), shellQuote(baseUrl(context.endpoint)),
                        QStringLiteral("--region"), shellQuote(context.region) };
    if (!context.profile.isEmpty() && !hasSandboxKeys(context))
        words << QStringLiteral("--profile") << shellQuote(context.profile);
    if (!context.caFile.isEmpty())
        words << QStringLiteral("--ca-bundle") << shellQuote(context.caFile);
    return words;
}

// The sandbox's keys for this one command; nothing for AWS.
QStringList sandboxEnvironment(const CopyAsContext &context)
{
    if (!hasSandboxKeys(context))
        return {};
    QStringList words {
        QStringLiteral("AWS_ACCESS_KEY_ID=") + shellQuote(context.sandboxKeys.accessKeyId),
        QStringLiteral("AWS_SECRET_ACCESS_KEY=") + shellQuote(context.sandboxKeys.secretAccessKey)
    };
    if (!context.sandboxKeys.sessionToken.isEmpty())
        words << QStringLiteral("AWS_SESSION_TOKEN=")
                + shellQuote(context.sandboxKeys.sessionToken);
    return words;
}

// Percent-encodes every '%' of an already encoded path once more (SigV4's second encoding).
QByteArray encodeAgain(const QByteArray &encodedPath)
{
    QByteArray twice = encodedPath;
    twice.replace('%', QByteArrayLiteral("%25"));
    return twice;
}

} // namespace

QString shellQuote(const QString &word)
{
    if (!word.isEmpty() && std::all_of(word.cbegin(), word.cend(), isSafeShellCharacter))
        return word;
    QString quoted = word;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

QByteArray encodedPath(const CopyAsTarget &target)
{
    return target.kind == CopyAsTarget::Kind::Shadow ? IotJson::shadowPath(target.thingName)
                                                     : IotJson::retainedMessagePath(target.topic);
}

QByteArray encodedQuery(const CopyAsTarget &target)
{
    return target.kind == CopyAsTarget::Kind::Shadow ? IotJson::shadowQuery(target.shadowName)
                                                     : QByteArray();
}

QByteArray requestUrl(const CopyAsContext &context, const CopyAsTarget &target)
{
    QByteArray url = baseUrl(context.endpoint).toLatin1() + encodedPath(target);
    const QByteArray query = encodedQuery(target);
    if (!query.isEmpty())
        url += '?' + query;
    return url;
}

QString awsCliCommand(const CopyAsContext &context, const CopyAsTarget &target)
{
    QStringList words = sandboxEnvironment(context);
    words << QStringLiteral("aws") << QStringLiteral("iot-data");
    if (target.kind == CopyAsTarget::Kind::Shadow) {
        words << QStringLiteral("get-thing-shadow") << QStringLiteral("--thing-name")
              << shellQuote(target.thingName);
        if (!target.shadowName.isEmpty())
            words << QStringLiteral("--shadow-name") << shellQuote(target.shadowName);
        words << cliConnectionOptions(context) << QStringLiteral("/dev/stdout");
        return words.join(u' ');
    }
    words << QStringLiteral("get-retained-message") << QStringLiteral("--topic")
          << shellQuote(target.topic) << cliConnectionOptions(context)
          << QStringLiteral("--query payload --output text --no-cli-pager | base64 -d");
    return words.join(u' ');
}

QString curlCommand(const CopyAsContext &context, const CopyAsTarget &target,
                    const QVersionNumber &curlVersion)
{
    QStringList words { QStringLiteral("curl -sS"),
                        QStringLiteral("--aws-sigv4 ")
                            + shellQuote(QStringLiteral("aws:amz:") + context.region
                                         + QStringLiteral(":iotdata")) };
    if (hasSandboxKeys(context)) {
        words << QStringLiteral("--user")
              << shellQuote(context.sandboxKeys.accessKeyId + u':'
                            + context.sandboxKeys.secretAccessKey);
        if (!context.sandboxKeys.sessionToken.isEmpty())
            words << QStringLiteral("-H")
                  << shellQuote(QStringLiteral("x-amz-security-token: ")
                                + context.sandboxKeys.sessionToken);
    } else {
        words << QStringLiteral(R"(--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY")")
              << QStringLiteral("${AWS_SESSION_TOKEN:+-H}")
              << QStringLiteral(
                     R"(${AWS_SESSION_TOKEN:+"x-amz-security-token: $AWS_SESSION_TOKEN"})");
    }
    if (!context.caFile.isEmpty())
        words << QStringLiteral("--cacert") << shellQuote(context.caFile);
    const QByteArray path = encodedPath(target);
    const QByteArray url = requestUrl(context, target);
    if (path.contains('%') && !curlVersion.isNull() && curlVersion < CurlEncodesPathVersion) {
        // This curl signs the URL's path as it stands, where AWS encodes it a second time:
        // sign the twice-encoded path, and send the path as the client does.
        const QByteArray query = encodedQuery(target);
        const QByteArray requestTarget = query.isEmpty() ? path : path + '?' + query;
        QByteArray signedUrl = baseUrl(context.endpoint).toLatin1() + encodeAgain(path);
        if (!query.isEmpty())
            signedUrl += '?' + query;
        words << QStringLiteral("--request-target")
              << shellQuote(QString::fromLatin1(requestTarget))
              << shellQuote(QString::fromLatin1(signedUrl));
    } else {
        words << shellQuote(QString::fromLatin1(url));
    }
    if (target.kind == CopyAsTarget::Kind::RetainedMessage)
        words << QStringLiteral("| jq -r .payload | base64 -d");
    return words.join(u' ');
}

QVersionNumber parseCurlVersion(const QByteArray &versionOutput)
{
    const QByteArrayList words = versionOutput.split('\n').value(0).split(' ');
    if (words.size() < 2 || words.at(0) != "curl")
        return {};
    return QVersionNumber::fromString(QString::fromLatin1(words.at(1)));
}

QByteArray presignedUrl(const CopyAsContext &context, const CopyAsTarget &target,
                        const Aws::SigningCredentials &credentials, const QDateTime &now,
                        int expiresSeconds)
{
    Aws::SignableRequest request;
    request.method = QByteArrayLiteral("GET");
    request.encodedPath = encodedPath(target);
    request.encodedQuery = encodedQuery(target);
    request.headers.append({ QByteArrayLiteral("host"), hostHeader(context.endpoint) });
    const int expires = std::clamp(expiresSeconds, 1, MaxPresignedExpirySeconds);
    const QByteArray query = Aws::SigV4::presignQuery(
        request, credentials, { context.region, QStringLiteral("iotdata") }, now, expires);
    return baseUrl(context.endpoint).toLatin1() + request.encodedPath + '?' + query;
}

QDateTime effectiveExpiry(const QDateTime &now, int expiresSeconds,
                          const std::optional<QDateTime> &credentialsExpiry)
{
    const QDateTime own = now.addSecs(std::clamp(expiresSeconds, 1, MaxPresignedExpirySeconds));
    if (credentialsExpiry && *credentialsExpiry < own)
        return *credentialsExpiry;
    return own;
}

} // namespace CopyAs
} // namespace Iot
