// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials.h"

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <optional>

class QTimer;

namespace Aws {

/**
 * One run of a program that prints credentials (a profile's credential_process, or
 * `aws configure export-credentials`): started with QProcess (no shell, stdin closed),
 * driven by its signals, killed when the timeout passes. The callback runs once, from the
 * event loop. Standard output holds secrets: it is parsed, never logged or shown.
 * @see ProcessCredentialsProvider, AwsCliCredentialsProvider
 */
class CredentialProcess final : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds DefaultTimeout { 60'000 };

    enum class Status { Exited, FailedToStart, Crashed, TimedOut, OutputTooLarge };
    Q_ENUM(Status)

    struct Result
    {
        Status status = Status::Exited;
        int exitCode = 0;
        QByteArray standardOutput;
        QString standardError; ///< trimmed and capped, for messages
    };

    /** A command line split as the aws CLI does (POSIX shell words, no expansions). */
    struct SplitCommand
    {
        QStringList words;
        QString error; ///< set for an unterminated quote or an empty command
    };
    static SplitCommand splitCommandLine(const QString &commandLine);

    /** Credentials of the JSON (Version 1) a credential process prints, or an error. */
    struct Parsed
    {
        std::optional<Credentials> credentials;
        QString error;
    };
    static Parsed parseOutput(const QByteArray &json);

    CredentialProcess(const QString &program, const QStringList &arguments,
                      std::chrono::milliseconds timeout, QObject *parent);
    ~CredentialProcess() override;

    /** Starts the program; @p done receives the result once. */
    void start(std::function<void(const Result &)> done);

private:
    void stop(Status status);
    void finish(Status status, int exitCode = 0);

    QProcess *m_process;
    QTimer *m_timer;
    std::function<void(const Result &)> m_done;
    QByteArray m_standardOutput;
    QByteArray m_standardError;
    std::optional<Status> m_stoppedAs; ///< why it was killed, reported when it has exited
    bool m_finished = false;
};

} // namespace Aws
