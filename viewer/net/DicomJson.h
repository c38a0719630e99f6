#pragma once
// Internal to viewer/net: the DICOM JSON model (PS3.18 Annex F) as QIDO-RS and STOW-RS
// answer with it. A data set is an object from "GGGGEEEE" tags to {"vr", "Value"}; the parse
// functions check that shape throughout (sequence items too), so the accessors below can
// read without further checks.

#include <QByteArray>
#include <QJsonObject>

#include <string>
#include <vector>

namespace radpath::viewer::net::detail {

/// A QIDO-RS answer: an array of data sets (an empty body counts as none). Throws
/// PacsError(Protocol, "<where>: the answer is not DICOM JSON: <why>").
std::vector<QJsonObject> parseDicomJsonArray(const QByteArray& body, const QByteArray& contentType,
                                             const std::string& where);
/// A STOW-RS answer: one data set (or an array holding one). Same errors.
QJsonObject parseDicomJsonObject(const QByteArray& body, const QByteArray& contentType, const std::string& where);

/// The values of `tag` ("0020000D") as text: strings as they are, numbers in decimal, a
/// person name as its Alphabetic group (with "=Ideographic=Phonetic" when those exist).
/// Empty when absent.
std::vector<std::string> jsonTexts(const QJsonObject& dataSet, const char* tag);
/// The values joined by '\', as DICOM writes multiple values.
std::string jsonText(const QJsonObject& dataSet, const char* tag);
/// The first value as an integer; -1 when absent or not a number.
int jsonNumber(const QJsonObject& dataSet, const char* tag);
/// The items of a sequence.
std::vector<QJsonObject> jsonItems(const QJsonObject& dataSet, const char* tag);

} // namespace radpath::viewer::net::detail
