#pragma once
// Internal to viewer/net: a streaming parser of a multipart body (RFC 2046, as WADO-RS sends
// multipart/related). Bytes go in as they arrive, in pieces of any size; each part comes out
// as its headers, then its body in pieces, then its end. Memory stays bounded: only a
// delimiter's length of body is held back.

#include <cstddef>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>

namespace radpath::viewer::net::detail {

/// The body breaks the multipart syntax; what() says how (no content of the parts).
class MultipartError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class MultipartParser {
public:
    /// Header field names in lower case ("content-type"), values trimmed.
    using Headers = std::map<std::string, std::string>;

    struct Handler {
        std::function<void(const Headers& headers)> onBegin;
        std::function<void(const char* data, std::size_t size)> onData;
        std::function<void()> onEnd; ///< the part's closing delimiter arrived: the part is complete
    };

    /// Longest header block of one part, bytes.
    static constexpr std::size_t kMaxHeaderBytes = 16 * 1024;

    /// `boundary` as the Content-Type's boundary parameter gives it (unquoted). Throws
    /// MultipartError when it is empty or longer than 70 characters.
    MultipartParser(std::string boundary, Handler handler);

    /// The next bytes of the body. Throws MultipartError for a malformed body; exceptions
    /// of the handler pass through. Bytes after the closing delimiter are ignored.
    void feed(const char* data, std::size_t size);

    /// The closing delimiter has been read: every part is complete.
    bool complete() const { return m_state == State::Done; }
    /// Parts begun so far.
    int parts() const { return m_parts; }

private:
    enum class State { Preamble, AfterDelimiter, Headers, Body, Done };

    bool step(); ///< one transition on m_buffer; false when it needs more bytes
    void parseHeaders(const std::string& block);

    std::string m_delimiter; ///< CRLF "--" boundary
    Handler m_handler;
    State m_state = State::Preamble;
    std::string m_buffer; ///< bytes not handled yet
    int m_parts = 0;
};

} // namespace radpath::viewer::net::detail
