#pragma once
// Saliency maps of a model's decision, computed on the model's own input (after
// preprocessing); the engine maps them back onto the source grid.
//
// Every function takes `input` shaped [1, C, *spatial] (2-D or 3-D) on the model's device and
// a target class (output channel). For an output with spatial axes (segmentation), the
// target's score is the mean of that channel's logits over all voxels. Every function
// returns a float32 CPU tensor shaped [*spatial], normalised to 0..1 (all zeros when the map
// is flat) and leaves the module's parameters' gradients as it found them (none).

#include "radpath/ai/Task.h"

#include <torch/script.h>
#include <torch/torch.h>

namespace radpath::ai {

/// Grad-CAM (Selvaraju et al. 2017) through forward_features(x) -> (logits, features):
/// weights = spatial mean of d score / d features per feature channel; map =
/// relu(sum_c weights_c * features_c), upsampled (bilinear / trilinear, align_corners false)
/// to the input's spatial size. Throws ModelError when the module has no forward_features.
torch::Tensor gradCam(torch::jit::Module& module, const torch::Tensor& input, int64_t targetClass);

/// Vanilla gradient (Simonyan et al. 2014): |d score / d input|, maximum over channels.
torch::Tensor gradientSaliency(torch::jit::Module& module, const torch::Tensor& input, int64_t targetClass);

/// SmoothGrad (Smilkov et al. 2017): mean over `samples` of the gradient map with Gaussian
/// noise of σ = noiseFraction × (max(input) - min(input)) added to the input; `seed` makes it
/// reproducible. Progress after each sample; `cancel` checked before each (throws Cancelled).
torch::Tensor smoothGrad(torch::jit::Module& module, const torch::Tensor& input, int64_t targetClass, int samples,
                         double noiseFraction, uint64_t seed, const ProgressCallback& progress = {},
                         const CancelToken* cancel = nullptr);

/// Occlusion sensitivity (Zeiler & Fergus 2014): a cube (square) of side `window` voxels,
/// moved by `stride`, set to `baseline` (the input's mean when NaN); map = mean over the
/// windows covering a voxel of (p_target(original) - p_target(occluded)), clamped at 0,
/// where p is the softmax (or sigmoid when `sigmoid`) of the score. Windows are run
/// `batch` at a time under no-grad; progress and cancel as above.
torch::Tensor occlusionSensitivity(torch::jit::Module& module, const torch::Tensor& input, int64_t targetClass,
                                   int window, int stride, double baseline, bool sigmoid, int batch,
                                   const ProgressCallback& progress = {}, const CancelToken* cancel = nullptr);

} // namespace radpath::ai
