// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

class QJsonObject;

/**
 * JSON as text, in the order its author wrote it: checking with positions, re-indenting and
 * compacting. Works on the text itself, not through QJsonObject (which sorts keys), so numbers,
 * escapes and member order stay exactly as written.
 */
namespace JsonText {

/** Where and why a text is not one JSON object. */
struct ParseError
{
    int offset = 0; ///< 0-based QChar index into the text
    int line = 1; ///< 1-based line (lines end at '\n')
    int column = 1; ///< 1-based column, in QChars from the line's start
    QString message; ///< the reason in plain words, e.g. "Missing comma between members"
};

/**
 * nullopt when @p text is one valid JSON object (whitespace around allowed); otherwise where
 * and why (e.g. "Missing comma between members", "A shadow document must be a JSON object").
 * Duplicate member names are an error too: QJsonObject would silently keep only the last.
 */
std::optional<ParseError> checkObject(const QString &text);

/**
 * @p text re-indented with @p indent spaces per level, members in their order, "name": value,
 * empty objects and arrays as {} and [], no trailing newline. Strings and numbers are copied
 * verbatim. @p text must be valid JSON (any value); otherwise it is returned unchanged.
 */
QString format(const QString &text, int indent = 2);

/** @p text without insignificant whitespace, in its order (unchanged when not valid JSON). */
QString compact(const QString &text);

/** @p object as indented text (keys sorted as QJsonObject keeps them), no trailing newline. */
QString toText(const QJsonObject &object, int indent = 2);

} // namespace JsonText
