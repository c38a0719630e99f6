// Manifests: what a valid one reads as, defaults, the round trip through toJson, and the
// exact message of each broken one.

#include "Check.h"
#include "ModelPackageCases.h"

#include "radpath/ai/Manifest.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <functional>
#include <vector>

namespace radpath::ai::test {
namespace {

using Json = nlohmann::ordered_json;

const char* const kSource = "model.pt: radpath.json";

Json classifier()
{
    return Json::parse(R"({
      "name": "Chest X-ray pneumonia", "version": "1.2.0", "task": "classification",
      "modality": "CR", "dims": 2,
      "input": {"channels": 3, "size": [224, 256], "spacing_mm": [0.5, 0.25],
                "intensity": {"transform": "scale255", "mean": [0.485, 0.456, 0.406],
                              "std": [0.229, 0.224, 0.225]}},
      "output": {"activation": "softmax",
                 "labels": [{"index": 0, "name": "normal", "color": [0, 160, 0]},
                            {"index": 1, "name": "pneumonia", "color": [220, 40, 255]}]},
      "saliency": {"grad_cam": true, "methods": ["grad-cam"]},
      "intended_use": "Research use only.",
      "training": {"dataset": "RSNA", "epochs": 30, "augment": {"flip": true}},
      "metrics": {"auc": 0.91, "accuracy": 0.875},
      "weights_sha256": "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"
    })");
}

Json segmenter()
{
    return Json::parse(R"({
      "name": "Spleen CT", "version": "0.3", "task": "segmentation", "modality": "CT", "dims": 3,
      "input": {"channels": 1, "patch_size": [96, 80, 64], "spacing_mm": [2.0, 1.5, 1.5],
                "orientation": "RAS",
                "intensity": {"transform": "window", "a_min": -57, "a_max": 164,
                              "b_min": 0, "b_max": 1, "clip": true}},
      "output": {"activation": "softmax",
                 "labels": [{"index": 0, "name": "background", "color": [0, 0, 0]},
                            {"index": 1, "name": "spleen", "color": [255, 0, 0]}]},
      "sliding_window": {"roi": [96, 80, 64], "overlap": 0.5, "mode": "gaussian", "batch": 4}
    })");
}

std::string errorOf(const Json& json)
{
    try {
        parseManifest(json.dump(), kSource);
    } catch (const ModelError& e) {
        return e.what();
    }
    return "(no error)";
}

void classifierReadsAsWritten()
{
    const Manifest m = parseManifest(classifier().dump(), kSource);
    RADPATH_CHECK(m.name == "Chest X-ray pneumonia" && m.version == "1.2.0" && m.modality == "CR");
    RADPATH_CHECK(m.task == ModelTask::Classification && toString(m.task) == "classification");
    RADPATH_CHECK(m.dims == 2 && m.input.dims == 2 && m.input.channels == 3);
    RADPATH_CHECK((m.input.size == std::vector<int>{224, 256}) && m.input.patchSize.empty());
    RADPATH_CHECK(m.input.spacingMm && (*m.input.spacingMm == std::vector<double>{0.5, 0.25}));
    RADPATH_CHECK(!m.input.orientation);
    const IntensityTransform& t = m.input.intensity;
    RADPATH_CHECK(t.kind == IntensityTransform::Kind::Scale255);
    RADPATH_CHECK((t.mean == std::vector<double>{0.485, 0.456, 0.406}));
    RADPATH_CHECK((t.stdDev == std::vector<double>{0.229, 0.224, 0.225}));
    RADPATH_CHECK(m.output.activation == ManifestOutput::Activation::Softmax);
    RADPATH_CHECK(m.output.labels.size() == 2);
    RADPATH_CHECK(m.output.labels[1].index == 1 && m.output.labels[1].name == "pneumonia");
    RADPATH_CHECK((m.output.labels[1].color == std::array<int, 3>{220, 40, 255}));
    RADPATH_CHECK(!m.slidingWindow);
    RADPATH_CHECK(m.saliency.gradCam && (m.saliency.methods == std::vector<std::string>{"grad-cam"}));
    RADPATH_CHECK(m.intendedUse == "Research use only.");
    // Key order and nesting kept as written.
    RADPATH_CHECK(m.trainingJson == R"({"dataset":"RSNA","epochs":30,"augment":{"flip":true}})");
    RADPATH_CHECK(m.metrics.size() == 2 && m.metrics.at("auc") == 0.91 && m.metrics.at("accuracy") == 0.875);
    RADPATH_CHECK(m.weightsSha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

// Unstated settings take MONAI's defaults.
void segmenterDefaults()
{
    Json json = segmenter();
    json["sliding_window"] = Json::parse(R"({"roi": [96, 80, 64]})");
    json["input"]["intensity"].erase("clip");
    const Manifest m = parseManifest(json.dump(), kSource);
    RADPATH_CHECK(m.task == ModelTask::Segmentation && m.dims == 3 && m.input.dims == 3);
    RADPATH_CHECK(m.input.orientation && *m.input.orientation == "RAS");
    const IntensityTransform& t = m.input.intensity;
    RADPATH_CHECK(t.kind == IntensityTransform::Kind::Window);
    RADPATH_CHECK(t.aMin == -57 && t.aMax == 164 && t.bMin == 0 && t.bMax == 1 && !t.clip);
    RADPATH_CHECK(m.slidingWindow && (m.slidingWindow->roi == std::vector<int>{96, 80, 64}));
    RADPATH_CHECK(m.slidingWindow->overlap == 0.25 && m.slidingWindow->mode == SlidingWindow::Mode::Constant);
    RADPATH_CHECK(m.slidingWindow->sigmaScale == 0.125 && m.slidingWindow->batch == 1);
    RADPATH_CHECK(!m.saliency.gradCam && m.saliency.methods.empty());
    RADPATH_CHECK(m.trainingJson.empty() && m.metrics.empty() && m.weightsSha256.empty() && m.intendedUse.empty());

    json["input"]["intensity"] = Json::parse(R"({"transform": "zscore"})");
    const Manifest z = parseManifest(json.dump(), kSource);
    RADPATH_CHECK(z.input.intensity.kind == IntensityTransform::Kind::ZScore);
    RADPATH_CHECK(!z.input.intensity.nonzero && !z.input.intensity.channelWise);
}

void roundTripThroughJson()
{
    for (const Json& json : {classifier(), segmenter()}) {
        const Manifest first = parseManifest(json.dump(), kSource);
        const std::string written = toJson(first);
        const Manifest second = parseManifest(written, kSource);
        RADPATH_CHECK(toJson(second) == written);
        RADPATH_CHECK(second.name == first.name && second.task == first.task && second.dims == first.dims);
        RADPATH_CHECK(second.input.size == first.input.size && second.input.patchSize == first.input.patchSize);
        RADPATH_CHECK(second.input.spacingMm == first.input.spacingMm);
        RADPATH_CHECK(second.input.orientation == first.input.orientation);
        RADPATH_CHECK(second.input.intensity.kind == first.input.intensity.kind);
        RADPATH_CHECK(second.input.intensity.aMin == first.input.intensity.aMin);
        RADPATH_CHECK(second.input.intensity.clip == first.input.intensity.clip);
        RADPATH_CHECK(second.input.intensity.stdDev == first.input.intensity.stdDev);
        RADPATH_CHECK(second.output.labels.size() == first.output.labels.size());
        RADPATH_CHECK(second.output.labels.back().color == first.output.labels.back().color);
        RADPATH_CHECK(second.slidingWindow.has_value() == first.slidingWindow.has_value());
        if (first.slidingWindow)
            RADPATH_CHECK(second.slidingWindow->overlap == 0.5 && second.slidingWindow->batch == 4 &&
                          second.slidingWindow->mode == SlidingWindow::Mode::Gaussian);
        RADPATH_CHECK(second.trainingJson == first.trainingJson && second.metrics == first.metrics);
        RADPATH_CHECK(second.weightsSha256 == first.weightsSha256);
    }
}

// Each case changes a valid manifest in one way; parseManifest must fail with exactly
// "<source>: <problem>".
struct Broken {
    std::function<void(Json&)> change;
    std::string problem;
};

void expectErrors(const Json& base, const std::vector<Broken>& cases)
{
    for (const Broken& broken : cases) {
        Json json = base;
        broken.change(json);
        const std::string got = errorOf(json);
        const std::string want = std::string(kSource) + ": " + broken.problem;
        if (got != want)
            std::fprintf(stderr, "  want: %s\n  got:  %s\n", want.c_str(), got.c_str());
        check(got == want, broken.problem.c_str(), __FILE__, __LINE__);
    }
}

// clang-format off
void typeErrors()
{
    expectErrors(classifier(), {
        {[](Json& j) { j["input"]["channels"] = 0; }, "input.channels must be a positive integer"},
        {[](Json& j) { j["input"]["channels"] = "3"; }, "input.channels must be a positive integer"},
        {[](Json& j) { j["input"]["channels"] = 2.5; }, "input.channels must be a positive integer"},
        {[](Json& j) { j["output"].erase("labels"); }, "missing \"output.labels\""},
        {[](Json& j) { j.erase("name"); }, "missing \"name\""},
        {[](Json& j) { j["name"] = 7; }, "name must be a string"},
        {[](Json& j) { j["dims"] = 4; }, "dims must be 2 or 3"},
        {[](Json& j) { j["input"]["size"] = {224, -1}; }, "input.size must be an array of positive integers"},
        {[](Json& j) { j["input"]["spacing_mm"] = "0.5"; }, "input.spacing_mm must be an array of numbers"},
        {[](Json& j) { j["output"]["labels"][0]["color"] = {0, 0, 256}; },
         "output.labels[0].color must be three integers 0..255"},
        {[](Json& j) { j["output"]["labels"][1].erase("name"); }, "missing \"output.labels[1].name\""},
        {[](Json& j) { j["input"]["sise"] = {224, 224}; }, "unknown key \"input.sise\""},
        {[](Json& j) { j["training"] = "free text"; }, "training must be an object"},
        {[](Json& j) { j["metrics"]["auc"] = "high"; }, "metrics.auc must be a number"},
        {[](Json& j) { j = Json::array(); }, "the manifest must be a JSON object"},
    });
    expectErrors(segmenter(), {
        {[](Json& j) { j["input"]["intensity"]["clip"] = "yes"; }, "input.intensity.clip must be true or false"},
        {[](Json& j) { j["input"]["intensity"] = Json::parse(R"({"transform": "zscore", "a_min": 0})"); },
         "unknown key \"input.intensity.a_min\""},
        {[](Json& j) { j["sliding_window"]["batch"] = 0; }, "sliding_window.batch must be a positive integer"},
    });
}

void unknownWords()
{
    expectErrors(classifier(), {
        {[](Json& j) { j["task"] = "detect"; },
         "unknown task \"detect\" (expected classification, segmentation or tile-classification)"},
        {[](Json& j) { j["output"]["activation"] = "relu"; },
         "unknown output.activation \"relu\" (expected softmax or sigmoid)"},
        {[](Json& j) { j["input"]["intensity"]["transform"] = "minmax"; },
         "unknown input.intensity.transform \"minmax\" (expected none, window, zscore or scale255)"},
        {[](Json& j) { j["manifest_version"] = 2; }, "manifest_version 2 is newer than this RadPath understands (1)"},
    });
    expectErrors(segmenter(), {
        {[](Json& j) { j["sliding_window"]["mode"] = "linear"; },
         "unknown sliding_window.mode \"linear\" (expected constant or gaussian)"},
    });
}

void meaningErrors()
{
    expectErrors(classifier(), {
        {[](Json& j) { j["dims"] = 3; }, "input.size has 2 values but dims is 3"},
        {[](Json& j) { j["input"]["spacing_mm"] = {0.5, 0.0}; }, "input.spacing_mm values must be positive"},
        {[](Json& j) { j["name"] = " "; }, "name must not be empty"},
        {[](Json& j) { j["output"]["labels"] = Json::array(); }, "output.labels must not be empty"},
        {[](Json& j) { j["output"]["labels"][1]["index"] = 0; }, "output.labels: index 0 appears twice"},
        {[](Json& j) { j["output"]["labels"][1]["index"] = 2; },
         "output.labels of a classification model must have the indices 0..1, one label per output"},
        {[](Json& j) { j["input"]["intensity"]["mean"] = {0.5}; },
         "input.intensity: mean and std must both be given, with one value per channel, or neither"},
        {[](Json& j) { j["input"]["channels"] = 1; },
         "input.intensity: mean and std need one value per channel (input.channels is 1), got 3"},
        {[](Json& j) { j["input"]["intensity"]["std"][2] = 0; }, "input.intensity: std values must be positive"},
        {[](Json& j) { j["weights_sha256"] = "abc"; }, "weights_sha256 must be 64 hexadecimal digits"},
        {[](Json& j) { j["input"].erase("size"); j["input"]["patch_size"] = {224, 224}; },
         "missing \"input.size\", which a classification model needs"},
        {[](Json& j) { j["sliding_window"] = Json::parse(R"({"roi": [224, 256]})"); },
         "sliding_window applies to segmentation models only"},
        {[](Json& j) { j["task"] = "tile-classification"; },
         "missing \"input.patch_size\", which a tile-classification model needs"},
    });
    expectErrors(segmenter(), {
        {[](Json& j) { j["input"]["intensity"]["a_min"] = 400; j["input"]["intensity"]["a_max"] = -1000; },
         "input.intensity: a_min (400) must be less than a_max (-1000)"},
        {[](Json& j) { j["input"]["intensity"]["b_max"] = 0; }, "input.intensity: b_min and b_max must differ"},
        {[](Json& j) { j["input"]["orientation"] = "RAX"; },
         "input.orientation must be three letters with one of R/L, A/P and S/I each, got \"RAX\""},
        {[](Json& j) { j["input"]["orientation"] = "RLS"; },
         "input.orientation must be three letters with one of R/L, A/P and S/I each, got \"RLS\""},
        {[](Json& j) { j["sliding_window"]["overlap"] = 1; }, "sliding_window.overlap must be in [0, 1), got 1"},
        {[](Json& j) { j["sliding_window"]["overlap"] = -0.1; }, "sliding_window.overlap must be in [0, 1), got -0.1"},
        {[](Json& j) { j["sliding_window"]["roi"] = {96, 96}; }, "sliding_window.roi has 2 values but dims is 3"},
        {[](Json& j) { j["sliding_window"]["roi"] = {96, 96, 96}; }, "sliding_window.roi differs from input.patch_size"},
        {[](Json& j) { j["sliding_window"]["sigma_scale"] = 0; }, "sliding_window.sigma_scale must be positive, got 0"},
        {[](Json& j) { j.erase("sliding_window"); }, "input.patch_size of a segmentation model needs \"sliding_window\""},
        {[](Json& j) { j.erase("sliding_window"); j["input"].erase("patch_size"); },
         "missing \"input.size\" or \"sliding_window\", one of which a segmentation model needs"},
        {[](Json& j) { j["input"]["size"] = {96, 96, 96}; },
         "a segmentation model has input.size or sliding_window, not both"},
        {[](Json& j) { j["task"] = "tile-classification"; }, "sliding_window applies to segmentation models only"},
    });
}
// clang-format on

void notJson()
{
    const std::string got = [] {
        try {
            parseManifest("{\"name\": ", kSource);
        } catch (const ModelError& e) {
            return std::string(e.what());
        }
        return std::string();
    }();
    const std::string prefix = std::string(kSource) + ": not valid JSON: parse error at line 1, column 10:";
    RADPATH_CHECK(got.compare(0, prefix.size(), prefix) == 0);
    RADPATH_CHECK(got.find("[json.exception") == std::string::npos);
}

// Manifests made in code meet the same rules.
void validateCodeBuiltManifest()
{
    Manifest m = parseManifest(classifier().dump(), kSource);
    validateManifest(m, "code");
    m.input.dims = 3;
    std::string message;
    try {
        validateManifest(m, "code");
    } catch (const ModelError& e) {
        message = e.what();
    }
    RADPATH_CHECK(message == "code: input.dims (3) differs from dims (2)");
    m.input.dims = 2;
    m.trainingJson = "[1, 2]";
    message.clear();
    try {
        validateManifest(m, "code");
    } catch (const ModelError& e) {
        message = e.what();
    }
    RADPATH_CHECK(message == "code: training must be an object");
}

} // namespace

Cases manifestCases()
{
    return {
        {"manifest.classifierReadsAsWritten", classifierReadsAsWritten},
        {"manifest.segmenterDefaults", segmenterDefaults},
        {"manifest.roundTripThroughJson", roundTripThroughJson},
        {"manifest.typeErrors", typeErrors},
        {"manifest.unknownWords", unknownWords},
        {"manifest.meaningErrors", meaningErrors},
        {"manifest.notJson", notJson},
        {"manifest.validateCodeBuiltManifest", validateCodeBuiltManifest},
    };
}

} // namespace radpath::ai::test
