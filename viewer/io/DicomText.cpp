#include "viewer/io/DicomText.h"

#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <QByteArray>
#include <QString>
#include <QStringDecoder>

#include <map>
#include <vector>

namespace radpath::viewer {
namespace {

// How the bytes of a segment are decoded.
enum class Set { Ascii, Latin1, Codec, Jis0208, Ksc5601, Gb2312 };

struct Charset {
    Set set = Set::Ascii;
    const char* codec = nullptr; ///< for Set::Codec
};

std::string trim(std::string s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\0'))
        s.pop_back();
    while (!s.empty() && s.front() == ' ')
        s.erase(s.begin());
    return s;
}

// Defined terms of (0008,0005), with and without code extensions.
Charset charsetOf(const std::string& term)
{
    static const std::map<std::string, const char*> codecs{
        {"ISO_IR 100", "ISO-8859-1"},   {"ISO 2022 IR 100", "ISO-8859-1"}, {"ISO_IR 101", "ISO-8859-2"},
        {"ISO 2022 IR 101", "ISO-8859-2"}, {"ISO_IR 109", "ISO-8859-3"},   {"ISO 2022 IR 109", "ISO-8859-3"},
        {"ISO_IR 110", "ISO-8859-4"},   {"ISO 2022 IR 110", "ISO-8859-4"}, {"ISO_IR 144", "ISO-8859-5"},
        {"ISO 2022 IR 144", "ISO-8859-5"}, {"ISO_IR 127", "ISO-8859-6"},   {"ISO 2022 IR 127", "ISO-8859-6"},
        {"ISO_IR 126", "ISO-8859-7"},   {"ISO 2022 IR 126", "ISO-8859-7"}, {"ISO_IR 138", "ISO-8859-8"},
        {"ISO 2022 IR 138", "ISO-8859-8"}, {"ISO_IR 148", "ISO-8859-9"},   {"ISO 2022 IR 148", "ISO-8859-9"},
        {"ISO_IR 203", "ISO-8859-15"},  {"ISO 2022 IR 203", "ISO-8859-15"}, {"ISO_IR 166", "TIS-620"},
        {"ISO 2022 IR 166", "TIS-620"}, {"ISO_IR 13", "Shift_JIS"},      {"ISO 2022 IR 13", "Shift_JIS"},
        {"ISO_IR 192", "UTF-8"},        {"GB18030", "GB18030"},          {"GBK", "GBK"},
    };
    if (term.empty() || term == "ISO_IR 6" || term == "ISO 2022 IR 6")
        return {Set::Ascii, nullptr};
    if (term == "ISO 2022 IR 87" || term == "ISO 2022 IR 159")
        return {Set::Jis0208, nullptr};
    if (term == "ISO 2022 IR 149")
        return {Set::Ksc5601, nullptr};
    if (term == "ISO 2022 IR 58")
        return {Set::Gb2312, nullptr};
    if (auto it = codecs.find(term); it != codecs.end())
        return {Set::Codec, it->second};
    return {Set::Latin1, nullptr};
}

QString decodeWith(const char* codec, const QByteArray& bytes)
{
    QStringDecoder decoder(codec);
    if (!decoder.isValid())
        return QString::fromLatin1(bytes);
    return decoder.decode(bytes);
}

QString decodeSegment(const QByteArray& bytes, const Charset& cs)
{
    switch (cs.set) {
    case Set::Ascii:
    case Set::Latin1: return QString::fromLatin1(bytes);
    case Set::Codec: return decodeWith(cs.codec, bytes);
    case Set::Jis0208:
        // Two 7-bit bytes per character: let the ISO-2022-JP codec see its own escapes.
        return decodeWith("ISO-2022-JP", QByteArray("\x1b$B") + bytes + QByteArray("\x1b(B"));
    case Set::Ksc5601: return decodeWith("EUC-KR", bytes);
    case Set::Gb2312: return decodeWith("GB18030", bytes);
    }
    return QString::fromLatin1(bytes);
}

// The character set an ISO 2022 escape sequence designates, if RadPath knows it.
bool escapeCharset(const std::string& esc, Charset& out)
{
    static const std::map<std::string, Charset> table{
        {"(B", {Set::Ascii, nullptr}},        {"(J", {Set::Ascii, nullptr}}, // JIS X 0201 romaji
        {")I", {Set::Codec, "Shift_JIS"}},    {"$B", {Set::Jis0208, nullptr}},
        {"$(D", {Set::Jis0208, nullptr}},     {"$)C", {Set::Ksc5601, nullptr}},
        {"$)A", {Set::Gb2312, nullptr}},      {"-A", {Set::Codec, "ISO-8859-1"}},
        {"-B", {Set::Codec, "ISO-8859-2"}},   {"-C", {Set::Codec, "ISO-8859-3"}},
        {"-D", {Set::Codec, "ISO-8859-4"}},   {"-L", {Set::Codec, "ISO-8859-5"}},
        {"-G", {Set::Codec, "ISO-8859-6"}},   {"-F", {Set::Codec, "ISO-8859-7"}},
        {"-H", {Set::Codec, "ISO-8859-8"}},   {"-M", {Set::Codec, "ISO-8859-9"}},
        {"-b", {Set::Codec, "ISO-8859-15"}},  {"-T", {Set::Codec, "TIS-620"}},
    };
    auto it = table.find(esc);
    if (it == table.end())
        return false;
    out = it->second;
    return true;
}

} // namespace

std::string decodeDicomText(const std::string& raw, const std::string& specificCharacterSet, bool personName)
{
    std::vector<std::string> terms;
    size_t start = 0;
    for (size_t i = 0; i <= specificCharacterSet.size(); ++i)
        if (i == specificCharacterSet.size() || specificCharacterSet[i] == '\\') {
            terms.push_back(trim(specificCharacterSet.substr(start, i - start)));
            start = i + 1;
        }
    const Charset initial = charsetOf(terms.empty() ? std::string() : terms.front());
    const bool extensions = raw.find('\x1b') != std::string::npos || terms.size() > 1;
    if (!extensions)
        return decodeSegment(QByteArray::fromStdString(raw), initial).toStdString();

    // ISO 2022: segments between escape sequences, each in the set the escape designates.
    QString text;
    QByteArray segment;
    Charset current = initial;
    auto flush = [&] {
        if (!segment.isEmpty())
            text += decodeSegment(segment, current);
        segment.clear();
    };
    for (size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '\x1b') {
            flush();
            // ESC, then intermediate bytes (0x20-0x2F), then a final byte.
            size_t j = i + 1;
            while (j < raw.size() && raw[j] >= 0x20 && raw[j] <= 0x2f)
                ++j;
            const std::string esc = j < raw.size() ? raw.substr(i + 1, j - i) : raw.substr(i + 1);
            Charset designated;
            if (escapeCharset(esc, designated))
                current = designated;
            i = j;
            continue;
        }
        const bool delimiter = c == '\\' || c == '\r' || c == '\n' || c == '\t' || c == '\f' ||
                               (personName && (c == '^' || c == '='));
        // A delimiter returns to the initial set. In JIS X 0208 these bytes are halves of
        // two-byte characters: values switch back (ESC ( B) before a delimiter.
        if (delimiter && current.set != Set::Jis0208) {
            flush();
            text += QLatin1Char(c);
            current = initial;
            continue;
        }
        segment.append(c);
    }
    flush();
    return text.toStdString();
}

DicomText readDicomText(const std::string& path)
{
    DcmFileFormat file;
    const OFCondition loaded = file.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, 4096, ERM_autoDetect);
    if (loaded.bad())
        throw IoError(path, std::string("not a readable DICOM file: ") + loaded.text());
    DcmDataset& ds = *file.getDataset();
    auto raw = [&](const DcmTagKey& key) {
        OFString value;
        ds.findAndGetOFStringArray(key, value);
        return trim(std::string(value.c_str(), value.length()));
    };
    DicomText text;
    text.specificCharacterSet = raw(DCM_SpecificCharacterSet);
    text.patientName = decodeDicomText(raw(DCM_PatientName), text.specificCharacterSet, true);
    text.studyDescription = decodeDicomText(raw(DCM_StudyDescription), text.specificCharacterSet, false);
    text.seriesDescription = decodeDicomText(raw(DCM_SeriesDescription), text.specificCharacterSet, false);
    return text;
}

} // namespace radpath::viewer
