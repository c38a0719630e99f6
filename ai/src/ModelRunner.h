#pragma once
// Runs model packages on decoded images: the work behind Engine's model calls. Each call
// maps the image onto the model's grid (GridMapping), applies the manifest's intensity
// transform, runs the model and maps the result back onto the image's grid.

#include "ModelPackage.h"
#include "radpath/ai/Inference.h"
#include "radpath/ai/Task.h"

#include <torch/torch.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace radpath::ai {

/// A RadPath package or a MONAI bundle, whichever `path` is. Throws ModelError.
ModelPackage loadAnyModel(const std::string& path, const torch::Device& device);

/// The last few models loaded, by path and device; a model is warmed up (one forward pass on
/// zeros) when it takes a fixed input size, so that the first real run is not the slow one.
/// Thread-safe.
class ModelCache {
public:
    std::shared_ptr<ModelPackage> get(const std::string& path, const torch::Device& device);

private:
    struct Entry {
        std::string key;
        std::shared_ptr<ModelPackage> package;
    };
    std::mutex m_mutex;
    std::vector<Entry> m_entries; ///< most recent last
};

/// The device a run asked for, or the CPU with a notice when CUDA is not there.
struct RunDevice {
    torch::Device device{torch::kCPU};
    std::string notice;
};
RunDevice chooseDevice(Device asked);

/// "cpu" or "cuda:0".
std::string deviceName(const torch::Device& device);

/// True for an out-of-memory error, CUDA's or the CPU's (the run is then repeated with a
/// smaller batch, and at last on the CPU).
bool isOutOfMemory(const std::exception& error);

Classification classifyImage(ModelPackage& package, const torch::Device& device, const ImageBuffer& image,
                             const ProgressCallback& progress, const CancelToken* cancel);

Segmentation segmentImage(ModelPackage& package, const torch::Device& device, const ImageBuffer& image,
                          const RunOptions& options, const ProgressCallback& progress, const CancelToken* cancel);

SaliencyMap explainImage(ModelPackage& package, const torch::Device& device, const ImageBuffer& image,
                         SaliencyMethod method, int targetClass, const ProgressCallback& progress,
                         const CancelToken* cancel);

SlideClassification classifySlideTiles(ModelPackage& package, const torch::Device& device,
                                       const SlideDescription& slide, const SlideRegionReader& reader,
                                       const std::array<std::int64_t, 4>& visibleRect, const TileScoresCallback& onScores,
                                       const RunOptions& options, const ProgressCallback& progress,
                                       const CancelToken* cancel);

/// Tiles of a slide at the model's resolution, and which of them hold tissue (Otsu threshold
/// of the thumbnail's grey level: tissue is darker than the glass). Throws ModelError when
/// the model or slide states no resolution.
TileGrid slideTileGrid(const Manifest& manifest, const SlideDescription& slide);

/// Otsu's threshold of 8-bit values: the level t maximising the between-class variance of
/// {v <= t} and {v > t}.
int otsuThreshold(const std::vector<std::uint8_t>& values);

/// The model's output as a [1, K, ...] tensor of logits, whatever form the module returns
/// (a tensor, or the first element of a tuple or list).
torch::Tensor forwardLogits(torch::jit::Module& module, const torch::Tensor& input);

/// Softmax over channels, or sigmoid, as the manifest says.
torch::Tensor activate(const torch::Tensor& logits, const Manifest& manifest);

} // namespace radpath::ai
