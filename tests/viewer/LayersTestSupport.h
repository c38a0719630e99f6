#pragma once
// Phantoms for the layer tests: volumes with known content at known LPS positions.

#include "viewer/model/PlaneSampler.h"
#include "viewer/model/Volume.h"

#include <QImage>

#include <cmath>
#include <cstdint>

namespace radpath::viewer::test {

inline Vec3 unit(const Vec3& v)
{
    return scale(v, 1.0 / norm(v));
}

// Rotation by `degrees` about `axis` (Rodrigues), row-major.
inline std::array<double, 9> rotation(const Vec3& axis, double degrees)
{
    const Vec3 a = unit(axis);
    const double t = degrees * M_PI / 180, c = std::cos(t), s = std::sin(t), C = 1 - c;
    return {c + a[0] * a[0] * C,        a[0] * a[1] * C - a[2] * s, a[0] * a[2] * C + a[1] * s,
            a[1] * a[0] * C + a[2] * s, c + a[1] * a[1] * C,        a[1] * a[2] * C - a[0] * s,
            a[2] * a[0] * C - a[1] * s, a[2] * a[1] * C + a[0] * s, c + a[2] * a[2] * C};
}

inline const Vec3 kCentre{12.0, -20.0, 35.0}; // LPS mm
inline constexpr double kRadius = 10.0;

// An oblique, anisotropic Int16 volume holding label 3 inside a sphere of kRadius at kCentre.
inline Volume sphereVolume()
{
    ImageGeometry g;
    g.size = {80, 70, 50};
    g.spacing = {0.7, 0.9, 1.2};
    g.direction = rotation({1, 2, 3}, 25);
    // Put kCentre at index (39.3, 34.6, 24.2), off the voxel centres.
    g.origin = sub(kCentre, g.indexToPhysical({39.3, 34.6, 24.2}));
    Volume v(PixelType::Int16, g);
    auto* voxels = v.voxels<std::int16_t>();
    for (int k = 0; k < g.size[2]; ++k)
        for (int j = 0; j < g.size[1]; ++j)
            for (int i = 0; i < g.size[0]; ++i)
                if (norm(sub(g.indexToPhysical({double(i), double(j), double(k)}), kCentre)) <= kRadius)
                    voxels[v.linearIndex(i, j, k)] = 3;
    return v;
}

inline std::uint32_t rawPixel(const QImage& image, int x, int y)
{
    return reinterpret_cast<const std::uint32_t*>(image.constScanLine(y))[x];
}

// 2x2x2 Float32 volume, v(i, j, k) = 10ijk + i + 2j + 4k; spacing (2, 3, 4).
inline Volume cube(const std::array<double, 9>& direction)
{
    ImageGeometry g;
    g.size = {2, 2, 2};
    g.spacing = {2, 3, 4};
    g.origin = {10, 20, 30};
    g.direction = direction;
    Volume v(PixelType::Float32, g);
    for (int k = 0; k < 2; ++k)
        for (int j = 0; j < 2; ++j)
            for (int i = 0; i < 2; ++i)
                v.voxels<float>()[v.linearIndex(i, j, k)] = float(10 * i * j * k + i + 2 * j + 4 * k);
    return v;
}

// Label map for outline tests: 12 x 10 x 1 voxels of 1 mm, identity, pixel (x, y) = voxel (x, y).
inline Volume rectangles()
{
    ImageGeometry g;
    g.size = {12, 10, 1};
    Volume v(PixelType::Int32, g);
    auto set = [&](int x0, int x1, int y0, int y1, int value) {
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                v.voxels<std::int32_t>()[v.linearIndex(x, y, 0)] = value;
    };
    set(2, 7, 2, 6, 1);  // label 1
    set(8, 10, 2, 6, 2); // label 2, touching label 1 along x = 7 | 8
    set(0, 1, 8, 9, 4);  // label 4, touching the image's left and bottom border
    return v;
}

inline PlaneGrid voxelGrid(const Volume& v)
{
    PlaneGrid grid;
    grid.width = v.geometry().size[0];
    grid.height = v.geometry().size[1];
    return grid;
}

} // namespace radpath::viewer::test
