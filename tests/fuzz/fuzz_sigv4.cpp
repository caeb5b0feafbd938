// SPDX-License-Identifier: GPL-3.0-or-later
// SigV4: the canonicaliser on any method, path, query, headers and body; and what the signer
// signs, the sandbox's verifier accepts (fields: method, path, query, headers "a: b" lines,
// body).
#include "aws/sigv4signer.h"
#include "fuzzinput.h"
#include "sandbox/sigv4verifier.h"

#include <algorithm>
#include <cstdio>

namespace {

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput input(data, size);
    Aws::SignableRequest request;
    request.method = input.field(0);
    request.encodedPath = input.field(1);
    request.encodedQuery = input.field(2);
    request.body = input.field(4);
    request.headers.append({QByteArrayLiteral("host"), QByteArrayLiteral("127.0.0.1:8443")});
    for (const QByteArray &line : input.field(3).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon);
        const QByteArray lower = name.toLower();
        // Headers the signer sets itself or a verifier reads as signing input are not the
        // fuzzer's to add; nor names HTTP would not carry.
        if (lower == "host" || lower.startsWith("x-amz-") || lower == "authorization"
            || !std::all_of(name.cbegin(), name.cend(), isTokenChar))
            continue;
        request.headers.append({name, line.mid(colon + 1)});
    }

    // The canonicaliser answers anything.
    Aws::SigV4::canonicalUri(request.encodedPath);
    Aws::SigV4::canonicalQuery(request.encodedQuery);
    Aws::parseQuery(request.encodedQuery);

    // A query that already carries a presigned signature is the verifier's other path.
    if (request.encodedQuery.contains("X-Amz-") || request.encodedQuery.contains("x-amz-"))
        return 0;
    const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-28T12:00:00Z"), Qt::ISODate);
    const Aws::SigningCredentials credentials{QStringLiteral("AKIDEXAMPLE"),
                                              QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), {}};
    Aws::SigV4::signRequest(request, credentials, {QStringLiteral("us-east-1"), QStringLiteral("iotdata")}, now);
    const Sandbox::SigV4Verifier verifier({{credentials.accessKeyId, credentials.secretAccessKey, {}}},
                                          QStringLiteral("us-east-1"));
    const auto refused = verifier.verify(request, now, {QStringLiteral("iotdata")});
    if (refused)
        std::fprintf(stderr, "verifier: %s\n", qPrintable(refused->message));
    FUZZ_ASSERT(!refused);
    return 0;
}
