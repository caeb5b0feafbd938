// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/sigv4signer.h"

#include <QTest>
#include <QTimeZone>

// Expected values come from outside this code base: the official SigV4 test suite
// (docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html), the IAM signing
// example, RFC 4231, and botocore 1.43.11 (SigV4Auth / SigV4QueryAuth with the clock patched
// to 2015-08-30T12:36:00Z), cross-checked with plain Python hmac/hashlib
// (IOT-DATA-PLANE.md section 6.7).

using namespace Aws;

namespace {

const QString AccessKeyId = QStringLiteral("AKIDEXAMPLE");
const QString Secret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
const QByteArray IotHost = QByteArrayLiteral("abc123example-ats.iot.us-east-1.amazonaws.com");
const QByteArray SuiteHost = QByteArrayLiteral("example.amazonaws.com");
const QByteArray EmptyHash =
    QByteArrayLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

QDateTime suiteTime()
{
    return QDateTime(QDate(2015, 8, 30), QTime(12, 36), QTimeZone::utc());
}

QByteArray hmacChainStart(const QString &secret, QByteArrayView date)
{
    return SigV4::hmacSha256(QByteArray("AWS4" + secret.toUtf8()), date);
}

QByteArray header(const HeaderList &headers, QByteArrayView name)
{
    QByteArray found;
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            if (!found.isEmpty())
                return QByteArrayLiteral("<repeated>");
            found = value;
        }
    }
    return found;
}

} // namespace

class TestSigV4Signer : public QObject
{
    Q_OBJECT

private slots:
    void sha256Hex_data();
    void sha256Hex();
    void hmacSha256_data();
    void hmacSha256();
    void amzDate_data();
    void amzDate();
    void amzDateWithinOneSecond();
    void canonicalUri_data();
    void canonicalUri();
    void canonicalQuery_data();
    void canonicalQuery();
    void signedHeaderList_data();
    void signedHeaderList();
    void canonicalRequest_data();
    void canonicalRequest();
    void stringToSign_data();
    void stringToSign();
    void signature_data();
    void signature();
    void signatureWithManySigningKeys_data();
    void signatureWithManySigningKeys();
    void signRequest_data();
    void signRequest();
    void signRequestReplacesAnEarlierSignature();
    void presignQuery_data();
    void presignQuery();
};

// sha256Hex is the lower-case hex SHA-256 of the exact bytes.
void TestSigV4Signer::sha256Hex_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty") << QByteArray() << EmptyHash;
    QTest::newRow("abc (FIPS 180-2)")
        << QByteArrayLiteral("abc")
        << QByteArrayLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("V1 body")
        << QByteArrayLiteral("{\"t\":21.5}")
        << QByteArrayLiteral("64cb2922cbcd122329525c35461f0e6c3e56d112c21aed2200ed6d45a448f9af");
    QTest::newRow("embedded NUL")
        << QByteArray("a\0b", 3)
        << QByteArrayLiteral("59b271ae1bbcb1d31d41929817f4b16fb439eb4f31520b5ad1d5ce98920a7138");
}

void TestSigV4Signer::sha256Hex()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4::sha256Hex(data), expected);
}

// hmacSha256 returns the raw 32-byte HMAC-SHA-256 (RFC 4231 vectors).
void TestSigV4Signer::hmacSha256_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expectedHex");
    QTest::newRow("RFC 4231 case 1")
        << QByteArray(20, '\x0b') << QByteArrayLiteral("Hi There")
        << QByteArrayLiteral("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    QTest::newRow("RFC 4231 case 2")
        << QByteArrayLiteral("Jefe") << QByteArrayLiteral("what do ya want for nothing?")
        << QByteArrayLiteral("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    QTest::newRow("empty key and data")
        << QByteArray() << QByteArray()
        << QByteArrayLiteral("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
    QTest::newRow("RFC 4231 case 6 (key longer than block)")
        << QByteArray(131, '\xaa')
        << QByteArrayLiteral("Test Using Larger Than Block-Size Key - Hash Key First")
        << QByteArrayLiteral("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

void TestSigV4Signer::hmacSha256()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expectedHex);
    const QByteArray mac = SigV4::hmacSha256(key, data);
    QCOMPARE(mac.size(), 32);
    QCOMPARE(mac.toHex(), expectedHex);
}

// amzDate is the UTC time in ISO 8601 basic format, whatever the input's time zone.
void TestSigV4Signer::amzDate_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("utc") << suiteTime() << QByteArrayLiteral("20150830T123600Z");
    QTest::newRow("offset +02:00 crossing midnight")
        << QDateTime(QDate(2015, 8, 31), QTime(1, 2, 3), QTimeZone(2 * 3600))
        << QByteArrayLiteral("20150830T230203Z");
    QTest::newRow("single digits padded")
        << QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc())
        << QByteArrayLiteral("20260102T030405Z");
    QTest::newRow("milliseconds dropped")
        << QDateTime(QDate(2026, 11, 28), QTime(23, 59, 59, 999), QTimeZone::utc())
        << QByteArrayLiteral("20261128T235959Z");
    QTest::newRow("before 1970 rounds down")
        << QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 500), QTimeZone::utc())
        << QByteArrayLiteral("19691231T235959Z");
    QTest::newRow("leap day") << QDateTime(QDate(2028, 2, 29), QTime(0, 0), QTimeZone::utc())
                              << QByteArrayLiteral("20280229T000000Z");
    QTest::newRow("year beyond four digits, as Qt formats it")
        << QDateTime(QDate(10000, 1, 2), QTime(3, 4, 5), QTimeZone::utc())
        << QByteArrayLiteral("100000102T030405Z");
    QTest::newRow("invalid time") << QDateTime() << QByteArray();
}

void TestSigV4Signer::amzDate()
{
    QFETCH(QDateTime, time);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4::amzDate(time), expected);
}

// amzDate reuses the text of the last second it formatted, and only for that second.
void TestSigV4Signer::amzDateWithinOneSecond()
{
    const QDateTime start(QDate(2026, 11, 28), QTime(23, 59, 59), QTimeZone::utc());
    QCOMPARE(SigV4::amzDate(start), QByteArrayLiteral("20261128T235959Z"));
    QCOMPARE(SigV4::amzDate(start.addMSecs(999)), QByteArrayLiteral("20261128T235959Z"));
    QCOMPARE(SigV4::amzDate(start.addMSecs(1000)), QByteArrayLiteral("20261129T000000Z"));
    QCOMPARE(SigV4::amzDate(start), QByteArrayLiteral("20261128T235959Z"));
}

// canonicalUri normalises the wire path like botocore (dot segments, '//', trailing slash
// kept) and percent-encodes it a second time, leaving '/' and '~'.
void TestSigV4Signer::canonicalUri_data()
{
    QTest::addColumn<QByteArray>("wirePath");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("root") << QByteArrayLiteral("/") << QByteArrayLiteral("/");
    QTest::newRow("empty") << QByteArray() << QByteArrayLiteral("/");
    QTest::newRow("encoded slashes") << QByteArrayLiteral("/topics/a%2Fb%2Fc")
                                     << QByteArrayLiteral("/topics/a%252Fb%252Fc");
    QTest::newRow("literal percent") << QByteArrayLiteral("/topics/a%252Fb")
                                     << QByteArrayLiteral("/topics/a%25252Fb");
    QTest::newRow("utf-8 topic") << QByteArrayLiteral("/topics/caf%C3%A9%2Ftemp")
                                 << QByteArrayLiteral("/topics/caf%25C3%25A9%252Ftemp");
    QTest::newRow("unreserved untouched") << QByteArrayLiteral("/topics/x~y_z-.")
                                          << QByteArrayLiteral("/topics/x~y_z-.");
    QTest::newRow("trailing slash kept") << QByteArrayLiteral("/topics/")
                                         << QByteArrayLiteral("/topics/");
    QTest::newRow("get-relative") << QByteArrayLiteral("/example/..") << QByteArrayLiteral("/");
    QTest::newRow("get-relative-relative")
        << QByteArrayLiteral("/example1/example2/../..") << QByteArrayLiteral("/");
    QTest::newRow("get-slash") << QByteArrayLiteral("//") << QByteArrayLiteral("/");
    QTest::newRow("get-slash-dot-slash") << QByteArrayLiteral("/./") << QByteArrayLiteral("/");
    QTest::newRow("get-slash-pointless-dot")
        << QByteArrayLiteral("/./example") << QByteArrayLiteral("/example");
    QTest::newRow("get-slashes") << QByteArrayLiteral("//example//")
                                 << QByteArrayLiteral("/example/");
    QTest::newRow("dot-dot above root") << QByteArrayLiteral("/../a") << QByteArrayLiteral("/a");
    QTest::newRow("encoded dot segment is data")
        << QByteArrayLiteral("/a/%2E%2E/b") << QByteArrayLiteral("/a/%252E%252E/b");
    QTest::newRow("get-space (raw)") << QByteArrayLiteral("/example space/")
                                     << QByteArrayLiteral("/example%20space/");
    QTest::newRow("get-utf8 (raw)") << QByteArrayLiteral("/\xe1\x88\xb4")
                                    << QByteArrayLiteral("/%E1%88%B4");
}

void TestSigV4Signer::canonicalUri()
{
    QFETCH(QByteArray, wirePath);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4::canonicalUri(wirePath), expected);
}

// canonicalQuery decodes each name and value once, re-encodes with the RFC 3986 unreserved
// set (upper-case hex), gives bare names an empty value and sorts by name, then value.
void TestSigV4Signer::canonicalQuery_data()
{
    QTest::addColumn<QByteArray>("wireQuery");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("already sorted") << QByteArrayLiteral("qos=1&retain=true")
                                    << QByteArrayLiteral("qos=1&retain=true");
    QTest::newRow("get-vanilla-query-order-key-case")
        << QByteArrayLiteral("Param2=value2&Param1=value1")
        << QByteArrayLiteral("Param1=value1&Param2=value2");
    QTest::newRow("get-vanilla-query-order-key (value order)")
        << QByteArrayLiteral("Param1=value2&Param1=Value1")
        << QByteArrayLiteral("Param1=Value1&Param1=value2");
    QTest::newRow("upper case before lower case")
        << QByteArrayLiteral("b=1&B=2&a=3") << QByteArrayLiteral("B=2&a=3&b=1");
    QTest::newRow("get-vanilla-utf8-query (raw)")
        << QByteArrayLiteral("\xe1\x88\xb4=bar") << QByteArrayLiteral("%E1%88%B4=bar");
    QTest::newRow("get-vanilla-query-unreserved")
        << QByteArrayLiteral("-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz="
                             "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        << QByteArrayLiteral("-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz="
                             "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    QTest::newRow("encoded value kept") << QByteArrayLiteral("contentType=application%2Fjson")
                                        << QByteArrayLiteral("contentType=application%2Fjson");
    QTest::newRow("raw reserved characters encoded") << QByteArrayLiteral("name=s:1&next=a/b")
                                                     << QByteArrayLiteral("name=s%3A1&next=a%2Fb");
    QTest::newRow("lower-case hex upper-cased") << QByteArrayLiteral("t=a%2fb")
                                                << QByteArrayLiteral("t=a%2Fb");
    QTest::newRow("over-encoded unreserved decoded") << QByteArrayLiteral("t=%7Ex%2D")
                                                     << QByteArrayLiteral("t=~x-");
    QTest::newRow("bare name gets empty value") << QByteArrayLiteral("b&a=1")
                                                << QByteArrayLiteral("a=1&b=");
    QTest::newRow("empty value") << QByteArrayLiteral("a=") << QByteArrayLiteral("a=");
    QTest::newRow("plus is a literal plus") << QByteArrayLiteral("a=x+y")
                                            << QByteArrayLiteral("a=x%2By");
    QTest::newRow("equals inside value") << QByteArrayLiteral("a=b=c")
                                         << QByteArrayLiteral("a=b%3Dc");
}

void TestSigV4Signer::canonicalQuery()
{
    QFETCH(QByteArray, wireQuery);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4::canonicalQuery(wireQuery), expected);
}

// signedHeaderList lower-cases, deduplicates and sorts the names, joined by ';'.
void TestSigV4Signer::signedHeaderList_data()
{
    QTest::addColumn<QList<QByteArray>>("names");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("single") << QList<QByteArray>{"Host"} << QByteArrayLiteral("host");
    QTest::newRow("sorted and lower-cased")
        << QList<QByteArray>{"X-Amz-Date", "Host", "Content-Type"}
        << QByteArrayLiteral("content-type;host;x-amz-date");
    QTest::newRow("duplicates collapse")
        << QList<QByteArray>{"host", "X-Amz-Date", "HOST", "x-amz-date"}
        << QByteArrayLiteral("host;x-amz-date");
}

void TestSigV4Signer::signedHeaderList()
{
    QFETCH(QList<QByteArray>, names);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4::signedHeaderList(names), expected);
}

// canonicalRequest joins method, URI, query, the named headers (trimmed, whitespace runs
// collapsed, repeated headers joined by ','), the signed header list and the payload hash.
void TestSigV4Signer::canonicalRequest_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QList<QByteArray>>("signedHeaders");
    QTest::addColumn<QByteArray>("payloadHash");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("V1 (botocore)")
        << QByteArrayLiteral("POST") << QByteArrayLiteral("/topics/sensors%2Froom1%2Ftemp")
        << QByteArrayLiteral("qos=1&retain=true")
        << HeaderList{{"Host", IotHost}, {"X-Amz-Date", "20150830T123600Z"}}
        << QList<QByteArray>{"host", "x-amz-date"}
        << QByteArrayLiteral("64cb2922cbcd122329525c35461f0e6c3e56d112c21aed2200ed6d45a448f9af")
        << QByteArrayLiteral("POST\n/topics/sensors%252Froom1%252Ftemp\nqos=1&retain=true\n"
                             "host:abc123example-ats.iot.us-east-1.amazonaws.com\n"
                             "x-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
                             "64cb2922cbcd122329525c35461f0e6c3e56d112c21aed2200ed6d45a448f9af");
    QTest::newRow("get-header-value-trim, unsigned header left out, method upper-cased")
        << QByteArrayLiteral("get") << QByteArrayLiteral("/") << QByteArray()
        << HeaderList{{"Host", SuiteHost},
                      {"My-Header1", " value1"},
                      {"My-Header2", " \"a   b \t  c\" "},
                      {"User-Agent", "not signed"},
                      {"X-Amz-Date", "20150830T123600Z"}}
        << QList<QByteArray>{"host", "my-header1", "my-header2", "x-amz-date"} << EmptyHash
        << QByteArrayLiteral("GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\n"
                             "my-header2:\"a b c\"\nx-amz-date:20150830T123600Z\n\n"
                             "host;my-header1;my-header2;x-amz-date\n"
                             "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("repeated header joined by comma in order")
        << QByteArrayLiteral("GET") << QByteArrayLiteral("/") << QByteArray()
        << HeaderList{{"Host", SuiteHost}, {"X-A", " 2 "}, {"x-a", "1"}}
        << QList<QByteArray>{"host", "x-a"} << EmptyHash
        << QByteArrayLiteral("GET\n/\n\nhost:example.amazonaws.com\nx-a:2,1\n\nhost;x-a\n"
                             "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

void TestSigV4Signer::canonicalRequest()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(HeaderList, headers);
    QFETCH(QList<QByteArray>, signedHeaders);
    QFETCH(QByteArray, payloadHash);
    QFETCH(QByteArray, expected);
    const SignableRequest request{method, path, query, headers, {}};
    QCOMPARE(SigV4::canonicalRequest(request, signedHeaders, payloadHash), expected);
}

// stringToSign is algorithm, timestamp, scope and the hex SHA-256 of the canonical request.
void TestSigV4Signer::stringToSign_data()
{
    QTest::addColumn<QByteArray>("canonicalRequest");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("get-vanilla")
        << QByteArrayLiteral("GET\n/\n\nhost:example.amazonaws.com\n"
                             "x-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
                             "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        << QStringLiteral("service")
        << QByteArrayLiteral("AWS4-HMAC-SHA256\n20150830T123600Z\n"
                             "20150830/us-east-1/service/aws4_request\n"
                             "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
    QTest::newRow("V1")
        << QByteArrayLiteral("POST\n/topics/sensors%252Froom1%252Ftemp\nqos=1&retain=true\n"
                             "host:abc123example-ats.iot.us-east-1.amazonaws.com\n"
                             "x-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
                             "64cb2922cbcd122329525c35461f0e6c3e56d112c21aed2200ed6d45a448f9af")
        << QStringLiteral("iotdata")
        << QByteArrayLiteral("AWS4-HMAC-SHA256\n20150830T123600Z\n"
                             "20150830/us-east-1/iotdata/aws4_request\n"
                             "f01949ccdbc73cb4dbf8599cd4a5dd09cf4356882bb6d53347dcb218240e12b1");
}

void TestSigV4Signer::stringToSign()
{
    QFETCH(QByteArray, canonicalRequest);
    QFETCH(QString, service);
    QFETCH(QByteArray, expected);
    const QByteArray scope =
        SigV4::credentialScope("20150830", SigningScope{QStringLiteral("us-east-1"), service});
    QCOMPARE(SigV4::stringToSign("20150830T123600Z", scope, canonicalRequest), expected);
}

// signature runs the key chain AWS4+secret -> date -> region -> service -> aws4_request.
void TestSigV4Signer::signature_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QByteArray>("stringToSign");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("IAM documentation example")
        << QStringLiteral("iam")
        << QByteArrayLiteral("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n"
                             "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59")
        << QByteArrayLiteral("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    QTest::newRow("get-vanilla")
        << QStringLiteral("service")
        << QByteArrayLiteral("AWS4-HMAC-SHA256\n20150830T123600Z\n"
                             "20150830/us-east-1/service/aws4_request\n"
                             "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63")
        << QByteArrayLiteral("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
}

void TestSigV4Signer::signature()
{
    QFETCH(QString, service);
    QFETCH(QByteArray, stringToSign);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4::signature(Secret, "20150830", SigningScope{QStringLiteral("us-east-1"), service},
                              stringToSign),
             expected);
}

// signature gives the key chain's result whatever was signed before: more (secret, date,
// region, service) combinations than the per-thread key cache holds, used in turn, each
// match the chain computed from hmacSha256.
void TestSigV4Signer::signatureWithManySigningKeys_data()
{
    QTest::addColumn<int>("rounds");
    QTest::newRow("once") << 1;
    QTest::newRow("three rounds, keys evicted and derived again") << 3;
}

void TestSigV4Signer::signatureWithManySigningKeys()
{
    QFETCH(int, rounds);
    struct Combination
    {
        QString secret;
        QByteArray date;
        SigningScope scope;
    };
    const SigningScope east{QStringLiteral("us-east-1"), QStringLiteral("iotdata")};
    const QList<Combination> combinations{
        {Secret, "20150830", east},
        {Secret, "20150831", east},
        {Secret, "20150830", {QStringLiteral("eu-west-1"), QStringLiteral("iotdata")}},
        {Secret, "20150830", {QStringLiteral("us-east-1"), QStringLiteral("iot")}},
        {QStringLiteral("other-secret"), "20150830", east},
        {QStringLiteral("s\u00e9cret"), "20150830", east},
    };
    const QByteArray toSign = QByteArrayLiteral("AWS4-HMAC-SHA256\n20150830T123600Z\nscope\nhash");
    for (int round = 0; round < rounds; ++round) {
        for (const Combination &c : combinations) {
            QByteArray key = hmacChainStart(c.secret, c.date);
            key = SigV4::hmacSha256(key, c.scope.region.toUtf8());
            key = SigV4::hmacSha256(key, c.scope.service.toUtf8());
            key = SigV4::hmacSha256(key, "aws4_request");
            QCOMPARE(SigV4::signature(c.secret, c.date, c.scope, toSign),
                     SigV4::hmacSha256(key, toSign).toHex());
        }
    }
}

// signRequest adds X-Amz-Date (and X-Amz-Security-Token with a session token), signs every
// header present except the unsigned set (user-agent, content-length, connection, ...) and
// adds the Authorization header botocore would send.
void TestSigV4Signer::signRequest_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("sessionToken");
    QTest::addColumn<QByteArray>("signedHeaders");
    QTest::addColumn<QByteArray>("signature");

    const HeaderList suite{{"Host", SuiteHost}};
    const QString svc = QStringLiteral("service");
    QTest::newRow("get-vanilla")
        << QByteArrayLiteral("GET") << QByteArrayLiteral("/") << QByteArray() << suite
        << QByteArray() << svc << QString() << QByteArrayLiteral("host;x-amz-date")
        << QByteArrayLiteral("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    QTest::newRow("get-vanilla-query-order-key-case")
        << QByteArrayLiteral("GET") << QByteArrayLiteral("/")
        << QByteArrayLiteral("Param2=value2&Param1=value1") << suite << QByteArray() << svc
        << QString() << QByteArrayLiteral("host;x-amz-date")
        << QByteArrayLiteral("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
    QTest::newRow("get-vanilla-utf8-query")
        << QByteArrayLiteral("GET") << QByteArrayLiteral("/")
        << QByteArrayLiteral("\xe1\x88\xb4=bar") << suite << QByteArray() << svc << QString()
        << QByteArrayLiteral("host;x-amz-date")
        << QByteArrayLiteral("2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04");
    QTest::newRow("get-utf8")
        << QByteArrayLiteral("GET") << QByteArrayLiteral("/\xe1\x88\xb4") << QByteArray() << suite
        << QByteArray() << svc << QString() << QByteArrayLiteral("host;x-amz-date")
        << QByteArrayLiteral("8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85");
    QTest::newRow("get-space")
        << QByteArrayLiteral("GET") << QByteArrayLiteral("/example space/") << QByteArray()
        << suite << QByteArray() << svc << QString() << QByteArrayLiteral("host;x-amz-date")
        << QByteArrayLiteral("652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741");
    QTest::newRow("get-relative-relative")
        << QByteArrayLiteral("GET") << QByteArrayLiteral("/example1/example2/../..")
        << QByteArray() << suite << QByteArray() << svc << QString()
        << QByteArrayLiteral("host;x-amz-date")
        << QByteArrayLiteral("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    QTest::newRow("get-slashes")
        << QByteArrayLiteral("GET") << QByteArrayLiteral("//example//") << QByteArray() << suite
        << QByteArray() << svc << QString() << QByteArrayLiteral("host;x-amz-date")
        << QByteArrayLiteral("9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84");
    QTest::newRow("get-header-value-trim")
        << QByteArrayLiteral("GET") << QByteArrayLiteral("/") << QByteArray()
        << HeaderList{{"Host", SuiteHost}, {"My-Header1", "value1"},
                      {"My-Header2", "\"a   b   c\""}}
        << QByteArray() << svc << QString()
        << QByteArrayLiteral("host;my-header1;my-header2;x-amz-date")
        << QByteArrayLiteral("acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736");
    QTest::newRow("post-vanilla")
        << QByteArrayLiteral("POST") << QByteArrayLiteral("/") << QByteArray() << suite
        << QByteArray() << svc << QString() << QByteArrayLiteral("host;x-amz-date")
        << QByteArrayLiteral("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
    QTest::newRow("post-x-www-form-urlencoded")
        << QByteArrayLiteral("POST") << QByteArrayLiteral("/") << QByteArray()
        << HeaderList{{"Content-Type", "application/x-www-form-urlencoded"}, {"Host", SuiteHost}}
        << QByteArrayLiteral("Param1=value1") << svc << QString()
        << QByteArrayLiteral("content-type;host;x-amz-date")
        << QByteArrayLiteral("ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");

    const QByteArray publishPath = QByteArrayLiteral("/topics/sensors%2Froom1%2Ftemp");
    const QByteArray publishQuery = QByteArrayLiteral("qos=1&retain=true");
    const QByteArray publishBody = QByteArrayLiteral("{\"t\":21.5}");
    const HeaderList iot{{"Host", IotHost}};
    QTest::newRow("V1 publish")
        << QByteArrayLiteral("POST") << publishPath << publishQuery << iot << publishBody
        << QStringLiteral("iotdata") << QString() << QByteArrayLiteral("host;x-amz-date")
        << QByteArrayLiteral("4ea43f7a561fb9762298739f2f45414396dc3d989b11923dcb559ec4d0931fbb");
    QTest::newRow("V2 get shadow")
        << QByteArrayLiteral("GET") << QByteArrayLiteral("/things/lamp-01/shadow")
        << QByteArrayLiteral("name=config") << iot << QByteArray() << QStringLiteral("iotdata")
        << QString() << QByteArrayLiteral("host;x-amz-date")
        << QByteArrayLiteral("c153d6ce940a389fc3d06f2798ad9b7f76d36891cd93c09e5ac939fe4c004abd");
    QTest::newRow("V3 session token, iotdevicegateway")
        << QByteArrayLiteral("POST") << publishPath << publishQuery << iot << publishBody
        << QStringLiteral("iotdevicegateway") << QStringLiteral("FQoGZXIvYXdzEXAMPLETOKEN")
        << QByteArrayLiteral("host;x-amz-date;x-amz-security-token")
        << QByteArrayLiteral("f830361d450a246ba9134a1c273cb186f02aa0ef0ebbfbc84b62f7772c46216e");
    QTest::newRow("mqtt5 header signed; user-agent, content-length, connection not")
        << QByteArrayLiteral("POST") << QByteArrayLiteral("/topics/a%2Fb")
        << QByteArrayLiteral("qos=1")
        << HeaderList{{"Host", IotHost},
                      {"User-Agent", "Shadowscope/0.1"},
                      {"x-amz-mqtt5-user-properties", "W3siYSI6ImIifV0="},
                      {"Content-Type", "application/octet-stream"},
                      {"Content-Length", "5"},
                      {"Connection", "keep-alive"},
                      {"Expect", "100-continue"},
                      {"X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793"}}
        << QByteArrayLiteral("hello") << QStringLiteral("iotdata") << QString()
        << QByteArrayLiteral("content-type;host;x-amz-date;x-amz-mqtt5-user-properties")
        << QByteArrayLiteral("6df352a12ad080b832e412aa815d415a99fcd9645f1f7ee1da5f96e73c6efb93");
    QTest::newRow("client-sent X-Amz-Content-SHA256 is signed and used as payload hash")
        << QByteArrayLiteral("POST") << publishPath << publishQuery
        << HeaderList{{"Host", IotHost},
                      {"X-Amz-Content-SHA256",
                       "64cb2922cbcd122329525c35461f0e6c3e56d112c21aed2200ed6d45a448f9af"}}
        << publishBody << QStringLiteral("iotdata") << QString()
        << QByteArrayLiteral("host;x-amz-content-sha256;x-amz-date")
        << QByteArrayLiteral("cecf6c6f4142ceda42f28afe987b2925b00e8bf688e1faa97dc6e615c5db5e7c");
}

void TestSigV4Signer::signRequest()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(HeaderList, headers);
    QFETCH(QByteArray, body);
    QFETCH(QString, service);
    QFETCH(QString, sessionToken);
    QFETCH(QByteArray, signedHeaders);
    QFETCH(QByteArray, signature);

    SignableRequest request{method, path, query, headers, body};
    SigV4::signRequest(request, SigningCredentials{AccessKeyId, Secret, sessionToken},
                       SigningScope{QStringLiteral("us-east-1"), service}, suiteTime());

    const QByteArray expectedAuthorization =
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/" + service.toLatin1()
        + "/aws4_request, SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    QCOMPARE(header(request.headers, "authorization"), expectedAuthorization);
    QCOMPARE(header(request.headers, "x-amz-date"), QByteArrayLiteral("20150830T123600Z"));
    QCOMPARE(header(request.headers, "x-amz-security-token"), sessionToken.toLatin1());
    const qsizetype added = sessionToken.isEmpty() ? 2 : 3;
    QCOMPARE(request.headers.size(), headers.size() + added);
    QCOMPARE(request.headers.first(headers.size()), headers);
    QCOMPARE(request.body, body);
    QCOMPARE(request.encodedPath, path);
    QCOMPARE(request.encodedQuery, query);
}

// Signing a request again (a retry) replaces Authorization, X-Amz-Date and the token
// instead of adding second copies.
void TestSigV4Signer::signRequestReplacesAnEarlierSignature()
{
    SignableRequest request{"POST", "/topics/sensors%2Froom1%2Ftemp", "qos=1&retain=true",
                            {{"Host", IotHost}}, "{\"t\":21.5}"};
    const SigningCredentials credentials{AccessKeyId, Secret,
                                         QStringLiteral("FQoGZXIvYXdzEXAMPLETOKEN")};
    const SigningScope scope{QStringLiteral("us-east-1"), QStringLiteral("iotdevicegateway")};
    SigV4::signRequest(request, credentials, scope, suiteTime().addSecs(-3600));
    SigV4::signRequest(request, credentials, scope, suiteTime());

    QCOMPARE(request.headers.size(), 4);
    QCOMPARE(header(request.headers, "x-amz-date"), QByteArrayLiteral("20150830T123600Z"));
    QCOMPARE(header(request.headers, "x-amz-security-token"),
             QByteArrayLiteral("FQoGZXIvYXdzEXAMPLETOKEN"));
    QVERIFY(header(request.headers, "authorization")
                .endsWith("Signature=f830361d450a246ba9134a1c273cb186f02aa0ef0ebbfbc84b62f7772c46216e"));
}

// presignQuery returns exactly the query botocore's generate_presigned_url builds: the
// request's parameters, then X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders,
// -Security-Token, and X-Amz-Signature last.
void TestSigV4Signer::presignQuery_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("sessionToken");
    QTest::addColumn<int>("expires");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("get_thing_shadow lamp-01 / config")
        << QByteArrayLiteral("/things/lamp-01/shadow") << QByteArrayLiteral("name=config")
        << QString() << 900
        << QByteArrayLiteral(
               "name=config&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830"
               "%2Fus-east-1%2Fiotdata%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-Expires=900"
               "&X-Amz-SignedHeaders=host&X-Amz-Signature="
               "fd89282ff2ca529dd9d86c47e03da800409f337e226660b34c4c38d40c8eb7aa");
    QTest::newRow("session token, encoded thing and shadow names")
        << QByteArrayLiteral("/things/caf%C3%A9%2F1/shadow") << QByteArrayLiteral("name=s%3A1")
        << QStringLiteral("FQoGZXIvYXdzEXAMPLETOKEN") << 3600
        << QByteArrayLiteral(
               "name=s%3A1&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830"
               "%2Fus-east-1%2Fiotdata%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-Expires=3600"
               "&X-Amz-SignedHeaders=host&X-Amz-Security-Token=FQoGZXIvYXdzEXAMPLETOKEN"
               "&X-Amz-Signature=0245ce704ba4ef47f42456e40d3969d0a26031742c65c1d0d699d75d8d060689");
}

void TestSigV4Signer::presignQuery()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(QString, sessionToken);
    QFETCH(int, expires);
    QFETCH(QByteArray, expected);

    const SignableRequest request{"GET", path, query, {{"Host", "127.0.0.1:8765"}}, {}};
    QCOMPARE(SigV4::presignQuery(request, SigningCredentials{AccessKeyId, Secret, sessionToken},
                                 SigningScope{QStringLiteral("us-east-1"), QStringLiteral("iotdata")},
                                 suiteTime(), expires),
             expected);
}

QTEST_GUILESS_MAIN(TestSigV4Signer)
#include "tst_sigv4signer.moc"
