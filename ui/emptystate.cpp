// SPDX-License-Identifier: GPL-3.0-or-later
#include "emptystate.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

QLabel *createEmptyState(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setMargin(16);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QVBoxLayout *addEmptyStatePages(QWidget *pane, QStackedWidget *stack, QLabel *emptyState)
{
    auto *content = new QWidget(stack);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    stack->addWidget(emptyState);
    stack->addWidget(content);
    auto *outer = new QVBoxLayout(pane);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(stack);
    return layout;
}
