// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace {

// A hue at the lightness that keeps the contrast of the palette's text against its base, as
// SemanticColors::negativeText does for red.
QColor tinted(const QPalette &palette, int hue)
{
    const bool darkBase = palette.color(QPalette::Base).lightness() < 128;
    const int textLightness = palette.color(QPalette::Text).lightness();
    const int lightness
        = darkBase ? std::clamp(textLightness, 150, 200) : std::clamp(textLightness, 60, 100);
    return QColor::fromHsl(hue, 170, lightness);
}

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
    m_key.setForeground(tinted(palette, 210));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(tinted(palette, 120));
    m_number.setForeground(tinted(palette, 30));
    m_literal.setForeground(tinted(palette, 290));
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
