// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>

#include <optional>

namespace Aws {

/** An HTTP Date header's time: RFC 1123 with GMT or UTC ("Sun, 30 Aug 2015 12:36:00 GMT"),
 *  or with a numeric zone as botocore sends it; nullopt when it is neither. */
std::optional<QDateTime> parseHttpDate(QByteArrayView value);

/** @p time as an RFC 7231 IMF-fixdate ("Sun, 30 Aug 2015 12:36:00 GMT"). */
QByteArray formatHttpDate(const QDateTime &time);

} // namespace Aws
