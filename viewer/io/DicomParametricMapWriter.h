#pragma once
// A float volume on a reference series' grid (a saliency map or a probability map from the
// AI engine) as a DICOM Parametric Map (PS3.3 A.75) through DCMTK's dcmpmap: 32-bit float
// pixel data, one frame per slice, in the reference study and frame of reference as a new
// series.
//
// Functional groups: Pixel Measures, Plane Orientation (Patient) and Frame Anatomy, Real
// World Value Mapping (identity: slope 1, intercept 0, first/last value = the data's range,
// MeasurementUnitsCode = the quantity's unit, Quantity Definition (246205007, SCT,
// "Quantity") = the quantity's code) and Parametric Map Frame Type shared; per frame Plane
// Position (Patient), Frame Content (dimension index = slice number) and, when the map has
// one slice per reference image, Derivation Image naming that image with purpose
// (121322, DCM, "Source image for image processing operation"). The reference series is
// listed in the Common Instance Reference module.
//
// Enhanced General Equipment: Manufacturer and model "RadPath", DeviceSerialNumber "none"
// (software has none; the attribute is Type 1), SoftwareVersions from the series.
//
// Units are what the values are, no more: a probability is dimensionless
// ({probability}, UCUM); a Grad-CAM saliency is a normalised score without a physical unit
// ([arb'U], UCUM, "arbitrary unit").

#include "viewer/io/DicomOutputContext.h"

#include <string>

namespace radpath::viewer {

class Volume;

/// What the values of a parametric map are.
struct ParametricMapQuantity {
    DicomCode quantity;       ///< e.g. (130403, DCM, "Gradient-weighted class activation")
    DicomCode unit;           ///< UCUM, e.g. ({probability}, UCUM, "probability")
    DicomCode derivation;     ///< DerivationCodeSequence (baseline CID 7203)
    std::string lutLabel;     ///< LUTLabel (SH, at most 16 characters)
    std::string contentLabel; ///< ContentLabel (CS: A-Z, 0-9, _, space; at most 16)
    std::string derivationDescription;
};

/// Grad-CAM saliency: quantity and derivation (130403, DCM, "Gradient-weighted class
/// activation"), unit [arb'U]; series "RadPath saliency (Grad-CAM)".
ParametricMapQuantity gradCamSaliencyQuantity();
/// A class probability (0..1): quantity (122157, DCM, "Probability"), unit {probability},
/// derivation (113076, DCM, "Segmentation"); `of` names the class in the description.
ParametricMapQuantity probabilityQuantity(const std::string& of = {});

struct ParametricMapOptions {
    ParametricMapQuantity quantity = gradCamSaliencyQuantity();
    /// FrameAnatomy's AnatomicRegionSequence; default (85756007, SCT, "Tissue").
    DicomCode anatomicRegion{"85756007", "SCT", "Tissue"};
    std::string contentDescription; ///< e.g. the model and class the map explains
    std::string contentCreatorName; ///< PN; empty: the series' operator
};

/// Writes component 0 of `map` (any pixel type, converted to float) at `path` as a
/// Parametric Map in `reference`'s study and frame of reference (default description
/// "RadPath saliency (Grad-CAM)" or "RadPath probability map", number 902). The map's
/// geometry is written as it is: its grid should be the reference's. Derivation image
/// references are written when the map has exactly one slice per reference image.
/// Throws IoError naming `path` when the map is empty, larger than 65535 rows or columns,
/// not finite, DCMTK rejects the object, or the file cannot be written.
DicomWrittenObject writeDicomParametricMap(const Volume& map, const DicomReference& reference, const std::string& path,
                                           const ParametricMapOptions& options = {},
                                           const DicomOutputSeries& series = {});

} // namespace radpath::viewer
