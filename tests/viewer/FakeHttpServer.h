#pragma once
// A tiny HTTP server on 127.0.0.1 for answers a real PACS does not give: connection i reads
// one request (head and Content-Length body), gets the canned bytes answers[i] (the last ones
// for any later connection) and is closed. Empty canned bytes close the connection at once,
// unanswered. Runs in the thread that made it, so that thread's event loop must run while a
// client talks to it (the client on another thread).

#include <QByteArray>
#include <QByteArrayList>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>
#include <memory>

namespace radpath::test {

class FakeHttpServer {
public:
    explicit FakeHttpServer(QByteArrayList answers) : m_answers(std::move(answers))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
    }

    int port() const { return m_server.serverPort(); }
    QString url(const QString& path = QStringLiteral("/dicom-web")) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
    }
    int connections() const { return m_connections; }
    /// The heads of the requests answered so far (request line and header fields).
    const QByteArrayList& requests() const { return m_requests; }

    /// An HTTP/1.1 answer with Content-Length (or `contentLength` when >= 0, to promise more).
    static QByteArray answer(int status, const QByteArray& contentType, const QByteArray& body,
                             qint64 contentLength = -1)
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " Canned\r\n";
        if (!contentType.isEmpty())
            out += "Content-Type: " + contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(contentLength >= 0 ? contentLength : body.size()) + "\r\n";
        return out + "Connection: close\r\n\r\n" + body;
    }

private:
    void accept()
    {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            const QByteArray canned = m_answers.value(std::min<int>(m_connections, int(m_answers.size()) - 1));
            ++m_connections;
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            if (canned.isEmpty()) {
                socket->abort();
                socket->deleteLater();
                continue;
            }
            auto received = std::make_shared<QByteArray>();
            auto answered = std::make_shared<bool>(false);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, received, answered, canned] {
                *received += socket->readAll();
                const qsizetype end = received->indexOf("\r\n\r\n");
                if (*answered || end < 0)
                    return;
                static const QRegularExpression length(QStringLiteral("content-length:\\s*(\\d+)"),
                                                       QRegularExpression::CaseInsensitiveOption);
                const QRegularExpressionMatch m = length.match(QString::fromLatin1(received->left(end)));
                const qint64 body = m.hasMatch() ? m.captured(1).toLongLong() : 0;
                if (received->size() < end + 4 + body)
                    return;
                *answered = true;
                m_requests << received->left(end);
                socket->write(canned);
                socket->disconnectFromHost(); // after the bytes are written
            });
        }
    }

    QTcpServer m_server;
    QByteArrayList m_answers;
    QByteArrayList m_requests;
    int m_connections = 0;
};

} // namespace radpath::test
