#pragma once
// Where voxels sit in patient space: LPS millimetres, as DICOM and ITK define them.

#include <array>
#include <cstddef>

namespace radpath::viewer {

using Vec3 = std::array<double, 3>;

/// Index (i, j, k) -> LPS point:  p = origin + D * diag(spacing) * (i, j, k).
/// `direction` is row-major; its column c is the unit direction of index axis c.
/// Plain value type; thread-safe to read.
struct ImageGeometry {
    std::array<int, 3> size{0, 0, 0};
    Vec3 spacing{1.0, 1.0, 1.0};
    Vec3 origin{0.0, 0.0, 0.0};
    std::array<double, 9> direction{1, 0, 0, 0, 1, 0, 0, 0, 1};

    std::size_t voxelCount() const
    {
        return std::size_t(size[0]) * std::size_t(size[1]) * std::size_t(size[2]);
    }
    /// Unit direction of index axis `axis` (0 = i, 1 = j, 2 = k) in LPS.
    Vec3 axisDirection(int axis) const;
    Vec3 indexToPhysical(const Vec3& index) const;
    /// Inverse of indexToPhysical (continuous index); direction must be invertible.
    Vec3 physicalToIndex(const Vec3& point) const;
    /// LPS centre of the voxel grid's bounding box of voxel centres.
    Vec3 center() const;
};

Vec3 cross(const Vec3& a, const Vec3& b);
double dot(const Vec3& a, const Vec3& b);
inline Vec3 add(const Vec3& a, const Vec3& b) { return {a[0] + b[0], a[1] + b[1], a[2] + b[2]}; }
inline Vec3 sub(const Vec3& a, const Vec3& b) { return {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }
inline Vec3 scale(const Vec3& a, double s) { return {a[0] * s, a[1] * s, a[2] * s}; }
double norm(const Vec3& a);

} // namespace radpath::viewer
