// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QLabel;
class QString;
class QWidget;

/**
 * The label an empty pane shows: what will appear in it, centred and wrapped, in the
 * palette's muted text colour (so it follows light and dark themes).
 */
QLabel *createEmptyState(const QString &text, QWidget *parent);
