// Evaluation metrics with scikit-learn's semantics (sklearn.metrics): the same confusion
// matrix, the same zero for undefined rates, the same tie handling in the ROC AUC.

#include "Metrics.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace radpath::ai {
namespace {

void checkSameSize(size_t a, size_t b, const char* what)
{
    if (a != b)
        throw std::invalid_argument(std::string(what) + ": truth has " + std::to_string(a) +
                                    " values, the prediction " + std::to_string(b));
}

double ratio(int64_t numerator, int64_t denominator)
{
    return denominator == 0 ? 0.0 : double(numerator) / double(denominator);
}

} // namespace

// Like confusion_matrix(labels=range(classes)): pairs with a value outside 0..classes-1 are
// left out.
std::vector<std::vector<int64_t>> confusionMatrix(const std::vector<int>& truth, const std::vector<int>& predicted,
                                                  int classes)
{
    checkSameSize(truth.size(), predicted.size(), "confusionMatrix");
    const size_t n = size_t(std::max(classes, 0));
    std::vector<std::vector<int64_t>> counts(n, std::vector<int64_t>(n));
    for (size_t i = 0; i < truth.size(); ++i)
        if (truth[i] >= 0 && truth[i] < classes && predicted[i] >= 0 && predicted[i] < classes)
            ++counts[size_t(truth[i])][size_t(predicted[i])];
    return counts;
}

// NaN for no samples, as accuracy_score's mean over nothing.
double accuracy(const std::vector<int>& truth, const std::vector<int>& predicted)
{
    checkSameSize(truth.size(), predicted.size(), "accuracy");
    if (truth.empty())
        return std::numeric_limits<double>::quiet_NaN();
    int64_t correct = 0;
    for (size_t i = 0; i < truth.size(); ++i)
        correct += truth[i] == predicted[i];
    return double(correct) / double(truth.size());
}

BinaryRates binaryRates(const std::vector<int>& truth, const std::vector<int>& predicted, int positiveClass)
{
    checkSameSize(truth.size(), predicted.size(), "binaryRates");
    int64_t tp = 0, fp = 0, tn = 0, fn = 0;
    for (size_t i = 0; i < truth.size(); ++i) {
        const bool actual = truth[i] == positiveClass, said = predicted[i] == positiveClass;
        tp += actual && said;
        fn += actual && !said;
        fp += !actual && said;
        tn += !actual && !said;
    }
    BinaryRates rates;
    rates.sensitivity = ratio(tp, tp + fn);
    rates.specificity = ratio(tn, tn + fp);
    rates.precision = ratio(tp, tp + fp);
    // f1_score's zero_division: 0 when precision and recall are both 0.
    rates.f1 = ratio(2 * tp, 2 * tp + fp + fn);
    return rates;
}

// Mann-Whitney U from mid-ranks: tied scores share the mean of their ranks, which counts a
// positive-negative tie one half, as roc_auc_score's trapezoids do.
double rocAuc(const std::vector<int>& truth, const std::vector<double>& scores, int positiveClass)
{
    checkSameSize(truth.size(), scores.size(), "rocAuc");
    std::vector<size_t> order(scores.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] < scores[b]; });

    double positiveRankSum = 0.0;
    int64_t positives = 0;
    for (size_t first = 0; first < order.size();) {
        size_t last = first;
        while (last + 1 < order.size() && scores[order[last + 1]] == scores[order[first]])
            ++last;
        const double midRank = (double(first) + double(last)) / 2.0 + 1.0;
        for (size_t i = first; i <= last; ++i)
            if (truth[order[i]] == positiveClass) {
                positiveRankSum += midRank;
                ++positives;
            }
        first = last + 1;
    }
    const int64_t negatives = int64_t(truth.size()) - positives;
    if (positives == 0 || negatives == 0)
        return std::numeric_limits<double>::quiet_NaN();
    const double u = positiveRankSum - double(positives) * double(positives + 1) / 2.0;
    return u / (double(positives) * double(negatives));
}

double dice(const std::vector<uint16_t>& truth, const std::vector<uint16_t>& predicted, uint16_t label)
{
    if (truth.size() != predicted.size())
        throw std::invalid_argument("dice: label maps of " + std::to_string(truth.size()) + " and " +
                                    std::to_string(predicted.size()) + " voxels");
    int64_t both = 0, inTruth = 0, inPrediction = 0;
    for (size_t i = 0; i < truth.size(); ++i) {
        const bool a = truth[i] == label, b = predicted[i] == label;
        both += a && b;
        inTruth += a;
        inPrediction += b;
    }
    return inTruth + inPrediction == 0 ? 1.0 : 2.0 * double(both) / double(inTruth + inPrediction);
}

} // namespace radpath::ai
