#pragma once
// Evaluation of a model on labelled data, as a researcher reports it: confusion matrix,
// per-class sensitivity, specificity, precision, F1, one-vs-rest ROC curves with AUC and a
// bootstrap interval, calibration (ECE); Dice and HD95 per label for segmentation.
// Plain C++ (no Torch, no Qt): the app shows and prints these, the engine computes them.

#include "radpath/ai/Inference.h"

#include <cstdint>
#include <string>
#include <vector>

namespace radpath::ai {

/// One labelled image to evaluate on: for classification `label` (an output index), for
/// segmentation `mask` (label values on image.grid, one per voxel).
struct LabelledImage {
    ImageBuffer image;
    int label = 0;
    std::vector<uint16_t> mask;
    std::string name; ///< shown in per-image tables and the predictions CSV
};

struct EvaluationSettings {
    int bootstrapSamples = 1000;   ///< resamples for the AUC intervals; 0: none
    double confidenceLevel = 0.95;
    unsigned long long seed = 42;  ///< the bootstrap's resampling, so intervals repeat
    int calibrationBins = 10;      ///< equal-width confidence bins for ECE
};

struct RocPoint {
    double threshold = 0.0;        ///< score ≥ threshold is called positive
    double falsePositiveRate = 0.0;
    double truePositiveRate = 0.0;
};

/// One class against the rest.
struct ClassReport {
    std::string name;
    int support = 0;               ///< images whose truth is this class
    double sensitivity = 0.0;
    double specificity = 0.0;
    double precision = 0.0;
    double f1 = 0.0;
    double auc = 0.0;              ///< NaN when the truth holds one class only
    double aucLow = 0.0;           ///< bootstrap percentile interval at confidenceLevel; NaN if none
    double aucHigh = 0.0;
    std::vector<RocPoint> roc;     ///< as sklearn.metrics.roc_curve (drop_intermediate=False), from (0, 0)
};

struct CalibrationBin {
    double lower = 0.0, upper = 0.0;
    int count = 0;
    double meanConfidence = 0.0;
    double accuracy = 0.0;
};

struct ClassificationEvaluation {
    std::vector<std::string> classes;            ///< output label names, by output index
    std::vector<std::vector<int64_t>> confusion; ///< [truth][predicted]
    double accuracy = 0.0;
    std::vector<ClassReport> perClass;
    double ece = 0.0;                            ///< expected calibration error of the top class
    std::vector<CalibrationBin> calibration;
    // Per image, in input order, so that callers can pick thresholds and write predictions.
    std::vector<std::string> names;
    std::vector<int> truth;
    std::vector<int> predicted;
    std::vector<std::vector<double>> probabilities; ///< [image][class]
};

struct LabelReport {
    int label = 0;
    std::string name;
    double dice = 0.0;       ///< mean over images where the label is in truth or prediction
    double hd95 = 0.0;       ///< mm, mean over images where both have the label; NaN if none
    int images = 0;          ///< images where the label is in truth or prediction (those of `dice`)
};

struct SegmentationEvaluation {
    std::vector<LabelReport> labels; ///< foreground labels of the manifest
    std::vector<std::string> names;
    /// [image][label position in `labels`]; NaN where neither truth nor prediction has the label.
    std::vector<std::vector<double>> dicePerImage;
    /// [image][label position in `labels`], mm; NaN unless both truth and prediction have it.
    std::vector<std::vector<double>> hd95PerImage;
};

} // namespace radpath::ai
