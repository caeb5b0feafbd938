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

/**
 * Waits (up to 10 s) until @p parent has a visible child dialog of type @p Dialog other than
 * @p except (one already handled, perhaps still being deleted); nullptr if none shows.
 */
template<class Dialog>
Dialog *waitForDialog(QWidget *parent, const QObject *except = nullptr)
{
    Dialog *found = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        const QList<Dialog *> dialogs = parent->findChildren<Dialog *>();
        for (Dialog *dialog : dialogs) {
            if (dialog != except && dialog->isVisible())
                found = dialog;
        }
        return found != nullptr;
    }, 10000);
    return shown ? found : nullptr;
}
