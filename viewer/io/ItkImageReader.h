#pragma once
// Volumes and 2-D images through ITK: NIfTI (.nii, .nii.gz), NRRD (.nrrd, .nhdr),
// MetaImage (.mha, .mhd), and PNG / JPEG / TIFF as single-slice images. A TIFF that is
// pyramidal or larger than 10,000 px on a side is a slide, not an image: confidence 0.

#include "viewer/io/VolumeReader.h"

namespace radpath::viewer {

class ItkImageReader final : public VolumeReader {
public:
    std::string name() const override { return "ITK image"; }
    double confidence(const std::string& path) const override;
    /// Voxels are read by ITK straight into the Volume's buffer. Geometry in LPS.
    Volume read(const std::string& path, const TaskControl& control) const override;

    /// Side length above which a TIFF opens as a slide.
    static constexpr int kSlideThreshold = 10000;
};

} // namespace radpath::viewer
