#pragma once
// Writes a 2-D radiograph as Digital X-Ray Image Storage - For Presentation (DCMTK).

#include "viewer/demo/DxPhantom.h"
#include "viewer/io/DicomSeriesWriter.h"

#include <string>

namespace radpath::viewer {

struct DxWindow {
    double center = 2048;
    double width = 4096;
};

/// 12 bits stored in 16, MONOCHROME2, with a VOI LUT window; written through a temporary
/// file and renamed. `meta` supplies patient and study; series UIDs are generated if empty.
DicomSeriesMeta writeDxImage(const ChestImage& image, double pixelSpacingMm, const DxWindow& window,
                             const std::string& path, DicomSeriesMeta meta);

} // namespace radpath::viewer
