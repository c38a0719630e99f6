#pragma once
// DICOM Segmentation objects (SEG) read back onto the voxel grid of the series they were
// drawn on, through DCMTK's dcmseg. Writing: DicomSegWriter.h.

#include "viewer/io/DicomSegWriter.h"

#include <string>
#include <vector>

namespace radpath::viewer {

struct DicomSegContent {
    /// On seriesGeometry(reference): UInt8 for up to 255 segments, else UInt16. Voxel value n
    /// is the n-th segment of the SEG's Segment Sequence; 0 is background.
    Volume labels;
    /// segments[n - 1] describes label value n (value = n): name, colour (CIELab -> sRGB),
    /// algorithm type, name and version, category and type codes.
    std::vector<SegmentDescription> segments;
    /// What the user should know: overlapping segments (the later segment wins), a fractional
    /// SEG thresholded at half its maximum, frames placed by position because their source
    /// images are not in the series.
    std::vector<std::string> warnings;
    std::string seriesInstanceUid;             ///< of the SEG
    std::string sopInstanceUid;                ///< of the SEG
    std::vector<std::string> referencedSeries; ///< ReferencedSeriesSequence's series UIDs
};

/// True when `path` is a DICOM file (with the "DICM" preamble) of the Segmentation Storage
/// SOP class.
bool isDicomSeg(const std::string& path);

/// The series UIDs a SEG's ReferencedSeriesSequence names (to pick the series it belongs
/// to among several), empty when it names none. Throws IoError when `path` is no SEG.
std::vector<std::string> dicomSegReferencedSeries(const std::string& path);

/// The image series of `path` (a folder, DICOMDIR or file) a segmentation is drawn on: the
/// one with `seriesUid` when given, else the one the SEG at `segPath` references (when
/// given), else the largest. Segmentations found there are no reference. Throws IoError
/// naming `path`: missing, no image series, no series with `seriesUid`.
DicomSeries segmentationReferenceSeries(const std::string& path, const std::string& seriesUid = {},
                                        const std::string& segPath = {});

/// Reads the SEG at `path` onto the grid of `reference`. Each frame goes to the slice its
/// Derivation Image's source SOP instance (and frame) names, else to the slice at its
/// ImagePositionPatient; either way its position must lie on that slice (within 1% of the
/// smallest spacing, at least 1e-3 mm).
/// Throws IoError naming `path`: not DICOM, not a SEG, damaged, another frame of reference
/// than the series', frames of another size, orientation or pixel spacing, or frames lying
/// on no slice of the series.
DicomSegContent readDicomSeg(const std::string& path, const DicomSeries& reference);

/// The label map layer of a read SEG: its labels, one table entry per segment (name,
/// colour), named `name`. Segments of a named algorithm (AUTOMATIC or SEMIAUTOMATIC) make
/// it a model's label map (ai: the first such segment's algorithm name and version),
/// edited when any of them is SEMIAUTOMATIC.
LabelMapLayer labelMapLayer(const DicomSegContent& content, const std::string& name);

} // namespace radpath::viewer
