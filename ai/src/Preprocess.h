#pragma once
// Intensity preprocessing named by a model manifest, computed as MONAI computes it so that a
// model trained with MONAI transforms sees the same numbers here.
//
// All functions take a float tensor shaped [C, (D,) H, W] (channel first, no batch), leave
// it untouched and return a new float32 tensor of the same shape on the same device.

#include "radpath/ai/Manifest.h"

#include <torch/torch.h>

#include <vector>

namespace radpath::ai {

/// MONAI ScaleIntensityRange(a_min, a_max, b_min, b_max, clip):
/// y = (x - aMin) / (aMax - aMin) * (bMax - bMin) + bMin, then clamped to [bMin, bMax] when
/// `clip`. When aMax == aMin MONAI returns x - aMin + bMin; so does this.
torch::Tensor scaleIntensityRange(const torch::Tensor& x, double aMin, double aMax, double bMin, double bMax,
                                  bool clip);

/// MONAI NormalizeIntensity(nonzero, channel_wise) without a fixed subtrahend or divisor:
/// y = (x - mean) / std over the selected voxels, std being the population deviation
/// (torch.std(unbiased=False)); a std of 0 divides by 1. With `nonzero` only non-zero voxels
/// enter the statistics and only they change; zeros stay zero. With `channelWise` each
/// channel has its own statistics, otherwise all channels share one.
torch::Tensor normalizeIntensity(const torch::Tensor& x, bool nonzero, bool channelWise);

/// 8-bit images to the usual ImageNet-style input: y[c] = (x[c] / 255 - mean[c]) / std[c].
/// `mean` and `std` hold one value per channel, or one value for all channels.
/// Throws std::invalid_argument for other sizes or a zero std.
torch::Tensor scale255(const torch::Tensor& x, const std::vector<double>& mean, const std::vector<double>& std);

/// The manifest's input intensity transform (window, z-score, scale255 or none) on [C, ...].
torch::Tensor applyIntensityTransform(const torch::Tensor& x, const IntensityTransform& transform);

} // namespace radpath::ai
