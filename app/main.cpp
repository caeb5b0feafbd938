// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication qapp(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Shadowscope"));
    QApplication::setOrganizationName(QStringLiteral("Shadowscope"));
    QApplication::setApplicationVersion(QStringLiteral(SHADOWSCOPE_VERSION));
    Application app;
    return app.run();
}
