#pragma once
// Training samples as tensors, and the random changes made to them while training: flips,
// quarter turns, intensity jitter, noise and (segmentation) patches. Every random number
// comes from the generator passed in, drawn in a fixed order, so a seed fixes them all.
// Tensors here live on the CPU; the trainer moves batches to its device.

#include "radpath/ai/Training.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace radpath::ai {

/// Classification examples: images [N, C, *size] after the manifest's intensity transform,
/// labels [N] (int64 output indices).
struct ClassificationSet {
    torch::Tensor images;
    torch::Tensor labels;
};

/// Converts and checks samples against the manifest (dims, channels, `size` in tensor order,
/// labels 0..classes-1). `what` names them in errors ("training sample 3: ..."). Throws
/// ModelError.
ClassificationSet classificationSet(const std::vector<TrainingSample>& samples, const Manifest& manifest,
                                    const std::vector<int64_t>& size, const std::string& what);

/// One segmentation example.
struct SegmentationVolume {
    torch::Tensor image;          ///< [C, *spatial] after the intensity transform
    torch::Tensor targets;        ///< [*spatial] int64: output channel per voxel, -1 where none (sigmoid background)
    torch::Tensor foreground;     ///< [F, dims] int64: coordinates of voxels with a non-zero label
    std::vector<uint16_t> labels; ///< the mask as label values, for Dice
};

/// Converts and checks samples: dims, channels, every side at least `patch`, a mask of one
/// value per voxel whose values are manifest label indices (0 may lack a label when the
/// activation is sigmoid: no channel is on there). Throws ModelError.
std::vector<SegmentationVolume> segmentationVolumes(const std::vector<TrainingSample>& samples,
                                                    const Manifest& manifest, const std::vector<int64_t>& patch,
                                                    const std::string& what);

/// An image [C, *spatial] with, for segmentation, its targets [*spatial] (else undefined).
struct Example {
    torch::Tensor image;
    torch::Tensor targets;
};

/// A random patch of `volume`: with probability `foregroundFraction` (and when the volume has
/// foreground) centred on a random foreground voxel, else anywhere; always inside the volume.
Example randomPatch(const SegmentationVolume& volume, const std::vector<int64_t>& patch, double foregroundFraction,
                    at::Generator& generator);

/// Applies `augmentation` to one example, the same geometric change to image and targets.
/// Quarter turns of non-square planes are limited to half turns, which keep the shape.
Example augment(Example example, const Augmentation& augmentation, at::Generator& generator);

} // namespace radpath::ai
