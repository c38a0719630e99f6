#include "viewer/model/PlaneSampler.h"

#include <algorithm>
#include <cmath>

namespace radpath::viewer {

Vec3 PlaneGrid::pointAt(double x, double y) const
{
    return add(origin, add(scale(right, x * pixelMm), scale(down, y * pixelMm)));
}

std::array<double, 2> PlaneGrid::pixelOf(const Vec3& point) const
{
    const Vec3 d = sub(point, origin);
    return {dot(d, right) / pixelMm, dot(d, down) / pixelMm};
}

Vec3 PlaneGrid::normal() const
{
    return cross(right, down);
}

PlaneGrid PlaneGrid::centredOn(const Vec3& centre, const Vec3& right, const Vec3& down, double pixelMm, int width,
                               int height)
{
    PlaneGrid g;
    g.right = right;
    g.down = down;
    g.pixelMm = pixelMm;
    g.width = width;
    g.height = height;
    g.origin = sub(centre, add(scale(right, (width - 1) / 2.0 * pixelMm), scale(down, (height - 1) / 2.0 * pixelMm)));
    return g;
}

namespace {

// The pixel range [first, last] of a row whose index runs c + x * d, within [lo, hi] on
// every axis; false when empty.
bool rowRange(const Vec3& c, const Vec3& d, const Vec3& lo, const Vec3& hi, int width, int& first, int& last)
{
    double from = 0.0, to = width - 1.0;
    for (int a = 0; a < 3; ++a) {
        if (lo[a] > hi[a])
            return false;
        if (std::abs(d[a]) < 1e-12) {
            if (c[a] < lo[a] || c[a] > hi[a])
                return false;
            continue;
        }
        double x0 = (lo[a] - c[a]) / d[a], x1 = (hi[a] - c[a]) / d[a];
        if (x0 > x1)
            std::swap(x0, x1);
        from = std::max(from, x0);
        to = std::min(to, x1);
    }
    first = int(std::ceil(from));
    last = int(std::floor(to));
    return first <= last;
}

// Where a point is inside: the voxels' boxes, [-0.5, n - 0.5].
bool insideRange(const Vec3& c, const Vec3& d, const std::array<int, 3>& n, int width, int& first, int& last)
{
    return rowRange(c, d, {-0.5, -0.5, -0.5}, {n[0] - 0.5, n[1] - 0.5, n[2] - 0.5}, width, first, last);
}

struct Steps {
    const Volume* volume;
    Vec3 start; // continuous index of pixel (0, 0)
    Vec3 dx;    // index step per pixel along x
    Vec3 dy;    // index step per pixel along y
};

template <class T> void sampleNearest(const Steps& s, const PlaneGrid& grid, float* out)
{
    const Volume& v = *s.volume;
    const T* voxels = v.voxels<T>();
    const auto& n = v.geometry().size;
    const std::size_t comp = std::size_t(v.components());
    const std::size_t sj = std::size_t(n[0]) * comp, sk = sj * std::size_t(n[1]);
    for (int y = 0; y < grid.height; ++y) {
        float* row = out + std::size_t(y) * std::size_t(grid.width);
        std::fill(row, row + grid.width, kOutside);
        const Vec3 c = add(s.start, scale(s.dy, y));
        int first = 0, last = -1;
        if (!insideRange(c, s.dx, n, grid.width, first, last))
            continue;
        // Inside the range c + 0.5 >= 0 up to rounding, so truncation is floor.
        for (int x = first; x <= last; ++x) {
            const int i = std::clamp(int(c[0] + x * s.dx[0] + 0.5), 0, n[0] - 1);
            const int j = std::clamp(int(c[1] + x * s.dx[1] + 0.5), 0, n[1] - 1);
            const int k = std::clamp(int(c[2] + x * s.dx[2] + 0.5), 0, n[2] - 1);
            row[x] = float(voxels[std::size_t(k) * sk + std::size_t(j) * sj + std::size_t(i) * comp]);
        }
    }
}

// Lower corner and fraction along one axis, clamped so the upper neighbour stays inside.
inline int corner(double c, int n, float& f)
{
    const double clamped = std::clamp(c, 0.0, double(n - 1));
    const int i0 = std::min(int(clamped), std::max(n - 2, 0));
    f = float(clamped - i0);
    return i0;
}

template <class T> struct Trilinear {
    const T* voxels;
    std::size_t oi, oj, ok; // offsets of the +i, +j, +k neighbours (0 along an axis of one voxel)

    float at(const T* p, float fx, float fy, float fz) const
    {
        const float c00 = float(p[0]) + fx * (float(p[oi]) - float(p[0]));
        const float c10 = float(p[oj]) + fx * (float(p[oj + oi]) - float(p[oj]));
        const float c01 = float(p[ok]) + fx * (float(p[ok + oi]) - float(p[ok]));
        const float c11 = float(p[ok + oj]) + fx * (float(p[ok + oj + oi]) - float(p[ok + oj]));
        const float c0 = c00 + fy * (c10 - c00);
        const float c1 = c01 + fy * (c11 - c01);
        return c0 + fz * (c1 - c0);
    }
};

template <class T> void sampleLinear(const Steps& s, const PlaneGrid& grid, float* out)
{
    const Volume& v = *s.volume;
    const auto& n = v.geometry().size;
    const std::size_t comp = std::size_t(v.components());
    const std::size_t sj = std::size_t(n[0]) * comp, sk = sj * std::size_t(n[1]);
    const Trilinear<T> tri{v.voxels<T>(), n[0] > 1 ? comp : 0, n[1] > 1 ? sj : 0, n[2] > 1 ? sk : 0};
    // Interior: all eight neighbours inside without clamping, [0, n - 1).
    const Vec3 innerLo{0.0, 0.0, 0.0};
    const Vec3 innerHi{n[0] - 1.000001, n[1] - 1.000001, n[2] - 1.000001};
    const auto clamped = [&](const Vec3& c, int x) {
        float fx, fy, fz;
        const int i = corner(c[0] + x * s.dx[0], n[0], fx);
        const int j = corner(c[1] + x * s.dx[1], n[1], fy);
        const int k = corner(c[2] + x * s.dx[2], n[2], fz);
        return tri.at(tri.voxels + std::size_t(k) * sk + std::size_t(j) * sj + std::size_t(i) * comp, fx, fy, fz);
    };
    for (int y = 0; y < grid.height; ++y) {
        float* row = out + std::size_t(y) * std::size_t(grid.width);
        std::fill(row, row + grid.width, kOutside);
        const Vec3 c = add(s.start, scale(s.dy, y));
        int first = 0, last = -1;
        if (!insideRange(c, s.dx, n, grid.width, first, last))
            continue;
        int a = 0, b = -1;
        if (!rowRange(c, s.dx, innerLo, innerHi, grid.width, a, b)) {
            a = last + 1;
            b = last;
        }
        a = std::max(a, first);
        b = std::min(b, last);
        for (int x = first; x < a; ++x)
            row[x] = clamped(c, x);
        for (int x = a; x <= b; ++x) {
            const double ci = c[0] + x * s.dx[0], cj = c[1] + x * s.dx[1], ck = c[2] + x * s.dx[2];
            const int i = int(ci), j = int(cj), k = int(ck);
            row[x] = tri.at(tri.voxels + std::size_t(k) * sk + std::size_t(j) * sj + std::size_t(i) * comp,
                            float(ci - i), float(cj - j), float(ck - k));
        }
        for (int x = std::max(b + 1, a); x <= last; ++x)
            row[x] = clamped(c, x);
    }
}

} // namespace

void samplePlane(const Volume& volume, const PlaneGrid& grid, Interpolation mode, std::vector<float>& out)
{
    const std::size_t count = std::size_t(std::max(grid.width, 0)) * std::size_t(std::max(grid.height, 0));
    out.resize(count); // every row is written below
    if (volume.isNull() || count == 0) {
        std::fill(out.begin(), out.end(), kOutside);
        return;
    }
    // The index map is affine: index(p) = index(grid origin) + A * (p - grid origin), and
    // A * v = physicalToIndex(volume origin + v).
    const ImageGeometry& g = volume.geometry();
    const auto indexStep = [&](const Vec3& v) { return g.physicalToIndex(add(g.origin, v)); };
    const Steps steps{&volume, g.physicalToIndex(grid.origin), indexStep(scale(grid.right, grid.pixelMm)),
                      indexStep(scale(grid.down, grid.pixelMm))};
    visitPixelType(volume.pixelType(), [&](auto t) {
        using T = decltype(t);
        if (mode == Interpolation::Nearest)
            sampleNearest<T>(steps, grid, out.data());
        else
            sampleLinear<T>(steps, grid, out.data());
    });
}

std::vector<float> samplePlane(const Volume& volume, const PlaneGrid& grid, Interpolation mode)
{
    std::vector<float> out;
    samplePlane(volume, grid, mode, out);
    return out;
}

} // namespace radpath::viewer
