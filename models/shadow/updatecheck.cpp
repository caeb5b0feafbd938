// SPDX-License-Identifier: GPL-3.0-or-later
#include "updatecheck.h"

#include "jsondiff.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <limits>
#include <variant>

namespace Shadow {

namespace {

const QString kState = QStringLiteral("state");
const QString kDesired = QStringLiteral("desired");
const QString kReported = QStringLiteral("reported");
const QString kVersion = QStringLiteral("version");
const QString kClientToken = QStringLiteral("clientToken");

/** How deep a value nests and the path down to its deepest object or array. */
struct Nesting
{
    int depth = 0;
    JsonPath path;
};

/** Levels of objects and arrays as parseUpdateRequest counts them: {"a":1} is 1,
 *  {"a":{"b":1}} and {"a":[1]} are 2; array elements appear in the path as indexes. */
Nesting deepestNesting(const QJsonValue &value)
{
    Nesting deepest;
    const auto consider = [&deepest](const QString &step, const QJsonValue &child) {
        Nesting nested = deepestNesting(child);
        if (nested.depth > deepest.depth) {
            nested.path.prepend(step);
            deepest = nested;
        }
    };
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            consider(it.key(), it.value());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            consider(QString::number(i), array.at(i));
    } else {
        return deepest;
    }
    ++deepest.depth;
    return deepest;
}

/** The path of the first null inside an array within @p value, if any. */
std::optional<JsonPath> nullInArray(const QJsonValue &value)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString step = QString::number(i);
            if (array.at(i).isNull())
                return JsonPath { step };
            if (auto path = nullInArray(array.at(i))) {
                path->prepend(step);
                return path;
            }
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (auto path = nullInArray(it.value())) {
                path->prepend(it.key());
                return path;
            }
        }
    }
    return std::nullopt;
}

/** "a string", "an array", … for a value the user wrote where another type belongs. */
QString kindOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return QCoreApplication::translate("Shadow", "true or false");
    case QJsonValue::Double:
        return QCoreApplication::translate("Shadow", "a number");
    case QJsonValue::String:
        return QCoreApplication::translate("Shadow", "a string");
    case QJsonValue::Array:
        return QCoreApplication::translate("Shadow", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("Shadow", "an object");
    default:
        return QCoreApplication::translate("Shadow", "null");
    }
}

QString explainSyntax(const QByteArray &body, const QJsonParseError &parseError)
{
    // QJsonParseError::offset mostly points just past the offending character.
    const qsizetype offset = std::clamp<qsizetype>(parseError.offset - 1, 0, body.size());
    const QByteArray before = body.left(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    return QCoreApplication::translate("Shadow",
                                       "The JSON is malformed near line %1, column %2: %3.")
        .arg(before.count('\n') + 1)
        .arg(QString::fromUtf8(before.mid(lineStart)).size() + 1)
        .arg(parseError.errorString());
}

QString explainInvalidJson(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return explainSyntax(body, parseError);
    if (!document.isObject()) {
        return QCoreApplication::translate(
            "Shadow",
            "The document must be a JSON object such as {\"state\": {\"desired\": {…}}}.");
    }
    // Parsed, and an object: what parseUpdateRequest refused is a null inside an array.
    const QJsonObject state = document.object().value(kState).toObject();
    JsonPath path { kState };
    for (const QString &section : { kDesired, kReported }) {
        if (const auto found = nullInArray(state.value(section))) {
            path << section << *found;
            break;
        }
    }
    return QCoreApplication::translate("Shadow",
                                       "AWS IoT does not accept null inside an array (at %1); "
                                       "remove the element or give it a value.")
        .arg(jsonPointer(path));
}

QString explainInvalidNode(const QJsonObject &root)
{
    QStringList extra;
    const QJsonObject state = root.value(kState).toObject();
    for (auto it = state.begin(); it != state.end(); ++it) {
        if (it.key() != kDesired && it.key() != kReported)
            extra.append(QLatin1Char('"') + it.key() + QLatin1Char('"'));
    }
    return QCoreApplication::translate(
               "Shadow", "\"state\" may hold only \"desired\" and \"reported\"; remove %1.")
        .arg(extra.join(QStringLiteral(", ")));
}

QString explainSectionType(const QJsonObject &root, const QString &section)
{
    return QCoreApplication::translate("Shadow",
                                       "\"%1\" must be an object (or null to clear it), not %2.")
        .arg(section, kindOf(root.value(kState).toObject().value(section)));
}

QString explainClientToken(const QJsonObject &root, const Limits &limits)
{
    const QJsonValue token = root.value(kClientToken);
    if (!token.isString()) {
        return QCoreApplication::translate("Shadow", "clientToken must be a string, not %1.")
            .arg(kindOf(token));
    }
    return QCoreApplication::translate("Shadow",
                                       "clientToken is %L1 bytes long; AWS IoT allows %L2.")
        .arg(token.toString().toUtf8().size())
        .arg(limits.maxClientTokenBytes);
}

QString explainVersion(const QJsonObject &root)
{
    const QJsonValue version = root.value(kVersion);
    const QString written = version.isDouble()
        ? QString::number(version.toDouble(), 'g', QLocale::FloatingPointShortest)
        : kindOf(version);
    return QCoreApplication::translate("Shadow", "version must be a whole number, not %1.")
        .arg(written);
}

QString explainDepth(const QJsonObject &root, const Limits &limits)
{
    const QJsonObject state = root.value(kState).toObject();
    for (const QString &section : { kDesired, kReported }) {
        const Nesting nesting = deepestNesting(state.value(section));
        if (nesting.depth > limits.maxDepth) {
            return QCoreApplication::translate(
                       "Shadow",
                       "\"%1\" is nested %L2 levels deep (at %3); AWS IoT allows %L4 (the "
                       "desired or reported object counts as one).")
                .arg(section)
                .arg(nesting.depth)
                .arg(jsonPointer(JsonPath { kState, section } + nesting.path))
                .arg(limits.maxDepth);
        }
    }
    return {};
}

/** The plain words for what parseUpdateRequest refused. */
QString explainParseError(const ValidationError &error, const QByteArray &body,
                          const Limits &limits)
{
    if (error.httpStatus == 415) {
        return QCoreApplication::translate(
            "Shadow", "The document is not valid UTF-8; AWS IoT accepts UTF-8 text only.");
    }
    if (error.message == QLatin1String("Invalid JSON"))
        return explainInvalidJson(body);
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    if (error.message == QLatin1String("Missing required node: state")) {
        return QCoreApplication::translate("Shadow",
                                           "The document has no \"state\"; write the "
                                           "changes as {\"state\": {\"desired\": {…}}} or "
                                           "with \"reported\".");
    }
    if (error.message == QLatin1String("State node must be an object")) {
        return QCoreApplication::translate("Shadow",
                                           "\"state\" must be an object holding \"desired\" and/or "
                                           "\"reported\" (or null to clear both), not %1.")
            .arg(kindOf(root.value(kState)));
    }
    if (error.message == QLatin1String("Desired node must be an object"))
        return explainSectionType(root, kDesired);
    if (error.message == QLatin1String("Reported node must be an object"))
        return explainSectionType(root, kReported);
    if (error.message == QLatin1String("State contains an invalid node"))
        return explainInvalidNode(root);
    if (error.message == QLatin1String("Invalid clientToken"))
        return explainClientToken(root, limits);
    if (error.message == QLatin1String("Invalid version"))
        return explainVersion(root);
    return explainDepth(root, limits);
}

} // namespace

UpdatePreview previewUpdate(const QByteArray &body, const std::optional<StoredState> &current,
                            qint64 previousVersion, const Limits &limits)
{
    const auto parsed = parseUpdateRequest(body, limits);
    if (const auto *error = std::get_if<ValidationError>(&parsed))
        return UpdatePreview { *error, explainParseError(*error, body, limits), 0, {} };
    const UpdateRequest &request = std::get<UpdateRequest>(parsed);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto applied = applyUpdate(current, previousVersion, request, now, limits);
    if (const auto *outcome = std::get_if<UpdateOutcome>(&applied))
        return UpdatePreview { std::nullopt, {}, outcome->state.stateBytes(), outcome->state };

    const ValidationError &error = std::get<ValidationError>(applied);
    QString explanation;
    if (error.httpStatus == 409) {
        const QString text = current
            ? QCoreApplication::translate(
                "Shadow", "The shadow changed since you started editing (your version %1, now %2).")
            : QCoreApplication::translate(
                "Shadow",
                "The shadow was deleted since you started editing (your version %1, now %2).");
        explanation = text.arg(request.version.value_or(0))
                          .arg(current ? current->version : previousVersion);
    } else {
        // Merge again without the size limit to tell the user the size it would reach.
        Limits unlimited = limits;
        unlimited.maxStateBytes = std::numeric_limits<qsizetype>::max();
        const auto unbounded = applyUpdate(current, previousVersion, request, now, unlimited);
        const qsizetype bytes = std::get<UpdateOutcome>(unbounded).state.stateBytes();
        explanation = QCoreApplication::translate(
                          "Shadow",
                          "After this update the shadow would hold %L1 bytes of desired "
                          "and reported state; AWS IoT allows %L2.")
                          .arg(bytes)
                          .arg(limits.maxStateBytes);
    }
    return UpdatePreview { error, explanation, 0, {} };
}

} // namespace Shadow
