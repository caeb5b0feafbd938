// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

namespace Shadow {

/**
 * Calls @p visit(key, values) once for every key of the union of @p objects, in ascending
 * QString order (the order QJsonObject::insert() keeps). values[i] is objects[i]'s value for
 * the key, or Undefined where objects[i] lacks it. The walk over N objects of n keys is
 * O(N·n) when their keys are already in that order, as they nearly always are.
 *
 * It sorts rather than trusting iteration order because QJsonDocument::fromJson() orders keys
 * by code point and QJsonObject::insert() by UTF-16 unit, which disagree for keys beyond the
 * BMP; a merge over mis-ordered keys would report one key as both removed and added.
 * @see diffJson(), createMergePatch(), threeWayMerge()
 */
template<std::size_t N, typename Visitor>
void forEachKeyOfUnion(const std::array<const QJsonObject *, N> &objects, Visitor &&visit)
{
    using Entry = std::pair<QString, qsizetype>; // key, position in its object
    std::array<QList<Entry>, N> entries;
    for (std::size_t i = 0; i < N; ++i) {
        const QJsonObject &object = *objects[i];
        entries[i].reserve(object.size());
        qsizetype position = 0;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            entries[i].append({ it.key(), position++ });
        const auto byKey = [](const Entry &a, const Entry &b) { return a.first < b.first; };
        if (!std::is_sorted(entries[i].cbegin(), entries[i].cend(), byKey))
            std::sort(entries[i].begin(), entries[i].end(), byKey);
    }
    std::array<qsizetype, N> next {};
    std::array<QJsonValue, N> values;
    for (;;) {
        const QString *smallest = nullptr;
        for (std::size_t i = 0; i < N; ++i) {
            if (next[i] < entries[i].size()
                && (!smallest || entries[i].at(next[i]).first < *smallest)) {
                smallest = &entries[i].at(next[i]).first;
            }
        }
        if (!smallest)
            return;
        const QString key = *smallest;
        for (std::size_t i = 0; i < N; ++i) {
            if (next[i] < entries[i].size() && entries[i].at(next[i]).first == key) {
                values[i] = (objects[i]->constBegin() + entries[i].at(next[i]).second).value();
                ++next[i];
            } else {
                values[i] = QJsonValue(QJsonValue::Undefined);
            }
        }
        visit(key, std::as_const(values));
    }
}

} // namespace Shadow
