#include "ModelRunner.h"

#include "GridMapping.h"
#include "MonaiBundle.h"
#include "Preprocess.h"
#include "Saliency.h"
#include "SlidingWindow.h"
#include "radpath/ai/ModelError.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

namespace radpath::ai {
namespace {

constexpr size_t kCachedModels = 3;

std::string shapeText(const std::vector<int64_t>& shape)
{
    std::string text;
    for (size_t i = 0; i < shape.size(); ++i)
        text += (i ? "×" : "") + std::to_string(shape[i]);
    return text;
}

/// The image as a [C, D, H, W] tensor over the caller's memory, its channels matched to the
/// model's (a grey image is repeated for a colour model).
torch::Tensor imageTensor(const ImageBuffer& image, const ModelPackage& package)
{
    const Manifest& m = package.manifest;
    const auto& g = image.grid.size;
    const int64_t expected = int64_t(image.channels) * image.grid.voxelCount();
    if (image.channels < 1 || g[0] < 1 || g[1] < 1 || g[2] < 1 || int64_t(image.voxels.size()) != expected)
        throw ModelError(package.path + ": the image holds " + std::to_string(image.voxels.size()) + " values, " +
                         std::to_string(image.channels) + " channel(s) of " +
                         shapeText({g[0], g[1], g[2]}) + " need " + std::to_string(expected));
    if (m.dims == 2 && g[2] != 1)
        throw ModelError(package.path + ": a 2-D model cannot take a volume of " + std::to_string(g[2]) +
                         " slices; choose one slice or a 3-D model");
    if (m.dims == 3 && image.dims == 2)
        throw ModelError(package.path + ": a 3-D model cannot take a 2-D image");
    torch::Tensor x = torch::from_blob(const_cast<float*>(image.voxels.data()),
                                       {image.channels, g[2], g[1], g[0]}, torch::kFloat32);
    if (image.channels == m.input.channels)
        return x;
    if (image.channels == 1)
        return x.expand({m.input.channels, g[2], g[1], g[0]});
    throw ModelError(package.path + " expects " + std::to_string(m.input.channels) + " channel(s); the image has " +
                     std::to_string(image.channels));
}

/// The manifest's spacing in i, j (, k) order, whatever order the model uses.
std::optional<std::vector<double>> spacingIjk(const ModelPackage& package)
{
    auto spacing = package.manifest.input.spacingMm;
    if (spacing && !package.spatialIjk)
        std::reverse(spacing->begin(), spacing->end());
    return spacing;
}

std::vector<int64_t> wholeImageSize(const Manifest& m)
{
    const std::vector<int>& size = m.input.size.empty() ? m.input.patchSize : m.input.size;
    return std::vector<int64_t>(size.begin(), size.end());
}

GridMapping mappingFor(const ModelPackage& package, const ImageGrid& grid, bool resize)
{
    const Manifest& m = package.manifest;
    return GridMapping(grid, m.dims, m.input.orientation, spacingIjk(package), package.spatialIjk,
                       resize ? wholeImageSize(m) : std::vector<int64_t>{});
}

/// Image -> model input [1, C, ...] on `device`.
torch::Tensor modelInput(const ModelPackage& package, const GridMapping& mapping, const ImageBuffer& image,
                         const torch::Device& device)
{
    torch::Tensor x = applyIntensityTransform(mapping.toModel(imageTensor(image, package)), package.manifest.input.intensity);
    return x.unsqueeze(0).to(device);
}

void checkCancel(const CancelToken* cancel)
{
    if (cancel && cancel->isCancelled())
        throw Cancelled{};
}

void report(const ProgressCallback& progress, double fraction, const char* stage)
{
    if (progress)
        progress(fraction, stage);
}

std::vector<ClassProbability> classProbabilities(const Manifest& m, const torch::Tensor& probabilities)
{
    const torch::Tensor p = probabilities.to(torch::kCPU).to(torch::kDouble).contiguous();
    if (p.numel() != int64_t(m.output.labels.size()))
        throw ModelError(m.name + " returned " + std::to_string(p.numel()) + " scores for " +
                         std::to_string(m.output.labels.size()) + " labels");
    std::vector<ClassProbability> classes;
    for (size_t c = 0; c < m.output.labels.size(); ++c)
        classes.push_back({m.output.labels[c].index, m.output.labels[c].name, p.data_ptr<double>()[c]});
    return classes;
}

/// Probabilities [K, D, H, W] -> label values: argmax for softmax; for sigmoid the most
/// probable channel above the threshold, else 0.
std::vector<uint16_t> labelsFrom(const torch::Tensor& probabilities, const ModelPackage& package)
{
    const Manifest& m = package.manifest;
    torch::Tensor channel;
    torch::Tensor positive;
    std::tie(positive, channel) = probabilities.max(0);
    std::vector<int64_t> values;
    for (const auto& label : m.output.labels)
        values.push_back(label.index);
    torch::Tensor labels = torch::tensor(values, torch::kLong).index_select(0, channel.flatten());
    if (m.output.activation == ManifestOutput::Activation::Sigmoid)
        labels = torch::where(positive.flatten() > package.threshold, labels, torch::zeros_like(labels));
    labels = labels.to(torch::kInt32).contiguous();
    const int32_t* data = labels.data_ptr<int32_t>();
    return std::vector<uint16_t>(data, data + labels.numel());
}

/// [1, C, ...] zero-padded at the end of each spatial axis up to a multiple of `multiple`.
torch::Tensor padToMultiple(const torch::Tensor& x, int64_t multiple)
{
    std::vector<int64_t> pad; // last axis first, (before, after) pairs
    for (int64_t a = x.dim() - 1; a >= 2; --a) {
        pad.push_back(0);
        pad.push_back((multiple - x.size(a) % multiple) % multiple);
    }
    return torch::constant_pad_nd(x, pad, 0.0);
}

/// The output channel to explain: the label asked for; else the predicted class, or for a
/// segmenter the first foreground label (background wins the mean of nearly any volume).
int saliencyChannel(ModelPackage& package, const torch::Tensor& x, int targetClass, bool segmentation)
{
    const Manifest& m = package.manifest;
    if (targetClass >= 0) {
        for (size_t c = 0; c < m.output.labels.size(); ++c)
            if (m.output.labels[c].index == targetClass)
                return int(c);
        throw ModelError(package.path + " has no label " + std::to_string(targetClass));
    }
    if (segmentation) {
        for (size_t c = 0; c < m.output.labels.size(); ++c)
            if (m.output.labels[c].index != 0)
                return int(c);
        return 0;
    }
    torch::NoGradGuard noGrad;
    return int(activate(forwardLogits(package.module, x), m)[0].argmax().item<int64_t>());
}

/// The segmenter with its logits kept only where it predicts `channel` (scaled so that their
/// mean over the volume is their mean over that region): saliency then explains the region
/// it found, as Seg-Grad-CAM does, not the whole volume's background. Where it predicts
/// nothing of the class the whole volume counts.
torch::jit::Module regionScored(ModelPackage& package, const torch::Tensor& x, int channel)
{
    torch::Tensor mask;
    {
        torch::NoGradGuard noGrad;
        mask = (forwardLogits(package.module, x).argmax(1, true) == channel).to(torch::kFloat32);
    }
    const double inside = mask.sum().item<double>();
    mask = inside > 0.0 ? mask * (double(mask.numel()) / inside) : torch::ones_like(mask);
    torch::jit::Module wrapper("RegionScored");
    wrapper.register_module("inner", package.module);
    wrapper.register_buffer("mask", mask);
    std::string source = "def forward(self, x):\n    return self.inner.forward(x) * self.mask\n";
    if (package.hasForwardFeatures)
        source += "\ndef forward_features(self, x):\n"
                  "    logits, features = self.inner.forward_features(x)\n"
                  "    return logits * self.mask, features\n";
    wrapper.define(source);
    wrapper.eval();
    return wrapper;
}

} // namespace

ModelPackage loadAnyModel(const std::string& path, const torch::Device& device)
{
    return isMonaiBundle(path) ? loadMonaiBundle(path, device) : loadModelPackage(path, device);
}

namespace {

/// The file's size and modification time (a MONAI bundle folder: its model.ts's), so that a
/// package rewritten in place (a training run writing the same path again) is loaded anew.
std::string fileVersion(const std::string& path)
{
    namespace fs = std::filesystem;
    std::error_code error;
    fs::path file(path);
    if (fs::is_directory(file, error))
        file /= "models/model.ts";
    const auto size = fs::file_size(file, error);
    const auto time = fs::last_write_time(file, error).time_since_epoch().count();
    return error ? std::string() : std::to_string(size) + '@' + std::to_string(time);
}

} // namespace

std::shared_ptr<ModelPackage> ModelCache::get(const std::string& path, const torch::Device& device)
{
    const std::string key = deviceName(device) + "|" + path + "|" + fileVersion(path);
    std::lock_guard lock(m_mutex);
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
        if (it->key == key) {
            Entry entry = *it;
            m_entries.erase(it);
            m_entries.push_back(entry);
            return entry.package;
        }
    // An older version of the same file is of no further use.
    const std::string sameFile = deviceName(device) + "|" + path + "|";
    m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(),
                                   [&](const Entry& e) { return e.key.rfind(sameFile, 0) == 0; }),
                    m_entries.end());
    auto package = std::make_shared<ModelPackage>(loadAnyModel(path, device));
    const Manifest& m = package->manifest;
    if (!m.input.size.empty() || m.task == ModelTask::TileClassification) {
        std::vector<int64_t> shape{1, m.input.channels};
        for (int64_t side : wholeImageSize(m))
            shape.push_back(side);
        torch::NoGradGuard noGrad;
        forwardLogits(package->module, torch::zeros(shape, torch::TensorOptions().device(device)));
    }
    if (m_entries.size() >= kCachedModels)
        m_entries.erase(m_entries.begin());
    m_entries.push_back({key, package});
    return package;
}

RunDevice chooseDevice(Device asked)
{
    if (asked != Device::Cuda)
        return {};
    if (torch::cuda::is_available())
        return {torch::Device(torch::kCUDA, 0), ""};
    return {torch::Device(torch::kCPU), "CUDA was asked for but is not available here; the model ran on the CPU"};
}

std::string deviceName(const torch::Device& device)
{
    return device.is_cuda() ? "cuda:" + std::to_string(std::max<int>(0, device.index())) : "cpu";
}

bool isOutOfMemory(const std::exception& error)
{
    const std::string what = error.what();
    // CUDA says "out of memory"; LibTorch's CPU allocator "can't allocate memory".
    return what.find("out of memory") != std::string::npos || what.find("can't allocate memory") != std::string::npos;
}

torch::Tensor forwardLogits(torch::jit::Module& module, const torch::Tensor& input)
{
    const c10::IValue out = module.forward({input});
    if (out.isTensor())
        return out.toTensor();
    if (out.isTuple() && !out.toTuple()->elements().empty())
        return out.toTuple()->elements()[0].toTensor();
    if (out.isList() && out.toListRef().size() > 0)
        return out.toListRef()[0].toTensor();
    throw ModelError("the model's forward returned neither a tensor nor a tuple of tensors");
}

torch::Tensor activate(const torch::Tensor& logits, const Manifest& manifest)
{
    return manifest.output.activation == ManifestOutput::Activation::Sigmoid ? torch::sigmoid(logits)
                                                                             : torch::softmax(logits, 1);
}

Classification classifyImage(ModelPackage& package, const torch::Device& device, const ImageBuffer& image,
                             const ProgressCallback& progress, const CancelToken* cancel)
{
    const Manifest& m = package.manifest;
    if (m.task == ModelTask::Segmentation)
        throw ModelError(package.path + " is a segmentation model; run it as a segmentation");
    report(progress, 0.0, "preparing");
    const GridMapping mapping = mappingFor(package, image.grid, true);
    const torch::Tensor x = modelInput(package, mapping, image, device);
    checkInputShape(package, std::vector<int64_t>(x.sizes().begin(), x.sizes().end()));
    checkCancel(cancel);
    report(progress, 0.3, "inference");
    torch::NoGradGuard noGrad;
    const torch::Tensor logits = forwardLogits(package.module, x);
    Classification result;
    result.classes = classProbabilities(m, activate(logits, m)[0]);
    for (size_t c = 1; c < result.classes.size(); ++c)
        if (result.classes[c].probability > result.classes[size_t(result.predicted)].probability)
            result.predicted = int(c);
    report(progress, 1.0, "done");
    return result;
}

Segmentation segmentImage(ModelPackage& package, const torch::Device& device, const ImageBuffer& image,
                          const RunOptions& options, const ProgressCallback& progress, const CancelToken* cancel)
{
    const Manifest& m = package.manifest;
    if (m.task != ModelTask::Segmentation)
        throw ModelError(package.path + " is a " + toString(m.task) + " model, not a segmentation model");
    report(progress, 0.0, "preparing");
    const GridMapping mapping = mappingFor(package, image.grid, false);
    const torch::Tensor x = modelInput(package, mapping, image, device);
    checkCancel(cancel);

    torch::jit::Module& module = package.module;
    Predictor predictor = [&module](const torch::Tensor& batch) { return forwardLogits(module, batch); };
    if (options.mirroring) {
        std::vector<int64_t> axes;
        for (int a = 0; a < m.dims; ++a)
            axes.push_back(a);
        predictor = mirroredPredictor(predictor, axes);
    }
    const std::vector<int>& window = m.slidingWindow ? m.slidingWindow->roi : m.input.patchSize;
    const SlidingWindow settings = m.slidingWindow.value_or(SlidingWindow{});
    const int batch = options.batch > 0 ? options.batch : settings.batch;
    const auto windowProgress = [&progress](double f, const std::string&) { report(progress, 0.05 + 0.85 * f, "inference"); };
    torch::NoGradGuard noGrad;
    torch::Tensor logits;
    if (window.empty()) {
        logits = predictor(x);
    } else {
        logits = slidingWindowInference(x, std::vector<int64_t>(window.begin(), window.end()), settings.overlap,
                                        settings.mode == SlidingWindow::Mode::Gaussian ? BlendMode::Gaussian
                                                                                       : BlendMode::Constant,
                                        settings.sigmaScale, batch, predictor, windowProgress, cancel);
    }
    if (logits.size(1) != int64_t(m.output.labels.size()))
        throw ModelError(package.path + " returned " + std::to_string(logits.size(1)) + " channels; its manifest names " +
                         std::to_string(m.output.labels.size()) + " labels");
    checkCancel(cancel);
    report(progress, 0.9, "mapping back");
    const torch::Tensor probabilities = mapping.fromModel(activate(logits, m)[0].to(torch::kCPU));

    Segmentation result;
    result.grid = image.grid;
    result.channels = m.output.labels;
    result.labels = labelsFrom(probabilities, package);
    if (options.keepProbabilities) {
        const float* p = probabilities.data_ptr<float>();
        result.probabilities.assign(p, p + probabilities.numel());
    }
    report(progress, 1.0, "done");
    return result;
}

SaliencyMap explainImage(ModelPackage& package, const torch::Device& device, const ImageBuffer& image,
                         SaliencyMethod method, int targetClass, const ProgressCallback& progress,
                         const CancelToken* cancel)
{
    const Manifest& m = package.manifest;
    const bool segmentation = m.task == ModelTask::Segmentation;
    // A segmenter sees the whole image on its grid, zero-padded to multiples of 16 (what a
    // U-Net's poolings divide); its score for a class is that channel's mean logit.
    const GridMapping mapping = mappingFor(package, image.grid, !segmentation);
    torch::Tensor x = modelInput(package, mapping, image, device);
    std::vector<int64_t> unpadded(x.sizes().begin() + 2, x.sizes().end());
    if (segmentation)
        x = padToMultiple(x, 16);
    else
        checkInputShape(package, std::vector<int64_t>(x.sizes().begin(), x.sizes().end()));

    const int channel = saliencyChannel(package, x, targetClass, segmentation);
    torch::jit::Module explained = segmentation ? regionScored(package, x, channel) : package.module;
    report(progress, 0.05, "saliency");
    const auto sub = [&progress](double f, const std::string&) { report(progress, 0.05 + 0.85 * f, "saliency"); };
    torch::Tensor map;
    switch (method) {
    case SaliencyMethod::GradCam:
        map = gradCam(explained, x, channel);
        break;
    case SaliencyMethod::Gradient:
        map = gradientSaliency(explained, x, channel);
        break;
    case SaliencyMethod::SmoothGrad:
        map = smoothGrad(explained, x, channel, 25, 0.15, 42, sub, cancel);
        break;
    case SaliencyMethod::Occlusion: {
        // Eighths of the image, half-overlapping, in 2-D; in 3-D quarters side by side, so that
        // a volume takes 64 passes, not thousands.
        const int64_t side = *std::min_element(x.sizes().begin() + 2, x.sizes().end());
        const bool volume = x.dim() == 5;
        const int window = int(std::max<int64_t>(2, side / (volume ? 4 : 8)));
        map = occlusionSensitivity(explained, x, channel, window, volume ? window : std::max(1, window / 2),
                                   std::numeric_limits<double>::quiet_NaN(),
                                   m.output.activation == ManifestOutput::Activation::Sigmoid, volume ? 2 : 16, sub,
                                   cancel);
        break;
    }
    }
    checkCancel(cancel);
    report(progress, 0.9, "mapping back");
    for (size_t a = 0; a < unpadded.size(); ++a)
        map = map.narrow(int64_t(a), 0, unpadded[a]);
    torch::Tensor back = mapping.fromModel(map.unsqueeze(0))[0];
    const double peak = back.max().item<double>();
    back = peak > 0.0 ? (back.clamp_min(0.0) / peak) : back.zero_();

    SaliencyMap result;
    result.grid = image.grid;
    result.method = method;
    result.targetClass = m.output.labels[size_t(channel)].index;
    back = back.contiguous();
    result.values.assign(back.data_ptr<float>(), back.data_ptr<float>() + back.numel());
    report(progress, 1.0, "done");
    return result;
}

} // namespace radpath::ai
