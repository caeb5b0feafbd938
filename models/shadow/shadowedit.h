// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"
#include "shadowstate.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Shadow {

/** What the shadow editor edits. */
enum class EditMode {
    Desired,  ///< the desired section (the default)
    Reported, ///< the reported section: playing the device
    Update,   ///< the UpdateThingShadow document itself, as typed
};

/** "desired", "reported" or "update": how drafts name a mode. */
QString editModeKey(EditMode mode);
std::optional<EditMode> editModeFromKey(const QString &key);

/** The server's document an edit starts from. */
struct EditBase
{
    QJsonObject state;  ///< {"desired": …, "reported": …}, an empty section left out
    qint64 version = 0; ///< 0: the shadow does not exist (yet)

    bool exists() const { return version > 0; }
    friend bool operator==(const EditBase &, const EditBase &) = default;
};

/** The base @p document gives (nullopt: the shadow does not exist, version 0). */
EditBase editBaseOf(const std::optional<Iot::ShadowDocument> &document);

/** The stored state @p base stands for, as previewUpdate() takes it (nullopt: none yet). */
std::optional<StoredState> storedStateOf(const EditBase &base);

/** What the editor shows for @p base in @p mode: the section, or an empty update document. */
QJsonObject initialObject(const EditBase &base, EditMode mode);

/** One UpdateThingShadow request made from an edit. */
struct PreparedUpdate
{
    QByteArray body;      ///< exactly what is sent (compact JSON)
    QJsonObject document; ///< body, parsed
    QJsonObject mine;     ///< the state the edit leads to: base with the update merged
    bool changesNothing = false; ///< desired and reported would stay as they are
};

/**
 * The request that saves @p edited (the editor's object) over @p base. Desired and Reported:
 * the minimal merge patch of that section (only changed keys, null for removed ones, arrays
 * whole). Update: @p edited as typed. Both carry "version" = base.version (unless the shadow
 * does not exist, or the typed update names a version) and "clientToken" = @p clientToken
 * (unless the typed update names one).
 */
PreparedUpdate prepareUpdate(const EditBase &base, EditMode mode, const QJsonObject &edited,
                             const QString &clientToken);

/** The update document that turns @p from's state into @p to (both {"desired","reported"}). */
QJsonObject updateDocumentBetween(const QJsonObject &from, const QJsonObject &to);

} // namespace Shadow
