#pragma once
// The AI engine as the application sees it: plain C++ types only, so that including this
// header pulls in neither Torch nor Qt. The engine itself lives in a shared library that
// the application loads on first use (see ModuleAbi.h); nothing links LibTorch at start.

#include "radpath/ai/Evaluation.h"
#include "radpath/ai/Export.h"
#include "radpath/ai/Inference.h"
#include "radpath/ai/Task.h"
#include "radpath/ai/Training.h"

#include <memory>
#include <string>
#include <vector>

namespace radpath::ai {

/// What the loaded LibTorch offers on this machine.
struct RuntimeInfo {
    std::string torchVersion;          ///< e.g. "1.13.1" or "2.4.0"
    bool cudaAvailable = false;
    int cudaDeviceCount = 0;
    std::vector<std::string> cudaDeviceNames;
    int intraOpThreads = 0;
};

/// Result of running a fixed convolution on a device and comparing it with a
/// double-precision reference computed without Torch.
struct DeviceCheck {
    Device device = Device::Cpu;
    bool ok = false;
    double maxAbsError = 0.0;
    std::string message;               ///< why it failed, or a one-line summary
};

/// A contiguous float image the caller owns: channels x depth x height x width.
/// The engine wraps it without copying on the CPU.
struct FloatImage {
    float* data = nullptr;
    int channels = 1;
    int depth = 1;
    int height = 0;
    int width = 0;
};

/// Thread-safety: calls may run at once from different job threads (a training run beside a
/// model run in the AI dock); the loaded models and what batch fitted are shared under locks.
/// LibTorch's intra-op thread count is process-wide: setThreads(), a training run's
/// `threads` and a slide run set it for all. Training seeds LibTorch's global generator
/// (dropout) every epoch; model runs draw their noise (SmoothGrad) from their own.
///
/// Model calls take the model's path (a RadPath .pt package, a MONAI bundle folder or its
/// model.ts); the engine keeps the last models it loaded. They throw ModelError for an
/// unusable model or an input it cannot take (the message names the file), Cancelled when
/// `cancel` was set, and never leave partial output: results are returned, not written.
/// CUDA asked for but unavailable falls back to the CPU, said in RunRecord::notice.
class Engine {
public:
    virtual ~Engine() = default;

    virtual RuntimeInfo runtimeInfo() const = 0;

    /// Sets LibTorch's intra-op thread count (Debian's build defaults to 1 here).
    virtual void setThreads(int threads) = 0;

    /// Runs a 3x3 box-and-gradient convolution on `device` and checks it numerically.
    virtual DeviceCheck checkDevice(Device device) = 0;

    /// Mean-filters `image` in place with a 3x3(x3) box on `device`; a small, real
    /// operation that proves buffers pass in and out without copies on the CPU.
    virtual void boxFilter(FloatImage image, Device device, const ProgressCallback& progress,
                           const CancelToken* cancel) = 0;

    /// Reads a model's manifest (or a MONAI bundle's configuration) and checks the model loads.
    virtual ModelInfo inspectModel(const std::string& modelPath) = 0;

    /// Whole-image classification of a 2-D image or a volume.
    virtual Classification classify(const std::string& modelPath, const ImageBuffer& image, const RunOptions& options,
                                    const ProgressCallback& progress, const CancelToken* cancel) = 0;

    /// Segmentation (sliding window where the manifest says so); results on image.grid.
    virtual Segmentation segment(const std::string& modelPath, const ImageBuffer& image, const RunOptions& options,
                                 const ProgressCallback& progress, const CancelToken* cancel) = 0;

    /// A saliency map for `targetClass` (a manifest label index; -1: the predicted class).
    virtual SaliencyMap saliency(const std::string& modelPath, const ImageBuffer& image, SaliencyMethod method,
                                 int targetClass, const RunOptions& options, const ProgressCallback& progress,
                                 const CancelToken* cancel) = 0;

    /// Tile classification of a slide: tissue tiles at the model's mpp, those meeting
    /// `visibleRect` (level-0 x, y, width, height; empty = none) first, in batches whose
    /// scores go to `onScores` as they are done.
    virtual SlideClassification classifySlide(const std::string& modelPath, const SlideDescription& slide,
                                              const SlideRegionReader& reader, const std::array<std::int64_t, 4>& visibleRect,
                                              const TileScoresCallback& onScores, const RunOptions& options,
                                              const ProgressCallback& progress, const CancelToken* cancel) = 0;

    /// Classifies labelled images one by one as classify() does and scores the results
    /// (Evaluation.h): `label` of each image is an output index of the model. Progress goes
    /// image by image. ModelError, naming the image, for an empty list or a label that is not
    /// one of the model's outputs (checked before any image runs) and for an image the model
    /// cannot take; std::invalid_argument for settings out of range.
    virtual ClassificationEvaluation evaluateClassifier(const std::string& modelPath,
                                                        const std::vector<LabelledImage>& images,
                                                        const EvaluationSettings& settings, const RunOptions& options,
                                                        const ProgressCallback& progress,
                                                        const CancelToken* cancel) = 0;

    /// Segments labelled images one by one as segment() does and scores each foreground label
    /// of the manifest against `mask` (Dice, HD95 with the spacing of image.grid). ModelError,
    /// naming the image, for an empty list or a mask that is not one value per voxel.
    /// `settings` is for the classifier's figures and is not used here yet.
    virtual SegmentationEvaluation evaluateSegmenter(const std::string& modelPath,
                                                     const std::vector<LabelledImage>& images,
                                                     const EvaluationSettings& settings, const RunOptions& options,
                                                     const ProgressCallback& progress, const CancelToken* cancel) = 0;

    /// Trains a model (see Training.h) and writes it as a RadPath package.
    virtual TrainingOutcome train(const TrainingData& data, const TrainingSettings& settings,
                                  const EpochCallback& onEpoch, const ProgressCallback& progress,
                                  const CancelToken* cancel) = 0;
};

/// Available to code linked with the module (its tests); the application uses ModuleAbi.h.
RADPATH_AI_API std::unique_ptr<Engine> createEngine();

} // namespace radpath::ai
