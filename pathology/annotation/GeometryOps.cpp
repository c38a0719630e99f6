#include "pathology/annotation/GeometryOps.h"

// Boost.Geometry 1.74's envelope code trips GCC 12's -Wmaybe-uninitialized once inlined.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>

#include <string>

namespace radpath::pathology {
namespace {

namespace bg = boost::geometry;
using BgPoint = bg::model::d2::point_xy<double>;
using BgPolygon = bg::model::polygon<BgPoint>; // clockwise, closed
using BgMulti = bg::model::multi_polygon<BgPolygon>;

template <class BgRing> void fillRing(const Ring& r, BgRing& out)
{
    for (const Vertex& v : r)
        out.push_back(BgPoint(v.x, v.y));
    if (!r.empty() && r.front() != r.back())
        out.push_back(BgPoint(r.front().x, r.front().y));
}

BgMulti toBg(const Geometry& g, const char* operand)
{
    if (!isPolygonal(g))
        throw GeometryError(std::string("the ") + operand + " operand is a " + geometryTypeName(g) +
                            "; only polygons can be combined");
    BgMulti out;
    for (const Polygon& p : polygonsOf(g)) {
        if (p.outer.size() < 3)
            continue;
        BgPolygon bp;
        fillRing(p.outer, bp.outer());
        for (const Ring& h : p.holes) {
            if (h.size() < 3)
                continue;
            bp.inners().emplace_back();
            fillRing(h, bp.inners().back());
        }
        out.push_back(std::move(bp));
    }
    // Orientation and closure as Boost expects them, whatever the file had.
    bg::correct(out);
    // Parts of one MultiPolygon may overlap (hand-made files); merge them first so each
    // operand is valid.
    std::string reason;
    if (out.size() > 1 && !bg::is_valid(out, reason)) {
        BgMulti merged;
        for (const BgPolygon& p : out) {
            BgMulti next;
            bg::union_(merged, p, next);
            merged = std::move(next);
        }
        out = std::move(merged);
    }
    return out;
}

Ring fromBg(const bg::model::ring<BgPoint>& r)
{
    Ring out;
    out.reserve(r.size());
    for (const BgPoint& p : r)
        out.push_back({p.x(), p.y()});
    if (out.size() > 1 && out.front() == out.back())
        out.pop_back();
    return out;
}

Geometry fromBg(const BgMulti& m)
{
    MultiPolygon out;
    for (const BgPolygon& bp : m) {
        Polygon p{fromBg(bp.outer()), {}};
        for (const auto& inner : bp.inners())
            p.holes.push_back(fromBg(inner));
        out.parts.push_back(std::move(p));
    }
    if (out.parts.size() == 1)
        return std::move(out.parts.front());
    return out;
}

} // namespace

Geometry unite(const Geometry& a, const Geometry& b)
{
    BgMulti result;
    bg::union_(toBg(a, "first"), toBg(b, "second"), result);
    return fromBg(result);
}

Geometry subtract(const Geometry& a, const Geometry& b)
{
    BgMulti result;
    bg::difference(toBg(a, "first"), toBg(b, "second"), result);
    return fromBg(result);
}

Geometry intersect(const Geometry& a, const Geometry& b)
{
    BgMulti result;
    bg::intersection(toBg(a, "first"), toBg(b, "second"), result);
    return fromBg(result);
}

bool isValidPolygonal(const Geometry& g)
{
    if (!isPolygonal(g))
        return false;
    BgMulti m;
    for (const Polygon& p : polygonsOf(g)) {
        BgPolygon bp;
        fillRing(p.outer, bp.outer());
        for (const Ring& h : p.holes) {
            bp.inners().emplace_back();
            fillRing(h, bp.inners().back());
        }
        m.push_back(std::move(bp));
    }
    bg::correct(m);
    return bg::is_valid(m);
}

} // namespace radpath::pathology
