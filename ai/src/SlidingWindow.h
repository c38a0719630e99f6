#pragma once
// Sliding-window inference as MONAI's `sliding_window_inference` computes it
// (monai/inferers/utils.py, monai/data/utils.py), so that a MONAI-trained segmentation model
// gives here what it gives in MONAI:
//   - an image smaller than the window is zero-padded (floor half before, the rest after) and
//     the result cropped back;
//   - per axis the scan interval is int(roi * (1 - overlap)), at least 1, or roi itself where
//     the (padded) image is exactly roi long; windows start at multiples of the interval and
//     the last one is moved back to end flush with the image;
//   - every window's output is multiplied by an importance map (constant: ones; gaussian:
//     exp(-d^2 / (2 sigma^2)) per axis, sigma = sigmaScale * roi, d measured from the window
//     centre (roi - 1) / 2) and summed, the map summed alongside; the result is the quotient;
//   - the importance map is clamped from below at max(its minimum, 1e-3).
// Not taken from MONAI: predictors with several outputs and outputs whose spatial size differs
// from the window's; both are rejected.

#include "radpath/ai/Task.h"

#include <torch/torch.h>

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace radpath::ai {

/// How overlapping window outputs are blended (MONAI BlendMode).
enum class BlendMode { Constant, Gaussian };

/// Maps a batch of windows [B, C, *roi] to outputs [B, K, *roi]. Called from the caller's
/// thread, one batch at a time.
using Predictor = std::function<torch::Tensor(const torch::Tensor&)>;

/// MONAI `_get_scan_interval` for one axis: roi when size == roi, else
/// max(1, int(roi * (1 - overlap))). `size` is the padded size (never below roi).
int64_t scanInterval(int64_t size, int64_t roi, double overlap);

/// MONAI `dense_patch_slices` for one axis: the start of every window along it, ascending;
/// the last window ends at `size`. `size` is the padded size, max(image, roi).
std::vector<int64_t> axisWindowStarts(int64_t size, int64_t roi, double overlap);

/// Window starts of a volume (depth, height, width), in MONAI's order (the last axis varies
/// fastest). An axis smaller than its roi counts as padded to roi, so its only start is 0 in
/// padded coordinates. A 2-D image passes depth 1 and roi depth 1.
std::vector<std::array<int, 3>> windowStarts(const std::array<int, 3>& imageSize, const std::array<int, 3>& roi,
                                             double overlap);

/// MONAI `compute_importance_map` for a window of size `roi` (any number of axes), float32,
/// including its clamp from below at max(min, 1e-3). Gaussian: the product over axes of
/// exp(-x^2 / (2 (sigmaScale * roi)^2)) with x from -(roi - 1) / 2 to (roi - 1) / 2; its
/// peak is 1 only for odd sizes, as in MONAI.
torch::Tensor importanceMap(const std::vector<int64_t>& roi, BlendMode mode, double sigmaScale,
                            const torch::Device& device = torch::kCPU);

/// Runs `predictor` over windows of `input` ([N, C, D, H, W] or [N, C, H, W]) and returns the
/// blended output [N, K, D, H, W] (or [N, K, H, W]) in the input's dtype and on its device.
/// `roi` has one entry per spatial axis; an entry <= 0 takes the image's size on that axis.
/// `overlap` lies in [0, 1). Windows go to the predictor `swBatchSize` at a time; after each
/// batch `progress` gets the fraction done; `cancel` is checked before each batch and throws
/// Cancelled. Throws std::invalid_argument on bad arguments or predictor output shapes.
/// Runs without autograd.
torch::Tensor slidingWindowInference(const torch::Tensor& input, const std::vector<int64_t>& roi, double overlap,
                                     BlendMode mode, double sigmaScale, int swBatchSize, const Predictor& predictor,
                                     const ProgressCallback& progress = {}, const CancelToken* cancel = nullptr);

/// Mirroring test-time augmentation: a predictor that runs `predictor` on the input flipped
/// along every subset of `spatialAxes` (0 = first spatial axis; 2^k passes including the
/// unflipped one), flips each output back and returns their mean. Wrap the predictor passed
/// to slidingWindowInference with it to mirror every window.
Predictor mirroredPredictor(Predictor predictor, std::vector<int64_t> spatialAxes);

} // namespace radpath::ai
