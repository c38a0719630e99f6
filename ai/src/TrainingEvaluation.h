#pragma once
// Losses the trainer minimises and the figures it reports, on logits as the networks of
// Architectures.h return them ([B, K, *spatial] for segmentation, [B, K] for classification).

#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace radpath::ai {

/// Cross-entropy of softmax logits against class indices [B], or (sigmoid) binary
/// cross-entropy against their one-hot encoding. `classWeights` [K] (optional) weigh each
/// class's terms as torch.nn's `weight` does (the weighted mean for cross-entropy).
torch::Tensor classificationLoss(const torch::Tensor& logits, const torch::Tensor& labels, bool sigmoid,
                                 const torch::Tensor& classWeights = {});

/// Cross-entropy (or binary cross-entropy) plus soft Dice (MONAI DiceCELoss: Dice per sample
/// and channel, background included, smoothing 1e-5, averaged). `targets` [B, *spatial] hold
/// output channels; -1 (sigmoid only) marks voxels where no channel is on.
torch::Tensor segmentationLoss(const torch::Tensor& logits, const torch::Tensor& targets, bool sigmoid,
                               const torch::Tensor& classWeights = {});

/// Label value per voxel of one image's logits [K, *spatial]: the label of the most likely
/// channel; with sigmoid, 0 where no channel passes 0.5.
std::vector<uint16_t> predictedLabels(const torch::Tensor& logits, const std::vector<int>& channelLabels, bool sigmoid);

/// The package's classification metrics from truth, predictions and scores[class][sample]:
/// "accuracy", and "sensitivity", "specificity", "auc" of the last class for two classes, their
/// macro averages over one-vs-rest for more. An AUC that is undefined (one class only in the
/// truth) is left out.
std::map<std::string, double> classificationMetrics(const std::vector<int>& truth, const std::vector<int>& predicted,
                                                    const std::vector<std::vector<double>>& scores);

} // namespace radpath::ai
