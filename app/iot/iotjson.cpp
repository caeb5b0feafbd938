// SPDX-License-Identifier: GPL-3.0-or-later
#include "iotjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <cmath>

namespace Iot::IotJson {

namespace {

// The context of IotJson's texts for the translators.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(IotJson)
};

// Reads one response body's members with their types checked; the first mismatch is kept.
class Reader
{
public:
    Reader(const QJsonObject &object, QString *error)
        : m_object(object)
        , m_error(error)
    {
    }

    bool ok() const { return m_ok; }

    QString string(QLatin1String key, bool required)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || (!required && value.isNull())) {
            missing(key, required);
            return {};
        }
        if (!value.isString()) {
            fail(Text::tr("%1 is not a string").arg(key));
            return {};
        }
        return value.toString();
    }

    qint64 integer(QLatin1String key, bool required)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            missing(key, required);
            return 0;
        }
        const double number = value.toDouble();
        if (!value.isDouble() || std::trunc(number) != number) {
            fail(Text::tr("%1 is not an integer").arg(key));
            return 0;
        }
        // Two defaults tell a number beyond 64 bits (read as a double) from one that fits.
        if (value.toInteger(0) != value.toInteger(1)) {
            fail(Text::tr("%1 is out of the 64-bit integer range").arg(key));
            return 0;
        }
        return value.toInteger();
    }

    QJsonObject object(QLatin1String key, bool required)
    {
        return object(m_object, key, required);
    }

    QJsonObject object(const QJsonObject &parent, QLatin1String key, bool required)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined()) {
            missing(key, required);
            return {};
        }
        // An update's answer echoes a removed section as null ({"state":null} too).
        if (value.isNull() && !required)
            return {};
        if (!value.isObject()) {
            fail(Text::tr("%1 is not an object").arg(key));
            return {};
        }
        return value.toObject();
    }

    QJsonArray array(QLatin1String key)
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isArray()) {
            fail(Text::tr("%1 is not an array").arg(key));
            return {};
        }
        return value.toArray();
    }

    QByteArray base64(QLatin1String key, bool required)
    {
        const QString text = string(key, required);
        const auto decoded = QByteArray::fromBase64Encoding(
            text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            fail(Text::tr("%1 is not base64").arg(key));
            return {};
        }
        return decoded.decoded;
    }

    bool fail(const QString &reason)
    {
        if (m_ok && m_error)
            *m_error = reason;
        m_ok = false;
        return false;
    }

private:
    void missing(QLatin1String key, bool required)
    {
        if (required)
            fail(Text::tr("%1 is missing").arg(key));
    }

    QJsonObject m_object;
    QString *m_error;
    bool m_ok = true;
};

std::optional<QJsonObject> parseObject(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Text::tr("not JSON: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = Text::tr("not a JSON object");
        return std::nullopt;
    }
    return document.object();
}

// Each element an object, read by @p read; nullopt when one is not.
template<class T, class Read>
std::optional<QList<T>> readObjects(Reader &reader, const QJsonArray &array, QString *error,
                                    Read read)
{
    QList<T> items;
    for (const QJsonValue &value : array) {
        if (!value.isObject()) {
            reader.fail(Text::tr("an element is not an object"));
            return std::nullopt;
        }
        Reader element(value.toObject(), error);
        T item = read(element);
        if (!element.ok()) {
            reader.fail(*error);
            return std::nullopt;
        }
        items.append(item);
    }
    return items;
}

QDateTime fromEpochMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString formatName(PayloadFormat format)
{
    return format == PayloadFormat::Utf8Data ? QStringLiteral("UTF8_DATA")
                                             : QStringLiteral("UNSPECIFIED_BYTES");
}

} // namespace

QByteArray encodeLabel(const QString &label)
{
    return QUrl::toPercentEncoding(label);
}

QByteArray encodeQuery(const QList<QPair<QString, QString>> &parameters)
{
    QByteArrayList pieces;
    for (const auto &[name, value] : parameters)
        pieces.append(encodeLabel(name) + '=' + encodeLabel(value));
    return pieces.join('&');
}

QByteArray shadowPath(const QString &thingName)
{
    return "/things/" + encodeLabel(thingName) + "/shadow";
}

QByteArray shadowQuery(const QString &shadowName)
{
    if (shadowName.isEmpty())
        return {};
    return encodeQuery({{QStringLiteral("name"), shadowName}});
}

QByteArray namedShadowsPath(const QString &thingName)
{
    return "/api/things/shadow/ListNamedShadowsForThing/" + encodeLabel(thingName);
}

QByteArray namedShadowsQuery(const QString &nextToken, int pageSize)
{
    QList<QPair<QString, QString>> parameters;
    if (pageSize > 0)
        parameters.append({QStringLiteral("pageSize"), QString::number(pageSize)});
    if (!nextToken.isEmpty())
        parameters.append({QStringLiteral("nextToken"), nextToken});
    return encodeQuery(parameters);
}

QByteArray retainedMessagesQuery(const QString &nextToken, int maxResults)
{
    QList<QPair<QString, QString>> parameters;
    if (!nextToken.isEmpty())
        parameters.append({QStringLiteral("nextToken"), nextToken});
    if (maxResults > 0)
        parameters.append({QStringLiteral("maxResults"), QString::number(maxResults)});
    return encodeQuery(parameters);
}

QByteArray retainedMessagePath(const QString &topic)
{
    return "/retainedMessage/" + encodeLabel(topic);
}

QByteArray publishPath(const QString &topic)
{
    return "/topics/" + encodeLabel(topic);
}

QByteArray publishQuery(const PublishRequest &request)
{
    QList<QPair<QString, QString>> parameters;
    if (request.qos)
        parameters.append({QStringLiteral("qos"), QString::number(*request.qos)});
    if (request.retain)
        parameters.append({QStringLiteral("retain"), QStringLiteral("true")});
    if (!request.contentType.isEmpty())
        parameters.append({QStringLiteral("contentType"), request.contentType});
    if (!request.responseTopic.isEmpty())
        parameters.append({QStringLiteral("responseTopic"), request.responseTopic});
    if (request.messageExpiry)
        parameters.append({QStringLiteral("messageExpiry"), QString::number(*request.messageExpiry)});
    return encodeQuery(parameters);
}

Aws::HeaderList publishHeaders(const PublishRequest &request)
{
    Aws::HeaderList headers;
    if (!request.userProperties.isEmpty())
        headers.append({QByteArrayLiteral("x-amz-mqtt5-user-properties"),
                        userPropertiesHeader(request.userProperties)});
    if (request.payloadFormat != PayloadFormat::Unset)
        headers.append({QByteArrayLiteral("x-amz-mqtt5-payload-format-indicator"),
                        formatName(request.payloadFormat).toLatin1()});
    if (!request.correlationData.isEmpty())
        headers.append({QByteArrayLiteral("x-amz-mqtt5-correlation-data"),
                        request.correlationData.toBase64()});
    return headers;
}

QByteArray listThingsQuery(const ListThingsRequest &request)
{
    QList<QPair<QString, QString>> parameters;
    if (request.maxResults > 0)
        parameters.append({QStringLiteral("maxResults"), QString::number(request.maxResults)});
    if (!request.nextToken.isEmpty())
        parameters.append({QStringLiteral("nextToken"), request.nextToken});
    if (!request.attributeName.isEmpty())
        parameters.append({QStringLiteral("attributeName"), request.attributeName});
    if (!request.attributeValue.isEmpty())
        parameters.append({QStringLiteral("attributeValue"), request.attributeValue});
    if (!request.thingTypeName.isEmpty())
        parameters.append({QStringLiteral("thingTypeName"), request.thingTypeName});
    if (request.usePrefixAttributeValue)
        parameters.append({QStringLiteral("usePrefixAttributeValue"), QStringLiteral("true")});
    return encodeQuery(parameters);
}

QByteArray describeEndpointQuery(const QString &endpointType)
{
    return encodeQuery({{QStringLiteral("endpointType"), endpointType}});
}

QByteArray userPropertiesHeader(const QList<UserProperty> &properties)
{
    QJsonArray array;
    for (const UserProperty &property : properties)
        array.append(QJsonObject{{property.key, property.value}});
    return QJsonDocument(array).toJson(QJsonDocument::Compact).toBase64();
}

std::optional<QList<UserProperty>> parseUserProperties(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray()) {
        *error = Text::tr("user properties are not a JSON array");
        return std::nullopt;
    }
    QList<UserProperty> properties;
    const QJsonArray array = document.array();
    for (const QJsonValue &value : array) {
        const QJsonObject pair = value.toObject();
        if (!value.isObject() || pair.size() != 1 || !pair.begin().value().isString()) {
            *error = Text::tr("a user property is not one key with a string value");
            return std::nullopt;
        }
        properties.append({pair.begin().key(), pair.begin().value().toString()});
    }
    return properties;
}

std::optional<ShadowDocument> parseShadowDocument(const QByteArray &body, QString *error)
{
    const auto object = parseObject(body, error);
    if (!object)
        return std::nullopt;
    Reader reader(*object, error);
    ShadowDocument document;
    const QJsonObject state = reader.object(QLatin1String("state"), false);
    document.desired = reader.object(state, QLatin1String("desired"), false);
    document.reported = reader.object(state, QLatin1String("reported"), false);
    document.delta = reader.object(state, QLatin1String("delta"), false);
    const QJsonObject metadata = reader.object(QLatin1String("metadata"), false);
    document.desiredMetadata = reader.object(metadata, QLatin1String("desired"), false);
    document.reportedMetadata = reader.object(metadata, QLatin1String("reported"), false);
    document.version = reader.integer(QLatin1String("version"), true);
    document.timestamp = reader.integer(QLatin1String("timestamp"), true);
    document.clientToken = reader.string(QLatin1String("clientToken"), false);
    if (!reader.ok())
        return std::nullopt;
    return document;
}

std::optional<DeletedShadow> parseDeletedShadow(const QByteArray &body, QString *error)
{
    const auto object = parseObject(body, error);
    if (!object)
        return std::nullopt;
    Reader reader(*object, error);
    DeletedShadow deleted{reader.integer(QLatin1String("version"), true),
                          reader.integer(QLatin1String("timestamp"), true)};
    if (!reader.ok())
        return std::nullopt;
    return deleted;
}

std::optional<NamedShadowPage> parseNamedShadowPage(const QByteArray &body, QString *error)
{
    const auto object = parseObject(body, error);
    if (!object)
        return std::nullopt;
    Reader reader(*object, error);
    NamedShadowPage page;
    const QJsonArray results = reader.array(QLatin1String("results"));
    for (const QJsonValue &name : results) {
        if (!name.isString()) {
            reader.fail(Text::tr("a shadow name is not a string"));
            break;
        }
        page.names.append(name.toString());
    }
    page.nextToken = reader.string(QLatin1String("nextToken"), false);
    page.timestamp = reader.integer(QLatin1String("timestamp"), false);
    if (!reader.ok())
        return std::nullopt;
    return page;
}

std::optional<RetainedPage> parseRetainedPage(const QByteArray &body, QString *error)
{
    const auto object = parseObject(body, error);
    if (!object)
        return std::nullopt;
    Reader reader(*object, error);
    const auto topics = readObjects<RetainedMessageSummary>(
        reader, reader.array(QLatin1String("retainedTopics")), error, [](Reader &topic) {
            return RetainedMessageSummary{topic.string(QLatin1String("topic"), true),
                                          topic.integer(QLatin1String("payloadSize"), true),
                                          int(topic.integer(QLatin1String("qos"), true)),
                                          fromEpochMs(topic.integer(QLatin1String("lastModifiedTime"), true))};
        });
    const QString nextToken = reader.string(QLatin1String("nextToken"), false);
    if (!reader.ok() || !topics)
        return std::nullopt;
    return RetainedPage{*topics, nextToken};
}

std::optional<RetainedMessage> parseRetainedMessage(const QByteArray &body, QString *error)
{
    const auto object = parseObject(body, error);
    if (!object)
        return std::nullopt;
    Reader reader(*object, error);
    RetainedMessage message;
    message.topic = reader.string(QLatin1String("topic"), true);
    message.payload = reader.base64(QLatin1String("payload"), false);
    message.qos = int(reader.integer(QLatin1String("qos"), true));
    message.lastModified = fromEpochMs(reader.integer(QLatin1String("lastModifiedTime"), true));
    const QByteArray properties = reader.base64(QLatin1String("userProperties"), false);
    if (!reader.ok())
        return std::nullopt;
    if (!properties.isEmpty()) {
        const auto parsed = parseUserProperties(properties, error);
        if (!parsed)
            return std::nullopt;
        message.userProperties = *parsed;
    }
    return message;
}

std::optional<ThingPage> parseThingPage(const QByteArray &body, QString *error)
{
    const auto object = parseObject(body, error);
    if (!object)
        return std::nullopt;
    Reader reader(*object, error);
    const auto things = readObjects<ThingSummary>(
        reader, reader.array(QLatin1String("things")), error, [](Reader &thing) {
            ThingSummary summary;
            summary.name = thing.string(QLatin1String("thingName"), true);
            summary.typeName = thing.string(QLatin1String("thingTypeName"), false);
            summary.arn = thing.string(QLatin1String("thingArn"), false);
            const QJsonObject attributes = thing.object(QLatin1String("attributes"), false);
            for (auto it = attributes.begin(); it != attributes.end(); ++it) {
                if (!it.value().isString()) {
                    thing.fail(Text::tr("attribute %1 is not a string").arg(it.key()));
                    break;
                }
                summary.attributes.insert(it.key(), it.value().toString());
            }
            summary.version = thing.integer(QLatin1String("version"), false);
            return summary;
        });
    const QString nextToken = reader.string(QLatin1String("nextToken"), false);
    if (!reader.ok() || !things)
        return std::nullopt;
    return ThingPage{*things, nextToken};
}

std::optional<EndpointAddress> parseEndpointAddress(const QByteArray &body, QString *error)
{
    const auto object = parseObject(body, error);
    if (!object)
        return std::nullopt;
    Reader reader(*object, error);
    EndpointAddress endpoint{reader.string(QLatin1String("endpointAddress"), true)};
    if (!reader.ok())
        return std::nullopt;
    if (endpoint.address.isEmpty()) {
        *error = Text::tr("endpointAddress is empty");
        return std::nullopt;
    }
    return endpoint;
}

} // namespace Iot::IotJson
