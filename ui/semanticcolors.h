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

} // namespace SemanticColors
