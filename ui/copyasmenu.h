// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/copyas.h"

#include <QMenu>
#include <QPointer>
#include <QVersionNumber>

#include <optional>

class QAction;
class QProcess;

namespace Aws {
class CredentialsProvider;
}

/**
 * "Copy As" for the shadow or retained message in view: "Copy as aws CLI Command", "Copy as
 * curl Command" and "Copy Presigned URL…" (which asks for the URL's expiry, 1 second to 7
 * days, remembering the last choice), each put on the clipboard. The actions are disabled
 * while there is no target. The presigned URL is signed with credentials resolved (without
 * blocking) from the provider; signed with temporary credentials it stops working when they
 * expire, and copied() says so.
 *
 * The curl command takes the form the local curl needs (its version is read once with
 * `curl --version`; see Iot::CopyAs::curlCommand()).
 * Actions: "copyAsAwsCliAction", "copyAsCurlAction", "copyAsPresignedUrlAction". The expiry
 * dialog: "presignExpiryDialog" with "presignExpiryValue" (QSpinBox), "presignExpiryUnit"
 * (QComboBox) and "presignExpiryNote" (QLabel).
 */
class CopyAsMenu final : public QMenu
{
    Q_OBJECT
public:
    /**
     * @p credentials (not owned; nullptr: none, no presigned URL) must outlive the menu or
     * be replaced first with setContext().
     */
    CopyAsMenu(const Iot::CopyAsContext &context, Aws::CredentialsProvider *credentials,
               QWidget *parent = nullptr);
    ~CopyAsMenu() override;

    /**
     * The endpoint, region, profile and trust the copies use, and the credentials that sign
     * presigned URLs (after a connection change).
     */
    void setContext(const Iot::CopyAsContext &context, Aws::CredentialsProvider *credentials);
    Iot::CopyAsContext context() const { return m_context; }

    /** What the copies fetch; nullopt: nothing (the actions are disabled). */
    void setTarget(const std::optional<Iot::CopyAsTarget> &target);
    std::optional<Iot::CopyAsTarget> target() const { return m_target; }

    /** The local curl's version; null until `curl --version` answered (or without curl). */
    QVersionNumber curlVersion() const { return m_curlVersion; }
    void setCurlVersion(const QVersionNumber &version);

    /** The expiry last chosen for a presigned URL, in seconds (one hour at first). */
    int lastExpirySeconds() const { return m_lastExpirySeconds; }
    void setLastExpirySeconds(int seconds);

    QAction *awsCliAction() const { return m_awsCli; }
    QAction *curlAction() const { return m_curl; }
    QAction *presignedUrlAction() const { return m_presignedUrl; }

public Q_SLOTS:
    /** Copies the aws CLI command for the target. */
    void copyAwsCliCommand();
    /** Copies the curl command for the target. */
    void copyCurlCommand();
    /** Asks for the expiry (non-modal to the event loop), then copies a presigned URL. */
    void askAndCopyPresignedUrl();
    /** Resolves credentials and copies a URL presigned for @p expiresSeconds. */
    void copyPresignedUrl(int expiresSeconds);

Q_SIGNALS:
    /** Something was put on the clipboard; @p message says what (for a status bar). */
    void copied(const QString &message);
    /** The presigned URL could not be made (no credentials); @p message says why. */
    void failed(const QString &message);

private:
    void updateActions();
    void detectCurlVersion();

    Iot::CopyAsContext m_context;
    Aws::CredentialsProvider *m_credentials;
    std::optional<Iot::CopyAsTarget> m_target;
    QVersionNumber m_curlVersion;
    int m_lastExpirySeconds = 3600;
    QAction *m_awsCli;
    QAction *m_curl;
    QAction *m_presignedUrl;
    QPointer<QProcess> m_curlProbe;
};
