// SPDX-License-Identifier: GPL-3.0-or-later
#include "copyasmenu.h"

#include "aws/credentials.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace {

struct ExpiryUnit
{
    const char *name;
    int seconds;
};

constexpr std::array<ExpiryUnit, 4> ExpiryUnits { {
    { QT_TRANSLATE_NOOP("CopyAsMenu", "seconds"), 1 },
    { QT_TRANSLATE_NOOP("CopyAsMenu", "minutes"), 60 },
    { QT_TRANSLATE_NOOP("CopyAsMenu", "hours"), 3600 },
    { QT_TRANSLATE_NOOP("CopyAsMenu", "days"), 86400 },
} };

} // namespace

CopyAsMenu::CopyAsMenu(const Iot::CopyAsContext &context, Aws::CredentialsProvider *credentials,
                       QWidget *parent)
    : QMenu(tr("Copy &As"), parent)
    , m_context(context)
    , m_credentials(credentials)
    , m_awsCli(addAction(tr("Copy as &aws CLI Command")))
    , m_curl(addAction(tr("Copy as c&url Command")))
    , m_presignedUrl(addAction(tr("Copy &Presigned URL…")))
{
    setObjectName(QStringLiteral("copyAsMenu"));
    m_awsCli->setObjectName(QStringLiteral("copyAsAwsCliAction"));
    m_awsCli->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    m_awsCli->setToolTip(tr("Copy an aws CLI command that prints this document or payload"));
    m_curl->setObjectName(QStringLiteral("copyAsCurlAction"));
    m_curl->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_U));
    m_curl->setToolTip(tr("Copy a curl command that signs with the AWS_* environment variables"));
    m_presignedUrl->setObjectName(QStringLiteral("copyAsPresignedUrlAction"));
    m_presignedUrl->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P));
    m_presignedUrl->setToolTip(tr("Copy a URL anyone can fetch until it expires"));
    connect(m_awsCli, &QAction::triggered, this, &CopyAsMenu::copyAwsCliCommand);
    connect(m_curl, &QAction::triggered, this, &CopyAsMenu::copyCurlCommand);
    connect(m_presignedUrl, &QAction::triggered, this, &CopyAsMenu::askAndCopyPresignedUrl);
    updateActions();
    detectCurlVersion();
}

CopyAsMenu::~CopyAsMenu()
{
    // `curl --version` takes milliseconds; a menu closed sooner ends it.
    if (m_curlProbe) {
        m_curlProbe->kill();
        m_curlProbe->waitForFinished(1000);
    }
}

void CopyAsMenu::setContext(const Iot::CopyAsContext &context,
                            Aws::CredentialsProvider *credentials)
{
    m_context = context;
    m_credentials = credentials;
    updateActions();
}

void CopyAsMenu::setTarget(const std::optional<Iot::CopyAsTarget> &target)
{
    m_target = target;
    updateActions();
}

void CopyAsMenu::setCurlVersion(const QVersionNumber &version)
{
    m_curlVersion = version;
}

void CopyAsMenu::setLastExpirySeconds(int seconds)
{
    m_lastExpirySeconds = std::clamp(seconds, 1, Iot::CopyAs::MaxPresignedExpirySeconds);
}

void CopyAsMenu::updateActions()
{
    for (QAction *action : { m_awsCli, m_curl })
        action->setEnabled(m_target.has_value());
    m_presignedUrl->setEnabled(m_target.has_value() && m_credentials);
}

void CopyAsMenu::detectCurlVersion()
{
    auto *process = new QProcess(this);
    m_curlProbe = process;
    connect(process, &QProcess::finished, this, [this, process] {
        if (process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0)
            setCurlVersion(Iot::CopyAs::parseCurlVersion(process->readAllStandardOutput()));
        process->deleteLater();
    });
    connect(process, &QProcess::errorOccurred, this, [process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) // no curl: the commands take the current form
            process->deleteLater();
    });
    process->start(QStringLiteral("curl"), { QStringLiteral("--version") }, QIODevice::ReadOnly);
}

void CopyAsMenu::copyAwsCliCommand()
{
    if (!m_target)
        return;
    QGuiApplication::clipboard()->setText(Iot::CopyAs::awsCliCommand(m_context, *m_target));
    Q_EMIT copied(tr("aws CLI command copied"));
}

void CopyAsMenu::copyCurlCommand()
{
    if (!m_target)
        return;
    QGuiApplication::clipboard()->setText(
        Iot::CopyAs::curlCommand(m_context, *m_target, m_curlVersion));
    Q_EMIT copied(m_context.sandboxKeys.accessKeyId.isEmpty()
                      ? tr("curl command copied; it signs with AWS_ACCESS_KEY_ID, "
                           "AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from the environment")
                      : tr("curl command copied"));
}

void CopyAsMenu::askAndCopyPresignedUrl()
{
    if (!m_target)
        return;
    auto *dialog = new QDialog(parentWidget());
    dialog->setObjectName(QStringLiteral("presignExpiryDialog"));
    dialog->setWindowTitle(tr("Copy Presigned URL"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *value = new QSpinBox(dialog);
    value->setObjectName(QStringLiteral("presignExpiryValue"));
    value->setAccessibleName(tr("Expires after"));
    auto *unit = new QComboBox(dialog);
    unit->setObjectName(QStringLiteral("presignExpiryUnit"));
    unit->setAccessibleName(tr("Expiry unit"));
    for (const ExpiryUnit &each : ExpiryUnits)
        unit->addItem(tr(each.name), each.seconds);
    const auto setRange = [value, unit] {
        value->setRange(1, Iot::CopyAs::MaxPresignedExpirySeconds / unit->currentData().toInt());
    };
    connect(unit, &QComboBox::currentIndexChanged, dialog, setRange);
    // The last choice, in the largest unit that holds it exactly.
    int unitIndex = 0;
    for (int i = 0; i < int(ExpiryUnits.size()); ++i) {
        if (m_lastExpirySeconds % ExpiryUnits[size_t(i)].seconds == 0)
            unitIndex = i;
    }
    unit->setCurrentIndex(unitIndex);
    setRange();
    value->setValue(m_lastExpirySeconds / ExpiryUnits[size_t(unitIndex)].seconds);
    auto *note = new QLabel(tr("Anyone with the URL can read this until it expires (at most 7 "
                               "days). A URL signed with temporary credentials stops working "
                               "when they expire, whatever the expiry chosen."),
                            dialog);
    note->setObjectName(QStringLiteral("presignExpiryNote"));
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Copy URL"));
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(tr("&Expires after:"), dialog);
    label->setBuddy(value);
    row->addWidget(label);
    row->addWidget(value, 1);
    row->addWidget(unit);
    auto *layout = new QVBoxLayout(dialog);
    layout->addLayout(row);
    layout->addWidget(note);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, value, unit] {
        setLastExpirySeconds(value->value() * unit->currentData().toInt());
        copyPresignedUrl(m_lastExpirySeconds);
    });
    dialog->open();
    value->setFocus(Qt::OtherFocusReason);
    value->selectAll();
}

void CopyAsMenu::copyPresignedUrl(int expiresSeconds)
{
    if (!m_target)
        return;
    const Iot::CopyAsTarget target = *m_target;
    const Iot::CopyAsContext context = m_context;
    Aws::CredentialsJob *job = m_credentials->resolve(this);
    connect(
        job, &Aws::CredentialsJob::finished, this, [this, job, target, context, expiresSeconds] {
            if (job->outcome() != Aws::CredentialsJob::Outcome::Found || !job->credentials()) {
                Q_EMIT failed(tr("No presigned URL: %1")
                                  .arg(job->errorString().isEmpty() ? tr("no credentials found")
                                                                    : job->errorString()));
                return;
            }
            const Aws::Credentials &credentials = *job->credentials();
            const QDateTime now = QDateTime::currentDateTimeUtc();
            QGuiApplication::clipboard()->setText(QString::fromLatin1(
                Iot::CopyAs::presignedUrl(context, target, credentials.keys, now, expiresSeconds)));
            const QDateTime until
                = Iot::CopyAs::effectiveExpiry(now, expiresSeconds, credentials.expiration);
            const QString when = QLocale().toString(until.toLocalTime(), QLocale::ShortFormat);
            const int asked = std::clamp(expiresSeconds, 1, Iot::CopyAs::MaxPresignedExpirySeconds);
            Q_EMIT copied(until < now.addSecs(asked)
                              ? tr("Presigned URL copied; it works until %1, when the temporary "
                                   "credentials it is signed with expire")
                                    .arg(when)
                              : tr("Presigned URL copied; it works until %1").arg(when));
        });
}
