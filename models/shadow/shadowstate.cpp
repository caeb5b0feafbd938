// SPDX-License-Identifier: GPL-3.0-or-later
#include "shadowstate.h"

#include "delta.h"
#include "mergepatch.h"
#include "metadata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>
#include <QStringList>

#include <algorithm>

namespace Shadow {

namespace {

const QString kDesired = QStringLiteral("desired");
const QString kReported = QStringLiteral("reported");
const QString kState = QStringLiteral("state");
const QString kMetadata = QStringLiteral("metadata");
const QString kVersion = QStringLiteral("version");
const QString kTimestamp = QStringLiteral("timestamp");
const QString kClientToken = QStringLiteral("clientToken");
const QString kDesiredMetadata = QStringLiteral("desiredMetadata");
const QString kReportedMetadata = QStringLiteral("reportedMetadata");

/** The value as an integer, or nullopt for a non-number or a number with a fraction. */
std::optional<qint64> integerValue(const QJsonValue &value)
{
    // Two defaults tell an exact integer from anything toInteger() cannot represent.
    if (!value.isDouble() || value.toInteger(0) != value.toInteger(1))
        return std::nullopt;
    return value.toInteger();
}

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(bytes); // the decoder only runs when converted to a string
    return !decoder.hasError();
}

bool hasNullInArray(const QJsonValue &value)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(), [](const QJsonValue &element) {
            return element.isNull() || hasNullInArray(element);
        });
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        return std::any_of(object.begin(), object.end(), hasNullInArray);
    }
    return false;
}

/** Levels of objects and arrays: {"a":1} is 1, {"a":{"b":1}} and {"a":[1]} are 2. */
int nestingDepth(const QJsonValue &value)
{
    int deepest = 0;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (const QJsonValue &child : object)
            deepest = std::max(deepest, nestingDepth(child));
    } else if (value.isArray()) {
        for (const QJsonValue &child : value.toArray())
            deepest = std::max(deepest, nestingDepth(child));
    } else {
        return 0;
    }
    return deepest + 1;
}

std::optional<ValidationError> checkSectionType(const QJsonObject &state, const QString &key,
                                                const QString &message)
{
    const auto it = state.constFind(key);
    if (it != state.constEnd() && !it.value().isObject() && !it.value().isNull())
        return invalidRequest(message);
    return std::nullopt;
}

std::optional<ValidationError> checkState(const QJsonObject &state)
{
    if (auto error = checkSectionType(state, kDesired,
                                      QStringLiteral("Desired node must be an object")))
        return error;
    if (auto error = checkSectionType(state, kReported,
                                      QStringLiteral("Reported node must be an object")))
        return error;
    for (auto it = state.begin(); it != state.end(); ++it) {
        if (it.key() != kDesired && it.key() != kReported)
            return invalidRequest(QStringLiteral("State contains an invalid node"));
    }
    return std::nullopt;
}

std::optional<ValidationError> checkDepth(const QJsonObject &state, const Limits &limits)
{
    if (nestingDepth(state.value(kDesired)) > limits.maxDepth
        || nestingDepth(state.value(kReported)) > limits.maxDepth) {
        return invalidRequest(
            QStringLiteral("JSON contains too many levels of nesting; maximum is %1")
                .arg(limits.maxDepth));
    }
    return std::nullopt;
}

std::optional<ValidationError> checkTokenAndVersion(const QJsonObject &root, const Limits &limits)
{
    const auto token = root.constFind(kClientToken);
    if (token != root.constEnd()
        && (!token.value().isString()
            || token.value().toString().toUtf8().size() > limits.maxClientTokenBytes)) {
        return invalidRequest(QStringLiteral("Invalid clientToken"));
    }
    const auto version = root.constFind(kVersion);
    if (version != root.constEnd() && !integerValue(version.value()))
        return invalidRequest(QStringLiteral("Invalid version"));
    return std::nullopt;
}

/** Everything after JSON parsing, in AWS's order. */
std::optional<ValidationError> checkDocument(const QJsonObject &root, const Limits &limits)
{
    const QJsonObject state = root.value(kState).toObject();
    if (hasNullInArray(state.value(kDesired)) || hasNullInArray(state.value(kReported)))
        return invalidRequest(QStringLiteral("Invalid JSON"));
    if (!root.contains(kState))
        return invalidRequest(QStringLiteral("Missing required node: state"));
    const QJsonValue stateValue = root.value(kState);
    if (!stateValue.isObject() && !stateValue.isNull())
        return invalidRequest(QStringLiteral("State node must be an object"));
    if (auto error = checkState(state))
        return error;
    if (auto error = checkTokenAndVersion(root, limits))
        return error;
    return checkDepth(state, limits);
}

std::optional<QJsonValue> optionalMember(const QJsonObject &object, const QString &key)
{
    const auto it = object.constFind(key);
    return it == object.constEnd() ? std::nullopt : std::optional<QJsonValue>(it.value());
}

UpdateRequest toRequest(const QJsonObject &root)
{
    UpdateRequest request;
    request.stateIsNull = root.value(kState).isNull();
    const QJsonObject state = root.value(kState).toObject();
    request.desired = optionalMember(state, kDesired);
    request.reported = optionalMember(state, kReported);
    if (const auto version = optionalMember(root, kVersion))
        request.version = integerValue(*version);
    if (const auto token = optionalMember(root, kClientToken))
        request.clientToken = token->toString();
    return request;
}

/** Merges one requested section (an object or null) into a stored section and its metadata. */
void applySection(QJsonObject &section, QJsonObject &metadata, const QJsonValue &patch,
                  qint64 now)
{
    const QJsonObject patchObject = patch.toObject();
    metadata = mergeMetadata(metadata, section, patchObject, now);
    section = applyMergePatch(section, patchObject);
    if (patch.isNull() || section.isEmpty()) {
        section = QJsonObject();
        metadata = QJsonObject();
    }
}

QJsonObject sectionsObject(const QJsonObject &desired, const QJsonObject &reported)
{
    QJsonObject sections;
    if (!desired.isEmpty())
        sections.insert(kDesired, desired);
    if (!reported.isEmpty())
        sections.insert(kReported, reported);
    return sections;
}

/** The accepted document: what the request sent, with fresh metadata for exactly that. */
QJsonObject acceptedDocument(const UpdateRequest &request, qint64 version, qint64 now)
{
    QJsonObject response;
    if (request.stateIsNull) {
        response.insert(kState, QJsonValue::Null);
        response.insert(kMetadata, QJsonObject{{kTimestamp, now}});
    } else {
        QJsonObject state;
        QJsonObject metadata;
        if (request.desired) {
            state.insert(kDesired, *request.desired);
            metadata.insert(kDesired, metadataFor(*request.desired, now));
        }
        if (request.reported) {
            state.insert(kReported, *request.reported);
            metadata.insert(kReported, metadataFor(*request.reported, now));
        }
        response.insert(kState, state);
        response.insert(kMetadata, metadata);
    }
    response.insert(kVersion, version);
    response.insert(kTimestamp, now);
    if (request.clientToken)
        response.insert(kClientToken, *request.clientToken);
    return response;
}

StoredState mergedState(StoredState state, const UpdateRequest &request, qint64 now)
{
    if (request.stateIsNull) {
        state.desired = state.reported = QJsonObject();
        state.desiredMetadata = state.reportedMetadata = QJsonObject();
    }
    if (request.desired)
        applySection(state.desired, state.desiredMetadata, *request.desired, now);
    if (request.reported)
        applySection(state.reported, state.reportedMetadata, *request.reported, now);
    return state;
}

} // namespace

QJsonObject StoredState::toGetResponse(qint64 now) const
{
    QJsonObject state = sectionsObject(desired, reported);
    const QJsonObject delta = computeDelta(desired, reported);
    if (!delta.isEmpty())
        state.insert(QStringLiteral("delta"), delta);
    QJsonObject metadata;
    if (!desired.isEmpty())
        metadata.insert(kDesired, desiredMetadata);
    if (!reported.isEmpty())
        metadata.insert(kReported, reportedMetadata);
    return QJsonObject{{kState, state}, {kMetadata, metadata}, {kVersion, version},
                       {kTimestamp, now}};
}

qsizetype StoredState::stateBytes() const
{
    return QJsonDocument(sectionsObject(desired, reported)).toJson(QJsonDocument::Compact).size();
}

QJsonObject StoredState::toJson() const
{
    return QJsonObject{{kDesired, desired},
                       {kReported, reported},
                       {kDesiredMetadata, desiredMetadata},
                       {kReportedMetadata, reportedMetadata},
                       {kVersion, version}};
}

std::optional<StoredState> StoredState::fromJson(const QJsonObject &json)
{
    const QStringList objectKeys{kDesired, kReported, kDesiredMetadata, kReportedMetadata};
    const bool objectsValid = std::all_of(objectKeys.begin(), objectKeys.end(),
                                          [&json](const QString &key) {
                                              return json.value(key).isObject();
                                          });
    const std::optional<qint64> storedVersion = integerValue(json.value(kVersion));
    if (!objectsValid || !storedVersion || *storedVersion < 0)
        return std::nullopt;
    return StoredState{json.value(kDesired).toObject(), json.value(kReported).toObject(),
                       json.value(kDesiredMetadata).toObject(),
                       json.value(kReportedMetadata).toObject(), *storedVersion};
}

std::variant<UpdateRequest, ValidationError> parseUpdateRequest(const QByteArray &body,
                                                               const Limits &limits)
{
    if (!isUtf8(body)) {
        return ValidationError{
            415, QStringLiteral("UnsupportedDocumentEncodingException"),
            QStringLiteral("Unsupported documented encoding; supported encoding is UTF-8")};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return invalidRequest(QStringLiteral("Invalid JSON"));
    const QJsonObject root = document.object();
    if (auto error = checkDocument(root, limits))
        return *error;
    return toRequest(root);
}

std::variant<UpdateOutcome, ValidationError> applyUpdate(const std::optional<StoredState> &current,
                                                        qint64 previousVersion,
                                                        const UpdateRequest &request,
                                                        qint64 now, const Limits &limits)
{
    const qint64 currentVersion = current ? current->version : previousVersion;
    if (request.version && *request.version != currentVersion)
        return ValidationError{409, QStringLiteral("ConflictException"),
                               QStringLiteral("Version conflict")};
    StoredState next = mergedState(current.value_or(StoredState{}), request, now);
    if (next.stateBytes() > limits.maxStateBytes)
        return ValidationError{413, QStringLiteral("RequestEntityTooLargeException"),
                               QStringLiteral("The payload exceeds the maximum size allowed")};
    next.version = currentVersion + 1;
    return UpdateOutcome{next, acceptedDocument(request, next.version, now)};
}

} // namespace Shadow
