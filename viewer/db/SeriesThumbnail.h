#pragma once
// Small preview images of series for the study browser: one slice, windowed for display,
// its physical aspect kept and letterboxed on black. Headless (QImage, no widgets).
// Thread-safety: every function may run on any thread, concurrently.

#include "viewer/io/TaskControl.h"
#include "viewer/model/Volume.h"

#include <QImage>

#include <string>

namespace radpath::viewer {

/// Edge of the square thumbnails the study database stores, in pixels.
constexpr int kThumbnailSize = 64;

/// Slice `k` of `volume` as a `size` x `size` image. Grey volumes give Format_Grayscale8,
/// windowed with the first window preset or else the slice's own range (padding voxels
/// excluded, and shown black); MONOCHROME1 (VolumeInfo::invertedGrey) is inverted.
/// Three components give Format_RGB32, 16-bit samples scaled by the slice's maximum.
/// A null image when the volume is empty or `k` lies outside it.
QImage renderThumbnail(const Volume& volume, int k, int size = kThumbnailSize);

/// Decodes the middle frame of the DICOM file `path` that belongs to series `seriesUid`
/// (any series when empty) and renders it. Throws IoError naming the file when it holds
/// no decodable image of that series, OperationCancelled when `control` asks to stop.
QImage dicomThumbnail(const std::string& path, const std::string& seriesUid, const TaskControl& control = {},
                      int size = kThumbnailSize);

} // namespace radpath::viewer
