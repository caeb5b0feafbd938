// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"

#include <QWidget>

#include <memory>

class QAction;
class QCheckBox;
class MessageBar;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QStackedWidget;
class QTimer;
class QToolButton;
class QTreeView;
class ThingPageSource;
class ThingsFilterProxy;
class ThingsModel;

namespace Settings {
class RecentThings;
}

/**
 * The Things dock: a filter line (Ctrl+F), the things of the connected account loaded a page
 * at a time as the list is scrolled, and a status line that says how many there are, that
 * they are loading, or why they did not load, with Retry. Without a connection it shows an
 * empty state.
 *
 * A collapsible "Server filter" row narrows the list on the server (ListThings' thing type and
 * attribute name=value, exact or prefix) when the source is an Iot::ThingsPageSource, and
 * reloads from the first page. The current thing is announced with thingActivated() and
 * recorded as recent; pinned things (context menu or Ctrl+D) carry a pin mark in the list.
 * Ctrl+K opens a thing by name, loaded or not (for accounts that may not list things).
 *
 * Key children: "thingsFilter", "thingsView", "thingsStatus", "thingsRetry" (in a MessageBar),
 * "thingsServerFilterToggle" (QToolButton), "thingsServerFilterRow", "thingsServerType",
 * "thingsServerAttributeName", "thingsServerAttributeValue" (QLineEdit),
 * "thingsServerPrefix" (QCheckBox), "thingsServerApply", "thingsServerClear" (QPushButton),
 * "thingsServerFilterError" (QLabel, in a MessageBar); actions "thingsPinAction",
 * "thingsOpenByNameAction".
 */
class ThingsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit ThingsPane(QWidget *parent = nullptr);
    ~ThingsPane() override;

    /**
     * Lists the things @p source pages through (owned; nullptr: not connected), from the
     * first page on; the page in flight of a previous source is cancelled.
     */
    void setPageSource(std::unique_ptr<ThingPageSource> source);

    /** The status line: "Loading…", "50 things", or why the things did not load. */
    QString statusText() const;

    ThingsModel *model() const { return m_model; }
    ThingsFilterProxy *proxy() const { return m_proxy; }

    /**
     * Where recent and pinned things are kept (not owned; nullptr: nowhere). The caller sets
     * its connection key when the connection changes.
     */
    void setRecentThings(Settings::RecentThings *recentThings);

    /**
     * Filters on the server from now on: @p filter's thingTypeName, attributeName,
     * attributeValue and usePrefixAttributeValue (an empty one: no filter), shown in the
     * server filter row; reloads from the first page. Without a source that filters on the
     * server (an Iot::ThingsPageSource), it is kept for the next one.
     */
    void setServerFilter(const Iot::ListThingsRequest &filter);
    /** The server filter in force (paging members unset). */
    Iot::ListThingsRequest serverFilter() const { return m_serverFilter; }

    /**
     * Makes @p thingName the current row if it is loaded (clearing the text filter if that
     * hides it); false when it is not in the list.
     */
    bool selectThing(const QString &thingName);
    /** Selects @p thingName if it is listed, else opens it by name (thingActivated()). */
    void openThing(const QString &thingName);
    /** The thing last activated (by the list, selectThing() or openThingByName()). */
    QString currentThing() const { return m_currentThing; }

    /** Pinned things first, then recent ones, then the loaded ones, each name once. */
    QStringList thingSuggestions() const;

    /** "Open Thing by Name…" (Ctrl+K, window-wide): for the lead's menu. */
    QAction *openThingAction() const { return m_openThingAction; }
    /** "Pin Thing" / "Unpin Thing" for the current thing (Ctrl+D in the pane). */
    QAction *pinAction() const { return m_pinAction; }

public Q_SLOTS:
    /**
     * Asks for a thing name (OpenThingDialog, completing from thingSuggestions()) and
     * activates it: selected in the list when loaded, announced with thingActivated() either
     * way.
     */
    void openThingByName();

Q_SIGNALS:
    /** A page request ended, with things or with an error; the view is up to date. */
    void loadFinished();
    /** @p thingName became the current thing (chosen in the list, by selectThing() or by name). */
    void thingActivated(const QString &thingName);

private:
    void updateStatus();
    void activate(const QString &thingName);
    void onCurrentChanged(const QModelIndex &current);
    void applyServerFilter();
    void applyServerFilterFromRow();
    void updateServerFilterToggle();
    void updatePinAction();
    void togglePinned();

    std::unique_ptr<ThingPageSource> m_source;
    ThingsModel *m_model;
    ThingsFilterProxy *m_proxy;
    QStackedWidget *m_stack;
    QLabel *m_emptyState;
    QLineEdit *m_filter;
    QTimer *m_filterDelay;
    QTreeView *m_view;
    MessageBar *m_messageBar;
    QToolButton *m_serverFilterToggle;
    QWidget *m_serverFilterRow;
    QLineEdit *m_serverType;
    QLineEdit *m_serverAttributeName;
    QLineEdit *m_serverAttributeValue;
    QCheckBox *m_serverPrefix;
    QPushButton *m_serverApply;
    QPushButton *m_serverClear;
    MessageBar *m_serverFilterError;
    QAction *m_pinAction;
    QAction *m_openThingAction;
    Settings::RecentThings *m_recentThings = nullptr;
    Iot::ListThingsRequest m_serverFilter;
    QString m_currentThing;
    bool m_rowsChanging = false;
};
