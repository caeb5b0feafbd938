// SPDX-License-Identifier: GPL-3.0-or-later
#include "semanticcolors.h"

#include <QPalette>

#include <algorithm>

namespace {

// Keep the text's side of the base colour: on a dark base a light colour, on a light base a
// dark one no lighter than @p lightCeiling, so the contrast of the palette's own text is kept.
int textSideLightness(const QPalette &palette, int lightCeiling)
{
    const bool darkBase = palette.color(QPalette::Base).lightness() < 128;
    const int textLightness = palette.color(QPalette::Text).lightness();
    return darkBase ? std::clamp(textLightness, 150, 200)
                    : std::clamp(textLightness, lightCeiling - 40, lightCeiling);
}

} // namespace

namespace SemanticColors {

QColor negativeText(const QPalette &palette)
{
    return QColor::fromHsl(0, 200, textSideLightness(palette, 110));
}

QColor tintedText(const QPalette &palette, int hue)
{
    return QColor::fromHsl(hue, 170, textSideLightness(palette, 100));
}

QColor blend(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + tint.redF() * amount),
                            float(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            float(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

} // namespace SemanticColors
