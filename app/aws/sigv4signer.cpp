// SPDX-License-Identifier: GPL-3.0-or-later
#include "sigv4signer.h"

#include <QTimeZone>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>
#include <utility>

namespace Aws {

QList<QueryParameter> parseQuery(QByteArrayView encodedQuery)
{
    QList<QueryParameter> parameters;
    const QList<QByteArray> pieces = encodedQuery.toByteArray().split('&');
    for (const QByteArray &piece : pieces) {
        if (piece.isEmpty())
            continue;
        const qsizetype equals = piece.indexOf('=');
        const QByteArray name = equals < 0 ? piece : piece.first(equals);
        const QByteArray value = equals < 0 ? QByteArray() : piece.sliced(equals + 1);
        parameters.append({QByteArray::fromPercentEncoding(name),
                           QByteArray::fromPercentEncoding(value), piece});
    }
    return parameters;
}

} // namespace Aws

namespace Aws::SigV4 {

namespace {

constexpr auto Algorithm = "AWS4-HMAC-SHA256";

// Never signed: hop-by-hop headers, headers proxies or the HTTP stack rewrite, the
// signature itself, and Content-Length (botocore's transport adds it after signing).
constexpr std::array<const char *, 13> UnsignedHeaders = {
    "authorization",       "connection", "content-length",    "expect",
    "keep-alive",          "proxy-authenticate", "proxy-authorization", "te",
    "trailer",             "transfer-encoding",  "upgrade",     "user-agent",
    "x-amzn-trace-id"};

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/** Trimall: leading and trailing whitespace removed, inner runs turned into one space. */
QByteArray trimAll(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size());
    bool pendingSpace = false;
    for (const char c : value) {
        if (isWhitespace(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out.append(' ');
        pendingSpace = false;
        out.append(c);
    }
    return out;
}

/** botocore's remove_dot_segments: drops '.', resolves '..', collapses '//'. */
QByteArray removeDotSegments(QByteArrayView path)
{
    if (path.isEmpty())
        return QByteArrayLiteral("/");
    QList<QByteArrayView> output;
    qsizetype start = 0;
    while (start <= path.size()) {
        qsizetype end = path.indexOf('/', start);
        if (end < 0)
            end = path.size();
        const QByteArrayView segment = path.sliced(start, end - start);
        if (segment == "..") {
            if (!output.isEmpty())
                output.removeLast();
        } else if (!segment.isEmpty() && segment != ".") {
            output.append(segment);
        }
        start = end + 1;
    }
    QByteArray result;
    if (path.startsWith('/'))
        result.append('/');
    for (qsizetype i = 0; i < output.size(); ++i) {
        if (i > 0)
            result.append('/');
        result.append(output.at(i));
    }
    if (path.endsWith('/') && !output.isEmpty())
        result.append('/');
    return result;
}


bool isUnsignedHeader(const QByteArray &lowerName)
{
    return std::any_of(UnsignedHeaders.begin(), UnsignedHeaders.end(),
                       [&](const char *name) { return lowerName == name; });
}

/** Lower-case names of the headers present in @p request that SigV4 signs. */
QList<QByteArray> headersToSign(const SignableRequest &request)
{
    QList<QByteArray> names;
    for (const auto &[name, value] : request.headers) {
        const QByteArray lower = name.trimmed().toLower();
        if (!isUnsignedHeader(lower))
            names.append(lower);
    }
    return names;
}

void removeHeader(HeaderList &headers, QByteArrayView name)
{
    headers.removeIf([&](const QPair<QByteArray, QByteArray> &header) {
        return header.first.trimmed().compare(name, Qt::CaseInsensitive) == 0;
    });
}

/** The payload-hash line: an X-Amz-Content-Sha256 header wins, as in botocore. */
QByteArray payloadHash(const SignableRequest &request)
{
    for (const auto &[name, value] : request.headers) {
        if (name.trimmed().compare("x-amz-content-sha256", Qt::CaseInsensitive) == 0)
            return value;
    }
    return sha256Hex(request.body);
}

QByteArray dateOf(QByteArrayView amzDateValue)
{
    return amzDateValue.first(8).toByteArray();
}

QByteArray signWith(const SignableRequest &request, const QList<QByteArray> &signedHeaders,
                    QByteArrayView payload, const SigningCredentials &credentials,
                    const SigningScope &scope, QByteArrayView timestamp)
{
    const QByteArray date = dateOf(timestamp);
    const QByteArray canonical = canonicalRequest(request, signedHeaders, payload);
    return signature(credentials.secretAccessKey, date, scope,
                     stringToSign(timestamp, credentialScope(date, scope), canonical));
}

} // namespace

QByteArray sha256Hex(QByteArrayView data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(data.data(), size_t(data.size()), digest, &length, EVP_sha256(), nullptr);
    return QByteArray(reinterpret_cast<const char *>(digest), qsizetype(length)).toHex();
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    // OpenSSL wants non-null pointers even for empty input.
    static const unsigned char empty = 0;
    const auto *keyBytes =
        key.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(key.data());
    const auto *dataBytes =
        data.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(data.data());
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), keyBytes, int(key.size()), dataBytes, size_t(data.size()), mac, &length);
    return QByteArray(reinterpret_cast<const char *>(mac), qsizetype(length));
}

QByteArray amzDate(const QDateTime &time)
{
    return time.toTimeZone(QTimeZone::utc())
        .toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))
        .toLatin1();
}

QByteArray canonicalUri(QByteArrayView encodedPath)
{
    return removeDotSegments(encodedPath).toPercentEncoding(QByteArrayLiteral("/"));
}

QByteArray canonicalQuery(QByteArrayView encodedQuery)
{
    QList<QPair<QByteArray, QByteArray>> pairs;
    const QList<QueryParameter> parameters = parseQuery(encodedQuery);
    for (const QueryParameter &parameter : parameters)
        pairs.append({parameter.name.toPercentEncoding(), parameter.value.toPercentEncoding()});
    std::sort(pairs.begin(), pairs.end());
    QByteArray result;
    for (const auto &[name, value] : std::as_const(pairs)) {
        if (!result.isEmpty())
            result.append('&');
        result.append(name).append('=').append(value);
    }
    return result;
}

QByteArray signedHeaderList(const QList<QByteArray> &names)
{
    QList<QByteArray> lower;
    lower.reserve(names.size());
    for (const QByteArray &name : names)
        lower.append(name.trimmed().toLower());
    std::sort(lower.begin(), lower.end());
    lower.erase(std::unique(lower.begin(), lower.end()), lower.end());
    return lower.join(';');
}

QByteArray canonicalRequest(const SignableRequest &request, const QList<QByteArray> &signedHeaders,
                            QByteArrayView payloadHash)
{
    const QByteArray headerList = signedHeaderList(signedHeaders);
    QByteArray result = request.method.toUpper();
    result.append('\n').append(canonicalUri(request.encodedPath));
    result.append('\n').append(canonicalQuery(request.encodedQuery));
    result.append('\n');
    const QList<QByteArray> names = headerList.split(';');
    for (const QByteArray &name : names) {
        QList<QByteArray> values;
        for (const auto &[key, value] : request.headers) {
            if (key.trimmed().compare(name, Qt::CaseInsensitive) == 0)
                values.append(trimAll(value));
        }
        result.append(name).append(':').append(values.join(',')).append('\n');
    }
    result.append('\n').append(headerList);
    result.append('\n').append(payloadHash);
    return result;
}

QByteArray credentialScope(QByteArrayView date, const SigningScope &scope)
{
    return date.toByteArray() + '/' + scope.region.toUtf8() + '/' + scope.service.toUtf8()
        + "/aws4_request";
}

QByteArray stringToSign(QByteArrayView amzDate, QByteArrayView credentialScope,
                        QByteArrayView canonicalRequest)
{
    return QByteArray(Algorithm) + '\n' + amzDate.toByteArray() + '\n'
        + credentialScope.toByteArray() + '\n' + sha256Hex(canonicalRequest);
}

QByteArray signature(const QString &secretAccessKey, QByteArrayView date, const SigningScope &scope,
                     QByteArrayView stringToSign)
{
    const QByteArray kDate = hmacSha256(QByteArray("AWS4" + secretAccessKey.toUtf8()), date);
    const QByteArray kRegion = hmacSha256(kDate, scope.region.toUtf8());
    const QByteArray kService = hmacSha256(kRegion, scope.service.toUtf8());
    const QByteArray kSigning = hmacSha256(kService, "aws4_request");
    return hmacSha256(kSigning, stringToSign).toHex();
}

void signRequest(SignableRequest &request, const SigningCredentials &credentials,
                 const SigningScope &scope, const QDateTime &now)
{
    const QByteArray timestamp = amzDate(now);
    removeHeader(request.headers, "authorization");
    removeHeader(request.headers, "x-amz-date");
    request.headers.append({QByteArrayLiteral("X-Amz-Date"), timestamp});
    if (!credentials.sessionToken.isEmpty()) {
        removeHeader(request.headers, "x-amz-security-token");
        request.headers.append(
            {QByteArrayLiteral("X-Amz-Security-Token"), credentials.sessionToken.toUtf8()});
    }
    const QList<QByteArray> signedHeaders = headersToSign(request);
    const QByteArray sig = signWith(request, signedHeaders, payloadHash(request), credentials,
                                    scope, timestamp);
    request.headers.append(
        {QByteArrayLiteral("Authorization"),
         QByteArray(Algorithm) + " Credential=" + credentials.accessKeyId.toUtf8() + '/'
             + credentialScope(dateOf(timestamp), scope)
             + ", SignedHeaders=" + signedHeaderList(signedHeaders) + ", Signature=" + sig});
}

QByteArray presignQuery(const SignableRequest &request, const SigningCredentials &credentials,
                        const SigningScope &scope, const QDateTime &now, int expiresSeconds)
{
    const QByteArray timestamp = amzDate(now);
    const QList<QByteArray> signedHeaders = headersToSign(request);

    // As botocore: the request's own parameters (re-encoded, in order), then the auth ones.
    QList<QByteArray> parameters;
    const auto add = [&parameters](const QByteArray &name, const QByteArray &value) {
        parameters.append(name.toPercentEncoding() + '=' + value.toPercentEncoding());
    };
    const QList<QueryParameter> ownParameters = parseQuery(request.encodedQuery);
    for (const QueryParameter &parameter : ownParameters)
        add(parameter.name, parameter.value);
    const QByteArray credential =
        credentials.accessKeyId.toUtf8() + '/' + credentialScope(dateOf(timestamp), scope);
    add("X-Amz-Algorithm", Algorithm);
    add("X-Amz-Credential", credential);
    add("X-Amz-Date", timestamp);
    add("X-Amz-Expires", QByteArray::number(expiresSeconds));
    add("X-Amz-SignedHeaders", signedHeaderList(signedHeaders));
    if (!credentials.sessionToken.isEmpty())
        add("X-Amz-Security-Token", credentials.sessionToken.toUtf8());

    SignableRequest presigned = request;
    presigned.encodedQuery = parameters.join('&');
    const QByteArray sig = signWith(presigned, signedHeaders, sha256Hex(request.body),
                                    credentials, scope, timestamp);
    return presigned.encodedQuery + "&X-Amz-Signature=" + sig;
}

} // namespace Aws::SigV4
