// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

/**
 * The first screen when the window has no connection: it offers the built-in sandbox (a demo
 * fleet, nothing leaves the machine), explains how to add a profile (aws configure, or a
 * Shadowscope profile whose secret stays in the keychain), and says why the last connection
 * failed, if it did.
 */
class WelcomePage final : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    /** Why there is no connection: empty for "no credentials found", else the failure. */
    void setProblem(const QString &problem);
    QString problem() const;

Q_SIGNALS:
    void sandboxRequested();
    void addProfileRequested();
    void chooseConnectionRequested();

private:
    QLabel *m_problem;
};
