// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonhighlighter.h"

#include "semanticcolors.h"

#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace {

bool isNumberChar(QChar c)
{
    return c.isDigit() || c == u'-' || c == u'+' || c == u'.' || c == u'e' || c == u'E';
}

} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setPalette(QGuiApplication::palette());
}

void JsonHighlighter::setPalette(const QPalette &palette)
{
    m_key.setForeground(SemanticColors::tintedText(palette, 210));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(SemanticColors::tintedText(palette, 120));
    m_number.setForeground(SemanticColors::tintedText(palette, 30));
    m_literal.setForeground(SemanticColors::tintedText(palette, 290));
    m_punctuation.setForeground(palette.color(QPalette::PlaceholderText));
    rehighlight();
}

QTextCharFormat JsonHighlighter::tokenFormat(Token token) const
{
    switch (token) {
    case Token::Key:
        return m_key;
    case Token::String:
        return m_string;
    case Token::Number:
        return m_number;
    case Token::Literal:
        return m_literal;
    case Token::Punctuation:
        return m_punctuation;
    }
    return {};
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    // JSON strings never span lines, so each line is scanned on its own.
    const qsizetype length = text.size();
    qsizetype i = 0;
    while (i < length) {
        const QChar c = text.at(i);
        if (c == u'"') {
            qsizetype end = i + 1;
            while (end < length && text.at(end) != u'"')
                end += text.at(end) == u'\\' ? 2 : 1;
            end = std::min(end + 1, length);
            qsizetype next = end;
            while (next < length && text.at(next).isSpace())
                ++next;
            const bool key = next < length && text.at(next) == u':';
            setFormat(int(i), int(end - i), key ? m_key : m_string);
            i = end;
        } else if (c.isDigit() || c == u'-') {
            qsizetype end = i + 1;
            while (end < length && isNumberChar(text.at(end)))
                ++end;
            setFormat(int(i), int(end - i), m_number);
            i = end;
        } else if (c.isLetter()) {
            qsizetype end = i + 1;
            while (end < length && text.at(end).isLetter())
                ++end;
            const QStringView word = QStringView(text).mid(i, end - i);
            if (word == u"true" || word == u"false" || word == u"null")
                setFormat(int(i), int(end - i), m_literal);
            i = end;
        } else {
            if (c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u':' || c == u',')
                setFormat(int(i), 1, m_punctuation);
            ++i;
        }
    }
}
