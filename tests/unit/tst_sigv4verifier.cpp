// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/sigv4verifier.h"

#include <QTest>
#include <QTimeZone>

// Requests below are what botocore 1.43.11 sends (SigV4Auth / generate_presigned_url with the
// clock patched to 2015-08-30T12:36:00Z, cross-checked with plain Python hmac/hashlib), so
// the verifier is checked against an independent signer (IOT-DATA-PLANE.md section 6.7).

using namespace Aws;
using Sandbox::AccessKey;
using Sandbox::SigV4Verifier;

Q_DECLARE_METATYPE(Aws::SignableRequest)

namespace {

const QString AccessKeyId = QStringLiteral("AKIDEXAMPLE");
const QString Secret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
const QString Token = QStringLiteral("FQoGZXIvYXdzEXAMPLETOKEN");
const QByteArray Host = QByteArrayLiteral("abc123example-ats.iot.us-east-1.amazonaws.com");
const QByteArray PublishPath = QByteArrayLiteral("/topics/sensors%2Froom1%2Ftemp");
const QByteArray PublishQuery = QByteArrayLiteral("qos=1&retain=true");
const QByteArray PublishBody = QByteArrayLiteral("{\"t\":21.5}");
const QByteArray V1Authorization = QByteArrayLiteral(
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iotdata/aws4_request, "
    "SignedHeaders=host;x-amz-date, "
    "Signature=4ea43f7a561fb9762298739f2f45414396dc3d989b11923dcb559ec4d0931fbb");

const QString Mismatch = QStringLiteral(
    "The request signature we calculated does not match the signature you provided. Check your "
    "AWS Secret Access Key and signing method. Consult the service documentation for details.");
const QString InvalidToken =
    QStringLiteral("The security token included in the request is invalid.");

QDateTime signedAt()
{
    return QDateTime(QDate(2015, 8, 30), QTime(12, 36), QTimeZone::utc());
}

/** Vector V1 as boto3 puts it on the wire, unsigned User-Agent and Content-Length included. */
SignableRequest v1(const QByteArray &authorization = V1Authorization)
{
    return SignableRequest{"POST",
                           PublishPath,
                           PublishQuery,
                           {{"Host", Host},
                            {"User-Agent", "Boto3/1.40 md/Botocore#1.43.11"},
                            {"Content-Length", "10"},
                            {"X-Amz-Date", "20150830T123600Z"},
                            {"Authorization", authorization}},
                           PublishBody};
}

SignableRequest v2()
{
    return SignableRequest{
        "GET",
        "/things/lamp-01/shadow",
        "name=config",
        {{"Host", Host},
         {"X-Amz-Date", "20150830T123600Z"},
         {"Authorization",
          "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iotdata/aws4_request, "
          "SignedHeaders=host;x-amz-date, "
          "Signature=c153d6ce940a389fc3d06f2798ad9b7f76d36891cd93c09e5ac939fe4c004abd"}},
        {}};
}

SignableRequest v3()
{
    return SignableRequest{
        "POST",
        PublishPath,
        PublishQuery,
        {{"Host", Host},
         {"X-Amz-Date", "20150830T123600Z"},
         {"X-Amz-Security-Token", Token.toLatin1()},
         {"Authorization",
          "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iotdevicegateway/"
          "aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, "
          "Signature=f830361d450a246ba9134a1c273cb186f02aa0ef0ebbfbc84b62f7772c46216e"}},
        PublishBody};
}

/** V2 signed with a Date header instead of X-Amz-Date. */
SignableRequest dateSigned(const QByteArray &date, const QByteArray &signature)
{
    return SignableRequest{
        "GET",
        "/things/lamp-01/shadow",
        "name=config",
        {{"Host", Host},
         {"Date", date},
         {"Authorization",
          "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iotdata/aws4_request, "
          "SignedHeaders=date;host, Signature=" + signature}},
        {}};
}

/** V1 with an X-Amz-Content-SHA256 header, signed by botocore. */
SignableRequest contentSha(const QByteArray &declared, const QByteArray &signature)
{
    return SignableRequest{
        "POST",
        PublishPath,
        PublishQuery,
        {{"Host", Host},
         {"X-Amz-Content-SHA256", declared},
         {"X-Amz-Date", "20150830T123600Z"},
         {"Authorization",
          "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iotdata/aws4_request, "
          "SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + signature}},
        PublishBody};
}

const QByteArray PresignedQuery = QByteArrayLiteral(
    "name=config&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830"
    "%2Fus-east-1%2Fiotdata%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-Expires=900"
    "&X-Amz-SignedHeaders=host&X-Amz-Signature="
    "fd89282ff2ca529dd9d86c47e03da800409f337e226660b34c4c38d40c8eb7aa");

const QByteArray PresignedWithTokenQuery = QByteArrayLiteral(
    "name=s%3A1&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830"
    "%2Fus-east-1%2Fiotdata%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-Expires=3600"
    "&X-Amz-SignedHeaders=host&X-Amz-Security-Token=FQoGZXIvYXdzEXAMPLETOKEN"
    "&X-Amz-Signature=0245ce704ba4ef47f42456e40d3969d0a26031742c65c1d0d699d75d8d060689");

/** A presigned GET from botocore's generate_presigned_url (endpoint http://127.0.0.1:8765). */
SignableRequest presigned(const QByteArray &path, const QByteArray &query)
{
    return SignableRequest{"GET", path, query, {{"Host", "127.0.0.1:8765"}}, {}};
}

SignableRequest withHeader(SignableRequest request, const QByteArray &name,
                           const QByteArray &value)
{
    request.headers.append({name, value});
    return request;
}

SignableRequest withoutHeader(SignableRequest request, const QByteArray &name)
{
    request.headers.removeIf([&](const auto &header) { return header.first == name; });
    return request;
}

SignableRequest withBody(SignableRequest request, const QByteArray &body)
{
    request.body = body;
    return request;
}

SignableRequest withQuery(SignableRequest request, const QByteArray &query)
{
    request.encodedQuery = query;
    return request;
}

SignableRequest withPath(SignableRequest request, const QByteArray &path)
{
    request.encodedPath = path;
    return request;
}

SignableRequest lowerCaseHeaderNames(SignableRequest request)
{
    for (auto &header : request.headers)
        header.first = header.first.toLower();
    return request;
}

} // namespace

class TestSigV4Verifier : public QObject
{
    Q_OBJECT

private slots:
    void verify_data();
    void verify();
    void ourSignatureVerifies_data();
    void ourSignatureVerifies();
};

// verify accepts exactly the requests AWS would accept (nullopt) and refuses every other one
// with 403 ForbiddenException and AWS's message: missing or malformed authentication, a
// scope for another date, region or service, an unknown key or session token, a request
// time outside 5 minutes (or past X-Amz-Expires), a wrong X-Amz-Content-SHA256, and any
// change to a signed part of the request.
void TestSigV4Verifier::verify_data()
{
    QTest::addColumn<SignableRequest>("request");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QString>("keyId");
    QTest::addColumn<QString>("keySecret");
    QTest::addColumn<QString>("keyToken");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QStringList>("services");
    QTest::addColumn<QString>("expectedError"); // empty: accepted

    const QDateTime t = signedAt();
    const QString r = QStringLiteral("us-east-1");
    const QStringList iot{QStringLiteral("iotdata"), QStringLiteral("iotdevicegateway")};
    const QString ak = AccessKeyId;
    const QString sk = Secret;
    const QString none;

    // Authorization header: the vectors.
    QTest::newRow("V1 valid") << v1() << t << ak << sk << none << r << iot << QString();
    QTest::newRow("V2 valid") << v2() << t << ak << sk << none << r << iot << QString();
    QTest::newRow("V3 iotdevicegateway, token configured")
        << v3() << t << ak << sk << Token << r << iot << QString();
    QTest::newRow("V3 token not checked when none configured")
        << v3() << t << ak << sk << none << r << iot << QString();
    QTest::newRow("lower-case header names") << lowerCaseHeaderNames(v1()) << t << ak << sk << none
                                             << r << iot << QString();
    QTest::newRow("no spaces after commas")
        << v1(QByteArrayLiteral(
               "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iotdata/aws4_request,"
               "SignedHeaders=host;x-amz-date,"
               "Signature=4ea43f7a561fb9762298739f2f45414396dc3d989b11923dcb559ec4d0931fbb"))
        << t << ak << sk << none << r << iot << QString();
    QTest::newRow("extra spaces around parameters")
        << v1(QByteArrayLiteral(
               "AWS4-HMAC-SHA256   Credential=AKIDEXAMPLE/20150830/us-east-1/iotdata/aws4_request ,"
               "   SignedHeaders=host;x-amz-date ,  "
               "Signature=4ea43f7a561fb9762298739f2f45414396dc3d989b11923dcb559ec4d0931fbb"))
        << t << ak << sk << none << r << iot << QString();

    // Tampering with anything signed.
    QTest::newRow("body byte changed") << withBody(v1(), "{\"t\":21.6}") << t << ak << sk << none
                                       << r << iot << Mismatch;
    QTest::newRow("query changed") << withQuery(v1(), "qos=1&retain=false") << t << ak << sk
                                   << none << r << iot << Mismatch;
    QTest::newRow("path changed (decoded slash)")
        << withPath(v1(), "/topics/sensors/room1/temp") << t << ak << sk << none << r << iot
        << Mismatch;
    QTest::newRow("host changed")
        << lowerCaseHeaderNames(withHeader(withoutHeader(v1(), "Host"), "Host", "127.0.0.1:8765"))
        << t << ak << sk << none << r << iot << Mismatch;
    QTest::newRow("wrong secret") << v1() << t << ak << QStringLiteral("not-the-secret") << none
                                  << r << iot << Mismatch;
    QTest::newRow("signature truncated")
        << v1(V1Authorization.chopped(1)) << t << ak << sk << none << r << iot << Mismatch;
    QTest::newRow("unsigned header added is ignored")
        << withHeader(v1(), "X-Extra", "anything") << t << ak << sk << none << r << iot
        << QString();

    // Clock window.
    QTest::newRow("5 min after: still valid")
        << v1() << t.addSecs(300) << ak << sk << none << r << iot << QString();
    QTest::newRow("5 min before: still valid")
        << v1() << t.addSecs(-300) << ak << sk << none << r << iot << QString();
    QTest::newRow("6 min after: expired")
        << v1() << t.addSecs(360) << ak << sk << none << r << iot
        << QStringLiteral("Signature expired: 20150830T123600Z is now earlier than "
                          "20150830T123700Z (20150830T124200Z - 5 min.)");
    QTest::newRow("6 min before: not yet current")
        << v1() << t.addSecs(-360) << ak << sk << none << r << iot
        << QStringLiteral("Signature not yet current: 20150830T123600Z is still later than "
                          "20150830T123500Z (20150830T123000Z + 5 min.)");
    QTest::newRow("now given in another time zone")
        << v1() << t.toTimeZone(QTimeZone(-7 * 3600)).addSecs(360) << ak << sk << none << r
        << iot
        << QStringLiteral("Signature expired: 20150830T123600Z is now earlier than "
                          "20150830T123700Z (20150830T124200Z - 5 min.)");

    // Scope, key and token.
    QTest::newRow("wrong region") << v1() << t << ak << sk << none << QStringLiteral("us-west-2")
                                  << iot
                                  << QStringLiteral("Credential should be scoped to a valid "
                                                    "region, not 'us-east-1'.");
    QTest::newRow("wrong service")
        << v1() << t << ak << sk << none << r
        << QStringList{QStringLiteral("iot"), QStringLiteral("execute-api")}
        << QStringLiteral("Credential should be scoped to correct service: 'iot'.");
    QTest::newRow("iotdevicegateway not accepted")
        << v3() << t << ak << sk << Token << r << QStringList{QStringLiteral("iotdata")}
        << QStringLiteral("Credential should be scoped to correct service: 'iotdata'.");
    QTest::newRow("unknown access key") << v1() << t << QStringLiteral("AKIDOTHER") << sk << none
                                        << r << iot << InvalidToken;
    QTest::newRow("configured token, none sent")
        << v1() << t << ak << sk << Token << r << iot << InvalidToken;
    QTest::newRow("configured token, another sent")
        << v3() << t << ak << sk << QStringLiteral("OTHERTOKEN") << r << iot << InvalidToken;
    QTest::newRow("configured token sent unsigned")
        << withHeader(v1(), "X-Amz-Security-Token", Token.toLatin1()) << t << ak << sk << Token
        << r << iot << QString();
    QTest::newRow("scope date differs from X-Amz-Date")
        << v1(QByteArray(V1Authorization).replace("/20150830/", "/20150831/")) << t << ak << sk
        << none << r << iot
        << QStringLiteral("Date in Credential scope does not match YYYYMMDD from ISO-8601 "
                          "version of date from HTTP: '20150831' != '20150830', from "
                          "'20150830T123600Z'.");

    // Missing or malformed authentication.
    QTest::newRow("no authentication") << withoutHeader(v1(), "Authorization") << t << ak << sk
                                       << none << r << iot
                                       << QStringLiteral("Missing Authentication Token");
    const QByteArray credentialOnly = QByteArrayLiteral(
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iotdata/aws4_request");
    QTest::newRow("Signature and SignedHeaders missing")
        << v1(credentialOnly) << t << ak << sk << none << r << iot
        << QStringLiteral("Authorization header requires 'Signature' parameter. Authorization "
                          "header requires 'SignedHeaders' parameter. Authorization=")
            + QString::fromLatin1(credentialOnly);
    QTest::newRow("no X-Amz-Date nor Date")
        << withoutHeader(v1(), "X-Amz-Date") << t << ak << sk << none << r << iot
        << QStringLiteral("Authorization header requires existence of either a 'X-Amz-Date' or "
                          "a 'Date' header. Authorization=")
            + QString::fromLatin1(V1Authorization);
    QTest::newRow("X-Amz-Date not in basic format")
        << withHeader(withoutHeader(v1(), "X-Amz-Date"), "X-Amz-Date", "2015-08-30T12:36:00Z")
        << t << ak << sk << none << r << iot
        << QStringLiteral("Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'. "
                          "See http://en.wikipedia.org/wiki/ISO_8601");
    QTest::newRow("other algorithm")
        << v1(QByteArray(V1Authorization).replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512")) << t
        << ak << sk << none << r << iot
        << QStringLiteral("The authorization mechanism you have provided is not supported. "
                          "Please use AWS4-HMAC-SHA256.");
    QTest::newRow("credential with four elements")
        << v1(QByteArray(V1Authorization).replace("/iotdata/", "/")) << t << ak << sk << none
        << r << iot
        << QStringLiteral("Credential must have exactly 5 slash-delimited elements, e.g. "
                          "keyid/date/region/service/term, got "
                          "'AKIDEXAMPLE/20150830/us-east-1/aws4_request'");
    QTest::newRow("wrong terminator")
        << v1(QByteArray(V1Authorization).replace("aws4_request", "aws5_request")) << t << ak
        << sk << none << r << iot
        << QStringLiteral("Credential should be scoped with a valid terminator: 'aws4_request', "
                          "not 'aws5_request'.");
    QTest::newRow("host not signed")
        << v1(QByteArray(V1Authorization).replace("SignedHeaders=host;", "SignedHeaders="))
        << t << ak << sk << none << r << iot
        << QStringLiteral("'Host' or ':authority' must be a 'SignedHeader' in the AWS "
                          "Authorization.");

    // Date header instead of X-Amz-Date.
    QTest::newRow("Date header (botocore, -0000)")
        << dateSigned("Sun, 30 Aug 2015 12:36:00 -0000",
                      "f89552067b413d8845bff3d9cd869cf721420676f2fa9988503f3e4718732695")
        << t << ak << sk << none << r << iot << QString();
    QTest::newRow("Date header (RFC 1123 GMT)")
        << dateSigned("Sun, 30 Aug 2015 12:36:00 GMT",
                      "ad6367a7b2a6c9e1ce20b055ae990af3eba5dd8c272c7302bd622b58686da64b")
        << t << ak << sk << none << r << iot << QString();
    QTest::newRow("Date header, 6 min later")
        << dateSigned("Sun, 30 Aug 2015 12:36:00 GMT",
                      "ad6367a7b2a6c9e1ce20b055ae990af3eba5dd8c272c7302bd622b58686da64b")
        << t.addSecs(360) << ak << sk << none << r << iot
        << QStringLiteral("Signature expired: 20150830T123600Z is now earlier than "
                          "20150830T123700Z (20150830T124200Z - 5 min.)");

    // X-Amz-Content-SHA256.
    const QByteArray bodyHash =
        QByteArrayLiteral("64cb2922cbcd122329525c35461f0e6c3e56d112c21aed2200ed6d45a448f9af");
    const QByteArray contentShaSignature =
        QByteArrayLiteral("cecf6c6f4142ceda42f28afe987b2925b00e8bf688e1faa97dc6e615c5db5e7c");
    QTest::newRow("X-Amz-Content-SHA256 matching body")
        << contentSha(bodyHash, contentShaSignature) << t << ak << sk << none << r << iot
        << QString();
    QTest::newRow("X-Amz-Content-SHA256 not matching changed body")
        << withBody(contentSha(bodyHash, contentShaSignature), "{\"t\":99}") << t << ak << sk
        << none << r << iot
        << QStringLiteral("The provided 'x-amz-content-sha256' header does not match what was "
                          "computed.");
    QTest::newRow("UNSIGNED-PAYLOAD")
        << contentSha("UNSIGNED-PAYLOAD",
                      "0a6400d48fffdae6a489b141c6b97dabdb0101d53e42c3d41ee5e16d373ede88")
        << t << ak << sk << none << r << iot
        << QStringLiteral("UNSIGNED-PAYLOAD is not supported by this service; sign the SHA-256 "
                          "of the request body.");

    // Presigned query (X-Amz-Expires=900 and 3600).
    const QByteArray shadowPath = QByteArrayLiteral("/things/lamp-01/shadow");
    QTest::newRow("presigned valid") << presigned(shadowPath, PresignedQuery) << t << ak << sk
                                     << none << r << iot << QString();
    QTest::newRow("presigned, last valid second")
        << presigned(shadowPath, PresignedQuery) << t.addSecs(900) << ak << sk << none << r << iot
        << QString();
    QTest::newRow("presigned, expired")
        << presigned(shadowPath, PresignedQuery) << t.addSecs(901) << ak << sk << none << r << iot
        << QStringLiteral("Request has expired");
    QTest::newRow("presigned, used 6 min before its date")
        << presigned(shadowPath, PresignedQuery) << t.addSecs(-360) << ak << sk << none << r
        << iot
        << QStringLiteral("Signature not yet current: 20150830T123600Z is still later than "
                          "20150830T123500Z (20150830T123000Z + 5 min.)");
    QTest::newRow("presigned, parameter tampered")
        << presigned(shadowPath, QByteArray(PresignedQuery).replace("name=config", "name=other"))
        << t << ak << sk << none << r << iot << Mismatch;
    QTest::newRow("presigned, expiry extended")
        << presigned(shadowPath,
                     QByteArray(PresignedQuery).replace("X-Amz-Expires=900", "X-Amz-Expires=901"))
        << t << ak << sk << none << r << iot << Mismatch;
    QTest::newRow("presigned, path tampered")
        << presigned("/things/lamp-02/shadow", PresignedQuery) << t << ak << sk << none << r
        << iot << Mismatch;
    QTest::newRow("presigned with token, token configured")
        << presigned("/things/caf%C3%A9%2F1/shadow", PresignedWithTokenQuery) << t << ak << sk
        << Token << r << iot << QString();
    QTest::newRow("presigned with token, other token configured")
        << presigned("/things/caf%C3%A9%2F1/shadow", PresignedWithTokenQuery) << t << ak << sk
        << QStringLiteral("OTHERTOKEN") << r << iot << InvalidToken;
    QTest::newRow("presigned, expires above one week")
        << presigned(shadowPath, QByteArray(PresignedQuery)
                                     .replace("X-Amz-Expires=900", "X-Amz-Expires=604801"))
        << t << ak << sk << none << r << iot
        << QStringLiteral("X-Amz-Expires must be a number of seconds from 1 to 604800 (one "
                          "week), not '604801'.");
    QTest::newRow("presigned, parameters missing")
        << presigned(shadowPath,
                     "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830"
                     "%2Fus-east-1%2Fiotdata%2Faws4_request&X-Amz-Date=20150830T123600Z")
        << t << ak << sk << none << r << iot
        << QStringLiteral("AWS query-string parameters must include 'X-Amz-Signature'. AWS "
                          "query-string parameters must include 'X-Amz-SignedHeaders'. AWS "
                          "query-string parameters must include 'X-Amz-Expires'. Re-examine the "
                          "query-string parameters.");
    QTest::newRow("presigned and Authorization header")
        << withHeader(presigned(shadowPath, PresignedQuery), "Authorization", V1Authorization)
        << t << ak << sk << none << r << iot
        << QStringLiteral("Only one auth mechanism allowed; only the X-Amz-Algorithm query "
                          "parameter or the Authorization header should be specified");
}

void TestSigV4Verifier::verify()
{
    QFETCH(SignableRequest, request);
    QFETCH(QDateTime, now);
    QFETCH(QString, keyId);
    QFETCH(QString, keySecret);
    QFETCH(QString, keyToken);
    QFETCH(QString, region);
    QFETCH(QStringList, services);
    QFETCH(QString, expectedError);

    const SigV4Verifier verifier({AccessKey{QStringLiteral("AKIDSOMEONEELSE"), Secret, {}},
                                  AccessKey{keyId, keySecret, keyToken}},
                                 region);
    const std::optional<Shadow::ValidationError> error = verifier.verify(request, now, services);
    if (expectedError.isEmpty()) {
        QVERIFY2(!error, qPrintable(error ? error->message : QString()));
    } else {
        QVERIFY(error);
        QCOMPARE(error->message, expectedError);
        QCOMPARE(error->httpStatus, 403);
        QCOMPARE(error->code, QStringLiteral("ForbiddenException"));
    }
}

// A request signed by our own signer (any path label, query, token, signing name) verifies,
// and stops verifying when one body byte changes.
void TestSigV4Verifier::ourSignatureVerifies_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("token");

    QTest::newRow("C1 topic with space") << QByteArrayLiteral("/topics/sensors%2Froom%201%2Ftemp")
                                         << QByteArrayLiteral("qos=1") << QByteArrayLiteral("x")
                                         << QStringLiteral("iotdata") << QString();
    QTest::newRow("reserved topic") << QByteArrayLiteral("/topics/%24aws%2Fthings%2Ft1%2Fshadow")
                                    << QByteArray() << QByteArrayLiteral("{}")
                                    << QStringLiteral("iotdevicegateway") << Token;
    QTest::newRow("empty topic, literal percent in query")
        << QByteArrayLiteral("/topics/") << QByteArrayLiteral("contentType=a%25b&retain=true")
        << QByteArray("\x00\xff", 2) << QStringLiteral("iotdata") << Token;
}

void TestSigV4Verifier::ourSignatureVerifies()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, body);
    QFETCH(QString, service);
    QFETCH(QString, token);

    SignableRequest request{"POST", path, query, {{"Host", "127.0.0.1:8765"}}, body};
    SigV4::signRequest(request, SigningCredentials{AccessKeyId, Secret, token},
                       SigningScope{QStringLiteral("us-east-1"), service}, signedAt());
    const SigV4Verifier verifier({AccessKey{AccessKeyId, Secret, token}},
                                 QStringLiteral("us-east-1"));
    const QStringList services{QStringLiteral("iotdata"), QStringLiteral("iotdevicegateway")};
    const auto accepted = verifier.verify(request, signedAt().addSecs(42), services);
    QVERIFY2(!accepted, qPrintable(accepted ? accepted->message : QString()));

    request.body.append('!');
    const auto refused = verifier.verify(request, signedAt(), services);
    QVERIFY(refused);
    QCOMPARE(refused->message, Mismatch);
}

QTEST_GUILESS_MAIN(TestSigV4Verifier)
#include "tst_sigv4verifier.moc"
