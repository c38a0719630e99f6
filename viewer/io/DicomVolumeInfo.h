#pragma once
// What a DICOM series says about its display and geometry beyond the voxels: the VOI LUTs
// and VOI LUT function of its first file, and a gantry tilt's shear.

#include "viewer/io/DicomPixelDecoder.h"
#include "viewer/io/DicomSeriesReader.h"
#include "viewer/model/Volume.h"

#include <string>

class DcmDataset;

namespace radpath::viewer {

/// VOI LUTs and the VOI LUT function of `ds` (the series' first file) into `info`; a damaged
/// table only adds a warning.
void readVoi(DcmDataset& ds, const dicom::PixelFormat& format, const std::string& path, VolumeInfo& info);

/// Gantry tilt: slices advancing along a direction other than the normal. Records the
/// in-plane drift per slice (VolumeInfo::sliceShear) and a warning above half a degree.
void recordTilt(const DicomSeries& series, VolumeInfo& info);

} // namespace radpath::viewer
