// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/sigv4signer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

// The signer checked against botocore itself: botocore_sign.py (run with Debian's
// /usr/bin/python3 and its botocore at test time) generates requests from a fixed seed,
// signs them with botocore.auth.SigV4Auth / SigV4QueryAuth and writes them as JSON lines;
// every one must come out of Aws::SigV4 byte for byte the same.

using namespace Aws;

namespace {

struct SignedCase
{
    QJsonObject json;
    SignableRequest request;
    SigningCredentials credentials;
    SigningScope scope;
    QDateTime time;
};

SignedCase toCase(const QJsonObject &json)
{
    SignedCase signedCase{json, {}, {}, {}, {}};
    SignableRequest &request = signedCase.request;
    request.method = json.value(u"method").toString().toUtf8();
    request.encodedPath = json.value(u"path").toString().toUtf8();
    request.encodedQuery = json.value(u"query").toString().toUtf8();
    const QJsonArray headers = json.value(u"headers").toArray();
    for (const QJsonValue &header : headers) {
        const QJsonArray pair = header.toArray();
        request.headers.append({pair.at(0).toString().toUtf8(), pair.at(1).toString().toUtf8()});
    }
    request.body = QByteArray::fromBase64(json.value(u"body_b64").toString().toLatin1());
    signedCase.credentials = {json.value(u"access_key").toString(),
                              json.value(u"secret").toString(), json.value(u"token").toString()};
    signedCase.scope = {json.value(u"region").toString(), json.value(u"service").toString()};
    signedCase.time = QDateTime::fromString(json.value(u"time").toString(), Qt::ISODate);
    return signedCase;
}

/** The request line for a report, with a long body left out. */
QByteArray describe(QJsonObject json)
{
    const qsizetype size = json.value(u"body_b64").toString().size();
    if (size > 200)
        json.insert(u"body_b64", QStringLiteral("<%1 base64 characters>").arg(size));
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

} // namespace

class TestSigV4Differential : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void signRequestMatchesBotocore_data();
    void signRequestMatchesBotocore();
    void presignQueryMatchesBotocore_data();
    void presignQueryMatchesBotocore();

private:
    QList<SignedCase> m_cases;
};

// The generator runs once with botocore present and writes at least 2,000 requests, a few
// hundred of them presigned as well.
void TestSigV4Differential::initTestCase()
{
    QProcess python;
    // -E -s: Debian's own botocore, whatever PYTHONPATH or ~/.local hold.
    python.start(QStringLiteral(SHADOWSCOPE_PYTHON),
                 {QStringLiteral("-E"), QStringLiteral("-s"), QStringLiteral(BOTOCORE_SIGN_SCRIPT),
                  QStringLiteral("--count"), QStringLiteral("2400")});
    QVERIFY2(python.waitForFinished(120000), qPrintable(python.errorString()));
    const QByteArray diagnostics = python.readAllStandardError();
    QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0,
             diagnostics.constData());
    qInfo("%s", diagnostics.trimmed().constData());
    const QList<QByteArray> lines = python.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        QVERIFY2(document.isObject(), qPrintable(error.errorString()));
        m_cases.append(toCase(document.object()));
    }
    QVERIFY(m_cases.size() >= 2000);
    const auto presigned = std::count_if(m_cases.cbegin(), m_cases.cend(), [](const SignedCase &c) {
        return c.json.value(u"presign").isObject();
    });
    QVERIFY(presigned >= 200);
}

// signRequest adds exactly the Authorization header botocore's SigV4Auth adds to the same
// request at the same time; on a difference both canonical requests are printed.
void TestSigV4Differential::signRequestMatchesBotocore_data()
{
    QTest::addColumn<qsizetype>("index");
    for (qsizetype i = 0; i < m_cases.size(); ++i) {
        const SignableRequest &request = m_cases.at(i).request;
        QTest::addRow("%04lld %s %s", qlonglong(i), request.method.constData(),
                      qPrintable(m_cases.at(i).scope.service))
            << i;
    }
}

void TestSigV4Differential::signRequestMatchesBotocore()
{
    QFETCH(qsizetype, index);
    const SignedCase &signedCase = m_cases.at(index);
    SignableRequest request = signedCase.request;
    SigV4::signRequest(request, signedCase.credentials, signedCase.scope, signedCase.time);

    const QByteArray authorization =
        Aws::headerValue(request.headers, "authorization").value_or(QByteArray());
    const QByteArray expected = signedCase.json.value(u"authorization").toString().toUtf8();
    if (authorization != expected) {
        const QByteArray signedHeaders =
            authorization.sliced(authorization.indexOf("SignedHeaders=") + 14).split(',').first();
        QByteArray payloadHash =
            Aws::headerValue(request.headers, "x-amz-content-sha256").value_or(QByteArray());
        if (payloadHash.isEmpty())
            payloadHash = SigV4::sha256Hex(request.body);
        const QByteArray ours =
            SigV4::canonicalRequest(request, signedHeaders.split(';'), payloadHash);
        const QString botocore = signedCase.json.value(u"canonical_request").toString();
        qWarning("request: %s\nours:\n%s\nbotocore:\n%s", describe(signedCase.json).constData(),
                 ours.constData(), qPrintable(botocore));
    }
    QCOMPARE(authorization, expected);
}

// presignQuery returns exactly the query botocore's SigV4QueryAuth builds for the request
// (empty body, one value per name), signature included.
void TestSigV4Differential::presignQueryMatchesBotocore_data()
{
    QTest::addColumn<qsizetype>("index");
    for (qsizetype i = 0; i < m_cases.size(); ++i) {
        if (m_cases.at(i).json.value(u"presign").isObject())
            QTest::addRow("%04lld %s", qlonglong(i), m_cases.at(i).request.method.constData()) << i;
    }
}

void TestSigV4Differential::presignQueryMatchesBotocore()
{
    QFETCH(qsizetype, index);
    const SignedCase &signedCase = m_cases.at(index);
    const QJsonObject presign = signedCase.json.value(u"presign").toObject();
    const QByteArray query = SigV4::presignQuery(signedCase.request, signedCase.credentials,
                                                 signedCase.scope, signedCase.time,
                                                 presign.value(u"expires").toInt());
    const QByteArray expected = presign.value(u"query").toString().toUtf8();
    if (query != expected)
        qWarning("request: %s", describe(signedCase.json).constData());
    QCOMPARE(query, expected);
}

QTEST_GUILESS_MAIN(TestSigV4Differential)
#include "tst_sigv4differential.moc"
