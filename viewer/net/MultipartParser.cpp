#include "viewer/net/MultipartParser.h"

#include "viewer/net/HeaderText.h"

#include <algorithm>
#include <cctype>

namespace radpath::viewer::net::detail {

MultipartParser::MultipartParser(std::string boundary, Handler handler) : m_handler(std::move(handler))
{
    if (boundary.empty() || boundary.size() > 70)
        throw MultipartError("the multipart boundary is " + std::string(boundary.empty() ? "missing" : "too long"));
    m_delimiter = "\r\n--" + boundary;
    // The first delimiter may open the body without a line break before it.
    m_buffer = "\r\n";
}

void MultipartParser::feed(const char* data, std::size_t size)
{
    if (m_state == State::Done)
        return;
    m_buffer.append(data, size);
    while (m_state != State::Done && step()) {
    }
}

bool MultipartParser::step()
{
    switch (m_state) {
    case State::Preamble:
    case State::Body: {
        const std::size_t at = m_buffer.find(m_delimiter);
        if (at == std::string::npos) {
            // All but what could be the start of a delimiter is body (or preamble, dropped).
            const std::size_t keep = std::min(m_buffer.size(), m_delimiter.size() - 1);
            const std::size_t take = m_buffer.size() - keep;
            if (take > 0 && m_state == State::Body && m_handler.onData)
                m_handler.onData(m_buffer.data(), take);
            m_buffer.erase(0, take);
            return false;
        }
        if (m_state == State::Body) {
            if (at > 0 && m_handler.onData)
                m_handler.onData(m_buffer.data(), at);
            if (m_handler.onEnd)
                m_handler.onEnd();
        }
        m_buffer.erase(0, at + m_delimiter.size());
        m_state = State::AfterDelimiter;
        return true;
    }
    case State::AfterDelimiter: {
        // "--" closes the body; otherwise optional white space, then CRLF, then a part.
        if (m_buffer.size() < 2)
            return false;
        if (m_buffer.compare(0, 2, "--") == 0) {
            m_state = State::Done;
            m_buffer.clear();
            return false;
        }
        const std::size_t text = m_buffer.find_first_not_of(" \t");
        if (text == std::string::npos || text + 2 > m_buffer.size()) {
            if (m_buffer.size() > 1024)
                throw MultipartError("a multipart delimiter line does not end");
            return false;
        }
        if (m_buffer.compare(text, 2, "\r\n") != 0)
            throw MultipartError("a multipart boundary is followed by other text");
        m_buffer.erase(0, text + 2);
        m_state = State::Headers;
        return true;
    }
    case State::Headers: {
        std::size_t end = 0;
        std::size_t skip = 0;
        if (m_buffer.size() >= 2 && m_buffer.compare(0, 2, "\r\n") == 0) {
            skip = 2; // no header fields
        } else {
            end = m_buffer.find("\r\n\r\n");
            if (end == std::string::npos) {
                if (m_buffer.size() > kMaxHeaderBytes)
                    throw MultipartError("the headers of part " + std::to_string(m_parts + 1) + " are longer than " +
                                         std::to_string(kMaxHeaderBytes) + " bytes");
                return false;
            }
            skip = end + 4;
        }
        if (end > kMaxHeaderBytes)
            throw MultipartError("the headers of part " + std::to_string(m_parts + 1) + " are too long");
        parseHeaders(m_buffer.substr(0, end));
        m_buffer.erase(0, skip);
        // The body starts here; its end is the next delimiter, which begins with CRLF.
        m_state = State::Body;
        return true;
    }
    case State::Done:
        return false;
    }
    return false;
}

void MultipartParser::parseHeaders(const std::string& block)
{
    Headers headers;
    std::size_t start = 0;
    std::string last;
    while (start < block.size()) {
        std::size_t end = block.find("\r\n", start);
        if (end == std::string::npos)
            end = block.size();
        const std::string line = block.substr(start, end - start);
        start = end + 2;
        if (line.empty())
            continue;
        if ((line[0] == ' ' || line[0] == '\t') && !last.empty()) { // folded continuation
            headers[last] += " " + trimmed(line);
            continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string::npos || colon == 0)
            throw MultipartError("part " + std::to_string(m_parts + 1) + " has a header line without a name");
        const std::string name = lowered(trimmed(line.substr(0, colon)));
        headers[name] = trimmed(line.substr(colon + 1));
        last = name;
    }
    ++m_parts;
    if (m_handler.onBegin)
        m_handler.onBegin(headers);
}

} // namespace radpath::viewer::net::detail
