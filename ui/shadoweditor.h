// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"
#include "shadow/shadowedit.h"
#include "shadowservices.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class JsonTextEdit;
class MessageBar;
class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QTimer;
namespace Iot {
class IotDataClient;
}
namespace Settings {
struct Draft;
}

/**
 * Edits one shadow as JSON: desired (the default), reported (to play the device) or the raw
 * update document. Save (Ctrl+S) first shows the exact request (ReviewDialog), then sends it
 * with the version the edit started from and a clientToken. When someone else saved in
 * between (409), it fetches the latest document and merges three ways (ConflictDialog), then
 * reviews again with the new version. The text is never replaced while it has unsaved
 * changes: not by a refresh, a failure or a conflict; it is autosaved as a draft (DraftStore)
 * a moment after each change, and the draft is removed once saved or discarded.
 *
 * Key children: "shadowEditorText" (JsonTextEdit), "shadowEditorMode" (QComboBox),
 * "shadowEditorBase" (QLabel), "shadowEditorSave", "shadowEditorRevert",
 * "shadowEditorFormat" (QPushButton); in a MessageBar "editorStatus", "editorRetry",
 * "editorDetailsButton". Dialogs it opens are its children: ReviewDialog, ConflictDialog.
 */
class ShadowEditor final : public QWidget
{
    Q_OBJECT
public:
    ShadowEditor(Iot::IotDataClient *client, const QString &thingName, const QString &shadowName,
                 const ShadowServices &services, QWidget *parent = nullptr);
    ~ShadowEditor() override;

    /**
     * The server's latest document (nullopt: the shadow does not exist). Without unsaved
     * changes the editor starts over from it; with them, it only says that the edit is based
     * on an older version (the save will merge).
     */
    void setServerDocument(const std::optional<Iot::ShadowDocument> &document);
    /** Takes up @p draft: its mode, its base and its text (unsaved). */
    void restoreDraft(const Settings::Draft &draft);

    bool isModified() const { return m_modified; }
    /** A save (or the fetch that merges it) is in flight: the text is read-only meanwhile. */
    bool isBusy() const { return m_busy; }
    Shadow::EditMode mode() const { return m_mode; }
    void setMode(Shadow::EditMode mode);
    Shadow::EditBase base() const { return m_base; }
    JsonTextEdit *textEdit() const { return m_text; }
    QString statusText() const;

    /** Reviews the update the edit makes, then sends it (Ctrl+S). */
    void save();
    /** Asks, then drops the unsaved changes and the draft (Ctrl+Shift+R). */
    void revert();
    /** Drops the unsaved changes and the draft without asking; starts from the newest version seen. */
    void discard();
    /** Writes the draft now instead of after the autosave delay; false (and says why) if it failed. */
    bool saveDraftNow();

Q_SIGNALS:
    void modifiedChanged(bool modified);
    /** An update was accepted (the view fetches the document again). */
    void saved(qint64 version);
    /** A document was fetched to resolve a conflict. */
    void documentFetched(const Iot::ShadowDocument &document);

private:
    void setBase(const Shadow::EditBase &base);
    void replaceText(const QString &text);
    void updateModified();
    void updateActions();
    void send(const Shadow::EditBase &base, const Shadow::PreparedUpdate &update);
    void resolveConflict(const Shadow::EditBase &base, const Shadow::PreparedUpdate &update);
    void merge(const Shadow::EditBase &base, const Shadow::PreparedUpdate &update,
               const Shadow::EditBase &theirs);
    QString title() const;
    /** The text of the base in the current mode. */
    QString initialText() const;

    QPointer<Iot::IotDataClient> m_client;
    QString m_thingName;
    QString m_shadowName;
    ShadowServices m_services;
    Shadow::EditMode m_mode = Shadow::EditMode::Desired;
    Shadow::EditBase m_base;
    std::optional<Shadow::EditBase> m_server; ///< the newest document seen, when the base is older
    bool m_hasBase = false;
    QString m_baseText; ///< the text of the base in the current mode: unmodified when equal
    bool m_modified = false;
    bool m_busy = false;
    QString m_syntaxError; ///< the syntax error the message bar shows, if any

    JsonTextEdit *m_text;
    QComboBox *m_modeBox;
    QLabel *m_baseLabel;
    QPushButton *m_format;
    QPushButton *m_revert;
    QPushButton *m_save;
    MessageBar *m_messageBar;
    QTimer *m_autosave;
};
