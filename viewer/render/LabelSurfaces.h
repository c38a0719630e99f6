#pragma once
// Smoothed triangle surfaces of the labels in a label map, in LPS patient space.

#include "viewer/model/Volume.h"

#include <vtkSmartPointer.h>

#include <atomic>
#include <vector>

class vtkPolyData;

namespace radpath::viewer {

struct LabelSurface {
    int value = 0;
    /// Closed surface with point normals, LPS mm; no points when the label is absent.
    vtkSmartPointer<vtkPolyData> surface;
};

/// One surface per entry of `values` (same order): the boundary between the label's voxels
/// and the rest (discrete flying edges on a padded mask of the label's bounding box), smoothed
/// with a windowed sinc filter, placed by the labels' own geometry (direction included).
/// Labels are built in parallel on private threads; when `cancel` turns true the remaining
/// labels are skipped (their surface stays null). Thread-safe; meant for a worker thread.
std::vector<LabelSurface> buildLabelSurfaces(const Volume& labels, const std::vector<int>& values,
                                             const std::atomic<bool>* cancel = nullptr);

} // namespace radpath::viewer
