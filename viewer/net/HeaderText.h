#pragma once
// Internal to viewer/net: the text handling of HTTP and MIME part headers (names are
// case-insensitive, values may be padded with blanks).

#include <algorithm>
#include <cctype>
#include <string>

namespace radpath::viewer::net::detail {

/// `text` in lower case (ASCII).
inline std::string lowered(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

/// `text` without leading and trailing spaces and tabs.
inline std::string trimmed(const std::string& text)
{
    const std::size_t begin = text.find_first_not_of(" \t");
    if (begin == std::string::npos)
        return {};
    return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

} // namespace radpath::viewer::net::detail
