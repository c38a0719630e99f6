#pragma once
// Resampling of volumes onto their own orthogonal grid.

#include "viewer/model/Volume.h"

namespace radpath::viewer {

/// Undoes a gantry tilt: returns a new Volume with the same geometry, size and pixel type
/// in which every voxel holds the value found at its own LPS position. Slice k of `volume`
/// really lies shifted in plane by k * info().sliceShear; each output slice samples its input
/// slice shifted back, with bilinear interpolation (rounded for integer types). Points that
/// fall outside the slice get the padding value, or the volume's minimum when there is none.
/// The result's sliceShear is zero and its tilt warning is replaced by a note. A volume
/// without shear is returned as it is (sharing its buffer). Thread-safe for distinct outputs.
Volume resampleTilted(const Volume& volume);

} // namespace radpath::viewer
