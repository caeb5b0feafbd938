// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"

#include <QWidget>

#include <optional>

class JsonHighlighter;
class JsonTreeModel;
class MessageBar;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTimer;
class QTreeView;

namespace Iot {
class DataShadowSource;
class IotDataClient;
} // namespace Iot

/**
 * One shadow in the central workspace: desired, reported and delta side by side as trees
 * (out-of-sync keys in the palette's failure colour and bold, each leaf's age with the exact
 * time in a tooltip), the version, the size against the 8 KB limit, and the document as
 * highlighted JSON in a second tab. Refresh (F5) fetches the document again and highlights
 * the values that changed since the previous one. Loading can be cancelled; a failure shows
 * inline with Retry and Details.
 *
 * Key children: "desiredView", "reportedView", "deltaView" (QTreeView), "shadowTabs",
 * "shadowRawJson", "shadowVersion", "shadowSize", "shadowSizeBar", "shadowRefresh"; in a
 * MessageBar "shadowStatus", "shadowCancel", "shadowRetry", "shadowDetailsButton",
 * "shadowErrorDetails".
 */
class ShadowView final : public QWidget
{
    Q_OBJECT
public:
    /**
     * Shows @p shadowName (empty: classic) of @p thingName through @p client (not owned;
     * nullptr: not connected). Fetches the document from the event loop, unless
     * setDocument() is called first.
     */
    ShadowView(Iot::IotDataClient *client, const QString &thingName, const QString &shadowName,
               QWidget *parent = nullptr);
    ~ShadowView() override;

    /** Shows @p document without a fetch (e.g. the one ShadowsPane already has). */
    void setDocument(const Iot::ShadowDocument &document);
    /** Fetches the document again; the values that changed are highlighted when it arrives. */
    void refresh();
    /** Abandons the fetch in flight. */
    void cancel();

    QString thingName() const { return m_thingName; }
    QString shadowName() const { return m_shadowName; }
    /** The document shown, if any. */
    std::optional<Iot::ShadowDocument> document() const { return m_document; }
    /** The status line: what is loading, how many keys are out of sync, or what failed. */
    QString statusText() const;

    JsonTreeModel *desiredModel() const { return m_desired; }
    JsonTreeModel *reportedModel() const { return m_reported; }
    JsonTreeModel *deltaModel() const { return m_delta; }

Q_SIGNALS:
    /** A fetch ended, with a document or with an error. */
    void loadFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showDocument(const Iot::ShadowDocument &document);
    void setLoading(bool loading);
    void updateColors();

    Iot::DataShadowSource *m_source = nullptr; ///< nullptr: not connected
    QString m_thingName;
    QString m_shadowName;
    std::optional<Iot::ShadowDocument> m_document;
    quint64 m_generation = 0;
    bool m_loading = false;

    JsonTreeModel *m_desired;
    JsonTreeModel *m_reported;
    JsonTreeModel *m_delta;
    QList<QTreeView *> m_views;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_raw;
    JsonHighlighter *m_highlighter;
    QLabel *m_version;
    QLabel *m_size;
    QProgressBar *m_sizeBar;
    QPushButton *m_refresh;
    MessageBar *m_messageBar;
    QTimer *m_ageTimer;
};
