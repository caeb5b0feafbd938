// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shadowstate.h"
#include "validationerror.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Shadow {

/** What UpdateThingShadow would answer to a body, worked out before sending it. */
struct UpdatePreview
{
    std::optional<ValidationError> error; ///< what AWS would answer (its exact message)
    QString explanation; ///< the same in plain words for the user (tr()), empty when no error
    qsizetype stateBytesAfter = 0; ///< compact desired+reported size after the merge (0 on error)
    StoredState after; ///< the state after the update (on success)
};

/**
 * Checks @p body as UpdateThingShadow would (parseUpdateRequest(), then applyUpdate() against
 * @p current; nullopt: the shadow does not exist yet, previous version @p previousVersion),
 * so the editor can refuse before sending: JSON, only state/desired/reported (+version,
 * clientToken), node types, nesting, version, size after the merge against 8 KB.
 *
 * The explanation names the place and the numbers: the line and column of a JSON syntax
 * error, the path of a null inside an array or of the deepest nesting, the offending member
 * of state, both versions of a conflict, the size a too-large update would reach. Its texts
 * are translated in the "Shadow" context. @p after's metadata is stamped with the current time.
 */
UpdatePreview previewUpdate(const QByteArray &body, const std::optional<StoredState> &current,
                            qint64 previousVersion = 0, const Limits &limits = {});

} // namespace Shadow
