// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace Icons {

/**
 * The desktop theme's icon @p name (a freedesktop icon name such as "view-refresh"), or, when
 * the theme has none, Shadowscope's own from :/icons/actions/<name>.svg drawn in the
 * palette's text colour, so it suits light and dark themes and every scale.
 */
QIcon themed(const QString &name);

/** Shadowscope's own icon (the window's), drawn from its SVG at every size asked for. */
QIcon application();

} // namespace Icons
