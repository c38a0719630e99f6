#pragma once
// One training image from a file, as the engine takes it: float channel planes in the file's
// own units (8-bit files 0..255, 16-bit files 0..65535, DICOM in modality units), channels
// matched to the model and spatial size resized to its input. The intensity transform is
// left to the engine, which applies the manifest's.
//
// Files: PNG, JPEG, BMP through Qt (16-bit PNG stays 16-bit); TIFF, NIfTI, NRRD, MetaImage
// through ITK; DICOM single images through DCMTK (one file, never its whole series).
// Thread-safe: every function may run on several threads at once.

#include "radpath/ai/Inference.h"

#include <QImage>
#include <QString>

#include <vector>

namespace radpath::app {

/// A file's pixels before resizing.
struct RawTrainingImage {
    ai::ImageBuffer image; ///< 1 or 3 channels (alpha dropped), dims 2 for one plane
    int bitsStored = 0;    ///< 8 or 16 for unsigned 8- or 16-bit files; 0 for anything else
    double minimum = 0.0;  ///< of all values
    double maximum = 0.0;
    bool colour = false; ///< 3 channels that are not all equal
};

/// Reads `path`; throws viewer::IoError naming the file when it cannot be decoded.
RawTrainingImage readTrainingImage(const QString& path);

/// Converts to `channels`: colour to grey by ITU-R 601 luma (0.299 R + 0.587 G + 0.114 B, as
/// PIL's convert("L") and torchvision's Grayscale), grey to colour by repeating the plane.
/// Throws std::invalid_argument for other combinations.
void matchChannels(ai::ImageBuffer& image, int channels);

/// Resizes the spatial axes to `size` in tensor order ([h, w], or [d, h, w] for a volume),
/// linear with antialiasing when shrinking: the triangle filter of PIL's BILINEAR and of
/// torch's interpolate(antialias=True), which the engine uses at inference, so training and
/// inference see the same pixels. Geometry follows: spacing scaled, origin kept at the corner.
ai::ImageBuffer resizeImage(const ai::ImageBuffer& image, const std::vector<int>& size);

/// A small picture of the file for the wizard, at most `maxSide` pixels a side (grey or RGB,
/// 8-bit; a volume shows its middle slice; contrast stretched unless the file is 8-bit).
/// A null QImage when the file cannot be read.
QImage trainingThumbnail(const QString& path, int maxSide = 96);

} // namespace radpath::app
