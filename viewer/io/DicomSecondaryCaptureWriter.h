#pragma once
// A key image (a view's snapshot with its overlays already drawn) as a DICOM Secondary
// Capture Image (SOP class 1.2.840.10008.5.1.4.1.1.7; single frame, RGB, 8 bits per
// sample, uncompressed) in the reference study as a new series (Modality OT), with
// ConversionType WSD (workstation). The plain SC class is used rather than Multi-frame True
// Color SC: it needs no multi-frame or pixel spacing modules for a single picture, and
// dciodvfy accepts it without warnings.

#include "viewer/io/DicomOutputContext.h"

#include <string>
#include <vector>

class QImage;

namespace radpath::viewer {

struct SecondaryCaptureOptions {
    /// BurnedInAnnotation: YES when the overlays carry text (labels, measurement values,
    /// patient data), NO for a picture without text.
    bool burnedInText = true;
    /// Indices into DicomReference::images of the images the snapshot shows
    /// (SourceImageSequence); may be empty.
    std::vector<int> sourceImageIndices;
    std::string derivationDescription; ///< e.g. "Axial slice 42, W 400 L 40, with measurements"
    std::string imageComments;
};

/// Writes `image` (any QImage format; alpha is composited over black) at `path` as a
/// Secondary Capture Image in `reference`'s study (default description "RadPath key
/// images", number 903). Pixels are stored exactly as the image's RGB values.
/// Throws IoError naming `path` when the image is null or larger than 65535 pixels a side,
/// a source index is out of range, or the file cannot be written (temporary name + rename).
DicomWrittenObject writeDicomSecondaryCapture(const QImage& image, const DicomReference& reference,
                                              const std::string& path, const SecondaryCaptureOptions& options = {},
                                              const DicomOutputSeries& series = {});

} // namespace radpath::viewer
