#pragma once
// Measurements and segmentation statistics as a DICOM Enhanced SR document following
// TID 1500 "Measurement Report" (through DCMTK's dcmsr/cmr TID1500_MeasurementReport), in
// the reference study as a new series (Modality SR).
//
// Document: title (126000, DCM, "Imaging Measurement Report"), language English,
// observer context (TID 1001): a person observer (the user, when named) and a device
// observer (RadPath, with a fixed Device Observer UID), procedure reported
// (363679005, SCT, "Imaging procedure"), an image library (TID 1600) listing the reference
// images the measurements were drawn on (the whole reference series when none is named).
//
// One measurement group per entry:
// - SrMeasurementEntry -> TID 1501 "Measurement Group": tracking identifier and UID,
//   finding (121071, DCM, "Finding") = the entry's finding code, and one TID 300
//   measurement per value, each with its source image (121112, DCM, "Source of
//   Measurement") and, when the entry has image coordinates, a SCOORD on that image
//   (POLYLINE, closed for regions, or ELLIPSE) named (121055, DCM, "Path") for lengths and
//   angles or (111030, DCM, "Image Region") for regions.
// - SrLabelStatisticsEntry with a SEG -> TID 1411 "Volumetric ROI Measurements": tracking
//   identifier and UID, finding, referenced segment (the SEG's SOP instance and segment
//   number), source series for segmentation (the reference series), the values.
//   Without a SEG -> TID 1501 with the same values and no image reference.
//
// Concept names and units (CID 7469 / CID 7181; UCUM units):
//   Length               (410668003, SCT, "Length")              mm        "millimeter"
//   Angle                (1483009, SCT, "Angle")                 deg       "degree"
//   Area                 (42798000, SCT, "Area")                 mm2       "square millimeter"
//   Volume               (118565006, SCT, "Volume")              mL        "milliliter"
//   Mean                 (373098007, SCT, "Mean")                [hnsf'U]  "Hounsfield unit" (intensityUnit)
//   Standard Deviation   (386136009, SCT, "Standard Deviation")  [hnsf'U]
//   Minimum              (255605001, SCT, "Minimum")             [hnsf'U]
//   Maximum              (56851009, SCT, "Maximum")              [hnsf'U]
// Findings: (49755003, SCT, "Morphologically abnormal structure") by default;
// (52988006, SCT, "Lesion") for lesions.

#include "viewer/io/DicomOutputContext.h"
#include "viewer/model/Measurement.h"

#include <array>
#include <string>
#include <vector>

namespace radpath::viewer {

class Volume;

namespace srcodes {
DicomCode length();
DicomCode angle();
DicomCode area();
DicomCode volume();
DicomCode mean();
DicomCode standardDeviation();
DicomCode minimum();
DicomCode maximum();
DicomCode millimetre();       ///< (mm, UCUM, "millimeter")
DicomCode degree();           ///< (deg, UCUM, "degree")
DicomCode squareMillimetre(); ///< (mm2, UCUM, "square millimeter")
DicomCode millilitre();       ///< (mL, UCUM, "milliliter")
DicomCode hounsfieldUnit();   ///< ([hnsf'U], UCUM, "Hounsfield unit")
DicomCode arbitraryUnit();    ///< ([arb'U], UCUM, "arbitrary unit"): intensities without a physical unit
DicomCode morphologicallyAbnormalStructure();
DicomCode lesion();
} // namespace srcodes

/// One numeric measurement: concept name, value, UCUM unit.
struct SrNumericValue {
    DicomCode concept;
    double value = 0.0;
    DicomCode unit;
};

/// Where on an image a measurement was drawn: DICOM image coordinates (column, row; (0, 0)
/// is the top left corner of the top left pixel, so pixel centres sit at .5).
enum class SrGraphicType { None, Polyline, ClosedPolyline, Ellipse };

/// A length, angle or region drawn on the reference images.
struct SrMeasurementEntry {
    std::string trackingId;  ///< human-readable, unique in the report ("Length 1")
    std::string trackingUid; ///< generated when empty
    DicomCode finding = srcodes::morphologicallyAbnormalStructure();
    std::vector<SrNumericValue> values; ///< at least one
    int imageIndex = -1;                ///< into DicomReference::images: the image drawn on; -1: none
    SrGraphicType graphicType = SrGraphicType::None;
    /// (column, row) pairs on that image. Polyline: the points; ClosedPolyline: the corners
    /// (the writer closes it); Ellipse: the major axis' two ends, then the minor axis' two.
    std::vector<std::array<double, 2>> graphicData;
};

/// The statistics of one label of a segmentation.
struct SrLabelStatisticsEntry {
    std::string trackingId;  ///< e.g. the label's name
    std::string trackingUid; ///< generated when empty
    DicomCode finding = srcodes::lesion();
    std::vector<SrNumericValue> values; ///< at least one (volume, mean, SD, min, max)
    /// The DICOM SEG holding the label; empty sopInstanceUid: none written.
    std::string segSopInstanceUid;
    std::string segSeriesInstanceUid; ///< required with a SEG (for the evidence list)
    int segmentNumber = 0;            ///< >= 1 with a SEG
};

struct SrReport {
    std::vector<SrMeasurementEntry> measurements;
    std::vector<SrLabelStatisticsEntry> labelStatistics;
};

/// An entry for `measurement` drawn on `volume` (read from `reference`, slice k = image k):
/// Length -> Length; Angle -> Angle; regions -> Area and, with `withStatistics`, Mean,
/// Standard Deviation, Minimum, Maximum of regionStatistics() in `intensityUnit`. Image
/// coordinates are filled when all points lie on one of the volume's k slices (within 0.01
/// voxel); otherwise only the nearest slice (measurement.slice) is named as source.
SrMeasurementEntry srEntryFor(const Measurement& measurement, const Volume& volume, const DicomReference& reference,
                              const std::string& trackingId, bool withStatistics = true,
                              const DicomCode& intensityUnit = srcodes::hounsfieldUnit());

/// Statistics of one label: Volume (mL) and, when `voxels` > 0 and given, Mean, Standard
/// Deviation, Minimum and Maximum in `intensityUnit`.
SrLabelStatisticsEntry srLabelEntry(const std::string& trackingId, double volumeMl, double mean, double sd, double min,
                                    double max, const DicomCode& intensityUnit = srcodes::hounsfieldUnit());

/// Writes `report` as an Enhanced SR (TID 1500) at `path` in `reference`'s study (default
/// series description "RadPath measurements", number 901). Every image and SEG the document
/// names is listed in its Current Requested Procedure Evidence. Throws IoError naming `path`
/// when the report is empty, an entry has no value or an image index out of range, DCMTK
/// rejects the content, or the file cannot be written (temporary name + rename).
DicomWrittenObject writeDicomSr(const SrReport& report, const DicomReference& reference, const std::string& path,
                                const DicomOutputSeries& series = {});

} // namespace radpath::viewer
