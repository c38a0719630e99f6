#include "viewer/model/Measurement.h"

#include "viewer/model/Volume.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace radpath::viewer {
namespace {

constexpr double kPi = 3.14159265358979323846;


// Twice the vector area of a closed polygon (Newell): its length is twice the area, its
// direction the normal.
Vec3 vectorArea2(const std::vector<Vec3>& p)
{
    Vec3 sum{0, 0, 0};
    for (std::size_t i = 0; i < p.size(); ++i) {
        const Vec3 c = cross(p[i], p[(i + 1) % p.size()]);
        for (int a = 0; a < 3; ++a)
            sum[size_t(a)] += c[size_t(a)];
    }
    return sum;
}

bool polygonContains(const std::vector<Vec3>& poly, const Vec3& p)
{
    if (poly.size() < 3)
        return false;
    // Into 2-D coordinates of the polygon's plane, then the even-odd rule.
    Vec3 n = vectorArea2(poly);
    const double nn = norm(n);
    if (nn == 0)
        return false;
    n = {n[0] / nn, n[1] / nn, n[2] / nn};
    // The first edge of some length gives the in-plane axes (corners may repeat).
    Vec3 e1{0, 0, 0};
    for (std::size_t i = 1; i < poly.size() && norm(e1) == 0; ++i)
        e1 = sub(poly[i], poly[0]);
    if (norm(e1) == 0)
        return false;
    e1 = {e1[0] / norm(e1), e1[1] / norm(e1), e1[2] / norm(e1)};
    const Vec3 e2 = cross(n, e1);
    auto to2d = [&](const Vec3& q) {
        const Vec3 r = sub(q, poly[0]);
        return std::pair<double, double>{dot(r, e1), dot(r, e2)};
    };
    const auto [x, y] = to2d(p);
    bool inside = false;
    for (std::size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
        const auto [xi, yi] = to2d(poly[i]);
        const auto [xj, yj] = to2d(poly[j]);
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            inside = !inside;
    }
    return inside;
}

} // namespace

const char* toString(MeasurementKind kind)
{
    switch (kind) {
    case MeasurementKind::Length: return "length";
    case MeasurementKind::Angle: return "angle";
    case MeasurementKind::Rectangle: return "rectangle";
    case MeasurementKind::Ellipse: return "ellipse";
    case MeasurementKind::Polygon: return "polygon";
    }
    return "length";
}

bool Measurement::isRegion() const
{
    return kind == MeasurementKind::Rectangle || kind == MeasurementKind::Ellipse || kind == MeasurementKind::Polygon;
}

double Measurement::lengthMm() const
{
    return kind == MeasurementKind::Length && points.size() == 2 ? norm(sub(points[1], points[0])) : 0.0;
}

double Measurement::angleDegrees() const
{
    if (kind != MeasurementKind::Angle || points.size() != 3)
        return 0.0;
    const Vec3 a = sub(points[0], points[1]), b = sub(points[2], points[1]);
    const double la = norm(a), lb = norm(b);
    if (la == 0 || lb == 0)
        return 0.0;
    return std::acos(std::clamp(dot(a, b) / (la * lb), -1.0, 1.0)) * 180.0 / kPi;
}

double Measurement::areaMm2() const
{
    switch (kind) {
    case MeasurementKind::Ellipse:
        return points.size() == 3 ? kPi * norm(sub(points[1], points[0])) * norm(sub(points[2], points[0])) : 0.0;
    case MeasurementKind::Rectangle:
    case MeasurementKind::Polygon: return points.size() >= 3 ? norm(vectorArea2(points)) / 2.0 : 0.0;
    default: return 0.0;
    }
}

bool Measurement::contains(const Vec3& p) const
{
    if (kind == MeasurementKind::Ellipse) {
        if (points.size() != 3)
            return false;
        const Vec3 u = sub(points[1], points[0]), v = sub(points[2], points[0]), q = sub(p, points[0]);
        const double uu = dot(u, u), vv = dot(v, v);
        if (uu == 0 || vv == 0)
            return false;
        const double a = dot(q, u) / uu, b = dot(q, v) / vv;
        return a * a + b * b <= 1.0;
    }
    return isRegion() && polygonContains(points, p);
}

Measurement Measurement::translated(const Vec3& delta) const
{
    Measurement moved = *this;
    for (Vec3& p : moved.points)
        for (int a = 0; a < 3; ++a)
            p[size_t(a)] += delta[size_t(a)];
    return moved;
}

bool Measurement::isValid() const
{
    switch (kind) {
    case MeasurementKind::Length: return lengthMm() > 0;
    case MeasurementKind::Angle:
        return points.size() == 3 && norm(sub(points[0], points[1])) > 0 && norm(sub(points[2], points[1])) > 0;
    default: return areaMm2() > 0;
    }
}

namespace {

// Welford's running mean and variance: exact enough for large values too.
struct Accumulator {
    RegionStatistics stats;
    double mean = 0, m2 = 0;
    void add(double value)
    {
        if (stats.voxels == 0)
            stats.min = stats.max = value;
        ++stats.voxels;
        const double delta = value - mean;
        mean += delta / double(stats.voxels);
        m2 += delta * (value - mean);
        stats.min = std::min(stats.min, value);
        stats.max = std::max(stats.max, value);
    }
    RegionStatistics result() const
    {
        if (stats.voxels == 0)
            return {};
        RegionStatistics out = stats;
        out.mean = mean;
        out.sd = stats.voxels > 1 ? std::sqrt(m2 / double(stats.voxels - 1)) : 0.0;
        return out;
    }
};

Vec3 unit(const Vec3& v)
{
    const double n = norm(v);
    return n > 0 ? scale(v, 1.0 / n) : Vec3{0, 0, 0};
}

// The region's outline points, ellipses by the corners of their axes' parallelogram.
std::vector<Vec3> outlineOf(const Measurement& region)
{
    std::vector<Vec3> outline = region.points;
    if (region.kind == MeasurementKind::Ellipse && outline.size() == 3) {
        const Vec3 c = outline[0], u = sub(outline[1], c), v = sub(outline[2], c);
        for (int su : {-1, 1})
            for (int sv : {-1, 1})
                outline.push_back(add(c, add(scale(u, su), scale(v, sv))));
    }
    return outline;
}

} // namespace

RegionStatistics regionStatistics(const Volume& volume, const Measurement& region)
{
    if (!region.isRegion() || region.points.size() < 3 || volume.isNull())
        return {};
    const ImageGeometry& g = volume.geometry();
    const VolumeInfo& info = volume.info();
    const Vec3 normal = unit(region.kind == MeasurementKind::Ellipse
                                 ? cross(sub(region.points[1], region.points[0]), sub(region.points[2], region.points[0]))
                                 : vectorArea2(region.points));
    if (norm(normal) == 0)
        return {};
    Accumulator acc;
    // A voxel counts as the mean of its components; padding voxels are not image.
    auto take = [&](int i, int j, int k) {
        double value = 0;
        for (int c = 0; c < volume.components(); ++c)
            value += volume.valueAt(i, j, k, c);
        value /= volume.components();
        if (!(info.hasPaddingValue && value == info.paddingValue))
            acc.add(value);
    };
    const std::vector<Vec3> outline = outlineOf(region);

    int across = 0; // the index axis closest to the region's normal
    for (int a = 1; a < 3; ++a)
        if (std::abs(dot(g.axisDirection(a), normal)) > std::abs(dot(g.axisDirection(across), normal)))
            across = a;
    if (std::abs(dot(g.axisDirection(across), normal)) > 1 - 1e-6) {
        // On a plane of voxel centres: those inside, over the region's box in index space.
        const int layer = int(std::lround(g.physicalToIndex(region.points[0])[size_t(across)]));
        if (layer < 0 || layer >= g.size[size_t(across)])
            return {};
        const int u = across == 0 ? 1 : 0, v = across == 2 ? 1 : 2;
        double lo[3] = {1e300, 1e300, 1e300}, hi[3] = {-1e300, -1e300, -1e300};
        for (const Vec3& p : outline) {
            const Vec3 index = g.physicalToIndex(p);
            for (int a = 0; a < 3; ++a) {
                lo[a] = std::min(lo[a], index[size_t(a)]);
                hi[a] = std::max(hi[a], index[size_t(a)]);
            }
        }
        // Clamped while still floating point: far-off points must not overflow an int.
        auto first = [&](int a) { return std::max(0, int(std::clamp(std::floor(lo[a]), -1.0, double(g.size[size_t(a)])))); };
        auto last = [&](int a) {
            return std::min(g.size[size_t(a)] - 1, int(std::clamp(std::ceil(hi[a]), -1.0, double(g.size[size_t(a)]))));
        };
        for (int b = first(v); b <= last(v); ++b)
            for (int c = first(u); c <= last(u); ++c) {
                std::array<int, 3> index{};
                index[size_t(across)] = layer;
                index[size_t(u)] = c;
                index[size_t(v)] = b;
                if (region.contains(g.indexToPhysical({double(index[0]), double(index[1]), double(index[2])})))
                    take(index[0], index[1], index[2]);
            }
        return acc.result();
    }

    // An oblique plane: the nearest voxel of each point of a grid on the plane, one smallest
    // voxel spacing apart.
    const double step = std::min({g.spacing[0], g.spacing[1], g.spacing[2]});
    const Vec3 e1 = unit(sub(outline[1], outline[0])), e2 = cross(normal, e1);
    double lo1 = 1e300, hi1 = -1e300, lo2 = 1e300, hi2 = -1e300;
    for (const Vec3& p : outline) {
        const Vec3 d = sub(p, outline[0]);
        lo1 = std::min(lo1, dot(d, e1)), hi1 = std::max(hi1, dot(d, e1));
        lo2 = std::min(lo2, dot(d, e2)), hi2 = std::max(hi2, dot(d, e2));
    }
    if (hi1 - lo1 > 1e5 * step || hi2 - lo2 > 1e5 * step)
        return {};
    for (double t2 = lo2; t2 <= hi2; t2 += step)
        for (double t1 = lo1; t1 <= hi1; t1 += step) {
            const Vec3 p = add(outline[0], add(scale(e1, t1), scale(e2, t2)));
            if (!region.contains(p))
                continue;
            const Vec3 index = g.physicalToIndex(p);
            const int i = int(std::lround(index[0])), j = int(std::lround(index[1])), k = int(std::lround(index[2]));
            if (i >= 0 && j >= 0 && k >= 0 && i < g.size[0] && j < g.size[1] && k < g.size[2])
                take(i, j, k);
        }
    return acc.result();
}

std::vector<Measurement> movedWithSlices(std::vector<Measurement> measurements, const Vec3& perSlice)
{
    for (Measurement& m : measurements)
        m = m.translated(scale(perSlice, m.slice));
    return measurements;
}

std::string measurementsToJson(const std::vector<Measurement>& measurements)
{
    QJsonArray list;
    for (const Measurement& m : measurements) {
        QJsonArray points;
        for (const Vec3& p : m.points)
            points.append(QJsonArray{p[0], p[1], p[2]});
        list.append(QJsonObject{{"kind", toString(m.kind)}, {"slice", m.slice}, {"points", points}});
    }
    return QJsonDocument(QJsonObject{{"version", 1}, {"measurements", list}}).toJson(QJsonDocument::Compact).toStdString();
}

std::vector<Measurement> measurementsFromJson(const std::string& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
    if (doc.isNull())
        throw std::runtime_error("measurements are not valid JSON: " + error.errorString().toStdString());
    const QJsonObject root = doc.object();
    if (root.value("version").toInt() != 1 || !root.value("measurements").isArray())
        throw std::runtime_error("measurements: unknown format (expected version 1 with a \"measurements\" list)");
    std::vector<Measurement> out;
    for (const QJsonValue& value : root.value("measurements").toArray()) {
        const QJsonObject o = value.toObject();
        Measurement m;
        const std::string kind = o.value("kind").toString().toStdString();
        bool known = false;
        for (MeasurementKind k : {MeasurementKind::Length, MeasurementKind::Angle, MeasurementKind::Rectangle,
                                  MeasurementKind::Ellipse, MeasurementKind::Polygon})
            if (kind == toString(k)) {
                m.kind = k;
                known = true;
            }
        if (!known)
            throw std::runtime_error("measurements: unknown kind \"" + kind + "\"");
        m.slice = o.value("slice").toInt();
        for (const QJsonValue& p : o.value("points").toArray()) {
            const QJsonArray xyz = p.toArray();
            if (xyz.size() != 3)
                throw std::runtime_error("measurements: a point needs three coordinates");
            m.points.push_back({xyz[0].toDouble(), xyz[1].toDouble(), xyz[2].toDouble()});
        }
        if (!m.isValid())
            throw std::runtime_error(std::string("measurements: a ") + toString(m.kind) + " with unusable points");
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace radpath::viewer
