// SPDX-License-Identifier: GPL-3.0-or-later
// The whole window on the in-process sandbox: opening a thing shows its shadows and its first
// shadow in a tab, opening a retained topic adds its message's tab, Edit > Copy As follows
// the current tab; and through the accessibility interface a screen reader (AT-SPI) reads,
// with something open in every pane (and in the shadow editor, each of its dialogs and a
// publish tab),
// every control a user can reach has an accessible name and every menu command can be
// reached from the keyboard (a shortcut or a mnemonic).
#include "iot/connection.h"
#include "conflictdialog.h"
#include "copyasmenu.h"
#include "deletedshadowsdialog.h"
#include "deleteshadowdialog.h"
#include "historydialog.h"
#include "jsontextedit.h"
#include "newshadowdialog.h"
#include "publishpage.h"
#include "reviewdialog.h"
#include "shadoweditor.h"
#include "iot/copyas.h"
#include "mainwindow.h"
#include "retainedmessageview.h"
#include "retainedpane.h"
#include "shadowspane.h"
#include "shadowview.h"
#include "sandboxrig.h"
#include "settings/applicationidentity.h"
#include "thingspane.h"
#include "widgetwaits.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

namespace {

// A control a user reaches with the keyboard or the mouse (a view's header is read as part of
// its view, a spin box's text as part of the spin box).
bool isControl(QWidget *widget)
{
    if (qobject_cast<QHeaderView *>(widget))
        return false;
    // A spin box's line edit is read as part of the spin box.
    if (qobject_cast<QAbstractSpinBox *>(widget->parentWidget()))
        return false;
    return qobject_cast<QAbstractButton *>(widget) || qobject_cast<QAbstractItemView *>(widget)
        || qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget)
        || qobject_cast<QPlainTextEdit *>(widget) || qobject_cast<QAbstractSpinBox *>(widget);
}

QString describe(QWidget *widget)
{
    QStringList path;
    for (QObject *object = widget; object; object = object->parent())
        path.prepend(object->objectName().isEmpty() ? QString::fromLatin1(object->metaObject()->className())
                                                    : object->objectName());
    return path.join(QLatin1Char('/'));
}

// The controls visible in @p root that have no accessible name, added to @p nameless.
void collectNameless(QWidget *root, QStringList &nameless)
{
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisibleTo(root) || !isControl(widget))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if ((!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            && !nameless.contains(describe(widget)))
            nameless << describe(widget);
    }
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

    SandboxRig m_rig;
    std::unique_ptr<Iot::Connection> m_connection;
    std::unique_ptr<MainWindow> m_window;

private Q_SLOTS:
    void initTestCase()
    {
        Settings::applyApplicationIdentity();
        QVERIFY(m_rig.start(SandboxRig::demo()));
        m_connection = std::make_unique<Iot::Connection>(&m_rig.network, m_rig.connectionSetup());
        m_window = std::make_unique<MainWindow>();
        m_window->setConnection(m_connection.get(),
                                Settings::ConnectionChoice{Settings::ConnectionChoice::Kind::Sandbox, {}, {}, {}, {}});
        m_window->show();
        QSignalSpy things(m_window->thingsPane(), &ThingsPane::loadFinished);
        m_connection->start();
        QVERIFY(things.wait(10000));
    }

    // A thing opened by name shows its shadows, and its first one (the classic) in a tab.
    void openThing()
    {
        QSignalSpy shadows(m_window->shadowsPane(), &ShadowsPane::loadFinished);
        m_window->openThing(QStringLiteral("hvac-b2-floor3-01"));
        QVERIFY(shadows.wait(10000));
        QCOMPARE(m_window->shadowsPane()->statusText(), QStringLiteral("3 shadows"));
        auto *view = qobject_cast<ShadowView *>(m_window->workspace()->currentPage());
        QVERIFY(view);
        QCOMPARE(view->thingName(), QStringLiteral("hvac-b2-floor3-01"));
        QCOMPARE(view->shadowName(), QString());
        QCOMPARE(m_window->copyAsMenu()->target(),
                 std::optional(Iot::CopyAsTarget::shadow(QStringLiteral("hvac-b2-floor3-01"))));
        // Another shadow replaces the preview tab.
        QVERIFY(m_window->shadowsPane()->selectShadow(QStringLiteral("config")));
        QCOMPARE(m_window->workspace()->tabs()->count(), 1);
        QCOMPARE(qobject_cast<ShadowView *>(m_window->workspace()->currentPage())->shadowName(),
                 QStringLiteral("config"));
    }

    // A retained topic opened from the pane gets its own tab; Copy As follows.
    void openTopic()
    {
        const QString topic = QStringLiteral("site/berlin-1/building/b1/floor/1/hvac-b1-floor1-01/temperature");
        m_window->openTopic(topic, Workspace::Mode::Keep);
        auto *view = qobject_cast<RetainedMessageView *>(m_window->workspace()->currentPage());
        QVERIFY(view);
        QSignalSpy loaded(view, &RetainedMessageView::loadFinished);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(view->message()->topic, topic);
        QCOMPARE(m_window->copyAsMenu()->target(), std::optional(Iot::CopyAsTarget::retainedMessage(topic)));
        QVERIFY(m_window->copyAsMenu()->awsCliAction()->isEnabled());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_connection.reset();
    }

    void everyControlHasAName()
    {
        QStringList nameless;
        // Each pane in turn in front (the things and the retained topics share a column).
        const QList<QDockWidget *> docks = m_window->findChildren<QDockWidget *>();
        for (QDockWidget *dock : docks) {
            dock->raise();
            collectNameless(m_window.get(), nameless);
        }
        QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QLatin1Char('\n'))));
    }

    // The editor and the dialogs of a save, a delete, the history, a new shadow and
    // Recently deleted: every control has a name too.
    void editorAndDialogsHaveNames()
    {
        m_window->openShadow(QStringLiteral("hvac-b2-floor3-01"), QStringLiteral("firmware"), Workspace::Mode::Keep);
        auto *view = qobject_cast<ShadowView *>(m_window->workspace()->currentPage());
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->document().has_value(), 10000);
        view->edit();
        QStringList nameless;
        collectNameless(m_window.get(), nameless);

        view->editor()->textEdit()->setPlainText(QStringLiteral(R"({"version": "9.9.9"})"));
        QTRY_VERIFY(view->editor()->textEdit()->isValid());
        view->editor()->save();
        auto *review = waitForDialog<ReviewDialog>(view->editor());
        QVERIFY(review);
        collectNameless(review, nameless);
        review->reject();
        view->editor()->discard();

        view->showHistory();
        auto *history = waitForDialog<HistoryDialog>(view);
        QVERIFY(history);
        collectNameless(history, nameless);
        history->reject();

        view->deleteShadow();
        auto *confirm = waitForDialog<DeleteShadowDialog>(view);
        QVERIFY(confirm);
        collectNameless(confirm, nameless);
        confirm->reject();

        m_window->newShadow();
        auto *create = waitForDialog<NewShadowDialog>(m_window.get());
        QVERIFY(create);
        collectNameless(create, nameless);
        create->reject();

        m_window->showDeletedShadows();
        auto *deleted = waitForDialog<DeletedShadowsDialog>(m_window.get());
        QVERIFY(deleted);
        collectNameless(deleted, nameless);
        deleted->reject();

        const Shadow::ThreeWayMergeResult merge = Shadow::threeWayMerge(
            QJsonObject{{QStringLiteral("a"), 1}}, QJsonObject{{QStringLiteral("a"), 2}}, QJsonObject{{QStringLiteral("a"), 3}});
        ConflictDialog conflict(QStringLiteral("thing · classic"), 1, 2, merge, {});
        conflict.show();
        collectNameless(&conflict, nameless);

        // A publish tab, its MQTT 5 properties unfolded.
        PublishPage *publish = m_window->openPublish();
        QVERIFY(publish);
        publish->findChild<QAbstractButton *>(QStringLiteral("publishPropertiesToggle"))->click();
        collectNameless(publish, nameless);
        QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QLatin1Char('\n'))));
    }

    void everyCommandFromTheKeyboard()
    {
        QStringList unreachable;
        const QList<QAction *> menus = m_window->menuBar()->actions();
        for (QAction *menuAction : menus) {
            if (!menuAction->text().contains(QLatin1Char('&')))
                unreachable << menuAction->text();
            const QList<QAction *> actions = menuAction->menu()->actions();
            for (QAction *action : actions) {
                if (action->isSeparator())
                    continue;
                if (action->shortcut().isEmpty() && !action->text().contains(QLatin1Char('&')))
                    unreachable << menuAction->text() + QStringLiteral(" > ") + action->text();
            }
        }
        QVERIFY2(unreachable.isEmpty(), qPrintable(unreachable.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
