// Training losses (as torch.nn and MONAI define them) and the figures reported per epoch.

#include "TrainingEvaluation.h"

#include "Metrics.h"

#include <cmath>

namespace radpath::ai {
namespace {

/// Targets [B, *spatial] (channel indices, -1 for none) as float one-hot [B, K, *spatial].
torch::Tensor oneHot(const torch::Tensor& targets, int64_t classes)
{
    // Shifted by one so that -1 gets a column of its own, which is then dropped.
    return torch::one_hot(targets + 1, classes + 1).narrow(-1, 1, classes).movedim(-1, 1).to(torch::kFloat32);
}

torch::Tensor softDiceLoss(const torch::Tensor& probabilities, const torch::Tensor& truth)
{
    std::vector<int64_t> spatial;
    for (int64_t axis = 2; axis < probabilities.dim(); ++axis)
        spatial.push_back(axis);
    constexpr double smooth = 1e-5;
    const torch::Tensor overlap = (probabilities * truth).sum(spatial);
    const torch::Tensor total = probabilities.sum(spatial) + truth.sum(spatial);
    return (1.0 - (2.0 * overlap + smooth) / (total + smooth)).mean();
}

} // namespace

namespace {

/// Class weights [K] as binary_cross_entropy_with_logits broadcasts them: over the channel axis.
torch::Tensor channelWeights(const torch::Tensor& weights, const torch::Tensor& logits)
{
    std::vector<int64_t> shape(size_t(logits.dim()), 1);
    shape[1] = weights.size(0);
    return weights.view(shape);
}

torch::Tensor crossEntropy(const torch::Tensor& logits, const torch::Tensor& targets, const torch::Tensor& weights)
{
    auto options = torch::nn::functional::CrossEntropyFuncOptions();
    if (weights.defined())
        options.weight(weights);
    return torch::nn::functional::cross_entropy(logits, targets, options);
}

torch::Tensor binaryCrossEntropy(const torch::Tensor& logits, const torch::Tensor& truth, const torch::Tensor& weights)
{
    if (!weights.defined())
        return torch::binary_cross_entropy_with_logits(logits, truth);
    return torch::binary_cross_entropy_with_logits(logits, truth, channelWeights(weights, logits));
}

} // namespace

torch::Tensor classificationLoss(const torch::Tensor& logits, const torch::Tensor& labels, bool sigmoid,
                                 const torch::Tensor& classWeights)
{
    if (sigmoid)
        return binaryCrossEntropy(logits, oneHot(labels, logits.size(1)), classWeights);
    return crossEntropy(logits, labels, classWeights);
}

torch::Tensor segmentationLoss(const torch::Tensor& logits, const torch::Tensor& targets, bool sigmoid,
                               const torch::Tensor& classWeights)
{
    const torch::Tensor truth = oneHot(targets, logits.size(1));
    if (sigmoid)
        return binaryCrossEntropy(logits, truth, classWeights) + softDiceLoss(torch::sigmoid(logits), truth);
    return crossEntropy(logits, targets, classWeights) + softDiceLoss(torch::softmax(logits, 1), truth);
}

std::vector<uint16_t> predictedLabels(const torch::Tensor& logits, const std::vector<int>& channelLabels, bool sigmoid)
{
    const torch::Tensor cpu = logits.detach().to(torch::kCPU, torch::kFloat32);
    const torch::Tensor lookup = torch::tensor(std::vector<int64_t>(channelLabels.begin(), channelLabels.end()));
    torch::Tensor labels;
    if (sigmoid) {
        const auto [best, channel] = torch::sigmoid(cpu).max(0);
        labels = torch::where(best > 0.5, lookup.index({channel}), torch::zeros_like(channel));
    } else {
        labels = lookup.index({cpu.argmax(0)});
    }
    labels = labels.flatten().contiguous();
    const int64_t* values = labels.data_ptr<int64_t>();
    return std::vector<uint16_t>(values, values + labels.numel());
}

std::map<std::string, double> classificationMetrics(const std::vector<int>& truth, const std::vector<int>& predicted,
                                                    const std::vector<std::vector<double>>& scores)
{
    const int classes = int(scores.size());
    std::map<std::string, double> metrics{{"accuracy", accuracy(truth, predicted)}};
    // Two classes: the last one is positive. More: the unweighted mean over one-vs-rest.
    const int first = classes == 2 ? 1 : 0;
    double sensitivity = 0.0, specificity = 0.0, auc = 0.0;
    for (int c = first; c < classes; ++c) {
        const BinaryRates rates = binaryRates(truth, predicted, c);
        sensitivity += rates.sensitivity;
        specificity += rates.specificity;
        auc += rocAuc(truth, scores[size_t(c)], c);
    }
    const double count = classes - first;
    metrics["sensitivity"] = sensitivity / count;
    metrics["specificity"] = specificity / count;
    if (std::isfinite(auc))
        metrics["auc"] = auc / count;
    return metrics;
}

} // namespace radpath::ai
