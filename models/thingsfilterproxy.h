// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fetchblockingproxy.h"

#include <QString>

/**
 * ThingsModel filtered and sorted locally, at once: a row stays when its name, type or one
 * of its attributes ("key=value") contains the filter text, ignoring case. Reads the model's
 * roles, never its display text, and sorts by ThingsModel::SortRole.
 * @see ThingsModel
 */
class ThingsFilterProxy final : public FetchBlockingProxy
{
    Q_OBJECT
public:
    explicit ThingsFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_filterText;
};
