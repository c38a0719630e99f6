// Preprocessing and sliding-window inference checked against values worked out by hand from
// MONAI's formulas (monai/transforms/intensity/array.py, monai/inferers/utils.py,
// monai/data/utils.py), and against direct full-image forwards where MONAI's result must
// equal them.

#include "Check.h"

#include "Preprocess.h"
#include "SlidingWindow.h"

#include <cmath>
#include <stdexcept>
#include <vector>

using namespace radpath::ai;
using torch::indexing::Slice;

namespace {

double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b)
{
    return (a - b).abs().max().item<double>();
}

bool near(const torch::Tensor& t, const std::vector<float>& expected, double tol = 1e-5)
{
    return t.numel() == int64_t(expected.size()) && maxAbsDiff(t.flatten(), torch::tensor(expected)) < tol;
}

// Fixed models: seeded weights, no autograd. Pointwise = 1x1(x1) conv; local = 3x3(x3) conv
// with zero padding 1, so its receptive field is one voxel each way.
struct ConvModel {
    torch::Tensor weight, bias;
    int64_t padding = 0;
    torch::Tensor operator()(const torch::Tensor& x) const
    {
        return x.dim() == 5 ? torch::conv3d(x, weight, bias, 1, padding) : torch::conv2d(x, weight, bias, 1, padding);
    }
};

ConvModel makeModel(int dims, int64_t in, int64_t out, int64_t kernel)
{
    torch::manual_seed(11);
    std::vector<int64_t> shape{out, in};
    shape.insert(shape.end(), size_t(dims), kernel);
    return {torch::randn(shape), torch::randn({out}), kernel / 2};
}

torch::Tensor randomImage(std::vector<int64_t> shape)
{
    torch::manual_seed(5);
    return torch::rand(shape) * 4.0 - 1.0;
}

// The same blend computed the slow, obvious way: every window's output placed at its start,
// weighted, summed and divided by the summed weights. Independent of the scan logic except
// for the starts, which windowStartsFollowMonai checks by hand.
torch::Tensor perWindowReference(const torch::Tensor& image, const std::array<int, 3>& roi, double overlap,
                                 const ConvModel& model, BlendMode mode)
{
    const bool is3d = image.dim() == 5;
    const std::array<int, 3> size{is3d ? int(image.size(2)) : 1, int(image.size(-2)), int(image.size(-1))};
    std::vector<int64_t> roiVec(roi.begin() + (is3d ? 0 : 1), roi.end());
    torch::Tensor weight = importanceMap(roiVec, mode, 0.125);
    torch::Tensor sum, total = torch::zeros(image.sizes().slice(2));
    for (const auto& s : windowStarts(size, roi, overlap)) {
        auto region = [&](torch::Tensor t, int lead) {
            if (is3d)
                t = t.narrow(lead, s[0], roi[0]);
            return t.narrow(lead + (is3d ? 1 : 0), s[1], roi[1]).narrow(lead + (is3d ? 2 : 1), s[2], roi[2]);
        };
        const torch::Tensor out = model(region(image, 2));
        if (!sum.defined())
            sum = torch::zeros_like(model(image));
        region(sum, 2).add_(out * weight);
        region(total, 0).add_(weight);
    }
    return sum / total;
}

void windowStartsFollowMonai()
{
    // interval = int(roi * (1 - overlap)) = int(32 * 0.75) = 24; num = ceil(100 / 24) = 5;
    // the first d with d * 24 + 32 >= 100 is 3, so 4 windows at 0, 24, 48, 72; the last is
    // moved back by 72 + 32 - 100 = 4 to end flush: 0, 24, 48, 68.
    RADPATH_CHECK(scanInterval(100, 32, 0.25) == 24);
    RADPATH_CHECK((axisWindowStarts(100, 32, 0.25) == std::vector<int64_t>{0, 24, 48, 68}));
    // interval int(4 * 0.5) = 2; d * 2 + 4 >= 10 first at d = 3: 0, 2, 4, 6.
    RADPATH_CHECK((axisWindowStarts(10, 4, 0.5) == std::vector<int64_t>{0, 2, 4, 6}));
    // overlap 0: interval 4; d = 2 first (12 >= 10): 0, 4, 8 -> 8 - (8 + 4 - 10) = 6.
    RADPATH_CHECK((axisWindowStarts(10, 4, 0.0) == std::vector<int64_t>{0, 4, 6}));
    // int(3 * (1 - 0.9)) = int(0.3) = 0 -> interval 1; d = 2 first (2 + 3 >= 5): 0, 1, 2.
    RADPATH_CHECK(scanInterval(5, 3, 0.9) == 1);
    RADPATH_CHECK((axisWindowStarts(5, 3, 0.9) == std::vector<int64_t>{0, 1, 2}));
    // size == roi: interval is roi itself, one window.
    RADPATH_CHECK(scanInterval(64, 64, 0.5) == 64);
    RADPATH_CHECK((axisWindowStarts(64, 64, 0.5) == std::vector<int64_t>{0}));

    // 3-D, last axis fastest. Depth 20, roi 16: interval 12, d = 1 first (28 >= 20): 0, 12 -> 4.
    // Width 5 < roi 8: padded to 8, one window at 0 (padded coordinates).
    const auto starts = windowStarts({20, 100, 5}, {16, 32, 8}, 0.25);
    const std::vector<std::array<int, 3>> expected{{0, 0, 0}, {0, 24, 0}, {0, 48, 0}, {0, 68, 0},
                                                   {4, 0, 0}, {4, 24, 0}, {4, 48, 0}, {4, 68, 0}};
    RADPATH_CHECK(starts == expected);
    // Smaller than the roi on every axis: a single window.
    RADPATH_CHECK((windowStarts({1, 5, 5}, {1, 8, 8}, 0.25) == std::vector<std::array<int, 3>>{{0, 0, 0}}));
    // A roi <= 0 takes the whole axis (MONAI fall_back_tuple): height 10 -> one window.
    RADPATH_CHECK((windowStarts({1, 10, 12}, {1, 0, 4}, 0.0) ==
                   std::vector<std::array<int, 3>>{{0, 0, 0}, {0, 0, 4}, {0, 0, 8}}));
}

void gaussianImportanceMapIsMonais()
{
    // roi 9, sigma = 9 * (2 / 9) = 2, centre at (9 - 1) / 2 = 4.
    const torch::Tensor line = importanceMap({9}, BlendMode::Gaussian, 2.0 / 9.0);
    RADPATH_CHECK(std::abs(line[4].item<double>() - 1.0) < 1e-6);
    for (int k = 1; k <= 4; ++k)
        RADPATH_CHECK(line[4 + k].item<double>() == line[4 - k].item<double>());
    RADPATH_CHECK(std::abs(line[6].item<double>() - std::exp(-0.5)) < 1e-6); // one sigma
    RADPATH_CHECK(std::abs(line[8].item<double>() - std::exp(-2.0)) < 1e-6); // two sigma

    // 3-D: the product of the axes' Gaussians.
    const torch::Tensor cube = importanceMap({9, 9, 9}, BlendMode::Gaussian, 2.0 / 9.0);
    RADPATH_CHECK(std::abs(cube[4][4][4].item<double>() - 1.0) < 1e-6);
    RADPATH_CHECK(std::abs(cube[6][4][4].item<double>() - std::exp(-0.5)) < 1e-6);
    RADPATH_CHECK(std::abs(cube[4][2][4].item<double>() - std::exp(-0.5)) < 1e-6);
    RADPATH_CHECK(std::abs(cube[6][4][2].item<double>() - std::exp(-1.0)) < 1e-6);

    // Even roi 8, sigma 2: the centre lies between voxels 3 and 4 (x = -0.5, 0.5), so the
    // peak is exp(-0.25 / 8) < 1; MONAI does not renormalise.
    const torch::Tensor even = importanceMap({8}, BlendMode::Gaussian, 0.25);
    RADPATH_CHECK(std::abs(even[3].item<double>() - std::exp(-0.03125)) < 1e-6);
    RADPATH_CHECK(even[3].item<double>() == even[4].item<double>());

    // Clamp from below at max(min, 1e-3): sigma 0.45 makes the tails ~e-39 -> 1e-3.
    const torch::Tensor sharp = importanceMap({9}, BlendMode::Gaussian, 0.05);
    RADPATH_CHECK(sharp[0].item<float>() == 1e-3f && sharp[8].item<float>() == 1e-3f);
    RADPATH_CHECK(std::abs(sharp[4].item<double>() - 1.0) < 1e-6);

    const torch::Tensor flat = importanceMap({3, 4}, BlendMode::Constant, 0.125);
    RADPATH_CHECK(flat.sizes() == torch::IntArrayRef({3, 4}) && flat.min().item<float>() == 1.0f &&
                  flat.max().item<float>() == 1.0f);
}

void scaleIntensityRangeWindowsAndClips()
{
    const torch::Tensor hu = torch::tensor({-2000.f, 0.f, 500.f, 3000.f}).view({1, 4});
    RADPATH_CHECK(near(scaleIntensityRange(hu, -1000, 1000, 0, 1, true), {0.f, 0.5f, 0.75f, 1.f}));
    // Without clip: (x + 1000) / 2000.
    RADPATH_CHECK(near(scaleIntensityRange(hu, -1000, 1000, 0, 1, false), {-0.5f, 0.5f, 0.75f, 2.f}));
    // a_min == a_max: x - a_min + b_min.
    RADPATH_CHECK(near(scaleIntensityRange(hu, 10, 10, 1, 2, true), {-2009.f, -9.f, 491.f, 2991.f}));
}

void normalizeIntensityIsPopulationZScore()
{
    // mean 2.5, population std sqrt(1.25) = 1.118034 (sample std would be 1.290994).
    const torch::Tensor x = torch::tensor({1.f, 2.f, 3.f, 4.f}).view({1, 4});
    const std::vector<float> z{-1.3416408f, -0.4472136f, 0.4472136f, 1.3416408f};
    RADPATH_CHECK(near(normalizeIntensity(x, false, false), z));
    RADPATH_CHECK(near(x, {1.f, 2.f, 3.f, 4.f})); // input untouched

    // nonzero: the zeros neither enter the statistics nor change.
    const torch::Tensor withZeros = torch::tensor({0.f, 1.f, 2.f, 0.f, 3.f, 4.f}).view({1, 6});
    RADPATH_CHECK(near(normalizeIntensity(withZeros, true, false), {0.f, z[0], z[1], 0.f, z[2], z[3]}));
    RADPATH_CHECK(near(normalizeIntensity(torch::zeros({1, 3}), true, false), {0.f, 0.f, 0.f}));

    // std 0 divides by 1.
    RADPATH_CHECK(near(normalizeIntensity(torch::full({1, 3}, 7.f), false, false), {0.f, 0.f, 0.f}));

    // Two channels: channel-wise gives each its own z-score; otherwise one mean 13.75 and
    // population std 13.772709 over all eight values.
    const torch::Tensor two = torch::tensor({1.f, 2.f, 3.f, 4.f, 10.f, 20.f, 30.f, 40.f}).view({2, 4});
    RADPATH_CHECK(near(normalizeIntensity(two, false, true), {z[0], z[1], z[2], z[3], z[0], z[1], z[2], z[3]}));
    RADPATH_CHECK(near(normalizeIntensity(two, false, false), {-0.9257438f, -0.8531365f, -0.7805291f, -0.7079218f,
                                                               -0.2722776f, 0.4537960f, 1.1798696f, 1.9059432f}));
}

void scale255UsesPerChannelMeanAndStd()
{
    // [C=2, H=1, W=2]: (x / 255 - mean[c]) / std[c].
    const torch::Tensor rgb = torch::tensor({0.f, 255.f, 51.f, 102.f}).view({2, 1, 2});
    // ch0: (0 - 0.5) / 0.5 = -1, (1 - 0.5) / 0.5 = 1; ch1: (0.2 - 0.25) / 0.25 = -0.2, (0.4 - 0.25) / 0.25 = 0.6
    RADPATH_CHECK(near(scale255(rgb, {0.5, 0.25}, {0.5, 0.25}), {-1.f, 1.f, -0.2f, 0.6f}));
    RADPATH_CHECK(near(scale255(rgb, {0.0}, {1.0}), {0.f, 1.f, 0.2f, 0.4f}));
    bool threw = false;
    try {
        scale255(rgb, {0.1, 0.2, 0.3}, {1.0});
    } catch (const std::invalid_argument&) {
        threw = true;
    }
    RADPATH_CHECK(threw);
}

void pointwiseModelEqualsDirectForward3d()
{
    // A 1x1x1 conv sees one voxel at a time, so every window gives the full-image value and
    // any weighted average of them (constant or gaussian) is that value again.
    const ConvModel model = makeModel(3, 2, 3, 1);
    const torch::Tensor image = randomImage({1, 2, 13, 17, 19});
    const torch::Tensor direct = model(image);
    for (BlendMode mode : {BlendMode::Constant, BlendMode::Gaussian}) {
        const torch::Tensor out = slidingWindowInference(image, {8, 8, 8}, 0.25, mode, 0.125, 3, model);
        RADPATH_CHECK(out.sizes() == direct.sizes());
        RADPATH_CHECK(maxAbsDiff(out, direct) < 1e-5);
    }
}

// Whether a voxel at `p` on an axis gets the full-image value from every window covering it:
// a window's 3-conv is wrong only on its faces that lie inside the image (the conv there sees
// zero padding instead of the neighbour voxel).
std::vector<bool> exactOnAxis(int64_t size, const std::vector<int64_t>& starts, int64_t roi)
{
    std::vector<bool> exact(size_t(size), true);
    for (int64_t s : starts) {
        if (s > 0)
            exact[size_t(s)] = false;
        if (s + roi < size)
            exact[size_t(s + roi - 1)] = false;
    }
    return exact;
}

void localConvEqualsDirectForwardAwayFromWindowFaces3d()
{
    const ConvModel model = makeModel(3, 1, 2, 3);
    const torch::Tensor image = randomImage({1, 1, 14, 17, 20});
    const torch::Tensor direct = model(image);
    const torch::Tensor out = slidingWindowInference(image, {8, 8, 8}, 0.5, BlendMode::Constant, 0.125, 4, model);
    RADPATH_CHECK(out.sizes() == direct.sizes());

    // Exact where every covering window has the voxel off its inner faces; the per-axis
    // conditions multiply because the windows covering a voxel are a product over axes.
    std::vector<std::vector<bool>> axis;
    for (int a = 0; a < 3; ++a)
        axis.push_back(exactOnAxis(image.size(a + 2), axisWindowStarts(image.size(a + 2), 8, 0.5), 8));
    torch::Tensor mask = torch::zeros({14, 17, 20}, torch::kBool);
    for (int z = 0; z < 14; ++z)
        for (int y = 0; y < 17; ++y)
            for (int x = 0; x < 20; ++x)
                if (axis[0][size_t(z)] && axis[1][size_t(y)] && axis[2][size_t(x)])
                    mask[z][y][x] = true;
    const torch::Tensor diff = (out - direct).abs().amax(1)[0];
    RADPATH_CHECK(mask.sum().item<int64_t>() > 500);
    RADPATH_CHECK(diff.masked_select(mask).max().item<double>() < 1e-5);
    // Elsewhere MONAI's constant blend keeps the window-face values: they must differ.
    RADPATH_CHECK(diff.masked_select(mask.logical_not()).max().item<double>() > 1e-3);

    // Everywhere: the blend equals the per-window reference, constant and gaussian.
    for (BlendMode mode : {BlendMode::Constant, BlendMode::Gaussian}) {
        const torch::Tensor blended = slidingWindowInference(image, {8, 8, 8}, 0.5, mode, 0.125, 4, model);
        RADPATH_CHECK(maxAbsDiff(blended, perWindowReference(image, {8, 8, 8}, 0.5, model, mode)) < 1e-5);
    }
}

void smallImageIsPaddedAndCroppedBack()
{
    // 5x6x7 under roi 8: MONAI pads diff // 2 before and the rest after: (1, 2), (1, 1), (0, 1).
    // A single zero-padded window then gives a 3-conv exactly the full image's zero padding.
    const ConvModel model = makeModel(3, 1, 2, 3);
    const torch::Tensor image = randomImage({1, 1, 5, 6, 7});
    torch::Tensor seen;
    const torch::Tensor out =
        slidingWindowInference(image, {8, 8, 8}, 0.25, BlendMode::Gaussian, 0.125, 2, [&](const torch::Tensor& w) {
            seen = w.clone();
            return model(w);
        });
    RADPATH_CHECK(seen.sizes() == torch::IntArrayRef({1, 1, 8, 8, 8}));
    const std::vector<torch::indexing::TensorIndex> inside{Slice(), Slice(), Slice(1, 6), Slice(1, 7), Slice(0, 7)};
    RADPATH_CHECK(maxAbsDiff(seen.index(inside), image) == 0.0);
    seen.index_put_(inside, 0.0);
    RADPATH_CHECK(seen.abs().max().item<double>() == 0.0); // the padding is zeros
    RADPATH_CHECK(out.sizes() == torch::IntArrayRef({1, 2, 5, 6, 7}));
    RADPATH_CHECK(maxAbsDiff(out, model(image)) < 1e-5);
}

void twoDimensionalImages()
{
    // Height 30, roi 16, overlap 0.25: interval 12, starts 0, 12, 14 (d = 2 first: 40 >= 30).
    // Width 41: starts 0, 12, 24, 25 (d = 3 first: 52 >= 41). 12 windows, batches of 5: 3 calls.
    const auto starts = windowStarts({1, 30, 41}, {1, 16, 16}, 0.25);
    RADPATH_CHECK(starts.size() == 12 && starts[3] == (std::array<int, 3>{0, 0, 25}) &&
                  starts[11] == (std::array<int, 3>{0, 14, 25}));
    const ConvModel pointwise = makeModel(2, 3, 2, 1);
    const torch::Tensor image = randomImage({1, 3, 30, 41});
    int calls = 0;
    const torch::Tensor out =
        slidingWindowInference(image, {16, 16}, 0.25, BlendMode::Gaussian, 0.125, 5, [&](const torch::Tensor& w) {
            ++calls;
            return pointwise(w);
        });
    RADPATH_CHECK(calls == 3);
    RADPATH_CHECK(maxAbsDiff(out, pointwise(image)) < 1e-5);

    const ConvModel local = makeModel(2, 3, 2, 3);
    for (BlendMode mode : {BlendMode::Constant, BlendMode::Gaussian}) {
        const torch::Tensor blended = slidingWindowInference(image, {16, 16}, 0.5, mode, 0.125, 2, local);
        RADPATH_CHECK(maxAbsDiff(blended, perWindowReference(image, {1, 16, 16}, 0.5, local, mode)) < 1e-5);
    }
}

void batchItemsAreBlendedSeparately()
{
    const ConvModel model = makeModel(2, 1, 1, 1);
    const torch::Tensor images = randomImage({2, 1, 20, 20});
    const torch::Tensor out = slidingWindowInference(images, {8, 8}, 0.25, BlendMode::Constant, 0.125, 3, model);
    RADPATH_CHECK(maxAbsDiff(out, model(images)) < 1e-5);
}

void progressAndCancellation()
{
    const ConvModel model = makeModel(3, 1, 1, 1);
    const torch::Tensor image = randomImage({1, 1, 16, 16, 16});
    // Roi 8, overlap 0.5: starts 0, 4, 8 per axis -> 27 windows; batches of 4 -> 7 reports.
    std::vector<double> reports;
    slidingWindowInference(image, {8, 8, 8}, 0.5, BlendMode::Constant, 0.125, 4, model,
                           [&](double f, const std::string&) { reports.push_back(f); });
    RADPATH_CHECK(reports.size() == 7 && reports.back() == 1.0);
    for (size_t i = 1; i < reports.size(); ++i)
        RADPATH_CHECK(reports[i] > reports[i - 1]);

    CancelToken token;
    int calls = 0;
    bool cancelled = false;
    try {
        slidingWindowInference(
            image, {8, 8, 8}, 0.5, BlendMode::Constant, 0.125, 4,
            [&](const torch::Tensor& w) {
                ++calls;
                token.cancel(); // takes effect before the next batch
                return model(w);
            },
            {}, &token);
    } catch (const Cancelled&) {
        cancelled = true;
    }
    RADPATH_CHECK(cancelled && calls == 1);
}

void badPredictorOutputIsRejected()
{
    const torch::Tensor image = randomImage({1, 1, 10, 10});
    bool threw = false;
    try {
        slidingWindowInference(image, {8, 8}, 0.25, BlendMode::Constant, 0.125, 1, [](const torch::Tensor& w) {
            return w.index({Slice(), Slice(), Slice(0, 4)});
        });
    } catch (const std::invalid_argument&) {
        threw = true;
    }
    RADPATH_CHECK(threw);
}

void mirroringAveragesFlippedPredictions()
{
    // A shift model, out[x] = in[x + 1] (zero past the edge). Mirrored along width it also
    // contributes in[x - 1]: on the ramp 1..5 the mean is (2+0)/2, (3+1)/2, 3, 4, (0+4)/2.
    ConvModel shift{torch::tensor({0.f, 0.f, 1.f}).view({1, 1, 1, 3}), torch::zeros({1}), 0};
    const Predictor shiftSame = [shift](const torch::Tensor& x) { return shift(torch::constant_pad_nd(x, {1, 1}, 0)); };
    const torch::Tensor ramp = torch::tensor({1.f, 2.f, 3.f, 4.f, 5.f}).view({1, 1, 1, 5});
    RADPATH_CHECK(near(shiftSame(ramp), {2.f, 3.f, 4.f, 5.f, 0.f}));
    int calls = 0;
    const Predictor mirrored = mirroredPredictor(
        [&](const torch::Tensor& x) {
            ++calls;
            return shiftSame(x);
        },
        {0, 1});
    // Height 1: flipping it changes nothing, so four passes give twice each width variant.
    RADPATH_CHECK(near(mirrored(ramp), {1.f, 2.f, 3.f, 4.f, 2.f}));
    RADPATH_CHECK(calls == 4);

    const ConvModel pointwise = makeModel(3, 2, 2, 1);
    const torch::Tensor image = randomImage({1, 2, 6, 7, 8});
    RADPATH_CHECK(maxAbsDiff(mirroredPredictor(pointwise, {0, 1, 2})(image), pointwise(image)) < 1e-5);
}

} // namespace

int main()
{
    return radpath::ai::test::runCases({
        {"windowStartsFollowMonai", windowStartsFollowMonai},
        {"gaussianImportanceMapIsMonais", gaussianImportanceMapIsMonais},
        {"scaleIntensityRangeWindowsAndClips", scaleIntensityRangeWindowsAndClips},
        {"normalizeIntensityIsPopulationZScore", normalizeIntensityIsPopulationZScore},
        {"scale255UsesPerChannelMeanAndStd", scale255UsesPerChannelMeanAndStd},
        {"pointwiseModelEqualsDirectForward3d", pointwiseModelEqualsDirectForward3d},
        {"localConvEqualsDirectForwardAwayFromWindowFaces3d", localConvEqualsDirectForwardAwayFromWindowFaces3d},
        {"smallImageIsPaddedAndCroppedBack", smallImageIsPaddedAndCroppedBack},
        {"twoDimensionalImages", twoDimensionalImages},
        {"batchItemsAreBlendedSeparately", batchItemsAreBlendedSeparately},
        {"progressAndCancellation", progressAndCancellation},
        {"badPredictorOutputIsRejected", badPredictorOutputIsRejected},
        {"mirroringAveragesFlippedPredictions", mirroringAveragesFlippedPredictions},
    });
}
