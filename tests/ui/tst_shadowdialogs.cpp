// SPDX-License-Identifier: GPL-3.0-or-later
// The shadow dialogs driven with QTest: New Shadow checks the name (AWS's rule, names already
// listed) and the initial desired state (a JSON object AWS would accept) as typed, saying
// what is wrong under the field; Delete Shadow enables Delete only for the exact name and
// never makes it the default; Recently deleted lists a store's entries, previews the state,
// re-creates with Ctrl+R, forgets with Delete after asking, and follows the store.
#include "deletedshadowsdialog.h"
#include "deleteshadowdialog.h"
#include "messagebar.h"
#include "newshadowdialog.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

namespace {

// Every control a user can reach has a name for assistive technology.
void verifyAccessibleNames(const QWidget &dialog)
{
    const QList<QWidget *> widgets = dialog.findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        const bool control = qobject_cast<const QAbstractButton *>(widget)
            || qobject_cast<const QLineEdit *>(widget)
            || qobject_cast<const QPlainTextEdit *>(widget)
            || qobject_cast<const QTreeView *>(widget);
        // Focusable ones: a line edit's clear button is not, and speaks for its line edit.
        if (control && widget->focusPolicy() != Qt::NoFocus)
            QVERIFY2(!widget->accessibleName().isEmpty(),
                     qPrintable(widget->objectName() + u' '
                                + QString::fromLatin1(widget->metaObject()->className())));
    }
}

template<typename T> T *child(const QWidget &dialog, const char *name)
{
    auto *widget = dialog.findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("No child %s", name);
    return widget;
}

Settings::DeletedShadow deleted(const QString &thing, const QString &shadow, qint64 version,
                                int minutesAgo)
{
    Settings::DeletedShadow entry;
    entry.connectionKey = QStringLiteral("sandbox");
    entry.thingName = thing;
    entry.shadowName = shadow;
    entry.state = QJsonObject {
        { QStringLiteral("desired"),
          QJsonObject { { QStringLiteral("power"), QStringLiteral("on") } } },
        { QStringLiteral("reported"), QJsonObject { { QStringLiteral("version"), version } } },
    };
    entry.version = version;
    entry.deletedAt = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    return entry;
}

QString pretty(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

/**
 * Answers the next modal message box, once it shows, by clicking its button named
 * @p buttonName (empty: Cancel), and sets @p asked.
 */
void answerNextMessageBox(QObject *context, const QString &buttonName, bool *asked)
{
    auto *poll = new QTimer(context);
    poll->setInterval(5);
    QObject::connect(poll, &QTimer::timeout, context, [poll, buttonName, asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible())
            return;
        poll->deleteLater();
        poll->stop();
        QCOMPARE(box->objectName(), QStringLiteral("deletedShadowForgetConfirm"));
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        *asked = true;
        if (buttonName.isEmpty())
            box->button(QMessageBox::Cancel)->click();
        else
            box->findChild<QPushButton *>(buttonName)->click();
    });
    poll->start();
}

} // namespace

class TestShadowDialogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void newShadowName_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QString() << false << QString();
        QTest::newRow("plain") << QStringLiteral("config") << true << QString();
        QTest::newRow("all allowed") << QStringLiteral("$a:B_9-z") << true << QString();
        QTest::newRow("trimmed") << QStringLiteral("  ui  ") << true << QString();
        QTest::newRow("space inside")
            << QStringLiteral("my shadow") << false
            << QStringLiteral("“ ” is not allowed in a shadow name; use letters a–z and A–Z, "
                              "digits, colons, underscores, hyphens and dollar signs.");
        QTest::newRow("slash") << QStringLiteral("a/b") << false
                               << QStringLiteral("“/” is not allowed in a shadow name; use "
                                                 "letters a–z and A–Z, digits, colons, "
                                                 "underscores, hyphens and dollar signs.");
        QTest::newRow("too long") << QString(65, u'a') << false
                                  << QStringLiteral("The name has 65 characters; at most 64 are "
                                                    "allowed.");
        QTest::newRow("longest") << QString(64, u'a') << true << QString();
        QTest::newRow("exists") << QStringLiteral("firmware") << false
                                << QStringLiteral("The thing already has a shadow named "
                                                  "“firmware”.");
        QTest::newRow("exists, other case") << QStringLiteral("Firmware") << true << QString();
    }
    void newShadowName()
    {
        QFETCH(QString, typed);
        QFETCH(bool, valid);
        QFETCH(QString, message);
        NewShadowDialog dialog(QStringLiteral("lamp"),
                               { QStringLiteral("firmware"), QStringLiteral("config-old") });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *name = child<QLineEdit>(dialog, "newShadowName");
        auto *error = child<QLabel>(dialog, "newShadowNameError");
        auto *create = child<QPushButton>(dialog, "newShadowCreate");
        QVERIFY(!create->isEnabled());
        QVERIFY(create->isDefault());
        QTest::keyClicks(name, typed);
        QCOMPARE(create->isEnabled(), valid);
        QCOMPARE(error->isVisible(), !message.isEmpty());
        QCOMPARE(error->text(), message);
        if (valid)
            QCOMPARE(dialog.shadowName(), typed.trimmed());
        verifyAccessibleNames(dialog);
    }

    void newShadowDesired_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("message"); ///< a prefix; empty: valid
        QTest::addColumn<QJsonObject>("desired");
        const QString nine
            = QStringLiteral("{\"a\":").repeated(8) + QStringLiteral("{}") + QString(8, u'}');
        const QString eight
            = QStringLiteral("{\"a\":").repeated(7) + QStringLiteral("{}") + QString(7, u'}');
        QJsonObject eightObject { { QStringLiteral("a"), QJsonObject {} } };
        for (int i = 0; i < 6; ++i)
            eightObject = QJsonObject { { QStringLiteral("a"), eightObject } };
        QTest::newRow("empty") << QString() << QString() << QJsonObject();
        QTest::newRow("blank") << QStringLiteral("  \n ") << QString() << QJsonObject();
        QTest::newRow("object") << QStringLiteral("{\"power\": \"on\", \"level\": 3}") << QString()
                                << QJsonObject { { QStringLiteral("power"), QStringLiteral("on") },
                                                 { QStringLiteral("level"), 3 } };
        QTest::newRow("broken") << QStringLiteral("{\n  \"power\": tru\n}")
                                << QStringLiteral("Not valid JSON: ") << QJsonObject();
        QTest::newRow("array") << QStringLiteral("[1, 2]")
                               << QStringLiteral("The desired state must be a JSON object, such "
                                                 "as {\"power\": \"on\"}.")
                               << QJsonObject();
        QTest::newRow("null in array")
            << QStringLiteral("{\"a\": [1, null]}")
            << QStringLiteral("AWS would refuse this state: Invalid JSON.") << QJsonObject();
        QTest::newRow("too deep")
            << nine
            << QStringLiteral("AWS would refuse this state: JSON contains too many levels of "
                              "nesting; maximum is 8.")
            << QJsonObject();
        QTest::newRow("deepest") << eight << QString() << eightObject;
        QTest::newRow("too large")
            << QStringLiteral("{\"s\": \"%1\"}").arg(QString(9000, u'x'))
            << QStringLiteral("AWS would refuse this state: The payload exceeds the maximum "
                              "size allowed (8192 bytes).")
            << QJsonObject();
    }
    void newShadowDesired()
    {
        QFETCH(QString, typed);
        QFETCH(QString, message);
        QFETCH(QJsonObject, desired);
        NewShadowDialog dialog(QStringLiteral("lamp"), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(child<QLineEdit>(dialog, "newShadowName"), QStringLiteral("config"));
        auto *editor = child<QPlainTextEdit>(dialog, "newShadowDesired");
        auto *error = child<QLabel>(dialog, "newShadowDesiredError");
        auto *create = child<QPushButton>(dialog, "newShadowCreate");
        QVERIFY(create->isEnabled());
        editor->setFocus();
        // Typed where short (QTest types key by key, Return for a new line), inserted where long.
        if (typed.size() < 200) {
            const QStringList lines = typed.split(u'\n');
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (i > 0)
                    QTest::keyClick(editor, Qt::Key_Return);
                QTest::keyClicks(editor, lines.at(i));
            }
        } else
            editor->insertPlainText(typed);
        QCOMPARE(editor->toPlainText(), typed);
        QCOMPARE(create->isEnabled(), message.isEmpty());
        QCOMPARE(error->isVisible(), !message.isEmpty());
        QVERIFY2(error->text().startsWith(message), qPrintable(error->text()));
        QCOMPARE(dialog.desired(), desired);
        // Where the parser stopped (just after "tru"), as the editor counts lines and columns.
        if (qstrcmp(QTest::currentDataTag(), "broken") == 0)
            QVERIFY2(QRegularExpression(QStringLiteral(" at line 2, column 15\\.$"))
                         .match(error->text())
                         .hasMatch(),
                     qPrintable(error->text()));
    }

    // Accepting with Enter in the name field hands back the name and the desired state.
    void newShadowAccepts()
    {
        NewShadowDialog dialog(QStringLiteral("lamp"), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        child<QPlainTextEdit>(dialog, "newShadowDesired")
            ->setPlainText(QStringLiteral("{\"a\": 1}"));
        auto *name = child<QLineEdit>(dialog, "newShadowName");
        QTest::keyClicks(name, QStringLiteral("settings"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.shadowName(), QStringLiteral("settings"));
        QCOMPARE(dialog.desired(), (QJsonObject { { QStringLiteral("a"), 1 } }));
    }

    void deleteShadowConfirmation_data()
    {
        QTest::addColumn<QString>("shadowName");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("named, nothing") << QStringLiteral("config") << QString() << false;
        QTest::newRow("named, prefix")
            << QStringLiteral("config") << QStringLiteral("confi") << false;
        QTest::newRow("named, longer")
            << QStringLiteral("config") << QStringLiteral("config2") << false;
        QTest::newRow("named, other case")
            << QStringLiteral("config") << QStringLiteral("Config") << false;
        QTest::newRow("named, wrong")
            << QStringLiteral("config") << QStringLiteral("lamp") << false;
        QTest::newRow("named, exact")
            << QStringLiteral("config") << QStringLiteral("config") << true;
        QTest::newRow("classic, empty typed") << QString() << QString() << false;
        QTest::newRow("classic, exact") << QString() << QStringLiteral("classic") << true;
        QTest::newRow("classic, Classic") << QString() << QStringLiteral("Classic") << false;
    }
    void deleteShadowConfirmation()
    {
        QFETCH(QString, shadowName);
        QFETCH(QString, typed);
        QFETCH(bool, enabled);
        DeleteShadowDialog dialog(QStringLiteral("factory:lamp"), shadowName);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *confirm = child<QLineEdit>(dialog, "deleteShadowConfirm");
        auto *remove = child<QPushButton>(dialog, "deleteShadowButton");
        auto *cancel = child<QPushButton>(dialog, "deleteShadowCancel");
        QCOMPARE(dialog.confirmationText(),
                 shadowName.isEmpty() ? QStringLiteral("classic") : shadowName);
        QVERIFY(child<QLabel>(dialog, "deleteShadowMessage")
                    ->text()
                    .contains(QStringLiteral("Recently deleted")));
        QVERIFY(!remove->isEnabled());
        QTest::keyClicks(confirm, typed);
        QCOMPARE(remove->isEnabled(), enabled);
        // Never the default: Cancel is.
        QVERIFY(!remove->isDefault());
        QVERIFY(!remove->autoDefault());
        QVERIFY(cancel->isDefault());
        verifyAccessibleNames(dialog);

        // Enter in the field cancels, even with the right name typed.
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QSignalSpy rejected(&dialog, &QDialog::rejected);
        QTest::keyClick(confirm, Qt::Key_Return);
        QCOMPARE(accepted.size(), 0);
        QCOMPARE(rejected.size(), 1);
    }

    // Only a click on the enabled Delete accepts.
    void deleteShadowAccepts()
    {
        DeleteShadowDialog dialog(QStringLiteral("lamp"), QStringLiteral("ui"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *remove = child<QPushButton>(dialog, "deleteShadowButton");
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(accepted.size(), 0);
        QTest::keyClicks(child<QLineEdit>(dialog, "deleteShadowConfirm"), QStringLiteral("ui"));
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void recentlyDeleted()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Settings::DeletedShadows store(dir.path());
        QVERIFY(store.add(deleted(QStringLiteral("lamp"), QStringLiteral("config"), 12, 3)));
        QVERIFY(store.add(deleted(QStringLiteral("factory:door"), QString(), 4, 90)));
        QVERIFY(store.add(deleted(QStringLiteral("lamp"), QStringLiteral("ui"), 2, 2 * 24 * 60)));
        QVERIFY(store.add(deleted(QStringLiteral("elsewhere"), QString(), 1, 1)));
        store.remove(store.entries(QStringLiteral("sandbox")).first()); // "elsewhere"
        Settings::DeletedShadow other
            = deleted(QStringLiteral("other-connection"), QString(), 1, 1);
        other.connectionKey = QStringLiteral("aws/dev");
        QVERIFY(store.add(other));
        const QList<Settings::DeletedShadow> entries = store.entries(QStringLiteral("sandbox"));
        QCOMPARE(entries.size(), 3);

        DeletedShadowsDialog dialog(&store, QStringLiteral("sandbox"));
        QSignalSpy recreate(&dialog, &DeletedShadowsDialog::recreateRequested);
        auto *view = child<QTreeView>(dialog, "deletedShadowsView");
        QAbstractItemModelTester tester(view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        verifyAccessibleNames(dialog);
        auto *preview = child<QPlainTextEdit>(dialog, "deletedShadowPreview");
        auto *recreateButton = child<QPushButton>(dialog, "deletedShadowRecreate");
        auto *forgetButton = child<QPushButton>(dialog, "deletedShadowForget");
        QVERIFY(view->isVisible());
        QVERIFY(!child<QLabel>(dialog, "deletedShadowsEmpty")->isVisible());
        QVERIFY(preview->isReadOnly());

        // Newest first: thing, shadow, version, age.
        const QAbstractItemModel *model = view->model();
        QCOMPARE(model->rowCount(), 3);
        QStringList rows;
        for (int row = 0; row < model->rowCount(); ++row) {
            QStringList cells;
            for (int column = 0; column < model->columnCount(); ++column)
                cells.append(model->index(row, column).data().toString());
            rows.append(cells.join(QStringLiteral(" | ")));
        }
        QCOMPARE(rows,
                 (QStringList { QStringLiteral("lamp | config | 12 | 3 min ago"),
                                QStringLiteral("factory:door | Classic | 4 | 1 h ago"),
                                QStringLiteral("lamp | ui | 2 | 2 days ago") }));
        QCOMPARE(view->currentIndex().row(), 0);
        QCOMPARE(preview->toPlainText(), pretty(entries.at(0).state));
        QCOMPARE(dialog.selectedEntry(), entries.at(0));

        // Ctrl+R re-creates the selected entry (a button's shortcut animates the click first).
        QTest::keyClick(view, Qt::Key_R, Qt::ControlModifier);
        QTRY_COMPARE(recreate.size(), 1);
        QCOMPARE(recreate.at(0).at(0).value<Settings::DeletedShadow>(), entries.at(0));

        // A failed re-create is said in the dialog, with the details.
        auto *status = child<QLabel>(dialog, "deletedShadowsStatus");
        QVERIFY(!status->isVisible());
        dialog.messageBar()->showError(QStringLiteral("Could not re-create the shadow."),
                                       QStringLiteral("HTTP 409"), MessageBar::Offer::Nothing);
        QVERIFY(status->isVisible());
        QCOMPARE(status->text(), QStringLiteral("Could not re-create the shadow."));
        QVERIFY(child<QPushButton>(dialog, "deletedShadowsDetailsButton")->isVisible());
        dialog.messageBar()->clear();

        // Another row: its preview, and the button re-creates that one.
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), 1);
        QCOMPARE(preview->toPlainText(), pretty(entries.at(1).state));
        QTest::mouseClick(recreateButton, Qt::LeftButton);
        QCOMPARE(recreate.size(), 2);
        QCOMPARE(recreate.at(1).at(0).value<Settings::DeletedShadow>(), entries.at(1));

        // Delete asks first; Cancel keeps the entry.
        bool asked = false;
        answerNextMessageBox(this, QString(), &asked);
        QTest::keyClick(view, Qt::Key_Delete);
        QTRY_VERIFY(asked);
        QCOMPARE(store.entries(QStringLiteral("sandbox")).size(), 3);
        QCOMPARE(model->rowCount(), 3);

        // Forget removes it from the store; the next one takes its place in the selection.
        asked = false;
        answerNextMessageBox(this, QStringLiteral("deletedShadowForgetConfirmButton"), &asked);
        QTest::mouseClick(forgetButton, Qt::LeftButton);
        QVERIFY(asked);
        QCOMPARE(store.entries(QStringLiteral("sandbox")),
                 (QList<Settings::DeletedShadow> { entries.at(0), entries.at(2) }));
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(view->currentIndex().row(), 1);
        QCOMPARE(dialog.selectedEntry(), entries.at(2));
        QCOMPARE(preview->toPlainText(), pretty(entries.at(2).state));

        // The lead removes an entry after a successful re-create: the selection stays on its
        // entry; when the list empties, the empty state shows and the buttons are disabled.
        store.remove(entries.at(0));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(dialog.selectedEntry(), entries.at(2));
        store.remove(entries.at(2));
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(!dialog.selectedEntry());
        QVERIFY(child<QLabel>(dialog, "deletedShadowsEmpty")->isVisible());
        QVERIFY(!recreateButton->isEnabled());
        QVERIFY(!forgetButton->isEnabled());
        QCOMPARE(recreate.size(), 2);

        // Close (Escape) closes.
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
    }
};

QTEST_MAIN(TestShadowDialogs)
#include "tst_shadowdialogs.moc"
