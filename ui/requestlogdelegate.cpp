// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestlogdelegate.h"

#include "requestlogmodel.h"
#include "semanticcolors.h"

RequestLogDelegate::RequestLogDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

RequestLogDelegate::~RequestLogDelegate() = default;

void RequestLogDelegate::initStyleOption(QStyleOptionViewItem *option,
                                         const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(RequestLogModel::IsErrorRole).toBool())
        option->palette.setColor(QPalette::Text, SemanticColors::negativeText(option->palette));
}
