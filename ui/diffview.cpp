// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffview.h"

#include "emptystate.h"
#include "semanticcolors.h"

#include <QAction>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStyle>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int SuccessHue = 120;

// A read-only pane whose gutter shows each row's own line number (none on filler rows) and
// which paints the tints of changed rows and words under the text, for the visible rows only
// (extra selections would cost a cursor and a layout per tint on every setTexts).
class DiffPane final : public QPlainTextEdit
{
public:
    enum class Side { Left, Right };

    struct Tints
    {
        QColor line; ///< a removed (left) or added (right) line
        QColor span; ///< the changed words in it
        QColor filler; ///< a row without a line on this side
    };

    DiffPane(Side side, QWidget *parent)
        : QPlainTextEdit(parent)
        , m_side(side)
        , m_gutter(new Gutter(this))
    {
        setReadOnly(true);
        setLineWrapMode(QPlainTextEdit::NoWrap);
        setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        connect(this, &QPlainTextEdit::updateRequest, m_gutter, [this](const QRect &rect, int dy) {
            if (dy != 0)
                m_gutter->scroll(0, dy);
            else
                m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
        });
    }

    // Shows this side of @p rows (kept by the caller), one row per line.
    void setRows(const QList<TextDiff::Row> *rows)
    {
        m_rows = rows;
        QString text;
        m_lastLine = 0;
        for (qsizetype i = 0; i < rows->size(); ++i) {
            if (i > 0)
                text += u'\n';
            text += lineText(rows->at(i));
            m_lastLine = std::max(m_lastLine, lineNumber(rows->at(i)) + 1);
        }
        setPlainText(text);
        layoutGutter();
    }

    void setTints(const Tints &tints)
    {
        m_tints = tints;
        viewport()->update();
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QPlainTextEdit::resizeEvent(event);
        layoutGutter();
    }

    void paintEvent(QPaintEvent *event) override
    {
        paintTints(event->rect());
        QPlainTextEdit::paintEvent(event);
    }

private:
    class Gutter final : public QWidget
    {
    public:
        explicit Gutter(DiffPane *pane)
            : QWidget(pane)
            , m_pane(pane)
        {
        }

    protected:
        void paintEvent(QPaintEvent *event) override { m_pane->paintGutter(event->rect()); }

    private:
        DiffPane *m_pane;
    };

    const QString &lineText(const TextDiff::Row &row) const
    {
        return m_side == Side::Left ? row.left : row.right;
    }
    int lineNumber(const TextDiff::Row &row) const
    {
        return m_side == Side::Left ? row.leftLine : row.rightLine;
    }
    const QList<TextDiff::Span> &spans(const TextDiff::Row &row) const
    {
        return m_side == Side::Left ? row.leftSpans : row.rightSpans;
    }

    int gutterWidth() const
    {
        const int digits = int(std::max<qsizetype>(2, QString::number(m_lastLine).size()));
        return 10 + fontMetrics().horizontalAdvance(u'9') * digits;
    }

    void layoutGutter()
    {
        setViewportMargins(gutterWidth(), 0, 0, 0);
        const QRect view = viewport()->geometry();
        m_gutter->setGeometry(contentsRect().left(), view.top(), gutterWidth(), view.height());
    }

    // Calls @p paint(row, its block's rectangle in the viewport, block) for the rows in @p area.
    template<typename Paint> void forVisibleRows(const QRect &area, Paint paint)
    {
        if (!m_rows)
            return;
        const QPointF offset = contentOffset();
        for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
            const QRectF rect = blockBoundingGeometry(block).translated(offset);
            if (rect.top() > area.bottom())
                break;
            const int row = block.blockNumber();
            if (rect.bottom() >= area.top() && row < m_rows->size())
                paint(m_rows->at(row), rect, block);
        }
    }

    void paintTints(const QRect &area)
    {
        QPainter painter(viewport());
        const int width = viewport()->width();
        forVisibleRows(
            area, [&](const TextDiff::Row &row, const QRectF &rect, const QTextBlock &block) {
                if (row.kind == TextDiff::Row::Kind::Same)
                    return;
                painter.fillRect(QRectF(0, rect.top(), width, rect.height()),
                                 lineNumber(row) >= 0 ? m_tints.line : m_tints.filler);
                const QTextLine line = block.layout()->lineAt(0);
                if (!line.isValid())
                    return;
                const qreal left = rect.left() + block.layout()->position().x();
                for (const TextDiff::Span &span : spans(row)) {
                    const qreal start = left + line.cursorToX(span.start);
                    const qreal end = left + line.cursorToX(span.start + span.length);
                    painter.fillRect(QRectF(start, rect.top(), end - start, rect.height()),
                                     m_tints.span);
                }
            });
    }

    void paintGutter(const QRect &area)
    {
        QPainter painter(m_gutter);
        painter.fillRect(area, palette().color(QPalette::Window));
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.setFont(font());
        const int lineHeight = fontMetrics().height();
        const int width = m_gutter->width() - 5;
        // The gutter's rectangle is the viewport's, vertically.
        forVisibleRows(area, [&](const TextDiff::Row &row, const QRectF &rect, const QTextBlock &) {
            if (lineNumber(row) >= 0) {
                painter.drawText(0, qRound(rect.top()), width, lineHeight, Qt::AlignRight,
                                 QString::number(lineNumber(row) + 1));
            }
        });
    }

    Side m_side;
    Gutter *m_gutter;
    const QList<TextDiff::Row> *m_rows = nullptr;
    Tints m_tints;
    int m_lastLine = 0;
};

void syncScrollBars(QScrollBar *one, QScrollBar *other)
{
    QObject::connect(one, &QScrollBar::valueChanged, other, &QScrollBar::setValue);
    QObject::connect(other, &QScrollBar::valueChanged, one, &QScrollBar::setValue);
}

} // namespace

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_stack(new QStackedWidget(this))
{
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    // A label's accessible name is its text (the summary), so only the description is set.
    m_summary->setAccessibleDescription(tr("Differences"));
    m_previous->setText(tr("Previous change"));
    m_previous->setIcon(
        QIcon::fromTheme(QStringLiteral("go-up"), style()->standardIcon(QStyle::SP_ArrowUp)));
    m_previous->setToolTip(tr("Previous change (Shift+F7)"));
    m_previous->setAccessibleName(tr("Previous change"));
    m_next->setText(tr("Next change"));
    m_next->setIcon(
        QIcon::fromTheme(QStringLiteral("go-down"), style()->standardIcon(QStyle::SP_ArrowDown)));
    m_next->setToolTip(tr("Next change (F7)"));
    m_next->setAccessibleName(tr("Next change"));
    for (QToolButton *button : { m_previous, m_next }) {
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    }

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(4, 2, 4, 2);
    header->addWidget(m_summary, 1);
    header->addWidget(m_previous);
    header->addWidget(m_next);
    outer->addLayout(header);
    outer->addWidget(m_stack, 1);

    QLabel *noDifferences = createEmptyState(tr("No differences"), m_stack);
    noDifferences->setObjectName(QStringLiteral("diffNoDifferences"));
    m_stack->addWidget(noDifferences);
    auto *content = new QWidget(m_stack);
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(4);
    m_leftTitle = new QLabel(content);
    m_rightTitle = new QLabel(content);
    m_left = new DiffPane(DiffPane::Side::Left, content);
    m_right = new DiffPane(DiffPane::Side::Right, content);
    m_left->setObjectName(QStringLiteral("diffLeft"));
    m_right->setObjectName(QStringLiteral("diffRight"));
    m_leftTitle->setBuddy(m_left);
    m_rightTitle->setBuddy(m_right);
    grid->addWidget(m_leftTitle, 0, 0);
    grid->addWidget(m_rightTitle, 0, 1);
    grid->addWidget(m_left, 1, 0);
    grid->addWidget(m_right, 1, 1);
    m_stack->addWidget(content);
    syncScrollBars(m_left->verticalScrollBar(), m_right->verticalScrollBar());
    syncScrollBars(m_left->horizontalScrollBar(), m_right->horizontalScrollBar());

    const auto addShortcuts
        = [this](QToolButton *button, const QList<QKeySequence> &keys, void (DiffView::*slot)()) {
              auto *action = new QAction(button->text(), this);
              action->setShortcuts(keys);
              action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
              connect(action, &QAction::triggered, this, slot);
              connect(button, &QToolButton::clicked, this, slot);
              addAction(action);
          };
    addShortcuts(m_next, { QKeySequence(Qt::Key_F7), QKeySequence(Qt::ALT | Qt::Key_Down) },
                 &DiffView::nextChange);
    addShortcuts(m_previous,
                 { QKeySequence(Qt::SHIFT | Qt::Key_F7), QKeySequence(Qt::ALT | Qt::Key_Up) },
                 &DiffView::previousChange);
    updateTints();
    setTexts({}, {}, {}, {});
}

DiffView::~DiffView() = default;

void DiffView::setTexts(const QString &left, const QString &right, const QString &leftTitle,
                        const QString &rightTitle)
{
    m_rows = TextDiff::sideBySide(left, right);
    m_changeStarts.clear();
    m_changed = m_added = m_removed = 0;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const TextDiff::Row::Kind kind = m_rows.at(i).kind;
        m_changed += kind == TextDiff::Row::Kind::Changed ? 1 : 0;
        m_added += kind == TextDiff::Row::Kind::Added ? 1 : 0;
        m_removed += kind == TextDiff::Row::Kind::Removed ? 1 : 0;
        if (kind != TextDiff::Row::Kind::Same
            && (i == 0 || m_rows.at(i - 1).kind == TextDiff::Row::Kind::Same))
            m_changeStarts.append(int(i));
    }

    m_leftTitle->setText(leftTitle);
    m_rightTitle->setText(rightTitle);
    m_left->setAccessibleName(leftTitle.isEmpty() ? tr("Left text") : leftTitle);
    m_right->setAccessibleName(rightTitle.isEmpty() ? tr("Right text") : rightTitle);
    static_cast<DiffPane *>(m_left)->setRows(&m_rows);
    static_cast<DiffPane *>(m_right)->setRows(&m_rows);

    if (m_changeStarts.isEmpty()) {
        m_summary->setText(tr("No differences"));
        m_stack->setCurrentIndex(0);
    } else {
        m_summary->setText(tr("%1 changed, %2 added, %3 removed lines")
                               .arg(m_changed)
                               .arg(m_added)
                               .arg(m_removed));
        m_stack->setCurrentIndex(1);
        showRow(m_changeStarts.first());
    }
    updateNavigation();
}

int DiffView::changedRowCount() const
{
    return m_changed + m_added + m_removed;
}

const QList<TextDiff::Row> &DiffView::rows() const
{
    return m_rows;
}

void DiffView::nextChange()
{
    const int current = m_left->textCursor().blockNumber();
    const auto next = std::upper_bound(m_changeStarts.cbegin(), m_changeStarts.cend(), current);
    if (next != m_changeStarts.cend())
        showRow(*next);
    updateNavigation();
}

void DiffView::previousChange()
{
    const int current = m_left->textCursor().blockNumber();
    const auto after = std::lower_bound(m_changeStarts.cbegin(), m_changeStarts.cend(), current);
    if (after != m_changeStarts.cbegin())
        showRow(*(after - 1));
    updateNavigation();
}

void DiffView::showRow(int row)
{
    for (QPlainTextEdit *pane : { m_left, m_right }) {
        QTextCursor cursor(pane->document()->findBlockByNumber(row));
        pane->setTextCursor(cursor);
        pane->centerCursor();
    }
}

void DiffView::updateNavigation()
{
    const int current = m_left->textCursor().blockNumber();
    m_previous->setEnabled(!m_changeStarts.isEmpty() && m_changeStarts.first() < current);
    m_next->setEnabled(!m_changeStarts.isEmpty() && m_changeStarts.last() > current);
}

void DiffView::updateTints()
{
    const QPalette colours = palette();
    const QColor base = colours.color(QPalette::Base);
    const QColor negative = SemanticColors::negativeText(colours);
    const QColor positive = SemanticColors::tintedText(colours, SuccessHue);
    const QColor filler
        = SemanticColors::blend(base, colours.color(QPalette::PlaceholderText), 0.08);
    static_cast<DiffPane *>(m_left)->setTints({ SemanticColors::blend(base, negative, 0.15),
                                                SemanticColors::blend(base, negative, 0.4),
                                                filler });
    static_cast<DiffPane *>(m_right)->setTints({ SemanticColors::blend(base, positive, 0.15),
                                                 SemanticColors::blend(base, positive, 0.4),
                                                 filler });
}

void DiffView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateTints();
}
