// Model packages on real LibTorch: a tiny TorchScript classifier made in C++ (no Python),
// saved with its manifest, loaded back, and broken in the ways users' files break.

#include "Check.h"
#include "ModelPackageCases.h"

#include "ModelPackage.h"
#include "Sha256.h"

#include <torch/torch.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace fs = std::filesystem;

namespace radpath::ai::test {

namespace {

// conv 3x3 (1 -> 4 channels, padding 1) + ReLU -> global mean -> linear 4 -> 2.
// forward_features returns (logits, features) as Grad-CAM needs.
torch::jit::Module tinyClassifier()
{
    torch::manual_seed(7);
    torch::jit::Module module("TinyClassifier");
    module.register_parameter("conv_weight", torch::randn({4, 1, 3, 3}), false);
    module.register_parameter("conv_bias", torch::randn({4}), false);
    module.register_parameter("fc_weight", torch::randn({2, 4}), false);
    module.register_parameter("fc_bias", torch::randn({2}), false);
    module.register_buffer("calls", torch::zeros({1}, torch::kInt64));
    module.define(R"(
def forward_features(self, x):
    features = torch.relu(torch.conv2d(x, self.conv_weight, self.conv_bias, [1, 1], [1, 1]))
    pooled = torch.mean(features, [2, 3])
    logits = torch.matmul(pooled, self.fc_weight.t()) + self.fc_bias
    return logits, features

def forward(self, x):
    return self.forward_features(x)[0]
)");
    return module;
}

Manifest tinyManifest()
{
    Manifest m;
    m.name = "Tiny classifier";
    m.version = "1.0.0";
    m.task = ModelTask::Classification;
    m.modality = "CR";
    m.dims = 2;
    m.input.dims = 2;
    m.input.channels = 1;
    m.input.size = {8, 6};
    m.input.intensity.kind = IntensityTransform::Kind::ZScore;
    m.output.labels = {{0, "normal", {0, 160, 0}}, {1, "abnormal", {220, 40, 40}}};
    m.saliency.gradCam = true;
    m.saliency.methods = {"grad-cam"};
    m.metrics["auc"] = 0.5;
    return m;
}

torch::Tensor forward(torch::jit::Module& module, const torch::Tensor& input)
{
    return module.forward({input}).toTensor();
}

std::string errorOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const ModelError& e) {
        return e.what();
    }
    return "(no error)";
}

bool checkMessage(const std::string& got, const std::string& want)
{
    if (got != want)
        std::fprintf(stderr, "  want: %s\n  got:  %s\n", want.c_str(), got.c_str());
    return got == want;
}

void saveAndLoadRoundTrip()
{
    const std::string path = temporaryDirectory("roundtrip") + "/tiny.pt";
    torch::jit::Module module = tinyClassifier();
    const torch::Tensor input = torch::linspace(-1.0, 1.0, 48).reshape({1, 1, 8, 6});
    const torch::Tensor before = forward(module, input);
    saveModelPackage(module, tinyManifest(), path);
    RADPATH_CHECK(fs::exists(path));
    // Nothing left beside it: the temporary file was renamed.
    RADPATH_CHECK(std::distance(fs::directory_iterator(fs::path(path).parent_path()), fs::directory_iterator()) == 1);

    ModelPackage package = loadModelPackage(path);
    RADPATH_CHECK(package.path == path && package.manifestEmbedded);
    RADPATH_CHECK(package.manifestSource == path + ": radpath.json");
    RADPATH_CHECK(package.hasForwardFeatures);
    RADPATH_CHECK(package.manifest.name == "Tiny classifier" && package.manifest.metrics.at("auc") == 0.5);
    RADPATH_CHECK((package.manifest.input.size == std::vector<int>{8, 6}));
    RADPATH_CHECK(package.manifest.weightsSha256 == weightsSha256(module));
    RADPATH_CHECK(package.manifest.weightsSha256 == weightsSha256(package.module));
    RADPATH_CHECK(torch::equal(forward(package.module, input), before));

    // forward_features gives the same logits and 4 feature maps of the input's size.
    const auto pair = package.module.get_method("forward_features")({input}).toTuple();
    RADPATH_CHECK(torch::equal(pair->elements()[0].toTensor(), before));
    RADPATH_CHECK((pair->elements()[1].toTensor().sizes().vec() == std::vector<int64_t>{1, 4, 8, 6}));
}

// The rule of Manifest.h, computed by hand: the bytes of conv_weight, conv_bias, fc_weight,
// fc_bias (float32) and then of the int64 buffer, in that order.
void weightsHashFollowsTheRule()
{
    torch::jit::Module module = tinyClassifier();
    Sha256 hash;
    for (const char* name : {"conv_weight", "conv_bias", "fc_weight", "fc_bias", "calls"}) {
        const torch::Tensor t = module.attr(name).toTensor().contiguous();
        hash.update(t.data_ptr(), size_t(t.numel()) * t.element_size());
    }
    RADPATH_CHECK(weightsSha256(module) == hash.hexDigest());
    RADPATH_CHECK(module.named_buffers().size() == 1);
    // The int64 buffer counts: 8 bytes more change the hash.
    module.attr("calls").toTensor().fill_(1);
    RADPATH_CHECK(weightsSha256(module) != hash.hexDigest());
}

void tamperedWeightsAreRefused()
{
    const std::string path = temporaryDirectory("tamper") + "/tiny.pt";
    torch::jit::Module module = tinyClassifier();
    saveModelPackage(module, tinyManifest(), path);
    const std::string stated = weightsSha256(module);

    // Same manifest (with the old hash), one parameter changed.
    torch::jit::ExtraFilesMap extra{{"radpath.json", ""}};
    torch::jit::Module copy = torch::jit::load(path, torch::Device(torch::kCPU), extra);
    {
        torch::NoGradGuard noGrad;
        copy.attr("fc_bias").toTensor()[0].add_(0.5);
    }
    copy.save(path, extra);
    const std::string actual = weightsSha256(copy);
    RADPATH_CHECK(actual != stated);
    RADPATH_CHECK(checkMessage(errorOf([&] { loadModelPackage(path); }),
                               path + ": the weights do not match the manifest (weights_sha256 " + stated +
                                   ", weights hash to " + actual + ')'));
}

void sidecarManifest()
{
    const std::string dir = temporaryDirectory("sidecar");
    const std::string path = dir + "/model.pt";
    torch::jit::Module module = tinyClassifier();
    module.save(path);

    RADPATH_CHECK(sidecarManifestPath(path) == dir + "/model.json");
    RADPATH_CHECK(checkMessage(errorOf([&] { loadModelPackage(path); }),
                               path + ": no radpath.json inside and no model.json beside it"));

    Manifest manifest = tinyManifest();
    manifest.weightsSha256 = weightsSha256(module);
    std::ofstream(dir + "/model.json") << toJson(manifest);
    ModelPackage package = loadModelPackage(path);
    RADPATH_CHECK(!package.manifestEmbedded && package.manifestSource == dir + "/model.json");
    RADPATH_CHECK(package.manifest.weightsSha256 == manifest.weightsSha256 && package.hasForwardFeatures);

    std::ofstream(dir + "/model.json") << R"({"name": "x"})";
    RADPATH_CHECK(checkMessage(errorOf([&] { loadModelPackage(path); }), dir + "/model.json: missing \"version\""));

    // An embedded manifest wins over the one beside.
    saveModelPackage(module, tinyManifest(), path);
    RADPATH_CHECK(loadModelPackage(path).manifestEmbedded);
}

void brokenFiles()
{
    const std::string dir = temporaryDirectory("broken");
    const std::string path = dir + "/tiny.pt";
    saveModelPackage(tinyClassifier(), tinyManifest(), path);

    // Cut in half: the zip's central directory is gone.
    const auto size = fs::file_size(path);
    fs::resize_file(path, size / 2);
    const std::string truncated = errorOf([&] { loadModelPackage(path); });
    std::printf("  %s\n", truncated.c_str());
    const std::string prefix = path + ": not a readable TorchScript model (";
    RADPATH_CHECK(checkMessage(truncated.substr(0, prefix.size()), prefix));
    RADPATH_CHECK(truncated.find('\n') == std::string::npos && truncated.back() == ')');

    std::ofstream(dir + "/text.pt") << "not a model";
    RADPATH_CHECK(errorOf([&] { loadModelPackage(dir + "/text.pt"); }).rfind(dir + "/text.pt: not a readable", 0) == 0);

    RADPATH_CHECK(
        checkMessage(errorOf([&] { loadModelPackage(dir + "/none.pt"); }), dir + "/none.pt: no such model file"));

    // A manifest inside that is not JSON.
    tinyClassifier().save(path, {{"radpath.json", "{oops"}});
    RADPATH_CHECK(errorOf([&] { loadModelPackage(path); }).rfind(path + ": radpath.json: not valid JSON: ", 0) == 0);
}

void gradCamNeedsForwardFeatures()
{
    const std::string path = temporaryDirectory("gradcam") + "/plain.pt";
    torch::jit::Module module("Plain");
    module.register_parameter("w", torch::ones({1}), false);
    module.define("def forward(self, x):\n    return x * self.w\n");
    const std::string want =
        path + ": the manifest declares saliency.grad_cam but the model has no forward_features method";
    RADPATH_CHECK(checkMessage(errorOf([&] { saveModelPackage(module, tinyManifest(), path); }), want));
    RADPATH_CHECK(!fs::exists(path));

    // Saved without the claim, it loads and says it has no forward_features.
    Manifest manifest = tinyManifest();
    manifest.saliency = {};
    saveModelPackage(module, manifest, path);
    RADPATH_CHECK(!loadModelPackage(path).hasForwardFeatures);

    // The claim added beside a file without it is refused on loading.
    module.save(path);
    manifest.saliency.gradCam = true;
    manifest.weightsSha256 = weightsSha256(module);
    std::ofstream(sidecarManifestPath(path)) << toJson(manifest);
    RADPATH_CHECK(checkMessage(errorOf([&] { loadModelPackage(path); }), want));
}

void inputShapeIsChecked()
{
    const Manifest m2 = tinyManifest(); // 1 channel, 8 x 6
    checkInputShape(m2, {1, 1, 8, 6}, "model.pt");
    checkInputShape(m2, {5, 1, 8, 6}, "model.pt");
    RADPATH_CHECK(checkMessage(errorOf([&] {
                                   checkInputShape(m2, {1, 3, 8, 6}, "model.pt");
                               }),
                               "model.pt expects 1×1×8×6 (batch × channels × height × width), got 1×3×8×6"));
    RADPATH_CHECK(checkMessage(errorOf([&] {
                                   checkInputShape(m2, {2, 1, 6, 8}, "model.pt");
                               }),
                               "model.pt expects 2×1×8×6 (batch × channels × height × width), got 2×1×6×8"));
    RADPATH_CHECK(checkMessage(errorOf([&] {
                                   checkInputShape(m2, {1, 8, 6}, "model.pt");
                               }),
                               "model.pt expects 1×1×8×6 (batch × channels × height × width), got 1×8×6"));
    RADPATH_CHECK(checkMessage(errorOf([&] {
                                   checkInputShape(m2, {0, 1, 8, 6}, "model.pt");
                               }),
                               "model.pt expects 1×1×8×6 (batch × channels × height × width), got 0×1×8×6"));

    // A 3-D segmenter takes windows of sliding_window.roi.
    Manifest m3 = tinyManifest();
    m3.task = ModelTask::Segmentation;
    m3.dims = m3.input.dims = 3;
    m3.input.size.clear();
    m3.slidingWindow = SlidingWindow{{32, 48, 64}};
    validateManifest(m3, "seg");
    checkInputShape(m3, {4, 1, 32, 48, 64}, "seg.pt");
    RADPATH_CHECK(
        checkMessage(errorOf([&] {
                         checkInputShape(m3, {1, 1, 48, 64}, "seg.pt");
                     }),
                     "seg.pt expects 1×1×32×48×64 (batch × channels × depth × height × width), got 1×1×48×64"));
}

void saveRefusesInvalidManifest()
{
    const std::string path = temporaryDirectory("invalid") + "/tiny.pt";
    Manifest manifest = tinyManifest();
    manifest.output.labels.clear();
    RADPATH_CHECK(checkMessage(errorOf([&] { saveModelPackage(tinyClassifier(), manifest, path); }),
                               path + ": radpath.json: output.labels must not be empty"));
    RADPATH_CHECK(!fs::exists(path));
}

} // namespace

Cases modelPackageCases()
{
    return {
        {"package.saveAndLoadRoundTrip", saveAndLoadRoundTrip},
        {"package.weightsHashFollowsTheRule", weightsHashFollowsTheRule},
        {"package.tamperedWeightsAreRefused", tamperedWeightsAreRefused},
        {"package.sidecarManifest", sidecarManifest},
        {"package.brokenFiles", brokenFiles},
        {"package.gradCamNeedsForwardFeatures", gradCamNeedsForwardFeatures},
        {"package.inputShapeIsChecked", inputShapeIsChecked},
        {"package.saveRefusesInvalidManifest", saveRefusesInvalidManifest},
    };
}

} // namespace radpath::ai::test

int main()
{
    using namespace radpath::ai::test;
    Cases cases = sha256Cases();
    for (Cases more : {manifestCases(), modelPackageCases()})
        cases.insert(cases.end(), more.begin(), more.end());
    return runCases(cases);
}
