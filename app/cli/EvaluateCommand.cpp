// radpath-cli evaluate --model PKG --data DIR: a model against labelled images, as a
// researcher reports it (confusion matrix, per-class sensitivity, specificity, precision, F1,
// AUC with a bootstrap interval, calibration). DIR holds one folder per class, or train/val/test
// folders of them (then test is evaluated, else val). A segmentation model takes DIR as
// segmentation pairs (TrainingDataset.h) and reports Dice and HD95 per label.

#include "app/cli/CliCommands.h"
#include "app/cli/CliReport.h"

#include "app/core/DatasetDecoder.h"
#include "app/core/EvaluationReport.h"
#include "radpath/ai/Engine.h"

#include <QJsonDocument>
#include <QThread>

#include <cstdio>

namespace radpath::app::cli {
namespace {

const char* const kUsage =
    "usage: radpath-cli evaluate --model PKG --data DIR [--predictions OUT.csv] [--bootstrap N] [--seed S]\n"
    "                            [--device cpu|cuda] [--threads N]\n";

struct EvaluateArgs {
    QString model, data, predictions;
    ai::EvaluationSettings settings;
    ai::RunOptions run;
};

bool parseArgs(const QStringList& args, EvaluateArgs& a)
{
    for (int i = 0; i + 1 < args.size(); i += 2) {
        const QString& key = args[i];
        const QString& value = args[i + 1];
        bool ok = true;
        if (key == QLatin1String("--model"))
            a.model = value;
        else if (key == QLatin1String("--data"))
            a.data = value;
        else if (key == QLatin1String("--predictions"))
            a.predictions = value;
        else if (key == QLatin1String("--bootstrap"))
            a.settings.bootstrapSamples = value.toInt(&ok), ok = ok && a.settings.bootstrapSamples >= 0;
        else if (key == QLatin1String("--seed"))
            a.settings.seed = value.toULongLong(&ok);
        else if (key == QLatin1String("--threads"))
            a.run.threads = value.toInt(&ok), ok = ok && a.run.threads >= 0;
        else if (key == QLatin1String("--device") && (value == QLatin1String("cpu") || value == QLatin1String("cuda")))
            a.run.device = value == QLatin1String("cuda") ? ai::Device::Cuda : ai::Device::Cpu;
        else
            return false;
        if (!ok)
            return false;
    }
    if (args.size() % 2 != 0)
        return false;
    if (a.run.threads <= 0)
        a.run.threads = std::max(1, QThread::idealThreadCount());
    return !a.model.isEmpty() && !a.data.isEmpty();
}

/// The split to evaluate: test, else val, else (a plain class folder) everything.
DatasetSplit chosenSplit(const DatasetScan& scan)
{
    if (scan.has(DatasetSplit::Test))
        return DatasetSplit::Test;
    if (scan.has(DatasetSplit::Validation))
        return DatasetSplit::Validation;
    return DatasetSplit::Train;
}

/// Output position of each dataset class with images in `split`, by name (exact, else
/// ignoring case); throws with the list of classes the model does not know.
std::vector<int> classToOutput(const DatasetScan& scan, DatasetSplit split, const ai::Manifest& manifest,
                               const QString& model)
{
    QStringList missing, known;
    for (const auto& label : manifest.output.labels)
        known << QString::fromStdString(label.name);
    std::vector<int> map = classOutputPositions(scan, split, manifest, &missing);
    if (!missing.isEmpty())
        throw std::runtime_error(QStringLiteral("class folder%1 %2 of %3 not among the outputs of %4 (%5)")
                                     .arg(missing.size() > 1 ? "s" : "", missing.join(QLatin1String(", ")), scan.root,
                                          model, known.join(QLatin1String(", ")))
                                     .toStdString());
    return map;
}

int evaluate(ai::Engine& engine, const EvaluateArgs& a)
{
    const ai::ModelInfo info = engine.inspectModel(a.model.toStdString());
    const ai::Manifest& m = info.manifest;
    const bool segmentation = m.task == ai::ModelTask::Segmentation;
    DatasetScanOptions options;
    options.purpose = DatasetPurpose::Evaluation;
    const DatasetScan scan =
        segmentation ? scanSegmentationFolder(a.data, options) : scanClassificationFolder(a.data, options);
    std::fputs(datasetSummaryText(scan).toLocal8Bit().constData(), stderr);
    reportFiles("skipped", scan.skipped);
    if (!scan.ok()) {
        std::fprintf(stderr, "radpath-cli evaluate: %s\n",
                     scan.errors.join(QLatin1String("\n")).toLocal8Bit().constData());
        return 1;
    }
    const DatasetSplit split = chosenSplit(scan);
    const std::vector<int> labelOf = segmentation ? std::vector<int>() : classToOutput(scan, split, m, a.model);

    DecodeOptions decode;
    decode.channels = m.input.channels;
    decode.threads = a.run.threads;
    const std::vector<int>& size = m.input.size.empty() ? m.input.patchSize : m.input.size;
    if (segmentation)
        decode.minimumSize.assign(size_t(m.dims), 1); // any size, the model's dimensionality
    else
        decode.size = size;
    // Tile images are at the package's resolution (they carry no spacing of their own).
    if (m.task == ai::ModelTask::TileClassification && m.input.spacingMm && !m.input.spacingMm->empty())
        decode.pixelSpacingMm = m.input.spacingMm->front();
    const std::vector<DatasetEntry> entries = scan.entriesOf(split);
    const DecodeOutcome decoded = decodeEntries(entries, decode, stderrProgress("decoding images"));
    reportFiles("could not decode", decoded.failures);
    const std::vector<ai::LabelledImage> images = labelledImages(entries, decoded, split, labelOf);
    if (images.empty()) {
        std::fprintf(stderr, "radpath-cli evaluate: %s: no image could be decoded\n", a.data.toLocal8Bit().constData());
        return 1;
    }
    std::fprintf(stderr, "evaluating %s on %zu %s images\n", m.name.c_str(), images.size(),
                 toString(split).toLocal8Bit().constData());
    const auto progress = stderrProgress("evaluating");
    const ai::ProgressCallback engineProgress = [&progress](double f, const std::string&) { progress(f); };
    QJsonObject json;
    QByteArray csv;
    if (segmentation) {
        const ai::SegmentationEvaluation e =
            engine.evaluateSegmenter(a.model.toStdString(), images, a.settings, a.run, engineProgress, nullptr);
        json = evaluationJson(e);
        csv = predictionsCsv(e);
    } else {
        const ai::ClassificationEvaluation e =
            engine.evaluateClassifier(a.model.toStdString(), images, a.settings, a.run, engineProgress, nullptr);
        json = evaluationJson(e);
        csv = predictionsCsv(e);
    }
    QString error;
    if (!a.predictions.isEmpty() && !writeFileAtomically(a.predictions, csv, &error)) {
        std::fprintf(stderr, "radpath-cli evaluate: %s\n", error.toLocal8Bit().constData());
        return 1;
    }
    std::fputs(QJsonDocument(json).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}

} // namespace

int evaluate(const QStringList& args)
{
    EvaluateArgs a;
    if (!parseArgs(args, a)) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    ai::Engine* engine = loadEngineOrReport();
    if (!engine)
        return 1;
    engine->setThreads(a.run.threads);
    try {
        return evaluate(*engine, a);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "radpath-cli evaluate: %s\n", e.what());
        return 1;
    }
}

} // namespace radpath::app::cli
