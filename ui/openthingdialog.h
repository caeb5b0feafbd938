// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

/**
 * "Open thing by name" (Ctrl+K): for accounts that may read shadows but not list things, a
 * line edit that completes from @p suggestions (pinned, recent and loaded things, in that
 * order; any part of a name matches) and checks the name as AWS does (1 to 128 of a-z A-Z
 * 0-9 : _ -), saying inline what is wrong; Open is enabled only for a valid name.
 * Child object names: "openThingName" (QLineEdit), "openThingError" (QLabel).
 */
class OpenThingDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit OpenThingDialog(const QStringList &suggestions, QWidget *parent = nullptr);
    ~OpenThingDialog() override;

    /** The name typed, trimmed; valid once the dialog was accepted. */
    QString thingName() const;

    /**
     * Asks for a thing name (modal); returns it, or an empty string when cancelled.
     * @see OpenThingDialog
     */
    static QString getThingName(QWidget *parent, const QStringList &suggestions);

protected:
    void changeEvent(QEvent *event) override;

private:
    void validate();
    void updateErrorColour();

    QLineEdit *m_name;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};
