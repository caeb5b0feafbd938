// SPDX-License-Identifier: GPL-3.0-or-later
// JsonTextEdit driven with the keyboard: live validation with the error's line and column,
// format and compact as single undo steps, the inline search bar, bracket matching and
// indentation on Enter.
#include "jsontextedit.h"

#include "semanticcolors.h"

#include <QHelpEvent>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

namespace {

// The [start, end) ranges of the editor's extra selections of @p kind.
QList<QPair<int, int>> ranges(const JsonTextEdit &editor, JsonTextEdit::SelectionKind kind)
{
    QList<QPair<int, int>> result;
    const QList<QTextEdit::ExtraSelection> selections = editor.extraSelections();
    for (const QTextEdit::ExtraSelection &selection : selections) {
        if (selection.format.property(QTextFormat::UserProperty).toInt() == int(kind))
            result.append({ selection.cursor.selectionStart(), selection.cursor.selectionEnd() });
    }
    return result;
}

void moveCursor(JsonTextEdit &editor, int position)
{
    QTextCursor cursor = editor.textCursor();
    cursor.setPosition(position);
    editor.setTextCursor(cursor);
}

bool showActive(QWidget &widget)
{
    widget.resize(500, 300);
    widget.show();
    widget.activateWindow();
    return QTest::qWaitForWindowActive(&widget);
}

} // namespace

class TestJsonTextEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // setPlainText validates at once and always reports the result.
    void setPlainTextValidates()
    {
        JsonTextEdit editor;
        QSignalSpy validity(&editor, &JsonTextEdit::validityChanged);
        QVERIFY(!editor.isValid());
        editor.setPlainText(QStringLiteral(R"({"b": 1, "a": {"on": true}})"));
        QCOMPARE(validity.size(), 1);
        QCOMPARE(validity.at(0).at(0).toBool(), true);
        QVERIFY(editor.isValid());
        QVERIFY(!editor.error());
        QCOMPARE(editor.object().value(QStringLiteral("a")).toObject().value(QStringLiteral("on")),
                 QJsonValue(true));
        QCOMPARE(editor.accessibleDescription(), QStringLiteral("A valid JSON object"));
        editor.setPlainText(QStringLiteral("[]"));
        QCOMPARE(validity.size(), 2);
        QCOMPARE(validity.at(1).at(0).toBool(), false);
        QCOMPARE(editor.object(), QJsonObject());
    }

    // Typing breaks the document: error() is right at once, the signals follow the debounce,
    // and the error's spot is underlined and described.
    void typingInvalidText()
    {
        JsonTextEdit editor;
        QVERIFY(showActive(editor));
        editor.setPlainText(QStringLiteral("{\n  \"a\": 1\n}"));
        QSignalSpy validity(&editor, &JsonTextEdit::validityChanged);
        QSignalSpy errorChanged(&editor, &JsonTextEdit::errorChanged);
        moveCursor(editor, 10); // the end of line 2
        QTest::keyClick(&editor, Qt::Key_Comma);
        QVERIFY(!editor.isValid()); // before the debounce
        QCOMPARE(editor.error()->line, 3);
        QCOMPARE(editor.error()->column, 1);
        QCOMPARE(editor.error()->message, QStringLiteral("Trailing comma after the last member"));
        QVERIFY(validity.wait(2000));
        QCOMPARE(validity.size(), 1);
        QCOMPARE(validity.at(0).at(0).toBool(), false);
        QCOMPARE(errorChanged.size(), 1);
        QCOMPARE(editor.accessibleDescription(),
                 QStringLiteral("Trailing comma after the last member (line 3, column 1)"));
        QCOMPARE(ranges(editor, JsonTextEdit::SelectionKind::Error),
                 (QList<QPair<int, int>> { { 12, 13 } }));
        QCOMPARE(ranges(editor, JsonTextEdit::SelectionKind::ErrorLine).size(), 1);
        // Hovering the error's line shows the message and where.
        QTextCursor atError(editor.document());
        atError.setPosition(12);
        const QPoint spot = editor.cursorRect(atError).center();
        QHelpEvent help(QEvent::ToolTip, spot, editor.viewport()->mapToGlobal(spot));
        QCoreApplication::sendEvent(editor.viewport(), &help);
        QTRY_COMPARE(QToolTip::text(),
                     QStringLiteral("Trailing comma after the last member (line 3, column 1)"));

        // Another mistake elsewhere moves the error; fixing both makes it valid again.
        moveCursor(editor, 2);
        QTest::keyClicks(&editor, QStringLiteral("\"x\" "));
        // Until the next check the old mark follows the text it marks.
        QCOMPARE(ranges(editor, JsonTextEdit::SelectionKind::Error),
                 (QList<QPair<int, int>> { { 16, 17 } }));
        QTRY_COMPARE_WITH_TIMEOUT(errorChanged.size(), 2, 2000);
        QCOMPARE(validity.size(), 1);
        QCOMPARE(editor.error()->line, 2);
        QCOMPARE(editor.error()->column, 7);
        QCOMPARE(editor.error()->message, QStringLiteral("Missing colon after the member name"));
        QCOMPARE(ranges(editor, JsonTextEdit::SelectionKind::Error),
                 (QList<QPair<int, int>> { { 8, 9 } }));
        QTest::keyClicks(&editor, QStringLiteral(": 0,"));
        moveCursor(editor, int(editor.toPlainText().lastIndexOf(u',')) + 1);
        QTest::keyClick(&editor, Qt::Key_Backspace);
        QVERIFY(editor.isValid());
        QVERIFY(validity.wait(2000));
        QCOMPARE(validity.last().at(0).toBool(), true);
        QVERIFY(ranges(editor, JsonTextEdit::SelectionKind::Error).isEmpty());
        QCOMPARE(editor.toPlainText(), QStringLiteral("{\n\"x\" : 0,  \"a\": 1\n}"));
    }

    // Format re-indents in the text's order as one undo step, the cursor kept at its token.
    void formatAndUndo()
    {
        JsonTextEdit editor;
        QVERIFY(showActive(editor));
        const QString original = QStringLiteral(R"({"z":1,"a":{"b":[true,null]}})");
        editor.setPlainText(original);
        moveCursor(editor, 12); // before "b"
        QTest::keyClick(&editor, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        const QString formatted = QStringLiteral(
            "{\n  \"z\": 1,\n  \"a\": {\n    \"b\": [\n      true,\n      null\n    ]\n  }\n}");
        QCOMPARE(editor.toPlainText(), formatted);
        QCOMPARE(editor.textCursor().position(), int(formatted.indexOf(QStringLiteral("\"b\""))));
        QTest::keyClick(&editor, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor.toPlainText(), original);
        editor.redo();
        QCOMPARE(editor.toPlainText(), formatted);
    }

    void compact()
    {
        JsonTextEdit editor;
        QVERIFY(showActive(editor));
        const QString original = QStringLiteral("{\n  \"a b\": \" x \",\n  \"n\": 1.50\n}");
        editor.setPlainText(original);
        QTest::keyClick(&editor, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(editor.toPlainText(), QStringLiteral(R"({"a b":" x ","n":1.50})"));
        QTest::keyClick(&editor, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor.toPlainText(), original);
    }

    // Invalid text is left alone.
    void formatInvalidDoesNothing()
    {
        JsonTextEdit editor;
        editor.setPlainText(QStringLiteral("{\"a\":}"));
        editor.formatText();
        editor.compactText();
        QCOMPARE(editor.toPlainText(), QStringLiteral("{\"a\":}"));
    }

    // Ctrl+F opens the bar; Enter/F3 go forward, Shift+Enter/Shift+F3 back, both wrapping;
    // Escape closes it.
    void search()
    {
        JsonTextEdit editor;
        QVERIFY(showActive(editor));
        editor.setPlainText(
            QStringLiteral("{\n  \"temp\": 1,\n  \"Temp2\": 2,\n  \"x\": \"temp\"\n}"));
        QVERIFY(!editor.searchBar()->isVisible());
        QTest::keyClick(&editor, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(editor.searchBar()->isVisible());
        auto *field = editor.searchBar()->findChild<QLineEdit *>(QStringLiteral("jsonSearchField"));
        auto *count = editor.searchBar()->findChild<QLabel *>(QStringLiteral("jsonSearchCount"));
        QVERIFY(field && count);
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral("temp"));
        const QString text = editor.toPlainText();
        const int first = int(text.indexOf(QStringLiteral("temp")));
        const int second = int(text.indexOf(QStringLiteral("Temp2")));
        const int third = int(text.lastIndexOf(QStringLiteral("temp")));
        QCOMPARE(editor.textCursor().selectionStart(), first);
        QCOMPARE(count->text(), QStringLiteral("1 of 3"));
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(editor.textCursor().selectionStart(), second);
        QCOMPARE(count->text(), QStringLiteral("2 of 3"));
        QTest::keyClick(field, Qt::Key_F3);
        QCOMPARE(editor.textCursor().selectionStart(), third);
        QCOMPARE(count->text(), QStringLiteral("3 of 3"));
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(editor.textCursor().selectionStart(), first);
        QCOMPARE(count->text(), QStringLiteral("1 of 3"));
        QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(editor.textCursor().selectionStart(), third);
        QCOMPARE(count->text(), QStringLiteral("3 of 3"));
        QTest::keyClick(field, Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(editor.textCursor().selectionStart(), second);
        QCOMPARE(editor.textCursor().selectedText(), QStringLiteral("Temp"));

        QTest::keyClicks(field, QStringLiteral("9"));
        QCOMPARE(count->text(), QStringLiteral("No matches"));
        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(!editor.searchBar()->isVisible());
        QTRY_VERIFY(editor.hasFocus());
    }

    // The bracket at (else before) the cursor and its partner are marked; brackets in strings
    // do not count; one without a partner is marked alone.
    void bracketMatching_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("cursor");
        QTest::addColumn<QList<int>>("matched");
        QTest::addColumn<QList<int>>("unmatched");
        // 0         1         2
        // 0123456789012345678901
        // {"a": [1, {"b": "]"}]}
        const QString nested = QStringLiteral("{\"a\": [1, {\"b\": \"]\"}]}");
        QTest::newRow("at an opening bracket")
            << nested << 6 << QList<int> { 6, 20 } << QList<int> {};
        QTest::newRow("after a closing bracket")
            << nested << 22 << QList<int> { 0, 21 } << QList<int> {};
        QTest::newRow("at the outer brace") << nested << 0 << QList<int> { 0, 21 } << QList<int> {};
        QTest::newRow("inner object") << nested << 10 << QList<int> { 10, 19 } << QList<int> {};
        QTest::newRow("bracket in a string") << nested << 17 << QList<int> {} << QList<int> {};
        QTest::newRow("not near a bracket") << nested << 3 << QList<int> {} << QList<int> {};
        QTest::newRow("unmatched closer")
            << QStringLiteral(R"({"a": ]})") << 6 << QList<int> {} << QList<int> { 6 };
        QTest::newRow("unclosed opener")
            << QStringLiteral(R"({"a": [1})") << 6 << QList<int> {} << QList<int> { 6 };
    }
    void bracketMatching()
    {
        QFETCH(QString, text);
        QFETCH(int, cursor);
        QFETCH(QList<int>, matched);
        QFETCH(QList<int>, unmatched);
        JsonTextEdit editor;
        editor.setPlainText(text);
        moveCursor(editor, cursor);
        const auto starts = [&](JsonTextEdit::SelectionKind kind) {
            QList<int> result;
            for (const auto &[start, end] : ranges(editor, kind)) {
                result.append(start);
                if (end != start + 1)
                    result.append(-1);
            }
            std::sort(result.begin(), result.end());
            return result;
        };
        QCOMPARE(starts(JsonTextEdit::SelectionKind::Bracket), matched);
        QCOMPARE(starts(JsonTextEdit::SelectionKind::UnmatchedBracket), unmatched);
    }

    // Enter keeps the indentation, one level more after { or [, and puts a closing bracket
    // right after the cursor on its own line; Tab inserts two spaces.
    void enterIndents()
    {
        JsonTextEdit editor;
        QVERIFY(showActive(editor));
        editor.setPlainText(QStringLiteral("{}"));
        moveCursor(editor, 1);
        QTest::keyClick(&editor, Qt::Key_Return);
        QCOMPARE(editor.toPlainText(), QStringLiteral("{\n  \n}"));
        QCOMPARE(editor.textCursor().position(), 4);
        QTest::keyClick(&editor, Qt::Key_Z, Qt::ControlModifier); // one step
        QCOMPARE(editor.toPlainText(), QStringLiteral("{}"));
        editor.redo();
        moveCursor(editor, 4);
        QTest::keyClicks(&editor, QStringLiteral("\"a\": ["));
        QTest::keyClick(&editor, Qt::Key_Return);
        QTest::keyClicks(&editor, QStringLiteral("1,"));
        QTest::keyClick(&editor, Qt::Key_Return);
        QTest::keyClick(&editor, Qt::Key_Tab);
        QTest::keyClicks(&editor, QStringLiteral("2"));
        QCOMPARE(editor.toPlainText(), QStringLiteral("{\n  \"a\": [\n    1,\n      2\n}"));
    }

    // The error underline takes the failure colour of the current palette.
    void followsPalette()
    {
        JsonTextEdit editor;
        editor.setPlainText(QStringLiteral("{"));
        QPalette dark = editor.palette();
        dark.setColor(QPalette::Base, QColor(0x23, 0x26, 0x29));
        dark.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
        editor.setPalette(dark);
        const QList<QTextEdit::ExtraSelection> selections = editor.extraSelections();
        bool found = false;
        for (const QTextEdit::ExtraSelection &selection : selections) {
            if (selection.format.property(QTextFormat::UserProperty).toInt()
                == int(JsonTextEdit::SelectionKind::Error)) {
                QCOMPARE(selection.format.underlineColor(),
                         SemanticColors::negativeText(editor.palette()));
                found = true;
            }
        }
        QVERIFY(found);
    }

    // Typing one character into a ~128 KB, ~6,000-line document (highlighting, the bracket
    // match and the on-demand check included).
    void benchmarkTyping()
    {
        QStringList lines { QStringLiteral("{") };
        for (int i = 1; i < 5999; ++i)
            lines.append(QStringLiteral("  \"sensor%1\": [%2, true],")
                             .arg(i, 5, 10, QLatin1Char('0'))
                             .arg(i));
        lines.append(QStringLiteral("  \"end\": {}"));
        lines.append(QStringLiteral("}"));
        JsonTextEdit editor;
        QVERIFY(showActive(editor));
        editor.setPlainText(lines.join(u'\n'));
        QVERIFY(editor.toPlainText().size() > 128 * 1024);
        moveCursor(editor, int(editor.toPlainText().indexOf(QStringLiteral("[3000"))) + 1);
        QBENCHMARK
        {
            QTest::keyClick(&editor, Qt::Key_7);
            QVERIFY(editor.isValid());
        }
    }

    void accessibleNames()
    {
        JsonTextEdit editor;
        QVERIFY(!editor.accessibleName().isEmpty());
        const QList<QWidget *> children
            = editor.searchBar()->findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
        QCOMPARE(children.size(), 5); // field, count, previous, next, close
        for (QWidget *child : children) {
            if (!child->inherits("QLabel")) // a label's name is its text
                QVERIFY2(!child->accessibleName().isEmpty(), child->metaObject()->className());
        }
        bool gutter = false;
        const QList<QWidget *> editorChildren
            = editor.findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
        for (QWidget *child : editorChildren)
            gutter = gutter || child->accessibleName() == QStringLiteral("Line numbers");
        QVERIFY(gutter);
    }
};

QTEST_MAIN(TestJsonTextEdit)
#include "tst_jsontextedit.moc"
