// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/deletedshadows.h"
#include "settings/draftstore.h"
#include "shadowhistory.h"

#include <QPointer>
#include <QString>

/**
 * What the window lends every open shadow (ShadowView, ShadowEditor) for its connection:
 * where drafts and deleted copies are kept, the versions fetched this session, and whether
 * writing is allowed. Any pointer may be nullptr (nothing is kept); none is owned, and each
 * becomes nullptr when its object goes (a window's children go in the order they were made).
 */
struct ShadowServices
{
    QPointer<Settings::DraftStore> drafts;
    QPointer<Settings::DeletedShadows> deleted;
    QPointer<ShadowHistory> history;
    QString connectionKey; ///< whose drafts and deleted copies these are
    bool readOnly = false;
};
