#pragma once
// Writes a Volume through ITK (NIfTI .nii/.nii.gz, NRRD, MetaImage), with its LPS geometry.

#include "viewer/model/Volume.h"

#include <string>

namespace radpath::viewer {

/// The format follows the extension. ITK sees the Volume's voxels without copying them.
/// Written to a temporary name in the same folder and renamed. Throws IoError.
void writeVolumeWithItk(const Volume& volume, const std::string& path);

} // namespace radpath::viewer
