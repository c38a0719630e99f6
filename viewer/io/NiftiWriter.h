#pragma once
// Uncompressed NIfTI-1 (.nii) written directly: header, then the Volume's buffer in one
// write. Geometry goes into both qform and sform (RAS, as NIfTI defines it).

#include "viewer/model/Volume.h"

#include <string>

namespace radpath::viewer {

/// Writes `volume` (one component) to `path` through a temporary file and a rename.
/// Throws IoError.
void writeNifti(const Volume& volume, const std::string& path);

} // namespace radpath::viewer
