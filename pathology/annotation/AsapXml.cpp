#include "pathology/annotation/AsapXml.h"

#include "pathology/annotation/AnnotationFile.h"

#include <QLocale>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>
#include <cmath>
#include <map>

namespace radpath::pathology {
namespace {

constexpr std::uint32_t kAsapDefaultColour = 0xF4FA58; // ASAP's colour for a new annotation

std::string colourName(std::uint32_t rgb)
{
    return QStringLiteral("#%1").arg(rgb & 0xFFFFFF, 6, 16, QLatin1Char('0')).toUpper().toStdString();
}

std::optional<std::uint32_t> parseColour(const QStringView text)
{
    if (text.size() != 7 || !text.startsWith(QLatin1Char('#')))
        return std::nullopt;
    bool ok = false;
    const uint v = text.mid(1).toUInt(&ok, 16);
    return ok ? std::optional<std::uint32_t>(v) : std::nullopt;
}

// Some ASAP files were written in locales with a decimal comma.
std::optional<double> parseNumber(QStringView text)
{
    bool ok = false;
    double v = text.toDouble(&ok);
    if (!ok)
        v = text.toString().replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

struct RawAnnotation {
    std::string name, type, group;
    std::optional<std::uint32_t> colour;
    std::vector<std::pair<long long, Vertex>> coordinates; // order, position
    qint64 line = 0;
};

Annotation convert(RawAnnotation raw, const std::map<std::string, std::uint32_t>& groups, const std::string& source)
{
    auto fail = [&](const std::string& problem) {
        throw AnnotationError(source,
                              "annotation '" + raw.name + "' (line " + std::to_string(raw.line) + "): " + problem);
    };
    std::stable_sort(raw.coordinates.begin(), raw.coordinates.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Vertex> points;
    for (const auto& c : raw.coordinates)
        points.push_back(c.second);

    Annotation a;
    a.id = newAnnotationId();
    a.name = raw.name;
    if (raw.type == "Polygon" || raw.type == "Rectangle" || raw.type == "Spline") {
        if (points.size() > 1 && points.front() == points.back())
            points.pop_back();
        if (points.size() < 3)
            fail(raw.type + " has fewer than 3 coordinates");
        a.geometry = Polygon{points, {}};
    } else if (raw.type == "Dot") {
        if (points.size() != 1)
            fail("Dot has " + std::to_string(points.size()) + " coordinates, not 1");
        a.geometry = Point{points.front()};
    } else if (raw.type == "PointSet") {
        a.geometry = MultiPoint{points};
    } else if (raw.type == "Measurement") {
        if (points.size() < 2)
            fail("Measurement has fewer than 2 coordinates");
        a.geometry = LineString{points};
    } else {
        fail("type '" + raw.type + "' is not supported (Polygon, Rectangle, Spline, Dot, PointSet, Measurement)");
    }
    std::uint32_t usual = kAsapDefaultColour;
    if (!raw.group.empty() && raw.group != "None") {
        const auto g = groups.find(raw.group);
        const std::uint32_t classColour = g != groups.end() ? g->second : raw.colour.value_or(kAsapDefaultColour);
        a.classification = PathClass{raw.group, classColour};
        usual = classColour;
    }
    if (raw.colour && *raw.colour != usual)
        a.rgb = raw.colour;
    return a;
}

QString number(double v)
{
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

} // namespace

std::vector<Annotation> parseAsapXml(const std::string& xml, const std::string& source)
{
    QXmlStreamReader reader(QByteArray::fromStdString(xml));
    std::vector<RawAnnotation> raws;
    std::map<std::string, std::uint32_t> groups;
    bool sawRoot = false;
    auto fail = [&](const std::string& problem) {
        throw AnnotationError(source, "line " + std::to_string(reader.lineNumber()) + ": " + problem);
    };
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = reader.name();
        const auto attrs = reader.attributes();
        if (!sawRoot) {
            if (name != QLatin1String("ASAP_Annotations"))
                fail("not ASAP XML: the root element is <" + name.toString().toStdString() +
                     ">, not <ASAP_Annotations>");
            sawRoot = true;
        } else if (name == QLatin1String("Annotation")) {
            RawAnnotation raw;
            raw.name = attrs.value("Name").toString().toStdString();
            raw.type = attrs.value("Type").toString().toStdString();
            raw.group = attrs.value("PartOfGroup").toString().toStdString();
            raw.colour = parseColour(attrs.value("Color"));
            raw.line = reader.lineNumber();
            raws.push_back(std::move(raw));
        } else if (name == QLatin1String("Coordinate")) {
            if (raws.empty())
                fail("<Coordinate> outside an <Annotation>");
            const auto x = parseNumber(attrs.value("X"));
            const auto y = parseNumber(attrs.value("Y"));
            bool orderOk = false;
            const long long order = attrs.value("Order").toLongLong(&orderOk);
            if (!x || !y)
                fail("a <Coordinate> of annotation '" + raws.back().name + "' has no numeric X and Y");
            raws.back().coordinates.push_back(
                {orderOk ? order : (long long)(raws.back().coordinates.size()), Vertex{*x, *y}});
        } else if (name == QLatin1String("Group")) {
            const std::string groupName = attrs.value("Name").toString().toStdString();
            groups[groupName] = parseColour(attrs.value("Color")).value_or(kAsapDefaultColour);
        }
    }
    if (reader.hasError())
        throw AnnotationError(source, "malformed XML at line " + std::to_string(reader.lineNumber()) + ", column " +
                                          std::to_string(reader.columnNumber()) + ": " +
                                          reader.errorString().toStdString());
    if (!sawRoot)
        throw AnnotationError(source, "not ASAP XML: no <ASAP_Annotations> element");
    std::vector<Annotation> out;
    out.reserve(raws.size());
    for (RawAnnotation& raw : raws)
        out.push_back(convert(std::move(raw), groups, source));
    return out;
}

std::vector<Annotation> readAsapXml(const std::string& path)
{
    return parseAsapXml(readWholeFile(path), path);
}

AsapDocument toAsapXml(const std::vector<Annotation>& annotations, const std::string& source)
{
    AsapDocument doc;
    QByteArray bytes;
    QXmlStreamWriter w(&bytes);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(-1); // tabs, as ASAP writes
    w.writeStartDocument();
    w.writeStartElement("ASAP_Annotations");
    w.writeStartElement("Annotations");

    std::vector<PathClass> groups;
    std::size_t withMeasurements = 0;
    int unnamed = 0;
    auto label = [](const Annotation& a) {
        return "'" + (a.name.empty() ? std::string("unnamed") : a.name) + "' (" + a.id + ")";
    };
    std::string asapName; // the object's name, or "Annotation N" as ASAP names them; shared by its parts
    auto writeOne = [&](const Annotation& a, const char* type, const std::vector<Vertex>& points) {
        w.writeStartElement("Annotation");
        w.writeAttribute("Name", QString::fromStdString(asapName));
        w.writeAttribute("Type", QLatin1String(type));
        w.writeAttribute("PartOfGroup",
                         a.classification ? QString::fromStdString(a.classification->name) : QStringLiteral("None"));
        const std::uint32_t colour = a.rgb.value_or(a.classification ? a.classification->rgb : kAsapDefaultColour);
        w.writeAttribute("Color", QString::fromStdString(colourName(colour)));
        w.writeStartElement("Coordinates");
        for (std::size_t i = 0; i < points.size(); ++i) {
            if (!std::isfinite(points[i].x) || !std::isfinite(points[i].y))
                throw AnnotationError(source,
                                      "annotation " + label(a) + " has a coordinate that is not a finite number");
            w.writeEmptyElement("Coordinate");
            w.writeAttribute("Order", QString::number(i));
            w.writeAttribute("X", number(points[i].x));
            w.writeAttribute("Y", number(points[i].y));
        }
        w.writeEndElement(); // Coordinates
        w.writeEndElement(); // Annotation
    };

    for (const Annotation& a : annotations) {
        if (a.classification && std::none_of(groups.begin(), groups.end(),
                                             [&](const PathClass& c) { return c.name == a.classification->name; }))
            groups.push_back(*a.classification);
        if (!a.measurements.empty())
            ++withMeasurements;
        asapName = a.name.empty() ? "Annotation " + std::to_string(unnamed++) : a.name;
        std::size_t holes = 0;
        for (const Polygon& p : polygonsOf(a.geometry)) {
            holes += p.holes.size();
            writeOne(a, "Polygon", p.outer);
        }
        if (holes)
            doc.warnings.push_back("annotation " + label(a) + ": " + std::to_string(holes) +
                                   (holes == 1 ? " hole" : " holes") + " dropped; ASAP XML cannot hold holes");
        if (const auto* p = std::get_if<Point>(&a.geometry))
            writeOne(a, "Dot", {p->at});
        else if (const auto* m = std::get_if<MultiPoint>(&a.geometry))
            writeOne(a, "PointSet", m->points);
        else if (const auto* l = std::get_if<LineString>(&a.geometry)) {
            if (l->points.size() == 2) {
                writeOne(a, "Measurement", l->points);
            } else {
                writeOne(a, "PointSet", l->points);
                doc.warnings.push_back("annotation " + label(a) +
                                       ": a line of more than 2 points written as a point set; ASAP XML has no lines");
            }
        }
    }
    w.writeEndElement(); // Annotations

    w.writeStartElement("AnnotationGroups");
    for (const PathClass& c : groups) {
        w.writeStartElement("Group");
        w.writeAttribute("Name", QString::fromStdString(c.name));
        w.writeAttribute("PartOfGroup", "None");
        w.writeAttribute("Color", QString::fromStdString(colourName(c.rgb)));
        w.writeEmptyElement("Attributes");
        w.writeEndElement();
    }
    w.writeEndElement(); // AnnotationGroups
    w.writeEndElement(); // ASAP_Annotations
    w.writeEndDocument();
    if (withMeasurements)
        doc.warnings.push_back("the measurements of " + std::to_string(withMeasurements) +
                               (withMeasurements == 1 ? " object are" : " objects are") +
                               " not written; ASAP XML has no place for them");
    doc.xml = bytes.toStdString();
    return doc;
}

std::vector<std::string> writeAsapXml(const std::string& path, const std::vector<Annotation>& annotations)
{
    AsapDocument doc = toAsapXml(annotations, path);
    writeFileAtomically(path, doc.xml);
    return doc.warnings;
}

} // namespace radpath::pathology
