// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deletedshadowsdialog.h"
#include "iot/connection.h"
#include "mainwindow.h"
#include "settings/connectionchoice.h"
#include "shadowview.h"
#include "thingspane.h"
#include "widgetwaits.h"

#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTreeView>

/** The sandbox as the window's connection choice. */
inline Settings::ConnectionChoice sandboxChoice()
{
    return Settings::ConnectionChoice{Settings::ConnectionChoice::Kind::Sandbox, {}, {}, {}, {}};
}

/**
 * Shows @p window active on @p connection (as the sandbox), starts the connection and waits
 * (up to 10 s) for the first page of things; false if it does not come.
 */
inline bool connectWindow(MainWindow &window, Iot::Connection &connection)
{
    window.setConnection(&connection, sandboxChoice());
    if (!showActive(window))
        return false;
    QSignalSpy things(window.thingsPane(), &ThingsPane::loadFinished);
    connection.start();
    return things.wait(10000);
}

/**
 * Opens @p thingName's @p shadowName shadow in @p window as @p mode does and waits (up to 10 s)
 * for it to load; the view, or null if none opened or it did not load.
 */
inline ShadowView *openLoadedShadow(MainWindow &window, const QString &thingName, const QString &shadowName,
                                    Workspace::Mode mode)
{
    window.openShadow(thingName, shadowName, mode);
    auto *view = qobject_cast<ShadowView *>(window.workspace()->currentPage());
    if (!view)
        return nullptr;
    QSignalSpy loaded(view, &ShadowView::loadFinished);
    return loaded.wait(10000) ? view : nullptr;
}

/**
 * Removes the drafts an earlier run left: a test's HOME outlives the run. False if they could
 * not be removed.
 */
inline bool removeStoredDrafts()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/drafts"))
        .removeRecursively();
}

/**
 * Opens Recently deleted with its shortcut (Ctrl+Shift+D) and presses Re-create (Ctrl+R) on
 * its first entry, the dialog active as a user's would be. Returns the open dialog, or null if
 * it did not open.
 */
inline DeletedShadowsDialog *recreateFirstDeleted(MainWindow &window)
{
    window.activateWindow();
    if (!QTest::qWaitFor([&window] { return QApplication::activeWindow() == &window; }, 5000))
        return nullptr;
    QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    auto *dialog = waitForDialog<DeletedShadowsDialog>(&window);
    if (!dialog)
        return nullptr;
    dialog->activateWindow();
    if (!QTest::qWaitFor([dialog] { return QApplication::activeWindow() == dialog; }, 5000))
        return nullptr;
    QTest::keyClick(dialog->findChild<QTreeView *>(QStringLiteral("deletedShadowsView")), Qt::Key_R,
                    Qt::ControlModifier);
    return dialog;
}
