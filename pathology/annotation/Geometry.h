#pragma once
// Annotation geometry in level-0 pixels of the full slide (x right, y down), the shapes that
// QuPath's GeoJSON and ASAP's XML hold: polygons with holes, multi-polygons, points and lines.

#include <array>
#include <optional>
#include <variant>
#include <vector>

namespace radpath::pathology {

struct Vertex {
    double x = 0;
    double y = 0;
    friend bool operator==(const Vertex& a, const Vertex& b) { return a.x == b.x && a.y == b.y; }
    friend bool operator!=(const Vertex& a, const Vertex& b) { return !(a == b); }
};

/// A polygon ring, open: the first vertex is not repeated at the end.
using Ring = std::vector<Vertex>;

struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
    friend bool operator==(const Polygon& a, const Polygon& b) { return a.outer == b.outer && a.holes == b.holes; }
};

struct MultiPolygon {
    std::vector<Polygon> parts;
    friend bool operator==(const MultiPolygon& a, const MultiPolygon& b) { return a.parts == b.parts; }
};

struct Point {
    Vertex at;
    friend bool operator==(const Point& a, const Point& b) { return a.at == b.at; }
};

struct MultiPoint {
    std::vector<Vertex> points;
    friend bool operator==(const MultiPoint& a, const MultiPoint& b) { return a.points == b.points; }
};

struct LineString {
    std::vector<Vertex> points;
    friend bool operator==(const LineString& a, const LineString& b) { return a.points == b.points; }
};

using Geometry = std::variant<Polygon, MultiPolygon, Point, MultiPoint, LineString>;

/// An axis-aligned rectangle, edges included. An empty box has min > max.
struct Box {
    double minX = 0, minY = 0, maxX = -1, maxY = -1;
    bool isEmpty() const { return minX > maxX || minY > maxY; }
    bool intersects(const Box& o) const
    {
        return !isEmpty() && !o.isEmpty() && minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY;
    }
    friend bool operator==(const Box& a, const Box& b)
    {
        return a.minX == b.minX && a.minY == b.minY && a.maxX == b.maxX && a.maxY == b.maxY;
    }
};

/// µm per level-0 pixel, x and y, as SlideInfo::mpp gives it.
using Mpp = std::optional<std::array<double, 2>>;

/// The bounding box of every vertex; empty for a geometry without vertices.
Box bounds(const Geometry& g);
/// Enclosed area, holes subtracted: µm² given `mpp`, px² otherwise. 0 for points and lines.
double area(const Geometry& g, const Mpp& mpp = {});
/// Length of every ring (outer and holes) or of the line: µm given `mpp`, px otherwise.
/// 0 for points.
double perimeter(const Geometry& g, const Mpp& mpp = {});
/// The geometry moved by (dx, dy).
Geometry translated(const Geometry& g, double dx, double dy);
/// Whether the geometry is a Polygon or MultiPolygon.
bool isPolygonal(const Geometry& g);
/// The polygons of a Polygon or MultiPolygon; empty for other geometries.
std::vector<Polygon> polygonsOf(const Geometry& g);
/// Whether (x, y) lies inside the polygon's outer ring and outside its holes (even-odd rule).
bool contains(const Polygon& polygon, double x, double y);
/// Whether (x, y) lies inside any polygon of a Polygon or MultiPolygon; false for others.
bool contains(const Geometry& g, double x, double y);
/// The name GeoJSON uses: "Polygon", "MultiPolygon", "Point", "MultiPoint", "LineString".
const char* geometryTypeName(const Geometry& g);

} // namespace radpath::pathology
