// Saliency maps: Grad-CAM, vanilla gradient, SmoothGrad and occlusion sensitivity, each on
// one input [1, C, *spatial] as Saliency.h documents.

#include "Saliency.h"

#include "radpath/ai/ModelError.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/csrc/jit/runtime/graph_executor.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace radpath::ai {
namespace {

using torch::indexing::Slice;

// A map whose range is below this fraction of its magnitude is float rounding, not signal.
constexpr double kFlatRange = 1e-6;
// Probability drops below this are float32 rounding between batched and single forwards.
constexpr double kProbabilityNoise = 1e-6;

std::string shapeText(const torch::Tensor& t)
{
    std::string text = "[";
    for (int64_t i = 0; i < t.dim(); ++i)
        text += (i ? ", " : "") + std::to_string(t.size(i));
    return text + "]";
}

void checkInput(const torch::Tensor& input)
{
    if (!input.defined() || (input.dim() != 4 && input.dim() != 5) || input.size(0) != 1)
        throw ModelError("saliency: the input must be shaped [1, C, H, W] or [1, C, D, H, W], not " +
                         (input.defined() ? shapeText(input) : std::string("undefined")));
}

std::vector<int64_t> spatialShape(const torch::Tensor& t)
{
    return t.sizes().slice(2).vec();
}

std::vector<int64_t> spatialAxes(const torch::Tensor& t)
{
    std::vector<int64_t> axes;
    for (int64_t a = 2; a < t.dim(); ++a)
        axes.push_back(a);
    return axes;
}

void throwIfCancelled(const CancelToken* cancel)
{
    if (cancel && cancel->isCancelled())
        throw Cancelled{};
}

torch::Tensor asTensor(const c10::IValue& value, const std::string& what)
{
    if (!value.isTensor())
        throw ModelError("saliency: " + what + " is not a tensor");
    return value.toTensor();
}

// Scores [N, K] of every class: the logits, or each output channel's mean over its voxels.
torch::Tensor classScores(const torch::Tensor& output, int64_t targetClass)
{
    if (output.dim() < 2)
        throw ModelError("saliency: the model's output must be shaped [N, classes, ...], not " + shapeText(output));
    if (targetClass < 0 || targetClass >= output.size(1))
        throw ModelError("saliency: target class " + std::to_string(targetClass) + " is outside the model's " +
                         std::to_string(output.size(1)) + " output channels");
    return output.dim() > 2 ? output.flatten(2).mean(2) : output;
}

// The target's score of a batch of one, as a scalar to differentiate.
torch::Tensor targetScore(const torch::Tensor& output, int64_t targetClass)
{
    return classScores(output, targetClass)[0][targetClass];
}

// d score / d wrt; zeros where the score does not depend on `wrt`. autograd::grad rather than
// backward() so that nothing accumulates into the parameters' .grad.
torch::Tensor gradientOf(const torch::Tensor& score, const torch::Tensor& wrt)
{
    if (!score.requires_grad())
        return torch::zeros_like(wrt);
    const auto grads = torch::autograd::grad({score}, {wrt}, {}, false, false, /*allow_unused=*/true);
    return grads[0].defined() ? grads[0] : torch::zeros_like(wrt);
}

// A fresh leaf copy: gradients flow to it and never into the caller's tensor.
torch::Tensor differentiableCopy(const torch::Tensor& input)
{
    return input.detach().clone().requires_grad_(true);
}

// Min-max to 0..1 as float32 on the CPU; all zeros when flat.
torch::Tensor normalised(const torch::Tensor& map)
{
    const torch::Tensor m = map.detach().to(torch::kCPU, torch::kFloat64);
    if (!torch::isfinite(m).all().item<bool>())
        throw ModelError("saliency: the model gave values that are not finite");
    const double lo = m.min().item<double>();
    const double hi = m.max().item<double>();
    if (hi - lo <= kFlatRange * std::max(std::abs(lo), std::abs(hi)))
        return torch::zeros(m.sizes(), torch::kFloat32);
    return ((m - lo) / (hi - lo)).to(torch::kFloat32);
}

// |d score / d input|, maximum over channels, un-normalised: [*spatial] on the input's device.
torch::Tensor rawGradientMap(torch::jit::Module& module, const torch::Tensor& input, int64_t targetClass)
{
    torch::AutoGradMode enableGrad(true);
    const torch::Tensor x = differentiableCopy(input);
    const torch::Tensor output = asTensor(module.forward({x}), "the model's output");
    const torch::Tensor gradient = gradientOf(targetScore(output, targetClass), x);
    return gradient.abs().amax(1).squeeze(0).detach();
}

torch::Tensor upsampled(const torch::Tensor& cam, const std::vector<int64_t>& size)
{
    namespace F = torch::nn::functional;
    auto options = F::InterpolateFuncOptions().size(size).align_corners(false);
    if (size.size() == 3)
        options.mode(torch::kTrilinear);
    else
        options.mode(torch::kBilinear);
    return F::interpolate(cam, options);
}

// Starts of the windows along one axis every `stride` voxels, the last one moved back to end
// at the edge so that no voxel is left out at the end.
std::vector<int64_t> axisStarts(int64_t size, int64_t extent, int64_t stride)
{
    std::vector<int64_t> starts;
    for (int64_t s = 0; s + extent < size; s += stride)
        starts.push_back(s);
    starts.push_back(size - extent);
    return starts;
}

// The start of every occlusion window, last axis fastest.
std::vector<std::vector<int64_t>> occlusionWindows(const std::vector<int64_t>& size, const std::vector<int64_t>& extent,
                                                   int64_t stride)
{
    std::vector<std::vector<int64_t>> windows{{}};
    for (size_t a = 0; a < size.size(); ++a) {
        std::vector<std::vector<int64_t>> next;
        for (const auto& prefix : windows)
            for (int64_t s : axisStarts(size[a], extent[a], stride)) {
                next.push_back(prefix);
                next.back().push_back(s);
            }
        windows = std::move(next);
    }
    return windows;
}

// Index of one window in a tensor whose leading axes are `leading` (batch item, channels).
std::vector<torch::indexing::TensorIndex> windowIndex(std::vector<torch::indexing::TensorIndex> leading,
                                                      const std::vector<int64_t>& start,
                                                      const std::vector<int64_t>& extent)
{
    for (size_t a = 0; a < start.size(); ++a)
        leading.emplace_back(Slice(start[a], start[a] + extent[a]));
    return leading;
}

// p_target of every batch item, in float64 so that small drops survive the subtraction.
torch::Tensor targetProbability(torch::jit::Module& module, const torch::Tensor& x, int64_t targetClass, bool sigmoid)
{
    const torch::Tensor output = asTensor(module.forward({x}), "the model's output");
    const torch::Tensor scores = classScores(output, targetClass).to(torch::kFloat64);
    if (scores.size(0) != x.size(0))
        throw ModelError("saliency: the model gave " + std::to_string(scores.size(0)) + " outputs for a batch of " +
                         std::to_string(x.size(0)));
    return sigmoid ? torch::sigmoid(scores.select(1, targetClass)) : torch::softmax(scores, 1).select(1, targetClass);
}

} // namespace

torch::Tensor gradCam(torch::jit::Module& module, const torch::Tensor& input, int64_t targetClass)
{
    checkInput(input);
    auto forwardFeatures = module.find_method("forward_features");
    if (!forwardFeatures)
        throw ModelError("saliency: the model has no forward_features method, which Grad-CAM needs");

    torch::AutoGradMode enableGrad(true);
    // Once it has profiled a call, the optimising executor runs the method as one autograd node,
    // after which the logits no longer depend on the features output in the autograd graph;
    // unoptimised, every op is its own node. The switch is thread-local.
    torch::jit::GraphOptimizerEnabledGuard unoptimised(false);
    // The input joins the graph so that the features, computed from it, do too.
    const torch::Tensor x = differentiableCopy(input);
    const c10::IValue result = (*forwardFeatures)({x});
    if (!result.isTuple() || result.toTuple()->elements().size() != 2)
        throw ModelError("saliency: forward_features must return (logits, features)");
    const auto& pair = result.toTuple()->elements();
    const torch::Tensor logits = asTensor(pair[0], "forward_features' logits");
    const torch::Tensor features = asTensor(pair[1], "forward_features' features");
    if (features.dim() != input.dim() || features.size(0) != 1)
        throw ModelError("saliency: forward_features' features must be shaped [1, F, *spatial] like the input, not " +
                         shapeText(features));

    const torch::Tensor gradient = gradientOf(targetScore(logits, targetClass), features);
    const torch::Tensor weights = gradient.mean(spatialAxes(features), /*keepdim=*/true);
    const torch::Tensor cam = torch::relu((weights * features).sum(1, /*keepdim=*/true)).detach();
    return normalised(upsampled(cam, spatialShape(input)).squeeze(1).squeeze(0));
}

torch::Tensor gradientSaliency(torch::jit::Module& module, const torch::Tensor& input, int64_t targetClass)
{
    checkInput(input);
    return normalised(rawGradientMap(module, input, targetClass));
}

torch::Tensor smoothGrad(torch::jit::Module& module, const torch::Tensor& input, int64_t targetClass, int samples,
                         double noiseFraction, uint64_t seed, const ProgressCallback& progress,
                         const CancelToken* cancel)
{
    checkInput(input);
    if (samples < 1 || !(noiseFraction >= 0.0))
        throw std::invalid_argument("smoothGrad: need samples >= 1 and noiseFraction >= 0");
    const torch::Tensor x = input.detach();
    const double sigma = noiseFraction * (x.max() - x.min()).item<double>();
    // Noise from a generator of our own, drawn on the CPU: the same seed gives the same noise
    // on every device, and the global generator's sequence is left as it was.
    at::Generator generator = at::detail::createCPUGenerator(seed);

    torch::Tensor sum;
    for (int i = 0; i < samples; ++i) {
        throwIfCancelled(cancel);
        const torch::Tensor noise = torch::randn(x.sizes(), generator, torch::kFloat32).mul_(sigma);
        const torch::Tensor map = rawGradientMap(module, x + noise.to(x.options()), targetClass);
        sum = sum.defined() ? sum + map : map;
        if (progress)
            progress(double(i + 1) / samples, "SmoothGrad");
    }
    return normalised(sum / samples);
}

torch::Tensor occlusionSensitivity(torch::jit::Module& module, const torch::Tensor& input, int64_t targetClass,
                                   int window, int stride, double baseline, bool sigmoid, int batch,
                                   const ProgressCallback& progress, const CancelToken* cancel)
{
    checkInput(input);
    if (window < 1 || stride < 1 || batch < 1)
        throw std::invalid_argument("occlusionSensitivity: need window, stride and batch >= 1");
    torch::NoGradGuard noGrad;
    const torch::Tensor x = input.detach();
    const double fill = std::isnan(baseline) ? x.mean().item<double>() : baseline;
    const std::vector<int64_t> size = spatialShape(x);
    std::vector<int64_t> extent;
    for (int64_t s : size)
        extent.push_back(std::min<int64_t>(window, s));
    const auto windows = occlusionWindows(size, extent, stride);
    const double original = targetProbability(module, x, targetClass, sigmoid).item<double>();

    // Summed drops and window counts per voxel, on the CPU whatever the model's device.
    torch::Tensor sum = torch::zeros(size, torch::kFloat64);
    torch::Tensor count = torch::zeros(size, torch::kFloat64);
    const auto total = int64_t(windows.size());
    for (int64_t first = 0; first < total; first += batch) {
        throwIfCancelled(cancel);
        const int64_t n = std::min<int64_t>(batch, total - first);
        std::vector<int64_t> repeat(size_t(x.dim()), 1);
        repeat[0] = n;
        torch::Tensor occluded = x.repeat(repeat);
        for (int64_t i = 0; i < n; ++i)
            occluded.index_put_(windowIndex({i, Slice()}, windows[size_t(first + i)], extent), fill);
        const torch::Tensor drop = (original - targetProbability(module, occluded, targetClass, sigmoid)).cpu();
        for (int64_t i = 0; i < n; ++i) {
            const auto index = windowIndex({}, windows[size_t(first + i)], extent);
            sum.index(index).add_(drop[i]);
            count.index(index).add_(1.0);
        }
        if (progress)
            progress(double(first + n) / double(total), "occlusion");
    }
    // Voxels that no window covers (stride > window) get 0, as does rounding noise.
    torch::Tensor map = (sum / count.clamp_min(1.0)).clamp_min(0.0);
    map.masked_fill_(map < kProbabilityNoise, 0.0);
    return normalised(map);
}

} // namespace radpath::ai
