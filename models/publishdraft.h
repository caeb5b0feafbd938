// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

class QDateTime;

/**
 * The publish composer's logic, free of widgets: what the composer holds (Draft), how it
 * becomes the bytes and the request AWS IoT is sent (payloadBytes(), buildRequest()), and the
 * ${variables} templates use (expandVariables(), expanded()).
 */
namespace Publish {

constexpr qsizetype MaxPayloadBytes = 128 * 1024; ///< AWS IoT's message size limit

/** How the composer's payload text is read. */
enum class PayloadMode { Json, Text, Base64, Hex, File, Empty };

/** How correlation data is typed. */
enum class BytesEncoding { Text, Hex, Base64 };

/** "json", "text", "base64", "hex", "file" or "empty": the key kept in history and templates. */
QString payloadModeKey(PayloadMode mode);
/** The inverse of payloadModeKey(); nullopt for any other text. */
std::optional<PayloadMode> payloadModeFromKey(const QString &key);

/** Everything the composer holds, as typed (what history and templates keep). */
struct Draft
{
    QString topic;
    PayloadMode mode = PayloadMode::Json;
    QString payloadText; ///< Json/Text/Base64/Hex: as typed; File: the file's path
    int qos = 0; ///< 0 or 1
    bool retain = false;
    QString contentType;
    Iot::PayloadFormat payloadFormat = Iot::PayloadFormat::Unset;
    QString responseTopic;
    QString correlationData;
    BytesEncoding correlationEncoding = BytesEncoding::Text;
    std::optional<qint64> messageExpiry; ///< seconds
    QList<Iot::UserProperty> userProperties;
    friend bool operator==(const Draft &, const Draft &) = default;

    /** Every member under its own name; enums as keys ("json", "hex", "utf8Data"…). */
    QJsonObject toJson() const;
    /** The inverse of toJson() (absent members keep their defaults); nullopt when a member has
     *  the wrong type or an unknown key. */
    static std::optional<Draft> fromJson(const QJsonObject &json);
};

/**
 * Where a draft is wrong: which field ("topic", "payload", "correlationData", "responseTopic",
 * "userProperties", "messageExpiry", "qos") and a plain message (tr) saying what and where.
 */
struct Problem
{
    QString field;
    QString message;
    friend bool operator==(const Problem &, const Problem &) = default;
};

/**
 * The payload bytes of @p draft: Json (validated as JSON — any value, not only objects — sent
 * as typed, UTF-8), Text (UTF-8), Base64 (strict; whitespace allowed), Hex (pairs, whitespace
 * and 0x allowed), File (read the path's bytes), Empty. A Problem when it cannot be made
 * (invalid JSON with line and column, bad base64 at position N, odd hex digit count,
 * unreadable file with the reason, a file larger than MaxPayloadBytes, which is not read).
 */
std::variant<QByteArray, Problem> payloadBytes(const Draft &draft);

/**
 * The request to send, or every problem found before any request: the topic
 * (validatePublishTopic, with retain), the payload and its size against MaxPayloadBytes
 * ("131,073 bytes; AWS IoT allows 131,072"), correlation data decoding, a response topic that
 * must be a valid topic without wildcards, user property keys not empty, expiry >= 0, qos 0/1.
 */
std::variant<Iot::PublishRequest, QList<Problem>> buildRequest(const Draft &draft);

/**
 * @p text with ${thing}, ${timestamp} (epoch ms), ${iso8601} (UTC, with milliseconds) and
 * ${uuid} (fresh each time) replaced; unknown ${names} are left as they are and listed as written
 * ("${name}", each once, in order of appearance) in @p unknown.
 */
QString expandVariables(const QString &text, const QString &thingName, const QDateTime &now,
                        QStringList *unknown = nullptr);

/**
 * @p draft with variables expanded in topic, payloadText (not for File), response topic,
 * correlation data and user property values.
 */
Draft expanded(const Draft &draft, const QString &thingName, const QDateTime &now);

/** What "Edit and re-publish" starts from: @p message as a retained draft, its payload as JSON,
 *  text or (bytes that are not text) hex. */
Draft draftFrom(const Iot::RetainedMessage &message);

} // namespace Publish
