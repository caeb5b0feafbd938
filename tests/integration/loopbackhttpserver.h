// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>

/** An HTTP/1.1 response: @p status line, @p headers (each ending in CRLF) and @p body. */
inline QByteArray httpResponse(const QByteArray &status, const QByteArray &body,
                               const QByteArray &headers = "Content-Type: application/json\r\n")
{
    return "HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

/**
 * A real HTTP/1.1 server on 127.0.0.1 (a free port) for what no AWS endpoint would answer:
 * it gathers each whole request on a connection (its head, then Content-Length bytes of
 * body) and hands the head to the answer function, which writes to the socket (and may
 * close it).
 */
class LoopbackHttpServer : public QObject
{
public:
    using Answer = std::function<void(QTcpSocket *socket, const QByteArray &head)>;

    explicit LoopbackHttpServer(Answer answer)
        : m_answer(std::move(answer))
    {
    }

    bool listen()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
            }
        });
        return m_server.listen(QHostAddress::LocalHost);
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

    int requests = 0; ///< whole requests received

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        while (socket->state() == QAbstractSocket::ConnectedState) {
            const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            qsizetype length = 0;
            for (const QByteArray &line : buffer.left(headEnd).split('\n')) {
                if (line.trimmed().toLower().startsWith("content-length:"))
                    length = line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
            }
            if (buffer.size() < headEnd + 4 + length)
                return;
            const QByteArray head = buffer.left(headEnd);
            buffer.remove(0, headEnd + 4 + length);
            ++requests;
            m_answer(socket, head);
        }
    }

    Answer m_answer;
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
