// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

/**
 * How a retained message's payload is shown: what it is, a hex dump for bytes, and indented
 * JSON. Pure functions, independent of any widget.
 */
namespace Payload {

enum class Kind {
    Empty,  ///< no bytes
    Json,   ///< a JSON object or array (as AWS IoT's JSON payloads are)
    Text,   ///< valid UTF-8 without control characters other than tab, CR and LF
    Binary, ///< anything else
};

/** What @p payload is; JSON wins over text, text over binary. */
Kind detectKind(const QByteArray &payload);

/** "JSON", "UTF-8 text", "binary" or "empty", for the user. */
QString kindName(Kind kind);

/**
 * Sixteen bytes a line: an 8-digit hex offset, the bytes in hex (an extra space after the
 * eighth) and their printable ASCII between bars, a dot for anything else:
 * "00000000  48 65 6c 6c 6f                                    |Hello|". Lines end in '\n'.
 */
QString hexDump(const QByteArray &payload);

/** @p payload (a JSON object or array) indented by four spaces; empty when it is not JSON. */
QString prettyJson(const QByteArray &payload);

} // namespace Payload
