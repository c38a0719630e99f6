#pragma once
// The training core behind Engine::train (radpath/ai/Training.h): datasets of decoded
// buffers, augmentation, optimisers, losses, checkpoints, per-epoch evaluation and export to
// a RadPath package (ModelPackage.h's saveModelPackage).
//
// Classification: cross-entropy on logits (softmax manifests) or binary cross-entropy
// (sigmoid); validation accuracy and, for two classes, AUC of the last class.
// Segmentation: random patches of manifest.input.patch_size cut from each sample
// (foregroundFraction of them centred on a random foreground voxel), loss = cross-entropy +
// soft Dice; validation by sliding-window inference over whole validation samples
// (SlidingWindow.h), mean Dice over foreground labels.
// The manifest's input intensity transform is applied to every sample before augmentation.
// Same seed, same data, CPU: same weights, bit for bit.

#include "radpath/ai/Training.h"
#include "radpath/ai/Task.h"

namespace radpath::ai {

TrainingOutcome trainModel(const TrainingData& data, const TrainingSettings& settings, const EpochCallback& onEpoch,
                           const ProgressCallback& progress, const CancelToken* cancel);

} // namespace radpath::ai
