// Evaluation metrics with scikit-learn's semantics (sklearn.metrics): the same confusion
// matrix, the same zero for undefined rates, the same tie handling in the ROC AUC; and
// MONAI's for the surface distances of segmentations.

#include "Metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
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

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// Index of the first highest value, as numpy.argmax.
int argmax(const std::vector<double>& values)
{
    return int(std::max_element(values.begin(), values.end()) - values.begin());
}

/// Rows of one probability per class, all finite.
void checkProbabilities(const std::vector<std::vector<double>>& probabilities, size_t classes, const char* what)
{
    for (size_t i = 0; i < probabilities.size(); ++i) {
        if (probabilities[i].size() != classes || classes == 0)
            throw std::invalid_argument(std::string(what) + ": image " + std::to_string(i) + " has " +
                                        std::to_string(probabilities[i].size()) + " probabilities for " +
                                        std::to_string(classes) + " classes");
        for (double p : probabilities[i])
            if (!std::isfinite(p))
                throw std::invalid_argument(std::string(what) + ": image " + std::to_string(i) +
                                            " has a probability that is not a finite number");
    }
}

/// The bin of a confidence among `bins` bins (b/B, (b+1)/B], the first also holding 0: from
/// ceil(c B) - 1, moved so that it compares exactly with the edges b/B.
int calibrationBin(double confidence, int bins)
{
    int b = std::clamp(int(std::ceil(std::clamp(confidence, 0.0, 1.0) * bins)) - 1, 0, bins - 1);
    while (b > 0 && confidence <= double(b) / bins)
        --b;
    while (b < bins - 1 && confidence > double(b + 1) / bins)
        ++b;
    return b;
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

// numpy's "linear" method: virtual index h = (n - 1) q / 100 between the sorted values at
// floor(h) and floor(h) + 1, interpolated as numpy's _lerp does (from the nearer end).
double percentile(std::vector<double> values, double q)
{
    if (values.empty())
        return kNaN;
    std::sort(values.begin(), values.end());
    const double h = double(values.size() - 1) * (q / 100.0);
    const size_t below = std::min(size_t(std::max(0.0, std::floor(h))), values.size() - 1);
    const size_t above = std::min(below + 1, values.size() - 1);
    const double t = h - double(below), a = values[below], b = values[above];
    return t >= 0.5 ? b - (b - a) * (1.0 - t) : a + (b - a) * t;
}

// sklearn's _binary_clf_curve: scores in descending order, one point at the last of each
// run of equal scores, with the true and false positives counted up to it.
std::vector<RocPoint> rocCurve(const std::vector<int>& truth, const std::vector<double>& scores, int positiveClass)
{
    checkSameSize(truth.size(), scores.size(), "rocCurve");
    if (std::any_of(scores.begin(), scores.end(), [](double s) { return std::isnan(s); }))
        throw std::invalid_argument("rocCurve: a score is not a number");
    std::vector<size_t> order(scores.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] > scores[b]; });
    const int64_t positives = std::count(truth.begin(), truth.end(), positiveClass);
    const int64_t negatives = int64_t(truth.size()) - positives;
    const auto rate = [](int64_t count, int64_t total) { return total == 0 ? kNaN : double(count) / double(total); };

    std::vector<RocPoint> curve{{kInfinity, rate(0, negatives), rate(0, positives)}};
    int64_t truePositives = 0, falsePositives = 0;
    for (size_t first = 0; first < order.size();) {
        size_t last = first;
        for (; last < order.size() && scores[order[last]] == scores[order[first]]; ++last) {
            if (truth[order[last]] == positiveClass)
                ++truePositives;
            else
                ++falsePositives;
        }
        curve.push_back({scores[order[first]], rate(falsePositives, negatives), rate(truePositives, positives)});
        first = last;
    }
    return curve;
}

AucInterval bootstrapAucInterval(const std::vector<int>& truth, const std::vector<double>& scores, int positiveClass,
                                 int samples, double level, unsigned long long seed)
{
    checkSameSize(truth.size(), scores.size(), "bootstrapAucInterval");
    AucInterval interval{kNaN, kNaN};
    const size_t n = truth.size();
    if (samples <= 0 || n == 0)
        return interval;
    std::mt19937_64 engine(seed);
    std::vector<double> aucs;
    aucs.reserve(size_t(samples));
    std::vector<int> resampledTruth(n);
    std::vector<double> resampledScores(n);
    for (int sample = 0; sample < samples; ++sample) {
        for (size_t i = 0; i < n; ++i) {
            const size_t drawn = size_t(engine() % n);
            resampledTruth[i] = truth[drawn];
            resampledScores[i] = scores[drawn];
        }
        const double auc = rocAuc(resampledTruth, resampledScores, positiveClass);
        if (!std::isnan(auc))
            aucs.push_back(auc);
    }
    if (aucs.empty())
        return interval;
    interval.low = percentile(aucs, 100.0 * (1.0 - level) / 2.0);
    interval.high = percentile(aucs, 100.0 * (1.0 + level) / 2.0);
    return interval;
}

Calibration expectedCalibration(const std::vector<int>& truth, const std::vector<std::vector<double>>& probabilities,
                                int bins)
{
    if (bins < 1)
        throw std::invalid_argument("expectedCalibration: " + std::to_string(bins) + " bins; at least 1 is needed");
    checkSameSize(truth.size(), probabilities.size(), "expectedCalibration");
    if (!probabilities.empty())
        checkProbabilities(probabilities, probabilities.front().size(), "expectedCalibration");

    Calibration result;
    std::vector<double> confidenceSum(size_t(bins), 0.0), correctSum(size_t(bins), 0.0);
    result.bins.resize(size_t(bins));
    for (int b = 0; b < bins; ++b) {
        result.bins[size_t(b)].lower = double(b) / bins;
        result.bins[size_t(b)].upper = double(b + 1) / bins;
    }
    for (size_t i = 0; i < truth.size(); ++i) {
        const int top = argmax(probabilities[i]);
        const double confidence = probabilities[i][size_t(top)];
        const size_t b = size_t(calibrationBin(confidence, bins));
        ++result.bins[b].count;
        confidenceSum[b] += confidence;
        correctSum[b] += top == truth[i] ? 1.0 : 0.0;
    }
    if (truth.empty()) {
        result.ece = kNaN;
        return result;
    }
    for (size_t b = 0; b < result.bins.size(); ++b) {
        CalibrationBin& bin = result.bins[b];
        if (bin.count == 0)
            continue;
        bin.meanConfidence = confidenceSum[b] / bin.count;
        bin.accuracy = correctSum[b] / bin.count;
        result.ece += double(bin.count) / double(truth.size()) * std::abs(bin.accuracy - bin.meanConfidence);
    }
    return result;
}

// --- Surface distances ---------------------------------------------------------------------

namespace {

using Voxel = std::array<int, 3>;

/// Voxels of `label` with a face neighbour of another value or outside the grid; in a grid
/// one voxel deep, only the neighbours in its plane count (MONAI erodes a 2-D image in 2-D).
std::vector<Voxel> surfaceVoxels(const std::vector<uint16_t>& map, uint16_t label, const std::array<int, 3>& size)
{
    const int w = size[0], h = size[1], d = size[2];
    const int64_t row = w, slice = int64_t(w) * h;
    const auto other = [&](int64_t index) { return map[size_t(index)] != label; };
    std::vector<Voxel> surface;
    for (int k = 0; k < d; ++k)
        for (int j = 0; j < h; ++j)
            for (int i = 0; i < w; ++i) {
                const int64_t v = k * slice + j * row + i;
                if (map[size_t(v)] != label)
                    continue;
                bool edge = i == 0 || i == w - 1 || other(v - 1) || other(v + 1) || j == 0 || j == h - 1 ||
                            other(v - row) || other(v + row);
                if (d > 1)
                    edge = edge || k == 0 || k == d - 1 || other(v - slice) || other(v + slice);
                if (edge)
                    surface.push_back({i, j, k});
            }
    return surface;
}

/// Felzenszwalb and Huttenlocher's 1-D squared distance transform on a line of voxels
/// `spacing` mm apart: out[q] = min over p of f[p] + (spacing (q - p))², by the lower envelope
/// of the parabolas rooted at the finite f[p]; infinity where f has none.
class LineTransform {
public:
    explicit LineTransform(int length) : m_f(size_t(length)), m_roots(size_t(length)), m_bounds(size_t(length) + 1) {}

    double* input() { return m_f.data(); }

    void run(double spacing, double* out, int n)
    {
        const auto crossing = [&](int p, int q) {
            const double xp = p * spacing, xq = q * spacing;
            return ((m_f[size_t(q)] + xq * xq) - (m_f[size_t(p)] + xp * xp)) / (2.0 * (q - p) * spacing);
        };
        int k = -1;
        for (int q = 0; q < n; ++q) {
            if (m_f[size_t(q)] == kInfinity)
                continue;
            double bound = -kInfinity;
            // The first root's bound is -inf, so the loop never pops it.
            while (k >= 0 && (bound = crossing(m_roots[size_t(k)], q)) <= m_bounds[size_t(k)])
                --k;
            ++k;
            m_roots[size_t(k)] = q;
            m_bounds[size_t(k)] = k == 0 ? -kInfinity : bound;
            m_bounds[size_t(k) + 1] = kInfinity;
        }
        if (k < 0) {
            std::fill(out, out + n, kInfinity);
            return;
        }
        for (int q = 0, j = 0; q < n; ++q) {
            while (m_bounds[size_t(j) + 1] < q * spacing)
                ++j;
            const double offset = (q - m_roots[size_t(j)]) * spacing;
            out[q] = offset * offset + m_f[size_t(m_roots[size_t(j)])];
        }
    }

private:
    std::vector<double> m_f;
    std::vector<int> m_roots;
    std::vector<double> m_bounds;
};

/// Squared Euclidean distance transform (mm²) of `grid` (0 at the features, infinity
/// elsewhere) along one axis, in place; lines where `skip(u, v)` holds (u, v the other two
/// coordinates, the one of the smaller stride first) are left alone.
template <typename Skip>
void transformAxis(std::vector<double>& grid, const std::array<int, 3>& dims, int axis, double spacing, Skip skip)
{
    const std::array<int64_t, 3> stride{1, dims[0], int64_t(dims[0]) * dims[1]};
    const int inner = axis == 0 ? 1 : 0, outer = axis == 2 ? 1 : 2;
    const int n = dims[size_t(axis)];
    LineTransform line(n);
    std::vector<double> out(static_cast<size_t>(n));
    for (int v = 0; v < dims[size_t(outer)]; ++v)
        for (int u = 0; u < dims[size_t(inner)]; ++u) {
            if (skip(u, v))
                continue;
            double* start = grid.data() + u * stride[size_t(inner)] + v * stride[size_t(outer)];
            const int64_t step = stride[size_t(axis)];
            for (int q = 0; q < n; ++q)
                line.input()[q] = start[q * step];
            line.run(spacing, out.data(), n);
            for (int q = 0; q < n; ++q)
                start[q * step] = out[size_t(q)];
        }
}

/// Distance (mm) from each voxel of `from` to the nearest voxel of `to`, by a separable
/// Euclidean distance transform of `to` over the box [low, high] that holds both sets (the
/// transform inside a box holding every feature and query is exact there).
std::vector<double> nearestDistances(const std::vector<Voxel>& from, const std::vector<Voxel>& to, const Voxel& low,
                                     const Voxel& high, const std::array<double, 3>& spacing)
{
    const std::array<int, 3> dims{high[0] - low[0] + 1, high[1] - low[1] + 1, high[2] - low[2] + 1};
    const auto at = [&](const Voxel& v) {
        return size_t((int64_t(v[2] - low[2]) * dims[1] + (v[1] - low[1])) * dims[0] + (v[0] - low[0]));
    };
    std::vector<double> grid(size_t(int64_t(dims[0]) * dims[1] * dims[2]), kInfinity);
    for (const Voxel& v : to)
        grid[at(v)] = 0.0;
    // The last pass only along the columns that hold a query voxel.
    std::vector<uint8_t> queried(size_t(dims[0]) * size_t(dims[1]), 0);
    for (const Voxel& v : from)
        queried[size_t((v[1] - low[1]) * dims[0] + (v[0] - low[0]))] = 1;
    const auto all = [](int, int) { return false; };
    transformAxis(grid, dims, 0, spacing[0], all);
    transformAxis(grid, dims, 1, spacing[1], all);
    if (dims[2] > 1)
        transformAxis(grid, dims, 2, spacing[2], [&](int i, int j) { return !queried[size_t(j * dims[0] + i)]; });
    std::vector<double> distances;
    distances.reserve(from.size());
    for (const Voxel& v : from)
        distances.push_back(std::sqrt(grid[at(v)]));
    return distances;
}

} // namespace

double hausdorff95(const std::vector<uint16_t>& truth, const std::vector<uint16_t>& predicted, uint16_t label,
                   const std::array<int, 3>& size, const std::array<double, 3>& spacing)
{
    const int64_t voxels = int64_t(size[0]) * size[1] * size[2];
    if (size[0] < 1 || size[1] < 1 || size[2] < 1 || int64_t(truth.size()) != voxels ||
        int64_t(predicted.size()) != voxels)
        throw std::invalid_argument("hausdorff95: label maps of " + std::to_string(truth.size()) + " and " +
                                    std::to_string(predicted.size()) + " voxels on a grid of " +
                                    std::to_string(voxels));
    if (!(spacing[0] > 0.0 && spacing[1] > 0.0 && spacing[2] > 0.0))
        throw std::invalid_argument("hausdorff95: the spacing must be positive");
    const std::vector<Voxel> a = surfaceVoxels(truth, label, size), b = surfaceVoxels(predicted, label, size);
    if (a.empty() || b.empty())
        return kNaN;
    Voxel low = a.front(), high = a.front();
    for (const auto* set : {&a, &b})
        for (const Voxel& v : *set)
            for (size_t axis = 0; axis < 3; ++axis) {
                low[axis] = std::min(low[axis], v[axis]);
                high[axis] = std::max(high[axis], v[axis]);
            }
    return std::max(percentile(nearestDistances(a, b, low, high, spacing), 95.0),
                    percentile(nearestDistances(b, a, low, high, spacing), 95.0));
}

// --- Evaluations -----------------------------------------------------------------------------

ClassificationEvaluation evaluateClassification(const std::vector<int>& truth,
                                                const std::vector<std::vector<double>>& probabilities,
                                                const std::vector<std::string>& classes,
                                                const EvaluationSettings& settings)
{
    const int k = int(classes.size());
    checkSameSize(truth.size(), probabilities.size(), "evaluateClassification");
    checkProbabilities(probabilities, classes.size(), "evaluateClassification");
    for (size_t i = 0; i < truth.size(); ++i)
        if (truth[i] < 0 || truth[i] >= k)
            throw std::invalid_argument("evaluateClassification: image " + std::to_string(i) + " is of class " +
                                        std::to_string(truth[i]) + ", outside 0.." + std::to_string(k - 1));

    ClassificationEvaluation e;
    e.classes = classes;
    e.truth = truth;
    e.probabilities = probabilities;
    for (const std::vector<double>& row : probabilities)
        e.predicted.push_back(argmax(row));
    e.confusion = confusionMatrix(truth, e.predicted, k);
    e.accuracy = accuracy(truth, e.predicted);
    for (int c = 0; c < k; ++c) {
        std::vector<double> scores;
        for (const std::vector<double>& row : probabilities)
            scores.push_back(row[size_t(c)]);
        ClassReport report;
        report.name = classes[size_t(c)];
        report.support = int(std::count(truth.begin(), truth.end(), c));
        const BinaryRates rates = binaryRates(truth, e.predicted, c);
        report.sensitivity = rates.sensitivity;
        report.specificity = rates.specificity;
        report.precision = rates.precision;
        report.f1 = rates.f1;
        report.auc = rocAuc(truth, scores, c);
        const AucInterval interval =
            bootstrapAucInterval(truth, scores, c, settings.bootstrapSamples, settings.confidenceLevel, settings.seed);
        report.aucLow = interval.low;
        report.aucHigh = interval.high;
        report.roc = rocCurve(truth, scores, c);
        e.perClass.push_back(std::move(report));
    }
    const Calibration calibration = expectedCalibration(truth, probabilities, settings.calibrationBins);
    e.ece = calibration.ece;
    e.calibration = calibration.bins;
    return e;
}

void addSegmentationImage(SegmentationEvaluation& evaluation, const std::string& name,
                          const std::vector<uint16_t>& truth, const std::vector<uint16_t>& predicted,
                          const std::array<int, 3>& size, const std::array<double, 3>& spacing)
{
    std::vector<double> dices, distances;
    for (const LabelReport& label : evaluation.labels) {
        const auto value = uint16_t(label.label);
        const bool inTruth = std::find(truth.begin(), truth.end(), value) != truth.end();
        const bool inPrediction = std::find(predicted.begin(), predicted.end(), value) != predicted.end();
        dices.push_back(inTruth || inPrediction ? dice(truth, predicted, value) : kNaN);
        distances.push_back(hausdorff95(truth, predicted, value, size, spacing));
    }
    evaluation.names.push_back(name);
    evaluation.dicePerImage.push_back(std::move(dices));
    evaluation.hd95PerImage.push_back(std::move(distances));
}

void summariseSegmentation(SegmentationEvaluation& evaluation)
{
    const auto mean = [](const std::vector<std::vector<double>>& rows, size_t column, int* count) {
        double sum = 0.0;
        int n = 0;
        for (const std::vector<double>& row : rows)
            if (column < row.size() && !std::isnan(row[column])) {
                sum += row[column];
                ++n;
            }
        if (count)
            *count = n;
        return n == 0 ? kNaN : sum / n;
    };
    for (size_t l = 0; l < evaluation.labels.size(); ++l) {
        LabelReport& label = evaluation.labels[l];
        label.dice = mean(evaluation.dicePerImage, l, &label.images);
        label.hd95 = mean(evaluation.hd95PerImage, l, nullptr);
    }
}

} // namespace radpath::ai
