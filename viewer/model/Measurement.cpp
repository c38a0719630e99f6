#include "viewer/model/Measurement.h"

#include "viewer/model/Volume.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
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

RegionStatistics regionStatistics(const Volume& volume, const Measurement& region)
{
    RegionStatistics stats;
    const ImageGeometry& g = volume.geometry();
    if (!region.isRegion() || region.points.empty() || volume.isNull() || region.slice < 0 || region.slice >= g.size[2])
        return stats;

    // Bounding box of the region in index space; ellipses by their axis ends on both sides.
    std::vector<Vec3> outline = region.points;
    if (region.kind == MeasurementKind::Ellipse && outline.size() == 3) {
        // The box of an ellipse is within the parallelogram of its axes.
        const Vec3 c = outline[0], u = sub(outline[1], c), v = sub(outline[2], c);
        for (int su : {-1, 1})
            for (int sv : {-1, 1})
                outline.push_back({c[0] + su * u[0] + sv * v[0], c[1] + su * u[1] + sv * v[1], c[2] + su * u[2] + sv * v[2]});
    }
    double lo[2] = {std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
    double hi[2] = {std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (const Vec3& p : outline) {
        const Vec3 index = g.physicalToIndex(p);
        for (int a = 0; a < 2; ++a) {
            lo[a] = std::min(lo[a], index[size_t(a)]);
            hi[a] = std::max(hi[a], index[size_t(a)]);
        }
    }
    // Clamped while still floating point: far-off points must not overflow an int.
    auto clampIndex = [](double v, int size) { return int(std::clamp(v, -1.0, double(size))); };
    const int i0 = std::max(0, clampIndex(std::floor(lo[0]), g.size[0]));
    const int i1 = std::min(g.size[0] - 1, clampIndex(std::ceil(hi[0]), g.size[0]));
    const int j0 = std::max(0, clampIndex(std::floor(lo[1]), g.size[1]));
    const int j1 = std::min(g.size[1] - 1, clampIndex(std::ceil(hi[1]), g.size[1]));

    const VolumeInfo& info = volume.info();
    const int k = region.slice;
    double mean = 0, m2 = 0; // Welford: exact enough for large values too
    stats.min = std::numeric_limits<double>::max();
    stats.max = std::numeric_limits<double>::lowest();
    for (int j = j0; j <= j1; ++j)
        for (int i = i0; i <= i1; ++i) {
            if (!region.contains(g.indexToPhysical({double(i), double(j), double(k)})))
                continue;
            double value = 0;
            for (int c = 0; c < volume.components(); ++c)
                value += volume.valueAt(i, j, k, c);
            value /= volume.components();
            if (info.hasPaddingValue && value == info.paddingValue)
                continue;
            ++stats.voxels;
            const double delta = value - mean;
            mean += delta / double(stats.voxels);
            m2 += delta * (value - mean);
            stats.min = std::min(stats.min, value);
            stats.max = std::max(stats.max, value);
        }
    if (stats.voxels == 0)
        return {};
    stats.mean = mean;
    stats.sd = stats.voxels > 1 ? std::sqrt(m2 / double(stats.voxels - 1)) : 0.0;
    return stats;
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
