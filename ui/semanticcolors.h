// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

class QPalette;

/**
 * Colours with a meaning (failure, …) derived from a palette, so they follow light and dark
 * themes. Callers ask again on QEvent::PaletteChange, or per paint from the style option.
 */
namespace SemanticColors {

/** Text that reports a failure: red, as light or dark as @p palette's text for contrast. */
QColor negativeText(const QPalette &palette);

/**
 * Text in @p hue (0 to 359, as QColor::fromHsl), as light or dark as @p palette's text for
 * contrast, a little less saturated than negativeText() (e.g. syntax highlighting).
 */
QColor tintedText(const QPalette &palette, int hue);

/** @p base moved @p amount (0: @p base, 1: @p tint) of the way to @p tint, opaque. */
QColor blend(const QColor &base, const QColor &tint, double amount);

} // namespace SemanticColors
