#include "ModelEvaluation.h"

#include "Metrics.h"
#include "radpath/ai/ModelError.h"

#include <stdexcept>

namespace radpath::ai {
namespace {

/// The image's name for messages and tables: its own, else its position (1-based).
std::string nameOf(const LabelledImage& image, size_t index)
{
    return image.name.empty() ? "image " + std::to_string(index + 1) : image.name;
}

void checkNotEmpty(const std::string& modelPath, const std::vector<LabelledImage>& images)
{
    if (images.empty())
        throw ModelError(modelPath + ": no labelled images to evaluate the model on");
}

void checkSettings(const EvaluationSettings& settings)
{
    if (settings.bootstrapSamples < 0)
        throw std::invalid_argument("evaluation: bootstrapSamples must not be negative");
    if (!(settings.confidenceLevel > 0.0 && settings.confidenceLevel < 1.0))
        throw std::invalid_argument("evaluation: confidenceLevel must lie between 0 and 1");
    if (settings.calibrationBins < 1)
        throw std::invalid_argument("evaluation: calibrationBins must be at least 1");
}

/// Runs `work` on every image in order, with progress (i + f) / N and a cancellation check
/// before each; a ModelError of one image is rethrown with the image's name in front.
template <typename Work>
void forEachImage(const std::vector<LabelledImage>& images, const ProgressCallback& progress, const CancelToken* cancel,
                  Work work)
{
    const double count = double(images.size());
    for (size_t i = 0; i < images.size(); ++i) {
        if (cancel && cancel->isCancelled())
            throw Cancelled{};
        const std::string stage = "image " + std::to_string(i + 1) + " of " + std::to_string(images.size());
        const ProgressCallback step = [&](double fraction, const std::string&) {
            if (progress)
                progress((double(i) + fraction) / count, stage);
        };
        try {
            work(i, step);
        } catch (const ModelError& error) {
            throw ModelError(nameOf(images[i], i) + ": " + error.what());
        }
    }
}

} // namespace

ClassificationEvaluation evaluateClassifierImages(const std::string& modelPath, const Manifest& manifest,
                                                  const std::vector<LabelledImage>& images,
                                                  const EvaluationSettings& settings, const ClassifyImage& classify,
                                                  const ProgressCallback& progress, const CancelToken* cancel)
{
    checkNotEmpty(modelPath, images);
    checkSettings(settings);
    if (manifest.task == ModelTask::Segmentation)
        throw ModelError(modelPath + " is a segmentation model; evaluate it as a segmenter");
    std::vector<std::string> classes;
    for (const ManifestLabel& label : manifest.output.labels)
        classes.push_back(label.name);
    const int k = int(classes.size());
    std::vector<int> truth;
    for (size_t i = 0; i < images.size(); ++i) {
        const int label = images[i].label;
        if (label < 0 || label >= k)
            throw ModelError(nameOf(images[i], i) + ": its label " + std::to_string(label) + " is not one of " +
                             modelPath + "'s outputs 0.." + std::to_string(k - 1));
        truth.push_back(label);
    }

    std::vector<std::vector<double>> probabilities(images.size());
    forEachImage(images, progress, cancel, [&](size_t i, const ProgressCallback& step) {
        const Classification result = classify(images[i].image, step);
        if (int(result.classes.size()) != k)
            throw ModelError(modelPath + " gave " + std::to_string(result.classes.size()) + " scores for " +
                             std::to_string(k) + " classes");
        for (const ClassProbability& c : result.classes)
            probabilities[i].push_back(c.probability);
    });

    ClassificationEvaluation evaluation;
    try {
        evaluation = evaluateClassification(truth, probabilities, classes, settings);
    } catch (const std::invalid_argument& error) {
        throw ModelError(modelPath + ": " + error.what()); // probabilities that are not numbers
    }
    for (size_t i = 0; i < images.size(); ++i)
        evaluation.names.push_back(nameOf(images[i], i));
    if (progress)
        progress(1.0, "done");
    return evaluation;
}

SegmentationEvaluation evaluateSegmenterImages(const std::string& modelPath, const Manifest& manifest,
                                               const std::vector<LabelledImage>& images, const SegmentImage& segment,
                                               const ProgressCallback& progress, const CancelToken* cancel)
{
    checkNotEmpty(modelPath, images);
    if (manifest.task != ModelTask::Segmentation)
        throw ModelError(modelPath + " is a " + toString(manifest.task) + " model, not a segmentation model");
    for (size_t i = 0; i < images.size(); ++i) {
        const LabelledImage& image = images[i];
        if (int64_t(image.mask.size()) != image.image.grid.voxelCount())
            throw ModelError(nameOf(image, i) + ": its mask holds " + std::to_string(image.mask.size()) +
                             " values; the image has " + std::to_string(image.image.grid.voxelCount()) + " voxels");
    }

    SegmentationEvaluation evaluation;
    for (const ManifestLabel& label : manifest.output.labels)
        if (label.index != 0) {
            LabelReport report;
            report.label = label.index;
            report.name = label.name;
            evaluation.labels.push_back(report);
        }
    forEachImage(images, progress, cancel, [&](size_t i, const ProgressCallback& step) {
        const LabelledImage& image = images[i];
        const Segmentation result = segment(image.image, step);
        if (result.labels.size() != image.mask.size())
            throw ModelError(modelPath + " gave " + std::to_string(result.labels.size()) + " labels for " +
                             std::to_string(image.mask.size()) + " voxels");
        addSegmentationImage(evaluation, nameOf(image, i), image.mask, result.labels, image.image.grid.size,
                             image.image.grid.spacing);
    });
    summariseSegmentation(evaluation);
    if (progress)
        progress(1.0, "done");
    return evaluation;
}

} // namespace radpath::ai
