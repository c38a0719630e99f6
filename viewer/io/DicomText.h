#pragma once
// DICOM text in any SpecificCharacterSet to UTF-8, ISO 2022 code extensions included
// (Japanese, Korean, Chinese). DCMTK's conversion goes through glibc's iconv, which lacks
// ISO 2022 IR 87 here; Qt's ICU codecs decode every set DICOM names.

#include <string>

namespace radpath::viewer {

/// `raw`: the value's bytes as stored. `specificCharacterSet`: (0008,0005) as stored,
/// values separated by '\'. `personName`: PN values switch back to the default set at
/// '^' and '=' as well. Unknown character sets decode as Latin-1, never fail.
std::string decodeDicomText(const std::string& raw, const std::string& specificCharacterSet, bool personName);

/// Patient's name, study and series descriptions of one file, decoded. Throws IoError.
struct DicomText {
    std::string specificCharacterSet;
    std::string patientName;
    std::string studyDescription;
    std::string seriesDescription;
};
DicomText readDicomText(const std::string& path);

} // namespace radpath::viewer
