// Metrics against values worked out by hand (and as scikit-learn gives them).

#include "Check.h"
#include "TrainingCases.h"

#include "Metrics.h"

#include <cmath>

namespace radpath::ai::test {
namespace {

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-12;
}

// truth    0 0 0 1 1 1 1 2 2 2
// predicted 0 0 1 1 1 1 0 2 1 5   (5 lies outside the classes and is left out)
void confusionMatrixCounts()
{
    const std::vector<int> truth{0, 0, 0, 1, 1, 1, 1, 2, 2, 2}, predicted{0, 0, 1, 1, 1, 1, 0, 2, 1, 5};
    const auto counts = confusionMatrix(truth, predicted, 3);
    RADPATH_CHECK((counts[0] == std::vector<int64_t>{2, 1, 0}));
    RADPATH_CHECK((counts[1] == std::vector<int64_t>{1, 3, 0}));
    RADPATH_CHECK((counts[2] == std::vector<int64_t>{0, 1, 1}));
    RADPATH_CHECK(near(accuracy(truth, predicted), 0.6));
    RADPATH_CHECK(std::isnan(accuracy({}, {})));
}

// Class 1 against the rest: TP 3, FN 1, FP 2 (0→1, 2→1), TN 4.
void binaryRatesOfOneClass()
{
    const std::vector<int> truth{0, 0, 0, 1, 1, 1, 1, 2, 2, 2}, predicted{0, 0, 1, 1, 1, 1, 0, 2, 1, 5};
    const BinaryRates rates = binaryRates(truth, predicted, 1);
    RADPATH_CHECK(near(rates.sensitivity, 3.0 / 4.0));
    RADPATH_CHECK(near(rates.specificity, 4.0 / 6.0));
    RADPATH_CHECK(near(rates.precision, 3.0 / 5.0));
    RADPATH_CHECK(near(rates.f1, 2.0 * 0.6 * 0.75 / (0.6 + 0.75)));

    // Nothing predicted positive and no positives: every rate sklearn leaves undefined is 0.
    const BinaryRates none = binaryRates({0, 0}, {0, 0}, 1);
    RADPATH_CHECK(none.sensitivity == 0.0 && none.precision == 0.0 && none.f1 == 0.0 && none.specificity == 1.0);
}

void rocAucAsSklearn()
{
    // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
    RADPATH_CHECK(near(rocAuc({0, 0, 1, 1}, {0.1, 0.4, 0.35, 0.8}, 1), 0.75));
    // A positive tied with a negative counts one half: (0.5 + 1 + 1 + 1) / 4.
    RADPATH_CHECK(near(rocAuc({0, 1, 0, 1}, {0.5, 0.5, 0.2, 0.8}, 1), 0.875));
    // Everything tied: 0.5; perfectly inverted: 0.
    RADPATH_CHECK(near(rocAuc({0, 1, 0, 1}, {0.3, 0.3, 0.3, 0.3}, 1), 0.5));
    RADPATH_CHECK(near(rocAuc({1, 1, 0}, {0.1, 0.2, 0.9}, 1), 0.0));
    // The positive class chosen: class 0 of the first example is its mirror image.
    RADPATH_CHECK(near(rocAuc({0, 0, 1, 1}, {0.1, 0.4, 0.35, 0.8}, 0), 0.25));
    RADPATH_CHECK(std::isnan(rocAuc({1, 1}, {0.2, 0.7}, 1)));
}

void diceOfLabelMaps()
{
    const std::vector<uint16_t> truth{0, 1, 1, 1, 2, 0}, predicted{0, 1, 1, 0, 0, 1};
    RADPATH_CHECK(near(dice(truth, predicted, 1), 2.0 * 2 / (3 + 3)));
    RADPATH_CHECK(near(dice(truth, predicted, 2), 0.0));
    RADPATH_CHECK(near(dice(truth, predicted, 7), 1.0)); // empty in both
}

} // namespace

Cases metricsCases()
{
    return {{"metrics: confusion matrix and accuracy", confusionMatrixCounts},
            {"metrics: sensitivity, specificity, precision, F1", binaryRatesOfOneClass},
            {"metrics: ROC AUC with ties", rocAucAsSklearn},
            {"metrics: Dice", diceOfLabelMaps}};
}

} // namespace radpath::ai::test
