#pragma once
// Every element of a DICOM file as a tree (sequences nest their items), for the tag browser.

#include <string>
#include <vector>

namespace radpath {
namespace viewer {

struct DicomTagNode {
    std::string tag;        ///< "(0010,0010)"; "Item 1" for a sequence item
    std::string keyword;    ///< "PatientName"; empty for unknown private tags
    std::string vr;         ///< "PN"
    std::string value;      ///< UTF-8 text; binary values summarised, e.g. "(524288 bytes)"
    std::vector<DicomTagNode> children;
};

/// The file meta information and the dataset, in file order. Throws IoError naming the file.
std::vector<DicomTagNode> readDicomTags(const std::string& path);

} // namespace viewer
} // namespace radpath
