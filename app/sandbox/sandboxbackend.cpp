// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxbackend.h"

#include "shadow/metadata.h"
#include "shadow/validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

#include <algorithm>

namespace Sandbox {

namespace {

constexpr qint64 TombstoneLifetimeSeconds = 48 * 3600;
constexpr qsizetype MaxPublishPayloadBytes = 128 * 1024;
constexpr qint64 MaxMessageExpirySeconds = 604800;
const QByteArray TokenPrefix = QByteArrayLiteral("sbx1:");
const QString AccountId = QStringLiteral("123456789012");
const QString EndpointPrefix = QStringLiteral("a3sbx0shadowscope");
const QString StoreFormat = QStringLiteral("shadowscope-sandbox/1");

Shadow::ValidationError notFound(const QString &message)
{
    return {404, QStringLiteral("ResourceNotFoundException"), message};
}

Shadow::ValidationError noShadow(const QString &thingName, const QString &shadowName)
{
    return notFound(QStringLiteral("No shadow exists with name: '%1'")
                        .arg(shadowName.isEmpty() ? thingName : shadowName));
}

Shadow::ValidationError invalidToken()
{
    return Shadow::invalidRequest(QStringLiteral("Invalid nextToken"));
}

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString ignored = decoder.decode(bytes);
    Q_UNUSED(ignored);
    return !decoder.hasError();
}

// x-amz-mqtt5-user-properties: base64 of a JSON array of single-pair string objects.
std::optional<QByteArray> decodeUserProperties(const QByteArray &header)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        header, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return std::nullopt;
    const QJsonArray properties = document.array();
    for (const QJsonValue &property : properties) {
        const QJsonObject pair = property.toObject();
        if (!property.isObject() || pair.size() != 1 || !pair.begin()->isString())
            return std::nullopt;
    }
    return QJsonDocument(properties).toJson(QJsonDocument::Compact);
}

} // namespace

QString encodePageToken(const QByteArray &scope, const QByteArray &lastKey)
{
    return QString::fromLatin1(QByteArray(TokenPrefix + scope + '\0' + lastKey)
                                   .toBase64(QByteArray::Base64UrlEncoding
                                             | QByteArray::OmitTrailingEquals));
}

std::optional<QByteArray> decodePageToken(const QByteArray &scope, const QString &token)
{
    const QByteArray prefix = TokenPrefix + scope + '\0';
    const auto decoded = QByteArray::fromBase64Encoding(
        token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !(*decoded).startsWith(prefix))
        return std::nullopt;
    return (*decoded).mid(prefix.size());
}

SandboxBackend::SandboxBackend(Clock clock, const QString &region, Shadow::Limits limits,
                               QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
    , m_region(region)
    , m_limits(limits)
{
}

qint64 SandboxBackend::nowSeconds() const
{
    return m_clock().toSecsSinceEpoch();
}

qint64 SandboxBackend::nowMs() const
{
    return m_clock().toMSecsSinceEpoch();
}

std::optional<Shadow::ValidationError>
SandboxBackend::validateNames(const QString &thingName, const QString &shadowName) const
{
    if (auto error = Shadow::validateThingName(thingName))
        return error;
    if (!shadowName.isNull())
        return Shadow::validateShadowName(shadowName);
    return std::nullopt;
}

const SandboxBackend::ShadowRecord *SandboxBackend::liveRecord(const ShadowKey &key) const
{
    const auto it = m_shadows.find(key);
    return it != m_shadows.end() && it->second.state ? &it->second : nullptr;
}

qint64 SandboxBackend::tombstoneVersion(const ShadowKey &key) const
{
    const auto it = m_shadows.find(key);
    if (it == m_shadows.end() || it->second.state
        || nowSeconds() - it->second.deletedAt > TombstoneLifetimeSeconds)
        return 0;
    return it->second.deletedVersion;
}

Result SandboxBackend::getThingShadow(const QString &thingName, const QString &shadowName) const
{
    if (auto error = validateNames(thingName, shadowName))
        return *error;
    const ShadowRecord *record = liveRecord({thingName, shadowName});
    if (!record)
        return noShadow(thingName, shadowName);
    return record->state->toGetResponse(nowSeconds());
}

Result SandboxBackend::updateThingShadow(const QString &thingName, const QString &shadowName,
                                         const QByteArray &body)
{
    if (auto error = validateNames(thingName, shadowName))
        return *error;
    const auto parsed = Shadow::parseUpdateRequest(body, m_limits);
    if (const auto *error = std::get_if<Shadow::ValidationError>(&parsed))
        return *error;
    const ShadowKey key{thingName, shadowName};
    const ShadowRecord *record = liveRecord(key);
    const auto outcome = Shadow::applyUpdate(
        record ? record->state : std::nullopt, tombstoneVersion(key),
        std::get<Shadow::UpdateRequest>(parsed), nowSeconds(), m_limits);
    if (const auto *error = std::get_if<Shadow::ValidationError>(&outcome))
        return *error;
    const auto &accepted = std::get<Shadow::UpdateOutcome>(outcome);
    m_shadows[key] = ShadowRecord{accepted.state, 0, 0};
    Q_EMIT changed();
    return accepted.response;
}

Result SandboxBackend::deleteThingShadow(const QString &thingName, const QString &shadowName)
{
    if (auto error = validateNames(thingName, shadowName))
        return *error;
    const auto it = m_shadows.find({thingName, shadowName});
    if (it == m_shadows.end() || !it->second.state)
        return noShadow(thingName, shadowName);
    // The tombstone keeps the version, so a shadow re-created within 48 hours continues it.
    const qint64 version = it->second.state->version;
    it->second = ShadowRecord{std::nullopt, version, nowSeconds()};
    Q_EMIT changed();
    return QJsonObject{{QStringLiteral("version"), version},
                       {QStringLiteral("timestamp"), nowSeconds()}};
}

Result SandboxBackend::listNamedShadowsForThing(const QString &thingName,
                                                const QString &nextToken, int pageSize) const
{
    if (auto error = Shadow::validateThingName(thingName))
        return *error;
    QString after;
    if (!nextToken.isEmpty()) {
        const auto key = decodePageToken("shadows/" + thingName.toUtf8(), nextToken);
        if (!key)
            return invalidToken();
        after = QString::fromUtf8(*key);
    }
    QJsonArray results;
    QString last;
    bool more = false;
    for (auto it = m_shadows.lower_bound({thingName, after}); it != m_shadows.end(); ++it) {
        const auto &[thing, shadow] = it->first;
        if (thing != thingName)
            break;
        if (shadow.isEmpty() || !it->second.state || (!nextToken.isEmpty() && shadow <= after))
            continue;
        if (results.size() == pageSize) {
            more = true;
            break;
        }
        results.append(shadow);
        last = shadow;
    }
    QJsonObject page{{QStringLiteral("results"), results},
                     {QStringLiteral("timestamp"), nowSeconds()}};
    if (more)
        page.insert(QStringLiteral("nextToken"),
                    encodePageToken("shadows/" + thingName.toUtf8(), last.toUtf8()));
    return page;
}

bool SandboxBackend::isExpired(const Retained &message) const
{
    return message.expiresAtMs != 0 && message.expiresAtMs <= nowMs();
}

qsizetype SandboxBackend::retainedCount() const
{
    return std::count_if(m_retained.cbegin(), m_retained.cend(),
                         [this](const Retained &message) { return !isExpired(message); });
}

Result SandboxBackend::listRetainedMessages(const QString &nextToken, int maxResults) const
{
    auto it = m_retained.cbegin();
    if (!nextToken.isEmpty()) {
        const auto key = decodePageToken("retained", nextToken);
        if (!key)
            return invalidToken();
        it = m_retained.upperBound(*key);
    }
    QJsonArray topics;
    QByteArray last;
    bool more = false;
    for (; it != m_retained.cend(); ++it) {
        if (isExpired(it.value()))
            continue;
        if (topics.size() == maxResults) {
            more = true;
            break;
        }
        topics.append(QJsonObject{
            {QStringLiteral("topic"), QString::fromUtf8(it.key())},
            {QStringLiteral("payloadSize"), it->payload.size()},
            {QStringLiteral("qos"), it->qos},
            {QStringLiteral("lastModifiedTime"), it->lastModifiedMs},
        });
        last = it.key();
    }
    QJsonObject page{{QStringLiteral("retainedTopics"), topics}};
    if (more)
        page.insert(QStringLiteral("nextToken"), encodePageToken("retained", last));
    return page;
}

Result SandboxBackend::getRetainedMessage(const QString &topic) const
{
    const auto it = m_retained.constFind(topic.toUtf8());
    if (it == m_retained.cend() || isExpired(*it))
        return notFound(QStringLiteral("No retained message exists for topic: '%1'").arg(topic));
    QJsonObject message{
        {QStringLiteral("topic"), topic},
        {QStringLiteral("payload"), QString::fromLatin1(it->payload.toBase64())},
        {QStringLiteral("qos"), it->qos},
        {QStringLiteral("lastModifiedTime"), it->lastModifiedMs},
    };
    if (!it->userProperties.isEmpty())
        message.insert(QStringLiteral("userProperties"),
                       QString::fromLatin1(it->userProperties.toBase64()));
    return message;
}

Result SandboxBackend::publish(const QString &topic, const QByteArray &payload,
                               const PublishOptions &options)
{
    if (auto error = Shadow::validatePublishTopic(topic, options.retain))
        return *error;
    if (options.qos < 0 || options.qos > 1)
        return Shadow::invalidRequest(
            QStringLiteral("QoS %1 is not supported; AWS IoT supports QoS 0 and 1").arg(options.qos));
    if (payload.size() > MaxPublishPayloadBytes)
        return Shadow::ValidationError{413, QStringLiteral("RequestEntityTooLargeException"),
                                       QStringLiteral("Message payload exceeds size limit for message type.")};
    if (options.responseTopic.contains(u'+') || options.responseTopic.contains(u'#'))
        return Shadow::invalidRequest(
            QStringLiteral("Response topic must not contain the wildcard characters + or #"));
    QByteArray userProperties;
    if (!options.userPropertiesHeader.isEmpty()) {
        const auto decoded = decodeUserProperties(options.userPropertiesHeader);
        if (!decoded)
            return Shadow::invalidRequest(QStringLiteral(
                "x-amz-mqtt5-user-properties must be the base64 encoding of a JSON array of "
                "single-pair objects with string values, such as [{\"key\":\"value\"}]"));
        userProperties = *decoded;
    }
    const QByteArray &format = options.payloadFormatIndicator;
    if (!format.isEmpty() && format != "UNSPECIFIED_BYTES" && format != "UTF8_DATA")
        return Shadow::invalidRequest(QStringLiteral(
            "x-amz-mqtt5-payload-format-indicator must be UNSPECIFIED_BYTES or UTF8_DATA"));
    if (format == "UTF8_DATA" && !isUtf8(payload))
        return Shadow::invalidRequest(QStringLiteral(
            "The payload is not valid UTF-8, but its payload format indicator is UTF8_DATA"));

    if (Shadow::parseShadowTopic(topic))
        applyShadowCommand(topic, payload);
    if (options.retain) {
        if (payload.isEmpty()) {
            m_retained.remove(topic.toUtf8());
        } else {
            qint64 expiresAt = 0;
            if (options.messageExpirySeconds) {
                // MQTT clamps the expiry into 1 s .. 7 days rather than rejecting it.
                const qint64 seconds =
                    std::clamp<qint64>(*options.messageExpirySeconds, 1, MaxMessageExpirySeconds);
                expiresAt = nowMs() + seconds * 1000;
            }
            m_retained.insert(topic.toUtf8(),
                              Retained{payload, options.qos, nowMs(), userProperties, expiresAt});
        }
        Q_EMIT changed();
    }
    return QJsonObject{};
}

// A publish to a shadow's MQTT command topic acts on the shadow, as it does in AWS IoT; the
// outcome would go to the …/accepted or …/rejected topics, so a rejection is not an error
// of the publish itself.
void SandboxBackend::applyShadowCommand(const QString &topic, const QByteArray &payload)
{
    const auto command = Shadow::parseShadowTopic(topic);
    const QString shadowName = command->shadowName.isEmpty() ? QString() : command->shadowName;
    if (command->command == QLatin1String("update"))
        updateThingShadow(command->thingName, shadowName, payload);
    else if (command->command == QLatin1String("delete"))
        deleteThingShadow(command->thingName, shadowName);
}

Result SandboxBackend::listThings(const ListThingsQuery &query) const
{
    auto it = m_things.cbegin();
    if (!query.nextToken.isEmpty()) {
        const auto key = decodePageToken("things", query.nextToken);
        if (!key)
            return invalidToken();
        it = m_things.upperBound(QString::fromUtf8(*key));
    }
    const auto matches = [&query](const Thing &thing) {
        if (!query.thingTypeName.isEmpty() && thing.typeName != query.thingTypeName)
            return false;
        if (query.attributeName.isEmpty())
            return true;
        const auto value = thing.attributes.constFind(query.attributeName);
        if (value == thing.attributes.cend())
            return false;
        if (query.attributeValue.isEmpty())
            return true;
        return query.usePrefixAttributeValue ? value->startsWith(query.attributeValue)
                                             : *value == query.attributeValue;
    };
    QJsonArray things;
    QString last;
    bool more = false;
    for (; it != m_things.cend(); ++it) {
        if (!matches(*it))
            continue;
        if (things.size() == query.maxResults) {
            more = true;
            break;
        }
        QJsonObject attributes;
        for (auto a = it->attributes.cbegin(); a != it->attributes.cend(); ++a)
            attributes.insert(a.key(), a.value());
        QJsonObject thing{
            {QStringLiteral("thingName"), it->name},
            {QStringLiteral("thingArn"),
             QStringLiteral("arn:aws:iot:%1:%2:thing/%3").arg(m_region, AccountId, it->name)},
            {QStringLiteral("attributes"), attributes},
            {QStringLiteral("version"), it->version},
        };
        if (!it->typeName.isEmpty())
            thing.insert(QStringLiteral("thingTypeName"), it->typeName);
        things.append(thing);
        last = it->name;
    }
    QJsonObject page{{QStringLiteral("things"), things}};
    if (more)
        page.insert(QStringLiteral("nextToken"), encodePageToken("things", last.toUtf8()));
    return page;
}

Result SandboxBackend::describeEndpoint(const QString &endpointType) const
{
    const QString type = endpointType.isEmpty() ? QStringLiteral("iot:Data") : endpointType;
    const QString lower = type.toLower();
    QString address;
    if (lower == QLatin1String("iot:data-ats"))
        address = QStringLiteral("%1-ats.iot.%2.amazonaws.com");
    else if (lower == QLatin1String("iot:data"))
        address = QStringLiteral("%1.iot.%2.amazonaws.com");
    else if (lower == QLatin1String("iot:credentialprovider"))
        address = QStringLiteral("%1.credentials.iot.%2.amazonaws.com");
    else if (lower == QLatin1String("iot:jobs"))
        address = QStringLiteral("%1.jobs.iot.%2.amazonaws.com");
    else
        return Shadow::invalidRequest(QStringLiteral("Endpoint type %1 not recognized.").arg(type));
    return QJsonObject{{QStringLiteral("endpointAddress"), address.arg(EndpointPrefix, m_region)}};
}

void SandboxBackend::clear()
{
    m_shadows.clear();
    m_retained.clear();
    m_things.clear();
}

bool SandboxBackend::readThings(const QJsonArray &things, QString *error)
{
    for (const QJsonValue &value : things) {
        const QJsonObject object = value.toObject();
        Thing thing;
        thing.name = object.value(QStringLiteral("thingName")).toString();
        thing.typeName = object.value(QStringLiteral("thingTypeName")).toString();
        thing.version = object.value(QStringLiteral("version")).toInteger(1);
        const QJsonObject attributes = object.value(QStringLiteral("attributes")).toObject();
        for (auto it = attributes.begin(); it != attributes.end(); ++it)
            thing.attributes.insert(it.key(), it.value().toString());
        if (Shadow::validateThingName(thing.name)) {
            *error = QStringLiteral("invalid thing name '%1'").arg(thing.name);
            return false;
        }
        m_things.insert(thing.name, thing);
    }
    return true;
}

bool SandboxBackend::loadSeed(const QJsonObject &seed, QString *error)
{
    clear();
    if (!readThings(seed.value(QStringLiteral("things")).toArray(), error))
        return false;
    const qint64 now = nowSeconds();
    const QJsonArray shadows = seed.value(QStringLiteral("shadows")).toArray();
    for (const QJsonValue &value : shadows) {
        const QJsonObject object = value.toObject();
        const QString thingName = object.value(QStringLiteral("thingName")).toString();
        const QString shadowName = object.value(QStringLiteral("shadowName")).toString();
        if (auto invalid = validateNames(thingName, shadowName.isEmpty() ? QString() : shadowName)) {
            *error = QStringLiteral("shadow %1/%2: %3").arg(thingName, shadowName, invalid->message);
            return false;
        }
        Shadow::StoredState state;
        state.desired = object.value(QStringLiteral("desired")).toObject();
        state.reported = object.value(QStringLiteral("reported")).toObject();
        const qint64 desiredAt = now - object.value(QStringLiteral("desiredAgeSeconds")).toInteger();
        const qint64 reportedAt = now - object.value(QStringLiteral("reportedAgeSeconds")).toInteger();
        state.desiredMetadata = Shadow::metadataFor(state.desired, desiredAt).toObject();
        state.reportedMetadata = Shadow::metadataFor(state.reported, reportedAt).toObject();
        state.version = object.value(QStringLiteral("version")).toInteger(1);
        if (state.stateBytes() > m_limits.maxStateBytes) {
            *error = QStringLiteral("shadow %1/%2 is larger than %3 bytes")
                         .arg(thingName, shadowName).arg(m_limits.maxStateBytes);
            return false;
        }
        m_shadows[{thingName, shadowName}] = ShadowRecord{state, 0, 0};
    }
    const qint64 nowMilliseconds = nowMs();
    const QJsonArray retained = seed.value(QStringLiteral("retained")).toArray();
    for (const QJsonValue &value : retained) {
        const QJsonObject object = value.toObject();
        const QString topic = object.value(QStringLiteral("topic")).toString();
        Retained message;
        if (object.contains(QStringLiteral("payloadJson")))
            message.payload = QJsonDocument(object.value(QStringLiteral("payloadJson")).toObject())
                                  .toJson(QJsonDocument::Compact);
        else if (object.contains(QStringLiteral("payloadBase64")))
            message.payload = QByteArray::fromBase64(
                object.value(QStringLiteral("payloadBase64")).toString().toLatin1());
        else
            message.payload = object.value(QStringLiteral("payloadText")).toString().toUtf8();
        message.qos = object.value(QStringLiteral("qos")).toInt();
        message.lastModifiedMs =
            nowMilliseconds - object.value(QStringLiteral("ageSeconds")).toInteger() * 1000;
        if (object.contains(QStringLiteral("userProperties")))
            message.userProperties =
                QJsonDocument(object.value(QStringLiteral("userProperties")).toArray())
                    .toJson(QJsonDocument::Compact);
        if (auto invalid = Shadow::validatePublishTopic(topic, true)) {
            *error = QStringLiteral("retained topic '%1': %2").arg(topic, invalid->message);
            return false;
        }
        m_retained.insert(topic.toUtf8(), message);
    }
    Q_EMIT changed();
    return true;
}

QJsonObject SandboxBackend::toJson() const
{
    QJsonArray things;
    for (const Thing &thing : m_things) {
        QJsonObject attributes;
        for (auto it = thing.attributes.cbegin(); it != thing.attributes.cend(); ++it)
            attributes.insert(it.key(), it.value());
        things.append(QJsonObject{{QStringLiteral("thingName"), thing.name},
                                  {QStringLiteral("thingTypeName"), thing.typeName},
                                  {QStringLiteral("attributes"), attributes},
                                  {QStringLiteral("version"), thing.version}});
    }
    QJsonArray shadows;
    for (const auto &[key, record] : m_shadows) {
        if (!record.state && tombstoneVersion(key) == 0)
            continue; // a tombstone past its 48 hours: the version counter restarts anyway
        QJsonObject shadow{{QStringLiteral("thingName"), key.first},
                           {QStringLiteral("shadowName"), key.second}};
        if (record.state) {
            shadow.insert(QStringLiteral("state"), record.state->toJson());
        } else {
            shadow.insert(QStringLiteral("deletedVersion"), record.deletedVersion);
            shadow.insert(QStringLiteral("deletedAt"), record.deletedAt);
        }
        shadows.append(shadow);
    }
    QJsonArray retained;
    for (auto it = m_retained.cbegin(); it != m_retained.cend(); ++it) {
        if (isExpired(*it))
            continue;
        retained.append(QJsonObject{
            {QStringLiteral("topic"), QString::fromUtf8(it.key())},
            {QStringLiteral("payloadBase64"), QString::fromLatin1(it->payload.toBase64())},
            {QStringLiteral("qos"), it->qos},
            {QStringLiteral("lastModifiedTime"), it->lastModifiedMs},
            {QStringLiteral("userProperties"), QString::fromUtf8(it->userProperties)},
            {QStringLiteral("expiresAt"), it->expiresAtMs},
        });
    }
    return {{QStringLiteral("format"), StoreFormat},
            {QStringLiteral("things"), things},
            {QStringLiteral("shadows"), shadows},
            {QStringLiteral("retained"), retained}};
}

bool SandboxBackend::fromJson(const QJsonObject &json, QString *error)
{
    clear();
    if (json.value(QStringLiteral("format")).toString() != StoreFormat) {
        *error = QStringLiteral("not a %1 store").arg(StoreFormat);
        return false;
    }
    if (!readThings(json.value(QStringLiteral("things")).toArray(), error))
        return false;
    const QJsonArray shadows = json.value(QStringLiteral("shadows")).toArray();
    for (const QJsonValue &value : shadows) {
        const QJsonObject object = value.toObject();
        const ShadowKey key{object.value(QStringLiteral("thingName")).toString(),
                            object.value(QStringLiteral("shadowName")).toString()};
        ShadowRecord record;
        if (object.contains(QStringLiteral("state"))) {
            record.state = Shadow::StoredState::fromJson(object.value(QStringLiteral("state")).toObject());
            if (!record.state) {
                *error = QStringLiteral("malformed shadow %1/%2").arg(key.first, key.second);
                return false;
            }
        } else {
            record.deletedVersion = object.value(QStringLiteral("deletedVersion")).toInteger();
            record.deletedAt = object.value(QStringLiteral("deletedAt")).toInteger();
        }
        m_shadows[key] = record;
    }
    const QJsonArray retained = json.value(QStringLiteral("retained")).toArray();
    for (const QJsonValue &value : retained) {
        const QJsonObject object = value.toObject();
        m_retained.insert(
            object.value(QStringLiteral("topic")).toString().toUtf8(),
            Retained{QByteArray::fromBase64(object.value(QStringLiteral("payloadBase64")).toString().toLatin1()),
                     object.value(QStringLiteral("qos")).toInt(),
                     object.value(QStringLiteral("lastModifiedTime")).toInteger(),
                     object.value(QStringLiteral("userProperties")).toString().toUtf8(),
                     object.value(QStringLiteral("expiresAt")).toInteger()});
    }
    return true;
}

} // namespace Sandbox
