#pragma once
// The bits of HTML RadPath's reports (clinical and training) are written in: escaped text
// and table rows. Header-only.

#include <QString>
#include <QStringList>

namespace radpath::app::html {

/// `text` with &, <, > and " escaped.
inline QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

/// A table row of escaped cells: <th> for a header row, else <td>.
inline QString row(const QStringList& cells, bool header = false)
{
    const QLatin1String tag(header ? "th" : "td");
    QString out = QStringLiteral("<tr>");
    for (const QString& c : cells)
        out += QStringLiteral("<%1>%2</%1>").arg(tag, esc(c));
    return out + QStringLiteral("</tr>");
}

} // namespace radpath::app::html
