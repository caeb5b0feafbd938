// SPDX-License-Identifier: GPL-3.0-or-later
// The dialogs of a save, driven with QTest: ReviewDialog shows the exact body, the changes
// path by path and the before/after diff, and refuses what AWS would refuse; ConflictDialog
// lists what merged and what conflicts, enables "Merge and review" only once every conflict
// is resolved (mine, theirs, base or a typed value; a value that is not JSON is named at the
// field), and "Overwrite with mine" asks first.
#include "conflictdialog.h"
#include "diffview.h"
#include "jsontextedit.h"
#include "reviewdialog.h"
#include "shadow/updatecheck.h"

#include "../unit/jsonliteral.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

namespace {

// Base: version 4. Mine changes a and adds c; theirs changes a (conflict) and b.
const QJsonObject Base = jsonObject(R"({"desired":{"a":1,"b":1}})");
const QJsonObject Mine = jsonObject(R"({"desired":{"a":2,"b":1,"c":3}})");
const QJsonObject Theirs = jsonObject(R"({"desired":{"a":5,"b":7}})");

void clickMessageBoxButton(QMessageBox::StandardButton which)
{
    QTimer::singleShot(0, [which] {
        if (!QTest::qWaitFor([] { return qobject_cast<QMessageBox *>(QApplication::activeModalWidget()); }, 5000))
            return;
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(which)->click();
    });
}

} // namespace

class TestMergeDialogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reviewShowsTheExactUpdate()
    {
        const Shadow::EditBase base{Base, 4};
        const Shadow::PreparedUpdate update = Shadow::prepareUpdate(
            base, Shadow::EditMode::Desired, Mine.value(QLatin1String("desired")).toObject(), QStringLiteral("tok"));
        const Shadow::UpdatePreview preview = Shadow::previewUpdate(update.body, Shadow::StoredState{
            Base.value(QLatin1String("desired")).toObject(), {}, {}, {}, 4}, 4);
        QVERIFY(!preview.error);
        ReviewDialog dialog(QStringLiteral("lamp · classic"), base, update, preview);
        dialog.show();
        const QJsonObject body = QJsonDocument::fromJson(
            dialog.findChild<JsonTextEdit *>(QStringLiteral("reviewBody"))->toPlainText().toUtf8()).object();
        QCOMPARE(body, jsonObject(R"({"state":{"desired":{"a":2,"c":3}},"version":4,"clientToken":"tok"})"));
        auto *changes = dialog.findChild<QTreeWidget *>(QStringLiteral("reviewChanges"));
        QCOMPARE(changes->topLevelItemCount(), 2);
        QCOMPARE(changes->topLevelItem(0)->text(1), QStringLiteral("/desired/a"));
        QCOMPARE(changes->topLevelItem(0)->text(2), QStringLiteral("1"));
        QCOMPARE(changes->topLevelItem(0)->text(3), QStringLiteral("2"));
        QCOMPARE(changes->topLevelItem(1)->text(0), QStringLiteral("Added"));
        QVERIFY(dialog.findChild<DiffView *>(QStringLiteral("reviewDiff"))->changedRowCount() > 0);
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("reviewProblem"))->isVisible());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("reviewSummary"))->text().contains(QStringLiteral("version 4")));
        QVERIFY(dialog.sendButton()->isEnabled());
        // Ctrl+Return sends.
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTest::keyClick(&dialog, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void reviewRefusesWhatAwsWould()
    {
        const Shadow::EditBase base{Base, 4};
        const Shadow::PreparedUpdate update = Shadow::prepareUpdate(
            base, Shadow::EditMode::Update, jsonObject(R"({"state":{"desired":"on"}})"), {});
        const Shadow::UpdatePreview preview = Shadow::previewUpdate(update.body, Shadow::StoredState{
            Base.value(QLatin1String("desired")).toObject(), {}, {}, {}, 4}, 4);
        QVERIFY(preview.error);
        ReviewDialog dialog(QStringLiteral("lamp · classic"), base, update, preview);
        dialog.show();
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("reviewProblem"));
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(preview.error->message), qPrintable(problem->text()));
        QVERIFY(!dialog.sendButton()->isEnabled());
    }

    void conflictNeedsEveryPathResolved()
    {
        const Shadow::ThreeWayMergeResult result = Shadow::threeWayMerge(Base, Mine, Theirs);
        ConflictDialog dialog(QStringLiteral("lamp · classic"), 4, 5, result, Mine);
        dialog.show();
        QCOMPARE(dialog.conflictCount(), 1);
        QCOMPARE(dialog.findChild<QTreeWidget *>(QStringLiteral("mergedChanges"))->topLevelItemCount(), 1);
        auto *apply = dialog.findChild<QPushButton *>(QStringLiteral("conflictApply"));
        QVERIFY(!apply->isEnabled());

        // A typed value that is not JSON is named; a valid one resolves the path.
        QTest::mouseClick(dialog.findChild<QRadioButton *>(QStringLiteral("conflictCustom")), Qt::LeftButton);
        auto *value = dialog.findChild<QLineEdit *>(QStringLiteral("conflictCustomValue"));
        value->clear();
        QTest::keyClicks(value, QStringLiteral("two"));
        QVERIFY(!apply->isEnabled());
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("conflictCustomError"));
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("/desired/a")));
        value->clear();
        QTest::keyClicks(value, QStringLiteral("42"));
        QVERIFY(apply->isEnabled());
        QVERIFY(!error->isVisible());
        QCOMPARE(dialog.resolvedState(), jsonObject(R"({"desired":{"a":42,"b":7,"c":3}})"));

        QTest::mouseClick(dialog.findChild<QRadioButton *>(QStringLiteral("conflictTheirs")), Qt::LeftButton);
        QCOMPARE(dialog.resolvedState(), jsonObject(R"({"desired":{"a":5,"b":7,"c":3}})"));
        QTest::mouseClick(dialog.findChild<QRadioButton *>(QStringLiteral("conflictBase")), Qt::LeftButton);
        QCOMPARE(dialog.resolvedState(), jsonObject(R"({"desired":{"a":1,"b":7,"c":3}})"));
        // An empty value removes the key.
        dialog.choose(0, ConflictDialog::Choice::Custom, {});
        QCOMPARE(dialog.resolvedState(), jsonObject(R"({"desired":{"b":7,"c":3}})"));
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void overwriteAsksFirst()
    {
        const Shadow::ThreeWayMergeResult result = Shadow::threeWayMerge(Base, Mine, Theirs);
        ConflictDialog dialog(QStringLiteral("lamp · classic"), 4, 5, result, Mine);
        dialog.show();
        auto *overwrite = dialog.findChild<QPushButton *>(QStringLiteral("conflictOverwrite"));
        clickMessageBoxButton(QMessageBox::Cancel);
        QTest::mouseClick(overwrite, Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.overwrites());
        clickMessageBoxButton(QMessageBox::Yes);
        QTest::mouseClick(overwrite, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.overwrites());
        QCOMPARE(dialog.resolvedState(), Mine);
    }

    void cleanMergeIsShownForReview()
    {
        const QJsonObject theirs = jsonObject(R"({"desired":{"a":1,"b":9}})");
        const Shadow::ThreeWayMergeResult result = Shadow::threeWayMerge(Base, Mine, theirs);
        QVERIFY(result.isClean());
        ConflictDialog dialog(QStringLiteral("lamp · classic"), 4, 5, result, Mine);
        dialog.show();
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("conflictApply"))->isEnabled());
        QVERIFY(!dialog.findChild<QTreeWidget *>(QStringLiteral("conflictList"))->isVisible());
        QCOMPARE(dialog.findChild<QTreeWidget *>(QStringLiteral("mergedChanges"))->topLevelItemCount(), 2);
        QCOMPARE(dialog.resolvedState(), jsonObject(R"({"desired":{"a":2,"b":9,"c":3}})"));
    }
};

QTEST_MAIN(TestMergeDialogs)
#include "tst_mergedialogs.moc"
