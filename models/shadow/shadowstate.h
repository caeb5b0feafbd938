// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validationerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>
#include <variant>

namespace Shadow {

/** The limits the service enforces on an update (IOT-DATA-PLANE.md section 4). */
struct Limits
{
    int maxDepth = 8;              ///< desired/reported object itself counts as level 1
    qsizetype maxStateBytes = 8192; ///< compact {"desired":…,"reported":…} after the merge
    qsizetype maxClientTokenBytes = 64;
};

/**
 * What the service stores for one shadow. An empty section object means the section is
 * absent. Metadata objects mirror the sections.
 */
struct StoredState
{
    QJsonObject desired;
    QJsonObject reported;
    QJsonObject desiredMetadata;
    QJsonObject reportedMetadata;
    qint64 version = 0;

    friend bool operator==(const StoredState &, const StoredState &) = default;

    /** GetThingShadow's body: state (desired, reported, delta each only when non-empty),
     *  metadata (desired, reported), version and timestamp @p now (epoch seconds). */
    QJsonObject toGetResponse(qint64 now) const;

    /** Compact UTF-8 size of {"desired":…,"reported":…} (absent sections left out). */
    qsizetype stateBytes() const;

    /** Persistence form (sections, metadata, version) and back; nullopt when malformed. */
    QJsonObject toJson() const;
    static std::optional<StoredState> fromJson(const QJsonObject &json);
};

/** A parsed UpdateThingShadow request body. */
struct UpdateRequest
{
    bool stateIsNull = false;            ///< {"state": null}: clear both sections
    std::optional<QJsonValue> desired;   ///< present in the request: an object or null
    std::optional<QJsonValue> reported;  ///< present in the request: an object or null
    std::optional<qint64> version;
    std::optional<QString> clientToken;
};

/**
 * Parses and validates an update body in AWS's check order: encoding (415), JSON (400
 * "Invalid JSON", also for null inside an array), state presence and type, section types
 * and invalid nodes, clientToken, version type, nesting depth.
 */
std::variant<UpdateRequest, ValidationError> parseUpdateRequest(const QByteArray &body,
                                                               const Limits &limits);

struct UpdateOutcome
{
    StoredState state;      ///< the state to store
    QJsonObject response;   ///< UpdateThingShadow's accepted document
};

/**
 * Applies a parsed update to @p current (nullopt: the shadow does not exist, and
 * @p previousVersion is its tombstone's version or 0). Checks the version (409 "Version
 * conflict"), merges, drops sections left empty, stamps metadata with @p now, checks the
 * size (413), and bumps the version by one. On error nothing is changed.
 */
std::variant<UpdateOutcome, ValidationError> applyUpdate(const std::optional<StoredState> &current,
                                                        qint64 previousVersion,
                                                        const UpdateRequest &request,
                                                        qint64 now, const Limits &limits);

} // namespace Shadow
