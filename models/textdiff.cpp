// SPDX-License-Identifier: GPL-3.0-or-later
#include "textdiff.h"

#include <QHash>
#include <QStringView>

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

namespace {

// Above this many tokens in a pair of lines, the words are not diffed (quadratic worst case).
constexpr qsizetype MaxTokensPerPair = 4000;

// Myers' diff in linear space (the divide and conquer on the middle snake, as GNU diff's
// compareseq), marking which elements of each sequence are not in the common subsequence.
class Myers
{
public:
    Myers(const std::vector<int> &a, const std::vector<int> &b)
        : removed(a.size(), false)
        , added(b.size(), false)
        , m_a(a)
        , m_b(b)
        , m_offset(qsizetype(b.size()) + 1)
        , m_forward(a.size() + b.size() + 3)
        , m_backward(a.size() + b.size() + 3)
    {
        compare(0, int(a.size()), 0, int(b.size()));
    }

    std::vector<bool> removed;
    std::vector<bool> added;

private:
    int &fd(int diagonal) { return m_forward[size_t(diagonal + m_offset)]; }
    int &bd(int diagonal) { return m_backward[size_t(diagonal + m_offset)]; }

    void compare(int xoff, int xlim, int yoff, int ylim)
    {
        while (xoff < xlim && yoff < ylim && m_a[size_t(xoff)] == m_b[size_t(yoff)]) {
            ++xoff;
            ++yoff;
        }
        while (xoff < xlim && yoff < ylim && m_a[size_t(xlim - 1)] == m_b[size_t(ylim - 1)]) {
            --xlim;
            --ylim;
        }
        if (xoff == xlim) {
            std::fill(added.begin() + yoff, added.begin() + ylim, true);
        } else if (yoff == ylim) {
            std::fill(removed.begin() + xoff, removed.begin() + xlim, true);
        } else {
            const auto [x, y] = middle(xoff, xlim, yoff, ylim);
            compare(xoff, x, yoff, y);
            compare(x, xlim, y, ylim);
        }
    }

    // A point on a shortest edit path through the box, strictly inside it.
    std::pair<int, int> middle(int xoff, int xlim, int yoff, int ylim)
    {
        const int dmin = xoff - ylim;
        const int dmax = xlim - yoff;
        const int fmid = xoff - yoff;
        const int bmid = xlim - ylim;
        int fmin = fmid;
        int fmax = fmid;
        int bmin = bmid;
        int bmax = bmid;
        const bool odd = ((fmid - bmid) & 1) != 0;
        fd(fmid) = xoff;
        bd(bmid) = xlim;
        for (;;) {
            if (fmin > dmin)
                fd(--fmin - 1) = -1;
            else
                ++fmin;
            if (fmax < dmax)
                fd(++fmax + 1) = -1;
            else
                --fmax;
            for (int d = fmax; d >= fmin; d -= 2) {
                const int low = fd(d - 1);
                const int high = fd(d + 1);
                int x = low < high ? high : low + 1;
                int y = x - d;
                while (x < xlim && y < ylim && m_a[size_t(x)] == m_b[size_t(y)]) {
                    ++x;
                    ++y;
                }
                fd(d) = x;
                if (odd && bmin <= d && d <= bmax && bd(d) <= x)
                    return { x, y };
            }
            if (bmin > dmin)
                bd(--bmin - 1) = std::numeric_limits<int>::max();
            else
                ++bmin;
            if (bmax < dmax)
                bd(++bmax + 1) = std::numeric_limits<int>::max();
            else
                --bmax;
            for (int d = bmax; d >= bmin; d -= 2) {
                const int low = bd(d - 1);
                const int high = bd(d + 1);
                int x = low < high ? low : high - 1;
                int y = x - d;
                while (xoff < x && yoff < y && m_a[size_t(x - 1)] == m_b[size_t(y - 1)]) {
                    --x;
                    --y;
                }
                bd(d) = x;
                if (!odd && fmin <= d && d <= fmax && x <= fd(d))
                    return { x, y };
            }
        }
    }

    const std::vector<int> &m_a;
    const std::vector<int> &m_b;
    qsizetype m_offset;
    std::vector<int> m_forward;
    std::vector<int> m_backward;
};

QList<QStringView> splitLines(QStringView text)
{
    QList<QStringView> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0)
            end = text.size();
        lines.append(text.mid(start, end - start));
        start = end + 1;
    }
    return lines;
}

// Words (letters, digits, '_'), whitespace runs and single other characters.
QList<QStringView> tokens(QStringView line)
{
    QList<QStringView> result;
    qsizetype i = 0;
    while (i < line.size()) {
        const auto word = [](QChar c) { return c.isLetterOrNumber() || c == u'_'; };
        qsizetype end = i + 1;
        if (word(line.at(i))) {
            while (end < line.size() && word(line.at(end)))
                ++end;
        } else if (line.at(i).isSpace()) {
            while (end < line.size() && line.at(end).isSpace())
                ++end;
        }
        result.append(line.mid(i, end - i));
        i = end;
    }
    return result;
}

// The same id for equal strings, across both sides.
class Interner
{
public:
    std::vector<int> ids(const QList<QStringView> &strings)
    {
        std::vector<int> result;
        result.reserve(size_t(strings.size()));
        for (const QStringView string : strings) {
            auto it = m_ids.constFind(string);
            if (it == m_ids.constEnd())
                it = m_ids.insert(string, int(m_ids.size()));
            result.push_back(it.value());
        }
        return result;
    }

    int count() const { return int(m_ids.size()); }

private:
    QHash<QStringView, int> m_ids;
};

// Which elements of @p a and @p b (ids below @p idCount) are not in their longest common
// subsequence. Elements missing from the other side cannot be in it, so they are set aside
// before Myers runs (as GNU diff does): two unrelated texts then cost linear time.
struct Changes
{
    std::vector<bool> removed;
    std::vector<bool> added;
};

Changes changes(const std::vector<int> &a, const std::vector<int> &b, int idCount)
{
    std::vector<bool> inA(size_t(idCount), false);
    std::vector<bool> inB(size_t(idCount), false);
    for (const int id : a)
        inA[size_t(id)] = true;
    for (const int id : b)
        inB[size_t(id)] = true;
    const auto shared = [](const std::vector<int> &ids, const std::vector<bool> &other,
                           std::vector<int> &kept, std::vector<size_t> &at) {
        for (size_t i = 0; i < ids.size(); ++i) {
            if (other[size_t(ids[i])]) {
                kept.push_back(ids[i]);
                at.push_back(i);
            }
        }
    };
    std::vector<int> keptA;
    std::vector<int> keptB;
    std::vector<size_t> atA;
    std::vector<size_t> atB;
    shared(a, inB, keptA, atA);
    shared(b, inA, keptB, atB);
    const Myers myers(keptA, keptB);
    Changes result { std::vector<bool>(a.size(), true), std::vector<bool>(b.size(), true) };
    for (size_t i = 0; i < atA.size(); ++i)
        result.removed[atA[i]] = myers.removed[i];
    for (size_t i = 0; i < atB.size(); ++i)
        result.added[atB[i]] = myers.added[i];
    return result;
}

// Marked tokens as character spans, adjacent ones merged.
QList<TextDiff::Span> spans(const QList<QStringView> &tokens, const std::vector<bool> &marked)
{
    QList<TextDiff::Span> result;
    int position = 0;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const int length = int(tokens.at(i).size());
        if (marked[size_t(i)]) {
            if (!result.isEmpty() && result.last().start + result.last().length == position)
                result.last().length += length;
            else
                result.append({ position, length });
        }
        position += length;
    }
    return result;
}

void diffLinePair(TextDiff::Row &row)
{
    const QList<QStringView> left = tokens(row.left);
    const QList<QStringView> right = tokens(row.right);
    if (left.size() + right.size() > MaxTokensPerPair) {
        const qsizetype shorter = std::min(row.left.size(), row.right.size());
        qsizetype prefix = 0;
        while (prefix < shorter && row.left.at(prefix) == row.right.at(prefix))
            ++prefix;
        qsizetype suffix = 0;
        while (suffix < shorter - prefix
               && row.left.at(row.left.size() - 1 - suffix)
                   == row.right.at(row.right.size() - 1 - suffix))
            ++suffix;
        if (row.left.size() > prefix + suffix)
            row.leftSpans = { { int(prefix), int(row.left.size() - prefix - suffix) } };
        if (row.right.size() > prefix + suffix)
            row.rightSpans = { { int(prefix), int(row.right.size() - prefix - suffix) } };
        return;
    }
    Interner interner;
    const std::vector<int> a = interner.ids(left);
    const std::vector<int> b = interner.ids(right);
    const Changes changed = changes(a, b, interner.count());
    row.leftSpans = spans(left, changed.removed);
    row.rightSpans = spans(right, changed.added);
}

} // namespace

namespace TextDiff {

QList<Row> sideBySide(const QString &left, const QString &right)
{
    const QList<QStringView> leftLines = splitLines(left);
    const QList<QStringView> rightLines = splitLines(right);
    Interner interner;
    const std::vector<int> a = interner.ids(leftLines);
    const std::vector<int> b = interner.ids(rightLines);
    const Changes changed = changes(a, b, interner.count());

    QList<Row> rows;
    rows.reserve(std::max(leftLines.size(), rightLines.size()));
    int i = 0;
    int j = 0;
    const int leftCount = int(leftLines.size());
    const int rightCount = int(rightLines.size());
    while (i < leftCount || j < rightCount) {
        if (i < leftCount && j < rightCount && !changed.removed[size_t(i)]
            && !changed.added[size_t(j)]) {
            Row row;
            row.leftLine = i;
            row.rightLine = j;
            row.left = leftLines.at(i).toString();
            row.right = row.left;
            rows.append(std::move(row));
            ++i;
            ++j;
            continue;
        }
        int removedEnd = i;
        while (removedEnd < leftCount && changed.removed[size_t(removedEnd)])
            ++removedEnd;
        int addedEnd = j;
        while (addedEnd < rightCount && changed.added[size_t(addedEnd)])
            ++addedEnd;
        while (i < removedEnd || j < addedEnd) {
            Row row;
            if (i < removedEnd) {
                row.leftLine = i;
                row.left = leftLines.at(i).toString();
            }
            if (j < addedEnd) {
                row.rightLine = j;
                row.right = rightLines.at(j).toString();
            }
            if (i < removedEnd && j < addedEnd) {
                row.kind = Row::Kind::Changed;
                diffLinePair(row);
            } else {
                row.kind = i < removedEnd ? Row::Kind::Removed : Row::Kind::Added;
            }
            if (i < removedEnd)
                ++i;
            if (j < addedEnd)
                ++j;
            rows.append(std::move(row));
        }
    }
    return rows;
}

} // namespace TextDiff
