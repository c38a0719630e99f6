#pragma once
// Decodes DICOM pixel data frame by frame into modality values (grey) or RGB samples.
// Internal to viewer/io: only .cpp files that already use DCMTK include it.

#include "viewer/io/DicomLut.h"

#include <memory>
#include <string>
#include <vector>

class DcmDataset;

namespace radpath::viewer::dicom {

/// What the pixel data holds, read from the dataset's attributes.
struct PixelFormat {
    int rows = 0;
    int columns = 0;
    int frames = 1;
    int samples = 1;              ///< 1 grey, 3 colour (after palette expansion too)
    int bitsAllocated = 16;
    int bitsStored = 16;
    bool isSigned = false;
    bool planar = false;          ///< PlanarConfiguration 1
    std::string photometric;      ///< as stored
    double slope = 1.0;           ///< grey only; RT dose includes DoseGridScaling
    double intercept = 0.0;
    bool hasPadding = false;
    double padding = 0.0;         ///< stored value of PixelPaddingValue
    std::string transferSyntax;   ///< UID
    /// PALETTE COLOR: stored indices (one sample) become RGB through it; samples is 3.
    std::shared_ptr<const Palette> palette;
    /// Modality LUT Sequence: maps stored values to modality values instead of slope/intercept.
    std::shared_ptr<const Lut> modalityLut;
    std::string modalityLutType;  ///< its ModalityLUTType, e.g. "HU", "OD", "US" (unspecified)

    bool isColour() const { return samples == 3; }
    int storedSamples() const { return palette ? 1 : samples; }
    /// Bits of each output colour sample: the palette's entries, else the stored samples.
    int colourBits() const { return palette ? palette->outputBits() : bitsAllocated; }
    /// The modality value of a stored grey value.
    double modalityValue(double stored) const
    {
        return modalityLut ? double((*modalityLut)(std::int64_t(stored))) : stored * slope + intercept;
    }
};

/// Registers DCMTK's decoders and sets its reading options, once per process: defined-length
/// UN elements of known tags are read with the dictionary's VR (RT dose files store
/// DoseGridScaling and geometry as UN).
void initialiseDcmtk();

/// Reads the attributes; throws IoError naming `path` when the image cannot be decoded
/// (no pixel data, unsupported bit depth or photometric interpretation).
PixelFormat readPixelFormat(DcmDataset& dataset, const std::string& path);

/// One frame: rows*columns*samples values, interleaved. Grey values are modality values
/// (Modality LUT, or slope and intercept, applied); colour values are RGB samples, palette
/// colour expanded to RGB at the palette's entry depth (8 or 16 bits). Throws IoError.
std::vector<double> decodeFrame(DcmDataset& dataset, const PixelFormat& format, int frame, const std::string& path);

/// Fast path for the common case: native (uncompressed) grey data of 8 or 16 bits, slope
/// 1 and an integral intercept, written straight into `out` as int16 or uint16 (clamped).
/// Returns false, touching nothing, when the case does not apply. Throws IoError.
bool decodeGreyFrameInto(DcmDataset& dataset, const PixelFormat& format, int frame, const std::string& path,
                         bool signedOutput, void* out);

} // namespace radpath::viewer::dicom
