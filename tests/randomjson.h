// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

/**
 * Seeded random shadow documents (no nulls, as a stored shadow never holds one) and edits of
 * them, for property tests and benchmarks. The same seed gives the same documents.
 */
class RandomJson
{
public:
    explicit RandomJson(quint32 seed)
        : m_random(seed)
    {
    }

    /** A number (whole or fractional), string, bool, or now and then an array of them. */
    QJsonValue leaf(bool allowArray)
    {
        switch (m_random.bounded(allowArray ? 6 : 5)) {
        case 0:
            return qint64(m_random.bounded(1000));
        case 1:
            return double(m_random.bounded(100000)) / 100.0;
        case 2:
            return QStringLiteral("value-%1").arg(m_random.bounded(100000));
        case 3:
            return m_random.bounded(2) == 1;
        case 4:
            return QString(QChar(0x3b1 + m_random.bounded(20))); // Greek letters
        default: {
            QJsonArray array;
            for (int i = m_random.bounded(4); i > 0; --i)
                array.append(leaf(false));
            return array;
        }
        }
    }

    /**
     * An object nesting at most @p levels levels (itself one; an array one more) with up to
     * @p width members, @p objectChance of which (roughly) are objects themselves.
     */
    QJsonObject object(int levels, int width, double objectChance = 0.3)
    {
        QJsonObject result;
        for (int i = m_random.bounded(width + 1); i > 0; --i) {
            const QString name = key();
            if (levels > 1 && m_random.generateDouble() < objectChance)
                result.insert(name, object(levels - 1, width, objectChance));
            else
                result.insert(name, leaf(levels > 1));
        }
        return result;
    }

    /**
     * @p document with about @p rate of its leaves edited: a new value (sometimes of another
     * type), removed, or joined by a new sibling. Nested objects are walked, not replaced.
     */
    QJsonObject edited(const QJsonObject &document, double rate, int levels)
    {
        QJsonObject result = document;
        for (auto it = document.begin(); it != document.end(); ++it) {
            if (it.value().isObject()) {
                result.insert(it.key(), edited(it.value().toObject(), rate, levels - 1));
                continue;
            }
            if (m_random.generateDouble() >= rate)
                continue;
            switch (m_random.bounded(4)) {
            case 0:
                result.insert(it.key(), leaf(levels > 1));
                break;
            case 1:
                result.remove(it.key());
                break;
            case 2:
                result.insert(QStringLiteral("new-%1").arg(m_random.bounded(1000000)),
                              leaf(levels > 1));
                break;
            default:
                result.insert(it.key(), levels > 2 ? QJsonValue(object(2, 2)) : leaf(false));
                break;
            }
        }
        return result;
    }

    /** A member name: mostly short ASCII, sometimes one that needs care (unicode, "/", "~"). */
    QString key()
    {
        static const QStringList special {
            QStringLiteral("a/b"),      QStringLiteral("~tilde"),
            QString::fromUtf8("grüße"), QString::fromUtf8("\xF0\x9F\x98\x80"),
            QString(QChar(0xFFFD)),     QString()
        };
        if (m_random.bounded(20) == 0)
            return special.at(m_random.bounded(int(special.size())));
        return QStringLiteral("k%1").arg(m_random.bounded(40));
    }

private:
    QRandomGenerator m_random;
};
