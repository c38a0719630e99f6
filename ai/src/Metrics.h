#pragma once
// Evaluation metrics on plain vectors (no Torch), computed as scikit-learn computes them so
// that figures compare with the reference article's.

#include <cstdint>
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

} // namespace radpath::ai
