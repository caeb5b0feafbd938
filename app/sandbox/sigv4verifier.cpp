// SPDX-License-Identifier: GPL-3.0-or-later
#include "sigv4verifier.h"

#include "aws/httpdate.h"

#include <QTimeZone>

#include <openssl/crypto.h>

#include <algorithm>
#include <utility>

namespace Sandbox {

namespace {

using Shadow::ValidationError;

constexpr qint64 AllowedSkewSeconds = 5 * 60;
constexpr int MaxExpiresSeconds = 7 * 24 * 3600;

const QByteArray Algorithm = QByteArrayLiteral("AWS4-HMAC-SHA256");

/** What either form of signed request carries, before any of it is checked. */
struct SignedRequest
{
    QByteArray credential;
    QList<QByteArray> signedHeaders;
    QByteArray signature;
    QByteArray timestamp;        ///< the request time in basic ISO 8601, as signed
    QDateTime time;
    std::optional<int> expires;  ///< presigned only
    QByteArray signedQuery;      ///< the wire query the signature covers
    std::optional<QByteArray> securityToken;
};

ValidationError forbidden(const QString &message)
{
    return ValidationError{403, QStringLiteral("ForbiddenException"), message};
}

QString text(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes);
}

QString basic(const QDateTime &time)
{
    return QString::fromLatin1(Aws::SigV4::amzDate(time));
}

// Secrets and signatures are compared without leaking, through timing, how much matched.
bool equalInConstantTime(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

std::optional<QByteArray> queryValue(const QList<Aws::QueryParameter> &parameters,
                                     QByteArrayView name)
{
    for (const Aws::QueryParameter &parameter : parameters) {
        if (parameter.name == name)
            return parameter.value;
    }
    return std::nullopt;
}

bool isDigits(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/** 20150830T123600Z, nothing else. */
QDateTime parseBasicIso8601(QByteArrayView value)
{
    if (value.size() != 16 || value.at(8) != 'T' || value.at(15) != 'Z'
        || !isDigits(value.first(8)) || !isDigits(value.sliced(9, 6)))
        return {};
    const QDate date = QDate::fromString(QString::fromLatin1(value.first(8)),
                                         QStringLiteral("yyyyMMdd"));
    const QTime time = QTime::fromString(QString::fromLatin1(value.sliced(9, 6)),
                                         QStringLiteral("HHmmss"));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::utc());
}

std::optional<ValidationError> readTime(QByteArrayView value, bool basicFormat,
                                        SignedRequest &signedRequest)
{
    signedRequest.time = basicFormat ? parseBasicIso8601(value) : Aws::parseHttpDate(value).value_or(QDateTime());
    if (!signedRequest.time.isValid()) {
        return forbidden(basicFormat
                             ? QStringLiteral("Date must be in ISO-8601 'basic format'. Got '")
                                   + text(value)
                                   + QStringLiteral("'. See http://en.wikipedia.org/wiki/ISO_8601")
                             : QStringLiteral("Date must be in RFC 1123 format. Got '")
                                   + text(value) + QStringLiteral("'."));
    }
    signedRequest.timestamp = Aws::SigV4::amzDate(signedRequest.time);
    return std::nullopt;
}

std::optional<ValidationError> parseAuthorizationHeader(const QByteArray &authorization,
                                                        const Aws::SignableRequest &request,
                                                        SignedRequest &signedRequest)
{
    const qsizetype space = authorization.indexOf(' ');
    const qsizetype algorithmEnd = space < 0 ? authorization.size() : space;
    if (authorization.first(algorithmEnd) != Algorithm) {
        return forbidden(QStringLiteral("The authorization mechanism you have provided is not "
                                        "supported. Please use AWS4-HMAC-SHA256."));
    }
    std::optional<QByteArray> credential;
    std::optional<QByteArray> signedHeaders;
    std::optional<QByteArray> signature;
    const QList<QByteArray> parts = authorization.sliced(algorithmEnd).split(',');
    for (const QByteArray &part : parts) {
        const QByteArray pair = part.trimmed();
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        if (equals < 0) {
            return forbidden(
                QStringLiteral("Invalid key=value pair (missing equal-sign) in Authorization "
                               "header (hashed with SHA-256 and encoded with Base64): '")
                + QString::fromLatin1(
                    QByteArray::fromHex(Aws::SigV4::sha256Hex(authorization)).toBase64())
                + QStringLiteral("'."));
        }
        const QByteArray key = pair.first(equals).trimmed();
        const QByteArray value = pair.sliced(equals + 1).trimmed();
        if (key == "Credential")
            credential = value;
        else if (key == "SignedHeaders")
            signedHeaders = value;
        else if (key == "Signature")
            signature = value;
    }

    const std::optional<QByteArray> amzDate = Aws::headerValue(request.headers, "x-amz-date");
    const std::optional<QByteArray> httpDate = Aws::headerValue(request.headers, "date");
    QString missing;
    const auto require = [&missing](bool present, QLatin1String what) {
        if (!present)
            missing += QStringLiteral("Authorization header requires '") + what
                + QStringLiteral("' parameter. ");
    };
    require(credential.has_value(), QLatin1String("Credential"));
    require(signature.has_value(), QLatin1String("Signature"));
    require(signedHeaders.has_value(), QLatin1String("SignedHeaders"));
    if (!amzDate && !httpDate) {
        missing += QStringLiteral("Authorization header requires existence of either a "
                                  "'X-Amz-Date' or a 'Date' header. ");
    }
    if (!missing.isEmpty())
        return forbidden(missing + QStringLiteral("Authorization=") + text(authorization));

    signedRequest.credential = *credential;
    signedRequest.signedHeaders = signedHeaders->split(';');
    signedRequest.signature = *signature;
    signedRequest.signedQuery = request.encodedQuery;
    signedRequest.securityToken = Aws::headerValue(request.headers, "x-amz-security-token");
    return readTime(amzDate ? *amzDate : *httpDate, amzDate.has_value(), signedRequest);
}

std::optional<ValidationError> parsePresignedQuery(const QList<Aws::QueryParameter> &parameters,
                                                   const Aws::SignableRequest &request,
                                                   SignedRequest &signedRequest)
{
    QString missing;
    for (const char *name : {"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature",
                             "X-Amz-SignedHeaders", "X-Amz-Date", "X-Amz-Expires"}) {
        if (!queryValue(parameters, name)) {
            missing += QStringLiteral("AWS query-string parameters must include '")
                + QLatin1String(name) + QStringLiteral("'. ");
        }
    }
    if (!missing.isEmpty())
        return forbidden(missing + QStringLiteral("Re-examine the query-string parameters."));

    if (*queryValue(parameters, "X-Amz-Algorithm") != Algorithm)
        return forbidden(QStringLiteral("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"."));
    bool isNumber = false;
    const QByteArray expiresText = *queryValue(parameters, "X-Amz-Expires");
    const int expires = expiresText.toInt(&isNumber);
    if (!isNumber || expires < 1 || expires > MaxExpiresSeconds) {
        return forbidden(QStringLiteral("X-Amz-Expires must be a number of seconds from 1 to "
                                        "604800 (one week), not '")
                         + text(expiresText) + QStringLiteral("'."));
    }

    QList<QByteArray> signedPieces;
    for (const Aws::QueryParameter &parameter : parameters) {
        if (parameter.name != "X-Amz-Signature")
            signedPieces.append(parameter.raw);
    }
    signedRequest.credential = *queryValue(parameters, "X-Amz-Credential");
    signedRequest.signedHeaders = queryValue(parameters, "X-Amz-SignedHeaders")->split(';');
    signedRequest.signature = *queryValue(parameters, "X-Amz-Signature");
    signedRequest.expires = expires;
    signedRequest.signedQuery = signedPieces.join('&');
    signedRequest.securityToken = queryValue(parameters, "X-Amz-Security-Token");
    if (!signedRequest.securityToken)
        signedRequest.securityToken = Aws::headerValue(request.headers, "x-amz-security-token");
    return readTime(*queryValue(parameters, "X-Amz-Date"), true, signedRequest);
}

/** The 5-minute window for signed headers; [date - 5 min, date + expires] when presigned. */
std::optional<ValidationError> checkTime(const SignedRequest &signedRequest, const QDateTime &now)
{
    const qint64 age = signedRequest.time.secsTo(now);
    if (age < -AllowedSkewSeconds) {
        return forbidden(QStringLiteral("Signature not yet current: ") + basic(signedRequest.time)
                         + QStringLiteral(" is still later than ")
                         + basic(now.addSecs(AllowedSkewSeconds)) + QStringLiteral(" (")
                         + basic(now) + QStringLiteral(" + 5 min.)"));
    }
    if (signedRequest.expires) {
        if (age > *signedRequest.expires)
            return forbidden(QStringLiteral("Request has expired"));
    } else if (age > AllowedSkewSeconds) {
        return forbidden(QStringLiteral("Signature expired: ") + basic(signedRequest.time)
                         + QStringLiteral(" is now earlier than ")
                         + basic(now.addSecs(-AllowedSkewSeconds)) + QStringLiteral(" (")
                         + basic(now) + QStringLiteral(" - 5 min.)"));
    }
    return std::nullopt;
}

} // namespace

SigV4Verifier::SigV4Verifier(QList<AccessKey> keys, QString region)
    : m_keys(std::move(keys))
    , m_region(std::move(region))
{
}

std::optional<ValidationError> SigV4Verifier::verify(const Aws::SignableRequest &request,
                                                     const QDateTime &now,
                                                     const QStringList &acceptedServices) const
{
    const std::optional<QByteArray> authorization = Aws::headerValue(request.headers, "authorization");
    const QList<Aws::QueryParameter> parameters = Aws::parseQuery(request.encodedQuery);
    const bool presigned = queryValue(parameters, "X-Amz-Algorithm")
        || queryValue(parameters, "X-Amz-Credential") || queryValue(parameters, "X-Amz-Signature");
    if (!authorization && !presigned)
        return forbidden(QStringLiteral("Missing Authentication Token"));
    if (authorization && presigned) {
        return forbidden(QStringLiteral("Only one auth mechanism allowed; only the "
                                        "X-Amz-Algorithm query parameter or the Authorization "
                                        "header should be specified"));
    }

    SignedRequest signedRequest;
    if (const auto error = authorization
                               ? parseAuthorizationHeader(*authorization, request, signedRequest)
                               : parsePresignedQuery(parameters, request, signedRequest)) {
        return error;
    }

    const QList<QByteArray> scope = signedRequest.credential.split('/');
    if (scope.size() != 5) {
        return forbidden(QStringLiteral("Credential must have exactly 5 slash-delimited elements, "
                                        "e.g. keyid/date/region/service/term, got '")
                         + text(signedRequest.credential) + QStringLiteral("'"));
    }
    const QString accessKeyId = text(scope.at(0));
    const QByteArray &scopeDate = scope.at(1);
    const QString region = text(scope.at(2));
    const QString service = text(scope.at(3));
    if (scope.at(4) != "aws4_request") {
        return forbidden(QStringLiteral("Credential should be scoped with a valid terminator: "
                                        "'aws4_request', not '")
                         + text(scope.at(4)) + QStringLiteral("'."));
    }
    if (scopeDate != signedRequest.timestamp.first(8)) {
        return forbidden(QStringLiteral("Date in Credential scope does not match YYYYMMDD from "
                                        "ISO-8601 version of date from HTTP: '")
                         + text(scopeDate) + QStringLiteral("' != '")
                         + text(signedRequest.timestamp.first(8)) + QStringLiteral("', from '")
                         + text(signedRequest.timestamp) + QStringLiteral("'."));
    }
    if (region != m_region) {
        return forbidden(QStringLiteral("Credential should be scoped to a valid region, not '")
                         + region + QStringLiteral("'."));
    }
    if (!acceptedServices.contains(service)) {
        return forbidden(QStringLiteral("Credential should be scoped to correct service: '")
                         + acceptedServices.value(0) + QStringLiteral("'."));
    }
    const bool hostSigned = std::any_of(
        signedRequest.signedHeaders.cbegin(), signedRequest.signedHeaders.cend(),
        [](const QByteArray &name) { return name.trimmed().compare("host", Qt::CaseInsensitive) == 0; });
    if (!hostSigned) {
        return forbidden(
            QStringLiteral("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."));
    }
    if (const auto error = checkTime(signedRequest, now))
        return error;

    const auto key = std::find_if(m_keys.cbegin(), m_keys.cend(), [&](const AccessKey &candidate) {
        return candidate.accessKeyId == accessKeyId;
    });
    const ValidationError invalidToken =
        forbidden(QStringLiteral("The security token included in the request is invalid."));
    if (key == m_keys.cend())
        return invalidToken;
    if (!key->sessionToken.isEmpty()
        && !equalInConstantTime(signedRequest.securityToken.value_or(QByteArray()),
                                key->sessionToken.toUtf8())) {
        return invalidToken;
    }

    QByteArray payloadHash = Aws::SigV4::sha256Hex(request.body);
    if (const auto declared = Aws::headerValue(request.headers, "x-amz-content-sha256")) {
        if (declared->compare("UNSIGNED-PAYLOAD", Qt::CaseInsensitive) == 0) {
            return forbidden(QStringLiteral("UNSIGNED-PAYLOAD is not supported by this service; "
                                            "sign the SHA-256 of the request body."));
        }
        if (declared->toLower() != payloadHash) {
            return forbidden(QStringLiteral("The provided 'x-amz-content-sha256' header does not "
                                            "match what was computed."));
        }
        payloadHash = *declared;
    }

    Aws::SignableRequest canonical = request;
    canonical.encodedQuery = signedRequest.signedQuery;
    const Aws::SigningScope signingScope{region, service};
    const QByteArray expected = Aws::SigV4::signature(
        key->secretAccessKey, scopeDate, signingScope,
        Aws::SigV4::stringToSign(
            signedRequest.timestamp, Aws::SigV4::credentialScope(scopeDate, signingScope),
            Aws::SigV4::canonicalRequest(canonical, signedRequest.signedHeaders, payloadHash)));
    if (!equalInConstantTime(expected, signedRequest.signature)) {
        return forbidden(QStringLiteral(
            "The request signature we calculated does not match the signature you provided. "
            "Check your AWS Secret Access Key and signing method. Consult the service "
            "documentation for details."));
    }
    return std::nullopt;
}

} // namespace Sandbox
