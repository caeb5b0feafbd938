// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPalette>

/**
 * Light or dark. "System" follows the desktop: the platform's palette, or, where Qt does not
 * read the desktop's preference itself (Qt before 6.5 on Linux), the freedesktop portal's
 * org.freedesktop.appearance color-scheme, asked without blocking. Light and Dark use the
 * Fusion style with a palette of their own. Every colour of the UI derives from the palette
 * (SemanticColors), so all of it follows.
 */
class ColorScheme final : public QObject
{
    Q_OBJECT
public:
    enum class Scheme { System, Light, Dark };
    Q_ENUM(Scheme)

    /** The first one made remembers the platform's own style and palette for System. */
    explicit ColorScheme(QObject *parent = nullptr);

    /** Applies @p scheme to the application (and remembers it for System's answer). */
    void apply(Scheme scheme);
    Scheme scheme() const { return m_scheme; }
    /** True when the palette in use is dark. */
    static bool isDark();

    static QPalette darkPalette();
    static QPalette lightPalette();

    /** The scheme saved in the settings (System when none). */
    static Scheme saved();
    static void save(Scheme scheme);

    /**
     * Asks the desktop portal for its color-scheme (1: prefer dark) and applies the dark
     * palette when System is in use and the desktop prefers dark; emits portalAnswered.
     */
    void askDesktop();

Q_SIGNALS:
    void portalAnswered(bool prefersDark);

private:
    void setPalette(const QPalette &palette, bool fusion);

    Scheme m_scheme = Scheme::System;
};
