// ai suite, slide inference: the --small demo slide's tissue tiles classified through
// Engine::classifySlide (the next batch read on another thread while the model runs),
// against a plain loop over the same tiles in the same batches: read each tile in turn with
// the same reader, then one forward pass. Same model, threads and batch size on both sides.

// Torch before Qt: Qt's keyword macros (slots, emit) must not reach Torch's headers.
#include "Architectures.h"
#include "ModelPackage.h"
#include "ModelRunner.h"
#include "Preprocess.h"
#include "radpath/ai/Engine.h"

#include "AiFigures.h"
#include "app/core/AiBridge.h"
#include "pathology/slide/SlideSource.h"

#include <QElapsedTimer>

#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace radpath::bench {
namespace {

constexpr int kPatch = 64, kBatch = 16;
constexpr int kSlideRounds = 2 * kAiRounds + 1; // a run takes about half a second: more of them

ai::Manifest tileManifest()
{
    ai::Manifest m;
    m.name = "bench tile classifier";
    m.version = "1";
    m.task = ai::ModelTask::TileClassification;
    m.modality = "SM";
    m.dims = m.input.dims = 2;
    m.input.channels = 3;
    m.input.patchSize = {kPatch, kPatch};
    m.input.spacingMm = std::vector<double>{0.002, 0.002};
    m.input.intensity.kind = ai::IntensityTransform::Kind::Scale255;
    m.output.activation = ai::ManifestOutput::Activation::Softmax;
    m.output.labels = {{0, "other", {0, 160, 0}}, {1, "tumour", {200, 0, 0}}};
    return m;
}

/// A reader on a freshly opened slide, so that neither side finds OpenSlide's cache warm.
ai::SlideRegionReader freshReader(const QString& slidePath)
{
    return app::slideRegionReader(pathology::SlideSource::open(slidePath.toStdString()));
}

/// Tiles [from, to) of `tiles` read one after another, then one forward pass, the tensor
/// made as the engine makes it (RGB bytes to float, the manifest's transform, softmax).
void plainBatch(ai::ModelPackage& package, const ai::TileGrid& grid, const std::vector<int>& tiles, size_t from,
                size_t to, const ai::SlideRegionReader& reader)
{
    torch::Tensor bytes = torch::empty({int64_t(to - from), kPatch, kPatch, 3}, torch::kUInt8);
    std::vector<std::uint8_t> rgb;
    for (size_t n = from; n < to; ++n) {
        const int index = tiles[n];
        const int64_t x = grid.originX + (index % grid.columns) * grid.tileSize0;
        const int64_t y = grid.originY + (index / grid.columns) * grid.tileSize0;
        if (!reader(x, y, grid.tileSize0, kPatch, rgb) || rgb.size() != size_t(kPatch * kPatch * 3))
            throw std::runtime_error("a demo slide tile could not be read");
        std::memcpy(bytes[int64_t(n - from)].data_ptr(), rgb.data(), rgb.size());
    }
    const ai::Manifest& m = package.manifest;
    const torch::Tensor x = bytes.permute({0, 3, 1, 2}).to(torch::kFloat32);
    const torch::Tensor input = ai::applyIntensityTransform(x.transpose(0, 1), m.input.intensity).transpose(0, 1);
    ai::activate(ai::forwardLogits(package.module, input.contiguous()), m);
}

double plainSeconds(ai::ModelPackage& package, const ai::TileGrid& grid, const std::vector<int>& tiles,
                    const QString& slidePath)
{
    const ai::SlideRegionReader reader = freshReader(slidePath);
    torch::NoGradGuard noGrad;
    QElapsedTimer t;
    t.start();
    for (size_t from = 0; from < tiles.size(); from += kBatch)
        plainBatch(package, grid, tiles, from, std::min(tiles.size(), from + kBatch), reader);
    return double(t.nsecsElapsed()) / 1e9;
}

double pipelineSeconds(ai::Engine& engine, const std::string& model, const ai::SlideDescription& slide,
                       const QString& slidePath, int threads, ai::SlideClassification* result)
{
    const ai::SlideRegionReader reader = freshReader(slidePath);
    ai::RunOptions options;
    options.threads = threads;
    options.batch = kBatch;
    QElapsedTimer t;
    t.start();
    *result = engine.classifySlide(model, slide, reader, {0, 0, 0, 0}, {}, options, {}, nullptr);
    return double(t.nsecsElapsed()) / 1e9;
}

/// The tissue tiles, in the order the engine takes them when nothing is in view.
std::vector<int> tissueTiles(const ai::TileGrid& grid)
{
    std::vector<int> tiles;
    for (size_t i = 0; i < grid.tissue.size(); ++i)
        if (grid.tissue[i])
            tiles.push_back(int(i));
    return tiles;
}

Figure measure(const QString& slidePath, const std::string& model, int threads)
{
    const auto engine = ai::createEngine();
    ai::ModelPackage package = ai::loadModelPackage(model);
    const ai::SlideDescription slide = app::describeSlide(*pathology::SlideSource::open(slidePath.toStdString()));
    // One untimed run of each: the engine loads and warms the model, and gives the tile list.
    ai::SlideClassification result;
    pipelineSeconds(*engine, model, slide, slidePath, threads, &result);
    const std::vector<int> tiles = tissueTiles(result.grid);
    plainSeconds(package, result.grid, tiles, slidePath);

    std::vector<double> pipeline, plain;
    for (int round = 0; round < kSlideRounds; ++round) {
        const auto runPipeline = [&] {
            const double seconds = pipelineSeconds(*engine, model, slide, slidePath, threads, &result);
            pipeline.push_back(result.tilesClassified / seconds);
        };
        const auto runPlain = [&] {
            plain.push_back(double(tiles.size()) / plainSeconds(package, result.grid, tiles, slidePath));
        };
        if (round % 2)
            runPlain(), runPipeline();
        else
            runPipeline(), runPlain();
        std::fprintf(stderr, "slide round %d: engine %.0f tiles/s, plain loop %.0f tiles/s\n", round + 1,
                     pipeline.back(), plain.back());
    }
    return {QStringLiteral("slide tile classification through Engine::classifySlide, --small demo slide (12000x9000 "
                           "SVS), %1 tissue tiles of %2x%2 px at 2 um, SimpleCNN (16 filters), batch %3, %4 threads")
                .arg(tiles.size())
                .arg(kPatch)
                .arg(kBatch)
                .arg(threads),
            median(pipeline),
            "tiles/s",
            QStringLiteral("plain loop: each batch read tile by tile with the same reader, then forward"),
            median(plain),
            {},
            0.9};
}

} // namespace

Figure slideInferenceFigure(const QDir& work, const QDir& models, int threads)
{
    try {
        const QString slidePath = smallDemoSlide(work);
        const std::string model = models.filePath("tile-classifier.pt").toStdString();
        ai::saveModelPackage(ai::buildSimpleCnn(3, 2, 16, kAiSeed), tileManifest(), model);
        return measure(slidePath, model, threads);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "radpath-bench ai: %s\n", e.what());
        return {
            QStringLiteral("slide tile classification: failed (%1)").arg(e.what()), 0.0, "tiles/s", {}, {}, {}, 0.9};
    }
}

} // namespace radpath::bench
