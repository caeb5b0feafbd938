// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shadow/shadowedit.h"
#include "shadow/updatecheck.h"

#include <QDialog>

class QPushButton;

/**
 * What Save sends, before it is sent: the exact UpdateThingShadow body (the minimal merge
 * patch with its version and clientToken), the changes it makes path by path (added,
 * removed, changed, with old and new values), and the state before and after side by side.
 * AWS's rules are checked first (Shadow::previewUpdate): when the service would refuse,
 * the dialog says why in plain words, with AWS's own message, and Send is disabled.
 *
 * Key children: "reviewBody" (the body), "reviewChanges" (QTreeWidget), "reviewDiff"
 * (DiffView), "reviewSummary", "reviewProblem" (QLabel), "reviewSend" (QPushButton).
 */
class ReviewDialog final : public QDialog
{
    Q_OBJECT
public:
    ReviewDialog(const QString &title, const Shadow::EditBase &base,
                 const Shadow::PreparedUpdate &update, const Shadow::UpdatePreview &preview,
                 QWidget *parent = nullptr);

    QPushButton *sendButton() const { return m_send; }

private:
    QPushButton *m_send;
};
