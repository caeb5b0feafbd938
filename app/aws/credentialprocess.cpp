// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentialprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QTimer>

namespace Aws {

namespace {

constexpr qsizetype MaxStandardOutput = 1024 * 1024;
constexpr qsizetype MaxStandardError = 64 * 1024;
constexpr qsizetype ShownStandardError = 2000;

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::String:
        return u'"' + value.toString() + u'"';
    default:
        return QString::fromUtf8(
            QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact).chopped(1).mid(1));
    }
}

} // namespace

CredentialProcess::SplitCommand CredentialProcess::splitCommandLine(const QString &commandLine)
{
    // Python's shlex.split in POSIX mode, which botocore uses off Windows.
    SplitCommand split;
    QString word;
    bool inWord = false;
    enum class Quote { None, Single, Double } quote = Quote::None;
    for (qsizetype i = 0; i < commandLine.size(); ++i) {
        const QChar c = commandLine.at(i);
        switch (quote) {
        case Quote::Single:
            if (c == u'\'')
                quote = Quote::None;
            else
                word += c;
            break;
        case Quote::Double:
            if (c == u'"') {
                quote = Quote::None;
            } else if (c == u'\\' && i + 1 < commandLine.size()
                       && (commandLine.at(i + 1) == u'"' || commandLine.at(i + 1) == u'\\')) {
                word += commandLine.at(++i);
            } else {
                word += c;
            }
            break;
        case Quote::None:
            if (c.isSpace()) {
                if (inWord)
                    split.words.append(word);
                word.clear();
                inWord = false;
            } else if (c == u'\'') {
                quote = Quote::Single;
                inWord = true;
            } else if (c == u'"') {
                quote = Quote::Double;
                inWord = true;
            } else if (c == u'\\') {
                if (i + 1 < commandLine.size()) {
                    word += commandLine.at(++i);
                } else {
                    split.error = tr("The command line ends with an escape character.");
                    split.words.clear();
                    return split;
                }
                inWord = true;
            } else {
                word += c;
                inWord = true;
            }
            break;
        }
    }
    if (quote != Quote::None) {
        split.error = tr("The command line has a quotation mark that is not closed.");
        split.words.clear();
        return split;
    }
    if (inWord)
        split.words.append(word);
    if (split.words.isEmpty())
        split.error = tr("The command line is empty.");
    return split;
}

CredentialProcess::Parsed CredentialProcess::parseOutput(const QByteArray &json)
{
    Parsed parsed;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        parsed.error = tr("Its output is not a JSON object.");
        return parsed;
    }
    const QJsonObject object = document.object();
    const QJsonValue version = object.value(QLatin1String("Version"));
    if (version.isUndefined()) {
        parsed.error = tr("Its output has no \"Version\"; version 1 is expected.");
        return parsed;
    }
    if (!version.isDouble() || version.toDouble() != 1.0) {
        parsed.error = tr("Its output has \"Version\": %1, but only version 1 is supported.")
                           .arg(describe(version));
        return parsed;
    }
    Credentials credentials;
    const auto text = [&object](const char *key) -> std::optional<QString> {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return QString();
        if (!value.isString())
            return std::nullopt;
        return value.toString();
    };
    for (const char *key : { "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration" }) {
        if (!text(key)) {
            parsed.error
                = tr("Its output has a \"%1\" that is not a string.").arg(QLatin1String(key));
            return parsed;
        }
    }
    credentials.keys.accessKeyId = *text("AccessKeyId");
    credentials.keys.secretAccessKey = *text("SecretAccessKey");
    credentials.keys.sessionToken = *text("SessionToken");
    if (credentials.keys.accessKeyId.isEmpty() || credentials.keys.secretAccessKey.isEmpty()) {
        parsed.error = tr("Its output lacks \"AccessKeyId\" or \"SecretAccessKey\".");
        return parsed;
    }
    const QString expiration = *text("Expiration");
    if (!expiration.isEmpty()) {
        const QDateTime time = QDateTime::fromString(expiration, Qt::ISODateWithMs);
        if (!time.isValid() || time.timeSpec() == Qt::LocalTime) {
            parsed.error = tr("Its output has an \"Expiration\" that is not an ISO 8601 time "
                              "with a time zone: %1")
                               .arg(expiration);
            return parsed;
        }
        credentials.expiration = time.toUTC();
    }
    parsed.credentials = credentials;
    return parsed;
}

CredentialProcess::CredentialProcess(const QString &program, const QStringList &arguments,
                                     std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_process(new QProcess(this))
    , m_timer(new QTimer(this))
{
    m_process->setProgram(program);
    m_process->setArguments(arguments);
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_timer->setSingleShot(true);
    m_timer->setInterval(timeout);

    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
        m_standardOutput += m_process->readAllStandardOutput();
        if (m_standardOutput.size() > MaxStandardOutput)
            stop(Status::OutputTooLarge);
    });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray chunk = m_process->readAllStandardError();
        m_standardError += chunk.left(MaxStandardError - m_standardError.size());
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(Status::FailedToStart);
    });
    connect(m_process, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus exitStatus) {
                m_standardOutput += m_process->readAllStandardOutput();
                const QByteArray rest = m_process->readAllStandardError();
                m_standardError
                    += rest.left(qMax<qsizetype>(0, MaxStandardError - m_standardError.size()));
                if (m_standardOutput.size() > MaxStandardOutput)
                    m_stoppedAs = Status::OutputTooLarge;
                if (m_stoppedAs)
                    finish(*m_stoppedAs);
                else
                    finish(exitStatus == QProcess::CrashExit ? Status::Crashed : Status::Exited,
                           exitCode);
            });
    connect(m_timer, &QTimer::timeout, this, [this] { stop(Status::TimedOut); });
}

CredentialProcess::~CredentialProcess()
{
    if (m_process->state() == QProcess::NotRunning)
        return;
    // Abandoned while running (its job was deleted): kill it and let the QProcess go once it
    // has reaped the child, without blocking here as QProcess's own destructor would.
    m_process->disconnect(this);
    m_process->setParent(nullptr);
    connect(m_process, &QProcess::finished, m_process, &QObject::deleteLater);
    m_process->kill();
}

void CredentialProcess::start(std::function<void(const Result &)> done)
{
    m_done = std::move(done);
    m_timer->start();
    m_process->start(QIODevice::ReadOnly);
}

void CredentialProcess::stop(Status status)
{
    // Killed, then reported once QProcess has reaped it (its finished signal), so no process
    // outlives the result.
    if (m_stoppedAs)
        return;
    m_stoppedAs = status;
    m_process->kill();
}

void CredentialProcess::finish(Status status, int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer->stop();
    Result result;
    result.status = status;
    result.exitCode = exitCode;
    result.standardOutput = m_standardOutput;
    QString standardError = QString::fromUtf8(m_standardError).trimmed();
    if (standardError.size() > ShownStandardError)
        standardError = standardError.left(ShownStandardError) + QStringLiteral(" […]");
    result.standardError = standardError;
    m_standardOutput.fill('\0');
    m_standardOutput.clear();
    // The callback may delete this object (through its job): deliver from the event loop.
    QMetaObject::invokeMethod(
        this, [this, result] { m_done(result); }, Qt::QueuedConnection);
}

} // namespace Aws
