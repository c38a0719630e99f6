#pragma once
// Evaluation of a model on labelled images: the work behind Engine::evaluateClassifier and
// Engine::evaluateSegmenter. It runs the engine's own per-image calls, one image at a time,
// and scores their results with Metrics.h.

#include "radpath/ai/Evaluation.h"
#include "radpath/ai/Task.h"

#include <functional>
#include <string>
#include <vector>

namespace radpath::ai {

/// One image through the engine's classify() or segment(), with that image's progress.
using ClassifyImage = std::function<Classification(const ImageBuffer& image, const ProgressCallback& progress)>;
using SegmentImage = std::function<Segmentation(const ImageBuffer& image, const ProgressCallback& progress)>;

/// Checks the images (not empty; each label one of the manifest's outputs) before running
/// any, then classifies them in order. Progress goes per image; cancellation is checked
/// between images and inside each. Throws ModelError naming the image, Cancelled.
ClassificationEvaluation evaluateClassifierImages(const std::string& modelPath, const Manifest& manifest,
                                                  const std::vector<LabelledImage>& images,
                                                  const EvaluationSettings& settings, const ClassifyImage& classify,
                                                  const ProgressCallback& progress, const CancelToken* cancel);

/// Checks the images (not empty; each mask one value per voxel of image.grid) before running
/// any, then segments them in order and scores the manifest's foreground labels (index != 0)
/// against the masks, with the spacing of image.grid.
SegmentationEvaluation evaluateSegmenterImages(const std::string& modelPath, const Manifest& manifest,
                                               const std::vector<LabelledImage>& images, const SegmentImage& segment,
                                               const ProgressCallback& progress, const CancelToken* cancel);

} // namespace radpath::ai
