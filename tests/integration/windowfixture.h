// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/connection.h"
#include "mainwindow.h"
#include "settings/connectionchoice.h"
#include "thingspane.h"
#include "widgetwaits.h"

#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>

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
 * Removes the drafts an earlier run left: a test's HOME outlives the run. False if they could
 * not be removed.
 */
inline bool removeStoredDrafts()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/drafts"))
        .removeRecursively();
}
