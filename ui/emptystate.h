// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QLabel;
class QStackedWidget;
class QString;
class QVBoxLayout;
class QWidget;

/**
 * The label an empty pane shows: what will appear in it, centred and wrapped, in the
 * palette's muted text colour (so it follows light and dark themes).
 */
QLabel *createEmptyState(const QString &text, QWidget *parent);

/**
 * Lays @p pane (without a layout yet) out as @p stack, edge to edge, with @p emptyState as
 * page 0 and a content page as page 1; returns the content page's layout (no margins) for the
 * pane to fill.
 */
QVBoxLayout *addEmptyStatePages(QWidget *pane, QStackedWidget *stack, QLabel *emptyState);
