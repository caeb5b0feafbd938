// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/sigv4signer.h"
#include "iot/iottypes.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace Iot {

/**
 * Pure serialisation of AWS IoT requests (paths, queries, headers) and parsing of their
 * responses into the value types of iot/iottypes.h (IOT-DATA-PLANE.md sections 2 and 7).
 * A parse function returns nullopt and says why in @p error when a body is not what the
 * service sends.
 */
namespace IotJson {

/** One path label: UTF-8, every byte outside A-Z a-z 0-9 - _ . ~ as upper-case %XX (2.2). */
QByteArray encodeLabel(const QString &label);

/** name=value pairs, both encoded as labels, joined by '&' in the given order (2.3). */
QByteArray encodeQuery(const QList<QPair<QString, QString>> &parameters);

/** /things/{thing}/shadow */
QByteArray shadowPath(const QString &thingName);
/** name={shadow}, or empty for the classic shadow (an empty name). */
QByteArray shadowQuery(const QString &shadowName);
/** /api/things/shadow/ListNamedShadowsForThing/{thing} */
QByteArray namedShadowsPath(const QString &thingName);
/** pageSize (when > 0) and nextToken (when not empty). */
QByteArray namedShadowsQuery(const QString &nextToken, int pageSize);
/** maxResults (when > 0) and nextToken (when not empty). */
QByteArray retainedMessagesQuery(const QString &nextToken, int maxResults);
/** /retainedMessage/{topic} */
QByteArray retainedMessagePath(const QString &topic);
/** /topics/{topic} */
QByteArray publishPath(const QString &topic);
/** qos, retain, contentType, responseTopic, messageExpiry: those that are set. */
QByteArray publishQuery(const PublishRequest &request);
/** The x-amz-mqtt5-* headers for the options that are set (2.4). */
Aws::HeaderList publishHeaders(const PublishRequest &request);
/** maxResults, nextToken, attributeName, attributeValue, thingTypeName, usePrefixAttributeValue. */
QByteArray listThingsQuery(const ListThingsRequest &request);
/** endpointType={type} */
QByteArray describeEndpointQuery(const QString &endpointType);

/** x-amz-mqtt5-user-properties: base64 of a JSON array of single-pair objects. */
QByteArray userPropertiesHeader(const QList<UserProperty> &properties);
/** A JSON array of single-pair objects with string values, e.g. [{"a":"b"}]. */
std::optional<QList<UserProperty>> parseUserProperties(const QByteArray &json, QString *error);

std::optional<ShadowDocument> parseShadowDocument(const QByteArray &body, QString *error);
std::optional<DeletedShadow> parseDeletedShadow(const QByteArray &body, QString *error);
std::optional<NamedShadowPage> parseNamedShadowPage(const QByteArray &body, QString *error);
std::optional<RetainedPage> parseRetainedPage(const QByteArray &body, QString *error);
std::optional<RetainedMessage> parseRetainedMessage(const QByteArray &body, QString *error);
std::optional<ThingPage> parseThingPage(const QByteArray &body, QString *error);
std::optional<EndpointAddress> parseEndpointAddress(const QByteArray &body, QString *error);

} // namespace IotJson
} // namespace Iot
