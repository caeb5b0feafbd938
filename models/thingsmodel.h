// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"
#include "pagedloader.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

class ThingPageSource;

/**
 * The account's things, one row each, loaded lazily a page at a time through a
 * ThingPageSource by a PagedLoader (STYLE.md rule 11): canFetchMore() is true while a next
 * page exists, no page is in flight and the last request did not fail; fetchMore() asks for
 * it and the rows are appended when it arrives (from the event loop, even when the source
 * answers inside fetchMore(), so a view or proxy calling fetchMore() while it handles a change
 * of this model never sees a nested change). reset() starts over from the first page and
 * drops any late answer to an earlier request (a generation counter, rule 8).
 * @see ThingsFilterProxy
 */
class ThingsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns { Name, Type, Attributes, ColumnCount };
    Q_ENUM(Columns)

    enum Roles {
        SortRole = Qt::UserRole, ///< the column's typed sort key
        ThingNameRole, ///< QString
        TypeNameRole, ///< QString (empty: no type)
        AttributesRole, ///< QVariantMap of attribute name to value
        ArnRole, ///< QString
    };
    Q_ENUM(Roles)

    explicit ThingsModel(QObject *parent = nullptr);

    /** Loads from @p source (not owned; nullptr: none) from the first page on; see reset(). */
    void setPageSource(ThingPageSource *source);
    ThingPageSource *pageSource() const;

    /** Drops every row, abandons the page in flight and starts over from the first page. */
    void reset();
    /** After a failure: clears the error and asks for the failed page again. */
    void retry();

    bool isLoading() const { return m_loader.isLoading(); }
    /** The last request's failure for the user; empty when it did not fail. */
    QString errorMessage() const { return m_loader.errorMessage(); }
    /** True once the last page has arrived. */
    bool isComplete() const;

    const Iot::ThingSummary &thing(int row) const { return m_things.at(size_t(row)); }
    /** "k=v, k=v" in key order. */
    static QString attributesText(const QMap<QString, QString> &attributes);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    /** A page request failed; @p message is for the user. */
    void failed(const QString &message);

private:
    void appendPage(const Iot::ThingPage &page);

    std::vector<Iot::ThingSummary> m_things;
    PagedLoader m_loader;
};
