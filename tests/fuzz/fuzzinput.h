// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <cstdint>
#include <cstdlib>

/**
 * A fuzz input cut into fields at NUL bytes (so a corpus file stays readable text), with
 * missing fields empty.
 */
class FuzzInput
{
public:
    FuzzInput(const uint8_t *data, size_t size)
        : m_fields(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)).split('\0'))
    {
    }

    QByteArray field(qsizetype i) const { return m_fields.value(i); }
    qsizetype count() const { return m_fields.size(); }

    /** Field @p i parsed as a JSON object; empty when it is not one. */
    QJsonObject object(qsizetype i) const
    {
        const QJsonDocument document = QJsonDocument::fromJson(field(i));
        return document.isObject() ? document.object() : QJsonObject();
    }

private:
    QList<QByteArray> m_fields;
};

/** A broken invariant: abort, so libFuzzer (or the replay test) reports the input. */
#define FUZZ_ASSERT(condition)                                                                      \
    do {                                                                                            \
        if (!(condition)) {                                                                         \
            std::fprintf(stderr, "invariant broken: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
            std::abort();                                                                           \
        }                                                                                           \
    } while (false)
