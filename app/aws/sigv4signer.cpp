// SPDX-License-Identifier: GPL-3.0-or-later
#include "sigv4signer.h"

#include <QTimeZone>
#include <QVarLengthArray>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <forward_list>
#include <limits>
#include <memory>
#include <vector>

namespace Aws {

std::optional<QByteArray> headerValue(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (key.trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return std::nullopt;
}

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

constexpr QByteArrayView Algorithm = "AWS4-HMAC-SHA256";
constexpr QByteArrayView EmptyPayloadHash =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// Never signed: hop-by-hop headers, headers proxies or the HTTP stack rewrite, the
// signature itself, and Content-Length (botocore's transport adds it after signing).
constexpr std::array<QByteArrayView, 13> UnsignedHeaders = {
    "authorization",       "connection", "content-length",    "expect",
    "keep-alive",          "proxy-authenticate", "proxy-authorization", "te",
    "trailer",             "transfer-encoding",  "upgrade",     "user-agent",
    "x-amzn-trace-id"};

// Canonical requests and strings to sign are built on the stack: a request with a few
// headers fits in 1 KB, so the hot path allocates nothing for them.
using Buffer = QVarLengthArray<char, 1024>;
using Digest = std::array<unsigned char, 32>;
using HexDigest = std::array<char, 64>;

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

char asciiUpper(char c)
{
    return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
}

/** Byte order of the ASCII-lower-cased names, which is the order SigV4 sorts headers in. */
int compareFolded(QByteArrayView a, QByteArrayView b)
{
    const qsizetype common = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < common; ++i) {
        const auto x = uchar(asciiLower(a[i]));
        const auto y = uchar(asciiLower(b[i]));
        if (x != y)
            return x < y ? -1 : 1;
    }
    if (a.size() == b.size())
        return 0;
    return a.size() < b.size() ? -1 : 1;
}

bool equalsFolded(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && compareFolded(a, b) == 0;
}

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
        || c == '.' || c == '_' || c == '~';
}

int upperHexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void append(Buffer &out, QByteArrayView data)
{
    out.append(data.data(), data.size());
}

void appendLower(Buffer &out, QByteArrayView data)
{
    for (const char c : data)
        out.append(asciiLower(c));
}

/** RFC 3986 unreserved bytes (and '/' when @p keepSlash) as they are, others as %XX. */
void appendPercentEncoded(Buffer &out, QByteArrayView data, bool keepSlash)
{
    static constexpr char UpperHex[] = "0123456789ABCDEF";
    for (const char c : data) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out.append(c);
        } else {
            const auto byte = uchar(c);
            const char escaped[3] = {'%', UpperHex[byte >> 4], UpperHex[byte & 0xf]};
            out.append(escaped, 3);
        }
    }
}

HexDigest toHex(const Digest &digest)
{
    static constexpr char LowerHex[] = "0123456789abcdef";
    HexDigest hex;
    for (std::size_t i = 0; i < digest.size(); ++i) {
        hex[2 * i] = LowerHex[digest[i] >> 4];
        hex[2 * i + 1] = LowerHex[digest[i] & 0xf];
    }
    return hex;
}

QByteArrayView view(const HexDigest &hex)
{
    return QByteArrayView(hex.data(), qsizetype(hex.size()));
}

QByteArray toByteArray(const Buffer &buffer)
{
    return QByteArray(buffer.data(), buffer.size());
}

// --- SHA-256 and HMAC on libcrypto ---------------------------------------------------------

struct MdDeleter
{
    void operator()(EVP_MD *md) const { EVP_MD_free(md); }
};

struct MdContextDeleter
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};

using MdContext = std::unique_ptr<EVP_MD_CTX, MdContextDeleter>;

void require(int ok)
{
    if (ok != 1)
        qFatal("SigV4: OpenSSL SHA-256 failed");
}

const EVP_MD *sha256Algorithm()
{
    // Fetched once: with EVP_sha256() OpenSSL 3 looks the implementation up again on every
    // initialisation, which costs more than hashing a small canonical request.
    static const std::unique_ptr<EVP_MD, MdDeleter> algorithm(
        EVP_MD_fetch(nullptr, "SHA256", nullptr));
    if (!algorithm)
        qFatal("SigV4: OpenSSL provides no SHA-256");
    return algorithm.get();
}

MdContext newContext()
{
    MdContext context(EVP_MD_CTX_new());
    if (!context)
        qFatal("SigV4: out of memory");
    require(EVP_DigestInit_ex2(context.get(), sha256Algorithm(), nullptr));
    return context;
}

void update(EVP_MD_CTX *context, QByteArrayView data)
{
    require(EVP_DigestUpdate(context, data.data(), size_t(data.size())));
}

Digest finish(EVP_MD_CTX *context)
{
    Digest digest;
    require(EVP_DigestFinal_ex(context, digest.data(), nullptr));
    return digest;
}

Digest sha256(EVP_MD_CTX *scratch, QByteArrayView data)
{
    require(EVP_DigestInit_ex2(scratch, sha256Algorithm(), nullptr));
    update(scratch, data);
    return finish(scratch);
}

/** An HMAC-SHA-256 key with its inner and outer pads already hashed (RFC 2104). */
class HmacKey
{
public:
    HmacKey(EVP_MD_CTX *scratch, QByteArrayView key)
        : m_inner(newContext())
        , m_outer(newContext())
    {
        std::array<unsigned char, 64> block{};
        if (key.size() > qsizetype(block.size())) {
            const Digest hashed = sha256(scratch, key);
            std::copy(hashed.begin(), hashed.end(), block.begin());
        } else {
            std::copy(key.begin(), key.end(), block.begin());
        }
        std::array<unsigned char, 64> pad;
        for (std::size_t i = 0; i < block.size(); ++i)
            pad[i] = block[i] ^ 0x36;
        update(m_inner.get(), QByteArrayView(pad.data(), qsizetype(pad.size())));
        for (std::size_t i = 0; i < block.size(); ++i)
            pad[i] = block[i] ^ 0x5c;
        update(m_outer.get(), QByteArrayView(pad.data(), qsizetype(pad.size())));
        OPENSSL_cleanse(block.data(), block.size());
        OPENSSL_cleanse(pad.data(), pad.size());
    }

    Digest mac(EVP_MD_CTX *scratch, QByteArrayView data) const
    {
        require(EVP_MD_CTX_copy_ex(scratch, m_inner.get()));
        update(scratch, data);
        const Digest inner = finish(scratch);
        require(EVP_MD_CTX_copy_ex(scratch, m_outer.get()));
        update(scratch, QByteArrayView(inner.data(), qsizetype(inner.size())));
        return finish(scratch);
    }

private:
    MdContext m_inner;
    MdContext m_outer;
};

QByteArrayView view(const Digest &digest)
{
    return QByteArrayView(digest.data(), qsizetype(digest.size()));
}

/** kSigning, derived once per (secret, date, region, service) and kept with its scope. */
struct SigningKey
{
    QString secret; // shares the caller's string, no copy of the secret is made
    QByteArray date;
    QString region;
    QString service;
    QByteArray scope; // yyyymmdd/region/service/aws4_request
    HmacKey key;
};

/**
 * Per-thread signing state: a scratch digest context and the most recently used signing
 * keys. Being per thread, it needs no lock; deriving a key costs four HMACs, a lookup a
 * few string compares.
 */
class ThreadSigningState
{
public:
    static constexpr std::size_t KeyCapacity = 4;

    ThreadSigningState() { m_keys.reserve(KeyCapacity); }

    EVP_MD_CTX *scratch() const { return m_scratch.get(); }

    /** The last X-Amz-Date formatted on this thread: requests signed within a second share it. */
    struct
    {
        qint64 second = std::numeric_limits<qint64>::min();
        QByteArray text;
    } lastTimestamp;

    const SigningKey &signingKey(const QString &secret, QByteArrayView date,
                                 const SigningScope &scope)
    {
        const auto found = std::find_if(m_keys.begin(), m_keys.end(), [&](const SigningKey &k) {
            return QByteArrayView(k.date) == date && k.secret == secret
                && k.region == scope.region && k.service == scope.service;
        });
        if (found == m_keys.end()) {
            if (m_keys.size() == KeyCapacity)
                m_keys.pop_back();
            m_keys.insert(m_keys.begin(),
                          SigningKey{secret, date.toByteArray(), scope.region, scope.service,
                                     credentialScope(date, scope), derive(secret, date, scope)});
        } else if (found != m_keys.begin()) {
            std::rotate(m_keys.begin(), found, found + 1);
        }
        return m_keys.front();
    }

private:
    HmacKey derive(const QString &secret, QByteArrayView date, const SigningScope &scope) const
    {
        EVP_MD_CTX *context = scratch();
        QByteArray secretKey = QByteArrayLiteral("AWS4") + secret.toUtf8();
        Digest key = HmacKey(context, secretKey).mac(context, date);
        OPENSSL_cleanse(secretKey.data(), size_t(secretKey.size()));
        key = HmacKey(context, view(key)).mac(context, scope.region.toUtf8());
        key = HmacKey(context, view(key)).mac(context, scope.service.toUtf8());
        key = HmacKey(context, view(key)).mac(context, "aws4_request");
        HmacKey signingKey(context, view(key));
        OPENSSL_cleanse(key.data(), key.size());
        return signingKey;
    }

    MdContext m_scratch = newContext();
    std::vector<SigningKey> m_keys; // most recently used first
};

ThreadSigningState &threadState()
{
    thread_local ThreadSigningState state;
    return state;
}

// --- Canonical request -------------------------------------------------------------------

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

/** True when removeDotSegments would return @p path unchanged (the usual case). */
bool isNormalised(QByteArrayView path)
{
    if (path.isEmpty())
        return false;
    qsizetype start = 0;
    for (;;) {
        qsizetype end = path.indexOf('/', start);
        const bool last = end < 0;
        if (last)
            end = path.size();
        const QByteArrayView segment = path.sliced(start, end - start);
        if (segment == "." || segment == "..")
            return false;
        if (segment.isEmpty() && start != 0 && !last)
            return false;
        if (last)
            return true;
        start = end + 1;
    }
}

void appendCanonicalUri(Buffer &out, QByteArrayView encodedPath)
{
    if (isNormalised(encodedPath))
        appendPercentEncoded(out, encodedPath, true);
    else
        appendPercentEncoded(out, removeDotSegments(encodedPath), true);
}

/** True when decoding @p part once and re-encoding it gives @p part back. */
bool isCanonicalComponent(QByteArrayView part)
{
    for (qsizetype i = 0; i < part.size(); ++i) {
        if (isUnreserved(part[i]))
            continue;
        if (part[i] != '%' || i + 2 >= part.size())
            return false;
        const int high = upperHexValue(part[i + 1]);
        const int low = upperHexValue(part[i + 2]);
        if (high < 0 || low < 0 || isUnreserved(char(high * 16 + low)))
            return false;
        i += 2;
    }
    return true;
}

void appendCanonicalQuery(Buffer &out, QByteArrayView encodedQuery)
{
    struct Pair
    {
        QByteArrayView name;
        QByteArrayView value;
        bool operator<(const Pair &other) const
        {
            return name != other.name ? name < other.name : value < other.value;
        }
    };
    // Parts botocore already sent in canonical form (all of them) are used in place; the
    // others are decoded once and re-encoded, kept alive here.
    std::forward_list<QByteArray> reencoded;
    const auto canonical = [&reencoded](QByteArrayView part) -> QByteArrayView {
        if (isCanonicalComponent(part))
            return part;
        reencoded.push_front(
            QByteArray::fromPercentEncoding(part.toByteArray()).toPercentEncoding());
        return reencoded.front();
    };
    QVarLengthArray<Pair, 16> pairs;
    qsizetype start = 0;
    while (start < encodedQuery.size()) {
        qsizetype end = encodedQuery.indexOf('&', start);
        if (end < 0)
            end = encodedQuery.size();
        const QByteArrayView piece = encodedQuery.sliced(start, end - start);
        start = end + 1;
        if (piece.isEmpty())
            continue;
        const qsizetype equals = piece.indexOf('=');
        const QByteArrayView name = equals < 0 ? piece : piece.first(equals);
        const QByteArrayView value = equals < 0 ? QByteArrayView() : piece.sliced(equals + 1);
        pairs.append({canonical(name), canonical(value)});
    }
    std::sort(pairs.begin(), pairs.end());
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        if (i > 0)
            out.append('&');
        append(out, pairs[i].name);
        out.append('=');
        append(out, pairs[i].value);
    }
}

/** Trimall: leading and trailing whitespace removed, inner runs turned into one space. */
void appendTrimmedAll(Buffer &out, QByteArrayView value)
{
    const auto isWhitespace = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
    };
    bool pendingSpace = false;
    bool any = false;
    for (const char c : value) {
        if (isWhitespace(c)) {
            pendingSpace = any;
            continue;
        }
        if (pendingSpace)
            out.append(' ');
        pendingSpace = false;
        any = true;
        out.append(c);
    }
}

struct HeaderRef
{
    QByteArrayView name; // trimmed, case as sent
    QByteArrayView value;
};
using HeaderRefs = QVarLengthArray<HeaderRef, 16>;
using NameList = QVarLengthArray<QByteArrayView, 16>;

bool isUnsignedHeader(QByteArrayView name)
{
    return std::any_of(UnsignedHeaders.begin(), UnsignedHeaders.end(),
                       [name](QByteArrayView other) { return equalsFolded(name, other); });
}

/** The headers (only the signed ones with @p signedOnly) by name, repeats in sent order. */
HeaderRefs sortedHeaders(const HeaderList &headers, bool signedOnly)
{
    HeaderRefs refs;
    for (const auto &[name, value] : headers) {
        const QByteArrayView trimmed = QByteArrayView(name).trimmed();
        if (!signedOnly || !isUnsignedHeader(trimmed))
            refs.append({trimmed, value});
    }
    // Insertion sort: stable, and allocation-free for the handful of headers a request has.
    for (qsizetype i = 1; i < refs.size(); ++i) {
        const HeaderRef ref = refs[i];
        qsizetype j = i;
        for (; j > 0 && compareFolded(ref.name, refs[j - 1].name) < 0; --j)
            refs[j] = refs[j - 1];
        refs[j] = ref;
    }
    return refs;
}

NameList uniqueNames(const HeaderRefs &sorted)
{
    NameList names;
    for (const HeaderRef &ref : sorted) {
        if (names.isEmpty() || !equalsFolded(names.back(), ref.name))
            names.append(ref.name);
    }
    return names;
}

void appendSignedHeaderList(Buffer &out, const NameList &names)
{
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (i > 0)
            out.append(';');
        appendLower(out, names[i]);
    }
}

/** One "name:value" line per name; a repeated header's values joined by ','. */
void appendCanonicalHeaders(Buffer &out, const NameList &names, const HeaderRefs &sorted)
{
    qsizetype next = 0;
    for (const QByteArrayView name : names) {
        while (next < sorted.size() && compareFolded(sorted[next].name, name) < 0)
            ++next;
        appendLower(out, name);
        out.append(':');
        for (qsizetype i = next; i < sorted.size() && equalsFolded(sorted[i].name, name); ++i) {
            if (i > next)
                out.append(',');
            appendTrimmedAll(out, sorted[i].value);
        }
        out.append('\n');
    }
}

struct RequestLine
{
    QByteArrayView method;
    QByteArrayView encodedPath;
    QByteArrayView encodedQuery;
};

void appendCanonicalRequest(Buffer &out, const RequestLine &line, const NameList &names,
                            const HeaderRefs &sorted, QByteArrayView payloadHash)
{
    for (const char c : line.method)
        out.append(asciiUpper(c));
    out.append('\n');
    appendCanonicalUri(out, line.encodedPath);
    out.append('\n');
    appendCanonicalQuery(out, line.encodedQuery);
    out.append('\n');
    appendCanonicalHeaders(out, names, sorted);
    out.append('\n');
    appendSignedHeaderList(out, names);
    out.append('\n');
    append(out, payloadHash);
}

QByteArrayView dateOf(QByteArrayView amzDateValue)
{
    return amzDateValue.first(8);
}

/** The hex signature: canonical request hashed, string to sign MACed with the cached key. */
HexDigest signCanonical(ThreadSigningState &state, const SigningKey &key, const RequestLine &line,
                        const NameList &names, const HeaderRefs &sorted,
                        QByteArrayView payloadHash, QByteArrayView timestamp)
{
    Buffer canonical;
    appendCanonicalRequest(canonical, line, names, sorted, payloadHash);
    const HexDigest canonicalHash = toHex(sha256(state.scratch(), canonical));
    Buffer toSign;
    append(toSign, Algorithm);
    toSign.append('\n');
    append(toSign, timestamp);
    toSign.append('\n');
    append(toSign, key.scope);
    toSign.append('\n');
    append(toSign, view(canonicalHash));
    return toHex(key.key.mac(state.scratch(), toSign));
}

/** UTF-8 of @p text appended; access key ids are ASCII, which needs no conversion. */
void appendUtf8(Buffer &out, const QString &text)
{
    if (std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; })) {
        for (const QChar c : text)
            out.append(char(c.unicode()));
    } else {
        append(out, text.toUtf8());
    }
}

qint64 floorDivide(qint64 value, qint64 divisor)
{
    const qint64 quotient = value / divisor;
    return quotient * divisor > value ? quotient - 1 : quotient;
}

void writeDigits(char *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
}

} // namespace

QByteArray sha256Hex(QByteArrayView data)
{
    const HexDigest hex = toHex(sha256(threadState().scratch(), data));
    return QByteArray(hex.data(), qsizetype(hex.size()));
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    EVP_MD_CTX *scratch = threadState().scratch();
    const Digest mac = HmacKey(scratch, key).mac(scratch, data);
    return QByteArray(reinterpret_cast<const char *>(mac.data()), qsizetype(mac.size()));
}

QByteArray amzDate(const QDateTime &time)
{
    // Hand-formatted and reused within the second: QDateTime::toString costs more than the
    // rest of signing a small GET.
    if (time.isValid()) {
        const qint64 seconds = floorDivide(time.toMSecsSinceEpoch(), 1000);
        auto &last = threadState().lastTimestamp;
        if (seconds == last.second)
            return last.text;
        const qint64 days = floorDivide(seconds, 86400);
        const auto secondOfDay = int(seconds - days * 86400);
        int year = 0;
        int month = 0;
        int day = 0;
        QDate(1970, 1, 1).addDays(days).getDate(&year, &month, &day);
        if (year >= 1 && year <= 9999) {
            QByteArray out(16, Qt::Uninitialized);
            char *p = out.data();
            writeDigits(p, year, 4);
            writeDigits(p + 4, month, 2);
            writeDigits(p + 6, day, 2);
            p[8] = 'T';
            writeDigits(p + 9, secondOfDay / 3600, 2);
            writeDigits(p + 11, secondOfDay / 60 % 60, 2);
            writeDigits(p + 13, secondOfDay % 60, 2);
            p[15] = 'Z';
            last.second = seconds;
            last.text = out;
            return out;
        }
    }
    // Invalid times and years beyond four digits: as Qt formats them.
    return time.toTimeZone(QTimeZone::utc())
        .toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))
        .toLatin1();
}

QByteArray canonicalUri(QByteArrayView encodedPath)
{
    Buffer out;
    appendCanonicalUri(out, encodedPath);
    return toByteArray(out);
}

QByteArray canonicalQuery(QByteArrayView encodedQuery)
{
    Buffer out;
    appendCanonicalQuery(out, encodedQuery);
    return toByteArray(out);
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
    NameList names;
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = headerList.indexOf(';', start);
        const qsizetype stop = end < 0 ? headerList.size() : end;
        names.append(QByteArrayView(headerList).sliced(start, stop - start));
        if (end < 0)
            break;
        start = end + 1;
    }
    Buffer out;
    appendCanonicalRequest(out, {request.method, request.encodedPath, request.encodedQuery}, names,
                           sortedHeaders(request.headers, false), payloadHash);
    return toByteArray(out);
}

QByteArray credentialScope(QByteArrayView date, const SigningScope &scope)
{
    return date.toByteArray() + '/' + scope.region.toUtf8() + '/' + scope.service.toUtf8()
        + "/aws4_request";
}

QByteArray stringToSign(QByteArrayView amzDate, QByteArrayView credentialScope,
                        QByteArrayView canonicalRequest)
{
    return Algorithm.toByteArray() + '\n' + amzDate.toByteArray() + '\n'
        + credentialScope.toByteArray() + '\n' + sha256Hex(canonicalRequest);
}

QByteArray signature(const QString &secretAccessKey, QByteArrayView date, const SigningScope &scope,
                     QByteArrayView stringToSign)
{
    ThreadSigningState &state = threadState();
    const SigningKey &key = state.signingKey(secretAccessKey, date, scope);
    const HexDigest hex = toHex(key.key.mac(state.scratch(), stringToSign));
    return QByteArray(hex.data(), qsizetype(hex.size()));
}

void signRequest(SignableRequest &request, const SigningCredentials &credentials,
                 const SigningScope &scope, const QDateTime &now)
{
    const QByteArray timestamp = amzDate(now);
    const bool withToken = !credentials.sessionToken.isEmpty();
    request.headers.removeIf([withToken](const QPair<QByteArray, QByteArray> &header) {
        const QByteArrayView name = QByteArrayView(header.first).trimmed();
        return equalsFolded(name, "authorization") || equalsFolded(name, "x-amz-date")
            || (withToken && equalsFolded(name, "x-amz-security-token"));
    });
    request.headers.reserve(request.headers.size() + (withToken ? 3 : 2));
    request.headers.append({QByteArrayLiteral("X-Amz-Date"), timestamp});
    if (withToken)
        request.headers.append(
            {QByteArrayLiteral("X-Amz-Security-Token"), credentials.sessionToken.toUtf8()});

    const HeaderRefs sorted = sortedHeaders(request.headers, true);
    const NameList names = uniqueNames(sorted);

    ThreadSigningState &state = threadState();
    // An X-Amz-Content-Sha256 header is the payload-hash line, as in botocore.
    QByteArrayView payloadHash;
    HexDigest bodyHash;
    const auto contentSha = std::find_if(sorted.begin(), sorted.end(), [](const HeaderRef &ref) {
        return equalsFolded(ref.name, "x-amz-content-sha256");
    });
    if (contentSha != sorted.end()) {
        payloadHash = contentSha->value;
    } else if (request.body.isEmpty()) {
        payloadHash = EmptyPayloadHash;
    } else {
        bodyHash = toHex(sha256(state.scratch(), request.body));
        payloadHash = view(bodyHash);
    }

    const SigningKey &key = state.signingKey(credentials.secretAccessKey, dateOf(timestamp), scope);
    const HexDigest sig =
        signCanonical(state, key, {request.method, request.encodedPath, request.encodedQuery},
                      names, sorted, payloadHash, timestamp);

    Buffer authorization;
    append(authorization, Algorithm);
    append(authorization, " Credential=");
    appendUtf8(authorization, credentials.accessKeyId);
    authorization.append('/');
    append(authorization, key.scope);
    append(authorization, ", SignedHeaders=");
    appendSignedHeaderList(authorization, names);
    append(authorization, ", Signature=");
    append(authorization, view(sig));
    request.headers.append({QByteArrayLiteral("Authorization"), toByteArray(authorization)});
}

QByteArray presignQuery(const SignableRequest &request, const SigningCredentials &credentials,
                        const SigningScope &scope, const QDateTime &now, int expiresSeconds)
{
    const QByteArray timestamp = amzDate(now);
    const HeaderRefs sorted = sortedHeaders(request.headers, true);
    const NameList names = uniqueNames(sorted);
    Buffer signedList;
    appendSignedHeaderList(signedList, names);
    ThreadSigningState &state = threadState();
    const SigningKey &key = state.signingKey(credentials.secretAccessKey, dateOf(timestamp), scope);

    // As botocore: the request's own parameters (re-encoded, in order), then the auth ones.
    QList<QByteArray> parameters;
    const auto add = [&parameters](const QByteArray &name, const QByteArray &value) {
        parameters.append(name.toPercentEncoding() + '=' + value.toPercentEncoding());
    };
    const QList<QueryParameter> ownParameters = parseQuery(request.encodedQuery);
    for (const QueryParameter &parameter : ownParameters)
        add(parameter.name, parameter.value);
    add("X-Amz-Algorithm", Algorithm.toByteArray());
    add("X-Amz-Credential", credentials.accessKeyId.toUtf8() + '/' + key.scope);
    add("X-Amz-Date", timestamp);
    add("X-Amz-Expires", QByteArray::number(expiresSeconds));
    add("X-Amz-SignedHeaders", toByteArray(signedList));
    if (!credentials.sessionToken.isEmpty())
        add("X-Amz-Security-Token", credentials.sessionToken.toUtf8());
    const QByteArray query = parameters.join('&');

    const HexDigest bodyHash = toHex(sha256(state.scratch(), request.body));
    const HexDigest sig = signCanonical(state, key, {request.method, request.encodedPath, query},
                                        names, sorted, view(bodyHash), timestamp);
    return query + "&X-Amz-Signature=" + view(sig).toByteArray();
}

} // namespace Aws::SigV4
