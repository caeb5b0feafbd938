// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSize>
#include <QTest>
#include <QWidget>

/** Shows @p widget, resized to @p size when that is valid, and waits until it is exposed. */
inline bool showExposed(QWidget &widget, QSize size = {})
{
    if (size.isValid())
        widget.resize(size);
    widget.show();
    return QTest::qWaitForWindowExposed(&widget);
}

/**
 * Shows @p widget, resized to @p size when that is valid, activates it and waits until it is
 * the active window (so that it takes the keys a test types).
 */
inline bool showActive(QWidget &widget, QSize size = {})
{
    if (size.isValid())
        widget.resize(size);
    widget.show();
    widget.activateWindow();
    return QTest::qWaitForWindowActive(&widget);
}
