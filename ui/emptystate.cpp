// SPDX-License-Identifier: GPL-3.0-or-later
#include "emptystate.h"

#include <QLabel>

QLabel *createEmptyState(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setMargin(16);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}
