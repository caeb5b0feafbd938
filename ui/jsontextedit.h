// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jsontext.h"

#include <QPlainTextEdit>

#include <optional>

class JsonHighlighter;
class QJsonObject;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

/**
 * A plain-text editor for one JSON object (a shadow document): monospace, highlighted
 * (JsonHighlighter), with a line-number gutter, bracket matching, live validation that marks
 * the error's spot and line, formatting and compacting as single undo steps, and an inline
 * search bar. Tab inserts two spaces; Enter keeps the line's indentation (one level more after
 * { or [).
 *
 * The extra selections it shows carry their purpose in the QTextFormat::UserProperty property
 * (a SelectionKind), so callers adding their own can keep these.
 */
class JsonTextEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    /** What an extra selection shows (its format's QTextFormat::UserProperty). */
    enum class SelectionKind { Error = 1, ErrorLine, Bracket, UnmatchedBracket };
    Q_ENUM(SelectionKind)

    explicit JsonTextEdit(QWidget *parent = nullptr);
    ~JsonTextEdit() override;

    /** Replaces the text (clearing undo history), validates it at once and emits
     *  validityChanged() with the result. Hides QPlainTextEdit::setPlainText. */
    void setPlainText(const QString &text);

    /** Whether the text is one JSON object (always current, even before the debounce ends). */
    bool isValid() const;
    /** Where and why the text is not one JSON object; nullopt when it is. */
    std::optional<JsonText::ParseError> error() const;
    /** The parsed object ({} when invalid). */
    QJsonObject object() const;

    /** Re-indents the text (Ctrl+Shift+F) as one undo step, the cursor kept at the same token;
     *  does nothing while the text is invalid or read-only. @see JsonText::format */
    void formatText();
    /** Removes insignificant whitespace (Ctrl+Shift+M) as one undo step (not when
     *  invalid or read-only). @see JsonText::compact */
    void compactText();
    /** Shows the inline search bar under the text (Ctrl+F) and focuses its field (object name
     *  "jsonSearchField"): Enter/F3 next, Shift+Enter/Shift+F3 previous, Escape closes; its label
     *  ("jsonSearchCount") reads "n of m". */
    void showSearch();
    /** The search bar (object name "jsonSearchBar"), hidden until showSearch(). */
    QWidget *searchBar() const;
    /** Selects the next match of the search field's text after the cursor, wrapping (F3). */
    void findNext();
    /** Selects the previous match before the cursor, wrapping (Shift+F3). */
    void findPrevious();

    /** The gutter's width for the current line count (used to lay it out). */
    int lineNumberAreaWidth() const;
    /** Paints the line numbers for @p event's rectangle of the gutter (called by the gutter). */
    void paintLineNumbers(QPaintEvent *event);

Q_SIGNALS:
    /** Emitted when validity flips (after the debounce) and after setPlainText(). */
    void validityChanged(bool valid);
    /** The error (or its position) changed. */
    void errorChanged();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void revalidate() const;
    void announceValidation(bool always = false);
    void markError();
    void updateSelections();
    void updateGutterWidth();
    void layoutChildren();
    void rewrite(const QString &replacement);
    void searchTextChanged();
    void find(bool forward);
    void updateSearchCount();
    void hideSearch();
    QString errorDescription() const;

    JsonHighlighter *m_highlighter = nullptr;
    QWidget *m_gutter = nullptr;
    QWidget *m_searchBar = nullptr;
    QLineEdit *m_searchField = nullptr;
    QLabel *m_searchCount = nullptr;
    QToolButton *m_previousButton = nullptr;
    QToolButton *m_nextButton = nullptr;
    QToolButton *m_closeButton = nullptr;
    QTimer *m_validationTimer = nullptr;
    mutable std::optional<JsonText::ParseError> m_error;
    mutable bool m_stale = true;
    bool m_announcedValid = false;
    std::optional<JsonText::ParseError> m_announcedError;
    QList<QTextEdit::ExtraSelection> m_errorSelections;
};
