#pragma once
// Writes a Volume through ITK (NIfTI .nii/.nii.gz, NRRD, MetaImage), with its LPS geometry.

#include "viewer/model/Volume.h"

#include <string>

namespace radpath::viewer {

/// The format follows the extension. ITK sees the Volume's voxels without copying them.
/// Written to a temporary name in the same folder and renamed. Throws IoError.
void writeVolumeWithItk(const Volume& volume, const std::string& path);

/// `count` float volumes on `geometry`, stored one after the other ([count][k][j][i]), as one
/// 4-D image whose last axis is the channel (NIfTI dim[4]; spacing 1 along it). Written as
/// writeVolumeWithItk writes. Throws IoError.
void writeChannelsWithItk(const float* channels, int count, const ImageGeometry& geometry, const std::string& path);

} // namespace radpath::viewer
