// SPDX-License-Identifier: GPL-3.0-or-later
// MessageBar: the parts it is made with and their names, what each kind of message shows,
// Busy and progress, Retry and Cancel as signals, Details, and the failure colour that
// follows the palette.
#include "messagebar.h"

#include "semanticcolors.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

namespace {

const MessageBar::Parts AllParts = MessageBar::Part::Progress | MessageBar::Part::Cancel
    | MessageBar::Part::Retry | MessageBar::Part::Details;

MessageBar::AccessibleNames names()
{
    return { .status = QStringLiteral("Things status"),
             .progress = QStringLiteral("Loading things"),
             .cancel = QStringLiteral("Cancel loading things"),
             .retry = QStringLiteral("Retry loading things") };
}

QPalette lightPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, Qt::white);
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::WindowText, Qt::black);
    palette.setColor(QPalette::Text, Qt::black);
    return palette;
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x23, 0x26, 0x29));
    palette.setColor(QPalette::Base, QColor(0x23, 0x26, 0x29));
    palette.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    return palette;
}

} // namespace

class TestMessageBar : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Each part asked for is a child named prefix + its role, named for assistive technology;
    // parts not asked for do not exist; nothing shows before a message.
    void partsAndNames()
    {
        MessageBar bar(QStringLiteral("things"), AllParts, names());
        bar.resize(400, 200); // a bar that shows nothing yet has no size of its own
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        const struct
        {
            const char *objectName;
            QString accessibleName;
        } children[] = {
            { "thingsStatus", QStringLiteral("Things status") },
            { "thingsProgress", QStringLiteral("Loading things") },
            { "thingsCancel", QStringLiteral("Cancel loading things") },
            { "thingsRetry", QStringLiteral("Retry loading things") },
            { "thingsDetailsButton", QStringLiteral("Error details") },
            { "thingsErrorDetails", QStringLiteral("Error details") },
        };
        for (const auto &child : children) {
            auto *widget = bar.findChild<QWidget *>(QLatin1String(child.objectName));
            QVERIFY2(widget, child.objectName);
            QCOMPARE(widget->accessibleName(), child.accessibleName);
            QVERIFY2(!widget->isVisible(), child.objectName);
        }
        QVERIFY(bar.findChild<QLabel *>(QStringLiteral("thingsStatus")));
        QVERIFY(bar.findChild<QProgressBar *>(QStringLiteral("thingsProgress")));
        QVERIFY(bar.findChild<QPlainTextEdit *>(QStringLiteral("thingsErrorDetails")));

        MessageBar plain(QStringLiteral("plain"), MessageBar::Part::Retry, names());
        QVERIFY(plain.findChild<QPushButton *>(QStringLiteral("plainRetry")));
        QCOMPARE(plain.findChildren<QPushButton *>().size(), 1);
        QVERIFY(!plain.findChild<QProgressBar *>());
        QVERIFY(!plain.findChild<QPlainTextEdit *>());
    }

    // setStatusObjectName() keeps a name other code knows the label by.
    void irregularStatusName()
    {
        MessageBar bar(QStringLiteral("retainedMessage"), {}, names());
        bar.setStatusObjectName(QStringLiteral("retainedMessageError"));
        QVERIFY(bar.findChild<QLabel *>(QStringLiteral("retainedMessageError")));
        QVERIFY(!bar.findChild<QLabel *>(QStringLiteral("retainedMessageStatus")));
    }

    // Info shows its text and offers Retry only when asked; an error offers Retry unless told
    // not to, and Details only with details; clear() hides everything.
    void messages()
    {
        MessageBar bar(QStringLiteral("bar"), AllParts, names());
        bar.resize(400, 200); // a bar that shows nothing yet has no size of its own
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        auto *status = bar.findChild<QLabel *>(QStringLiteral("barStatus"));
        auto *retry = bar.findChild<QPushButton *>(QStringLiteral("barRetry"));
        auto *detailsButton = bar.findChild<QPushButton *>(QStringLiteral("barDetailsButton"));
        auto *details = bar.findChild<QPlainTextEdit *>(QStringLiteral("barErrorDetails"));

        bar.showInfo(QStringLiteral("50 things"));
        QCOMPARE(bar.text(), QStringLiteral("50 things"));
        QCOMPARE(status->text(), bar.text());
        QVERIFY(status->isVisible());
        QVERIFY(!retry->isVisible());
        QVERIFY(!detailsButton->isVisible());

        bar.showInfo(QStringLiteral("Cancelled."), MessageBar::Offer::Retry);
        QVERIFY(retry->isVisible());

        bar.showError(QStringLiteral("Things did not load: 503"));
        QVERIFY(retry->isVisible());
        QVERIFY(!detailsButton->isVisible());

        bar.showError(QStringLiteral("Not saved."), {}, MessageBar::Offer::Nothing);
        QVERIFY(!retry->isVisible());

        bar.showError(QStringLiteral("Did not load: 503"), QStringLiteral("HTTP status: 503"));
        QVERIFY(retry->isVisible());
        QVERIFY(detailsButton->isVisible());
        QVERIFY(!details->isVisible());
        QTest::mouseClick(detailsButton, Qt::LeftButton);
        QVERIFY(details->isVisible());
        QCOMPARE(details->toPlainText(), QStringLiteral("HTTP status: 503"));
        // The same failure again keeps the details open; another one closes them.
        bar.showError(QStringLiteral("Did not load: 503"), QStringLiteral("HTTP status: 503"));
        QVERIFY(details->isVisible());
        bar.showError(QStringLiteral("Did not load: 500"), QStringLiteral("HTTP status: 500"));
        QVERIFY(detailsButton->isVisible());
        QVERIFY(!details->isVisible());
        QTest::mouseClick(detailsButton, Qt::LeftButton);
        QVERIFY(details->isVisible());

        bar.showInfo(QStringLiteral("Loading…"));
        QVERIFY(!retry->isVisible());
        QVERIFY(!detailsButton->isVisible());
        QVERIFY(!details->isVisible());

        bar.clear();
        QCOMPARE(bar.text(), QString());
        QVERIFY(!status->isVisible());
        QVERIFY(!retry->isVisible());
    }

    // Busy shows the progress bar and Cancel; Retry and Cancel are signals.
    void busyAndButtons()
    {
        MessageBar bar(QStringLiteral("bar"), AllParts, names());
        bar.resize(400, 200); // a bar that shows nothing yet has no size of its own
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        auto *progress = bar.findChild<QProgressBar *>(QStringLiteral("barProgress"));
        auto *cancel = bar.findChild<QPushButton *>(QStringLiteral("barCancel"));
        auto *retry = bar.findChild<QPushButton *>(QStringLiteral("barRetry"));
        QCOMPARE(progress->maximum(), 0); // a busy indicator until told otherwise

        bar.setBusy(true);
        QVERIFY(progress->isVisible());
        QVERIFY(cancel->isVisible());
        bar.setProgress(2, 4);
        QCOMPARE(progress->value(), 2);
        QCOMPARE(progress->maximum(), 4);
        QSignalSpy cancelled(&bar, &MessageBar::cancelRequested);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(cancelled.size(), 1);

        bar.setBusy(false);
        QVERIFY(!progress->isVisible());
        QVERIFY(!cancel->isVisible());
        bar.showInfo(QStringLiteral("Cancelled."), MessageBar::Offer::Retry);
        QSignalSpy retried(&bar, &MessageBar::retryRequested);
        QTest::mouseClick(retry, Qt::LeftButton);
        QCOMPARE(retried.size(), 1);
    }

    // An error is in the palette's failure colour, redone when the palette changes; info is in
    // the window text colour.
    void errorColourFollowsThePalette()
    {
        MessageBar bar(QStringLiteral("bar"), {}, names());
        bar.setPalette(lightPalette());
        auto *status = bar.findChild<QLabel *>(QStringLiteral("barStatus"));
        bar.showError(QStringLiteral("Failed."));
        QCOMPARE(status->palette().color(QPalette::WindowText),
                 SemanticColors::negativeText(lightPalette()));

        bar.setPalette(darkPalette());
        QCOMPARE(status->palette().color(QPalette::WindowText),
                 SemanticColors::negativeText(darkPalette()));
        QVERIFY(SemanticColors::negativeText(darkPalette())
                != SemanticColors::negativeText(lightPalette()));

        bar.showInfo(QStringLiteral("Fine."));
        QCOMPARE(status->palette().color(QPalette::WindowText),
                 darkPalette().color(QPalette::WindowText));
        bar.setPalette(lightPalette());
        QCOMPARE(status->palette().color(QPalette::WindowText),
                 lightPalette().color(QPalette::WindowText));
    }
};

QTEST_MAIN(TestMessageBar)
#include "tst_messagebar.moc"
