// radpath-cli train --config train.json [--resume]: trains a model on a dataset folder as
// TrainingConfig.h describes it. stderr gets the dataset summary, warnings and progress;
// stdout gets one JSON line per epoch and, when the data has a test split, one with the test
// evaluation, so that scripts (and the GUI) can follow a run line by line.
//
// Data-parallel runs take their settings from torchrun's environment (WORLD_SIZE > 1: RANK,
// LOCAL_RANK, MASTER_ADDR, MASTER_PORT); every rank reads the data, rank 0 reports.

#include "app/cli/CliCommands.h"
#include "app/cli/CliReport.h"

#include "app/core/DatasetDecoder.h"
#include "app/core/EvaluationReport.h"
#include "app/core/SlideTileDataset.h"
#include "app/core/TrainingConfig.h"
#include "app/core/TrainingPreparation.h"
#include "radpath/ai/Engine.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace radpath::app::cli {
namespace {

const char* const kUsage = "usage: radpath-cli train --config train.json [--resume]\n";

/// A failure to report and stop on: the message and the exit code.
struct Stop {
    QString message;
    int code = 1;
};

int environmentInt(const char* name, int fallback)
{
    if (!qEnvironmentVariableIsSet(name))
        return fallback;
    bool ok = false;
    const int value = qEnvironmentVariable(name).toInt(&ok);
    if (!ok || value < 0)
        throw Stop{QStringLiteral("%1=%2 is not a whole number").arg(name, qEnvironmentVariable(name)), 2};
    return value;
}

/// torchrun's (and Slurm launchers') process-group settings; a single process without them.
ai::Distributed distributedFromEnvironment()
{
    ai::Distributed d;
    d.worldSize = std::max(1, environmentInt("WORLD_SIZE", 1));
    if (d.worldSize == 1)
        return d;
    if (!qEnvironmentVariableIsSet("RANK"))
        throw Stop{QStringLiteral("WORLD_SIZE is %1 but RANK is not set").arg(d.worldSize), 2};
    d.rank = environmentInt("RANK", 0);
    d.localRank = environmentInt("LOCAL_RANK", d.rank);
    if (d.rank >= d.worldSize)
        throw Stop{QStringLiteral("RANK %1 is not below WORLD_SIZE %2").arg(d.rank).arg(d.worldSize), 2};
    if (qEnvironmentVariableIsSet("MASTER_ADDR"))
        d.masterAddress = qEnvironmentVariable("MASTER_ADDR").toStdString();
    d.masterPort = environmentInt("MASTER_PORT", d.masterPort);
    return d;
}

QJsonValue finite(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

void printLine(const QJsonObject& json)
{
    std::fputs(QJsonDocument(json).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printEpoch(const ai::EpochReport& e, ai::ModelTask task, int classes)
{
    QJsonObject line{{"epoch", e.epoch},
                     {"epochs", e.epochs},
                     {"trainLoss", finite(e.trainLoss)},
                     {"valLoss", finite(e.validationLoss)},
                     {"learningRate", finite(e.learningRate)},
                     {"seconds", finite(e.seconds)},
                     {"dataWaitSeconds", finite(e.dataWaitSeconds)},
                     {"best", e.best}};
    if (task == ai::ModelTask::Segmentation) {
        line["valDice"] = finite(e.validationDice);
    } else {
        line["valAccuracy"] = finite(e.validationAccuracy);
        if (classes == 2)
            line["valAuc"] = finite(e.validationAuc);
    }
    printLine(line);
}

int defaultThreads()
{
    // Ranks that share a machine share its cores (torchrun sets LOCAL_WORLD_SIZE).
    const int local = qEnvironmentVariableIntValue("LOCAL_WORLD_SIZE");
    return std::max(1, QThread::idealThreadCount() / std::max(1, local));
}

DatasetScan scanFor(const TrainingConfig& config, const DatasetScanOptions& options)
{
    return config.task == ai::ModelTask::Segmentation ? scanSegmentationFolder(config.dataRoot, options)
                                                      : scanClassificationFolder(config.dataRoot, options);
}

/// Scans, reports the dataset on stderr (rank 0), decodes and completes the manifest through
/// the same preparation as the training wizard (TrainingPreparation.h).
struct Prepared {
    DatasetScan scan;
    PreparedTraining training; ///< decoded: only the test images are kept, the rest are in data
    std::vector<ai::LabelledImage> testImages; ///< slide tiles of the test split
};

Prepared prepareData(TrainingConfig& config, const DatasetScanOptions& options, bool lead)
{
    Prepared p;
    p.scan = scanFor(config, options);
    if (lead) {
        std::fputs(datasetSummaryText(p.scan).toLocal8Bit().constData(), stderr);
        for (const QString& warning : p.scan.warnings)
            std::fprintf(stderr, "warning: %s\n", warning.toLocal8Bit().constData());
        reportFiles("skipped", p.scan.skipped);
    }
    const bool modalityGiven = !config.settings.manifest.modality.empty();
    try {
        p.training =
            prepareTraining(config, p.scan, lead ? stderrProgress("decoding images") : std::function<void(double)>());
        if (lead)
            reportFiles("could not decode", p.training.decoded.failures);
        p.training.notes.clear(); // the failures are listed above
        completeManifest(config, p.scan, options, p.training);
    } catch (const TrainingDataError& e) {
        throw Stop{QString::fromUtf8(e.what())};
    }
    if (lead)
        for (const QString& note : p.training.notes)
            std::fprintf(stderr, "note: %s\n", note.toLocal8Bit().constData());
    const ai::Manifest& m = config.settings.manifest;
    if (lead && !modalityGiven && m.modality == "OT")
        std::fputs("note: name the \"modality\" (e.g. DX, CT) so that the viewer offers the model for those images\n",
                   stderr);
    const std::vector<double>& weights = config.settings.classWeights;
    if (!weights.empty() && weights.size() != m.output.labels.size())
        throw Stop{QStringLiteral("\"classWeights\" has %1 values for %2 classes")
                       .arg(weights.size())
                       .arg(m.output.labels.size())};
    // The samples hold copies: let the decoded train and val images go (a one-shot process
    // has no use for the cache either), keeping the test images for the evaluation.
    clearDecodeCache();
    for (size_t i = 0; i < p.training.entries.size(); ++i)
        if (p.training.entries[i].split != DatasetSplit::Test)
            p.training.decoded.images[i].reset();
    return p;
}

/// Tile classification from whole-slide images: tiles cut at the configured mpp and input
/// size from the annotated slides under the data root (SlideTileDataset.h).
Prepared prepareSlideTiles(TrainingConfig& config, const DatasetScanOptions& options, bool lead)
{
    SlideTileOptions tiles;
    tiles.mpp = config.mpp;
    tiles.tileSize = config.inputSize().empty() ? 64 : config.inputSize().front();
    tiles.valFraction = options.valFraction;
    tiles.seed = unsigned(options.seed);
    SlideTileDataset cut =
        cutSlideTiles(config.dataRoot, tiles, lead ? stderrProgress("cutting slide tiles") : std::function<void(double)>());
    if (lead) {
        std::fprintf(stderr, "%lld slide(s), tiles of %d px at %g µm/px:\n", static_cast<long long>(cut.slides.size()),
                     tiles.tileSize, tiles.mpp);
        for (int c = 0; c < cut.classes.size(); ++c)
            std::fprintf(stderr, "  %-20s train %5d  val %5d  test %5d\n", cut.classes[c].toLocal8Bit().constData(),
                         cut.counts[size_t(c)][0], cut.counts[size_t(c)][1], cut.counts[size_t(c)][2]);
        for (const QString& warning : cut.warnings)
            std::fprintf(stderr, "warning: %s\n", warning.toLocal8Bit().constData());
        reportFiles("skipped", cut.skipped);
    }
    if (!cut.errors.isEmpty())
        throw Stop{cut.errors.join(QStringLiteral("; "))};
    completeSlideTileManifest(config.settings.manifest, cut, tiles, config.dataRoot);
    Prepared p;
    p.training.data.train = std::move(cut.train);
    p.training.data.validation = std::move(cut.validation);
    p.testImages = labelledTiles(cut.test, cut.classes);
    return p;
}

void evaluateTest(ai::Engine& engine, const TrainingConfig& config, const Prepared& p)
{
    ai::EvaluationSettings settings;
    settings.seed = config.settings.seed;
    ai::RunOptions run;
    run.device = config.settings.device;
    run.threads = config.settings.threads;
    const std::vector<ai::LabelledImage> images =
        p.testImages.empty() ? labelledImages(p.training.entries, p.training.decoded, DatasetSplit::Test) : p.testImages;
    if (images.empty())
        return;
    std::fprintf(stderr, "evaluating on %zu test images\n", images.size());
    const std::string& model = config.settings.outputPath;
    const QJsonObject test = config.task == ai::ModelTask::Segmentation
                                 ? evaluationJson(engine.evaluateSegmenter(model, images, settings, run, {}, nullptr))
                                 : evaluationJson(engine.evaluateClassifier(model, images, settings, run, {}, nullptr));
    printLine({{"test", test}});
}

int runTraining(const QString& configPath, bool resume)
{
    TrainingConfig config;
    try {
        config = readTrainingConfig(configPath);
    } catch (const TrainingConfigError& e) {
        throw Stop{QString::fromUtf8(e.what()), 2};
    }
    ai::TrainingSettings& s = config.settings;
    s.distributed = distributedFromEnvironment();
    const bool lead = s.distributed.rank == 0;
    s.resume = resume;
    if (s.threads <= 0)
        s.threads = defaultThreads();
    s.command = QStringLiteral("radpath-cli train --config %1%2")
                    .arg(QFileInfo(configPath).fileName(), resume ? QStringLiteral(" --resume") : QString())
                    .toStdString();

    ai::Engine* engine = loadEngineOrReport();
    if (!engine)
        return 1;
    engine->setThreads(s.threads);
    if (!s.initialModel.empty())
        adoptInitialModel(config, engine->inspectModel(s.initialModel).manifest);
    if (config.inputSize().empty() || s.manifest.input.channels < 1)
        throw Stop{QStringLiteral("%1: the input size and channels are unknown").arg(configPath)};

    DatasetScanOptions options;
    options.valFraction = config.valFraction;
    options.seed = s.seed;
    const bool slides = config.task == ai::ModelTask::TileClassification && holdsSlides(config.dataRoot);
    const Prepared p = slides ? prepareSlideTiles(config, options, lead) : prepareData(config, options, lead);
    if (lead)
        std::fprintf(stderr, "training %s (%s) on %zu images, validating on %zu, %d epochs, %d threads\n",
                     s.initialModel.empty() ? s.architecture.c_str() : s.initialModel.c_str(),
                     ai::toString(s.device).c_str(), p.training.data.train.size(), p.training.data.validation.size(),
                     s.epochs, s.threads);

    const int classes = int(s.manifest.output.labels.size());
    const ai::TrainingOutcome outcome = engine->train(
        p.training.data, s,
        [&](const ai::EpochReport& e) {
            if (lead)
                printEpoch(e, config.task, classes);
        },
        {}, nullptr);
    if (!lead)
        return 0;
    std::fprintf(stderr, "wrote %s (weights of epoch %d%s)\n", outcome.packagePath.c_str(), outcome.bestEpoch,
                 outcome.stoppedEarly ? ", stopped early" : "");
    evaluateTest(*engine, config, p);
    return 0;
}

} // namespace

int train(const QStringList& args)
{
    QString config;
    bool resume = false;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--config") && i + 1 < args.size() && config.isEmpty())
            config = args[++i];
        else if (args[i] == QLatin1String("--resume"))
            resume = true;
        else {
            std::fprintf(stderr, "radpath-cli train: unknown argument '%s'\n%s", args[i].toLocal8Bit().constData(),
                         kUsage);
            return 2;
        }
    }
    if (config.isEmpty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    try {
        return runTraining(config, resume);
    } catch (const Stop& stop) {
        std::fprintf(stderr, "radpath-cli train: %s\n", stop.message.toLocal8Bit().constData());
        return stop.code;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "radpath-cli train: %s\n", e.what());
        return 1;
    }
}

} // namespace radpath::app::cli
