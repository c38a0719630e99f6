#pragma once
// Decoding a scanned dataset (TrainingDataset.h) into the engine's inputs, in parallel, with
// progress and cancellation, through a cache so that a second run on the same files (or the
// evaluation after training) decodes nothing again.

#include "app/core/TrainingDataset.h"
#include "radpath/ai/Evaluation.h"
#include "radpath/ai/Task.h"
#include "radpath/ai/Training.h"

#include <QtGlobal>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace radpath::app {

struct DecodeOptions {
    /// Classification: the model's input size in tensor order ([h, w] or [d, h, w]); every
    /// image is resized to it. Empty: images keep their own size (segmentation).
    std::vector<int> size;
    /// Segmentation: the patch size in tensor order; smaller images are refused. Its length
    /// (or that of `size`) is the model's dimensionality; both empty: any.
    std::vector<int> minimumSize;
    int channels = 1; ///< the model's input channels, 1 or 3
    int threads = 0;  ///< decoding threads; 0: one per core
    /// Above 0: the pixel spacing in mm that 2-D images without a label map are taken to have
    /// before resizing (tile classification: the tiles' µm per pixel / 1000), for files that
    /// carry none (PNG, JPEG) or another. 0: each file's own (1 mm when it has none).
    double pixelSpacingMm = 0.0;
};

/// One decoded entry. Shared and immutable once made (the cache hands out the same one).
struct DecodedImage {
    ai::ImageBuffer image;           ///< channels and size as asked, the file's own units
    std::vector<std::uint16_t> mask; ///< segmentation: label values on image.grid
    int bitsStored = 0;              ///< 8 or 16 for unsigned 8- or 16-bit files, else 0
    double minimum = 0.0;            ///< of the file's values, before resizing
    double maximum = 0.0;
    bool colour = false; ///< the file is in colour (turned grey when 1 channel was asked)
};

struct DecodeOutcome {
    std::vector<std::shared_ptr<const DecodedImage>> images; ///< by entry; null where it failed
    std::vector<SkippedFile> failures;                       ///< the files that could not be decoded, and why
    int fromCache = 0;

    int decoded() const { return int(images.size() - failures.size()); }
};

/// Decodes `entries` (image, and label map for segmentation entries), on `options.threads`
/// threads. Problems with one file (unreadable, truncated, mismatched label geometry, too
/// small) are collected with the file's name; the others go on. `progress` gets the done
/// fraction on the calling thread. `pausePoint`, when given, is called on the decoding threads
/// before each entry and may block there (a paused job holds its decoding). Throws
/// ai::Cancelled when `cancel` is set.
DecodeOutcome decodeEntries(const std::vector<DatasetEntry>& entries, const DecodeOptions& options,
                            const std::function<void(double fraction)>& progress = {},
                            const ai::CancelToken* cancel = nullptr, const std::function<void()>& pausePoint = {});

/// Decodes one entry without the cache; throws viewer::IoError naming the file(s).
DecodedImage decodeEntry(const DatasetEntry& entry, const DecodeOptions& options);

/// The process-wide cache of decoded entries, keyed by path, file size, modification time
/// (of the label map too) and the decode options. Thread-safe. Oldest entries leave first
/// when it grows past its budget (default 2 GiB).
void setDecodeCacheBudget(qint64 bytes);
qint64 decodeCacheBytes();
void clearDecodeCache();

/// Intensities over decoded images: whether all are 8-bit files, and their value range.
struct IntensityRange {
    bool allEightBit = true;
    double minimum = 0.0;
    double maximum = 0.0;
    int colourImages = 0;
};
IntensityRange intensityRange(const DecodeOutcome& outcome, const std::vector<DatasetEntry>& entries,
                              DatasetSplit split);

/// The decoded entries of `split` as training samples (label = class index, mask for
/// segmentation), failed ones left out.
std::vector<ai::TrainingSample> trainingSamples(const std::vector<DatasetEntry>& entries, const DecodeOutcome& outcome,
                                                DatasetSplit split);

/// The output position (0..K-1: the order of manifest.output.labels, whatever label values
/// they carry, as evaluateClassifier takes labels) of each class of `scan` with images in
/// `split`, matched by name (exact, else ignoring case); -1 for the other classes. Classes with
/// images there that the model lacks are added to `missing` as 'name'.
std::vector<int> classOutputPositions(const DatasetScan& scan, DatasetSplit split, const ai::Manifest& manifest,
                                      QStringList* missing = nullptr);

/// The decoded entries of `split` as labelled images named by their paths; `labelOf` maps a
/// class index to the model's output position (identity when empty).
std::vector<ai::LabelledImage> labelledImages(const std::vector<DatasetEntry>& entries, const DecodeOutcome& outcome,
                                              DatasetSplit split, const std::vector<int>& labelOf = {});

} // namespace radpath::app
