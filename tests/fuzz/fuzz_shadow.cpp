// SPDX-License-Identifier: GPL-3.0-or-later
// Shadow semantics on any input: an UpdateThingShadow body checked against nothing and
// against the state a first body led to (previewUpdate: parse, validate, merge, delta,
// limits); merge patches created and applied; delta; name and topic validation.
// Fields: body, first body, two JSON objects, a name or topic.
#include "fuzzinput.h"
#include "shadow/delta.h"
#include "shadow/mergepatch.h"
#include "shadow/updatecheck.h"
#include "shadow/validation.h"

#include <QJsonArray>

#include <cstdio>

namespace {

bool hasNullMember(const QJsonObject &object)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        if (it->isNull() || (it->isObject() && hasNullMember(it->toObject())))
            return true;
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput input(data, size);

    const Shadow::UpdatePreview first = Shadow::previewUpdate(input.field(1), std::nullopt);
    const Shadow::UpdatePreview onFirst = Shadow::previewUpdate(
        input.field(0), first.error ? std::nullopt : std::optional(first.after), 0);
    FUZZ_ASSERT(onFirst.error.has_value() != onFirst.explanation.isEmpty());
    FUZZ_ASSERT(onFirst.error || onFirst.stateBytesAfter <= Shadow::Limits{}.maxStateBytes);

    // A merge patch takes any document to any other (one without null members: a null
    // member is what a merge patch cannot set).
    const QJsonObject from = input.object(2);
    const QJsonObject to = input.object(3);
    const QJsonObject patch = Shadow::createMergePatch(from, to);
    if (!hasNullMember(to))
        FUZZ_ASSERT(Shadow::jsonEqual(Shadow::applyMergePatch(from, patch), to));
    FUZZ_ASSERT(Shadow::createMergePatch(to, to).isEmpty());

    // The delta of a document against itself is empty; its keys are desired's.
    FUZZ_ASSERT(Shadow::computeDelta(to, to).isEmpty());
    const QJsonObject delta = Shadow::computeDelta(from, to);
    for (auto it = delta.begin(); it != delta.end(); ++it)
        FUZZ_ASSERT(from.contains(it.key()));

    const QString name = QString::fromUtf8(input.field(4));
    Shadow::validateThingName(name);
    Shadow::validateShadowName(name);
    Shadow::validatePublishTopic(name, false);
    Shadow::validatePublishTopic(name, true);
    Shadow::parseShadowTopic(name);
    return 0;
}
