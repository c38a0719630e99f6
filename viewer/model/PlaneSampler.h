#pragma once
// A plane of pixels in patient space, and sampling of a Volume on it (any volume
// orientation, any plane orientation).

#include "viewer/model/Volume.h"

#include <array>
#include <limits>
#include <vector>

namespace radpath::viewer {

/// Pixel (x, y) has its centre at origin + (x * right + y * down) * pixelMm (LPS mm).
/// Plain value type.
struct PlaneGrid {
    Vec3 origin{0.0, 0.0, 0.0}; ///< LPS centre of pixel (0, 0)
    Vec3 right{1.0, 0.0, 0.0};  ///< unit LPS direction of +x
    Vec3 down{0.0, 1.0, 0.0};   ///< unit LPS direction of +y, orthogonal to right
    double pixelMm = 1.0;
    int width = 0;
    int height = 0;

    /// LPS centre of pixel (x, y); fractional pixels allowed.
    Vec3 pointAt(double x, double y) const;
    /// Pixel coordinates of `point` projected onto the plane.
    std::array<double, 2> pixelOf(const Vec3& point) const;
    /// right x down: the direction the viewer looks along.
    Vec3 normal() const;
    /// A grid whose centre (pixel ((width-1)/2, (height-1)/2)) lies at `centre`.
    static PlaneGrid centredOn(const Vec3& centre, const Vec3& right, const Vec3& down, double pixelMm, int width,
                               int height);
};

enum class Interpolation {
    Nearest, ///< the voxel whose box holds the point (labels)
    Linear   ///< trilinear between the eight nearest voxel centres (scalars)
};

/// Written for pixels whose centre lies outside the volume (a NaN); test with isOutside().
inline constexpr float kOutside = std::numeric_limits<float>::quiet_NaN();
inline bool isOutside(float value)
{
    return value != value;
}

/// Samples component 0 of `volume` at every pixel centre of `grid`, row-major, into `out`
/// (resized to width * height). A point is inside when its continuous index lies in the
/// voxels' boxes, [-0.5, n - 0.5] on every axis; Linear clamps to the border voxels within
/// the outer half voxel, so a single slice samples like a plane of its own thickness.
/// Cost: one index step per pixel, no matrix work; thread-safe (reads only).
void samplePlane(const Volume& volume, const PlaneGrid& grid, Interpolation mode, std::vector<float>& out);
std::vector<float> samplePlane(const Volume& volume, const PlaneGrid& grid, Interpolation mode);

} // namespace radpath::viewer
