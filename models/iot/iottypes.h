// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// The values AWS IoT's requests and responses are parsed into (IOT-DATA-PLANE.md sections 2
// and 7); parsed once at the edge by IotJson, so no QJsonObject travels further than a
// shadow document's own sections.
namespace Iot {

/** One MQTT 5 user property; order and repeated keys matter, so they are kept in a list. */
struct UserProperty
{
    QString key;
    QString value;
    friend bool operator==(const UserProperty &, const UserProperty &) = default;
};

/** GetThingShadow's and UpdateThingShadow's document. Absent sections are empty objects. */
struct ShadowDocument
{
    QJsonObject desired;
    QJsonObject reported;
    QJsonObject delta;
    QJsonObject desiredMetadata;
    QJsonObject reportedMetadata;
    qint64 version = 0;
    qint64 timestamp = 0; ///< epoch seconds
    QString clientToken;
    friend bool operator==(const ShadowDocument &, const ShadowDocument &) = default;
};

/** DeleteThingShadow's answer: the deleted document's version. */
struct DeletedShadow
{
    qint64 version = 0;
    qint64 timestamp = 0; ///< epoch seconds
    friend bool operator==(const DeletedShadow &, const DeletedShadow &) = default;
};

/** A page of ListNamedShadowsForThing. */
struct NamedShadowPage
{
    QStringList names;
    QString nextToken; ///< empty on the last page
    qint64 timestamp = 0;
    friend bool operator==(const NamedShadowPage &, const NamedShadowPage &) = default;
};

/** One topic of ListRetainedMessages (never the payload). */
struct RetainedMessageSummary
{
    QString topic;
    qint64 payloadSize = 0;
    int qos = 0;
    QDateTime lastModified; ///< UTC, millisecond precision
    friend bool operator==(const RetainedMessageSummary &, const RetainedMessageSummary &) = default;
};

/** A page of ListRetainedMessages. */
struct RetainedPage
{
    QList<RetainedMessageSummary> topics;
    QString nextToken;
    friend bool operator==(const RetainedPage &, const RetainedPage &) = default;
};

/** GetRetainedMessage's answer, payload and user properties decoded. */
struct RetainedMessage
{
    QString topic;
    QByteArray payload;
    int qos = 0;
    QDateTime lastModified;
    QList<UserProperty> userProperties;
    friend bool operator==(const RetainedMessage &, const RetainedMessage &) = default;
};

/** MQTT 5 payload format indicator (x-amz-mqtt5-payload-format-indicator). */
enum class PayloadFormat {
    Unset,            ///< header not sent
    UnspecifiedBytes, ///< UNSPECIFIED_BYTES
    Utf8Data,         ///< UTF8_DATA
};

/** Everything Publish sends; unset options are left off the wire. */
struct PublishRequest
{
    QString topic;
    QByteArray payload;
    std::optional<int> qos;
    bool retain = false;
    QString contentType;
    PayloadFormat payloadFormat = PayloadFormat::Unset;
    QString responseTopic;
    QByteArray correlationData;          ///< sent base64-encoded
    std::optional<qint64> messageExpiry; ///< seconds
    QList<UserProperty> userProperties;
};

/** ListThings' filters and paging (IOT-DATA-PLANE.md 7.3); empty members are not sent. */
struct ListThingsRequest
{
    int maxResults = 0; ///< 0: the service's default
    QString nextToken;
    QString attributeName;
    QString attributeValue;
    bool usePrefixAttributeValue = false;
    QString thingTypeName;
};

/** One registered thing. */
struct ThingSummary
{
    QString name;
    QString typeName;
    QString arn;
    QMap<QString, QString> attributes;
    qint64 version = 0;
    friend bool operator==(const ThingSummary &, const ThingSummary &) = default;
};

/** A page of ListThings. */
struct ThingPage
{
    QList<ThingSummary> things;
    QString nextToken;
    friend bool operator==(const ThingPage &, const ThingPage &) = default;
};

/** DescribeEndpoint's answer. */
struct EndpointAddress
{
    QString address; ///< host name, e.g. abc123-ats.iot.us-east-1.amazonaws.com
    friend bool operator==(const EndpointAddress &, const EndpointAddress &) = default;
};

} // namespace Iot
