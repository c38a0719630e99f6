#include "viewer/net/HttpExchange.h"

#include "viewer/net/HeaderText.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>
#include <cctype>
#include <exception>
#include <memory>

namespace radpath::viewer::net::detail {

using Kind = PacsError::Kind;

namespace {

constexpr int kCancelPollMs = 50;
/// Besides unreserved characters: what a query value may hold unencoded (RFC 3986 sub-delims
/// but '&', '=' and '+', and ':', '@', '/', '?').
const QByteArray kLiteralInQuery = QByteArrayLiteral("*?!$'(),;:@/");

bool isLoopback(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

// Qt's texts for some errors quote the whole URL, query included: name it as messages do.
std::string sanitised(QString text, const QUrl& url)
{
    const QString shown = QString::fromStdString(displayUrl(url));
    for (const QString& form : {url.toString(QUrl::FullyEncoded), url.toString(), url.toDisplayString()})
        if (!form.isEmpty())
            text.replace(form, shown);
    return text.toStdString();
}

// The PacsError for a transport failure of a request to `url`; `sent`: the request had gone out.
PacsError transportError(const QNetworkReply& reply, const QUrl& url, bool sent)
{
    const std::string where = displayUrl(url);
    switch (reply.error()) {
    case QNetworkReply::ConnectionRefusedError:
        return PacsError(Kind::Connect, "cannot connect to " + where + ": connection refused");
    case QNetworkReply::HostNotFoundError:
        return PacsError(Kind::Connect, "cannot connect to " + where + ": unknown host");
    case QNetworkReply::TimeoutError:
        return PacsError(Kind::Timeout, where + ": the connection timed out");
    case QNetworkReply::RemoteHostClosedError:
        return PacsError(Kind::Aborted, where + ": the server closed the connection before answering");
    case QNetworkReply::SslHandshakeFailedError:
        return PacsError(Kind::Connect, "cannot connect to " + where +
                                            ": TLS handshake failed: " + sanitised(reply.errorString(), url));
    default:
        break;
    }
    const std::string why = sanitised(reply.errorString(), url);
    return sent ? PacsError(Kind::Aborted, where + ": " + why)
                : PacsError(Kind::Connect, "cannot connect to " + where + ": " + why);
}

enum class Stop { None, Cancelled, ConnectTimeout, AnswerTimeout, SinkFailed, TooLarge };

struct Attempt {
    HttpAnswer answer;
    bool retry = false; ///< the connection was reset before any answer: worth one more try
};

Attempt attempt(const HttpRequest& request, const DicomWebAuth& auth, const DicomWebTimeouts& timeouts,
                const TaskControl& control, const BodySink* sink)
{
    QNetworkAccessManager manager;
    manager.setAutoDeleteReplies(false);
    manager.setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
    if (isLoopback(request.url.host()))
        manager.setProxy(QNetworkProxy::NoProxy);

    QNetworkRequest r(request.url);
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (!request.accept.isEmpty())
        r.setRawHeader("Accept", request.accept);
    if (!request.contentType.isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    if (auth.kind == DicomWebAuth::Kind::Basic)
        r.setRawHeader("Authorization",
                       "Basic " + QByteArray::fromStdString(auth.user + ":" + auth.password).toBase64());
    else if (auth.kind == DicomWebAuth::Kind::Bearer)
        r.setRawHeader("Authorization", "Bearer " + QByteArray::fromStdString(auth.token));

    std::unique_ptr<QNetworkReply> reply(request.body ? manager.post(r, request.body)
                                                      : manager.sendCustomRequest(r, request.method));
    Attempt out;
    HttpAnswer& answer = out.answer;
    Stop stop = Stop::None;
    bool sent = false;
    bool headRead = false;
    bool sinkTakes = false;
    qint64 bodyBytes = 0;
    std::exception_ptr sinkError;

    QEventLoop loop;
    QTimer idle;
    idle.setSingleShot(true);
    const int connectMs = std::max(1, timeouts.connectSeconds) * 1000;
    const int answerMs = std::max(1, timeouts.answerSeconds) * 1000;
    const auto touch = [&] { idle.start(sent ? answerMs : connectMs); };
    const auto halt = [&](Stop why) {
        if (stop == Stop::None)
            stop = why;
        reply->abort();
    };
    const auto guarded = [&](const std::function<void()>& call) {
        try {
            call();
        } catch (...) {
            sinkError = std::current_exception();
            halt(Stop::SinkFailed);
        }
    };
    // Reads the head once, then whatever body bytes are there: to the sink or the buffer.
    const auto deliver = [&] {
        if (stop != Stop::None)
            return;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!headRead && status.isValid()) {
            headRead = true;
            answer.status = status.toInt();
            answer.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
            answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
            sinkTakes = sink && isSuccess(answer.status);
            if (sinkTakes && sink->onHead)
                guarded([&] { sink->onHead(answer); });
        }
        if (!headRead || stop != Stop::None)
            return;
        const QByteArray data = reply->readAll();
        if (data.isEmpty())
            return;
        bodyBytes += data.size();
        if (sinkTakes)
            guarded([&] { sink->onData(data.constData(), std::size_t(data.size())); });
        else if (answer.body.size() + data.size() > kMaxBufferedBody)
            halt(Stop::TooLarge);
        else
            answer.body += data;
    };

    QObject::connect(reply.get(), &QNetworkReply::requestSent, &loop, [&] { sent = true, touch(); });
    QObject::connect(reply.get(), &QNetworkReply::uploadProgress, &loop, [&](qint64 done, qint64) {
        sent = sent || done > 0;
        touch();
    });
    QObject::connect(reply.get(), &QNetworkReply::metaDataChanged, &loop, [&] { sent = true, touch(); });
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, [&] {
        sent = true;
        touch();
        deliver();
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&idle, &QTimer::timeout, &loop, [&] { halt(sent ? Stop::AnswerTimeout : Stop::ConnectTimeout); });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (control.cancelled())
            halt(Stop::Cancelled);
    });
    poll.start(kCancelPollMs);
    touch();
    if (!reply->isFinished())
        loop.exec();
    poll.stop();
    idle.stop();
    deliver(); // the last bytes, and the head of an answer without body

    const std::string where = displayUrl(request.url);
    switch (stop) {
    case Stop::SinkFailed:
        std::rethrow_exception(sinkError);
    case Stop::Cancelled:
        throw OperationCancelled{};
    case Stop::ConnectTimeout:
        throw PacsError(Kind::Connect, "cannot connect to " + where + ": no connection within " +
                                           std::to_string(connectMs / 1000) + " s");
    case Stop::AnswerTimeout:
        throw PacsError(Kind::Timeout, where + (bodyBytes > 0 ? ": the answer stalled for " : ": no answer within ") +
                                           std::to_string(answerMs / 1000) + " s");
    case Stop::TooLarge:
        throw PacsError(Kind::Protocol,
                        where + ": the answer is larger than " + std::to_string(kMaxBufferedBody >> 20) + " MiB");
    case Stop::None:
        break;
    }
    const QNetworkReply::NetworkError error = reply->error();
    const bool transport = error != QNetworkReply::NoError && int(error) < 200; // network and proxy errors
    if (headRead && !(transport && isSuccess(answer.status)))
        return out; // an HTTP answer, error statuses included (checkStatus judges them)
    if (!transport && error != QNetworkReply::NoError)
        throw PacsError(Kind::Protocol, where + ": " + sanitised(reply->errorString(), request.url));
    if (headRead) { // a 2xx answer that broke off
        const std::string why = error == QNetworkReply::RemoteHostClosedError
                                    ? std::string("the server closed the connection")
                                    : sanitised(reply->errorString(), request.url);
        if (!sinkTakes)
            throw PacsError(Kind::Aborted, where + ": the answer is truncated (" + why + ")");
        answer.truncated = true;
        answer.breakOff = why;
        return out;
    }
    if (error == QNetworkReply::RemoteHostClosedError) {
        out.retry = true;
        return out;
    }
    if (error == QNetworkReply::NoError) // finished without a status line: not HTTP
        throw PacsError(Kind::Protocol, where + ": the answer is not HTTP");
    throw transportError(*reply, request.url, sent);
}

} // namespace

std::string displayUrl(const QUrl& url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toStdString();
}

QUrl serviceUrl(const std::string& base, const std::string& path, const QList<QPair<QString, QString>>& query)
{
    QUrl url(QString::fromStdString(base + path));
    if (!query.isEmpty()) {
        QString text;
        for (const auto& [key, value] : query) {
            if (!text.isEmpty())
                text += QLatin1Char('&');
            // Wildcards and other characters a query may hold as they are stay literal: some
            // servers (Orthanc 1.10) match query values without percent-decoding them.
            text += QString::fromLatin1(QUrl::toPercentEncoding(key) + '=' +
                                        QUrl::toPercentEncoding(value, kLiteralInQuery));
        }
        url.setQuery(text, QUrl::StrictMode);
    }
    return url;
}

HttpAnswer exchange(const HttpRequest& request, const DicomWebAuth& auth, const DicomWebTimeouts& timeouts,
                    const TaskControl& control, const BodySink* sink)
{
    const bool idempotent = request.method == "GET" || request.method == "HEAD";
    Attempt first = attempt(request, auth, timeouts, control, sink);
    if (!first.retry)
        return first.answer;
    if (idempotent) {
        Attempt second = attempt(request, auth, timeouts, control, sink);
        if (!second.retry)
            return second.answer;
    }
    throw PacsError(Kind::Aborted, displayUrl(request.url) + ": the server closed the connection before answering");
}

void checkStatus(const HttpAnswer& answer, const QUrl& url)
{
    if (isSuccess(answer.status))
        return;
    const std::string where = displayUrl(url);
    const std::string status = "HTTP " + std::to_string(answer.status) +
                               (answer.reason.isEmpty() ? std::string() : " " + answer.reason.toStdString());
    if (answer.status == 401 || answer.status == 403)
        throw PacsError(Kind::Rejected, where + ": authentication failed (" + status + ")");
    if (answer.status == 404)
        throw PacsError(Kind::Failed, where + ": not found (" + status + ")");
    if (answer.status >= 300 && answer.status < 400)
        throw PacsError(Kind::Failed, where + ": redirected to another server (" + status +
                                          "), which RadPath does not follow: use the URL it names");
    throw PacsError(Kind::Failed, where + ": " + status);
}

std::string mediaType(const QByteArray& contentType)
{
    const std::string text = contentType.toStdString();
    return lowered(trimmed(text.substr(0, text.find(';'))));
}

std::string contentTypeParameter(const QByteArray& contentType, const std::string& name)
{
    const std::string text = contentType.toStdString();
    const std::string wanted = lowered(name);
    std::size_t at = text.find(';');
    while (at != std::string::npos) {
        const std::size_t eq = text.find('=', at + 1);
        if (eq == std::string::npos)
            return {};
        const std::string key = lowered(trimmed(text.substr(at + 1, eq - at - 1)));
        std::size_t begin = eq + 1;
        while (begin < text.size() && (text[begin] == ' ' || text[begin] == '\t'))
            ++begin;
        std::string value;
        std::size_t next;
        if (begin < text.size() && text[begin] == '"') { // quoted-string, with \-escapes
            std::size_t i = begin + 1;
            for (; i < text.size() && text[i] != '"'; ++i)
                value += text[i] == '\\' && i + 1 < text.size() ? text[++i] : text[i];
            next = text.find(';', i);
        } else {
            next = text.find(';', begin);
            value = trimmed(text.substr(begin, next == std::string::npos ? std::string::npos : next - begin));
        }
        if (key == wanted)
            return value;
        at = next;
    }
    return {};
}

} // namespace radpath::viewer::net::detail
