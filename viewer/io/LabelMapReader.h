#pragma once
// Label maps and scalar overlays from NIfTI / NRRD / MetaImage files (read with
// ItkImageReader), with the label names and colours of the sidecars mricron's atlases use.

#include "viewer/model/Layers.h"

#include <optional>
#include <string>
#include <vector>

namespace radpath::viewer {

/// How `a` differs from `b` in words ("181×217×181 voxels of 1 mm does not match the
/// image's 301×370×316 voxels of 0.5 mm"), or "" when they match: equal size, spacing
/// within 0.1%, origins within 1% of the smallest spacing (at least 0.001 mm), direction
/// cosines within 1e-4.
std::string geometryMismatch(const ImageGeometry& a, const ImageGeometry& b);
/// `labels` on `grid`: each voxel takes the label of the voxel of `labels` holding its
/// centre, 0 outside. Same pixel type.
Volume resampleLabels(const Volume& labels, const ImageGeometry& grid);

/// Label names of a "value name [extra]" text file, one label a line (mricron's NAME.nii.txt;
/// tabs or spaces, CR LF or LF). A trailing integer after the name is mricron's extra code
/// and not part of the name. Lines that do not start with an integer are skipped.
/// Throws IoError when the file cannot be read.
std::vector<LabelEntry> readLabelNames(const std::string& path);

/// Colours of a 768-byte lookup table (mricron's NAME.nii.lut, the ImageJ raw LUT layout):
/// 256 red bytes, then 256 green, then 256 blue; entry n colours value n.
/// Throws IoError when the file cannot be read or is not 768 bytes.
std::vector<Rgb> readLabelLut(const std::string& path);

/// Sidecars of `imagePath`: for "dir/aal.nii.gz" the first of "dir/aal.nii.txt" and
/// "dir/aal.txt" (and likewise .lut) that exists; nullopt when none does.
std::optional<std::string> labelSidecar(const std::string& imagePath, const std::string& extension);

/// Reads a label map: one component of integers (floating-point files are accepted when
/// every voxel is a whole number, and become Int32). Its table has an entry for every
/// non-zero value present, named from the .txt sidecar (else "Label N") and coloured
/// from the .lut sidecar (else defaultLabelColour). The layer is named after the file.
/// Throws IoError naming the file: unreadable, not integer-valued, several components.
LabelMapLayer loadLabelMap(const std::string& path);
/// As above, on `reference`'s voxel grid: a label map of another grid in the same patient
/// space (an atlas over a finer image, say) is resampled onto it, nearest label per voxel;
/// one that does not overlap the image at all is refused (IoError naming the file).
LabelMapLayer loadLabelMap(const std::string& path, const Volume& reference);

/// Reads a scalar overlay of any geometry with makeScalarOverlay()'s window and threshold.
/// Throws IoError naming the file.
ScalarOverlayLayer loadScalarOverlay(const std::string& path);

} // namespace radpath::viewer
