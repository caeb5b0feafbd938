// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"

#include <QWidget>

#include <memory>
#include <optional>

class MessageBar;
class NamedShadowsModel;
class QLabel;
class QStackedWidget;
class QTreeView;

namespace Iot {
class DataShadowSource;
class IotDataClient;
} // namespace Iot

/**
 * The Shadows dock: the shadows of the thing last opened, the classic one first (left out
 * when the thing has none), each with its version, last update, out-of-sync key count and
 * size. Loading shows progress and can be cancelled; a failure shows inline with Retry and
 * Details. F5 loads the thing again. Without a connection, or before a thing is opened, it
 * shows an empty state.
 *
 * Key children: "shadowsEmptyState", "shadowsThing", "shadowsView" (QTreeView on
 * NamedShadowsModel); in a MessageBar "shadowsProgress", "shadowsStatus", "shadowsCancel",
 * "shadowsRetry", "shadowsDetailsButton", "shadowsErrorDetails".
 */
class ShadowsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit ShadowsPane(QWidget *parent = nullptr);
    ~ShadowsPane() override;

    /**
     * Fetches through @p client (not owned; it must outlive the pane or be replaced first;
     * nullptr: disconnected, the empty state). Forgets the thing that was open.
     */
    void setDataClient(Iot::IotDataClient *client);
    /** Lists @p thingName's shadows and fetches their documents, replacing the previous thing. */
    void openThing(const QString &thingName);
    /** Loads the open thing again (F5). */
    void reload();

    QString thingName() const;
    /** The status line: "Loading shadows… 2 of 4", "4 shadows", or what failed. */
    QString statusText() const;

    /** Makes @p shadowName's row (empty: classic) current; false if it is not listed (yet). */
    bool selectShadow(const QString &shadowName);
    /** The document of @p shadowName (empty: classic), if it has been fetched. */
    std::optional<Iot::ShadowDocument> document(const QString &shadowName) const;

    NamedShadowsModel *model() const { return m_model; }

Q_SIGNALS:
    /** The names and documents have settled (loaded, failed or cancelled). */
    void loadFinished();
    /** The current row changed to @p shadowName (empty: classic) of @p thingName. */
    void shadowSelected(const QString &thingName, const QString &shadowName);

private:
    void updateState();

    std::unique_ptr<Iot::DataShadowSource> m_source;
    NamedShadowsModel *m_model;
    QStackedWidget *m_stack;
    QLabel *m_emptyState;
    QLabel *m_thing;
    QTreeView *m_view;
    MessageBar *m_messageBar;
};
