// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QFile>
#include <QStringList>

#include <functional>

// One line per row, children indented by two spaces under their parent: the display text of
// each column joined by " | ", then whatever @p flags adds for the row (e.g. " [changed]").
inline QStringList dumpModel(const QAbstractItemModel &model,
                             const std::function<QString(const QModelIndex &)> &flags = {},
                             const QModelIndex &parent = {}, int depth = 0)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(parent); ++column)
            cells.append(model.index(row, column, parent).data().toString());
        const QModelIndex first = model.index(row, 0, parent);
        lines.append(QString(depth * 2, u' ') + cells.join(QStringLiteral(" | "))
                     + (flags ? flags(first) : QString()));
        lines.append(dumpModel(model, flags, first, depth + 1));
    }
    return lines;
}

// The lines of a golden file under tests/data (SHADOWSCOPE_GOLDEN_DIR), without the final
// newline. With SHADOWSCOPE_UPDATE_GOLDEN=1 in the environment it first writes @p actual there,
// so a deliberate change of the dump is one test run and a review of the diff.
inline QStringList goldenLines(const QString &fileName, const QStringList &actual)
{
    QFile file(QStringLiteral(SHADOWSCOPE_GOLDEN_DIR "/") + fileName);
    if (qEnvironmentVariableIntValue("SHADOWSCOPE_UPDATE_GOLDEN") == 1
        && file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        QString text = actual.join(u'\n');
        text += u'\n';
        file.write(text.toUtf8());
        file.close();
    }
    if (!file.open(QIODevice::ReadOnly))
        return { QStringLiteral("cannot read %1").arg(file.fileName()) };
    QString text = QString::fromUtf8(file.readAll());
    if (text.endsWith(u'\n'))
        text.chop(1);
    return text.split(u'\n');
}
