#include "pathology/annotation/GeoJson.h"

#include "pathology/annotation/AnnotationFile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>

namespace radpath::pathology {
namespace {

using Json = nlohmann::ordered_json;

// QuPath (Gson with special floating-point values) writes bare NaN and Infinity, which JSON
// has no words for. They travel through the JSON library as these strings.
constexpr const char* kNaN = "@radpath:NaN@";
constexpr const char* kInf = "@radpath:Infinity@";
constexpr const char* kNegInf = "@radpath:-Infinity@";

std::string quoteSpecialNumbers(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < text.size())
                out += text[++i];
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        auto word = [&](const char* w) { return text.compare(i, std::strlen(w), w) == 0; };
        if (word("NaN")) {
            out += std::string("\"") + kNaN + "\"", i += 2;
        } else if (word("-Infinity")) {
            out += std::string("\"") + kNegInf + "\"", i += 8;
        } else if (word("Infinity")) {
            out += std::string("\"") + kInf + "\"", i += 7;
        } else {
            out += c;
        }
    }
    return out;
}

struct FeatureReader {
    const std::string& source;
    Vertex origin;
    std::string where; // "feature N"

    [[noreturn]] void fail(const std::string& problem) const { throw AnnotationError(source, where + ": " + problem); }

    double number(const Json& j, const char* what) const
    {
        if (j.is_number())
            return j.get<double>();
        if (j.is_null())
            return std::numeric_limits<double>::quiet_NaN();
        if (j.is_string()) {
            const auto& s = j.get_ref<const std::string&>();
            if (s == kNaN)
                return std::numeric_limits<double>::quiet_NaN();
            if (s == kInf || s == kNegInf)
                return s == kInf ? HUGE_VAL : -HUGE_VAL;
        }
        fail(std::string(what) + " is not a number");
    }

    Vertex vertex(const Json& j) const
    {
        if (!j.is_array() || j.size() < 2 || !j[0].is_number() || !j[1].is_number())
            fail("a coordinate is not an [x, y] pair of numbers");
        return {j[0].get<double>() + origin.x, j[1].get<double>() + origin.y};
    }

    std::vector<Vertex> vertices(const Json& j) const
    {
        if (!j.is_array())
            fail("coordinates are not an array of positions");
        std::vector<Vertex> out;
        out.reserve(j.size());
        for (const Json& p : j)
            out.push_back(vertex(p));
        return out;
    }

    Ring ring(const Json& j) const
    {
        Ring r = vertices(j);
        if (r.size() > 1 && r.front() == r.back())
            r.pop_back();
        if (r.size() < 3)
            fail("a polygon ring has fewer than 3 distinct positions");
        return r;
    }

    Polygon polygon(const Json& j) const
    {
        if (!j.is_array() || j.empty())
            fail("a polygon has no rings");
        Polygon p{ring(j[0]), {}};
        for (std::size_t i = 1; i < j.size(); ++i)
            p.holes.push_back(ring(j[i]));
        return p;
    }

    Geometry geometry(const Json& g) const
    {
        if (!g.is_object())
            fail("no geometry object");
        const auto type = g.find("type");
        const auto coords = g.find("coordinates");
        if (type == g.end() || !type->is_string())
            fail("the geometry has no type");
        const std::string t = type->get<std::string>();
        if (coords == g.end())
            fail(t + " geometry has no coordinates");
        if (t == "Polygon")
            return polygon(*coords);
        if (t == "MultiPolygon") {
            if (!coords->is_array())
                fail("MultiPolygon coordinates are not an array");
            MultiPolygon m;
            for (const Json& p : *coords)
                m.parts.push_back(polygon(p));
            return m;
        }
        if (t == "Point")
            return Point{vertex(*coords)};
        if (t == "MultiPoint")
            return MultiPoint{vertices(*coords)};
        if (t == "LineString")
            return LineString{vertices(*coords)};
        fail("geometry type '" + t + "' is not supported (Polygon, MultiPolygon, Point, MultiPoint, LineString)");
    }

    std::uint32_t colour(const Json& c) const
    {
        if (c.is_number_integer())
            return std::uint32_t(c.get<std::int64_t>()) & 0xFFFFFFu;
        if (c.is_array() && c.size() == 3 && c[0].is_number() && c[1].is_number() && c[2].is_number()) {
            auto channel = [](const Json& v) { return std::uint32_t(std::clamp(v.get<int>(), 0, 255)); };
            return channel(c[0]) << 16 | channel(c[1]) << 8 | channel(c[2]);
        }
        fail("a colour is neither [r, g, b] nor a packed integer");
    }

    PathClass pathClass(const Json& c) const
    {
        PathClass pc;
        if (c.is_string()) { // a bare class name, as some tools write it
            pc.name = c.get<std::string>();
            return pc;
        }
        if (!c.is_object())
            fail("classification is not an object");
        if (auto n = c.find("name"); n != c.end() && n->is_string())
            pc.name = n->get<std::string>();
        else if (auto ns = c.find("names"); ns != c.end() && ns->is_array())
            for (const Json& part : *ns)
                pc.name += (pc.name.empty() ? "" : ": ") + part.get<std::string>();
        else
            fail("classification has no name");
        if (auto col = c.find("color"); col != c.end())
            pc.rgb = colour(*col);
        else if (auto packed = c.find("colorRGB"); packed != c.end()) // QuPath 0.2: packed ARGB
            pc.rgb = colour(*packed);
        return pc;
    }

    Measurements measurements(const Json& m) const
    {
        Measurements out;
        if (m.is_object()) {
            for (const auto& [name, value] : m.items())
                out.set(name, number(value, ("measurement '" + name + "'").c_str()));
        } else if (m.is_array()) { // QuPath 0.2: [{"name": ..., "value": ...}]
            for (const Json& e : m) {
                if (!e.is_object() || !e.contains("name") || !e["name"].is_string() || !e.contains("value"))
                    fail("a measurement is not {\"name\", \"value\"}");
                const std::string name = e["name"].get<std::string>();
                out.set(name, number(e["value"], ("measurement '" + name + "'").c_str()));
            }
        } else {
            fail("measurements are neither an object nor an array");
        }
        return out;
    }

    Annotation feature(const Json& f) const
    {
        if (!f.is_object())
            fail("not a JSON object");
        Annotation a;
        a.objectType = "annotation";
        if (auto id = f.find("id"); id != f.end() && id->is_string()) {
            static const std::map<std::string, std::string> kLegacyTypes = {{"PathAnnotationObject", "annotation"},
                                                                            {"PathDetectionObject", "detection"},
                                                                            {"PathCellObject", "cell"},
                                                                            {"PathTileObject", "tile"},
                                                                            {"TMACoreObject", "tmaCore"},
                                                                            {"PathRootObject", "root"}};
            const auto legacy = kLegacyTypes.find(id->get<std::string>());
            if (legacy != kLegacyTypes.end())
                a.objectType = legacy->second;
            else
                a.id = id->get<std::string>();
        }
        a.geometry = geometry(f.contains("geometry") ? f["geometry"] : Json());
        const auto props = f.find("properties");
        if (props != f.end() && props->is_object()) {
            const Json& p = *props;
            for (const char* key : {"objectType", "object_type", "type"})
                if (auto t = p.find(key); t != p.end() && t->is_string()) {
                    a.objectType = t->get<std::string>();
                    break;
                }
            if (auto n = p.find("name"); n != p.end() && n->is_string())
                a.name = n->get<std::string>();
            if (auto c = p.find("color"); c != p.end())
                a.rgb = colour(*c);
            if (auto c = p.find("classification"); c != p.end() && !c->is_null())
                a.classification = pathClass(*c);
            if (auto l = p.find("isLocked"); l != p.end() && l->is_boolean())
                a.isLocked = l->get<bool>();
            if (auto m = p.find("measurements"); m != p.end() && !m->is_null())
                a.measurements = measurements(*m);
            if (auto md = p.find("metadata"); md != p.end() && md->is_object())
                for (const auto& [key, value] : md->items())
                    a.metadata[key] = value.is_string() ? value.get<std::string>() : value.dump();
        }
        if (a.id.empty())
            a.id = newAnnotationId();
        return a;
    }
};

Json position(const Vertex& v, Vertex origin, const std::string& source, const Annotation& a)
{
    if (!std::isfinite(v.x) || !std::isfinite(v.y))
        throw AnnotationError(source, "annotation " + a.id + " has a coordinate that is not a finite number");
    return Json::array({v.x - origin.x, v.y - origin.y});
}

Json positions(const std::vector<Vertex>& vs, bool close, Vertex origin, const std::string& source, const Annotation& a)
{
    Json out = Json::array();
    for (const Vertex& v : vs)
        out.push_back(position(v, origin, source, a));
    if (close && !vs.empty())
        out.push_back(position(vs.front(), origin, source, a));
    return out;
}

Json polygonCoordinates(const Polygon& p, Vertex origin, const std::string& source, const Annotation& a)
{
    Json rings = Json::array({positions(p.outer, true, origin, source, a)});
    for (const Ring& h : p.holes)
        rings.push_back(positions(h, true, origin, source, a));
    return rings;
}

Json geometryJson(const Annotation& a, Vertex origin, const std::string& source)
{
    Json coords;
    if (const auto* p = std::get_if<Polygon>(&a.geometry)) {
        coords = polygonCoordinates(*p, origin, source, a);
    } else if (const auto* m = std::get_if<MultiPolygon>(&a.geometry)) {
        coords = Json::array();
        for (const Polygon& part : m->parts)
            coords.push_back(polygonCoordinates(part, origin, source, a));
    } else if (const auto* pt = std::get_if<Point>(&a.geometry)) {
        coords = position(pt->at, origin, source, a);
    } else if (const auto* mp = std::get_if<MultiPoint>(&a.geometry)) {
        coords = positions(mp->points, false, origin, source, a);
    } else {
        coords = positions(std::get<LineString>(a.geometry).points, false, origin, source, a);
    }
    Json g;
    g["type"] = geometryTypeName(a.geometry);
    g["coordinates"] = std::move(coords);
    return g;
}

Json rgbJson(std::uint32_t rgb)
{
    return Json::array({int(rgb >> 16 & 0xFF), int(rgb >> 8 & 0xFF), int(rgb & 0xFF)});
}

Json measurementValue(double v)
{
    if (std::isnan(v))
        return kNaN;
    if (std::isinf(v))
        return v > 0 ? kInf : kNegInf;
    return v;
}

void replaceAll(std::string& s, const std::string& from, const std::string& to)
{
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

} // namespace

std::vector<Annotation> parseGeoJson(const std::string& json, const std::string& source, Vertex origin)
{
    Json doc;
    try {
        doc = Json::parse(quoteSpecialNumbers(json));
    } catch (const Json::parse_error& e) {
        std::string what = e.what();
        if (const auto end = what.find("] "); what.rfind("[json.exception", 0) == 0 && end != std::string::npos)
            what.erase(0, end + 2);
        throw AnnotationError(source, "malformed JSON: " + what);
    }
    const Json* features = &doc;
    Json single;
    if (doc.is_object()) {
        const auto type = doc.find("type");
        if (type != doc.end() && *type == "FeatureCollection") {
            if (!doc.contains("features") || !doc["features"].is_array())
                throw AnnotationError(source, "the FeatureCollection has no \"features\" array");
            features = &doc["features"];
        } else if (type != doc.end() && *type == "Feature") {
            single = Json::array({doc});
            features = &single;
        } else {
            throw AnnotationError(source, "not GeoJSON: expected a FeatureCollection, a Feature or an array of them");
        }
    } else if (!doc.is_array()) {
        throw AnnotationError(source, "not GeoJSON: expected a FeatureCollection, a Feature or an array of them");
    }
    std::vector<Annotation> out;
    out.reserve(features->size());
    FeatureReader reader{source, origin, {}};
    for (std::size_t i = 0; i < features->size(); ++i) {
        reader.where = "feature " + std::to_string(i + 1);
        out.push_back(reader.feature((*features)[i]));
    }
    return out;
}

std::vector<Annotation> readGeoJson(const std::string& path, Vertex origin)
{
    return parseGeoJson(readWholeFile(path), path, origin);
}

std::string toGeoJson(const std::vector<Annotation>& annotations, Vertex origin, const std::string& source)
{
    Json features = Json::array();
    for (const Annotation& a : annotations) {
        Json f;
        f["type"] = "Feature";
        if (!a.id.empty())
            f["id"] = a.id;
        f["geometry"] = geometryJson(a, origin, source);
        Json p = Json::object();
        p["objectType"] = a.objectType.empty() ? "annotation" : a.objectType;
        if (!a.name.empty())
            p["name"] = a.name;
        if (a.rgb)
            p["color"] = rgbJson(*a.rgb);
        if (a.classification)
            p["classification"] = Json{{"name", a.classification->name}, {"color", rgbJson(a.classification->rgb)}};
        if (a.isLocked)
            p["isLocked"] = true;
        if (!a.measurements.empty()) {
            Json m = Json::object();
            for (const auto& [name, value] : a.measurements.entries())
                m[name] = measurementValue(value);
            p["measurements"] = std::move(m);
        }
        if (!a.metadata.empty())
            p["metadata"] = a.metadata;
        f["properties"] = std::move(p);
        features.push_back(std::move(f));
    }
    const Json doc = {{"type", "FeatureCollection"}, {"features", std::move(features)}};
    std::string text = doc.dump(2);
    replaceAll(text, std::string("\"") + kNaN + "\"", "NaN");
    replaceAll(text, std::string("\"") + kNegInf + "\"", "-Infinity");
    replaceAll(text, std::string("\"") + kInf + "\"", "Infinity");
    return text + "\n";
}

void writeGeoJson(const std::string& path, const std::vector<Annotation>& annotations, Vertex origin)
{
    writeFileAtomically(path, toGeoJson(annotations, origin, path));
}

} // namespace radpath::pathology
