// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON diff and the three-way merge on any three objects (fields: base, mine, theirs),
// with the invariants the editor relies on.
#include "fuzzinput.h"
#include "shadow/delta.h"
#include "shadow/jsondiff.h"
#include "shadow/threewaymerge.h"

#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput input(data, size);
    const QJsonObject base = input.object(0);
    const QJsonObject mine = input.object(1);
    const QJsonObject theirs = input.object(2);

    FUZZ_ASSERT(Shadow::diffJson(mine, mine).isEmpty());
    FUZZ_ASSERT(Shadow::diffJson(base, mine).isEmpty() == Shadow::jsonEqual(base, mine));

    const Shadow::ThreeWayMergeResult result = Shadow::threeWayMerge(base, mine, theirs);
    FUZZ_ASSERT(result.mineApplied == Shadow::diffJson(theirs, result.merged));
    if (Shadow::jsonEqual(mine, base)) {
        FUZZ_ASSERT(result.isClean());
        FUZZ_ASSERT(Shadow::jsonEqual(result.merged, theirs));
    }
    if (Shadow::jsonEqual(theirs, base)) {
        FUZZ_ASSERT(result.isClean());
        FUZZ_ASSERT(Shadow::jsonEqual(result.merged, mine));
    }
    // Taking theirs at every conflict leaves theirs there.
    for (const Shadow::MergeConflict &conflict : result.conflicts)
        Shadow::withValueAt(result.merged, conflict.path, std::nullopt);
    return 0;
}
