// The engine's model calls end to end: grids in and out (orientation, spacing, resize),
// classification, sliding-window segmentation against a direct forward pass, slide tiles,
// saliency on the source grid, and the messages for inputs a model cannot take.

#include "Check.h"
#include "GridMapping.h"
#include "ModelPackage.h"
#include "ModelRunner.h"
#include "radpath/ai/Engine.h"
#include "radpath/ai/ModelError.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <fstream>

namespace radpath::ai::test {
namespace {

ImageGrid grid(int i, int j, int k, std::array<double, 3> spacing = {1, 1, 1})
{
    ImageGrid g;
    g.size = {i, j, k};
    g.spacing = spacing;
    return g;
}

ImageBuffer image(const ImageGrid& g, const std::function<float(int, int, int)>& value, int dims = 3)
{
    ImageBuffer b;
    b.grid = g;
    b.dims = dims;
    for (int k = 0; k < g.size[2]; ++k)
        for (int j = 0; j < g.size[1]; ++j)
            for (int i = 0; i < g.size[0]; ++i)
                b.voxels.push_back(value(i, j, k));
    return b;
}

template <class F> std::string errorOf(F&& f)
{
    try {
        f();
    } catch (const ModelError& e) {
        return e.what();
    }
    return "";
}

void orientationCodesFollowDirections()
{
    RADPATH_CHECK(orientationCodes(grid(2, 2, 2)) == "LPS");
    ImageGrid flipped = grid(2, 2, 2);
    flipped.direction = {-1, 0, 0, 0, -1, 0, 0, 0, 1}; // RAS+ as NIfTI stores it, in LPS
    RADPATH_CHECK(orientationCodes(flipped) == "RAS");
    ImageGrid coronal = grid(2, 2, 2);
    coronal.direction = {1, 0, 0, 0, 0, 1, 0, -1, 0}; // j points down (I), k points posterior
    RADPATH_CHECK(orientationCodes(coronal) == "LIP");
}

void reorientationRoundTripsExactly()
{
    ImageGrid g = grid(5, 4, 3);
    g.direction = {1, 0, 0, 0, 0, 1, 0, -1, 0};
    const ImageBuffer b = image(g, [](int i, int j, int k) { return float(i + 10 * j + 100 * k); });
    const GridMapping mapping(g, 3, std::string("RAS"), std::nullopt, true, {});
    const torch::Tensor x = torch::from_blob(const_cast<float*>(b.voxels.data()), {1, 3, 4, 5});
    const torch::Tensor model = mapping.toModel(x); // [1, i, j, k] in RAS
    // RAS: i flipped (L -> R), the model's j is the source's k flipped (P -> A), k is the
    // source's j flipped (I -> S).
    RADPATH_CHECK(model.sizes() == torch::IntArrayRef({1, 5, 3, 4}));
    RADPATH_CHECK(model[0][0][0][0].item<float>() == float(4 + 10 * 3 + 100 * 2));
    RADPATH_CHECK(torch::equal(mapping.fromModel(model), x));
}

void spacingResamplesLinearly()
{
    // A ramp of 1 per mm along i at 0.5 mm, resampled to 2 mm: every sample lands on the ramp.
    const ImageGrid g = grid(41, 3, 2, {0.5, 1.0, 1.0});
    const ImageBuffer b = image(g, [](int i, int, int) { return float(i) * 0.5f; });
    const GridMapping mapping(g, 3, std::nullopt, std::vector<double>{2.0, 1.0, 1.0}, true, {});
    const torch::Tensor x = torch::from_blob(const_cast<float*>(b.voxels.data()), {1, 2, 3, 41});
    const torch::Tensor model = mapping.toModel(x);
    RADPATH_CHECK(model.size(1) == 11); // round(40 * 0.5 / 2) + 1
    for (int64_t n = 0; n < 11; ++n)
        RADPATH_CHECK(std::abs(model[0][n][0][0].item<float>() - 2.0f * float(n)) < 1e-5f);
    const torch::Tensor back = mapping.fromModel(model);
    RADPATH_CHECK(back.sizes() == x.sizes());
    RADPATH_CHECK((back - x).abs().max().item<float>() < 1e-4f);
}

/// A pointwise segmenter (1x1x1 convolutions): its output at a voxel depends on that voxel
/// only, so any tiling into windows must give the direct forward pass.
std::string pointwiseSegmenter(const std::string& dir)
{
    torch::manual_seed(3);
    torch::jit::Module module("Pointwise");
    module.register_parameter("w1", torch::randn({4, 1, 1, 1, 1}), false);
    module.register_parameter("b1", torch::randn({4}), false);
    module.register_parameter("w2", torch::randn({2, 4, 1, 1, 1}), false);
    module.register_parameter("b2", torch::randn({2}), false);
    module.define(R"(
def forward(self, x):
    return torch.conv3d(torch.relu(torch.conv3d(x, self.w1, self.b1)), self.w2, self.b2)
)");
    Manifest m;
    m.name = "Pointwise";
    m.version = "1";
    m.task = ModelTask::Segmentation;
    m.modality = "CT";
    m.dims = m.input.dims = 3;
    m.input.patchSize = {8, 8, 8};
    m.input.intensity.kind = IntensityTransform::Kind::Window;
    m.input.intensity.aMin = -100;
    m.input.intensity.aMax = 100;
    m.input.intensity.bMax = 1;
    m.input.intensity.clip = true;
    m.output.labels = {{0, "background", {0, 0, 0}}, {1, "lesion", {255, 0, 0}}};
    SlidingWindow window;
    window.roi = {8, 8, 8};
    window.overlap = 0.5;
    window.mode = SlidingWindow::Mode::Gaussian;
    window.batch = 3;
    m.slidingWindow = window;
    const std::string path = dir + "/pointwise.pt";
    saveModelPackage(module, m, path);
    return path;
}

void slidingWindowEqualsDirectForward()
{
    const std::string dir = temporaryDirectory("inference-sw");
    const std::string path = pointwiseSegmenter(dir);
    const ImageBuffer b = image(grid(20, 17, 13), [](int i, int j, int k) {
        return float(std::sin(0.3 * i) * 150.0 + std::cos(0.2 * j) * 80.0 - 5.0 * k);
    });
    auto engine = createEngine();
    RunOptions options;
    const Segmentation s = engine->segment(path, b, options, {}, nullptr);

    ModelPackage package = loadModelPackage(path);
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::from_blob(const_cast<float*>(b.voxels.data()), {1, 1, 13, 17, 20});
    const torch::Tensor direct =
        torch::softmax(forwardLogits(package.module, ((x + 100.0) / 200.0).clamp(0.0, 1.0)), 1)[0].contiguous();
    const torch::Tensor got = torch::from_blob(const_cast<float*>(s.probabilities.data()), {2, 13, 17, 20});
    RADPATH_CHECK((got - direct).abs().max().item<float>() < 1e-5f);
    const torch::Tensor labels = direct.argmax(0).to(torch::kInt32).flatten();
    size_t same = 0;
    for (size_t v = 0; v < s.labels.size(); ++v)
        same += s.labels[v] == uint16_t(labels[int64_t(v)].item<int>());
    RADPATH_CHECK(same == s.labels.size());
    RADPATH_CHECK(s.grid == b.grid);
    RADPATH_CHECK(s.run.modelName == "Pointwise" && s.run.device == "cpu" && s.run.weightsSha256.size() == 64);

    ImageBuffer slice = image(grid(20, 17, 1), [](int, int, int) { return 0.0f; }, 2);
    RADPATH_CHECK(errorOf([&] { engine->segment(path, slice, options, {}, nullptr); })
                      .find("a 3-D model cannot take a 2-D image") != std::string::npos);
    CancelToken cancel;
    cancel.cancel();
    bool cancelled = false;
    try {
        engine->segment(path, b, options, {}, &cancel);
    } catch (const Cancelled&) {
        cancelled = true;
    }
    RADPATH_CHECK(cancelled);
}

/// A single-file MONAI bundle around a pointwise model whose lesion logit is the voxel's
/// intensity after the bundle's window: what comes back shows the window, the spacing and
/// the orientation were applied (and undone) as the bundle declares.
std::string rampBundle(const std::string& dir)
{
    torch::jit::Module module("Ramp");
    module.register_buffer("zero", torch::zeros({1}));
    module.define(R"(
def forward(self, x):
    return torch.cat([torch.zeros_like(x), 4.0 * x - 2.0], 1)
)");
    const std::string metadata = R"({"version": "0.1.0", "network_data_format": {
        "inputs": {"image": {"modality": "CT", "num_channels": 1, "spatial_shape": [16, 16, 16]}},
        "outputs": {"pred": {"format": "segmentation", "num_channels": 2,
                             "channel_def": {"0": "background", "1": "ramp"}}}}})";
    const std::string inference = R"json({
        "device": "$torch.device('cuda:0' if torch.cuda.is_available() else 'cpu')",
        "preprocessing": {"_target_": "Compose", "transforms": [
            {"_target_": "LoadImaged", "keys": "image"},
            {"_target_": "EnsureChannelFirstd", "keys": "image"},
            {"_target_": "Orientationd", "keys": "image", "axcodes": "RAS"},
            {"_target_": "Spacingd", "keys": "image", "pixdim": [2.0, 1.0, 1.0], "mode": "bilinear"},
            {"_target_": "ScaleIntensityRanged", "keys": "image", "a_min": 0, "a_max": 100, "b_min": 0, "b_max": 1,
             "clip": true}]},
        "inferer": {"_target_": "SlidingWindowInferer", "roi_size": [16, 16, 16], "overlap": 0.25,
                    "mode": "gaussian", "sw_batch_size": 2},
        "postprocessing": {"_target_": "Compose", "transforms": [
            {"_target_": "Activationsd", "keys": "pred", "softmax": true},
            {"_target_": "AsDiscreted", "keys": "pred", "argmax": true}]}})json";
    const std::string path = dir + "/ramp_bundle.ts";
    module.save(path, {{"metadata.json", metadata}, {"inference.json", inference}});
    return path;
}

void monaiBundleHonouredEndToEnd()
{
    const std::string dir = temporaryDirectory("inference-bundle");
    const std::string path = rampBundle(dir);
    // 1 mm voxels in LPS; the ramp rises along i (towards the patient's left) from 0 to 100 HU
    // and beyond, so the window clips the far end.
    const ImageBuffer b = image(grid(61, 20, 18), [](int i, int, int) { return float(i) * 2.0f; });
    auto engine = createEngine();
    const ModelInfo info = engine->inspectModel(path);
    RADPATH_CHECK(info.format == "monai-bundle" && info.manifest.slidingWindow->roi == std::vector<int>({16, 16, 16}));
    const Segmentation s = engine->segment(path, b, RunOptions{}, {}, nullptr);
    const size_t voxels = b.voxels.size();
    for (int i : {0, 10, 25, 40, 49, 60}) {
        // p(ramp) = sigmoid(4 * clip(HU / 100) - 2) wherever the voxel is, after the trip to
        // RAS at 2 mm and back (linear resampling of a function that is linear along i).
        const double x = std::clamp(double(i) * 2.0 / 100.0, 0.0, 1.0);
        const double expected = 1.0 / (1.0 + std::exp(-(4.0 * x - 2.0)));
        const size_t v = size_t((7 * 20 + 9) * 61 + i);
        RADPATH_CHECK(std::abs(s.probabilities[voxels + v] - expected) < 0.02);
        RADPATH_CHECK(s.labels[v] == (expected > 0.5 ? 1 : 0));
    }
}

/// A segmenter that runs out of memory above two windows at a time, as a GPU would.
void outOfMemoryHalvesTheBatch()
{
    const std::string dir = temporaryDirectory("inference-oom");
    const std::string path = pointwiseSegmenter(dir);
    ModelPackage package = loadModelPackage(path);
    torch::jit::Module hungry("Hungry");
    hungry.register_module("inner", package.module);
    hungry.define(R"(
def forward(self, x):
    assert x.size(0) <= 2, "CUDA out of memory. Tried to allocate 2.00 GiB"
    return self.inner.forward(x)
)");
    const std::string hungryPath = dir + "/hungry.pt";
    saveModelPackage(hungry, package.manifest, hungryPath);

    const ImageBuffer b = image(grid(20, 17, 13), [](int i, int j, int k) { return float(i * 7 + j * 3 - k * 11); });
    auto engine = createEngine();
    RunOptions one;
    one.batch = 1;
    const Segmentation expected = engine->segment(path, b, one, {}, nullptr);
    RunOptions eight;
    eight.batch = 8;
    const Segmentation got = engine->segment(hungryPath, b, eight, {}, nullptr);
    RADPATH_CHECK(got.run.notice.find("batch went down to 2") != std::string::npos);
    RADPATH_CHECK(got.labels == expected.labels);
    for (size_t v = 0; v < got.probabilities.size(); v += 7)
        RADPATH_CHECK(std::abs(got.probabilities[v] - expected.probabilities[v]) < 1e-5f);
    // The next run starts from the batch that fitted.
    const Segmentation again = engine->segment(hungryPath, b, RunOptions{}, {}, nullptr);
    RADPATH_CHECK(again.run.notice.empty());
    // Any other failure inside the model is reported with the model's own message.
    torch::jit::Module broken("Broken");
    broken.register_buffer("zero", torch::zeros({1}));
    broken.define(R"(
def forward(self, x):
    assert x.size(0) < 0, "unexpected input layout"
    return x
)");
    saveModelPackage(broken, package.manifest, dir + "/broken.pt");
    const std::string message = errorOf([&] { engine->segment(dir + "/broken.pt", b, one, {}, nullptr); });
    RADPATH_CHECK(message.find(dir + "/broken.pt: the model failed to run") == 0);
    RADPATH_CHECK(message.find("unexpected input layout") != std::string::npos);
}

/// 2-D classifier: logits = [0, 8 * (mean of the bright square's area - 0.5)], Grad-CAM-ready.
std::string squareClassifier(const std::string& dir)
{
    torch::jit::Module module("Square");
    // Features: the input itself (one map); the class score is the mean of the 8x8 block at
    // rows 8..15, columns 16..23 of the 32x32 input.
    torch::Tensor mask = torch::zeros({1, 1, 32, 32});
    mask.index_put_({0, 0, torch::indexing::Slice(8, 16), torch::indexing::Slice(16, 24)}, 1.0);
    module.register_buffer("mask", mask);
    module.define(R"(
def forward_features(self, x):
    features = torch.relu(x)
    score = torch.sum(features * self.mask, [1, 2, 3]) / 64.0
    logits = torch.stack([torch.zeros_like(score), 8.0 * (score - 0.5)], 1)
    return logits, features

def forward(self, x):
    return self.forward_features(x)[0]
)");
    Manifest m;
    m.name = "Square";
    m.version = "2";
    m.task = ModelTask::Classification;
    m.modality = "DX";
    m.dims = m.input.dims = 2;
    m.input.size = {32, 32};
    m.input.intensity.kind = IntensityTransform::Kind::Window;
    m.input.intensity.aMax = 1000;
    m.input.intensity.bMax = 1;
    m.output.labels = {{0, "clear", {0, 160, 0}}, {1, "opacity", {220, 40, 40}}};
    m.saliency.gradCam = true;
    const std::string path = dir + "/square.pt";
    saveModelPackage(module, m, path);
    return path;
}

void classificationAndSaliencyOnTheSourceGrid()
{
    const std::string dir = temporaryDirectory("inference-cls");
    const std::string path = squareClassifier(dir);
    auto engine = createEngine();
    // A 128 x 96 image (resized to 32 x 32) bright where the model looks (x 64..95, y 24..47)
    // and a little around it, so that the resize's smoothing leaves the block at 1000.
    const ImageBuffer b = image(grid(128, 96, 1), [](int i, int j, int) {
        return (i >= 56 && i < 104 && j >= 18 && j < 54) ? 1000.0f : 0.0f;
    }, 2);
    const Classification c = engine->classify(path, b, RunOptions{}, {}, nullptr);
    RADPATH_CHECK(c.classes.size() == 2 && c.predicted == 1);
    const double expected = 1.0 / (1.0 + std::exp(-4.0)); // softmax of [0, 8 * (1 - 0.5)]
    RADPATH_CHECK(std::abs(c.classes[1].probability - expected) < 1e-4);
    RADPATH_CHECK(c.classes[1].name == "opacity" && c.run.modelVersion == "2");

    for (SaliencyMethod method : {SaliencyMethod::GradCam, SaliencyMethod::Gradient}) {
        const SaliencyMap map = engine->saliency(path, b, method, -1, RunOptions{}, {}, nullptr);
        RADPATH_CHECK(map.grid == b.grid && map.values.size() == b.voxels.size() && map.targetClass == 1);
        const auto peak = size_t(std::max_element(map.values.begin(), map.values.end()) - map.values.begin());
        const int px = int(peak % 128), py = int(peak / 128);
        RADPATH_CHECK(px >= 52 && px < 108 && py >= 14 && py < 58);
        RADPATH_CHECK(map.values[size_t(90 * 128 + 10)] < 0.05f); // far from the square
    }

    const ImageBuffer volume = image(grid(8, 8, 4), [](int, int, int) { return 0.0f; });
    RADPATH_CHECK(errorOf([&] { engine->classify(path, volume, RunOptions{}, {}, nullptr); })
                      .find("a 2-D model cannot take a volume of 4 slices") != std::string::npos);
    ImageBuffer rgb = image(grid(32, 32, 1), [](int, int, int) { return 0.0f; }, 2);
    rgb.channels = 3;
    rgb.voxels.resize(rgb.voxels.size() * 3);
    RADPATH_CHECK(errorOf([&] { engine->classify(path, rgb, RunOptions{}, {}, nullptr); })
                      .find("expects 1 channel(s); the image has 3") != std::string::npos);
    ImageBuffer short_ = b;
    short_.voxels.pop_back();
    RADPATH_CHECK(errorOf([&] { engine->classify(path, short_, RunOptions{}, {}, nullptr); }).find("holds") !=
                  std::string::npos);

    const std::string corrupt = dir + "/corrupt.pt";
    std::ofstream(corrupt) << "not a TorchScript archive";
    RADPATH_CHECK(errorOf([&] { engine->classify(corrupt, b, RunOptions{}, {}, nullptr); }).find(corrupt) == 0);
    RADPATH_CHECK(errorOf([&] { engine->inspectModel(dir + "/missing.pt"); }).find("missing.pt") != std::string::npos);

    RunOptions cuda;
    cuda.device = Device::Cuda;
    const Classification onCuda = engine->classify(path, b, cuda, {}, nullptr);
    if (!torch::cuda::is_available())
        RADPATH_CHECK(onCuda.run.device == "cpu" && onCuda.run.notice.find("CUDA") != std::string::npos);
    else
        RADPATH_CHECK(onCuda.run.device == "cuda:0" && std::abs(onCuda.classes[1].probability - expected) < 1e-3);
}

/// Tile classifier: the score of class 1 is the mean red level of the tile (0..1).
std::string redTileClassifier(const std::string& dir)
{
    torch::jit::Module module("Red");
    module.register_buffer("zero", torch::zeros({1}));
    module.define(R"(
def forward(self, x):
    red = torch.mean(x[:, 0], [1, 2])
    p = torch.clamp(red, 1e-4, 1.0 - 1e-4)
    return torch.stack([torch.log(1.0 - p), torch.log(p)], 1)
)");
    Manifest m;
    m.name = "Red";
    m.version = "1";
    m.task = ModelTask::TileClassification;
    m.modality = "SM";
    m.dims = m.input.dims = 2;
    m.input.channels = 3;
    m.input.patchSize = {16, 16};
    m.input.spacingMm = std::vector<double>{0.001, 0.001};
    m.input.intensity.kind = IntensityTransform::Kind::Scale255;
    m.output.labels = {{0, "other", {0, 160, 0}}, {1, "tumour", {200, 0, 0}}};
    const std::string path = dir + "/red.pt";
    saveModelPackage(module, m, path);
    return path;
}

void slideTilesInTissueVisibleFirst()
{
    const std::string dir = temporaryDirectory("inference-slide");
    const std::string path = redTileClassifier(dir);
    SlideDescription slide;
    slide.width = 1000;
    slide.height = 800;
    slide.mppX = slide.mppY = 0.5; // 16 px at 1 µm = 32 level-0 px per tile: 31 x 25 tiles
    slide.thumbnailWidth = 100;
    slide.thumbnailHeight = 80;
    slide.thumbnailRgb.assign(100 * 80 * 3, 245); // glass
    for (int y = 10; y < 50; ++y)                  // tissue in x 20..59, y 10..49 (thumbnail px)
        for (int x = 20; x < 60; ++x)
            for (int c = 0; c < 3; ++c)
                slide.thumbnailRgb[size_t((y * 100 + x) * 3 + c)] = 120;
    int reads = 0;
    const SlideRegionReader reader = [&reads](int64_t x, int64_t, int64_t size0, int out, std::vector<uint8_t>& rgb) {
        ++reads;
        if (size0 != 32 || out != 16)
            return false;
        if (x == 256)
            return false; // one column of tiles cannot be read
        rgb.assign(size_t(out * out * 3), uint8_t(x % 256));
        return true;
    };
    std::vector<TileScores> batches;
    RunOptions options;
    options.batch = 8;
    auto engine = createEngine();
    const SlideClassification r = engine->classifySlide(
        path, slide, reader, {400, 300, 100, 100}, [&](const TileGrid&, const TileScores& s) { batches.push_back(s); },
        options, {}, nullptr);
    RADPATH_CHECK(r.grid.tileSize0 == 32 && r.grid.columns == 31 && r.grid.rows == 25);
    int tissue = 0;
    for (uint8_t t : r.grid.tissue)
        tissue += t;
    RADPATH_CHECK(tissue > 100 && tissue < 250); // about 12 x 12 tiles of 775
    RADPATH_CHECK(reads == tissue && r.tilesClassified + r.tilesFailed == tissue && r.tilesFailed > 0);
    // The first batch lies in the visible rectangle.
    for (int t : batches.front().tiles) {
        const int64_t x = (t % 31) * 32, y = (t / 31) * 32;
        RADPATH_CHECK(x + 32 > 400 && x < 500 && y + 32 > 300 && y < 400);
    }
    // Scores: the red level the reader gave, for every classified tile; -1 elsewhere.
    const int col = 15, row = 12;
    const float expected = float((col * 32) % 256) / 255.0f;
    RADPATH_CHECK(std::abs(r.scores[size_t((row * 31 + col) * 2 + 1)] - expected) < 1e-3f);
    RADPATH_CHECK(r.scores[size_t((0 * 31 + 0) * 2 + 1)] == -1.0f); // glass
    RADPATH_CHECK(otsuThreshold({10, 10, 10, 200, 200}) >= 10 && otsuThreshold({10, 10, 10, 200, 200}) < 200);
}

} // namespace
} // namespace radpath::ai::test

int main()
{
    using namespace radpath::ai::test;
    return runCases({
        {"orientationCodesFollowDirections", orientationCodesFollowDirections},
        {"reorientationRoundTripsExactly", reorientationRoundTripsExactly},
        {"spacingResamplesLinearly", spacingResamplesLinearly},
        {"slidingWindowEqualsDirectForward", slidingWindowEqualsDirectForward},
        {"classificationAndSaliencyOnTheSourceGrid", classificationAndSaliencyOnTheSourceGrid},
        {"slideTilesInTissueVisibleFirst", slideTilesInTissueVisibleFirst},
        {"monaiBundleHonouredEndToEnd", monaiBundleHonouredEndToEnd},
        {"outOfMemoryHalvesTheBatch", outOfMemoryHalvesTheBatch},
    });
}
