#pragma once
// From a scanned dataset and a train.json-style configuration to what engine.train takes:
// the decoded samples of each split and a complete manifest (output labels from the classes
// or masks, the intensity window settled from the training images, the modality, the
// dataset summary as training provenance). The training wizard runs this in its job.
// No widgets, no Torch.

#include "app/core/DatasetDecoder.h"
#include "app/core/SlideTileDataset.h"
#include "app/core/TrainingConfig.h"
#include "app/core/TrainingDataset.h"
#include "radpath/ai/Training.h"

#include <QStringList>

#include <functional>
#include <stdexcept>
#include <vector>

namespace radpath::app {

/// Data that cannot be trained on; what() says why, for the user.
class TrainingDataError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct PreparedTraining {
    std::vector<DatasetEntry> entries; ///< of the scan, in its order
    DecodeOutcome decoded;             ///< by entry
    ai::TrainingData data;             ///< train and validation samples
    QStringList notes;                 ///< worth telling: files that failed, colour turned grey, the window chosen
};

/// Decodes every entry of `scan` (all splits: the test split is evaluated afterwards) at the
/// configuration's input size and channels; tile classification gives 2-D images the pixel
/// spacing of its mpp (the manifest's spacing), so that the engine does not resample them.
/// `progress` gets the done fraction on the calling thread; `pausePoint` is called on the
/// decoding threads before each file (decodeEntries). Throws TrainingDataError when training
/// cannot start (scan errors, no decodable training image, a class without one) and
/// ai::Cancelled when `cancel` is set.
PreparedTraining prepareTraining(const TrainingConfig& config, const DatasetScan& scan,
                                 const std::function<void(double)>& progress = {},
                                 const ai::CancelToken* cancel = nullptr,
                                 const std::function<void()>& pausePoint = {});

/// Fills the manifest as radpath-cli train does: task, dims, softmax output with the class
/// names (segmentation: the configured label names or the values found in the masks),
/// intensity window (unless the configuration fixed one), modality, training provenance.
/// Adds what it decided to `prepared.notes`.
void completeManifest(TrainingConfig& config, const DatasetScan& scan, const DatasetScanOptions& options,
                      PreparedTraining& prepared);

/// Where the labelled images for evaluation come from: the test split when it has a decoded
/// image, else validation.
DatasetSplit evaluationSplit(const PreparedTraining& prepared);

// Tile classification from annotated slides (SlideTileDataset.h).

/// The tiles a configuration asks for: its input size as tile size, its mpp, validation share
/// and seed.
SlideTileOptions slideTileOptions(const TrainingConfig& config);
bool operator==(const SlideTileOptions& a, const SlideTileOptions& b);

/// Cut tiles summarised as a scan is (classes, counts per split, warnings, errors, skipped
/// slides, pre-split when the slides lay in train/ and val/ folders), for display and reports.
DatasetScan tileDatasetSummary(const SlideTileDataset& tiles, const QString& root);

} // namespace radpath::app
