// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QSize>
#include <QTest>
#include <QTimer>
#include <QWidget>

/** Shows @p widget, resized to @p size when that is valid, and waits until it is exposed. */
inline bool showExposed(QWidget &widget, QSize size = {})
{
    if (size.isValid())
        widget.resize(size);
    widget.show();
    return QTest::qWaitForWindowExposed(&widget);
}

/**
 * Shows @p widget, resized to @p size when that is valid, activates it and waits until it is
 * the active window (so that it takes the keys a test types).
 */
inline bool showActive(QWidget &widget, QSize size = {})
{
    if (size.isValid())
        widget.resize(size);
    widget.show();
    widget.activateWindow();
    return QTest::qWaitForWindowActive(&widget);
}

/**
 * Waits (up to 10 s) until @p parent has a visible child dialog of type @p Dialog other than
 * @p except (one already handled, perhaps still being deleted); nullptr if none shows.
 */
template<class Dialog>
Dialog *waitForDialog(QWidget *parent, const QObject *except = nullptr)
{
    Dialog *found = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        const QList<Dialog *> dialogs = parent->findChildren<Dialog *>();
        for (Dialog *dialog : dialogs) {
            if (dialog != except && dialog->isVisible())
                found = dialog;
        }
        return found != nullptr;
    }, 10000);
    return shown ? found : nullptr;
}

/** What answerMessageBox() saw. */
struct BoxAnswer
{
    bool seen = false;
    QString text;
    QString informative;
    QString defaultButton;
};

/**
 * Clicks the button containing @p buttonText of the next message box named @p objectName
 * (opened modally, from the call that follows this one), and keeps in @p answer the box's
 * texts and default button.
 */
inline void answerMessageBox(const QString &objectName, const QString &buttonText, BoxAnswer *answer)
{
    QTimer::singleShot(0, [=] {
        const bool shown = QTest::qWaitFor([&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            return box && box->objectName() == objectName;
        }, 10000);
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!shown || !box)
            return;
        answer->seen = true;
        answer->text = box->text();
        answer->informative = box->informativeText();
        if (box->defaultButton())
            answer->defaultButton = box->defaultButton()->text().remove(u'&');
        const QList<QAbstractButton *> buttons = box->buttons();
        for (QAbstractButton *button : buttons) {
            if (button->text().remove(u'&').contains(buttonText)) {
                button->click();
                return;
            }
        }
    });
}
