#pragma once
// A classifier's figures at one operating point, from the per-image probabilities of an
// evaluation (radpath/ai/Evaluation.h): what the wizard's threshold slider shows.

#include "radpath/ai/Evaluation.h"

namespace radpath::app {

struct ThresholdFigures {
    int truePositives = 0, falsePositives = 0, trueNegatives = 0, falseNegatives = 0;
    double sensitivity = 0.0; ///< TP / (TP + FN); NaN without positives
    double specificity = 0.0; ///< TN / (TN + FP); NaN without negatives
    double precision = 0.0;   ///< TP / (TP + FP); NaN when nothing is called positive
};

/// `positiveClass` against the rest: an image is called positive when its probability of
/// that class is at least `threshold` (as RocPoint::threshold counts it).
ThresholdFigures figuresAtThreshold(const ai::ClassificationEvaluation& evaluation, int positiveClass,
                                    double threshold);

} // namespace radpath::app
