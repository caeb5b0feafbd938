// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace Aws {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/** Access key, secret and (for temporary credentials) session token. */
struct SigningCredentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;
};

/**
 * A request as it travels on the wire: the path and query exactly as encoded (each path
 * label percent-encoded once), the headers (host with a non-default port included) and
 * the body. The signer reads nothing else.
 */
struct SignableRequest
{
    QByteArray method;        ///< "GET", "POST", "DELETE"
    QByteArray encodedPath;   ///< e.g. /topics/a%2Fb
    QByteArray encodedQuery;  ///< without the '?', e.g. qos=1&retain=true
    HeaderList headers;       ///< names in any case
    QByteArray body;
};

/** One query parameter: name and value decoded once, and the piece as it was on the wire. */
struct QueryParameter
{
    QByteArray name;
    QByteArray value;
    QByteArray raw;
};

/** The trimmed value of the first header named @p name (any case), or nullopt. */
std::optional<QByteArray> headerValue(const HeaderList &headers, QByteArrayView name);

/** Splits an encoded query on '&' and '=' (a '+' stays a literal plus, as AWS encodes). */
QList<QueryParameter> parseQuery(QByteArrayView encodedQuery);

/** Where a signature is valid: region and signing name (iotdata, iot, ...). */
struct SigningScope
{
    QString region;
    QString service;
};

/**
 * AWS Signature Version 4 (IOT-DATA-PLANE.md section 6), pure functions. Hashes and HMACs
 * come from OpenSSL's libcrypto. The clock is always passed in.
 *
 * Thread-safe: each thread keeps its own small state, so no call takes a lock. It holds the
 * derived signing keys (kSigning, with its HMAC pads already hashed) of the four most
 * recently used (secret, date, region, service) combinations, each with a shared reference
 * to its secret, and the last X-Amz-Date formatted. Signing a small GET then costs one
 * SHA-256 of the canonical request and one HMAC of the string to sign; the canonical
 * request and the string to sign are built on the stack.
 */
namespace SigV4 {

QByteArray sha256Hex(QByteArrayView data);
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);

/** 20150830T123600Z */
QByteArray amzDate(const QDateTime &time);

/** The wire path normalised (dot segments, //) and percent-encoded a second time. */
QByteArray canonicalUri(QByteArrayView encodedPath);

/** Query parameters decoded once, re-encoded (RFC 3986 unreserved, upper-case hex), sorted. */
QByteArray canonicalQuery(QByteArrayView encodedQuery);

/** Sorted lower-case header names joined by ';' (of @p names, deduplicated). */
QByteArray signedHeaderList(const QList<QByteArray> &names);

/**
 * The canonical request: method, URI, query, the headers named in @p signedHeaders
 * (lower-case, trimmed, inner whitespace collapsed, repeated headers joined by ','),
 * the signed header list and @p payloadHash.
 */
QByteArray canonicalRequest(const SignableRequest &request, const QList<QByteArray> &signedHeaders,
                            QByteArrayView payloadHash);

/** yyyymmdd/region/service/aws4_request */
QByteArray credentialScope(QByteArrayView date, const SigningScope &scope);

QByteArray stringToSign(QByteArrayView amzDate, QByteArrayView credentialScope,
                        QByteArrayView canonicalRequest);

/** Hex HMAC chain: kSecret -> date -> region -> service -> aws4_request -> string to sign. */
QByteArray signature(const QString &secretAccessKey, QByteArrayView date, const SigningScope &scope,
                     QByteArrayView stringToSign);

/**
 * Signs @p request in place for the Authorization header: adds X-Amz-Date and, with a session
 * token, X-Amz-Security-Token, then Authorization. Every header present is signed except the
 * ones botocore leaves out (user-agent, expect, connection, ...) and Content-Length. Host must
 * be present. An X-Amz-Content-Sha256 header, if present, is the payload-hash line.
 */
void signRequest(SignableRequest &request, const SigningCredentials &credentials,
                 const SigningScope &scope, const QDateTime &now);

/**
 * A presigned (query-string) form of @p request: returns the full encoded query (the
 * request's own parameters plus X-Amz-Algorithm, -Credential, -Date, -Expires,
 * -SignedHeaders, -Security-Token and -Signature). @p expiresSeconds is 1 to 604800.
 * The payload hash is the body's SHA-256, as botocore does for services other than S3.
 */
QByteArray presignQuery(const SignableRequest &request, const SigningCredentials &credentials,
                        const SigningScope &scope, const QDateTime &now, int expiresSeconds);

} // namespace SigV4
} // namespace Aws
