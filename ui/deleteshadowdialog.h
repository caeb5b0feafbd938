// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

/**
 * Asks before a shadow is deleted: says what will be deleted, that AWS cannot undo it and
 * that a local copy is kept in Recently deleted, and keeps Delete disabled until the user
 * types the shadow's name exactly ("classic" for the classic shadow). Delete is styled as
 * destructive and is not the default button: Enter and Escape both cancel. Accepted means
 * delete.
 * Child object names: "deleteShadowConfirm" (QLineEdit), "deleteShadowButton" and
 * "deleteShadowCancel" (QPushButton).
 */
class DeleteShadowDialog final : public QDialog
{
    Q_OBJECT
public:
    /** @p shadowName empty: the classic shadow. */
    DeleteShadowDialog(const QString &thingName, const QString &shadowName,
                       QWidget *parent = nullptr);
    ~DeleteShadowDialog() override;

    /** What the user must type: the shadow's name, or "classic". */
    QString confirmationText() const { return m_expected; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateDestructiveColour();

    QString m_expected;
    QLineEdit *m_confirm;
    QPushButton *m_delete;
};
