#include "viewer/net/DicomJson.h"

#include "viewer/net/PacsError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <stdexcept>

namespace radpath::viewer::net::detail {

namespace {

// Why a value is not DICOM JSON; caught and rethrown as PacsError naming the URL.
struct ShapeError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

bool isTag(const QString& key)
{
    if (key.size() != 8)
        return false;
    for (const QChar c : key)
        if (!c.isDigit() && !(c >= QLatin1Char('A') && c <= QLatin1Char('F')) &&
            !(c >= QLatin1Char('a') && c <= QLatin1Char('f')))
            return false;
    return true;
}

void checkDataSet(const QJsonObject& dataSet, const std::string& path, int depth)
{
    if (depth > 16)
        throw ShapeError("sequences nested deeper than 16 levels");
    for (auto it = dataSet.begin(); it != dataSet.end(); ++it) {
        const std::string name = path + "element " + it.key().toStdString();
        if (!isTag(it.key()))
            throw ShapeError(path + "'" + it.key().left(16).toStdString() + "' is not a tag (8 hex digits)");
        if (!it.value().isObject())
            throw ShapeError(name + " is not an object");
        const QJsonObject element = it.value().toObject();
        const QString vr = element.value(QLatin1String("vr")).toString();
        if (vr.size() != 2)
            throw ShapeError(name + " has no \"vr\"");
        const QJsonValue value = element.value(QLatin1String("Value"));
        if (value.isUndefined())
            continue;
        if (!value.isArray())
            throw ShapeError(name + ": \"Value\" is not an array");
        int index = 0;
        for (const QJsonValue item : value.toArray()) {
            ++index;
            if (vr == QLatin1String("SQ")) {
                if (!item.isObject())
                    throw ShapeError(name + ": item " + std::to_string(index) + " is not an object");
                checkDataSet(item.toObject(), name + " item " + std::to_string(index) + ", ", depth + 1);
            } else if (vr == QLatin1String("PN")) {
                if (!item.isObject() && !item.isString() && !item.isNull())
                    throw ShapeError(name + ": a person name is not an object");
            } else if (!item.isString() && !item.isDouble() && !item.isNull()) {
                throw ShapeError(name + ": value " + std::to_string(index) + " is neither text nor a number");
            }
        }
    }
}

QJsonDocument parseDocument(const QByteArray& body, const QByteArray& contentType, const std::string& where)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError)
        return document;
    std::string why = error.errorString().toStdString() + " at offset " + std::to_string(error.offset);
    if (!contentType.isEmpty())
        why += " (Content-Type " + contentType.left(80).toStdString() + ")";
    throw PacsError(PacsError::Kind::Protocol, where + ": the answer is not DICOM JSON: " + why);
}

PacsError notDicomJson(const std::string& where, const std::string& why)
{
    return PacsError(PacsError::Kind::Protocol, where + ": the answer is not DICOM JSON: " + why);
}

std::string numberText(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15)
        return std::to_string(static_cast<long long>(v));
    return QString::number(v, 'g', 17).toStdString();
}

std::string personName(const QJsonValue& item)
{
    if (item.isString())
        return item.toString().toStdString();
    const QJsonObject name = item.toObject();
    std::string groups[3] = {name.value(QLatin1String("Alphabetic")).toString().toStdString(),
                             name.value(QLatin1String("Ideographic")).toString().toStdString(),
                             name.value(QLatin1String("Phonetic")).toString().toStdString()};
    std::string text = groups[0];
    if (!groups[1].empty() || !groups[2].empty())
        text += "=" + groups[1];
    if (!groups[2].empty())
        text += "=" + groups[2];
    return text;
}

QJsonArray valuesOf(const QJsonObject& dataSet, const char* tag, QString* vr = nullptr)
{
    QJsonObject element = dataSet.value(QLatin1String(tag)).toObject();
    if (element.isEmpty()) // servers may write tags in lower case hex
        element = dataSet.value(QString::fromLatin1(tag).toLower()).toObject();
    if (vr)
        *vr = element.value(QLatin1String("vr")).toString();
    return element.value(QLatin1String("Value")).toArray();
}

} // namespace

std::vector<QJsonObject> parseDicomJsonArray(const QByteArray& body, const QByteArray& contentType,
                                             const std::string& where)
{
    if (body.trimmed().isEmpty())
        return {};
    const QJsonDocument document = parseDocument(body, contentType, where);
    if (!document.isArray())
        throw notDicomJson(where, "expected an array of data sets");
    std::vector<QJsonObject> dataSets;
    int index = 0;
    for (const QJsonValue value : document.array()) {
        ++index;
        if (!value.isObject())
            throw notDicomJson(where, "match " + std::to_string(index) + " is not an object");
        try {
            checkDataSet(value.toObject(), "match " + std::to_string(index) + ", ", 0);
        } catch (const ShapeError& e) {
            throw notDicomJson(where, e.what());
        }
        dataSets.push_back(value.toObject());
    }
    return dataSets;
}

QJsonObject parseDicomJsonObject(const QByteArray& body, const QByteArray& contentType, const std::string& where)
{
    const QJsonDocument document = parseDocument(body, contentType, where);
    QJsonObject dataSet;
    if (document.isObject())
        dataSet = document.object();
    else if (document.isArray() && document.array().size() == 1 && document.array()[0].isObject())
        dataSet = document.array()[0].toObject();
    else
        throw notDicomJson(where, "expected one data set");
    try {
        checkDataSet(dataSet, {}, 0);
    } catch (const ShapeError& e) {
        throw notDicomJson(where, e.what());
    }
    return dataSet;
}

std::vector<std::string> jsonTexts(const QJsonObject& dataSet, const char* tag)
{
    QString vr;
    const QJsonArray values = valuesOf(dataSet, tag, &vr);
    std::vector<std::string> texts;
    for (const QJsonValue value : values) {
        if (vr == QLatin1String("PN"))
            texts.push_back(personName(value));
        else if (value.isDouble())
            texts.push_back(numberText(value.toDouble()));
        else
            texts.push_back(value.toString().toStdString());
    }
    return texts;
}

std::string jsonText(const QJsonObject& dataSet, const char* tag)
{
    std::string text;
    const std::vector<std::string> texts = jsonTexts(dataSet, tag);
    for (std::size_t i = 0; i < texts.size(); ++i)
        text += (i > 0 ? "\\" : "") + texts[i];
    return text;
}

int jsonNumber(const QJsonObject& dataSet, const char* tag)
{
    const QJsonArray values = valuesOf(dataSet, tag);
    if (values.isEmpty())
        return -1;
    if (values[0].isDouble())
        return int(values[0].toDouble());
    bool ok = false;
    const int n = values[0].toString().trimmed().toInt(&ok);
    return ok ? n : -1;
}

std::vector<QJsonObject> jsonItems(const QJsonObject& dataSet, const char* tag)
{
    std::vector<QJsonObject> items;
    for (const QJsonValue item : valuesOf(dataSet, tag))
        items.push_back(item.toObject());
    return items;
}

} // namespace radpath::viewer::net::detail
