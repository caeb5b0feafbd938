// SPDX-License-Identifier: GPL-3.0-or-later
// 64-bit integers through the whole round trip on the in-process sandbox: a shadow whose
// desired holds 2^53 + 1, INT64_MIN and INT64_MAX is shown digit for digit in the tree and
// the raw view, edited in the editor (another key changes), saved, and read back from the
// sandbox as the same integers, never as doubles.
#include "jsontextedit.h"
#include "jsontreemodel.h"
#include "reviewdialog.h"
#include "sandboxrig.h"
#include "settings/applicationidentity.h"
#include "shadoweditor.h"
#include "shadowview.h"
#include "widgetwaits.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeView>

namespace {

const QString Thing = QStringLiteral("big-numbers");
const QByteArray AboveDouble = "9007199254740993"; // 2^53 + 1: a double cannot hold it
const QByteArray Minimum = "-9223372036854775808";
const QByteArray Maximum = "9223372036854775807";

/** The shadow's body exactly as the sandbox answers GetThingShadow; empty on an error. */
QByteArray serverBody(SandboxRig &rig)
{
    QByteArray body;
    bool done = false;
    Iot::ApiCall *call = rig.data->getThingShadow(Thing);
    QObject::connect(call, &Iot::ApiCall::finished, call, [&, call] {
        if (!call->error().isError())
            body = call->body();
        done = true;
    });
    return QTest::qWaitFor([&done] { return done; }, 10000) ? body : QByteArray();
}

/** `"key":number` as compact JSON writes it. */
QByteArray member(const char *key, const QByteArray &number)
{
    return QByteArray("\"") + key + "\":" + number;
}

/** The Value column's text of each top-level key of @p view. */
QMap<QString, QString> shownValues(QTreeView *view)
{
    QMap<QString, QString> values;
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row)
        values.insert(model->index(row, JsonTreeModel::Key).data().toString(),
                      model->index(row, JsonTreeModel::Value).data().toString());
    return values;
}

} // namespace

class TestInt64RoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Settings::applyApplicationIdentity();
    }

    void exactThroughViewEditAndSave()
    {
        SandboxRig rig;
        QVERIFY(rig.start());
        const QByteArray desired = '{' + member("aboveDouble", AboveDouble) + ',' + member("minimum", Minimum)
            + ',' + member("maximum", Maximum) + R"(,"other":1})";
        Iot::ApiCall *created = rig.data->updateThingShadow(Thing, {}, QByteArray(R"({"state":{"desired":)") + desired + "}}");
        QVERIFY(SandboxRig::succeeds(created));
        const QByteArray stored = serverBody(rig);
        QVERIFY2(stored.contains(member("aboveDouble", AboveDouble)) && stored.contains(Minimum)
                     && stored.contains(Maximum),
                 stored.constData());

        ShadowView view(rig.data.get(), Thing, {}, ShadowServices{nullptr, nullptr, nullptr, QStringLiteral("test"), false});
        QVERIFY(showActive(view, {1000, 700}));
        QSignalSpy loaded(&view, &ShadowView::loadFinished);
        QVERIFY(loaded.wait(10000));
        QVERIFY(view.document());
        QCOMPARE(view.document()->desired.value(QLatin1String("aboveDouble")).toInteger(), 9007199254740993LL);

        // The tree, digit for digit.
        auto *tree = view.findChild<QTreeView *>(QStringLiteral("desiredView"));
        QVERIFY(tree);
        const QMap<QString, QString> shown = shownValues(tree);
        QCOMPARE(shown.value(QStringLiteral("aboveDouble")), QString::fromLatin1(AboveDouble));
        QCOMPARE(shown.value(QStringLiteral("minimum")), QString::fromLatin1(Minimum));
        QCOMPARE(shown.value(QStringLiteral("maximum")), QString::fromLatin1(Maximum));
        // The raw JSON, as GetThingShadow returned it.
        const QString raw = view.findChild<QPlainTextEdit *>(QStringLiteral("shadowRawJson"))->toPlainText();
        for (const QByteArray &number : {AboveDouble, Minimum, Maximum})
            QVERIFY2(raw.contains(QString::fromLatin1(number)), qPrintable(raw));

        // The editor starts from the same digits; another key changes and it saves.
        view.edit();
        ShadowEditor *editor = view.editor();
        const QString text = editor->textEdit()->toPlainText();
        for (const QByteArray &number : {AboveDouble, Minimum, Maximum})
            QVERIFY2(text.contains(QString::fromLatin1(number)), qPrintable(text));
        QString edited = text;
        edited.replace(QRegularExpression(QStringLiteral(R"("other":\s*1)")), QStringLiteral(R"("other": 2)"));
        QVERIFY(edited != text);
        edited.replace(u'\n', u' '); // typed on one line (Return would indent)
        editor->textEdit()->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(editor->textEdit(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor->textEdit(), edited);
        QTRY_VERIFY(editor->textEdit()->isValid());
        QCOMPARE(editor->textEdit()->toPlainText(), edited);

        QSignalSpy saved(editor, &ShadowEditor::saved);
        editor->save();
        ReviewDialog *review = waitForDialog<ReviewDialog>(editor);
        QVERIFY(review);
        review->accept();
        QVERIFY(saved.wait(10000));

        // The sandbox holds the three integers exactly, and the change.
        const QByteArray after = serverBody(rig);
        const QJsonObject afterDesired = QJsonDocument::fromJson(after)
                                             .object()
                                             .value(QLatin1String("state"))
                                             .toObject()
                                             .value(QLatin1String("desired"))
                                             .toObject();
        QCOMPARE(afterDesired.value(QLatin1String("other")).toInteger(), 2);
        QVERIFY2(after.contains(member("aboveDouble", AboveDouble)), after.constData());
        QVERIFY2(after.contains(member("minimum", Minimum)), after.constData());
        QVERIFY2(after.contains(member("maximum", Maximum)), after.constData());
        QVERIFY2(!after.contains("e+"), after.constData());
        QCOMPARE(afterDesired.value(QLatin1String("aboveDouble")).toInteger(), 9007199254740993LL);
        QCOMPARE(afterDesired.value(QLatin1String("minimum")).toInteger(), std::numeric_limits<qint64>::min());
        QCOMPARE(afterDesired.value(QLatin1String("maximum")).toInteger(), std::numeric_limits<qint64>::max());
    }
};

QTEST_MAIN(TestInt64RoundTrip)
#include "tst_int64roundtrip.moc"
