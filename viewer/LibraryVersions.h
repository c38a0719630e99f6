#pragma once

#include <string>
#include <utility>
#include <vector>

namespace radpath::viewer {

/// (library, version) of VTK, ITK and DCMTK as linked into the viewer module.
std::vector<std::pair<std::string, std::string>> libraryVersions();

} // namespace radpath::viewer
