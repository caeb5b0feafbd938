// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QJsonObject>
#include <QStringList>

class JsonHighlighter;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

/**
 * "New Shadow": asks for the name of a named shadow to create on @p thingName, checked as
 * typed against AWS's rule (Shadow::validateShadowName) and the names already listed, and an
 * optional initial desired state (a JSON object, checked as AWS would check the update).
 * Each problem is said under its field; Create is enabled only when both are valid.
 * Child object names: "newShadowName" (QLineEdit), "newShadowNameError" (QLabel),
 * "newShadowDesired" (QPlainTextEdit), "newShadowDesiredError" (QLabel), "newShadowCreate"
 * (QPushButton, the default).
 */
class NewShadowDialog final : public QDialog
{
    Q_OBJECT
public:
    /** @p existing: names already listed (refused with a message at the field). */
    NewShadowDialog(const QString &thingName, const QStringList &existing,
                    QWidget *parent = nullptr);
    ~NewShadowDialog() override;

    /** The name typed, trimmed; valid once the dialog was accepted. */
    QString shadowName() const;
    /** The initial desired state typed by the user; {} when left empty (or not valid). */
    QJsonObject desired() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void validate();
    void updateErrorColours();

    QStringList m_existing;
    QLineEdit *m_name;
    QLabel *m_nameError;
    QPlainTextEdit *m_desired;
    JsonHighlighter *m_highlighter = nullptr;
    QLabel *m_desiredError;
    QDialogButtonBox *m_buttons;
    QPushButton *m_create;
    QJsonObject m_desiredObject;
};
