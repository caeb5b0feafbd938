// SPDX-License-Identifier: GPL-3.0-or-later
#include "threewaymerge.h"

#include "delta.h"
#include "jsonkeyunion.h"

namespace Shadow {

namespace {

std::optional<QJsonValue> presentValue(const QJsonValue &value)
{
    return value.isUndefined() ? std::nullopt : std::optional<QJsonValue>(value);
}

class Merger
{
public:
    explicit Merger(ThreeWayMergeResult &result)
        : m_result(result)
    {
    }

    /** Merges three objects found at m_path; @p changed tells whether the result differs
     *  from @p theirs, which it starts as (so unchanged subtrees are shared, not rebuilt). */
    QJsonObject merge(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs,
                      bool &changed)
    {
        QJsonObject merged = theirs;
        forEachKeyOfUnion<3>({ &base, &mine, &theirs },
                             [&](const QString &key, const std::array<QJsonValue, 3> &values) {
                                 m_path.append(key);
                                 if (mergeKey(merged, key, values[0], values[1], values[2]))
                                     changed = true;
                                 m_path.removeLast();
                             });
        return merged;
    }

private:
    /** Merges one key into @p merged (which holds theirs); true when it changed. */
    bool mergeKey(QJsonObject &merged, const QString &key, const QJsonValue &base,
                  const QJsonValue &mine, const QJsonValue &theirs)
    {
        // Objects on both sides recurse straight away: comparing them whole first would walk
        // every unchanged subtree twice, and the recursion reaches the same answer per key.
        if (mine.isObject() && theirs.isObject() && (base.isObject() || base.isUndefined())) {
            bool nestedChanged = false;
            const QJsonObject nested
                = merge(base.toObject(), mine.toObject(), theirs.toObject(), nestedChanged);
            if (nestedChanged)
                merged.insert(key, nested);
            return nestedChanged;
        }
        if (jsonEqual(mine, base) || jsonEqual(mine, theirs))
            return false;
        if (jsonEqual(theirs, base)) {
            appendJsonDiff(m_result.mineApplied, m_path, theirs, mine);
            if (mine.isUndefined())
                merged.remove(key);
            else
                merged.insert(key, mine);
            return true;
        }
        m_result.conflicts.append(
            { m_path, presentValue(base), presentValue(mine), presentValue(theirs) });
        return false;
    }

    ThreeWayMergeResult &m_result;
    JsonPath m_path;
};

QJsonObject withValueFrom(const QJsonObject &object, const JsonPath &path, qsizetype index,
                          const std::optional<QJsonValue> &value)
{
    const QString &key = path.at(index);
    QJsonObject result = object;
    if (index + 1 == path.size()) {
        if (value)
            result.insert(key, *value);
        else
            result.remove(key);
        return result;
    }
    const auto child = object.constFind(key);
    const bool childIsObject = child != object.constEnd() && child.value().isObject();
    if (!value && !childIsObject)
        return result; // nothing below to remove
    const QJsonObject childObject = childIsObject ? child.value().toObject() : QJsonObject();
    result.insert(key, withValueFrom(childObject, path, index + 1, value));
    return result;
}

} // namespace

ThreeWayMergeResult threeWayMerge(const QJsonObject &base, const QJsonObject &mine,
                                  const QJsonObject &theirs)
{
    ThreeWayMergeResult result;
    bool changed = false;
    result.merged = Merger(result).merge(base, mine, theirs, changed);
    return result;
}

QJsonObject withValueAt(const QJsonObject &root, const JsonPath &path,
                        const std::optional<QJsonValue> &value)
{
    return path.isEmpty() ? root : withValueFrom(root, path, 0, value);
}

} // namespace Shadow
