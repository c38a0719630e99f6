#pragma once
// Evaluation metrics on plain vectors (no Torch), computed as scikit-learn (classification)
// and MONAI (segmentation) compute them so that figures compare with published ones.

#include "radpath/ai/Evaluation.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace radpath::ai {

/// counts[truth][predicted], classes × classes.
std::vector<std::vector<int64_t>> confusionMatrix(const std::vector<int>& truth, const std::vector<int>& predicted,
                                                  int classes);

double accuracy(const std::vector<int>& truth, const std::vector<int>& predicted);

struct BinaryRates {
    double sensitivity = 0.0; ///< recall of the positive class, TP / (TP + FN); 0 when no positives
    double specificity = 0.0; ///< TN / (TN + FP); 0 when no negatives
    double precision = 0.0;   ///< TP / (TP + FP); 0 when nothing predicted positive
    double f1 = 0.0;
};
/// One class against the rest.
BinaryRates binaryRates(const std::vector<int>& truth, const std::vector<int>& predicted, int positiveClass);

/// Area under the ROC curve of `scores` for truth == positive (sklearn roc_auc_score):
/// the Mann-Whitney statistic, ties counted one half. NaN when only one class is present.
double rocAuc(const std::vector<int>& truth, const std::vector<double>& scores, int positiveClass);

/// Dice of one label between two label maps of equal size: 2|A∩B| / (|A| + |B|); 1 when
/// both are empty.
double dice(const std::vector<uint16_t>& truth, const std::vector<uint16_t>& predicted, uint16_t label);

/// numpy.percentile(values, q) with linear interpolation, q in [0, 100]; NaN when empty.
double percentile(std::vector<double> values, double q);

/// sklearn.metrics.roc_curve(truth == positive, scores, drop_intermediate=False): one point per
/// distinct score, thresholds descending, after a first point (+inf, 0, 0). A rate whose
/// denominator is zero (no negatives, no positives) is NaN, as sklearn gives it.
std::vector<RocPoint> rocCurve(const std::vector<int>& truth, const std::vector<double>& scores, int positiveClass);

struct AucInterval {
    double low = 0.0, high = 0.0; ///< NaN when no resample held both classes
};

/// Bootstrap percentile interval of rocAuc(truth, scores, positiveClass). The draw, so that it
/// repeats anywhere: a std::mt19937_64 seeded with `seed`; for each of `samples` resamples,
/// n = truth.size() indices, each `engine() % n`, taken in order. Resamples holding one class
/// only are skipped; the interval is percentile(aucs, 100 (1 - level) / 2) and
/// percentile(aucs, 100 (1 + level) / 2). Every class of a data set sees the same resamples.
AucInterval bootstrapAucInterval(const std::vector<int>& truth, const std::vector<double>& scores, int positiveClass,
                                 int samples, double level, unsigned long long seed);

struct Calibration {
    double ece = 0.0; ///< NaN when there are no images
    std::vector<CalibrationBin> bins;
};

/// Expected calibration error of the top class: its probability (the confidence) against
/// whether it is the truth. `bins` equal-width bins, bin b covering (b/B, (b+1)/B], the first
/// also 0; ECE = sum over bins of (n_b / N) |accuracy_b - mean confidence_b|. The top class is
/// the first of the highest probabilities, as numpy.argmax picks it. Empty bins hold zeros.
Calibration expectedCalibration(const std::vector<int>& truth, const std::vector<std::vector<double>>& probabilities,
                                int bins);

/// 95th percentile Hausdorff distance (mm) of one label between two label maps on a grid of
/// `size` (i, j, k; i fastest) and `spacing` (mm), as MONAI's compute_hausdorff_distance(
/// percentile=95) gives it: surface voxels are those of the label with a face neighbour that
/// is not (or lies outside the grid; a grid one voxel deep is 2-D, 4-connected in its plane);
/// the distance from each surface voxel of one map to the nearest surface voxel of the other,
/// in mm; the larger of the two directed 95th percentiles (numpy's linear interpolation).
/// NaN when either map lacks the label.
double hausdorff95(const std::vector<uint16_t>& truth, const std::vector<uint16_t>& predicted, uint16_t label,
                   const std::array<int, 3>& size, const std::array<double, 3>& spacing);

/// Everything of ClassificationEvaluation but the image names, from truth (output indices)
/// and probabilities[image][class]: predicted = the first highest probability; confusion
/// matrix and accuracy; per class one-vs-rest rates, AUC, ROC curve and, when
/// settings.bootstrapSamples > 0, its bootstrap interval (NaN otherwise); calibration.
/// Throws std::invalid_argument for a truth outside the classes or a row of the wrong length.
ClassificationEvaluation evaluateClassification(const std::vector<int>& truth,
                                                const std::vector<std::vector<double>>& probabilities,
                                                const std::vector<std::string>& classes,
                                                const EvaluationSettings& settings);

/// Adds one image to `evaluation`, whose `labels` say which labels to score: its name, and
/// per label Dice (NaN where neither map holds the label) and HD95 (NaN unless both do).
void addSegmentationImage(SegmentationEvaluation& evaluation, const std::string& name,
                          const std::vector<uint16_t>& truth, const std::vector<uint16_t>& predicted,
                          const std::array<int, 3>& size, const std::array<double, 3>& spacing);

/// Fills each label's mean Dice, mean HD95 and image count from the per-image rows.
void summariseSegmentation(SegmentationEvaluation& evaluation);

} // namespace radpath::ai
