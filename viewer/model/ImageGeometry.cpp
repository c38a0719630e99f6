#include "viewer/model/ImageGeometry.h"

#include <cmath>
#include <stdexcept>

namespace radpath::viewer {

Vec3 cross(const Vec3& a, const Vec3& b)
{
    return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

double dot(const Vec3& a, const Vec3& b)
{
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

Vec3 ImageGeometry::axisDirection(int axis) const
{
    return {direction[0 * 3 + axis], direction[1 * 3 + axis], direction[2 * 3 + axis]};
}

Vec3 ImageGeometry::indexToPhysical(const Vec3& index) const
{
    Vec3 p = origin;
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            p[r] += direction[r * 3 + c] * spacing[c] * index[c];
    return p;
}

Vec3 ImageGeometry::physicalToIndex(const Vec3& point) const
{
    // Solve D * s = (p - origin) by Cramer's rule, then divide by spacing.
    const auto& m = direction;
    const double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) +
                       m[2] * (m[3] * m[7] - m[4] * m[6]);
    if (std::abs(det) < 1e-12)
        throw std::domain_error("image direction matrix is singular");
    const Vec3 d{point[0] - origin[0], point[1] - origin[1], point[2] - origin[2]};
    const std::array<double, 9> inv{
        (m[4] * m[8] - m[5] * m[7]) / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
        (m[5] * m[6] - m[3] * m[8]) / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
        (m[3] * m[7] - m[4] * m[6]) / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det};
    Vec3 index{};
    for (int r = 0; r < 3; ++r)
        index[r] = (inv[r * 3 + 0] * d[0] + inv[r * 3 + 1] * d[1] + inv[r * 3 + 2] * d[2]) / spacing[r];
    return index;
}

Vec3 ImageGeometry::center() const
{
    return indexToPhysical({(size[0] - 1) / 2.0, (size[1] - 1) / 2.0, (size[2] - 1) / 2.0});
}

double norm(const Vec3& a)
{
    return std::sqrt(dot(a, a));
}

} // namespace radpath::viewer
