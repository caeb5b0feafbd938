// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validationerror.h"

#include <QString>

#include <optional>

namespace Shadow {

/** 1–128 characters of [a-zA-Z0-9:_-]. */
std::optional<ValidationError> validateThingName(const QString &name);

/** 1–64 characters of [$a-zA-Z0-9:_-] (the leading-$ form of newer models is accepted). */
std::optional<ValidationError> validateShadowName(const QString &name);

/**
 * A topic a client may publish to over HTTPS: not empty, at most 256 UTF-8 bytes and 7
 * slashes (the $aws/rules/<rule>/ prefix not counted), no + or # wildcards, and a reserved
 * $ topic only where AWS allows publishing, never with @p retain.
 */
std::optional<ValidationError> validatePublishTopic(const QString &topic, bool retain);

/**
 * If @p topic is a shadow command topic ($aws/things/<thing>/shadow[/name/<shadow>]/update),
 * returns the thing and shadow name (empty for classic).
 */
struct ShadowTopic
{
    QString thingName;
    QString shadowName;
    QString command; ///< "update", "get" or "delete"
};
std::optional<ShadowTopic> parseShadowTopic(const QString &topic);

} // namespace Shadow
