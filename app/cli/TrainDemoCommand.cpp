// radpath-cli train-demo: trains the three demonstration models shipped in resources/models
// from synthetic phantoms made with make-demo's generators and the demo slide:
//   dx-opacity-classifier.pt     2-D SimpleCNN, 96 px chest images, clear vs opacity
//   ct-lesion-segmenter.pt       3-D U-Net at 2 mm, liver lesions in CT phantoms
//   slide-tumour-classifier.pt   2-D SimpleCNN, 64 px tiles at 2 µm/px, other vs tumour
// Each package carries its manifest, the command that trained it and its validation metrics.

#include "app/cli/CliCommands.h"

#include "app/core/AiBridge.h"
#include "app/core/SlideTileDataset.h"
#include "pathology/annotation/AnnotationFile.h"
#include "pathology/slide/SlideSource.h"
#include "radpath/ai/Engine.h"
#include "viewer/demo/CtPhantom.h"
#include "viewer/demo/DxPhantom.h"
#include "viewer/io/IoError.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

namespace radpath::app::cli {
namespace {

constexpr const char* kDemoUse =
    "Demonstration only, trained on RadPath's synthetic demo data; not for clinical use.";

struct DemoArgs {
    QString demoDir, outDir, only;
    int epochs = 0; ///< 0: each model's own default
    int threads = 0;
    QString command;
};

ai::ManifestLabel label(int index, const char* name, std::array<int, 3> colour)
{
    return {index, name, colour};
}

/// aMin..aMax onto 0..1, clipped.
ai::IntensityTransform window(double aMin, double aMax)
{
    ai::IntensityTransform t;
    t.kind = ai::IntensityTransform::Kind::Window;
    t.aMin = aMin;
    t.aMax = aMax;
    t.clip = true;
    return t;
}

ai::TrainingSettings baseSettings(const DemoArgs& a, const QString& file)
{
    ai::TrainingSettings s;
    s.threads = a.threads > 0 ? a.threads : QThread::idealThreadCount();
    s.outputPath = QDir(a.outDir).filePath(file).toStdString();
    s.command = a.command.toStdString();
    s.manifest.version = "1.0.0";
    s.manifest.intendedUse = kDemoUse;
    return s;
}

void printEpoch(const ai::EpochReport& e)
{
    std::fprintf(stderr, "  epoch %2d/%d  train loss %.4f  val loss %.4f  acc %.3f  auc %.3f  dice %.3f  (%.1f s)\n",
                 e.epoch, e.epochs, e.trainLoss, e.validationLoss, e.validationAccuracy, e.validationAuc,
                 e.validationDice, e.seconds);
}

// --- DX opacity classifier ----------------------------------------------------------------

constexpr int kChestSide = 96;

/// A chest radiograph from the demo generator at the model's 96 px, 12-bit like the DX images.
/// Noise varies from what a downscaled 1600 px radiograph keeps (about 2) to the demo
/// dataset's 60, so that the model takes both.
ai::TrainingSample chestSample(std::uint32_t seed, bool opacity)
{
    viewer::ChestSpec spec;
    spec.width = spec.height = kChestSide;
    spec.seed = seed;
    spec.varyAnatomy = true;
    spec.withOpacity = opacity;
    spec.noiseSd = 2.0 + double(seed % 30) * 2.0;
    const viewer::ChestImage chest = viewer::makeChestImage(spec);
    ai::TrainingSample sample;
    sample.label = opacity ? 1 : 0;
    sample.image.dims = 2;
    sample.image.modality = "DX";
    sample.image.grid.size = {kChestSide, kChestSide, 1};
    sample.image.voxels.assign(chest.pixels.begin(), chest.pixels.end());
    return sample;
}

/// `count` images per class; seeds apart from make-demo's dataset (seed * 100003 + ...).
std::vector<ai::TrainingSample> chestSet(std::uint32_t firstSeed, int count)
{
    std::vector<ai::TrainingSample> samples;
    for (int i = 0; i < count; ++i)
        for (bool opacity : {false, true})
            samples.push_back(chestSample(firstSeed + std::uint32_t(2 * i + (opacity ? 1 : 0)), opacity));
    return samples;
}

void trainDx(ai::Engine& engine, const DemoArgs& a)
{
    ai::TrainingData data{chestSet(7000000, 600), chestSet(8000000, 100)};
    ai::TrainingSettings s = baseSettings(a, QStringLiteral("dx-opacity-classifier.pt"));
    ai::Manifest& m = s.manifest;
    m.name = "DX opacity classifier";
    m.task = ai::ModelTask::Classification;
    m.modality = "DX";
    m.dims = m.input.dims = 2;
    m.input.channels = 1;
    m.input.size = {kChestSide, kChestSide};
    m.input.intensity = window(0, 4095);
    m.output.activation = ai::ManifestOutput::Activation::Softmax;
    m.output.labels = {label(0, "clear", {0, 160, 0}), label(1, "opacity", {220, 40, 40})};
    s.architecture = "simple-cnn";
    s.baseFilters = 16;
    s.epochs = a.epochs > 0 ? a.epochs : 20;
    s.batchSize = 16;
    s.learningRate = 2e-3;
    s.augmentation.flips = true;
    s.augmentation.intensityScale = 0.1;
    s.augmentation.noiseStd = 0.02;
    std::fprintf(stderr, "DX opacity classifier: %zu training, %zu validation images\n", data.train.size(),
                 data.validation.size());
    engine.train(data, s, printEpoch, {}, nullptr);
}

// --- CT lesion segmenter ------------------------------------------------------------------

ai::TrainingSample ctSample(std::uint32_t seed, double lesionRadiusMm)
{
    viewer::CtPhantomSpec spec;
    // The demo CT's field (230 mm, 160 mm long) sampled at the model's 2 mm.
    spec.size = 115;
    spec.pixelMm = 2.0;
    spec.slices = 80;
    spec.sliceMm = 2.0;
    spec.seed = seed;
    spec.lesionRadiusMm = lesionRadiusMm;
    const viewer::CtPhantom phantom = viewer::makeCtPhantom(spec);
    ai::TrainingSample sample;
    sample.image = toImageBuffer(phantom.volume);
    const ai::ImageBuffer labels = toImageBuffer(phantom.lesionLabels);
    sample.mask = labels.voxels;
    return sample;
}

void trainCt(ai::Engine& engine, const DemoArgs& a)
{
    ai::TrainingData data;
    const double radii[] = {9.0, 10.0, 11.0, 12.0, 13.0, 14.0};
    for (std::uint32_t i = 0; i < 8; ++i)
        data.train.push_back(ctSample(1000 + i, radii[i % 6]));
    for (std::uint32_t i = 0; i < 2; ++i)
        data.validation.push_back(ctSample(2000 + i, radii[(i * 3 + 1) % 6]));
    ai::TrainingSettings s = baseSettings(a, QStringLiteral("ct-lesion-segmenter.pt"));
    ai::Manifest& m = s.manifest;
    m.name = "CT liver lesion segmenter";
    m.task = ai::ModelTask::Segmentation;
    m.modality = "CT";
    m.dims = m.input.dims = 3;
    m.input.channels = 1;
    m.input.patchSize = {32, 32, 32};
    m.input.spacingMm = std::vector<double>{2.0, 2.0, 2.0};
    m.input.intensity = window(-200, 300);
    m.output.activation = ai::ManifestOutput::Activation::Softmax;
    m.output.labels = {label(0, "background", {0, 0, 0}), label(1, "lesion", {255, 200, 0})};
    ai::SlidingWindow window;
    window.roi = {32, 32, 32};
    window.overlap = 0.25;
    window.mode = ai::SlidingWindow::Mode::Gaussian;
    window.batch = 4;
    m.slidingWindow = window;
    s.architecture = "unet3d";
    s.baseFilters = 8;
    s.epochs = a.epochs > 0 ? a.epochs : 24;
    s.batchSize = 4;
    s.patchesPerSample = 8;
    s.foregroundFraction = 0.6;
    s.learningRate = 3e-3;
    s.augmentation.flips = true;
    s.augmentation.intensityShift = 0.05;
    std::fprintf(stderr, "CT lesion segmenter: %zu training, %zu validation phantoms\n", data.train.size(),
                 data.validation.size());
    engine.train(data, s, printEpoch, {}, nullptr);
}

// --- Slide tumour tile classifier ---------------------------------------------------------

void trainSlide(ai::Engine& engine, const DemoArgs& a)
{
    const QString slidePath = QDir(a.demoDir).filePath(QStringLiteral("slide/demo.svs"));
    const auto slide = pathology::SlideSource::open(slidePath.toStdString());
    const std::vector<pathology::Annotation> tumours =
        pathology::readAnnotations(QDir(a.demoDir).filePath(QStringLiteral("slide/demo.geojson")).toStdString());
    const auto reader = slideRegionReader(slide);
    constexpr int kSide = 64;
    constexpr double kMpp = 2.0;
    const double mpp = slide->info().mpp ? (*slide->info().mpp)[0] : 0.25;
    const int64_t size0 = std::llround(kSide * kMpp / mpp);
    const int64_t width = slide->info().levels[0].width, height = slide->info().levels[0].height;

    std::vector<ai::TrainingSample> tumour, other;
    for (int64_t y = 0; y + size0 <= height; y += size0)
        for (int64_t x = 0; x + size0 <= width; x += size0) {
            const bool isTumour = std::any_of(tumours.begin(), tumours.end(), [&](const pathology::Annotation& t) {
                return pathology::contains(t.geometry, double(x) + size0 / 2.0, double(y) + size0 / 2.0);
            });
            std::vector<uint8_t> rgb;
            if (!reader(x, y, size0, kSide, rgb))
                continue;
            double mean = 0.0;
            for (uint8_t v : rgb)
                mean += v;
            if (mean / double(rgb.size()) > 225.0)
                continue; // glass, not tissue
            ai::TrainingSample tile = slideTileSample(rgb, kSide, kMpp);
            tile.label = isTumour ? 1 : 0;
            (isTumour ? tumour : other).push_back(std::move(tile));
        }
    // As many tissue tiles of each class; one in five of each for validation.
    std::mt19937 random(7);
    std::shuffle(other.begin(), other.end(), random);
    std::shuffle(tumour.begin(), tumour.end(), random);
    other.resize(std::min(other.size(), tumour.size() * 2));
    ai::TrainingData data;
    for (auto* group : {&tumour, &other})
        for (size_t i = 0; i < group->size(); ++i)
            ((i % 5 == 0) ? data.validation : data.train).push_back(std::move((*group)[i]));

    ai::TrainingSettings s = baseSettings(a, QStringLiteral("slide-tumour-classifier.pt"));
    ai::Manifest& m = s.manifest;
    m.name = "Slide tumour tile classifier";
    m.task = ai::ModelTask::TileClassification;
    m.modality = "SM";
    m.dims = m.input.dims = 2;
    m.input.channels = 3;
    m.input.patchSize = {kSide, kSide};
    m.input.spacingMm = std::vector<double>{kMpp / 1000.0, kMpp / 1000.0};
    m.input.intensity.kind = ai::IntensityTransform::Kind::Scale255;
    m.input.intensity.mean = {0.5, 0.5, 0.5};
    m.input.intensity.stdDev = {0.25, 0.25, 0.25};
    m.output.activation = ai::ManifestOutput::Activation::Softmax;
    m.output.labels = {label(0, "other", {0, 160, 0}), label(1, "tumour", {200, 0, 0})};
    s.architecture = "simple-cnn";
    s.baseFilters = 16;
    s.epochs = a.epochs > 0 ? a.epochs : 10;
    s.batchSize = 32;
    s.learningRate = 2e-3;
    s.augmentation.flips = true;
    s.augmentation.rotate90 = true;
    s.augmentation.intensityScale = 0.1;
    std::fprintf(stderr, "Slide tumour classifier: %zu tumour and %zu other tiles (%zu for validation)\n",
                 tumour.size(), other.size(), data.validation.size());
    engine.train(data, s, printEpoch, {}, nullptr);
}

} // namespace

int trainDemo(const QStringList& args)
{
    DemoArgs a;
    QStringList positional;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--only") && i + 1 < args.size())
            a.only = args[++i];
        else if (args[i] == QLatin1String("--epochs") && i + 1 < args.size())
            a.epochs = args[++i].toInt();
        else if (args[i] == QLatin1String("--threads") && i + 1 < args.size())
            a.threads = args[++i].toInt();
        else if (!args[i].startsWith(QLatin1String("--")))
            positional << args[i];
        else
            positional.clear(), i = int(args.size());
    }
    const QStringList known{QString(), QStringLiteral("dx"), QStringLiteral("ct"), QStringLiteral("slide")};
    if (positional.size() != 2 || !known.contains(a.only)) {
        std::fputs("usage: radpath-cli train-demo DEMO_DIR OUT_DIR [--only dx|ct|slide] [--epochs N] [--threads N]\n",
                   stderr);
        return 2;
    }
    a.demoDir = positional[0];
    a.outDir = positional[1];
    a.command = QStringLiteral("radpath-cli train-demo DEMO_DIR OUT_DIR");
    if (!a.only.isEmpty())
        a.command += QStringLiteral(" --only ") + a.only;
    if (a.epochs > 0)
        a.command += QStringLiteral(" --epochs %1").arg(a.epochs);
    ai::Engine* engine = loadEngineOrReport();
    if (!engine)
        return 1;
    try {
        QDir().mkpath(a.outDir);
        if (a.only.isEmpty() || a.only == QLatin1String("dx"))
            trainDx(*engine, a);
        if (a.only.isEmpty() || a.only == QLatin1String("ct"))
            trainCt(*engine, a);
        if (a.only.isEmpty() || a.only == QLatin1String("slide"))
            trainSlide(*engine, a);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "radpath-cli train-demo: %s\n", e.what());
        return 1;
    }
}

} // namespace radpath::app::cli
