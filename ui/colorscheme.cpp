// SPDX-License-Identifier: GPL-3.0-or-later
#include "colorscheme.h"

#include "settings/applicationidentity.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

#if defined(Q_OS_LINUX)
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

namespace {

const QString SettingsKey = QStringLiteral("appearance/colorScheme");

// The platform's style and palette, as they were before any scheme replaced them.
struct SystemLook
{
    QString style;
    QPalette palette;
};

const SystemLook &systemLook()
{
    static const SystemLook look{QApplication::style()->name(), QApplication::palette()};
    return look;
}

} // namespace

ColorScheme::ColorScheme(QObject *parent)
    : QObject(parent)
{
    systemLook();
}

bool ColorScheme::isDark()
{
    const QPalette palette = QApplication::palette();
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QPalette ColorScheme::darkPalette()
{
    // Breeze Dark's greys: enough contrast for text, not pitch black.
    const QColor window(0x2a, 0x2e, 0x32);
    const QColor base(0x1b, 0x1e, 0x20);
    const QColor text(0xfc, 0xfc, 0xfc);
    const QColor disabledText(0x70, 0x74, 0x78);
    const QColor highlight(0x3d, 0xae, 0xe9);
    QPalette palette(text, window, window.lighter(130), window.darker(130), window.darker(115),
                     text, text, base, window);
    palette.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
    palette.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::ToolTipBase, QColor(0x31, 0x36, 0x3b));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, text);
    palette.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    palette.setColor(QPalette::LinkVisited, QColor(0x9b, 0x59, 0xb6));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, window.lighter(150));
    return palette;
}

QPalette ColorScheme::lightPalette()
{
    // A style of its own, only asked for its palette (and deleted: found by LeakSanitizer).
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion->standardPalette();
}

void ColorScheme::setPalette(const QPalette &palette, bool fusion)
{
    const QString style = fusion ? QStringLiteral("Fusion") : systemLook().style;
    if (QApplication::style()->name().compare(style, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(style);
    QApplication::setPalette(palette);
}

void ColorScheme::apply(Scheme scheme)
{
    m_scheme = scheme;
    switch (scheme) {
    case Scheme::System:
        setPalette(systemLook().palette, false);
        askDesktop();
        break;
    case Scheme::Light:
        setPalette(lightPalette(), true);
        break;
    case Scheme::Dark:
        setPalette(darkPalette(), true);
        break;
    }
}

ColorScheme::Scheme ColorScheme::saved()
{
    const QString name = Settings::openUserSettings()->value(SettingsKey).toString();
    if (name == QLatin1String("light"))
        return Scheme::Light;
    if (name == QLatin1String("dark"))
        return Scheme::Dark;
    return Scheme::System;
}

void ColorScheme::save(Scheme scheme)
{
    static const char *const names[] = {"system", "light", "dark"};
    Settings::openUserSettings()->setValue(SettingsKey, QString::fromLatin1(names[int(scheme)]));
}

void ColorScheme::askDesktop()
{
#if defined(Q_OS_LINUX) && QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    QDBusMessage read = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.portal.Desktop"), QStringLiteral("/org/freedesktop/portal/desktop"),
        QStringLiteral("org.freedesktop.portal.Settings"), QStringLiteral("Read"));
    read << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme");
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(read, 2000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QDBusPendingReply<QDBusVariant> reply = *watcher;
        if (reply.isError())
            return;
        // The value comes wrapped in a variant, sometimes twice.
        QVariant value = reply.value().variant();
        if (value.canConvert<QDBusVariant>())
            value = value.value<QDBusVariant>().variant();
        const bool prefersDark = value.toUInt() == 1;
        if (m_scheme == Scheme::System && prefersDark && !isDark())
            setPalette(darkPalette(), true);
        Q_EMIT portalAnswered(prefersDark);
    });
#endif
}
