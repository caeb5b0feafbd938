// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsontextedit.h"

#include "jsonhighlighter.h"
#include "semanticcolors.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QStyle>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>

#include <algorithm>

namespace {

constexpr int IndentWidth = 2;
constexpr int ValidationDelayMs = 150;

// The gutter: a child widget the editor paints its line numbers into.
class LineNumberArea final : public QWidget
{
public:
    explicit LineNumberArea(JsonTextEdit *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
    }

    QSize sizeHint() const override { return { m_editor->lineNumberAreaWidth(), 0 }; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

private:
    JsonTextEdit *m_editor;
};

// Whether a character counts when the cursor is kept across re-indenting: everything in a
// string, and everything outside one but whitespace.
struct SignificanceScanner
{
    bool inString = false;
    bool escaped = false;

    bool significant(QChar c)
    {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
            return true;
        }
        if (c.isSpace())
            return false;
        if (c == u'"')
            inString = true;
        return true;
    }
};

int significantBefore(QStringView text, qsizetype position)
{
    SignificanceScanner scanner;
    int count = 0;
    for (qsizetype i = 0; i < std::min(position, text.size()); ++i)
        count += scanner.significant(text.at(i)) ? 1 : 0;
    return count;
}

// The position after @p count significant characters of @p text; with @p toNextToken past the
// whitespace that follows outside strings too.
int positionAfterSignificant(QStringView text, int count, bool toNextToken)
{
    SignificanceScanner scanner;
    qsizetype i = 0;
    for (int seen = 0; seen < count && i < text.size(); ++i)
        seen += scanner.significant(text.at(i)) ? 1 : 0;
    while (toNextToken && !scanner.inString && i < text.size() && text.at(i).isSpace())
        ++i;
    return int(i);
}

// The partner of the bracket at @p position (outside strings): its position, -1 when it has
// none, -2 when @p position holds no bracket outside a string.
qsizetype bracketPartner(QStringView text, qsizetype position)
{
    QList<qsizetype> open;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (i == position || (c == u'\\' && i + 1 == position))
                return -2;
            if (c == u'\\')
                ++i;
            else if (c == u'"' || c == u'\n')
                inString = false;
            continue;
        }
        const bool opening = c == u'{' || c == u'[';
        const bool closing = c == u'}' || c == u']';
        if (i == position && !opening && !closing)
            return -2;
        if (c == u'"') {
            inString = true;
        } else if (opening) {
            open.append(i);
        } else if (closing) {
            const QChar expected = c == u'}' ? u'{' : u'[';
            if (!open.isEmpty() && text.at(open.last()) == expected) {
                const qsizetype partner = open.takeLast();
                if (partner == position)
                    return i;
                if (i == position)
                    return partner;
            } else if (i == position) {
                return -1;
            }
        }
    }
    return position < text.size() ? -1 : -2;
}

QTextEdit::ExtraSelection selection(const QTextCursor &cursor, const QTextCharFormat &format,
                                    JsonTextEdit::SelectionKind kind)
{
    QTextEdit::ExtraSelection extra;
    extra.cursor = cursor;
    extra.format = format;
    extra.format.setProperty(QTextFormat::UserProperty, int(kind));
    return extra;
}

QToolButton *searchButton(const QString &iconName, QStyle::StandardPixmap fallback,
                          const QString &text, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setIcon(QIcon::fromTheme(iconName, parent->style()->standardIcon(fallback)));
    button->setText(text);
    button->setToolTip(text);
    button->setAccessibleName(text);
    button->setAutoRaise(true);
    return button;
}

} // namespace

JsonTextEdit::JsonTextEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new JsonHighlighter(document()))
    , m_gutter(new LineNumberArea(this))
    , m_searchBar(new QWidget(this))
    , m_searchField(new QLineEdit(m_searchBar))
    , m_searchCount(new QLabel(m_searchBar))
    , m_previousButton(searchButton(QStringLiteral("go-up"), QStyle::SP_ArrowUp,
                                    tr("Previous match"), m_searchBar))
    , m_nextButton(searchButton(QStringLiteral("go-down"), QStyle::SP_ArrowDown, tr("Next match"),
                                m_searchBar))
    , m_closeButton(searchButton(QStringLiteral("window-close"), QStyle::SP_DialogCloseButton,
                                 tr("Close search"), m_searchBar))
    , m_validationTimer(new QTimer(this))
{
    setAccessibleName(tr("JSON document"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    m_highlighter->setPalette(palette());
    m_gutter->setAccessibleName(tr("Line numbers"));

    m_searchBar->setObjectName(QStringLiteral("jsonSearchBar"));
    m_searchBar->setAutoFillBackground(true);
    m_searchBar->setBackgroundRole(QPalette::Window);
    m_searchField->setObjectName(QStringLiteral("jsonSearchField"));
    m_searchField->setAccessibleName(tr("Search the document"));
    m_searchField->setPlaceholderText(tr("Search"));
    m_searchField->setClearButtonEnabled(true);
    m_searchField->installEventFilter(this);
    m_searchCount->setObjectName(QStringLiteral("jsonSearchCount"));
    // A label's accessible name is its text ("2 of 5"), so only the description is set.
    m_searchCount->setAccessibleDescription(tr("Search matches"));
    m_searchCount->setMinimumWidth(
        m_searchCount->fontMetrics().horizontalAdvance(tr("%1 of %2").arg(8888).arg(8888)));
    auto *searchLayout = new QHBoxLayout(m_searchBar);
    searchLayout->setContentsMargins(4, 2, 4, 2);
    searchLayout->addWidget(m_searchField, 1);
    searchLayout->addWidget(m_searchCount);
    searchLayout->addWidget(m_previousButton);
    searchLayout->addWidget(m_nextButton);
    searchLayout->addWidget(m_closeButton);
    m_searchBar->hide();
    connect(m_searchField, &QLineEdit::textChanged, this, &JsonTextEdit::searchTextChanged);
    connect(m_previousButton, &QToolButton::clicked, this, &JsonTextEdit::findPrevious);
    connect(m_nextButton, &QToolButton::clicked, this, &JsonTextEdit::findNext);
    connect(m_closeButton, &QToolButton::clicked, this, &JsonTextEdit::hideSearch);

    const auto addShortcut = [this](QWidget *owner, const QString &text, const QKeySequence &keys,
                                    void (JsonTextEdit::*slot)()) {
        auto *action = new QAction(text, owner);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        owner->addAction(action);
    };
    addShortcut(this, tr("&Format"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
                &JsonTextEdit::formatText);
    addShortcut(this, tr("Co&mpact"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
                &JsonTextEdit::compactText);
    addShortcut(this, tr("F&ind…"), QKeySequence::Find, &JsonTextEdit::showSearch);
    addShortcut(this, tr("Find &Next"), QKeySequence::FindNext, &JsonTextEdit::findNext);
    addShortcut(this, tr("Find &Previous"), QKeySequence::FindPrevious,
                &JsonTextEdit::findPrevious);
    // On the bar, so Escape closes it only while it is shown and otherwise reaches a dialog.
    addShortcut(m_searchBar, tr("Close Search"), QKeySequence(Qt::Key_Escape),
                &JsonTextEdit::hideSearch);

    m_validationTimer->setSingleShot(true);
    m_validationTimer->setInterval(ValidationDelayMs);
    connect(m_validationTimer, &QTimer::timeout, this, [this] { announceValidation(); });
    connect(document(), &QTextDocument::contentsChanged, this, [this] {
        m_stale = true;
        m_validationTimer->start();
        if (m_searchBar->isVisible())
            updateSearchCount();
    });
    connect(this, &QPlainTextEdit::blockCountChanged, this, &JsonTextEdit::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy != 0)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &JsonTextEdit::updateSelections);
    updateGutterWidth();
    announceValidation();
}

JsonTextEdit::~JsonTextEdit() = default;

void JsonTextEdit::setPlainText(const QString &text)
{
    QPlainTextEdit::setPlainText(text);
    m_validationTimer->stop();
    announceValidation(true);
}

bool JsonTextEdit::isValid() const
{
    revalidate();
    return !m_error;
}

std::optional<JsonText::ParseError> JsonTextEdit::error() const
{
    revalidate();
    return m_error;
}

QJsonObject JsonTextEdit::object() const
{
    if (!isValid())
        return {};
    return QJsonDocument::fromJson(toPlainText().toUtf8()).object();
}

void JsonTextEdit::revalidate() const
{
    if (!m_stale)
        return;
    m_error = JsonText::checkObject(toPlainText());
    m_stale = false;
}

void JsonTextEdit::announceValidation(bool always)
{
    revalidate();
    const bool valid = !m_error;
    const bool errorMoved = m_error.has_value() != m_announcedError.has_value()
        || (m_error
            && (m_error->offset != m_announcedError->offset
                || m_error->message != m_announcedError->message));
    m_announcedError = m_error;
    setAccessibleDescription(valid ? tr("A valid JSON object") : errorDescription());
    m_gutter->setToolTip(valid ? QString() : errorDescription());
    markError();
    m_gutter->update();
    if (valid != m_announcedValid || always) {
        m_announcedValid = valid;
        Q_EMIT validityChanged(valid);
    }
    if (errorMoved)
        Q_EMIT errorChanged();
}

QString JsonTextEdit::errorDescription() const
{
    if (!m_announcedError)
        return {};
    return tr("%1 (line %2, column %3)")
        .arg(m_announcedError->message)
        .arg(m_announcedError->line)
        .arg(m_announcedError->column);
}

void JsonTextEdit::markError()
{
    m_errorSelections.clear();
    if (m_announcedError) {
        const QPalette colours = palette();
        const QColor negative = SemanticColors::negativeText(colours);
        // The token at the error, else its character, else (at a line's or the text's end) the
        // character before.
        const int end = document()->characterCount() - 1;
        int start = std::clamp(m_announcedError->offset, 0, end);
        int stop = start;
        const auto isWordChar
            = [](QChar c) { return c.isLetterOrNumber() || c == u'-' || c == u'+' || c == u'.'; };
        while (stop < end && isWordChar(document()->characterAt(stop)))
            ++stop;
        const QChar at = document()->characterAt(start);
        if (stop == start && start < end && at != QChar::ParagraphSeparator)
            ++stop;
        if (stop == start && start > 0)
            --start;
        QTextCursor cursor(document());
        cursor.setPosition(start);
        cursor.setPosition(stop, QTextCursor::KeepAnchor);
        QTextCharFormat underline;
        underline.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        underline.setUnderlineColor(negative);
        QTextCharFormat line;
        line.setBackground(SemanticColors::blend(colours.color(QPalette::Base), negative, 0.12));
        line.setProperty(QTextFormat::FullWidthSelection, true);
        QTextCursor lineCursor(document());
        lineCursor.setPosition(start);
        m_errorSelections.append(selection(lineCursor, line, SelectionKind::ErrorLine));
        m_errorSelections.append(selection(cursor, underline, SelectionKind::Error));
    }
    updateSelections();
}

void JsonTextEdit::updateSelections()
{
    // The error's selections keep their cursors, which follow edits until the next check.
    QList<QTextEdit::ExtraSelection> selections = m_errorSelections;
    const QPalette colours = palette();
    const QColor negative = SemanticColors::negativeText(colours);
    const QColor base = colours.color(QPalette::Base);

    const QString text = toPlainText();
    const int position = textCursor().position();
    qsizetype bracket = position;
    qsizetype partner = bracketPartner(text, bracket);
    if (partner == -2 && position > 0) {
        bracket = position - 1;
        partner = bracketPartner(text, bracket);
    }
    if (partner != -2) {
        QTextCharFormat format;
        if (partner >= 0) {
            format.setBackground(
                SemanticColors::blend(base, colours.color(QPalette::Highlight), 0.3));
        } else {
            format.setForeground(negative);
            format.setBackground(SemanticColors::blend(base, negative, 0.2));
        }
        const SelectionKind kind
            = partner >= 0 ? SelectionKind::Bracket : SelectionKind::UnmatchedBracket;
        for (const qsizetype at : { bracket, partner }) {
            if (at < 0)
                continue;
            QTextCursor cursor(document());
            cursor.setPosition(int(at));
            cursor.setPosition(int(at) + 1, QTextCursor::KeepAnchor);
            selections.append(selection(cursor, format, kind));
        }
    }
    setExtraSelections(selections);
}

void JsonTextEdit::formatText()
{
    // A read-only text (a session without writes, a body shown as sent) stays as it is.
    if (!isReadOnly() && isValid())
        rewrite(JsonText::format(toPlainText(), IndentWidth));
}

void JsonTextEdit::compactText()
{
    if (!isReadOnly() && isValid())
        rewrite(JsonText::compact(toPlainText()));
}

void JsonTextEdit::rewrite(const QString &replacement)
{
    const QString text = toPlainText();
    if (replacement == text)
        return;
    // The cursor stays after the same number of significant characters (all but whitespace
    // outside strings), at the same token when it was at one.
    const int position = textCursor().position();
    const int kept = significantBefore(text, position);
    const bool atToken = position < text.size() && !text.at(position).isSpace();
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(replacement);
    cursor.endEditBlock();
    cursor.setPosition(positionAfterSignificant(replacement, kept, atToken));
    setTextCursor(cursor);
}

void JsonTextEdit::showSearch()
{
    if (!m_searchBar->isVisible()) {
        m_searchBar->show();
        layoutChildren();
    }
    const QTextCursor cursor = textCursor();
    if (cursor.hasSelection() && !cursor.selectedText().contains(QChar::ParagraphSeparator))
        m_searchField->setText(cursor.selectedText());
    m_searchField->setFocus(Qt::ShortcutFocusReason);
    m_searchField->selectAll();
    updateSearchCount();
}

void JsonTextEdit::hideSearch()
{
    if (!m_searchBar->isVisible())
        return;
    m_searchBar->hide();
    layoutChildren();
    setFocus(Qt::OtherFocusReason);
}

QWidget *JsonTextEdit::searchBar() const
{
    return m_searchBar;
}

void JsonTextEdit::findNext()
{
    find(true);
}

void JsonTextEdit::findPrevious()
{
    find(false);
}

void JsonTextEdit::searchTextChanged()
{
    // Typing extends the current match: search again from where it starts.
    QTextCursor cursor = textCursor();
    cursor.setPosition(cursor.selectionStart());
    setTextCursor(cursor);
    find(true);
}

void JsonTextEdit::find(bool forward)
{
    const QString needle = m_searchField->text();
    if (needle.isEmpty()) {
        updateSearchCount();
        return;
    }
    const QString text = toPlainText();
    const QTextCursor current = textCursor();
    qsizetype at = -1;
    if (forward) {
        at = text.indexOf(needle, current.selectionEnd(), Qt::CaseInsensitive);
        if (current.hasSelection() && at < 0)
            at = text.indexOf(needle, current.selectionStart() + 1, Qt::CaseInsensitive);
        if (at < 0)
            at = text.indexOf(needle, 0, Qt::CaseInsensitive);
    } else {
        const int from = current.selectionStart() - 1;
        if (from >= 0)
            at = text.lastIndexOf(needle, from, Qt::CaseInsensitive);
        if (at < 0)
            at = text.lastIndexOf(needle, -1, Qt::CaseInsensitive);
    }
    if (at >= 0) {
        QTextCursor cursor(document());
        cursor.setPosition(int(at));
        cursor.setPosition(int(at + needle.size()), QTextCursor::KeepAnchor);
        setTextCursor(cursor);
    }
    updateSearchCount();
}

void JsonTextEdit::updateSearchCount()
{
    const QString needle = m_searchField->text();
    if (needle.isEmpty()) {
        m_searchCount->clear();
        return;
    }
    const QString text = toPlainText();
    const QTextCursor cursor = textCursor();
    int total = 0;
    int current = 0;
    for (qsizetype at = text.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0;
         at = text.indexOf(needle, at + 1, Qt::CaseInsensitive)) {
        ++total;
        if (cursor.hasSelection() && at == cursor.selectionStart()
            && cursor.selectionEnd() == at + needle.size())
            current = total;
    }
    if (total == 0)
        m_searchCount->setText(tr("No matches"));
    else if (current == 0)
        m_searchCount->setText(total == 1 ? tr("1 match") : tr("%1 matches").arg(total));
    else
        m_searchCount->setText(tr("%1 of %2").arg(current).arg(total));
}

bool JsonTextEdit::eventFilter(QObject *watched, QEvent *event)
{
    // Enter in the search field finds (and is not passed on to a dialog's default button).
    if (watched == m_searchField && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            find(!(key->modifiers() & Qt::ShiftModifier));
            return true;
        }
    }
    return QPlainTextEdit::eventFilter(watched, event);
}

void JsonTextEdit::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && (modifiers == Qt::NoModifier || modifiers == Qt::ShiftModifier) && !isReadOnly()) {
        QTextCursor cursor = textCursor();
        cursor.beginEditBlock();
        cursor.removeSelectedText();
        const QString line = cursor.block().text();
        const int column = cursor.positionInBlock();
        qsizetype indentEnd = 0;
        while (indentEnd < column && line.at(indentEnd) == u' ')
            ++indentEnd;
        const QString indent = line.left(indentEnd);
        const QStringView before = QStringView(line).left(column).trimmed();
        const QStringView after = QStringView(line).mid(column).trimmed();
        const bool opens = before.endsWith(u'{') || before.endsWith(u'[');
        const bool closes = opens && (after.startsWith(u'}') || after.startsWith(u']'));
        cursor.insertText(QStringLiteral("\n") + indent
                          + (opens ? QString(IndentWidth, u' ') : QString()));
        if (closes) {
            const int inside = cursor.position();
            cursor.insertText(QStringLiteral("\n") + indent);
            cursor.setPosition(inside);
        }
        cursor.endEditBlock();
        setTextCursor(cursor);
        return;
    }
    if (event->key() == Qt::Key_Tab && modifiers == Qt::NoModifier && !isReadOnly()) {
        textCursor().insertText(QString(IndentWidth, u' '));
        return;
    }
    if (event->key() == Qt::Key_Backtab && !isReadOnly()) {
        QTextCursor cursor = textCursor();
        const QString line = cursor.block().text();
        int spaces = 0;
        while (spaces < IndentWidth && spaces < line.size() && line.at(spaces) == u' ')
            ++spaces;
        if (spaces > 0) {
            cursor.setPosition(cursor.block().position());
            cursor.setPosition(cursor.block().position() + spaces, QTextCursor::KeepAnchor);
            cursor.removeSelectedText();
        }
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool JsonTextEdit::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        if (m_announcedError
            && cursorForPosition(help->pos()).blockNumber() == m_announcedError->line - 1) {
            QToolTip::showText(help->globalPos(), errorDescription(), viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void JsonTextEdit::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu(event->pos());
    menu->addSeparator();
    menu->addActions(actions());
    menu->exec(event->globalPos());
    delete menu;
}

void JsonTextEdit::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
        markError();
        m_gutter->update();
    } else if (event->type() == QEvent::FontChange) {
        setTabStopDistance(fontMetrics().horizontalAdvance(QString(IndentWidth, u' ')));
        updateGutterWidth();
    }
}

void JsonTextEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    layoutChildren();
}

int JsonTextEdit::lineNumberAreaWidth() const
{
    int digits = 2;
    for (int count = blockCount(); count >= 100; count /= 10)
        ++digits;
    return 10 + fontMetrics().horizontalAdvance(u'9') * digits;
}

void JsonTextEdit::updateGutterWidth()
{
    layoutChildren();
}

void JsonTextEdit::layoutChildren()
{
    const int barHeight = m_searchBar->isVisible() ? m_searchBar->sizeHint().height() : 0;
    setViewportMargins(lineNumberAreaWidth(), 0, 0, barHeight);
    const QRect area = contentsRect();
    const QRect view = viewport()->geometry();
    m_gutter->setGeometry(area.left(), view.top(), lineNumberAreaWidth(), view.height());
    m_searchBar->setGeometry(area.left(), view.bottom() + 1, view.right() + 1 - area.left(),
                             barHeight);
}

void JsonTextEdit::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette colours = palette();
    const QColor background = colours.color(QPalette::Window);
    const QColor negative = SemanticColors::negativeText(colours);
    painter.fillRect(event->rect(), background);
    const int errorBlock = m_announcedError ? m_announcedError->line - 1 : -1;
    const int width = m_gutter->width();
    const int lineHeight = fontMetrics().height();
    QFont bold = font();
    bold.setBold(true);

    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        if (block.isVisible() && bottom >= event->rect().top()) {
            const bool isError = block.blockNumber() == errorBlock;
            if (isError) {
                painter.fillRect(0, top, width, bottom - top,
                                 SemanticColors::blend(background, negative, 0.25));
            }
            painter.setFont(isError ? bold : font());
            painter.setPen(isError ? negative : colours.color(QPalette::PlaceholderText));
            painter.drawText(0, top, width - 5, lineHeight, Qt::AlignRight,
                             QString::number(block.blockNumber() + 1));
        }
        block = block.next();
        top = bottom;
    }
}
