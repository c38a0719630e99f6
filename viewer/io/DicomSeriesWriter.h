#pragma once
// Writes a Volume as a DICOM series (one file per slice) through DCMTK.

#include "viewer/io/TaskControl.h"
#include "viewer/model/Volume.h"

#include <string>

namespace radpath::viewer {

struct DicomSeriesMeta {
    std::string patientName = "RADPATH^DEMO";
    std::string patientId = "RP-DEMO-0001";
    std::string studyDescription;
    std::string seriesDescription;
    std::string studyInstanceUid;      ///< generated when empty
    std::string seriesInstanceUid;     ///< generated when empty
    std::string frameOfReferenceUid;   ///< generated when empty
    std::string studyDate = "20260101";
    int seriesNumber = 1;
    /// BodyPartExamined: an unpaired part, so Laterality is left out (the phantoms are abdomens).
    std::string bodyPartExamined = "ABDOMEN";
};

/// A new, globally unique DICOM UID under DCMTK's site root.
std::string newDicomUid();

/// Writes `huVolume` (int16, Hounsfield units) as CT Image Storage files
/// `dir/CT000001.dcm`, ... in explicit VR little endian, stored as unsigned values with
/// RescaleIntercept -1024. Each file is written to a temporary name and renamed, so a
/// failed run leaves no half-written slice. Returns the series' UIDs actually used.
DicomSeriesMeta writeCtSeries(const Volume& huVolume, const std::string& dir, DicomSeriesMeta meta,
                              const TaskControl& control = {});

} // namespace radpath::viewer
