// SPDX-License-Identifier: GPL-3.0-or-later
// Open Thing by Name: completion from the suggestions, AWS's thing-name rule checked as typed
// with the problem said inline, Open enabled only for a valid name, and getThingName()
// returning what was typed (or nothing when cancelled).
#include "openthingdialog.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>

#include <algorithm>

class TestOpenThingDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validation_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QString() << false << QString();
        QTest::newRow("plain") << QStringLiteral("lamp-01") << true << QString();
        QTest::newRow("all allowed") << QStringLiteral("a:B_9-z") << true << QString();
        QTest::newRow("space inside")
            << QStringLiteral("lamp 01") << false
            << QStringLiteral("Invalid thing name. “ ” is not allowed; use letters a–z and A–Z, "
                              "digits, colons, underscores and hyphens.");
        QTest::newRow("e acute")
            << QStringLiteral("café") << false
            << QStringLiteral("Invalid thing name. “é” is not allowed; use letters a–z and A–Z, "
                              "digits, colons, underscores and hyphens.");
        QTest::newRow("too long") << QString(129, u'a') << false
                                  << QStringLiteral("Invalid thing name. It has 129 characters; "
                                                    "at most 128 are allowed.");
        QTest::newRow("longest") << QString(128, u'a') << true << QString();
    }
    void validation()
    {
        QFETCH(QString, typed);
        QFETCH(bool, valid);
        QFETCH(QString, message);
        OpenThingDialog dialog({});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("openThingName"));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("openThingError"));
        auto *open = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open);
        QVERIFY(name && error && open);
        QVERIFY(!open->isEnabled());
        // QTest types ASCII only.
        if (std::all_of(typed.cbegin(), typed.cend(), [](QChar c) { return c.unicode() < 128; }))
            QTest::keyClicks(name, typed);
        else
            name->insert(typed);
        QCOMPARE(open->isEnabled(), valid);
        QCOMPARE(error->isVisible(), !message.isEmpty());
        QCOMPARE(error->text(), message);
    }

    // The completer offers the suggestions that contain what was typed, in their order.
    void completes()
    {
        OpenThingDialog dialog({ QStringLiteral("pinned-lamp"), QStringLiteral("recent-door"),
                                 QStringLiteral("Lamp-02"), QStringLiteral("pinned-lamp") });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("openThingName"));
        QTest::keyClicks(name, QStringLiteral("lamp"));
        QCompleter *completer = name->completer();
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->completionCount(), 2);
        QStringList offered;
        for (int row = 0; completer->setCurrentRow(row); ++row)
            offered.append(completer->currentCompletion());
        QCOMPARE(offered,
                 (QStringList { QStringLiteral("pinned-lamp"), QStringLiteral("Lamp-02") }));
    }

    // getThingName(): Enter on a valid name returns it (trimmed); Escape returns nothing.
    void getThingName()
    {
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<OpenThingDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("openThingName"));
            QTest::keyClicks(name, QStringLiteral(" door:7 "));
            QTest::keyClick(name, Qt::Key_Return);
        });
        QCOMPARE(OpenThingDialog::getThingName(nullptr, {}), QStringLiteral("door:7"));

        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<OpenThingDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        QCOMPARE(OpenThingDialog::getThingName(nullptr, {}), QString());
    }
};

QTEST_MAIN(TestOpenThingDialog)
#include "tst_openthingdialog.moc"
