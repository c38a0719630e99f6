#pragma once
// What the training wizard's pages hand each other: the scanned dataset, the configuration
// the run used, the epochs as they came, the outcome, the evaluation and the installed
// package. Lives in the wizard, on the GUI thread; jobs get copies.

#include "app/core/SlideTileDataset.h"
#include "app/core/TrainingConfig.h"
#include "app/core/TrainingDataset.h"
#include "radpath/ai/Evaluation.h"
#include "radpath/ai/Training.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace radpath {
namespace app {

struct TrainingWizardState {
    // Data page
    DatasetScan scan;     ///< slide tiles: their summary (classes, counts, problems)
    bool scanned = false; ///< `scan` belongs to the folder on the data page
    std::shared_ptr<const SlideTileDataset> tiles; ///< tiles the data page cut from slides
    SlideTileOptions tileOptions;                  ///< what they were cut with

    // Run page
    TrainingConfig config; ///< as completed by the last run (labels, intensity window)
    /// The labelled images the run did not train on (test split, else validation), for the
    /// evaluation.
    std::shared_ptr<const std::vector<ai::LabelledImage>> heldOut;
    DatasetSplit heldOutSplit = DatasetSplit::Validation;
    std::vector<ai::EpochReport> epochs;        ///< shown so far (a resumed run keeps the earlier ones)
    std::optional<ai::TrainingOutcome> outcome; ///< a finished run

    // Evaluation page
    std::optional<ai::ClassificationEvaluation> classification;
    std::optional<ai::SegmentationEvaluation> segmentation;
    QString evaluatedSplit; ///< "test" or "val"

    // Export page
    QString installedPath; ///< the package's copy in the model library

    /// Forgets the run and everything after it (a new run starts).
    void clearRun()
    {
        heldOut.reset();
        epochs.clear();
        outcome.reset();
        clearEvaluation();
    }
    void clearEvaluation()
    {
        classification.reset();
        segmentation.reset();
        evaluatedSplit.clear();
        installedPath.clear();
    }
};

} // namespace app
} // namespace radpath
