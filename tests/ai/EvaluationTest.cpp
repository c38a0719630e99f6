// Engine::evaluateClassifier and evaluateSegmenter on small scripted models: the evaluation
// must agree with classify() and segment() run image by image, and refuse bad inputs with a
// message naming the image.

#include "Check.h"
#include "Metrics.h"
#include "ModelPackage.h"
#include "radpath/ai/Engine.h"
#include "radpath/ai/ModelError.h"

#include <torch/torch.h>

#include <cmath>

namespace radpath::ai::test {
namespace {

template <class F> std::string errorOf(F&& f)
{
    try {
        f();
    } catch (const ModelError& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

/// 2-D classifier of the mean intensity m (0..1 after its window): logits
/// [0, 10 (m - 0.3), 20 (m - 0.6)], so that dark images are "low", grey "mid", bright "high".
std::string meanClassifier(const std::string& dir)
{
    torch::jit::Module module("Mean");
    module.register_buffer("zero", torch::zeros({1}));
    module.define(R"(
def forward(self, x):
    m = torch.mean(x, [1, 2, 3])
    return torch.stack([torch.zeros_like(m), 10.0 * (m - 0.3), 20.0 * (m - 0.6)], 1)
)");
    Manifest m;
    m.name = "Mean";
    m.version = "1";
    m.task = ModelTask::Classification;
    m.modality = "DX";
    m.dims = m.input.dims = 2;
    m.input.size = {8, 8};
    m.input.intensity.kind = IntensityTransform::Kind::Window;
    m.input.intensity.aMin = 0;
    m.input.intensity.aMax = 100;
    m.input.intensity.bMin = 0;
    m.input.intensity.bMax = 1;
    m.input.intensity.clip = true;
    m.output.labels = {{0, "low", {0, 160, 0}}, {1, "mid", {200, 200, 0}}, {2, "high", {220, 40, 40}}};
    const std::string path = dir + "/mean.pt";
    saveModelPackage(module, m, path);
    return path;
}

/// 3-D segmenter, voxel by voxel: label 1 where the windowed intensity passes 0.5.
std::string thresholdSegmenter(const std::string& dir)
{
    torch::jit::Module module("Threshold");
    module.register_buffer("zero", torch::zeros({1}));
    module.define(R"(
def forward(self, x):
    return torch.cat([torch.zeros_like(x), 10.0 * (x - 0.5)], 1)
)");
    Manifest m;
    m.name = "Threshold";
    m.version = "1";
    m.task = ModelTask::Segmentation;
    m.modality = "CT";
    m.dims = m.input.dims = 3;
    m.input.patchSize = {8, 8, 8};
    m.input.intensity.kind = IntensityTransform::Kind::Window;
    m.input.intensity.aMin = 0;
    m.input.intensity.aMax = 100;
    m.input.intensity.bMin = 0;
    m.input.intensity.bMax = 1;
    m.input.intensity.clip = true;
    m.output.labels = {{0, "background", {0, 0, 0}}, {1, "lesion", {255, 0, 0}}};
    SlidingWindow window;
    window.roi = {8, 8, 8};
    window.overlap = 0.25;
    window.batch = 2;
    m.slidingWindow = window;
    const std::string path = dir + "/threshold.pt";
    saveModelPackage(module, m, path);
    return path;
}

LabelledImage constantImage(float value, int label, const std::string& name)
{
    LabelledImage labelled;
    labelled.image.dims = 2;
    labelled.image.grid.size = {16, 16, 1};
    labelled.image.voxels.assign(16 * 16, value);
    labelled.label = label;
    labelled.name = name;
    return labelled;
}

/// Nine grey levels 0, 12, ..., 96 labelled three by three, the last one without a name.
std::vector<LabelledImage> greyLevels()
{
    std::vector<LabelledImage> images;
    for (int i = 0; i < 9; ++i)
        images.push_back(constantImage(12.0f * i, i / 3, i < 8 ? "grey " + std::to_string(i) : ""));
    return images;
}

void classifierEvaluationAgreesWithClassify()
{
    const std::string path = meanClassifier(temporaryDirectory("evaluation-cls"));
    auto engine = createEngine();
    const std::vector<LabelledImage> images = greyLevels();
    EvaluationSettings settings;
    settings.bootstrapSamples = 200;
    std::vector<double> fractions;
    const ClassificationEvaluation e = engine->evaluateClassifier(
        path, images, settings, RunOptions{}, [&](double f, const std::string&) { fractions.push_back(f); }, nullptr);

    RADPATH_CHECK((e.classes == std::vector<std::string>{"low", "mid", "high"}));
    RADPATH_CHECK(e.names.size() == 9 && e.names[0] == "grey 0" && e.names[8] == "image 9");
    RADPATH_CHECK(e.truth.size() == 9 && e.predicted.size() == 9 && e.probabilities.size() == 9);
    int64_t correct = 0;
    for (size_t i = 0; i < images.size(); ++i) {
        const Classification c = engine->classify(path, images[i].image, RunOptions{}, {}, nullptr);
        RADPATH_CHECK(e.truth[i] == images[i].label);
        RADPATH_CHECK(e.predicted[i] == c.predicted);
        for (size_t k = 0; k < 3; ++k)
            RADPATH_CHECK(e.probabilities[i][k] == c.classes[k].probability);
        correct += c.predicted == images[i].label;
    }
    // The grey levels cover every class, so the model is neither always right nor always wrong.
    RADPATH_CHECK(correct > 0 && correct < 9);
    int64_t total = 0, diagonal = 0;
    for (size_t t = 0; t < 3; ++t)
        for (size_t p = 0; p < 3; ++p) {
            total += e.confusion[t][p];
            diagonal += t == p ? e.confusion[t][p] : 0;
        }
    RADPATH_CHECK(total == 9 && diagonal == correct);
    RADPATH_CHECK(std::abs(e.accuracy - double(correct) / 9.0) < 1e-12);
    RADPATH_CHECK(e.perClass.size() == 3);
    for (const ClassReport& r : e.perClass) {
        RADPATH_CHECK(r.support == 3 && r.roc.size() >= 2);
        RADPATH_CHECK(r.aucLow <= r.auc && r.auc <= r.aucHigh);
    }
    int binned = 0;
    for (const CalibrationBin& bin : e.calibration)
        binned += bin.count;
    RADPATH_CHECK(e.calibration.size() == 10 && binned == 9 && e.ece >= 0.0 && e.ece <= 1.0);
    RADPATH_CHECK(!fractions.empty() && fractions.back() == 1.0);
    RADPATH_CHECK(std::is_sorted(fractions.begin(), fractions.end()));
}

void classifierEvaluationRefusesBadInput()
{
    const std::string dir = temporaryDirectory("evaluation-bad");
    const std::string path = meanClassifier(dir);
    auto engine = createEngine();
    std::vector<LabelledImage> images = greyLevels();
    images[4].label = 3;
    std::string message = errorOf([&] { engine->evaluateClassifier(path, images, {}, RunOptions{}, {}, nullptr); });
    RADPATH_CHECK(contains(message, "grey 4: its label 3 is not one of") && contains(message, "0..2"));
    message = errorOf([&] { engine->evaluateClassifier(path, {}, {}, RunOptions{}, {}, nullptr); });
    RADPATH_CHECK(contains(message, path) && contains(message, "no labelled images"));
    // An image the model cannot take is named.
    images = greyLevels();
    images[2].image.voxels.pop_back();
    message = errorOf([&] { engine->evaluateClassifier(path, images, {}, RunOptions{}, {}, nullptr); });
    RADPATH_CHECK(message.rfind("grey 2: ", 0) == 0 && contains(message, "holds"));
    message = errorOf([&] { engine->evaluateSegmenter(path, greyLevels(), {}, RunOptions{}, {}, nullptr); });
    RADPATH_CHECK(contains(message, "not a segmentation model"));

    // Cancelled while the second image runs.
    CancelToken cancel;
    bool cancelled = false;
    try {
        engine->evaluateClassifier(
            path, greyLevels(), {}, RunOptions{},
            [&](double f, const std::string&) {
                if (f > 1.0 / 9.0)
                    cancel.cancel();
            },
            &cancel);
    } catch (const Cancelled&) {
        cancelled = true;
    }
    RADPATH_CHECK(cancelled);
}

/// A 10³ volume at (2, 1, 1) mm bright (100) in the box [2, 5]³, else 0; its mask the same
/// box shifted one voxel along i: 3 × 4 × 4 = 48 voxels shared of 64 each, Dice 0.75.
LabelledImage shiftedBox(const std::string& name)
{
    LabelledImage labelled;
    ImageGrid& g = labelled.image.grid;
    g.size = {10, 10, 10};
    g.spacing = {2.0, 1.0, 1.0};
    for (int k = 0; k < 10; ++k)
        for (int j = 0; j < 10; ++j)
            for (int i = 0; i < 10; ++i) {
                const bool inside = j >= 2 && j <= 5 && k >= 2 && k <= 5;
                labelled.image.voxels.push_back(inside && i >= 2 && i <= 5 ? 100.0f : 0.0f);
                labelled.mask.push_back(inside && i >= 3 && i <= 6 ? 1 : 0);
            }
    labelled.name = name;
    return labelled;
}

void segmenterEvaluationAgreesWithSegment()
{
    const std::string path = thresholdSegmenter(temporaryDirectory("evaluation-seg"));
    auto engine = createEngine();
    std::vector<LabelledImage> images{shiftedBox("shifted"), shiftedBox("empty")};
    images[1].image.voxels.assign(images[1].image.voxels.size(), 0.0f); // nothing in either
    images[1].mask.assign(images[1].mask.size(), 0);
    const SegmentationEvaluation e = engine->evaluateSegmenter(path, images, {}, RunOptions{}, {}, nullptr);

    RADPATH_CHECK(e.labels.size() == 1 && e.labels[0].label == 1 && e.labels[0].name == "lesion");
    RADPATH_CHECK((e.names == std::vector<std::string>{"shifted", "empty"}));
    RADPATH_CHECK(e.dicePerImage.size() == 2 && e.hd95PerImage.size() == 2);
    RADPATH_CHECK(std::abs(e.dicePerImage[0][0] - 0.75) < 1e-12);
    RADPATH_CHECK(std::isnan(e.dicePerImage[1][0]) && std::isnan(e.hd95PerImage[1][0]));
    const Segmentation s = engine->segment(path, images[0].image, RunOptions{}, {}, nullptr);
    const double hd95 =
        hausdorff95(images[0].mask, s.labels, 1, images[0].image.grid.size, images[0].image.grid.spacing);
    RADPATH_CHECK(hd95 > 0.0 && e.hd95PerImage[0][0] == hd95);
    RADPATH_CHECK(e.labels[0].images == 1 && std::abs(e.labels[0].dice - 0.75) < 1e-12 && e.labels[0].hd95 == hd95);

    images[1].mask.pop_back();
    const std::string message =
        errorOf([&] { engine->evaluateSegmenter(path, images, {}, RunOptions{}, {}, nullptr); });
    RADPATH_CHECK(contains(message, "empty: its mask holds 999 values; the image has 1000 voxels"));
    RADPATH_CHECK(contains(errorOf([&] { engine->evaluateClassifier(path, images, {}, RunOptions{}, {}, nullptr); }),
                           "is a segmentation model"));
}

} // namespace
} // namespace radpath::ai::test

int main()
{
    using namespace radpath::ai::test;
    return runCases({
        {"classifierEvaluationAgreesWithClassify", classifierEvaluationAgreesWithClassify},
        {"classifierEvaluationRefusesBadInput", classifierEvaluationRefusesBadInput},
        {"segmenterEvaluationAgreesWithSegment", segmenterEvaluationAgreesWithSegment},
    });
}
