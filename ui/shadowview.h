// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"
#include "shadowservices.h"

#include <QWidget>

#include <optional>

class JsonHighlighter;
class JsonTreeModel;
class MessageBar;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class ShadowEditor;
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
 * inline with Retry and Details. The Edit tab (Ctrl+E) holds a ShadowEditor; a view whose
 * editor has unsaved changes asks before it closes. Delete (Shift+Del) asks for the shadow's
 * name, keeps a copy in Recently deleted, then deletes; History (Ctrl+Shift+H) diffs any two
 * versions fetched this session.
 *
 * Key children: "desiredView", "reportedView", "deltaView" (QTreeView), "shadowTabs",
 * "shadowRawJson", "shadowVersion", "shadowSize", "shadowSizeBar", "shadowRefresh",
 * "shadowDelete", "shadowHistory", "shadowEditor" (ShadowEditor); in a
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
               const ShadowServices &services = {}, QWidget *parent = nullptr);
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
    ShadowEditor *editor() const { return m_editor; }
    /** Shows the Edit tab with the focus in the text. */
    void edit();
    /** Asks for the shadow's name, keeps a local copy, then deletes the shadow. */
    void deleteShadow();
    /** Opens the versions fetched this session, the latest two diffed. */
    void showHistory();

Q_SIGNALS:
    /** A fetch ended, with a document or with an error. */
    void loadFinished();
    /** The editor's unsaved changes appeared or went. */
    void modifiedChanged(bool modified);
    /** The shadow was deleted (a copy is in Recently deleted). */
    void deleted(const QString &thingName, const QString &shadowName);

protected:
    void changeEvent(QEvent *event) override;
    /** Asks what to do with unsaved changes; ignoring the event keeps the view open. */
    void closeEvent(QCloseEvent *event) override;

private:
    void showDocument(const Iot::ShadowDocument &document);
    void setLoading(bool loading);
    void updateColors();

    Iot::IotDataClient *m_client;
    ShadowServices m_services;
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
    QPushButton *m_delete;
    QPushButton *m_history;
    ShadowEditor *m_editor;
    MessageBar *m_messageBar;
    QTimer *m_ageTimer;
};
