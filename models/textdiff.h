// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

/**
 * Line diff of two texts for side-by-side display, with the changed parts of changed lines.
 * A line ends at '\n'; a final '\n' ends the last line rather than starting an empty one, so
 * "a\n" and "a" have the same lines.
 */
namespace TextDiff {

/** A run of characters in one line: @p start is a 0-based QChar index into the line. */
struct Span
{
    int start = 0;
    int length = 0;
    friend bool operator==(const Span &, const Span &) = default;
};

/** One row of a side-by-side diff: a line on either side, or both. */
struct Row
{
    enum class Kind {
        Same, ///< the same line on both sides
        Removed, ///< a line only on the left
        Added, ///< a line only on the right
        Changed ///< a left line replaced by the right one
    };
    Kind kind = Kind::Same;
    int leftLine = -1; ///< 0-based, -1: no line on that side
    int rightLine = -1; ///< 0-based, -1: no line on that side
    QString left;
    QString right;
    QList<Span> leftSpans; ///< intra-line differences (Changed rows only)
    QList<Span> rightSpans; ///< intra-line differences (Changed rows only)
};

/**
 * Line diff (Myers' O(ND), linear space; lines only on one side set aside first) of @p left
 * and @p right, aligned for side-by-side display: a removed block facing an added block is paired
 * line by line as Changed rows, the longer block's rest as Removed or Added rows. A Changed row's
 * spans are the words, whitespace runs and punctuation that differ (merged where adjacent); a very
 * long pair of lines gets one span each, between their common prefix and suffix.
 */
QList<Row> sideBySide(const QString &left, const QString &right);

} // namespace TextDiff
