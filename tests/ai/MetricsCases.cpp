// Metrics against values worked out by hand (and as scikit-learn gives them).

#include "Check.h"
#include "TrainingCases.h"

#include "Metrics.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <random>

namespace radpath::ai::test {
namespace {

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-12;
}

bool samePoint(const RocPoint& p, double threshold, double fpr, double tpr)
{
    return p.threshold == threshold && near(p.falsePositiveRate, fpr) && near(p.truePositiveRate, tpr);
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

void percentileAsNumpy()
{
    // numpy.percentile([4, 1, 3, 2], q): sorted 1 2 3 4, index 3 q / 100 interpolated.
    RADPATH_CHECK(near(percentile({4, 1, 3, 2}, 95), 3.85)); // index 2.85: 3 + 0.85
    RADPATH_CHECK(near(percentile({4, 1, 3, 2}, 25), 1.75)); // index 0.75
    RADPATH_CHECK(percentile({4, 1, 3, 2}, 0) == 1.0 && percentile({4, 1, 3, 2}, 100) == 4.0);
    RADPATH_CHECK(percentile({5}, 95) == 5.0 && std::isnan(percentile({}, 50)));
}

// Six images, given shuffled; sorted by score they are
//   score 0.9 0.8 0.8 0.5 0.5 0.2
//   truth  1   1   0   1   0   0      (3 positives, 3 negatives)
// Each distinct score is a threshold; counting what scores at least that much:
//   >= 0.9: TP 1, FP 0 -> (FPR 0,   TPR 1/3)
//   >= 0.8: TP 2, FP 1 -> (1/3, 2/3)    the tie 0.8 goes in one step
//   >= 0.5: TP 3, FP 2 -> (2/3, 1)
//   >= 0.2: TP 3, FP 3 -> (1,   1)
// after sklearn's first point (+inf, 0, 0). Trapezoids: 0 + 1/3 (1/3 + 2/3) / 2
// + 1/3 (2/3 + 1) / 2 + 1/3 = 1/6 + 5/18 + 1/3 = 7/9; by pairs, 9 positive-negative pairs of
// which 0.9 beats 3, 0.8 beats 2 and ties 1, 0.5 beats 1 and ties 1: 3 + 2.5 + 1.5 = 7 -> 7/9.
void rocCurveWithTies()
{
    const std::vector<int> truth{1, 1, 0, 0, 0, 1};
    const std::vector<double> scores{0.5, 0.9, 0.2, 0.8, 0.5, 0.8};
    const std::vector<RocPoint> roc = rocCurve(truth, scores, 1);
    RADPATH_CHECK(roc.size() == 5);
    if (roc.size() != 5)
        return;
    RADPATH_CHECK(std::isinf(roc[0].threshold) && roc[0].threshold > 0);
    RADPATH_CHECK(roc[0].falsePositiveRate == 0.0 && roc[0].truePositiveRate == 0.0);
    RADPATH_CHECK(samePoint(roc[1], 0.9, 0.0, 1.0 / 3.0));
    RADPATH_CHECK(samePoint(roc[2], 0.8, 1.0 / 3.0, 2.0 / 3.0));
    RADPATH_CHECK(samePoint(roc[3], 0.5, 2.0 / 3.0, 1.0));
    RADPATH_CHECK(samePoint(roc[4], 0.2, 1.0, 1.0));
    double area = 0.0;
    for (size_t i = 1; i < roc.size(); ++i)
        area += (roc[i].falsePositiveRate - roc[i - 1].falsePositiveRate) *
                (roc[i].truePositiveRate + roc[i - 1].truePositiveRate) / 2.0;
    RADPATH_CHECK(near(area, 7.0 / 9.0));
    RADPATH_CHECK(near(rocAuc(truth, scores, 1), 7.0 / 9.0));
    // No negatives: sklearn's false positive rate is NaN (0 / 0) at every point.
    const std::vector<RocPoint> onlyPositives = rocCurve({1, 1}, {0.2, 0.7}, 1);
    RADPATH_CHECK(onlyPositives.size() == 3 && std::isnan(onlyPositives[1].falsePositiveRate));
    RADPATH_CHECK(near(onlyPositives[2].truePositiveRate, 1.0));
}

void bootstrapIntervalRepeats()
{
    // Perfectly separated scores: every resample with both classes has AUC 1.
    const AucInterval separated =
        bootstrapAucInterval({0, 0, 0, 1, 1, 1}, {0.1, 0.2, 0.3, 0.7, 0.8, 0.9}, 1, 100, 0.95, 42);
    RADPATH_CHECK(separated.low == 1.0 && separated.high == 1.0);
    RADPATH_CHECK(std::isnan(bootstrapAucInterval({1, 1, 1}, {0.1, 0.5, 0.9}, 1, 100, 0.95, 42).low));
    RADPATH_CHECK(std::isnan(bootstrapAucInterval({0, 1}, {0.1, 0.9}, 1, 0, 0.95, 42).high));

    // Forty overlapping scores: the interval repeats with its seed, moves with another, and
    // holds the AUC of the whole set.
    std::vector<int> truth;
    std::vector<double> scores;
    for (int i = 0; i < 40; ++i) {
        truth.push_back(i % 2);
        scores.push_back(0.5 + 0.15 * (i % 2) + 0.3 * std::sin(1.7 * i));
    }
    const double auc = rocAuc(truth, scores, 1);
    const AucInterval a = bootstrapAucInterval(truth, scores, 1, 500, 0.95, 42);
    const AucInterval b = bootstrapAucInterval(truth, scores, 1, 500, 0.95, 42);
    const AucInterval c = bootstrapAucInterval(truth, scores, 1, 500, 0.95, 7);
    RADPATH_CHECK(a.low == b.low && a.high == b.high);
    RADPATH_CHECK(a.low != c.low || a.high != c.high);
    RADPATH_CHECK(a.low < auc && auc < a.high && a.high - a.low < 0.6);

    // The documented draw: three resamples of forty indices engine() % 40; at level 0.5 the
    // interval is the 25th and 75th percentiles of the three sorted AUCs s0 <= s1 <= s2,
    // indices 0.5 and 1.5: (s0 + s1) / 2 and (s1 + s2) / 2.
    std::mt19937_64 engine(2024);
    std::vector<double> aucs;
    for (int sample = 0; sample < 3; ++sample) {
        std::vector<int> t;
        std::vector<double> s;
        for (int i = 0; i < 40; ++i) {
            const size_t drawn = size_t(engine() % 40);
            t.push_back(truth[drawn]);
            s.push_back(scores[drawn]);
        }
        aucs.push_back(rocAuc(t, s, 1));
    }
    std::sort(aucs.begin(), aucs.end());
    const AucInterval three = bootstrapAucInterval(truth, scores, 1, 3, 0.5, 2024);
    RADPATH_CHECK(near(three.low, (aucs[0] + aucs[1]) / 2.0) && near(three.high, (aucs[1] + aucs[2]) / 2.0));
}

// Five images, two classes, five bins (0, 0.2], (0.2, 0.4], ..., (0.8, 1]:
//   probabilities  truth  top class, confidence  correct  bin
//   0.9 0.1          0     0, 0.9                 yes      (0.8, 1]
//   0.3 0.7          0     1, 0.7                 no       (0.6, 0.8]
//   0.4 0.6          1     1, 0.6                 yes      (0.4, 0.6]   (an upper edge is inside)
//   0.0 1.0          1     1, 1.0                 yes      (0.8, 1]     (1 is in the last bin)
//   0.8 0.2          1     0, 0.8                 no       (0.6, 0.8]
// Bins: (0.4, 0.6] 1 image, confidence 0.6, accuracy 1 -> 1/5 * 0.4  = 0.08
//       (0.6, 0.8] 2 images, confidence 0.75, accuracy 0 -> 2/5 * 0.75 = 0.30
//       (0.8, 1]   2 images, confidence 0.95, accuracy 1 -> 2/5 * 0.05 = 0.02
// ECE = 0.40.
void calibrationByHand()
{
    const Calibration c =
        expectedCalibration({0, 0, 1, 1, 1}, {{0.9, 0.1}, {0.3, 0.7}, {0.4, 0.6}, {0.0, 1.0}, {0.8, 0.2}}, 5);
    RADPATH_CHECK(near(c.ece, 0.40));
    RADPATH_CHECK(c.bins.size() == 5);
    if (c.bins.size() != 5)
        return;
    RADPATH_CHECK(c.bins[0].count == 0 && c.bins[1].count == 0 && c.bins[2].count == 1 && c.bins[3].count == 2 &&
                  c.bins[4].count == 2);
    RADPATH_CHECK(near(c.bins[2].meanConfidence, 0.6) && c.bins[2].accuracy == 1.0);
    RADPATH_CHECK(near(c.bins[3].meanConfidence, 0.75) && c.bins[3].accuracy == 0.0);
    RADPATH_CHECK(near(c.bins[4].meanConfidence, 0.95) && c.bins[4].accuracy == 1.0);
    RADPATH_CHECK(near(c.bins[3].lower, 0.6) && near(c.bins[3].upper, 0.8));
    RADPATH_CHECK(std::isnan(expectedCalibration({}, {}, 10).ece));
}

// Six images, three classes:
//   truth  probabilities     predicted
//   0      0.7 0.2 0.1       0
//   0      0.3 0.6 0.1       1
//   1      0.2 0.5 0.3       1
//   1      0.1 0.3 0.6       2
//   2      0.1 0.1 0.8       2
//   2      0.2 0.5 0.3       1
// Confusion [truth][predicted]: {1 1 0}, {0 1 1}, {0 1 1}; accuracy 3/6.
// Class 0: TP 1, FN 1, FP 0, TN 4: sensitivity 1/2, specificity 1, precision 1, F1 2/3.
// Class 1: TP 1, FN 1, FP 2, TN 2: sensitivity 1/2, specificity 1/2, precision 1/3, F1 2/5.
// Class 2: TP 1, FN 1, FP 1, TN 3: sensitivity 1/2, specificity 3/4, precision 1/2, F1 1/2.
// AUC by pairs (2 positives x 4 negatives = 8):
//   class 0: positives 0.7, 0.3 above every negative (0.2 0.1 0.1 0.2): 8/8 = 1.
//   class 1: positives 0.5, 0.3 against 0.2 0.6 0.1 0.5: 0.5 beats 2, ties 1; 0.3 beats 2:
//            4.5/8 = 0.5625.
//   class 2: positives 0.8, 0.3 against 0.1 0.1 0.3 0.6: 0.8 beats 4; 0.3 beats 2, ties 1:
//            6.5/8 = 0.8125.
void threeClassEvaluation()
{
    EvaluationSettings settings;
    settings.bootstrapSamples = 0;
    settings.calibrationBins = 5;
    const ClassificationEvaluation e = evaluateClassification(
        {0, 0, 1, 1, 2, 2},
        {{0.7, 0.2, 0.1}, {0.3, 0.6, 0.1}, {0.2, 0.5, 0.3}, {0.1, 0.3, 0.6}, {0.1, 0.1, 0.8}, {0.2, 0.5, 0.3}},
        {"a", "b", "c"}, settings);
    RADPATH_CHECK((e.predicted == std::vector<int>{0, 1, 1, 2, 2, 1}));
    RADPATH_CHECK((e.confusion == std::vector<std::vector<int64_t>>{{1, 1, 0}, {0, 1, 1}, {0, 1, 1}}));
    RADPATH_CHECK(near(e.accuracy, 0.5));
    RADPATH_CHECK(e.perClass.size() == 3);
    if (e.perClass.size() != 3)
        return;
    const double expected[3][5] = {
        {0.5, 1.0, 1.0, 2.0 / 3.0, 1.0}, {0.5, 0.5, 1.0 / 3.0, 0.4, 0.5625}, {0.5, 0.75, 0.5, 0.5, 0.8125}};
    for (size_t c = 0; c < 3; ++c) {
        const ClassReport& r = e.perClass[c];
        RADPATH_CHECK(r.name == std::string(1, char('a' + c)) && r.support == 2);
        RADPATH_CHECK(near(r.sensitivity, expected[c][0]) && near(r.specificity, expected[c][1]));
        RADPATH_CHECK(near(r.precision, expected[c][2]) && near(r.f1, expected[c][3]));
        RADPATH_CHECK(near(r.auc, expected[c][4]));
        RADPATH_CHECK(std::isnan(r.aucLow) && std::isnan(r.aucHigh)); // no bootstrap asked for
        RADPATH_CHECK(r.roc.size() >= 2 && r.roc.back().falsePositiveRate == 1.0);
    }
    RADPATH_CHECK(e.calibration.size() == 5 && e.names.empty() && e.probabilities.size() == 6);
}

/// Label maps on a grid of `size` from a predicate on voxel indices.
std::vector<uint16_t> labelMap(const std::array<int, 3>& size, const std::function<bool(int, int, int)>& inside)
{
    std::vector<uint16_t> map;
    for (int k = 0; k < size[2]; ++k)
        for (int j = 0; j < size[1]; ++j)
            for (int i = 0; i < size[0]; ++i)
                map.push_back(inside(i, j, k) ? 1 : 0);
    return map;
}

// Two 2 x 2 x 2 cubes, one at i, j, k in {0, 1}, the other moved 3 voxels along i and 2
// along k, at spacing (2, 1, 0.5) mm. Every voxel of such a cube is on its surface. From a
// voxel of the first to the nearest of the second: 4 or 6 mm along i (from i = 1 or 0),
// 0.5 or 1 mm along k (from k = 1 or 0), 0 along j: sqrt(16.25), sqrt(17), sqrt(36.25),
// sqrt(37), two voxels each; the 95th percentile of those eight (index 6.65, between two
// sqrt(37)) is sqrt(37), and the other direction mirrors it.
void hausdorffOfOffsetCubes()
{
    const std::array<int, 3> size{6, 3, 5};
    const auto a = labelMap(size, [](int i, int j, int k) { return i <= 1 && j <= 1 && k <= 1; });
    const auto b = labelMap(size, [](int i, int j, int k) { return i >= 3 && i <= 4 && j <= 1 && k >= 2 && k <= 3; });
    RADPATH_CHECK(near(hausdorff95(a, b, 1, size, {2.0, 1.0, 0.5}), std::sqrt(37.0)));
    RADPATH_CHECK(near(hausdorff95(a, a, 1, size, {2.0, 1.0, 0.5}), 0.0));
    RADPATH_CHECK(std::isnan(hausdorff95(a, std::vector<uint16_t>(a.size(), 0), 1, size, {1, 1, 1})));
}

// A 5 x 5 square in a 7 x 7 plane at (1, 1.5) mm; the prediction the same square with a hole
// at its centre. The truth's surface is its 16 border voxels (its 3 x 3 inside is not
// surface); the prediction's surface is those 16 and the hole's 4 face neighbours. Truth to
// prediction: 0 everywhere. Prediction to truth: 16 zeros; the hole's neighbours beside it
// along i are 1 voxel (1 mm) from the border, those along j 1 voxel (1.5 mm) from it, or 2
// along i (2 mm): sorted 0 x 16, 1, 1, 1.5, 1.5, whose 95th percentile (index 18.05) is 1.5.
void hausdorffSeesOnlySurfaces()
{
    const std::array<int, 3> size{7, 7, 1};
    const auto square = [](int i, int j, int) { return i >= 1 && i <= 5 && j >= 1 && j <= 5; };
    const auto truth = labelMap(size, square);
    const auto holed = labelMap(size, [&](int i, int j, int k) { return square(i, j, k) && !(i == 3 && j == 3); });
    RADPATH_CHECK(near(hausdorff95(truth, holed, 1, size, {1.0, 1.5, 1.0}), 1.5));
}

// One row of 20 voxels 2 mm apart (a plane one voxel high: every voxel is on the surface).
// Truth i in 0..9; prediction the same and i = 15. Truth to prediction: ten zeros, 95th
// percentile 0. Prediction to truth: ten zeros and 12 mm (from 15 to 9): index 9.5 lies
// half-way between 0 and 12, so 6 mm. HD95 is the larger directed figure, 6, as MONAI gives
// it (a percentile of both directions pooled would be 0).
void hausdorffTakesTheLargerDirection()
{
    const std::array<int, 3> size{20, 1, 1};
    const auto truth = labelMap(size, [](int i, int, int) { return i <= 9; });
    const auto predicted = labelMap(size, [](int i, int, int) { return i <= 9 || i == 15; });
    RADPATH_CHECK(near(hausdorff95(truth, predicted, 1, size, {2.0, 1.0, 1.0}), 6.0));
}

/// Brute force: every pair of surface voxels.
double bruteForceHausdorff95(const std::vector<uint16_t>& a, const std::vector<uint16_t>& b,
                             const std::array<int, 3>& size, const std::array<double, 3>& spacing)
{
    const auto surface = [&](const std::vector<uint16_t>& map) {
        const auto in = [&](int i, int j, int k) {
            return i >= 0 && j >= 0 && k >= 0 && i < size[0] && j < size[1] && k < size[2] &&
                   map[size_t((k * size[1] + j) * size[0] + i)] == 1;
        };
        std::vector<std::array<int, 3>> voxels;
        for (int k = 0; k < size[2]; ++k)
            for (int j = 0; j < size[1]; ++j)
                for (int i = 0; i < size[0]; ++i) {
                    const bool planeEdge = !in(i - 1, j, k) || !in(i + 1, j, k) || !in(i, j - 1, k) || !in(i, j + 1, k);
                    if (in(i, j, k) && (planeEdge || (size[2] > 1 && (!in(i, j, k - 1) || !in(i, j, k + 1)))))
                        voxels.push_back({i, j, k});
                }
        return voxels;
    };
    const auto directed = [&](const std::vector<std::array<int, 3>>& from, const std::vector<std::array<int, 3>>& to) {
        std::vector<double> distances;
        for (const auto& p : from) {
            double best = std::numeric_limits<double>::infinity();
            for (const auto& q : to) {
                double sum = 0.0;
                for (size_t axis = 0; axis < 3; ++axis)
                    sum += std::pow((p[axis] - q[axis]) * spacing[axis], 2);
                best = std::min(best, sum);
            }
            distances.push_back(std::sqrt(best));
        }
        return percentile(distances, 95);
    };
    const auto sa = surface(a), sb = surface(b);
    return sa.empty() || sb.empty() ? std::numeric_limits<double>::quiet_NaN()
                                    : std::max(directed(sa, sb), directed(sb, sa));
}

void hausdorffMatchesBruteForce()
{
    std::mt19937 random(11);
    for (int trial = 0; trial < 60; ++trial) {
        const std::array<int, 3> size{int(random() % 11) + 2, int(random() % 9) + 2, int(random() % 6) + 1};
        const std::array<double, 3> spacing{0.4 + 0.3 * (random() % 5), 0.7 + 0.5 * (random() % 3),
                                            0.5 + 1.1 * (random() % 4)};
        const auto a = labelMap(size, [&](int, int, int) { return random() % 3 != 0; });
        const auto b = labelMap(size, [&](int, int, int) { return random() % 4 == 0; });
        const double fast = hausdorff95(a, b, 1, size, spacing), slow = bruteForceHausdorff95(a, b, size, spacing);
        RADPATH_CHECK((std::isnan(fast) && std::isnan(slow)) || std::abs(fast - slow) < 1e-9);
    }
}

// Two ellipsoids in a 256 x 256 x 100 volume: a distance transform takes a fraction of a
// second where pairs of surface voxels would take minutes. The bound only catches that.
void hausdorffOfALargeVolumeIsQuick()
{
    const std::array<int, 3> size{256, 256, 100};
    const auto ball = [](double ci, double cj, double ck, double radius) {
        return [=](int i, int j, int k) {
            return std::pow((i - ci) * 0.8, 2) + std::pow((j - cj) * 0.8, 2) + std::pow((k - ck) * 2.5, 2) <
                   radius * radius;
        };
    };
    const auto a = labelMap(size, ball(128, 128, 50, 80)), b = labelMap(size, ball(135, 120, 52, 75));
    const auto started = std::chrono::steady_clock::now();
    const double hd95 = hausdorff95(a, b, 1, size, {0.8, 0.8, 2.5});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("HD95 of two ellipsoids in 256 x 256 x 100: %.3f mm in %.3f s\n", hd95, seconds);
    RADPATH_CHECK(hd95 > 5.0 && hd95 < 20.0 && seconds < 5.0);
}

// Two 6-voxel rows (1 mm), labels 1 and 2 scored:
//   image "a": truth 0 1 1 0 2 0, prediction 0 1 0 0 0 1
//     label 1: Dice 2 x 1 / (2 + 2) = 0.5; truth {1, 2} to prediction {1, 5}: 0, 1 -> 95th
//       percentile 0.95; prediction to truth: 0, 3 -> 2.85; HD95 2.85.
//     label 2: in the truth only: Dice 0, HD95 NaN.
//   image "b": truth and prediction 0 0 2 2 0 0: label 1 in neither (NaN, NaN); label 2 Dice 1,
//     HD95 0.
// Means: label 1 Dice 0.5 over 1 image, HD95 2.85; label 2 Dice 0.5 over 2 images, HD95 0.
void segmentationSummary()
{
    SegmentationEvaluation e;
    e.labels.resize(2);
    e.labels[0].label = 1;
    e.labels[1].label = 2;
    const std::array<int, 3> size{6, 1, 1};
    addSegmentationImage(e, "a", {0, 1, 1, 0, 2, 0}, {0, 1, 0, 0, 0, 1}, size, {1, 1, 1});
    addSegmentationImage(e, "b", {0, 0, 2, 2, 0, 0}, {0, 0, 2, 2, 0, 0}, size, {1, 1, 1});
    summariseSegmentation(e);
    RADPATH_CHECK((e.names == std::vector<std::string>{"a", "b"}));
    RADPATH_CHECK(near(e.dicePerImage[0][0], 0.5) && near(e.hd95PerImage[0][0], 2.85));
    RADPATH_CHECK(e.dicePerImage[0][1] == 0.0 && std::isnan(e.hd95PerImage[0][1]));
    RADPATH_CHECK(std::isnan(e.dicePerImage[1][0]) && std::isnan(e.hd95PerImage[1][0]));
    RADPATH_CHECK(e.dicePerImage[1][1] == 1.0 && e.hd95PerImage[1][1] == 0.0);
    RADPATH_CHECK(near(e.labels[0].dice, 0.5) && e.labels[0].images == 1 && near(e.labels[0].hd95, 2.85));
    RADPATH_CHECK(near(e.labels[1].dice, 0.5) && e.labels[1].images == 2 && e.labels[1].hd95 == 0.0);
}

} // namespace

Cases metricsCases()
{
    return {{"metrics: confusion matrix and accuracy", confusionMatrixCounts},
            {"metrics: sensitivity, specificity, precision, F1", binaryRatesOfOneClass},
            {"metrics: ROC AUC with ties", rocAucAsSklearn},
            {"metrics: Dice", diceOfLabelMaps},
            {"metrics: percentile as numpy", percentileAsNumpy},
            {"metrics: ROC curve with ties", rocCurveWithTies},
            {"metrics: bootstrap AUC interval repeats", bootstrapIntervalRepeats},
            {"metrics: expected calibration error", calibrationByHand},
            {"metrics: three-class evaluation", threeClassEvaluation},
            {"metrics: HD95 of offset cubes, anisotropic", hausdorffOfOffsetCubes},
            {"metrics: HD95 sees only surfaces", hausdorffSeesOnlySurfaces},
            {"metrics: HD95 takes the larger direction", hausdorffTakesTheLargerDirection},
            {"metrics: HD95 against brute force", hausdorffMatchesBruteForce},
            {"metrics: HD95 of a large volume is quick", hausdorffOfALargeVolumeIsQuick},
            {"metrics: segmentation summary", segmentationSummary}};
}

} // namespace radpath::ai::test
