// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

/**
 * Paints the request log's failed attempts (RequestLogModel::IsErrorRole) in the palette's
 * negative text colour.
 * @see SemanticColors::negativeText()
 */
class RequestLogDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit RequestLogDelegate(QObject *parent = nullptr);
    ~RequestLogDelegate() override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
