// The LibTorch engine behind radpath::ai::Engine.

#include "radpath/ai/Engine.h"
#include "radpath/ai/ModelError.h"

#include "ModelEvaluation.h"
#include "ModelRunner.h"
#include "Trainer.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace radpath::ai {
namespace {

torch::Device toTorch(Device device)
{
    return device == Device::Cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
}

std::string torchVersion()
{
    std::ostringstream out;
    out << TORCH_VERSION_MAJOR << '.' << TORCH_VERSION_MINOR << '.' << TORCH_VERSION_PATCH;
    return out.str();
}

// Reference 2-D convolution ("valid" padding, cross-correlation as torch computes it).
std::vector<double> referenceConv(const std::vector<float>& input, int h, int w,
                                  const std::vector<float>& kernel)
{
    std::vector<double> out(static_cast<size_t>((h - 2) * (w - 2)));
    for (int y = 0; y + 2 < h; ++y)
        for (int x = 0; x + 2 < w; ++x) {
            double sum = 0.0;
            for (int ky = 0; ky < 3; ++ky)
                for (int kx = 0; kx < 3; ++kx)
                    sum += double(input[size_t((y + ky) * w + x + kx)]) * kernel[size_t(ky * 3 + kx)];
            out[size_t(y * (w - 2) + x)] = sum;
        }
    return out;
}

class TorchEngine final : public Engine {
public:
    RuntimeInfo runtimeInfo() const override
    {
        RuntimeInfo info;
        info.torchVersion = torchVersion();
        info.cudaAvailable = torch::cuda::is_available();
        info.cudaDeviceCount = info.cudaAvailable ? int(torch::cuda::device_count()) : 0;
        for (int i = 0; i < info.cudaDeviceCount; ++i)
            info.cudaDeviceNames.push_back("cuda:" + std::to_string(i));
        info.intraOpThreads = torch::get_num_threads();
        return info;
    }

    void setThreads(int threads) override { torch::set_num_threads(std::max(1, threads)); }

    DeviceCheck checkDevice(Device device) override
    {
        DeviceCheck check;
        check.device = device;
        if (device == Device::Cuda && !torch::cuda::is_available()) {
            check.message = "CUDA is not available to this LibTorch build or machine";
            return check;
        }
        try {
            constexpr int h = 64, w = 48;
            std::vector<float> input(size_t(h * w));
            for (int i = 0; i < h * w; ++i)
                input[size_t(i)] = float(std::sin(0.37 * i) * 100.0 + (i % 7));
            const std::vector<float> kernel{1, 2, 1, 0, 0, 0, -1, -2, -1}; // Sobel-y

            torch::NoGradGuard noGrad;
            auto in = torch::from_blob(input.data(), {1, 1, h, w}, torch::kFloat32).to(toTorch(device));
            auto k = torch::from_blob(const_cast<float*>(kernel.data()), {1, 1, 3, 3}, torch::kFloat32)
                         .to(toTorch(device));
            auto out = torch::conv2d(in, k).to(torch::kCPU).contiguous();
            const auto expected = referenceConv(input, h, w, kernel);
            const float* got = out.data_ptr<float>();
            double worst = 0.0;
            for (size_t i = 0; i < expected.size(); ++i)
                worst = std::max(worst, std::abs(double(got[i]) - expected[i]));
            check.maxAbsError = worst;
            check.ok = worst < 1e-2; // float32 (TF32 on some GPUs) against double
            std::ostringstream msg;
            msg << toString(device) << " convolution max |error| " << worst;
            check.message = msg.str();
        } catch (const std::exception& e) {
            check.ok = false;
            check.message = e.what();
        }
        return check;
    }

    void boxFilter(FloatImage image, Device device, const ProgressCallback& progress,
                   const CancelToken* cancel) override
    {
        if (!image.data || image.width <= 0 || image.height <= 0 || image.depth <= 0 || image.channels <= 0)
            throw std::invalid_argument("boxFilter: empty image");
        if (device == Device::Cuda && !torch::cuda::is_available())
            throw std::runtime_error("boxFilter: CUDA is not available");

        torch::NoGradGuard noGrad;
        // Wraps the caller's memory: no copy on the CPU.
        auto view = torch::from_blob(image.data,
                                     {image.channels, image.depth, image.height, image.width},
                                     torch::kFloat32);
        const bool volumetric = image.depth > 1;
        // One channel at a time so that progress and cancellation have steps to act on.
        for (int c = 0; c < image.channels; ++c) {
            if (cancel && cancel->isCancelled())
                throw Cancelled{};
            auto channel = view[c].to(toTorch(device)).unsqueeze(0).unsqueeze(0);
            torch::Tensor filtered;
            if (volumetric) {
                auto padded = torch::nn::functional::pad(
                    channel, torch::nn::functional::PadFuncOptions({1, 1, 1, 1, 1, 1}).mode(torch::kReplicate));
                filtered = torch::avg_pool3d(padded, {3, 3, 3}, {1, 1, 1});
            } else {
                auto plane = channel.squeeze(2);
                auto padded = torch::nn::functional::pad(
                    plane, torch::nn::functional::PadFuncOptions({1, 1, 1, 1}).mode(torch::kReplicate));
                filtered = torch::avg_pool2d(padded, {3, 3}, {1, 1}).unsqueeze(2);
            }
            view[c].copy_(filtered.squeeze(0).squeeze(0).to(torch::kCPU));
            if (progress)
                progress(double(c + 1) / image.channels, "box filter");
        }
    }

    ModelInfo inspectModel(const std::string& modelPath) override
    {
        const auto package = m_models.get(modelPath, torch::kCPU);
        ModelInfo info;
        info.path = modelPath;
        info.format = package->format == PackageFormat::MonaiBundle ? "monai-bundle" : "radpath";
        info.manifest = package->manifest;
        info.hasForwardFeatures = package->hasForwardFeatures;
        info.layers = layerGroups(package->module);
        return info;
    }

    Classification classify(const std::string& modelPath, const ImageBuffer& image, const RunOptions& options,
                            const ProgressCallback& progress, const CancelToken* cancel) override
    {
        return run<Classification>(modelPath, options, [&](ModelPackage& package, const torch::Device& device, const RunOptions&) {
            return classifyImage(package, device, image, progress, cancel);
        });
    }

    Segmentation segment(const std::string& modelPath, const ImageBuffer& image, const RunOptions& options,
                         const ProgressCallback& progress, const CancelToken* cancel) override
    {
        return run<Segmentation>(modelPath, options, [&](ModelPackage& package, const torch::Device& device, const RunOptions& attempt) {
            return segmentImage(package, device, image, attempt, progress, cancel);
        });
    }

    SaliencyMap saliency(const std::string& modelPath, const ImageBuffer& image, SaliencyMethod method,
                         int targetClass, const RunOptions& options, const ProgressCallback& progress,
                         const CancelToken* cancel) override
    {
        return run<SaliencyMap>(modelPath, options, [&](ModelPackage& package, const torch::Device& device, const RunOptions&) {
            return explainImage(package, device, image, method, targetClass, progress, cancel);
        });
    }

    SlideClassification classifySlide(const std::string& modelPath, const SlideDescription& slide,
                                      const SlideRegionReader& reader, const std::array<std::int64_t, 4>& visibleRect,
                                      const TileScoresCallback& onScores, const RunOptions& options,
                                      const ProgressCallback& progress, const CancelToken* cancel) override
    {
        return run<SlideClassification>(modelPath, options, [&](ModelPackage& package, const torch::Device& device, const RunOptions& attempt) {
            return classifySlideTiles(package, device, slide, reader, visibleRect, onScores, attempt, progress, cancel);
        });
    }

    ClassificationEvaluation evaluateClassifier(const std::string& modelPath, const std::vector<LabelledImage>& images,
                                                const EvaluationSettings& settings, const RunOptions& options,
                                                const ProgressCallback& progress, const CancelToken* cancel) override
    {
        const Manifest manifest = m_models.get(modelPath, chooseDevice(options.device).device)->manifest;
        const ClassifyImage one = [&](const ImageBuffer& image, const ProgressCallback& step) {
            return classify(modelPath, image, options, step, cancel);
        };
        return evaluateClassifierImages(modelPath, manifest, images, settings, one, progress, cancel);
    }

    SegmentationEvaluation evaluateSegmenter(const std::string& modelPath, const std::vector<LabelledImage>& images,
                                             const EvaluationSettings&, const RunOptions& options,
                                             const ProgressCallback& progress, const CancelToken* cancel) override
    {
        const Manifest manifest = m_models.get(modelPath, chooseDevice(options.device).device)->manifest;
        RunOptions labelsOnly = options;
        labelsOnly.keepProbabilities = false;
        const SegmentImage one = [&](const ImageBuffer& image, const ProgressCallback& step) {
            return segment(modelPath, image, labelsOnly, step, cancel);
        };
        return evaluateSegmenterImages(modelPath, manifest, images, one, progress, cancel);
    }

    TrainingOutcome train(const TrainingData& data, const TrainingSettings& settings, const EpochCallback& onEpoch,
                          const ProgressCallback& progress, const CancelToken* cancel) override
    {
        return trainModel(data, settings, onEpoch, progress, cancel);
    }

private:
    /// Runs `work` on the device asked for (the CPU when CUDA is missing or runs out of
    /// memory, said in the record's notice) and fills the result's RunRecord.
    /// Runs `work` on the device asked for (the CPU when CUDA is missing) and fills the
    /// result's RunRecord. Memory decides the batch: on a GPU a run starts large and halves
    /// its batch each time it runs out of memory, remembering what fitted for the next run;
    /// when even one window or tile does not fit, CUDA gives way to the CPU. The record says so.
    template <typename Result, typename Work>
    Result run(const std::string& modelPath, const RunOptions& options, Work work)
    {
        const auto started = std::chrono::steady_clock::now();
        if (options.threads > 0)
            setThreads(options.threads);
        RunDevice chosen = chooseDevice(options.device);
        std::shared_ptr<ModelPackage> package = m_models.get(modelPath, chosen.device);
        RunOptions attempt = options;
        attempt.batch = startBatch(*package, chosen.device, options);
        Result result;
        for (;;) {
            try {
                result = work(*package, chosen.device, attempt);
                break;
            } catch (const ModelError&) {
                throw;
            } catch (const std::exception& error) {
                if (!isOutOfMemory(error))
                    throw ModelError(modelPath + ": the model failed to run: " + errorSummary(error.what()));
                if (attempt.batch > 1) {
                    attempt.batch /= 2;
                    chosen.notice = "ran out of memory; the batch went down to " + std::to_string(attempt.batch);
                } else if (chosen.device.is_cuda()) {
                    chosen = {torch::Device(torch::kCPU), "CUDA ran out of memory; the model ran on the CPU"};
                    package = m_models.get(modelPath, chosen.device);
                    attempt.batch = startBatch(*package, chosen.device, options);
                } else {
                    throw ModelError(modelPath + ": not enough memory to run the model even one window at a time");
                }
            }
        }
        {
            std::lock_guard lock(m_batchMutex);
            m_batchThatFits[batchKey(*package, chosen.device)] = attempt.batch;
        }
        RunRecord& record = result.run;
        record.modelName = package->manifest.name;
        record.modelVersion = package->manifest.version;
        record.weightsSha256 = package->manifest.weightsSha256;
        record.modelPath = modelPath;
        record.device = deviceName(chosen.device);
        record.notice = chosen.notice;
        record.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return result;
    }

    static std::string batchKey(const ModelPackage& package, const torch::Device& device)
    {
        return deviceName(device) + "|" + package.path;
    }

    /// Windows or tiles per forward pass: the caller's; else what fitted last time; else on
    /// a GPU a generous start (halved until it fits), on the CPU the model's own or 16 tiles.
    int startBatch(const ModelPackage& package, const torch::Device& device, const RunOptions& options) const
    {
        if (options.batch > 0)
            return options.batch;
        {
            std::lock_guard lock(m_batchMutex);
            const auto known = m_batchThatFits.find(batchKey(package, device));
            if (known != m_batchThatFits.end())
                return known->second;
        }
        const Manifest& m = package.manifest;
        switch (m.task) {
        case ModelTask::Segmentation:
            return device.is_cuda() ? 32 : (m.slidingWindow ? m.slidingWindow->batch : 1);
        case ModelTask::TileClassification:
            return device.is_cuda() ? 256 : 16;
        case ModelTask::Classification:
            break;
        }
        return 1;
    }

    /// The line of an error worth showing: TorchScript's interpreter puts the model's own
    /// message last, LibTorch's errors put it first (a backtrace follows).
    static std::string errorSummary(const std::string& text)
    {
        if (text.rfind("The following operation failed in the TorchScript interpreter", 0) == 0) {
            std::string last;
            std::istringstream lines(text);
            for (std::string line; std::getline(lines, line);)
                if (line.find_first_not_of(" \t") != std::string::npos)
                    last = line;
            return last;
        }
        return text.substr(0, text.find('\n'));
    }

    mutable std::mutex m_batchMutex;
    std::map<std::string, int> m_batchThatFits; ///< by device and model path; under m_batchMutex
    ModelCache m_models;
};

} // namespace

std::unique_ptr<Engine> createEngine()
{
    return std::make_unique<TorchEngine>();
}

} // namespace radpath::ai
