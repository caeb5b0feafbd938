// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishdraft.h"

#include "payloadformat.h"

#include "jsontext.h"
#include "shadow/validation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <array>
#include <utility>

namespace Publish {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Publish", text);
}

template<typename Enum> struct KeyOf
{
    Enum value;
    QLatin1String key;
};

constexpr std::array PayloadModeKeys {
    KeyOf<PayloadMode> { PayloadMode::Json, QLatin1String("json") },
    KeyOf<PayloadMode> { PayloadMode::Text, QLatin1String("text") },
    KeyOf<PayloadMode> { PayloadMode::Base64, QLatin1String("base64") },
    KeyOf<PayloadMode> { PayloadMode::Hex, QLatin1String("hex") },
    KeyOf<PayloadMode> { PayloadMode::File, QLatin1String("file") },
    KeyOf<PayloadMode> { PayloadMode::Empty, QLatin1String("empty") },
};

constexpr std::array EncodingKeys {
    KeyOf<BytesEncoding> { BytesEncoding::Text, QLatin1String("text") },
    KeyOf<BytesEncoding> { BytesEncoding::Hex, QLatin1String("hex") },
    KeyOf<BytesEncoding> { BytesEncoding::Base64, QLatin1String("base64") },
};

constexpr std::array FormatKeys {
    KeyOf<Iot::PayloadFormat> { Iot::PayloadFormat::Unset, QLatin1String("unset") },
    KeyOf<Iot::PayloadFormat> { Iot::PayloadFormat::UnspecifiedBytes,
                                QLatin1String("unspecifiedBytes") },
    KeyOf<Iot::PayloadFormat> { Iot::PayloadFormat::Utf8Data, QLatin1String("utf8Data") },
};

template<typename Enum, std::size_t N>
QString keyOf(const std::array<KeyOf<Enum>, N> &keys, Enum value)
{
    for (const KeyOf<Enum> &entry : keys) {
        if (entry.value == value)
            return entry.key;
    }
    Q_UNREACHABLE();
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<KeyOf<Enum>, N> &keys, const QString &key)
{
    for (const KeyOf<Enum> &entry : keys) {
        if (entry.key == key)
            return entry.value;
    }
    return std::nullopt;
}

/** 1-based line and column of @p offset (a QChar index) in @p text. */
std::pair<qsizetype, qsizetype> lineAndColumn(QStringView text, qsizetype offset)
{
    const QStringView before = text.left(offset);
    return { before.count(u'\n') + 1, before.size() - (before.lastIndexOf(u'\n') + 1) + 1 };
}

/** nullopt when @p text is one JSON value; otherwise where and why, for people. */
std::optional<QString> checkJson(const QString &text)
{
    const QStringView trimmed = QStringView(text).trimmed();
    if (trimmed.isEmpty())
        return tr("The JSON payload is empty; choose Empty to send no payload.");
    if (trimmed.startsWith(u'{')) {
        // Objects get the shadow editor's own check (positions, duplicate member names).
        const std::optional<JsonText::ParseError> error = JsonText::checkObject(text);
        if (!error)
            return std::nullopt;
        return tr("Invalid JSON at line %1, column %2: %3")
            .arg(error->line)
            .arg(error->column)
            .arg(error->message);
    }
    // QJsonDocument parses only objects and arrays, so any value is checked inside an array.
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError error;
    QByteArray wrapped = utf8;
    wrapped.prepend('[').append(']');
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError) {
        const qsizetype byteOffset = std::clamp<qsizetype>(error.offset - 1, 0, utf8.size());
        const auto [line, column]
            = lineAndColumn(text, QString::fromUtf8(utf8.left(byteOffset)).size());
        return tr("Invalid JSON at line %1, column %2: %3")
            .arg(line)
            .arg(column)
            .arg(error.errorString());
    }
    if (document.array().size() != 1)
        return tr("Invalid JSON: more than one value; put several values in an array.");
    return std::nullopt;
}

/** @p text's bytes as base64 (strict alphabet and padding, whitespace anywhere). */
std::variant<QByteArray, QString> decodeBase64(const QString &text)
{
    QByteArray clean;
    clean.reserve(text.size());
    qsizetype padding = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace())
            continue;
        const bool alphabet = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z')
            || (c >= u'0' && c <= u'9') || c == u'+' || c == u'/';
        if (c == u'=') {
            ++padding;
            if (padding > 2)
                return tr("Invalid base64 at position %1: more than two '=' at the end").arg(i + 1);
        } else if (!alphabet) {
            return tr("Invalid base64 at position %1: '%2' is not a base64 character")
                .arg(i + 1)
                .arg(c);
        } else if (padding > 0) {
            return tr("Invalid base64 at position %1: '=' may only end the text").arg(i + 1);
        }
        clean.append(char(c.unicode()));
    }
    const qsizetype data = clean.size() - padding;
    if ((padding > 0 && clean.size() % 4 != 0) || (padding == 0 && data % 4 == 1)) {
        return tr("Invalid base64: %1 characters is not a whole number of bytes (the text may "
                  "be cut short)")
            .arg(clean.size());
    }
    return QByteArray::fromBase64(clean);
}

/** @p text's bytes as hex: groups separated by whitespace, each an even number of digits,
 *  optionally after 0x. */
std::variant<QByteArray, QString> decodeHex(const QString &text)
{
    static const QRegularExpression group(QStringLiteral("\\S+"));
    QByteArray digits;
    for (const QRegularExpressionMatch &match : group.globalMatch(text)) {
        QStringView word = match.capturedView();
        qsizetype position = match.capturedStart();
        if (word.startsWith(u"0x", Qt::CaseInsensitive)) {
            word = word.mid(2);
            position += 2;
        }
        for (qsizetype i = 0; i < word.size(); ++i) {
            const QChar c = word.at(i);
            if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
                return tr("Invalid hex at position %1: '%2' is not a hex digit")
                    .arg(position + i + 1)
                    .arg(c);
        }
        if (word.size() % 2 != 0) {
            return tr("Invalid hex at position %1: \"%2\" has an odd number of digits (%3); "
                      "each byte is two digits")
                .arg(match.capturedStart() + 1)
                .arg(match.capturedView())
                .arg(word.size());
        }
        digits.append(word.toLatin1());
    }
    return QByteArray::fromHex(digits);
}

std::variant<QByteArray, QString> decode(const QString &text, BytesEncoding encoding)
{
    switch (encoding) {
    case BytesEncoding::Text:
        return text.toUtf8();
    case BytesEncoding::Hex:
        return decodeHex(text);
    case BytesEncoding::Base64:
        return decodeBase64(text);
    }
    Q_UNREACHABLE();
    return QByteArray();
}

QString sizeMessage(qsizetype size)
{
    const QLocale locale;
    return tr("%1 bytes; AWS IoT allows %2")
        .arg(locale.toString(qint64(size)), locale.toString(qint64(MaxPayloadBytes)));
}

std::variant<QByteArray, Problem> readFile(const QString &path)
{
    const QString payload = QStringLiteral("payload");
    if (path.isEmpty())
        return Problem { payload, tr("No file chosen to send.") };
    const QFileInfo info(path);
    if (info.isFile() && info.size() > MaxPayloadBytes) {
        return Problem { payload,
                         tr("The file %1 is too large: %2").arg(path, sizeMessage(info.size())) };
    }
    QFile file(path);
    if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
        const QString reason = info.isDir() ? tr("it is a folder") : file.errorString();
        return Problem { payload, tr("Cannot read the file %1: %2").arg(path, reason) };
    }
    return file.read(MaxPayloadBytes + 1);
}

QJsonArray userPropertiesToJson(const QList<Iot::UserProperty> &properties)
{
    QJsonArray array;
    for (const Iot::UserProperty &property : properties) {
        array.append(QJsonObject { { QStringLiteral("key"), property.key },
                                   { QStringLiteral("value"), property.value } });
    }
    return array;
}

} // namespace

QString payloadModeKey(PayloadMode mode)
{
    return keyOf(PayloadModeKeys, mode);
}

std::optional<PayloadMode> payloadModeFromKey(const QString &key)
{
    return valueOf(PayloadModeKeys, key);
}

QJsonObject Draft::toJson() const
{
    QJsonObject json {
        { QStringLiteral("topic"), topic },
        { QStringLiteral("mode"), payloadModeKey(mode) },
        { QStringLiteral("payload"), payloadText },
        { QStringLiteral("qos"), qos },
        { QStringLiteral("retain"), retain },
        { QStringLiteral("contentType"), contentType },
        { QStringLiteral("payloadFormat"), keyOf(FormatKeys, payloadFormat) },
        { QStringLiteral("responseTopic"), responseTopic },
        { QStringLiteral("correlationData"), correlationData },
        { QStringLiteral("correlationEncoding"), keyOf(EncodingKeys, correlationEncoding) },
        { QStringLiteral("userProperties"), userPropertiesToJson(userProperties) },
    };
    if (messageExpiry)
        json.insert(QStringLiteral("messageExpiry"), *messageExpiry);
    return json;
}

std::optional<Draft> Draft::fromJson(const QJsonObject &json)
{
    const auto field = [&json](const char *key) { return json.value(QLatin1String(key)); };
    const auto isStringOrAbsent
        = [&field](const char *key) { return field(key).isString() || field(key).isUndefined(); };
    for (const char *key : { "topic", "payload", "contentType", "responseTopic", "correlationData",
                             "mode", "payloadFormat", "correlationEncoding" }) {
        if (!isStringOrAbsent(key))
            return std::nullopt;
    }
    Draft draft;
    draft.topic = field("topic").toString();
    draft.payloadText = field("payload").toString();
    draft.contentType = field("contentType").toString();
    draft.responseTopic = field("responseTopic").toString();
    draft.correlationData = field("correlationData").toString();

    const std::optional<PayloadMode> mode
        = payloadModeFromKey(field("mode").toString(payloadModeKey(draft.mode)));
    const std::optional<Iot::PayloadFormat> format = valueOf(
        FormatKeys, field("payloadFormat").toString(keyOf(FormatKeys, draft.payloadFormat)));
    const std::optional<BytesEncoding> encoding = valueOf(
        EncodingKeys,
        field("correlationEncoding").toString(keyOf(EncodingKeys, draft.correlationEncoding)));
    if (!mode || !format || !encoding)
        return std::nullopt;
    draft.mode = *mode;
    draft.payloadFormat = *format;
    draft.correlationEncoding = *encoding;

    const QJsonValue qos = field("qos");
    if (!qos.isUndefined() && !qos.isDouble())
        return std::nullopt;
    draft.qos = qos.toInt(0);
    const QJsonValue retain = field("retain");
    if (!retain.isUndefined() && !retain.isBool())
        return std::nullopt;
    draft.retain = retain.toBool(false);
    const QJsonValue expiry = field("messageExpiry");
    if (expiry.isDouble())
        draft.messageExpiry = expiry.toInteger();
    else if (!expiry.isUndefined() && !expiry.isNull())
        return std::nullopt;

    const QJsonValue properties = field("userProperties");
    if (!properties.isArray() && !properties.isUndefined())
        return std::nullopt;
    const QJsonArray propertyArray = properties.toArray();
    for (const QJsonValue &value : propertyArray) {
        const QJsonObject property = value.toObject();
        if (!value.isObject() || !property.value(QLatin1String("key")).isString()
            || !property.value(QLatin1String("value")).isString())
            return std::nullopt;
        draft.userProperties.append({ property.value(QLatin1String("key")).toString(),
                                      property.value(QLatin1String("value")).toString() });
    }
    return draft;
}

std::variant<QByteArray, Problem> payloadBytes(const Draft &draft)
{
    const QString field = QStringLiteral("payload");
    std::variant<QByteArray, QString> bytes;
    switch (draft.mode) {
    case PayloadMode::Json:
        if (const std::optional<QString> error = checkJson(draft.payloadText))
            return Problem { field, *error };
        return draft.payloadText.toUtf8();
    case PayloadMode::Text:
        return draft.payloadText.toUtf8();
    case PayloadMode::Base64:
        bytes = decodeBase64(draft.payloadText);
        break;
    case PayloadMode::Hex:
        bytes = decodeHex(draft.payloadText);
        break;
    case PayloadMode::File:
        return readFile(draft.payloadText);
    case PayloadMode::Empty:
        return QByteArray();
    }
    if (const QString *error = std::get_if<QString>(&bytes))
        return Problem { field, *error };
    return std::get<QByteArray>(std::move(bytes));
}

std::variant<Iot::PublishRequest, QList<Problem>> buildRequest(const Draft &draft)
{
    QList<Problem> problems;
    Iot::PublishRequest request;

    if (const auto error = Shadow::validatePublishTopic(draft.topic, draft.retain))
        problems.append({ QStringLiteral("topic"), tr("Topic: %1").arg(error->message) });
    request.topic = draft.topic;

    std::variant<QByteArray, Problem> payload = payloadBytes(draft);
    if (const Problem *problem = std::get_if<Problem>(&payload)) {
        problems.append(*problem);
    } else {
        request.payload = std::get<QByteArray>(std::move(payload));
        if (request.payload.size() > MaxPayloadBytes) {
            problems.append(
                { QStringLiteral("payload"),
                  tr("The payload is too large: %1").arg(sizeMessage(request.payload.size())) });
        }
    }

    if (draft.qos != 0 && draft.qos != 1) {
        problems.append({ QStringLiteral("qos"),
                          tr("QoS %1 is not supported: AWS IoT accepts 0 or 1").arg(draft.qos) });
    }
    request.qos = draft.qos;
    request.retain = draft.retain;
    request.contentType = draft.contentType;
    request.payloadFormat = draft.payloadFormat;

    if (!draft.responseTopic.isEmpty()) {
        if (const auto error = Shadow::validatePublishTopic(draft.responseTopic, false)) {
            problems.append(
                { QStringLiteral("responseTopic"), tr("Response topic: %1").arg(error->message) });
        }
    }
    request.responseTopic = draft.responseTopic;

    std::variant<QByteArray, QString> correlation
        = decode(draft.correlationData, draft.correlationEncoding);
    if (const QString *error = std::get_if<QString>(&correlation))
        problems.append(
            { QStringLiteral("correlationData"), tr("Correlation data: %1").arg(*error) });
    else
        request.correlationData = std::get<QByteArray>(std::move(correlation));

    if (draft.messageExpiry && *draft.messageExpiry < 0) {
        problems.append(
            { QStringLiteral("messageExpiry"),
              tr("Message expiry must be 0 seconds or more, not %1").arg(*draft.messageExpiry) });
    }
    request.messageExpiry = draft.messageExpiry;

    for (qsizetype i = 0; i < draft.userProperties.size(); ++i) {
        if (draft.userProperties.at(i).key.isEmpty()) {
            problems.append(
                { QStringLiteral("userProperties"), tr("User property %1 has no key").arg(i + 1) });
        }
    }
    request.userProperties = draft.userProperties;

    if (!problems.isEmpty())
        return problems;
    return request;
}

QString expandVariables(const QString &text, const QString &thingName, const QDateTime &now,
                        QStringList *unknown)
{
    static const QRegularExpression variable(QStringLiteral("\\$\\{([A-Za-z0-9_]+)\\}"));
    QString result;
    qsizetype copied = 0;
    for (const QRegularExpressionMatch &match : variable.globalMatch(text)) {
        result += QStringView(text).mid(copied, match.capturedStart() - copied);
        copied = match.capturedEnd();
        const QStringView name = match.capturedView(1);
        if (name == u"thing") {
            result += thingName;
        } else if (name == u"timestamp") {
            result += QString::number(now.toMSecsSinceEpoch());
        } else if (name == u"iso8601") {
            result += now.toUTC().toString(Qt::ISODateWithMs);
        } else if (name == u"uuid") {
            result += QUuid::createUuid().toString(QUuid::WithoutBraces);
        } else {
            result += match.capturedView();
            if (unknown && !unknown->contains(match.captured()))
                unknown->append(match.captured());
        }
    }
    result += QStringView(text).mid(copied);
    return result;
}

Draft expanded(const Draft &draft, const QString &thingName, const QDateTime &now)
{
    Draft result = draft;
    result.topic = expandVariables(draft.topic, thingName, now);
    if (draft.mode != PayloadMode::File)
        result.payloadText = expandVariables(draft.payloadText, thingName, now);
    result.responseTopic = expandVariables(draft.responseTopic, thingName, now);
    result.correlationData = expandVariables(draft.correlationData, thingName, now);
    for (Iot::UserProperty &property : result.userProperties)
        property.value = expandVariables(property.value, thingName, now);
    return result;
}

Draft draftFrom(const Iot::RetainedMessage &message)
{
    Draft draft;
    draft.topic = message.topic;
    draft.qos = message.qos;
    draft.retain = true;
    draft.userProperties = message.userProperties;
    switch (Payload::detectKind(message.payload)) {
    case Payload::Kind::Empty:
        draft.mode = PayloadMode::Empty;
        break;
    case Payload::Kind::Json:
        draft.mode = PayloadMode::Json;
        draft.payloadText = QString::fromUtf8(message.payload);
        break;
    case Payload::Kind::Text:
        draft.mode = PayloadMode::Text;
        draft.payloadText = QString::fromUtf8(message.payload);
        break;
    case Payload::Kind::Binary:
        draft.mode = PayloadMode::Hex;
        draft.payloadText = QString::fromLatin1(message.payload.toHex(' '));
        break;
    }
    return draft;
}

} // namespace Publish
