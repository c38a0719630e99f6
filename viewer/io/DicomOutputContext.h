#pragma once
// What every DICOM output of RadPath's findings shares (structured report, parametric map,
// secondary capture key image, encapsulated PDF): the reference series it derives from,
// whose patient and study it joins as a new series, and what the new series says about
// itself. Plain structs, so the app fills them; the writers are in DicomSrWriter.h,
// DicomParametricMapWriter.h, DicomSecondaryCaptureWriter.h and DicomEncapsulatedPdfWriter.h.

#include <string>
#include <vector>

namespace radpath::viewer {

struct DicomSeries;

/// A coded concept (DICOM Code Sequence Macro): value, scheme designator ("DCM", "SCT",
/// "UCUM", "LN"), meaning. Empty when `value` is empty.
struct DicomCode {
    std::string value;
    std::string scheme;
    std::string meaning;
    bool empty() const { return value.empty(); }
    bool operator==(const DicomCode& other) const { return value == other.value && scheme == other.scheme; }
};

/// One image of the reference series.
struct DicomImageRef {
    std::string sopClassUid;
    std::string sopInstanceUid;
    int frame = 0; ///< 1-based frame of a multi-frame image; 0 for a single-frame image
};

/// The reference series: the patient and study a new output joins (copied from the series'
/// first file, text decoded to UTF-8) and the images it derives from, in slice order (image
/// k is slice k of the Volume read from the series).
struct DicomReference {
    // Patient
    std::string patientName; ///< DICOM PN ('^' between components)
    std::string patientId;
    std::string issuerOfPatientId;
    std::string patientBirthDate;
    std::string patientSex;
    // General Study
    std::string studyInstanceUid;
    std::string studyDate;
    std::string studyTime;
    std::string studyId;
    std::string accessionNumber;
    std::string referringPhysicianName;
    std::string studyDescription;
    // The reference series itself
    std::string seriesInstanceUid;
    std::string modality;
    std::string frameOfReferenceUid; ///< empty when the series has none (no patient space)
    std::string bodyPartExamined;
    std::string laterality; ///< Laterality, else ImageLaterality of the first file ("R", "L", "B", "U"); may be empty
    std::vector<DicomImageRef> images;
};

/// The reference as `files` give it: identity from the first file, one image per file and
/// frame, in the order given. Reads headers only. Throws IoError naming the file that is
/// missing, not DICOM, or lacks a Study or SOP Instance UID.
DicomReference readDicomReference(const std::vector<std::string>& files);
/// The reference for a scanned series: identity from its first slice's file, its slices as
/// the images (the SOP class read from that file). Throws IoError as above.
DicomReference readDicomReference(const DicomSeries& series);

/// What a new output series says about itself. Empty UIDs are generated (DCMTK's generator).
struct DicomOutputSeries {
    std::string seriesDescription; ///< empty: the writer's own ("RadPath measurements", ...)
    int seriesNumber = 0;          ///< 0: the writer's own
    int instanceNumber = 1;
    std::string seriesInstanceUid;
    std::string sopInstanceUid;
    std::string operatorName;    ///< the user (PN, UTF-8): OperatorsName (key image, parametric map),
                                 ///< the SR's person observer, the map's ContentCreatorName
    std::string softwareVersion; ///< empty: RadPath's version
};

/// What a writer wrote.
struct DicomWrittenObject {
    std::string path;
    std::string sopClassUid;
    std::string sopInstanceUid;
    std::string seriesInstanceUid;
};

/// RadPath's version as built ("0.1.0"): the default SoftwareVersions of every output.
std::string radpathSoftwareVersion();

} // namespace radpath::viewer
