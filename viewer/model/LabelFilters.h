#pragma once
// The ITK filters behind LabelEditor, on plain masks (one byte a voxel, i fastest). ITK
// headers stay in LabelFilters.cpp. Private to the viewer module.

#include "viewer/model/LabelEditor.h"

#include <cstdint>
#include <vector>

namespace radpath::viewer::detail {

using Mask = std::vector<std::uint8_t>;

/// Voxels 6-connected to `seed` with image values in [lower, upper] (ConnectedThreshold).
Mask connectedThreshold(const Volume& image, const VoxelIndex& seed, double lower, double upper);
/// ConfidenceConnected from `seed`.
Mask confidenceConnected(const Volume& image, const VoxelIndex& seed, double multiplier, int iterations, int radius);
/// Binary median or closing of `mask` (grid `size`) with a box of `radius` voxels.
Mask smoothMask(const Mask& mask, const std::array<int, 3>& size, Smoothing method, int radius);
/// Signed distance (mm, negative inside) to the boundary of a 2-D mask of width x height
/// with pixel spacing (sx, sy) (SignedMaurerDistanceMap, squared distances off).
std::vector<float> signedDistance2D(const Mask& mask, int width, int height, double sx, double sy);

} // namespace radpath::viewer::detail
