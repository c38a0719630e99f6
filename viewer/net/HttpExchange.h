#pragma once
// Internal to viewer/net: one blocking HTTP request for DicomWebClient, on the calling
// thread. Each call makes its own QNetworkAccessManager and QEventLoop and deletes them
// before it returns, so it needs no running event loop (see DicomWebClient.h).

#include "viewer/io/TaskControl.h"
#include "viewer/net/DicomWebClient.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <cstddef>
#include <functional>
#include <string>

class QHttpMultiPart;

namespace radpath::viewer::net::detail {

struct HttpRequest {
    QByteArray method = "GET";
    QUrl url;                       ///< with its query; never with credentials
    QByteArray accept;              ///< the Accept header; empty: none
    QByteArray contentType;         ///< of `body`
    QHttpMultiPart* body = nullptr; ///< a POST body, streamed; owned by the caller
};

struct HttpAnswer {
    int status = 0; ///< HTTP status of the answer
    QByteArray reason;
    QByteArray contentType;
    QByteArray body;        ///< the whole body, unless a BodySink took it
    bool truncated = false; ///< the connection broke off inside a body a BodySink was taking
    std::string breakOff;   ///< why, when truncated ("the server closed the connection")
};

/// Takes the body of a 2xx answer as it arrives, instead of HttpAnswer::body: onHead once
/// (status and Content-Type known), then onData for each piece. Either may throw: the
/// request is aborted and the exception passed on to exchange()'s caller.
struct BodySink {
    std::function<void(const HttpAnswer& head)> onHead;
    std::function<void(const char* data, std::size_t size)> onData;
};

/// Longest body exchange() keeps in memory (QIDO-RS and STOW-RS answers), bytes.
constexpr qint64 kMaxBufferedBody = qint64(64) << 20;

/// How messages name a URL: scheme, host, port and path; no user info, query or fragment.
std::string displayUrl(const QUrl& url);

/// `base` (no trailing '/') + `path`, with the query items percent-encoded (UTF-8) where
/// they must be; '*' and '?' (QIDO-RS wildcards) stay literal.
QUrl serviceUrl(const std::string& base, const std::string& path, const QList<QPair<QString, QString>>& query = {});

/// Sends `request` with `auth` and waits for the whole answer, whatever its HTTP status
/// (see checkStatus). A GET whose connection is reset before any answer arrived is sent a
/// second time. Throws PacsError for transport problems (Connect, Timeout, Aborted; a body
/// over kMaxBufferedBody: Protocol) and OperationCancelled when `control` asks to stop.
/// A transport error after a BodySink got part of the body is not thrown: the answer comes
/// back with `truncated` set, so the caller can say what it kept.
HttpAnswer exchange(const HttpRequest& request, const DicomWebAuth& auth, const DicomWebTimeouts& timeouts,
                    const TaskControl& control, const BodySink* sink = nullptr);

/// Returns for a 2xx status; otherwise throws the PacsError naming `url`: 401 and 403
/// Rejected ("authentication failed"), 404 Failed ("not found"), others Failed with the
/// status and its reason phrase.
void checkStatus(const HttpAnswer& answer, const QUrl& url);

/// The media type of a Content-Type value, lower case, without parameters.
std::string mediaType(const QByteArray& contentType);
/// A parameter of a Content-Type value (name case-insensitive, value unquoted); empty when absent.
std::string contentTypeParameter(const QByteArray& contentType, const std::string& name);

} // namespace radpath::viewer::net::detail
