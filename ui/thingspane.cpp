// SPDX-License-Identifier: GPL-3.0-or-later
#include "thingspane.h"

#include "emptystate.h"
#include "lazytreeview.h"
#include "iot/thingspagesource.h"
#include "messagebar.h"
#include "openthingdialog.h"
#include "thingpagesource.h"
#include "settings/recentthings.h"
#include "thingsfilterproxy.h"
#include "thingsmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <cmath>
#include <functional>
#include <numbers>

namespace {

// Long enough to type a word without refiltering on every key, short enough to feel instant.
constexpr int FilterDelayMs = 150;

// ListThings' own limits on its filters (the AWS IoT API reference).
const QString ThingTypePattern = QStringLiteral("[a-zA-Z0-9:_-]{1,128}");
const QString AttributeNamePattern = QStringLiteral("[a-zA-Z0-9_.,@/:#-]{1,128}");
const QString AttributeValuePattern = QStringLiteral("[a-zA-Z0-9_.,@/:#=\\[\\]-]{0,800}");

bool matchesWhole(const QString &pattern, const QString &text)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(text).hasMatch();
}

// The name column of a pinned thing carries a pin mark: the theme's "emblem-favorite", or a
// star in the palette's highlight colour where the platform has no icon theme.
class PinMarkDelegate final : public QStyledItemDelegate
{
public:
    PinMarkDelegate(std::function<bool(const QString &)> isPinned, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_isPinned(std::move(isPinned))
    {
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != ThingsModel::Name
            || !m_isPinned(index.data(ThingsModel::ThingNameRole).toString()))
            return;
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->icon = QIcon::fromTheme(QStringLiteral("emblem-favorite"),
                                        star(option->palette.color(QPalette::Highlight)));
    }

private:
    static QIcon star(const QColor &colour)
    {
        QPixmap pixmap(32, 32);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        QPainterPath path;
        for (int i = 0; i < 10; ++i) {
            const double radius = i % 2 ? 6.5 : 15.0;
            const double angle = -std::numbers::pi / 2 + i * std::numbers::pi / 5;
            const QPointF point(16 + radius * std::cos(angle), 16.5 + radius * std::sin(angle));
            if (i == 0)
                path.moveTo(point);
            else
                path.lineTo(point);
        }
        path.closeSubpath();
        painter.fillPath(path, colour);
        return QIcon(pixmap);
    }

    std::function<bool(const QString &)> m_isPinned;
};

} // namespace

ThingsPane::ThingsPane(QWidget *parent)
    : QWidget(parent)
    , m_model(new ThingsModel(this))
    , m_proxy(new ThingsFilterProxy(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyState(createEmptyState(tr("Connect to an account to list its things."), m_stack))
    , m_filter(new QLineEdit(this))
    , m_filterDelay(new QTimer(this))
    , m_view(new LazyTreeView(m_proxy, this))
    , m_messageBar(new MessageBar(QStringLiteral("things"), MessageBar::Part::Retry,
                                  { .status = tr("Things status"),
                                    .retry = tr("Retry loading things") },
                                  this))
    , m_serverFilterToggle(new QToolButton(this))
    , m_serverFilterRow(new QWidget(this))
    , m_serverType(new QLineEdit(m_serverFilterRow))
    , m_serverAttributeName(new QLineEdit(m_serverFilterRow))
    , m_serverAttributeValue(new QLineEdit(m_serverFilterRow))
    , m_serverPrefix(new QCheckBox(tr("Prefix"), m_serverFilterRow))
    , m_serverApply(new QPushButton(tr("Apply"), m_serverFilterRow))
    , m_serverClear(new QPushButton(tr("Clear"), m_serverFilterRow))
    , m_serverFilterError(new MessageBar(QStringLiteral("thingsServerFilter"), {},
                                         { .status = tr("Server filter problem") },
                                         m_serverFilterRow))
    , m_pinAction(new QAction(tr("&Pin Thing"), this))
    , m_openThingAction(new QAction(tr("&Open Thing by Name…"), this))
{
    m_proxy->setSourceModel(m_model);

    m_emptyState->setObjectName(QStringLiteral("thingsEmptyState"));

    m_filter->setObjectName(QStringLiteral("thingsFilter"));
    setFocusProxy(m_filter); // focusing the pane starts a filter
    m_filter->setPlaceholderText(tr("Filter things"));
    m_filter->setAccessibleName(tr("Filter things"));
    m_filter->setClearButtonEnabled(true);
    auto *focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    focusFilter->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(focusFilter);
    connect(focusFilter, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(FilterDelayMs);
    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, [this] {
        m_proxy->setFilterText(m_filter->text());
        updateStatus();
    });

    // While the proxy removes or reorders rows (the text filter, a reload), the view moves
    // its current row on its own: that is not the user choosing a thing. These connections
    // come before the view's own, so the flag is up when the view moves the current row.
    const auto changing = [this] { m_rowsChanging = true; };
    const auto changed = [this] { m_rowsChanging = false; };
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this, changing);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(m_proxy, &QAbstractItemModel::layoutAboutToBeChanged, this, changing);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, changed);
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, changing);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, changed);

    m_view->setObjectName(QStringLiteral("thingsView"));
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Things"));
    m_view->setRootIsDecorated(false);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ThingsModel::Name, Qt::AscendingOrder);
    m_view->header()->setStretchLastSection(true);
    // Room for typical names and types; measuring every row would cost too much on big fleets.
    const int charWidth = fontMetrics().averageCharWidth();
    m_view->header()->resizeSection(ThingsModel::Name, 22 * charWidth);
    m_view->header()->resizeSection(ThingsModel::Type, 16 * charWidth);
    m_view->setItemDelegate(new PinMarkDelegate(
        [this](const QString &name) { return m_recentThings && m_recentThings->isPinned(name); },
        m_view));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ThingsPane::onCurrentChanged);

    m_pinAction->setObjectName(QStringLiteral("thingsPinAction"));
    m_pinAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_pinAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_pinAction->setEnabled(false);
    addAction(m_pinAction);
    connect(m_pinAction, &QAction::triggered, this, &ThingsPane::togglePinned);
    m_openThingAction->setObjectName(QStringLiteral("thingsOpenByNameAction"));
    m_openThingAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_openThingAction->setShortcutContext(Qt::WindowShortcut);
    m_openThingAction->setToolTip(tr("Open a thing by its name, listed or not"));
    addAction(m_openThingAction);
    connect(m_openThingAction, &QAction::triggered, this, &ThingsPane::openThingByName);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        QMenu menu(this);
        if (m_view->indexAt(position).isValid())
            menu.addAction(m_pinAction);
        menu.addAction(m_openThingAction);
        menu.exec(m_view->viewport()->mapToGlobal(position));
    });

    // The server filter: collapsed until asked for.
    m_serverFilterToggle->setObjectName(QStringLiteral("thingsServerFilterToggle"));
    m_serverFilterToggle->setAccessibleName(tr("Show the server filter"));
    m_serverFilterToggle->setCheckable(true);
    m_serverFilterToggle->setAutoRaise(true);
    m_serverFilterToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_serverFilterToggle->setArrowType(Qt::RightArrow);
    m_serverFilterRow->setObjectName(QStringLiteral("thingsServerFilterRow"));
    m_serverFilterRow->setVisible(false);
    connect(m_serverFilterToggle, &QToolButton::toggled, this, [this](bool shown) {
        m_serverFilterRow->setVisible(shown);
        m_serverFilterToggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
        if (shown)
            m_serverType->setFocus(Qt::OtherFocusReason);
    });
    const auto setUpField = [this](QLineEdit *field, const char *name, const QString &label,
                                   const QString &description) {
        field->setObjectName(QLatin1String(name));
        field->setPlaceholderText(label);
        field->setAccessibleName(label);
        field->setAccessibleDescription(description);
        field->setClearButtonEnabled(true);
        connect(field, &QLineEdit::returnPressed, this, &ThingsPane::applyServerFilterFromRow);
    };
    setUpField(m_serverType, "thingsServerType", tr("Thing type"),
               tr("List only things of this type (exact name)"));
    setUpField(m_serverAttributeName, "thingsServerAttributeName", tr("Attribute"),
               tr("List only things that have this attribute"));
    setUpField(m_serverAttributeValue, "thingsServerAttributeValue", tr("Value"),
               tr("The attribute's value (exact, or its beginning with Prefix)"));
    m_serverPrefix->setObjectName(QStringLiteral("thingsServerPrefix"));
    m_serverPrefix->setAccessibleName(tr("Match the value as a prefix"));
    m_serverApply->setObjectName(QStringLiteral("thingsServerApply"));
    m_serverApply->setAccessibleName(tr("Apply the server filter"));
    m_serverClear->setObjectName(QStringLiteral("thingsServerClear"));
    m_serverClear->setAccessibleName(tr("Clear the server filter"));
    m_serverFilterError->setStatusObjectName(QStringLiteral("thingsServerFilterError"));
    connect(m_serverApply, &QPushButton::clicked, this, &ThingsPane::applyServerFilterFromRow);
    connect(m_serverClear, &QPushButton::clicked, this, [this] { setServerFilter({}); });
    auto *serverLayout = new QGridLayout(m_serverFilterRow);
    serverLayout->setContentsMargins(0, 0, 0, 0);
    serverLayout->addWidget(m_serverAttributeName, 1, 0);
    serverLayout->addWidget(new QLabel(QStringLiteral("="), m_serverFilterRow), 1, 1);
    serverLayout->addWidget(m_serverAttributeValue, 1, 2);
    serverLayout->addWidget(m_serverPrefix, 1, 3);
    auto *serverButtons = new QHBoxLayout;
    serverButtons->addStretch(1);
    serverButtons->addWidget(m_serverClear);
    serverButtons->addWidget(m_serverApply);
    serverLayout->addWidget(m_serverType, 0, 0, 1, 4);
    serverLayout->addWidget(m_serverFilterError, 2, 0, 1, 4);
    serverLayout->addLayout(serverButtons, 3, 0, 1, 4);
    serverLayout->setColumnStretch(0, 1);
    serverLayout->setColumnStretch(2, 1);
    updateServerFilterToggle();

    connect(m_messageBar, &MessageBar::retryRequested, m_model, &ThingsModel::retry);

    QVBoxLayout *layout = addEmptyStatePages(this, m_stack, m_emptyState);
    layout->addWidget(m_filter);
    layout->addWidget(m_serverFilterToggle);
    layout->addWidget(m_serverFilterRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_messageBar);

    followPaging(this, m_model, m_messageBar, &ThingsPane::updateStatus, &ThingsPane::loadFinished);
}

ThingsPane::~ThingsPane()
{
    // The model lets go of the source before the source goes.
    m_model->setPageSource(nullptr);
}

void ThingsPane::setPageSource(std::unique_ptr<ThingPageSource> source)
{
    if (auto *filtering = qobject_cast<Iot::ThingsPageSource *>(source.get()))
        filtering->setFilter(m_serverFilter);
    m_model->setPageSource(source.get());
    m_source = std::move(source);
    m_stack->setCurrentIndex(m_source ? 1 : 0);
    updateServerFilterToggle();
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void ThingsPane::setRecentThings(Settings::RecentThings *recentThings)
{
    if (m_recentThings)
        disconnect(m_recentThings, nullptr, this, nullptr);
    m_recentThings = recentThings;
    if (m_recentThings) {
        connect(m_recentThings, &Settings::RecentThings::changed, this, [this] {
            updatePinAction();
            m_view->viewport()->update();
        });
    }
    updatePinAction();
    m_view->viewport()->update();
}

void ThingsPane::setServerFilter(const Iot::ListThingsRequest &filter)
{
    m_serverFilter = {};
    m_serverFilter.thingTypeName = filter.thingTypeName;
    m_serverFilter.attributeName = filter.attributeName;
    m_serverFilter.attributeValue = filter.attributeValue;
    m_serverFilter.usePrefixAttributeValue = filter.usePrefixAttributeValue;
    m_serverType->setText(filter.thingTypeName);
    m_serverAttributeName->setText(filter.attributeName);
    m_serverAttributeValue->setText(filter.attributeValue);
    m_serverPrefix->setChecked(filter.usePrefixAttributeValue);
    m_serverFilterError->clear();
    applyServerFilter();
}

void ThingsPane::applyServerFilterFromRow()
{
    const QString type = m_serverType->text().trimmed();
    const QString name = m_serverAttributeName->text().trimmed();
    const QString value = m_serverAttributeValue->text().trimmed();
    QString problem;
    QLineEdit *culprit = nullptr;
    if (!type.isEmpty() && !matchesWhole(ThingTypePattern, type)) {
        problem = tr("A thing type is 1 to 128 letters, digits, colons, underscores and hyphens.");
        culprit = m_serverType;
    } else if (!name.isEmpty() && !matchesWhole(AttributeNamePattern, name)) {
        problem = tr("An attribute name is 1 to 128 letters, digits and any of _ . , @ / : # -");
        culprit = m_serverAttributeName;
    } else if (!value.isEmpty() && name.isEmpty()) {
        problem = tr("Enter the attribute the value belongs to.");
        culprit = m_serverAttributeName;
    } else if (!matchesWhole(AttributeValuePattern, value)) {
        problem = tr("An attribute value is up to 800 letters, digits and any of "
                     "_ . , @ / : # = [ ] -");
        culprit = m_serverAttributeValue;
    }
    if (culprit) {
        m_serverFilterError->showError(problem);
        culprit->setFocus(Qt::OtherFocusReason);
        return;
    }
    Iot::ListThingsRequest filter;
    filter.thingTypeName = type;
    filter.attributeName = name;
    filter.attributeValue = value;
    filter.usePrefixAttributeValue = !value.isEmpty() && m_serverPrefix->isChecked();
    setServerFilter(filter);
}

void ThingsPane::applyServerFilter()
{
    updateServerFilterToggle();
    auto *filtering = qobject_cast<Iot::ThingsPageSource *>(m_source.get());
    if (!filtering)
        return;
    filtering->setFilter(m_serverFilter);
    m_model->reset();
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
    updateStatus();
}

void ThingsPane::updateServerFilterToggle()
{
    QStringList parts;
    if (!m_serverFilter.thingTypeName.isEmpty())
        parts.append(tr("type %1").arg(m_serverFilter.thingTypeName));
    if (!m_serverFilter.attributeName.isEmpty()) {
        if (m_serverFilter.attributeValue.isEmpty())
            parts.append(tr("has %1").arg(m_serverFilter.attributeName));
        else if (m_serverFilter.usePrefixAttributeValue)
            parts.append(
                tr("%1=%2…").arg(m_serverFilter.attributeName, m_serverFilter.attributeValue));
        else
            parts.append(
                tr("%1=%2").arg(m_serverFilter.attributeName, m_serverFilter.attributeValue));
    }
    m_serverFilterToggle->setText(
        parts.isEmpty() ? tr("Server filter") : tr("Server filter: %1").arg(parts.join(tr(", "))));
    const bool filtering = qobject_cast<Iot::ThingsPageSource *>(m_source.get()) != nullptr;
    m_serverFilterToggle->setToolTip(
        filtering ? tr("Narrow the list on the server: thing type and "
                       "attribute (ListThings)")
                  : tr("This connection cannot filter things on the server"));
    m_serverApply->setEnabled(filtering);
}

bool ThingsPane::selectThing(const QString &thingName)
{
    const auto find = [this, &thingName] {
        return m_proxy->match(m_proxy->index(0, ThingsModel::Name), ThingsModel::ThingNameRole,
                              thingName, 1, Qt::MatchExactly | Qt::MatchCaseSensitive);
    };
    QModelIndexList found = find();
    if (found.isEmpty()) {
        const QModelIndexList loaded
            = m_model->match(m_model->index(0, ThingsModel::Name), ThingsModel::ThingNameRole,
                             thingName, 1, Qt::MatchExactly | Qt::MatchCaseSensitive);
        if (loaded.isEmpty())
            return false;
        // Loaded but hidden by the text filter: show everything again.
        m_filter->clear();
        m_filterDelay->stop();
        m_proxy->setFilterText({});
        updateStatus();
        found = find();
        if (found.isEmpty())
            return false;
    }
    m_view->setCurrentIndex(found.first());
    m_view->scrollTo(found.first());
    activate(thingName);
    return true;
}

QStringList ThingsPane::thingSuggestions() const
{
    QStringList names;
    if (m_recentThings)
        names = m_recentThings->pinned() + m_recentThings->recent();
    names.reserve(names.size() + m_model->rowCount());
    for (int row = 0; row < m_model->rowCount(); ++row)
        names.append(m_model->thing(row).name);
    names.removeDuplicates();
    return names;
}

void ThingsPane::openThingByName()
{
    const QString name = OpenThingDialog::getThingName(this, thingSuggestions());
    if (!name.isEmpty())
        openThing(name);
}

void ThingsPane::openThing(const QString &thingName)
{
    if (!selectThing(thingName)) {
        m_view->clearSelection();
        activate(thingName);
    }
}

void ThingsPane::onCurrentChanged(const QModelIndex &current)
{
    if (current.isValid() && !m_rowsChanging)
        activate(current.data(ThingsModel::ThingNameRole).toString());
}

void ThingsPane::activate(const QString &thingName)
{
    if (thingName.isEmpty() || thingName == m_currentThing)
        return;
    m_currentThing = thingName;
    if (m_recentThings)
        m_recentThings->addRecent(thingName);
    updatePinAction();
    Q_EMIT thingActivated(thingName);
}

void ThingsPane::updatePinAction()
{
    const bool pinned = m_recentThings && m_recentThings->isPinned(m_currentThing);
    m_pinAction->setText(pinned ? tr("Un&pin Thing") : tr("&Pin Thing"));
    m_pinAction->setEnabled(m_recentThings && !m_currentThing.isEmpty());
}

void ThingsPane::togglePinned()
{
    if (!m_recentThings || m_currentThing.isEmpty())
        return;
    m_recentThings->setPinned(m_currentThing, !m_recentThings->isPinned(m_currentThing));
}

QString ThingsPane::statusText() const
{
    return m_messageBar->text();
}

void ThingsPane::updateStatus()
{
    const QString error = m_model->errorMessage();
    if (!error.isEmpty()) {
        m_messageBar->showError(tr("Things did not load: %1").arg(error));
        return;
    }
    if (m_model->isLoading() && m_model->rowCount() == 0) {
        m_messageBar->showInfo(tr("Loading…"));
        return;
    }
    const int total = m_model->rowCount();
    QString text = m_proxy->filterText().isEmpty()
        ? tr("%n things", nullptr, total)
        : tr("%1 of %n things", nullptr, total).arg(m_proxy->rowCount());
    const Iot::ListThingsRequest &filter = m_serverFilter;
    if (!filter.thingTypeName.isEmpty() || !filter.attributeName.isEmpty())
        text = tr("%1 (server filter)").arg(text);
    if (m_model->isLoading())
        text = tr("%1, loading more…").arg(text);
    else if (!m_model->isComplete())
        text = tr("%1, more as you scroll").arg(text);
    m_messageBar->showInfo(text);
}
