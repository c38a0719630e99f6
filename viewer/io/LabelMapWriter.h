#pragma once
// Label maps written as files that loadLabelMap() (LabelMapReader.h) reads back with their
// names and colours: the voxels through ITK, names and colours in mricron's sidecars.

#include "viewer/model/Layers.h"

#include <string>
#include <vector>

namespace radpath::viewer {

/// Writes `labels` with writeVolumeWithItk (the format follows the extension: .nii, .nii.gz,
/// .nrrd, .mha), then beside it LABELS.nii.txt ("value name 0" a line: mricron's extra
/// code 0 keeps a name ending in a number whole) and, when every value of `table` is below
/// 256, the 768-byte LABELS.nii.lut (else an old LABELS.nii.lut is removed, lest its
/// colours be read as this map's). Entries without a name are "Segment N". Every file is
/// written to a temporary name and renamed. Throws IoError naming the file.
void writeLabelMap(const Volume& labels, const std::vector<LabelEntry>& table, const std::string& path);

} // namespace radpath::viewer
