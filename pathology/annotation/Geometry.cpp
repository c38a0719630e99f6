#include "pathology/annotation/Geometry.h"

#include <algorithm>
#include <cmath>

namespace radpath::pathology {
namespace {

template <class... Ts> struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

void grow(Box& b, const Vertex& v)
{
    if (b.isEmpty()) {
        b = {v.x, v.y, v.x, v.y};
        return;
    }
    b.minX = std::min(b.minX, v.x);
    b.minY = std::min(b.minY, v.y);
    b.maxX = std::max(b.maxX, v.x);
    b.maxY = std::max(b.maxY, v.y);
}

// Absolute shoelace area of an open ring.
double ringArea(const Ring& r)
{
    double twice = 0;
    for (std::size_t i = 0, n = r.size(); i < n; ++i) {
        const Vertex& a = r[i];
        const Vertex& b = r[(i + 1) % n];
        twice += a.x * b.y - b.x * a.y;
    }
    return std::abs(twice) / 2;
}

double pathLength(const std::vector<Vertex>& v, bool closed, double sx, double sy)
{
    double length = 0;
    const std::size_t n = v.size();
    if (n < 2)
        return 0;
    for (std::size_t i = 0; i + 1 < n + (closed ? 1 : 0); ++i) {
        const Vertex& a = v[i];
        const Vertex& b = v[(i + 1) % n];
        length += std::hypot((b.x - a.x) * sx, (b.y - a.y) * sy);
    }
    return length;
}

double polygonArea(const Polygon& p)
{
    double a = ringArea(p.outer);
    for (const Ring& h : p.holes)
        a -= ringArea(h);
    return a;
}

double polygonPerimeter(const Polygon& p, double sx, double sy)
{
    double l = pathLength(p.outer, true, sx, sy);
    for (const Ring& h : p.holes)
        l += pathLength(h, true, sx, sy);
    return l;
}

Ring moved(const Ring& r, double dx, double dy)
{
    Ring out;
    out.reserve(r.size());
    for (const Vertex& v : r)
        out.push_back({v.x + dx, v.y + dy});
    return out;
}

Polygon moved(const Polygon& p, double dx, double dy)
{
    Polygon out{moved(p.outer, dx, dy), {}};
    for (const Ring& h : p.holes)
        out.holes.push_back(moved(h, dx, dy));
    return out;
}

} // namespace

Box bounds(const Geometry& g)
{
    Box b;
    auto ring = [&](const Ring& r) {
        for (const Vertex& v : r)
            grow(b, v);
    };
    // Holes lie inside the outer ring, so the outer rings bound a polygon.
    std::visit(Overloaded{[&](const Polygon& p) { ring(p.outer); },
                          [&](const MultiPolygon& m) {
                              for (const Polygon& p : m.parts)
                                  ring(p.outer);
                          },
                          [&](const Point& p) { grow(b, p.at); }, [&](const MultiPoint& m) { ring(m.points); },
                          [&](const LineString& l) { ring(l.points); }},
               g);
    return b;
}

double area(const Geometry& g, const Mpp& mpp)
{
    const double scale = mpp ? (*mpp)[0] * (*mpp)[1] : 1.0;
    return scale * std::visit(Overloaded{[](const Polygon& p) { return polygonArea(p); },
                                         [](const MultiPolygon& m) {
                                             double a = 0;
                                             for (const Polygon& p : m.parts)
                                                 a += polygonArea(p);
                                             return a;
                                         },
                                         [](const auto&) { return 0.0; }},
                              g);
}

double perimeter(const Geometry& g, const Mpp& mpp)
{
    const double sx = mpp ? (*mpp)[0] : 1.0;
    const double sy = mpp ? (*mpp)[1] : 1.0;
    return std::visit(Overloaded{[&](const Polygon& p) { return polygonPerimeter(p, sx, sy); },
                                 [&](const MultiPolygon& m) {
                                     double l = 0;
                                     for (const Polygon& p : m.parts)
                                         l += polygonPerimeter(p, sx, sy);
                                     return l;
                                 },
                                 [&](const LineString& l) { return pathLength(l.points, false, sx, sy); },
                                 [](const auto&) { return 0.0; }},
                      g);
}

Geometry translated(const Geometry& g, double dx, double dy)
{
    if (dx == 0 && dy == 0)
        return g;
    return std::visit(Overloaded{[&](const Polygon& p) -> Geometry { return moved(p, dx, dy); },
                                 [&](const MultiPolygon& m) -> Geometry {
                                     MultiPolygon out;
                                     for (const Polygon& p : m.parts)
                                         out.parts.push_back(moved(p, dx, dy));
                                     return out;
                                 },
                                 [&](const Point& p) -> Geometry {
                                     return Point{{p.at.x + dx, p.at.y + dy}};
                                 },
                                 [&](const MultiPoint& m) -> Geometry { return MultiPoint{moved(m.points, dx, dy)}; },
                                 [&](const LineString& l) -> Geometry { return LineString{moved(l.points, dx, dy)}; }},
                      g);
}

bool isPolygonal(const Geometry& g)
{
    return std::holds_alternative<Polygon>(g) || std::holds_alternative<MultiPolygon>(g);
}

std::vector<Polygon> polygonsOf(const Geometry& g)
{
    if (const auto* p = std::get_if<Polygon>(&g))
        return {*p};
    if (const auto* m = std::get_if<MultiPolygon>(&g))
        return m->parts;
    return {};
}

namespace {

bool ringContains(const Ring& ring, double x, double y)
{
    bool inside = false;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        if ((ring[i].y > y) != (ring[j].y > y) &&
            x < (ring[j].x - ring[i].x) * (y - ring[i].y) / (ring[j].y - ring[i].y) + ring[i].x)
            inside = !inside;
    return inside;
}

} // namespace

bool contains(const Polygon& polygon, double x, double y)
{
    if (!ringContains(polygon.outer, x, y))
        return false;
    for (const Ring& hole : polygon.holes)
        if (ringContains(hole, x, y))
            return false;
    return true;
}

bool contains(const Geometry& g, double x, double y)
{
    for (const Polygon& polygon : polygonsOf(g))
        if (contains(polygon, x, y))
            return true;
    return false;
}

const char* geometryTypeName(const Geometry& g)
{
    static const char* const kNames[] = {"Polygon", "MultiPolygon", "Point", "MultiPoint", "LineString"};
    return kNames[g.index()];
}

} // namespace radpath::pathology
