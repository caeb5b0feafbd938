// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QPalette;

/**
 * Colours JSON text: object keys, strings, numbers, the literals true, false and null, and
 * punctuation, with colours derived from a palette (setPalette(), again on
 * QEvent::PaletteChange) so light and dark themes keep their contrast.
 */
class JsonHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Token { Key, String, Number, Literal, Punctuation };
    Q_ENUM(Token)

    /** Highlights @p document with colours from the application's palette. */
    explicit JsonHighlighter(QTextDocument *document);

    /** Derives the colours from @p palette and highlights the document again. */
    void setPalette(const QPalette &palette);
    /** The format used for @p token. */
    QTextCharFormat tokenFormat(Token token) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_punctuation;
};
