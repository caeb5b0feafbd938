// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "endpoint.h"

#include <QByteArray>
#include <QString>

#include <any>
#include <functional>
#include <optional>

namespace Iot {

/**
 * Turns a successful response body into the call's typed result; an empty std::any and
 * @p error when the body does not parse.
 */
using ResultParser = std::function<std::any(const QByteArray &body, QString *error)>;

/** A ResultParser over one of IotJson's parse functions. */
template<class T>
ResultParser makeParser(std::optional<T> (*parse)(const QByteArray &, QString *))
{
    return [parse](const QByteArray &body, QString *error) -> std::any {
        if (std::optional<T> value = parse(body, error))
            return std::move(*value);
        return {};
    };
}

/** One AWS operation as the executor sends it (every attempt sends the same bytes). */
struct ApiRequest
{
    QString operation;        ///< e.g. GetThingShadow, for the request log
    Endpoint endpoint;
    QByteArray method;        ///< GET, POST, DELETE
    QByteArray encodedPath;   ///< labels percent-encoded once, as on the wire
    QByteArray encodedQuery;  ///< without the '?'
    QByteArray body;
    Aws::HeaderList headers;  ///< sent and signed
    ResultParser parser;      ///< none: the call has no typed result
};

} // namespace Iot
