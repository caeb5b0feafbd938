// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"
#include "icons.h"
#include "settings/applicationidentity.h"

#include <QApplication>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    Settings::applyApplicationIdentity();
    QApplication::setApplicationVersion(QStringLiteral(SHADOWSCOPE_VERSION));

    // The command line is read before the GUI starts, so --help, --version and mistakes
    // answer without a display.
    LaunchOptions options;
    {
        QCoreApplication parsing(argc, argv);
        options = Application::parseCommandLine(QCoreApplication::arguments());
    }

    // A screenshot is rendered offscreen, with no display needed.
    if (!options.screenshotFile.isEmpty())
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication qapp(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Shadowscope"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.shadowscope.Shadowscope"));
    QApplication::setWindowIcon(Icons::application());
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("shadowscope"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    Application app(options);
    return app.run();
}
