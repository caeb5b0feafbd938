// SPDX-License-Identifier: GPL-3.0-or-later
#include "semanticcolors.h"

#include <QPalette>

#include <algorithm>

namespace SemanticColors {

QColor negativeText(const QPalette &palette)
{
    // Keep the text's side of the base colour: on a dark base a light red, on a light base a
    // dark one, so the contrast of the palette's own text is kept.
    const bool darkBase = palette.color(QPalette::Base).lightness() < 128;
    const int textLightness = palette.color(QPalette::Text).lightness();
    const int lightness
        = darkBase ? std::clamp(textLightness, 150, 200) : std::clamp(textLightness, 70, 110);
    return QColor::fromHsl(0, 200, lightness);
}

} // namespace SemanticColors
