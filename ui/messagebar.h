// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFlags>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

/**
 * The inline status line of a pane or view: a message (an error in the palette's failure
 * colour, redone on QEvent::PaletteChange), a progress bar and Cancel while busy, Retry after
 * a failure or a cancel, and Details that opens everything a failed request returned. Which
 * of these a bar has is chosen when it is made; the status label is always there and shows
 * only while it has text.
 *
 * Children are named after the prefix given to the constructor: prefix + "Status" (QLabel;
 * see setStatusObjectName()), "Progress" (QProgressBar), "Cancel", "Retry", "DetailsButton"
 * (QPushButton) and "ErrorDetails" (QPlainTextEdit).
 *
 * @see SemanticColors::negativeText()
 */
class MessageBar final : public QWidget
{
    Q_OBJECT
public:
    /** The parts a bar may have besides its status label. */
    enum class Part {
        Progress = 0x1, ///< a progress bar, shown while busy
        Cancel = 0x2, ///< Cancel, shown while busy (cancelRequested())
        Retry = 0x4, ///< Retry, shown when a message offers it (retryRequested())
        Details = 0x8, ///< Details, shown with an error that has details
    };
    Q_DECLARE_FLAGS(Parts, Part)

    /** What a message offers besides itself. */
    enum class Offer { Nothing, Retry };

    /**
     * What assistive technology calls the parts; the details have names of their own. (The
     * default member initializers let a designated initializer leave out the parts a bar
     * does not have without a -Wmissing-field-initializers warning.)
     */
    struct AccessibleNames
    {
        QString status {};
        QString progress {};
        QString cancel {};
        QString retry {};
    };

    /**
     * A bar with a status label and @p parts, its children named @p objectNamePrefix +
     * "Status" etc. and for assistive technology @p names. Nothing shows until a message does.
     */
    MessageBar(const QString &objectNamePrefix, Parts parts, const AccessibleNames &names,
               QWidget *parent = nullptr);

    /** Names the status label @p objectName instead of prefix + "Status". */
    void setStatusObjectName(const QString &objectName);

    /** Shows @p text in the window text colour, with Retry when @p offer says so. */
    void showInfo(const QString &text, Offer offer = Offer::Nothing);
    /**
     * Shows @p text in the failure colour, with Retry unless @p offer is Offer::Nothing, and
     * Details when @p details is not empty (closed again when the details change).
     */
    void showError(const QString &text, const QString &details = {}, Offer offer = Offer::Retry);
    /** Shows nothing: the status label, Retry and Details hide. */
    void clear();
    /** The text shown ("" after clear()). */
    QString text() const;

    /** Shows the progress bar and Cancel while @p busy. */
    void setBusy(bool busy);
    /** Progress @p value of @p maximum; a @p maximum of 0 shows a busy indicator (the default). */
    void setProgress(int value, int maximum);

Q_SIGNALS:
    /** Retry was clicked. */
    void retryRequested();
    /** Cancel was clicked. */
    void cancelRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void display(const QString &text, bool error, Offer offer, const QString &details);
    void updateStatusColor();

    QLabel *m_status;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_detailsButton = nullptr;
    QPlainTextEdit *m_details = nullptr;
    bool m_error = false;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(MessageBar::Parts)

/**
 * Keeps a pane's status line in step with its lazily paged @p model (ThingsModel,
 * RetainedTopicsModel): @p bar busy while a page loads, @p updateStatus now and after every
 * change of the model's rows or loading, and @p loadFinished once each page request ended.
 */
template<class Pane, class Model>
void followPaging(Pane *pane, Model *model, MessageBar *bar, void (Pane::*updateStatus)(),
                  void (Pane::*loadFinished)())
{
    QObject::connect(model, &Model::loadingChanged, pane, [=](bool loading) {
        bar->setBusy(loading);
        (pane->*updateStatus)();
        if (!loading)
            Q_EMIT(pane->*loadFinished)();
    });
    QObject::connect(model, &Model::rowsInserted, pane, updateStatus);
    QObject::connect(model, &Model::modelReset, pane, updateStatus);
    (pane->*updateStatus)();
}
