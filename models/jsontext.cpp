// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsontext.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringView>

namespace {

// QJsonDocument refuses deeper documents, so the check stops at the same depth.
constexpr int MaxDepth = 1024;

bool isJsonSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isHexDigit(QChar c)
{
    return isDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

QString tr(const char *text)
{
    return QCoreApplication::translate("JsonText", text);
}

// A recursive-descent check of RFC 8259 JSON that stops at the first error, remembering where.
class Checker
{
public:
    explicit Checker(QStringView text)
        : m_text(text)
    {
    }

    // True when the text is one value (one object when @p requireObject), whitespace around.
    bool document(bool requireObject)
    {
        skipSpace();
        if (atEnd())
            return fail(m_pos, tr("The text is empty: a shadow document must be a JSON object"));
        if (requireObject && peek() != u'{')
            return fail(m_pos, tr("A shadow document must be a JSON object"));
        if (!value(0))
            return false;
        skipSpace();
        if (!atEnd())
            return fail(m_pos, tr("Unexpected text after the end of the document"));
        return true;
    }

    qsizetype errorOffset() const { return m_errorOffset; }
    QString errorMessage() const { return m_message; }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return m_text.at(m_pos); }

    void skipSpace()
    {
        while (!atEnd() && isJsonSpace(peek()))
            ++m_pos;
    }

    bool fail(qsizetype offset, const QString &message)
    {
        m_errorOffset = offset;
        m_message = message;
        return false;
    }

    bool value(int depth)
    {
        if (atEnd())
            return fail(m_pos, tr("Unexpected end of text: a value is missing"));
        const QChar c = peek();
        if (c == u'{')
            return object(depth + 1);
        if (c == u'[')
            return array(depth + 1);
        if (c == u'"')
            return string();
        if (c == u'-' || isDigit(c))
            return number();
        if (c == u'\'')
            return fail(m_pos, tr("Strings must be in double quotes"));
        if (c.isLetter()) {
            qsizetype end = m_pos;
            while (end < m_text.size() && m_text.at(end).isLetter())
                ++end;
            const QStringView word = m_text.mid(m_pos, end - m_pos);
            if (word == u"true" || word == u"false" || word == u"null") {
                m_pos = end;
                return true;
            }
            return fail(m_pos,
                        tr("Unknown word \"%1\": a value is a string in double quotes, a "
                           "number, an object, an array, true, false or null")
                            .arg(word));
        }
        return fail(m_pos,
                    tr("Expected a value: a string, number, object, array, true, false "
                       "or null"));
    }

    bool object(int depth)
    {
        if (depth > MaxDepth)
            return fail(m_pos, tr("Nested too deeply (more than %1 levels)").arg(MaxDepth));
        ++m_pos; // {
        QSet<QStringView> names;
        skipSpace();
        if (!atEnd() && peek() == u'}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (atEnd())
                return fail(m_pos, tr("Unexpected end of text: an object is not closed with }"));
            if (peek() != u'"') {
                if (peek() == u'}')
                    return fail(m_pos, tr("Trailing comma after the last member"));
                return fail(m_pos, tr("Expected a member name in double quotes"));
            }
            const qsizetype nameStart = m_pos;
            if (!string())
                return false;
            const QStringView name = m_text.mid(nameStart + 1, m_pos - nameStart - 2);
            if (names.contains(name))
                return fail(nameStart, tr("Duplicate member name \"%1\"").arg(name));
            names.insert(name);
            skipSpace();
            if (atEnd() || peek() != u':')
                return fail(m_pos, tr("Missing colon after the member name"));
            ++m_pos;
            skipSpace();
            if (!value(depth))
                return false;
            skipSpace();
            if (atEnd())
                return fail(m_pos, tr("Unexpected end of text: an object is not closed with }"));
            if (peek() == u'}') {
                ++m_pos;
                return true;
            }
            if (peek() != u',') {
                if (peek() == u'"')
                    return fail(m_pos, tr("Missing comma between members"));
                return fail(m_pos, tr("Expected , or } after the member's value"));
            }
            ++m_pos;
        }
    }

    bool array(int depth)
    {
        if (depth > MaxDepth)
            return fail(m_pos, tr("Nested too deeply (more than %1 levels)").arg(MaxDepth));
        ++m_pos; // [
        skipSpace();
        if (!atEnd() && peek() == u']') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (!atEnd() && peek() == u']')
                return fail(m_pos, tr("Trailing comma after the last element"));
            if (!atEnd() && peek() == u',')
                return fail(m_pos, tr("Expected a value before the comma"));
            if (!value(depth))
                return false;
            skipSpace();
            if (atEnd())
                return fail(m_pos, tr("Unexpected end of text: an array is not closed with ]"));
            if (peek() == u']') {
                ++m_pos;
                return true;
            }
            if (peek() != u',') {
                const QChar c = peek();
                if (c == u'"' || c == u'{' || c == u'[' || c == u'-' || isDigit(c) || c.isLetter())
                    return fail(m_pos, tr("Missing comma between array elements"));
                return fail(m_pos, tr("Expected , or ] after the array element"));
            }
            ++m_pos;
        }
    }

    bool string()
    {
        const qsizetype start = m_pos;
        ++m_pos; // "
        while (!atEnd()) {
            const QChar c = peek();
            if (c == u'"') {
                ++m_pos;
                return true;
            }
            if (c == u'\n')
                break;
            if (c.unicode() < 0x20)
                return fail(m_pos, tr("Control characters in a string must be escaped"));
            if (c == u'\\') {
                if (m_pos + 1 >= m_text.size())
                    break;
                const QChar escaped = m_text.at(m_pos + 1);
                if (escaped == u'u') {
                    for (qsizetype i = m_pos + 2; i < m_pos + 6; ++i) {
                        if (i >= m_text.size() || !isHexDigit(m_text.at(i)))
                            return fail(m_pos,
                                        tr("Invalid \\u escape: four hex digits must follow"));
                    }
                    m_pos += 6;
                    continue;
                }
                if (!QStringView(u"\"\\/bfnrt").contains(escaped))
                    return fail(m_pos, tr("Invalid escape sequence \\%1").arg(escaped));
                m_pos += 2;
                continue;
            }
            ++m_pos;
        }
        return fail(start, tr("Unterminated string: the closing \" is missing"));
    }

    bool number()
    {
        const qsizetype start = m_pos;
        if (peek() == u'-')
            ++m_pos;
        if (atEnd() || !isDigit(peek()))
            return fail(start, tr("Invalid number: a digit must follow the minus sign"));
        if (peek() == u'0' && m_pos + 1 < m_text.size() && isDigit(m_text.at(m_pos + 1)))
            return fail(start, tr("Invalid number: leading zeros are not allowed"));
        while (!atEnd() && isDigit(peek()))
            ++m_pos;
        if (!atEnd() && peek() == u'.') {
            ++m_pos;
            if (atEnd() || !isDigit(peek()))
                return fail(start, tr("Invalid number: a digit must follow the decimal point"));
            while (!atEnd() && isDigit(peek()))
                ++m_pos;
        }
        if (!atEnd() && (peek() == u'e' || peek() == u'E')) {
            ++m_pos;
            if (!atEnd() && (peek() == u'+' || peek() == u'-'))
                ++m_pos;
            if (atEnd() || !isDigit(peek()))
                return fail(start, tr("Invalid number: the exponent has no digits"));
            while (!atEnd() && isDigit(peek()))
                ++m_pos;
        }
        return true;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    qsizetype m_errorOffset = 0;
    QString m_message;
};

// The tokens of valid JSON: punctuation, whole strings, and runs of number or literal
// characters, in order, whitespace dropped.
template<typename Visit> void forEachToken(QStringView text, Visit visit)
{
    qsizetype i = 0;
    const qsizetype size = text.size();
    while (i < size) {
        const QChar c = text.at(i);
        if (isJsonSpace(c)) {
            ++i;
        } else if (c == u'"') {
            qsizetype end = i + 1;
            while (end < size && text.at(end) != u'"')
                end += text.at(end) == u'\\' ? 2 : 1;
            visit(text.mid(i, end + 1 - i));
            i = end + 1;
        } else if (c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u':' || c == u',') {
            visit(text.mid(i, 1));
            ++i;
        } else {
            qsizetype end = i + 1;
            while (end < size && !isJsonSpace(text.at(end))
                   && !QStringView(u"{}[]:,\"").contains(text.at(end)))
                ++end;
            visit(text.mid(i, end - i));
            i = end;
        }
    }
}

bool isValidJson(QStringView text)
{
    return Checker(text).document(false);
}

} // namespace

namespace JsonText {

std::optional<ParseError> checkObject(const QString &text)
{
    Checker checker(text);
    if (checker.document(true))
        return std::nullopt;
    ParseError error;
    error.offset = int(checker.errorOffset());
    const QStringView before = QStringView(text).left(checker.errorOffset());
    error.line = int(before.count(u'\n')) + 1;
    error.column = int(before.size() - (before.lastIndexOf(u'\n') + 1)) + 1;
    error.message = checker.errorMessage();
    return error;
}

QString format(const QString &text, int indent)
{
    if (!isValidJson(text))
        return text;
    QString out;
    out.reserve(text.size() * 2);
    int level = 0;
    bool openPending = false; // an opening bracket waits to see whether its pair is empty
    const auto newLine = [&] {
        out += u'\n';
        out += QString(level * indent, u' ');
    };
    forEachToken(text, [&](QStringView token) {
        const QChar c = token.at(0);
        const bool closing = token.size() == 1 && (c == u'}' || c == u']');
        if (openPending) {
            openPending = false;
            if (closing) {
                out += c;
                return;
            }
            ++level;
            newLine();
        }
        if (token.size() == 1 && (c == u'{' || c == u'[')) {
            out += c;
            openPending = true;
        } else if (closing) {
            --level;
            newLine();
            out += c;
        } else if (token.size() == 1 && c == u',') {
            out += c;
            newLine();
        } else if (token.size() == 1 && c == u':') {
            out += QLatin1String(": ");
        } else {
            out += token;
        }
    });
    return out;
}

QString compact(const QString &text)
{
    if (!isValidJson(text))
        return text;
    QString out;
    out.reserve(text.size());
    forEachToken(text, [&](QStringView token) { out += token; });
    return out;
}

QString toText(const QJsonObject &object, int indent)
{
    return format(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)), indent);
}

} // namespace JsonText
