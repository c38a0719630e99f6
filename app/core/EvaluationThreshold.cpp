#include "app/core/EvaluationThreshold.h"

#include <limits>

namespace radpath::app {
namespace {

double ratio(int numerator, int denominator)
{
    return denominator > 0 ? double(numerator) / double(denominator) : std::numeric_limits<double>::quiet_NaN();
}

} // namespace

ThresholdFigures figuresAtThreshold(const ai::ClassificationEvaluation& evaluation, int positiveClass, double threshold)
{
    ThresholdFigures f;
    for (size_t i = 0; i < evaluation.truth.size() && i < evaluation.probabilities.size(); ++i) {
        const std::vector<double>& p = evaluation.probabilities[i];
        if (positiveClass < 0 || size_t(positiveClass) >= p.size())
            continue;
        const bool called = p[size_t(positiveClass)] >= threshold;
        const bool positive = evaluation.truth[i] == positiveClass;
        if (called && positive)
            ++f.truePositives;
        else if (called)
            ++f.falsePositives;
        else if (positive)
            ++f.falseNegatives;
        else
            ++f.trueNegatives;
    }
    f.sensitivity = ratio(f.truePositives, f.truePositives + f.falseNegatives);
    f.specificity = ratio(f.trueNegatives, f.trueNegatives + f.falsePositives);
    f.precision = ratio(f.truePositives, f.truePositives + f.falsePositives);
    return f;
}

} // namespace radpath::app
