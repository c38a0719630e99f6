#pragma once
// Label maps as DICOM Segmentation objects (SEG, binary, PS3.3 A.51) through DCMTK's
// dcmseg: one segment per label present, one frame per slice that holds the segment, each
// frame referencing the source image it was drawn on. DicomSegReader.h reads them back.

#include "viewer/io/DicomOutputContext.h"
#include "viewer/io/DicomSeriesReader.h"
#include "viewer/model/Layers.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace radpath::viewer {

/// A segment's category or type code: the coded concept every RadPath DICOM output uses.
using SegmentCode = DicomCode;

/// SegmentAlgorithmType: drawn by hand, an algorithm's result corrected by hand, or an
/// algorithm's result as it came.
enum class SegmentAlgorithm { Manual, Semiautomatic, Automatic };

/// What one label of a label map is, as a SEG segment says it.
struct SegmentDescription {
    int value = 0;             ///< the label's voxel value in the label map (> 0)
    std::string name;          ///< SegmentLabel (at most 64 characters are kept)
    Rgb colour{255, 0, 0};     ///< RecommendedDisplayCIELabValue, converted from sRGB
    /// MANUAL, SEMIAUTOMATIC or AUTOMATIC; the last two name their algorithm below.
    SegmentAlgorithm algorithmType = SegmentAlgorithm::Manual;
    std::string algorithmName; ///< SegmentAlgorithmName of a non-manual segment ("RadPath" when empty)
    /// AlgorithmVersion in a non-manual segment's SegmentationAlgorithmIdentificationSequence
    /// (family: DCM 123110 "Artificial Intelligence"); "unknown" when empty.
    std::string algorithmVersion;
    /// SegmentedPropertyCategory/TypeCodeSequence; empty: defaultSegmentCodes(name).
    SegmentCode category;
    SegmentCode type;
};

/// The category and type codes RadPath gives a segment named `name` when its description
/// has none. Words in the name (case-insensitive) pick them:
///   lesion, metastasis -> Morphologically Altered Structure (SCT 49755003) / Lesion (SCT 52988006)
///   tumour, tumor, neoplasm -> ... / Neoplasm (SCT 108369006); nodule -> Nodule (SCT 27925004);
///   mass -> Mass (SCT 4147007); cyst -> Cyst (SCT 441457006)
///   liver, lung, kidney, spleen, heart -> Anatomical Structure (SCT 91723000) / that organ
///   bone -> Tissue (SCT 85756007) / Bone (SCT 272673000); fat -> Tissue / Adipose tissue (SCT 55603005)
///   anything else -> Tissue (SCT 85756007) / Tissue (SCT 85756007)
/// Returns {category, type}.
std::pair<SegmentCode, SegmentCode> defaultSegmentCodes(const std::string& name);

/// One description per entry of a label map's table (name, colour), all MANUAL.
std::vector<SegmentDescription> segmentDescriptions(const std::vector<LabelEntry>& table);
/// The same for a layer: a model's label map (layer.ai.isAi()) gives AUTOMATIC segments, or
/// SEMIAUTOMATIC once edited by hand, named after the model (algorithm name and version).
std::vector<SegmentDescription> segmentDescriptions(const LabelMapLayer& layer);

/// The voxel grid DicomSeriesReader::readSeries() gives `series`: size (columns, rows,
/// slices), spacing, origin at the first slice, direction (row, column, normal).
ImageGeometry seriesGeometry(const DicomSeries& series);
/// How `labels` misses `grid` in words, or "" when they are the same grid: equal size and
/// every corner voxel centre within 1e-3 mm.
std::string gridMismatch(const ImageGeometry& labels, const ImageGeometry& grid);

/// sRGB <-> DICOM CIELab (PS3.3 C.10.7.1.1: L 0..100 -> 0..65535, a and b -128..127 ->
/// 0..65535), through CIE XYZ with the D65 white point, the conversion of dcmqi (3D Slicer)
/// and dcmjs (OHIF).
std::array<unsigned short, 3> rgbToDicomLab(const Rgb& rgb);
Rgb dicomLabToRgb(const std::array<unsigned short, 3>& lab);

struct DicomSegOptions {
    std::string seriesDescription = "Segmentation";
    int seriesNumber = 300;
    std::string contentLabel = "SEGMENTATION"; ///< ContentLabel: a DICOM CS (A-Z, 0-9, space, _), <= 16 chars
    std::string contentDescription;
    std::string contentCreator;               ///< ContentCreatorName (PN), may be empty
    std::string softwareVersions = "RadPath"; ///< SoftwareVersions of the equipment
};

struct DicomSegWriteResult {
    std::string sopInstanceUid;
    std::string seriesInstanceUid;
    /// segmentValues[n - 1]: the label value that became segment n.
    std::vector<int> segmentValues;
    /// Label values with a description but no voxel: not written (a SEG has no empty segments).
    std::vector<int> emptyValues;
    int frames = 0;
};

/// Writes `labels` (one component of integers, on seriesGeometry(reference) within 1e-3 mm)
/// as a binary DICOM SEG at `path`, in the patient, study and frame of reference of
/// `reference` (read from its first file), as a new series. Every non-zero value present
/// becomes a segment, in ascending order, described by the entry of `segments` with that
/// value ("Segment N", defaultLabelColour(N) when there is none). Only slices holding a
/// segment get a frame; each frame names its slice's SOP instance (Derivation Image and
/// ReferencedSeriesSequence). Written to a temporary name and renamed.
/// Throws IoError naming `path` (or the reference file) when the labels are not on the
/// series' grid, hold no label, have too many labels (65535), or the file cannot be written.
DicomSegWriteResult writeDicomSeg(const Volume& labels, const std::vector<SegmentDescription>& segments,
                                  const DicomSeries& reference, const std::string& path,
                                  const DicomSegOptions& options = {});

} // namespace radpath::viewer
