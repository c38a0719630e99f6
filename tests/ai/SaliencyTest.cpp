// Saliency maps on small TorchScript models whose behaviour is known by hand: a square (cube)
// detector, relu(box filter - 2) averaged into the logits, shown an image that is dark except
// for one bright square; and linear models sum(x * W).

#include "Check.h"

#include "Saliency.h"
#include "radpath/ai/ModelError.h"

#include <iostream>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

using namespace radpath::ai;
using torch::indexing::Slice;

namespace {

using MapFunction = std::function<torch::Tensor(torch::jit::Module&, const torch::Tensor&)>;

constexpr double kMeanBaseline = std::numeric_limits<double>::quiet_NaN();

// Parameters that require grad, so that a stray backward() would leave a .grad behind.
void addParameter(torch::jit::Module& module, const std::string& name, const torch::Tensor& value)
{
    module.register_parameter(name, value.clone().requires_grad_(true), false);
}

// features = relu(conv(x, k) - 2), channel 0 with k = ones (fires on bright squares), channel 1
// with k = -ones (never fires on a non-negative image); logits = 10 * spatial mean of each
// channel. With `spatialLogits` the head is the same map as a 1x1 convolution, so the logits
// keep their spatial axes and their voxel means equal the pooled logits.
torch::jit::Module squareDetector2d(bool spatialLogits)
{
    torch::jit::Module module("SquareDetector2d");
    addParameter(module, "kernel", torch::cat({torch::ones({1, 1, 3, 3}), -torch::ones({1, 1, 3, 3})}));
    addParameter(module, "bias", torch::full({2}, -2.0));
    addParameter(module, "head", torch::eye(2) * 10.0);
    const std::string logits = spatialLogits ? "torch.conv2d(features, self.head.view([2, 2, 1, 1]))"
                                             : "torch.matmul(torch.mean(features, [2, 3]), self.head.t())";
    module.define("def forward_features(self, x):\n"
                  "    features = torch.relu(torch.conv2d(x, self.kernel, self.bias, [1, 1], [1, 1]))\n"
                  "    return " +
                  logits +
                  ", features\n"
                  "\n"
                  "def forward(self, x):\n"
                  "    return self.forward_features(x)[0]\n");
    return module;
}

// The same in 3-D, on a 2x2x2 average-pooled input: features at half resolution, so Grad-CAM
// has to upsample.
torch::jit::Module cubeDetector3d()
{
    torch::jit::Module module("CubeDetector3d");
    addParameter(module, "kernel", torch::cat({torch::ones({1, 1, 3, 3, 3}), -torch::ones({1, 1, 3, 3, 3})}));
    addParameter(module, "bias", torch::full({2}, -2.0));
    addParameter(module, "head", torch::eye(2) * 10.0);
    module.define(R"(
def forward_features(self, x):
    pooled = torch.avg_pool3d(x, [2, 2, 2])
    features = torch.relu(torch.conv3d(pooled, self.kernel, self.bias, [1, 1, 1], [1, 1, 1]))
    return torch.matmul(torch.mean(features, [2, 3, 4]), self.head.t()), features

def forward(self, x):
    return self.forward_features(x)[0]
)");
    return module;
}

// logits[k] = sum(x * weight[k]); weight [K, C, H, W]. No forward_features.
torch::jit::Module linearModel(const torch::Tensor& weight)
{
    torch::jit::Module module("Linear");
    addParameter(module, "weight", weight);
    module.define(R"(
def forward(self, x):
    return torch.sum(x.unsqueeze(1) * self.weight, [2, 3, 4])
)");
    return module;
}

// 16x16, bright square rows and columns [4, 8).
torch::Tensor squareImage()
{
    torch::Tensor image = torch::zeros({1, 1, 16, 16});
    image.index_put_({0, 0, Slice(4, 8), Slice(4, 8)}, 1.0);
    return image;
}

// 8x16x16, bright cube [2, 6) x [4, 8) x [8, 12), aligned with the model's 2x2x2 pooling.
torch::Tensor cubeImage()
{
    torch::Tensor image = torch::zeros({1, 1, 8, 16, 16});
    image.index_put_({0, 0, Slice(2, 6), Slice(4, 8), Slice(8, 12)}, 1.0);
    return image;
}

// The four methods for class 0 with settings that suit both test images.
torch::Tensor gradCamMap(torch::jit::Module& m, const torch::Tensor& x)
{
    return gradCam(m, x, 0);
}

torch::Tensor gradientMap(torch::jit::Module& m, const torch::Tensor& x)
{
    return gradientSaliency(m, x, 0);
}

torch::Tensor smoothGradMap(torch::jit::Module& m, const torch::Tensor& x)
{
    return smoothGrad(m, x, 0, 8, 0.1, 1);
}

torch::Tensor occlusionMap(torch::jit::Module& m, const torch::Tensor& x)
{
    return occlusionSensitivity(m, x, 0, 2, 2, kMeanBaseline, false, 5);
}

std::vector<std::pair<std::string, MapFunction>> allMethods()
{
    return {{"Grad-CAM", gradCamMap},
            {"gradient", gradientMap},
            {"SmoothGrad", smoothGradMap},
            {"occlusion", occlusionMap}};
}

// Runs one method and checks what every call must leave alone: the input, the parameters'
// gradients and the module's mode.
torch::Tensor mapOf(const MapFunction& method, torch::jit::Module& module, const torch::Tensor& input)
{
    const torch::Tensor before = input.clone();
    const bool training = module.is_training();
    torch::Tensor map = method(module, input);
    RADPATH_CHECK(torch::equal(input, before) && !input.requires_grad());
    RADPATH_CHECK(module.is_training() == training);
    for (const torch::Tensor& p : module.parameters())
        RADPATH_CHECK(p.requires_grad() && !p.grad().defined());
    return map;
}

// A float32 CPU map of the input's spatial shape within [0, 1] whose maximum is 1.
bool isNormalisedMap(const torch::Tensor& map, const torch::Tensor& input)
{
    return map.scalar_type() == torch::kFloat32 && map.device().is_cpu() && map.sizes() == input.sizes().slice(2) &&
           map.min().item<float>() >= 0.0f && map.max().item<float>() == 1.0f;
}

// Whether the map's (first) maximum lies in the box [lo, hi) on every axis.
bool peaksIn(const torch::Tensor& map, const std::vector<int64_t>& lo, const std::vector<int64_t>& hi)
{
    int64_t flat = map.argmax().item<int64_t>();
    for (int64_t a = map.dim() - 1; a >= 0; --a) {
        const int64_t i = flat % map.size(a);
        flat /= map.size(a);
        if (i < lo[size_t(a)] || i >= hi[size_t(a)])
            return false;
    }
    return true;
}

double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b)
{
    return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

torch::Tensor minMax(const torch::Tensor& t)
{
    return (t - t.min()) / (t.max() - t.min());
}

void squareIsFoundIn2d()
{
    torch::jit::Module model = squareDetector2d(false);
    for (const auto& [name, method] : allMethods()) {
        const torch::Tensor map = mapOf(method, model, squareImage());
        const bool ok = isNormalisedMap(map, squareImage()) && peaksIn(map, {4, 4}, {8, 8}) &&
                        map.index({Slice(11), Slice()}).max().item<float>() < 0.05f &&
                        map.index({Slice(), Slice(11)}).max().item<float>() < 0.05f;
        if (!ok)
            std::cerr << "  " << name << ", in percent:\n" << (map * 100).round().to(torch::kInt) << '\n';
        RADPATH_CHECK(ok);
    }
}

void cubeIsFoundIn3d()
{
    torch::jit::Module model = cubeDetector3d();
    for (const auto& [name, method] : allMethods()) {
        const torch::Tensor map = mapOf(method, model, cubeImage());
        const bool ok = isNormalisedMap(map, cubeImage()) && peaksIn(map, {2, 4, 8}, {6, 8, 12}) &&
                        map.index({Slice(), Slice(12), Slice()}).max().item<float>() < 0.05f &&
                        map.index({Slice(), Slice(), Slice(0, 4)}).max().item<float>() < 0.05f;
        if (!ok)
            std::cerr << "  " << name << " misses the cube\n";
        RADPATH_CHECK(ok);
    }
}

// Only the first feature channel fires and its weight is constant, so the CAM is that channel.
void gradCamIsTheFiringFeatureMap()
{
    torch::jit::Module model = squareDetector2d(false);
    const torch::Tensor firing = torch::relu(torch::conv2d(squareImage(), torch::ones({1, 1, 3, 3}), {}, 1, 1) - 2);
    RADPATH_CHECK(maxAbsDiff(mapOf(gradCamMap, model, squareImage()), minMax(firing)[0][0]) < 1e-6);
}

// Segmentation: the score is the target channel's voxel mean, which here equals the logit.
void spatialLogitsGiveTheSameMaps()
{
    torch::jit::Module pooled = squareDetector2d(false);
    torch::jit::Module spatial = squareDetector2d(true);
    for (const auto& [name, method] : allMethods()) {
        const double diff = maxAbsDiff(mapOf(method, pooled, squareImage()), mapOf(method, spatial, squareImage()));
        if (diff >= 1e-5)
            std::cerr << "  " << name << " differs by " << diff << '\n';
        RADPATH_CHECK(diff < 1e-5);
    }
}

// d sum(x * W[0]) / dx = W[0]; its map is |W[0]| maximised over channels, min-max normalised.
void gradientOfLinearModelIsAbsWeight()
{
    torch::manual_seed(3);
    const torch::Tensor weight = torch::randn({2, 2, 5, 7});
    torch::jit::Module model = linearModel(weight);
    const torch::Tensor input = torch::rand({1, 2, 5, 7});
    const torch::Tensor expected = minMax(std::get<0>(weight[0].abs().max(0)));
    RADPATH_CHECK(maxAbsDiff(mapOf(gradientMap, model, input), expected) < 1e-6);
    // The gradient of a linear model ignores noise: SmoothGrad gives the same.
    RADPATH_CHECK(maxAbsDiff(mapOf(smoothGradMap, model, input), expected) < 1e-6);
}

void smoothGradIsReproducible()
{
    torch::jit::Module model = squareDetector2d(false);
    const auto run = [&](uint64_t seed) {
        return mapOf([&](auto& m, const auto& x) { return smoothGrad(m, x, 0, 6, 0.2, seed); }, model, squareImage());
    };
    torch::manual_seed(99);
    const torch::Tensor globalDraw = torch::rand({4});
    torch::manual_seed(99);
    const torch::Tensor first = run(42);
    RADPATH_CHECK(torch::equal(first, run(42)));
    RADPATH_CHECK(!torch::equal(first, run(43)));
    // The global generator is not used.
    RADPATH_CHECK(torch::equal(torch::rand({4}), globalDraw));
    // Without noise every sample is the plain gradient.
    RADPATH_CHECK(
        maxAbsDiff(smoothGrad(model, squareImage(), 0, 3, 0.0, 1), gradientSaliency(model, squareImage(), 0)) < 1e-6);
}

// The model reads only columns [0, 4), with positive weights for class 0 and none for class 1:
// windows over columns [0, 4) lower p_0, windows over columns [4, 8) change nothing.
void occludingIgnoredRegionGivesZeros()
{
    torch::manual_seed(5);
    torch::Tensor weight = torch::zeros({2, 1, 8, 8});
    weight.index_put_({0, Slice(), Slice(), Slice(0, 4)}, torch::rand({1, 8, 4}) + 0.1);
    torch::jit::Module model = linearModel(weight);
    const torch::Tensor input = torch::rand({1, 1, 8, 8}) + 0.5;
    const torch::Tensor map =
        mapOf([](auto& m, const auto& x) { return occlusionSensitivity(m, x, 0, 4, 4, 0.0, false, 3); }, model, input);
    RADPATH_CHECK(isNormalisedMap(map, input));
    RADPATH_CHECK(map.index({Slice(), Slice(4)}).abs().max().item<float>() == 0.0f);
}

// One-voxel windows on sigmoid(sum(x * W)): drop at v = s(total) - s(total - W_v (x_v - b)).
void occlusionMatchesTheFormula()
{
    torch::manual_seed(8);
    const torch::Tensor weight = torch::randn({1, 1, 6, 6}, torch::kFloat64);
    const torch::Tensor input = torch::rand({1, 1, 6, 6}, torch::kFloat64);
    torch::jit::Module model = linearModel(weight.to(torch::kFloat32));
    const double baseline = 0.25;
    const torch::Tensor total = (input * weight).sum();
    const torch::Tensor drop =
        (torch::sigmoid(total) - torch::sigmoid(total - weight * (input - baseline)))[0][0].clamp_min(0);
    for (int batch : {1, 7, 36}) {
        const torch::Tensor map =
            mapOf([&](auto& m, const auto& x) { return occlusionSensitivity(m, x, 0, 1, 1, baseline, true, batch); },
                  model, input.to(torch::kFloat32));
        RADPATH_CHECK(maxAbsDiff(map, minMax(drop)) < 1e-4);
    }
}

void flatMapsAreZeros()
{
    torch::jit::Module blind = linearModel(torch::zeros({2, 1, 8, 8}));
    const torch::Tensor input = torch::rand({1, 1, 8, 8});
    for (const auto& [name, method] : allMethods())
        if (name != "Grad-CAM")
            RADPATH_CHECK(mapOf(method, blind, input).abs().max().item<float>() == 0.0f);
    torch::jit::Module detector = squareDetector2d(false);
    const torch::Tensor dark = torch::zeros({1, 1, 16, 16});
    RADPATH_CHECK(mapOf(gradCamMap, detector, dark).abs().max().item<float>() == 0.0f);
}

// TorchScript optimises a method after its first calls; the maps must not change when it does.
void repeatedCallsGiveTheSameMap()
{
    torch::jit::Module model = squareDetector2d(false);
    for (const auto& [name, method] : allMethods()) {
        const torch::Tensor first = mapOf(method, model, squareImage());
        for (int call = 2; call <= 5; ++call)
            RADPATH_CHECK(torch::equal(mapOf(method, model, squareImage()), first));
    }
}

void worksUnderNoGradGuard()
{
    torch::jit::Module model = squareDetector2d(false);
    for (const auto& [name, method] : allMethods()) {
        const torch::Tensor expected = mapOf(method, model, squareImage());
        torch::NoGradGuard noGrad;
        RADPATH_CHECK(torch::equal(mapOf(method, model, squareImage()), expected));
        RADPATH_CHECK(!torch::GradMode::is_enabled());
    }
}

template <typename Error> bool throws(const std::function<void()>& action)
{
    try {
        action();
    } catch (const Error&) {
        return true;
    }
    return false;
}

void unusableInputsAreRefused()
{
    torch::jit::Module noFeatures = linearModel(torch::ones({2, 1, 8, 8}));
    const torch::Tensor input = torch::rand({1, 1, 8, 8});
    RADPATH_CHECK(throws<ModelError>([&] { gradCam(noFeatures, input, 0); }));
    RADPATH_CHECK(throws<ModelError>([&] { gradientSaliency(noFeatures, input, 2); }));
    RADPATH_CHECK(throws<ModelError>([&] { gradientSaliency(noFeatures, input, -1); }));
    RADPATH_CHECK(throws<ModelError>([&] { gradientSaliency(noFeatures, input[0], 0); }));
    RADPATH_CHECK(throws<ModelError>([&] { gradientSaliency(noFeatures, torch::rand({2, 1, 8, 8}), 0); }));
    RADPATH_CHECK(throws<std::invalid_argument>([&] { smoothGrad(noFeatures, input, 0, 0, 0.1, 1); }));
    RADPATH_CHECK(throws<std::invalid_argument>(
        [&] { occlusionSensitivity(noFeatures, input, 0, 0, 1, kMeanBaseline, false, 4); }));
}

void cancelAndProgress()
{
    torch::jit::Module model = squareDetector2d(false);
    std::vector<double> reports;
    const ProgressCallback record = [&](double f, const std::string&) { reports.push_back(f); };
    CancelToken cancelled;
    cancelled.cancel();
    RADPATH_CHECK(throws<Cancelled>([&] { smoothGrad(model, squareImage(), 0, 4, 0.1, 1, record, &cancelled); }));
    RADPATH_CHECK(throws<Cancelled>(
        [&] { occlusionSensitivity(model, squareImage(), 0, 4, 4, 0.0, false, 2, record, &cancelled); }));
    RADPATH_CHECK(reports.empty());

    smoothGrad(model, squareImage(), 0, 4, 0.1, 1, record);
    RADPATH_CHECK((reports == std::vector<double>{0.25, 0.5, 0.75, 1.0}));
    reports.clear();
    // 16 windows, 6 at a time.
    occlusionSensitivity(model, squareImage(), 0, 4, 4, 0.0, false, 6, record);
    RADPATH_CHECK((reports == std::vector<double>{6.0 / 16, 12.0 / 16, 1.0}));

    // Cancelled during the first step: stops before the second.
    CancelToken midway;
    int steps = 0;
    const ProgressCallback cancelOnFirst = [&](double, const std::string&) {
        ++steps;
        midway.cancel();
    };
    RADPATH_CHECK(throws<Cancelled>([&] { smoothGrad(model, squareImage(), 0, 4, 0.1, 1, cancelOnFirst, &midway); }));
    RADPATH_CHECK(steps == 1);
}

} // namespace

int main()
{
    return radpath::ai::test::runCases({
        {"squareIsFoundIn2d", squareIsFoundIn2d},
        {"cubeIsFoundIn3d", cubeIsFoundIn3d},
        {"gradCamIsTheFiringFeatureMap", gradCamIsTheFiringFeatureMap},
        {"spatialLogitsGiveTheSameMaps", spatialLogitsGiveTheSameMaps},
        {"gradientOfLinearModelIsAbsWeight", gradientOfLinearModelIsAbsWeight},
        {"smoothGradIsReproducible", smoothGradIsReproducible},
        {"occludingIgnoredRegionGivesZeros", occludingIgnoredRegionGivesZeros},
        {"occlusionMatchesTheFormula", occlusionMatchesTheFormula},
        {"flatMapsAreZeros", flatMapsAreZeros},
        {"repeatedCallsGiveTheSameMap", repeatedCallsGiveTheSameMap},
        {"worksUnderNoGradGuard", worksUnderNoGradGuard},
        {"unusableInputsAreRefused", unusableInputsAreRefused},
        {"cancelAndProgress", cancelAndProgress},
    });
}
