// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QtGlobal>

/** Parses a JSON literal of any type (object, array or scalar); a malformed literal aborts. */
inline QJsonValue json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray("[") + text + QByteArray("]"), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("Malformed JSON literal in test: %s", text);
    return document.array().at(0);
}

inline QJsonObject jsonObject(const char *text)
{
    const QJsonValue value = json(text);
    if (!value.isObject())
        qFatal("JSON literal in test is not an object: %s", text);
    return value.toObject();
}
