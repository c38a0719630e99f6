#pragma once
// DICOMDIR (a DICOM file-set's index, as on CDs and USB sticks from PACS and modalities).

#include <string>
#include <vector>

namespace radpath {
namespace viewer {

/// True when `path` is named DICOMDIR (any case).
bool isDicomDir(const std::string& path);

/// The image files a DICOMDIR references, resolved against its folder, in record order.
/// Throws IoError naming the file when it cannot be read.
std::vector<std::string> filesInDicomDir(const std::string& path);

} // namespace viewer
} // namespace radpath
