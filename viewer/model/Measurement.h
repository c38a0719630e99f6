#pragma once
// Measurements drawn on a plane through a Volume: lengths, angles and regions of interest, with
// their points in LPS millimetres so that they stay put whatever the view does. Regions
// give statistics of the voxels whose centres lie inside them.

#include "viewer/model/ImageGeometry.h"

#include <cstddef>
#include <string>
#include <vector>

namespace radpath::viewer {

class Volume;

enum class MeasurementKind { Length, Angle, Rectangle, Ellipse, Polygon };

/// "length", "angle", "rectangle", "ellipse", "polygon" (the JSON and CSV names).
const char* toString(MeasurementKind kind);

/// Plain value type. `points`, all on one plane (a slice, or any MPR plane), by kind:
/// - Length: the two ends.
/// - Angle: end of the first arm, the vertex, end of the second arm.
/// - Rectangle: the four corners in order.
/// - Ellipse: the centre, the end of the first semi-axis, the end of the second
///   (perpendicular to the first).
/// - Polygon: three or more corners in order; the last joins the first.
struct Measurement {
    MeasurementKind kind = MeasurementKind::Length;
    int slice = 0; ///< the volume's own slice (index k) it was drawn at, or nearest to
    std::vector<Vec3> points;

    bool isRegion() const;
    /// Length: the distance between the ends; other kinds: 0.
    double lengthMm() const;
    /// Angle: the angle at the vertex, 0..180 degrees; other kinds: 0.
    double angleDegrees() const;
    /// Regions: the enclosed area; other kinds: 0.
    double areaMm2() const;
    /// Regions: whether `p` (on the slice plane) lies inside.
    bool contains(const Vec3& p) const;
    /// The same measurement moved by `delta` mm.
    Measurement translated(const Vec3& delta) const;
    /// Whether the points make a measurement at all (not a click without a drag).
    bool isValid() const;
};

/// Over the voxels whose centres lie inside a region drawn on a plane of voxel centres (any
/// of the volume's three slice directions); on an oblique plane, over the nearest voxels of
/// points one smallest spacing apart on the plane inside it. Padding voxels are left out.
/// Multi-component voxels count as the mean of their components. `sd` is the sample
/// standard deviation (n - 1). `voxels` 0: nothing inside, the rest is 0.
struct RegionStatistics {
    std::size_t voxels = 0;
    double mean = 0;
    double sd = 0;
    double min = 0;
    double max = 0;
};

RegionStatistics regionStatistics(const Volume& volume, const Measurement& region);

/// Each measurement moved by its slice index times `perSlice` (mm): where the anatomy of a
/// gantry-tilted series really is (+VolumeInfo::sliceShear), or back (-sliceShear).
std::vector<Measurement> movedWithSlices(std::vector<Measurement> measurements, const Vec3& perSlice);

/// {"version": 1, "measurements": [{"kind": "length", "slice": 3, "points": [[x,y,z], ...]}]}
std::string measurementsToJson(const std::vector<Measurement>& measurements);
/// Throws std::runtime_error naming the problem when `json` is not such a document.
std::vector<Measurement> measurementsFromJson(const std::string& json);

} // namespace radpath::viewer
