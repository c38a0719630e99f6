// train: RadPath's trainer against the anchors the fine-tuning issue names, in one run.
//  1. Training throughput of the SimpleCNN (RadPath's build of the reference article's
//     network) at 3×224×224, batch 16, Adam 1e-4, on in-memory tensors: the engine's trainer
//     (ai/src/Trainer.cpp, through trainModel) against the same network and loop in PyTorch
//     eager (train_eager_anchor.py under Debian's /usr/bin/python3), same threads; medians of
//     5 interleaved rounds, target ratio ≥ 0.95.
//  2. The demo dataset from disk (make-demo's 96 px radiographs, PNG): scanned and decoded
//     by the app's dataset code, trained with augmentation (flips, rotation, scale, noise);
//     share of the training pass spent waiting for batches, target ≤ 10 %.

// Torch before Qt: Qt's `slots` keyword clashes with Torch's headers.
#include <torch/torch.h>

#include "Trainer.h"

#include "AiFigures.h"
#include "app/core/DatasetDecoder.h"
#include "app/core/TrainingDataset.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

namespace radpath::bench {
namespace {

constexpr int kSide = 224, kBatch = 16, kImages = 64;

ai::Manifest classifierManifest(int channels, int side, double windowMax)
{
    ai::Manifest m;
    m.name = "bench classifier";
    m.version = "0.0.1";
    m.task = ai::ModelTask::Classification;
    m.modality = "OT";
    m.dims = m.input.dims = 2;
    m.input.channels = channels;
    m.input.size = {side, side};
    m.input.intensity.kind = ai::IntensityTransform::Kind::Window;
    m.input.intensity.aMax = windowMax;
    m.output.labels = {{0, "a", {0, 160, 0}}, {1, "b", {220, 40, 40}}};
    return m;
}

/// Seconds of one pass over kImages images in the PyTorch loop; negative with `error` set
/// when the anchor cannot run.
double eagerPass(int threads, QString& error)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(RADPATH_BENCH_TRAIN_ANCHOR), "--threads", QString::number(threads), "--images",
                  QString::number(kImages), "--batch", QString::number(kBatch)});
    if (!python.waitForFinished(600000) || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        const QByteArray err = python.readAllStandardError().trimmed();
        error = err.isEmpty() ? python.errorString() : QString::fromUtf8(err.mid(err.lastIndexOf('\n') + 1));
        return -1.0;
    }
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object()["seconds"].toDouble(-1.0);
}

/// Seconds of the second epoch's training pass (the first warms the TorchScript executor up)
/// over kImages random images, through the engine's trainer.
double trainerPass(const ai::TrainingData& data, const QDir& work, int threads)
{
    ai::TrainingSettings s;
    s.manifest = classifierManifest(3, kSide, 1.0);
    s.architecture = "simple-cnn";
    s.baseFilters = 16;
    s.epochs = 2;
    s.batchSize = kBatch;
    s.learningRate = 1e-4;
    s.schedule = ai::Schedule::Constant;
    s.augmentation = ai::Augmentation{};
    s.augmentation.flips = false; // the anchor's loop does not augment
    s.threads = threads;
    s.seed = kAiSeed;
    s.outputPath = work.filePath("bench-train.pt").toStdString();
    const ai::TrainingOutcome outcome = ai::trainModel(data, s, {}, {}, nullptr);
    return outcome.epochs.back().trainSeconds;
}

ai::TrainingData randomImages()
{
    torch::manual_seed(int64_t(kAiSeed));
    ai::TrainingData data;
    for (int i = 0; i < kImages + 2; ++i) {
        ai::TrainingSample sample;
        sample.image.dims = 2;
        sample.image.channels = 3;
        sample.image.grid.size = {kSide, kSide, 1};
        const torch::Tensor pixels = torch::rand({3 * kSide * kSide});
        sample.image.voxels.assign(pixels.data_ptr<float>(), pixels.data_ptr<float>() + pixels.numel());
        sample.label = i % 2;
        (i < kImages ? data.train : data.validation).push_back(std::move(sample));
    }
    return data;
}

std::vector<Figure> throughputFigures(const QDir& work, int threads)
{
    const QString what =
        QStringLiteral("SimpleCNN 3x%1x%1, batch %2, Adam 1e-4, %3 in-memory images, %4 threads").arg(kSide).arg(kBatch).arg(kImages).arg(threads);
    const ai::TrainingData data = randomImages();
    std::vector<double> trainer, eager;
    for (int round = 0; round < kAiRounds; ++round) {
        QString error;
        const double python = eagerPass(threads, error);
        if (python <= 0.0) {
            Figure f;
            f.name = "training throughput, " + what + ": anchor unavailable (" + error + ")";
            f.unit = "images/s";
            return {f};
        }
        eager.push_back(kImages / python);
        trainer.push_back(kImages / trainerPass(data, work, threads));
        std::fprintf(stderr, "train round %d: PyTorch %.2f images/s, RadPath trainer %.2f images/s\n", round + 1,
                     eager.back(), trainer.back());
    }
    return {Figure{"RadPath trainer throughput, " + what, median(trainer), "images/s",
                   QStringLiteral("PyTorch eager, same network, loop, optimiser and threads"), median(eager), {}, 0.95}};
}

/// make-demo's classification dataset under `work` (written when missing).
QString demoDataset(const QDir& work)
{
    const QString dir = work.filePath("train-demo-small");
    const QString dataset = QDir(dir).filePath("dataset");
    if (!QDir(dataset).exists()) {
        std::fprintf(stderr, "writing the small demo data...\n");
        runProcess(binDir() + "/radpath-cli", {"make-demo", dir, "--small", "--force"});
    }
    return dataset;
}

std::vector<Figure> dataWaitFigures(const QDir& work, int threads)
{
    const QString root = demoDataset(work);
    const app::DatasetScan scan = app::scanClassificationFolder(root);
    if (!scan.errors.isEmpty() || scan.entries.empty()) {
        Figure f;
        f.name = "data wait on the demo dataset: no dataset at " + root + " (" + scan.errors.join("; ") + ")";
        return {f};
    }
    app::clearDecodeCache();
    app::DecodeOptions options;
    options.size = {96, 96};
    options.channels = 1;
    options.threads = threads;
    QElapsedTimer decoding;
    decoding.start();
    const app::DecodeOutcome decoded = app::decodeEntries(scan.entries, options);
    const double decodeSeconds = double(decoding.nsecsElapsed()) / 1e9;

    ai::TrainingData data{app::trainingSamples(scan.entries, decoded, app::DatasetSplit::Train),
                          app::trainingSamples(scan.entries, decoded, app::DatasetSplit::Validation)};
    ai::TrainingSettings s;
    s.manifest = classifierManifest(1, 96, 255.0);
    s.architecture = "simple-cnn";
    s.epochs = 3;
    s.batchSize = kBatch;
    s.learningRate = 2e-3;
    s.augmentation.flips = true;
    s.augmentation.rotationDegrees = 10.0;
    s.augmentation.scale = 0.1;
    s.augmentation.noiseStd = 0.02;
    s.threads = threads;
    s.seed = kAiSeed;
    s.outputPath = work.filePath("bench-demo.pt").toStdString();
    const ai::TrainingOutcome outcome = ai::trainModel(data, s, {}, {}, nullptr);
    std::vector<double> shares;
    for (const ai::EpochReport& e : outcome.epochs) {
        shares.push_back(e.dataWaitSeconds / e.trainSeconds);
        std::fprintf(stderr, "demo epoch %d: %.2f s training pass, %.3f s waiting for data, %.2f s in steps\n", e.epoch,
                     e.trainSeconds, e.dataWaitSeconds, e.stepSeconds);
    }
    const QString what = QStringLiteral("demo dataset (%1 training PNGs, 96 px), SimpleCNN, batch %2, flips, rotation, "
                                        "scale and noise, %3 threads")
                             .arg(data.train.size())
                             .arg(kBatch)
                             .arg(threads);
    return {Figure{"share of the training pass waiting for data (median of " + QString::number(shares.size()) +
                       " epochs), " + what,
                   median(shares), "fraction", {}, {}, 0.10, {}},
            Figure{"decoding the demo dataset from disk (" + QString::number(scan.entries.size()) + " PNGs, cold cache)",
                   decodeSeconds, "s", {}, {}, {}, {}}};
}

} // namespace

std::vector<Figure> trainSuite()
{
    const int threads = std::max(1, QThread::idealThreadCount());
    torch::set_num_threads(threads);
    QTemporaryDir temporary;
    const QString keep = qEnvironmentVariable("RADPATH_BENCH_WORKDIR");
    const QDir work(keep.isEmpty() ? temporary.path() : keep);
    std::vector<Figure> figures = throughputFigures(QDir(temporary.path()), threads);
    for (Figure& f : dataWaitFigures(work, threads))
        figures.push_back(f);
    return figures;
}

} // namespace radpath::bench
