// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>
#include <QString>

/**
 * Filters and sorts a RequestLogModel by its roles: a case-insensitive text that must occur
 * in the operation, target, error code or message, or request id, and an "errors only"
 * switch. Sorts by RequestLogModel::SortRole.
 * @see RequestLogModel
 */
class RequestLogFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RequestLogFilterProxy(QObject *parent = nullptr);
    ~RequestLogFilterProxy() override;

    /** Keeps only the rows whose operation, target, error or request id contain @p text. */
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }

    /** Keeps only the failed attempts when @p errorsOnly is set. */
    void setErrorsOnly(bool errorsOnly);
    bool errorsOnly() const { return m_errorsOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_filterText;
    bool m_errorsOnly = false;
};
