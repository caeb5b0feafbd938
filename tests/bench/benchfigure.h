// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <cstdio>

/**
 * Prints one figure of a benchmark as "name value unit" on its own line (and flushes it, so
 * a harness reading the pipe sees each figure as it is measured).
 */
inline void printFigure(const char *name, double value, const char *unit)
{
    std::printf("%s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

/** printFigure() of a name put together at run time. */
inline void printFigure(const QByteArray &name, double value, const char *unit)
{
    printFigure(name.constData(), value, unit);
}
