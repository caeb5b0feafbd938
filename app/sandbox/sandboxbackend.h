// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shadow/shadowstate.h"
#include "shadow/validationerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QString>

#include <functional>
#include <map>
#include <optional>
#include <variant>

namespace Sandbox {

/** An operation's answer: its JSON body (empty for Publish), or the error AWS would give. */
using Result = std::variant<QJsonObject, Shadow::ValidationError>;

/** Publish's inputs beyond topic and payload, as they arrive on the wire. */
struct PublishOptions
{
    int qos = 0;
    bool retain = false;
    QByteArray userPropertiesHeader;   ///< x-amz-mqtt5-user-properties (base64 JSON array)
    QByteArray payloadFormatIndicator; ///< x-amz-mqtt5-payload-format-indicator
    QString responseTopic;
    std::optional<qint64> messageExpirySeconds;
};

/** A registered thing (ListThings); things come only from a seed. */
struct Thing
{
    QString name;
    QString typeName;
    QMap<QString, QString> attributes;
    qint64 version = 1;
};

/** ListThings' filters and paging. */
struct ListThingsQuery
{
    int maxResults = 100;
    QString nextToken;
    QString attributeName;
    QString attributeValue;
    bool usePrefixAttributeValue = false;
    QString thingTypeName;
};

/**
 * The emulator's state and its operations, with AWS IoT's semantics and errors. Knows
 * nothing of HTTP: the server parses a request into a call here and turns the Result into
 * a response. The clock is injected; changed() fires after every mutation.
 */
class SandboxBackend final : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    SandboxBackend(Clock clock, const QString &region, Shadow::Limits limits = {},
                   QObject *parent = nullptr);

    Result getThingShadow(const QString &thingName, const QString &shadowName) const;
    Result updateThingShadow(const QString &thingName, const QString &shadowName,
                             const QByteArray &body);
    Result deleteThingShadow(const QString &thingName, const QString &shadowName);
    Result listNamedShadowsForThing(const QString &thingName, const QString &nextToken,
                                    int pageSize) const;
    Result listRetainedMessages(const QString &nextToken, int maxResults) const;
    Result getRetainedMessage(const QString &topic) const;
    Result publish(const QString &topic, const QByteArray &payload, const PublishOptions &options);
    Result listThings(const ListThingsQuery &query) const;
    Result describeEndpoint(const QString &endpointType) const;

    /** Replaces everything with a seed (the demo fleet's format); false and @p error if malformed. */
    bool loadSeed(const QJsonObject &seed, QString *error);

    /** Persistence: the whole state, and back (false and @p error if malformed). */
    QJsonObject toJson() const;
    bool fromJson(const QJsonObject &json, QString *error);

    qsizetype thingCount() const { return m_things.size(); }
    qsizetype retainedCount() const;

Q_SIGNALS:
    void changed();

private:
    struct ShadowRecord
    {
        std::optional<Shadow::StoredState> state; ///< nullopt: deleted (a tombstone)
        qint64 deletedVersion = 0;                ///< a tombstone's last version
        qint64 deletedAt = 0;                     ///< a tombstone's time, epoch seconds
    };
    struct Retained
    {
        QByteArray payload;
        int qos = 0;
        qint64 lastModifiedMs = 0;
        QByteArray userProperties; ///< JSON array text, empty when none
        qint64 expiresAtMs = 0;    ///< 0: never
    };
    using ShadowKey = std::pair<QString, QString>; ///< thing, shadow ("" for classic)

    qint64 nowSeconds() const;
    qint64 nowMs() const;
    const ShadowRecord *liveRecord(const ShadowKey &key) const;
    qint64 tombstoneVersion(const ShadowKey &key) const;
    std::optional<Shadow::ValidationError> validateNames(const QString &thingName,
                                                         const QString &shadowName) const;
    void applyShadowCommand(const QString &topic, const QByteArray &payload);
    bool isExpired(const Retained &message) const;
    bool readThings(const QJsonArray &things, QString *error);
    void clear();

    Clock m_clock;
    QString m_region;
    Shadow::Limits m_limits;
    std::map<ShadowKey, ShadowRecord> m_shadows;
    QMap<QByteArray, Retained> m_retained; ///< by UTF-8 topic: byte order, as AWS pages
    QMap<QString, Thing> m_things;
};

/**
 * Opaque, URL-safe paging tokens over an ordered key, bound to a @p scope (the listing and
 * its thing), so a token from one listing is refused by another.
 */
QString encodePageToken(const QByteArray &scope, const QByteArray &lastKey);
std::optional<QByteArray> decodePageToken(const QByteArray &scope, const QString &token);

} // namespace Sandbox
