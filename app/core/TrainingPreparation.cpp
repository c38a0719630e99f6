#include "app/core/TrainingPreparation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <array>

namespace radpath::app {
namespace {

/// Translated in the "TrainingPreparation" context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(TrainingPreparation)
};

/// Distinct colours for class labels (matplotlib's tab10).
constexpr std::array<std::array<int, 3>, 10> kPalette{{{31, 119, 180},
                                                       {255, 127, 14},
                                                       {44, 160, 44},
                                                       {214, 39, 40},
                                                       {148, 103, 189},
                                                       {140, 86, 75},
                                                       {227, 119, 194},
                                                       {127, 127, 127},
                                                       {188, 189, 34},
                                                       {23, 190, 207}}};

std::vector<ai::ManifestLabel> outputLabels(const TrainingConfig& config, const DatasetScan& scan,
                                            const std::vector<ai::TrainingSample>& train)
{
    std::vector<ai::ManifestLabel> labels;
    if (config.task != ai::ModelTask::Segmentation) {
        for (int c = 0; c < scan.classes.size(); ++c)
            labels.push_back({c, scan.classes[c].toStdString(), kPalette[size_t(c) % kPalette.size()]});
        return labels;
    }
    std::vector<int> values;
    if (!config.labels.isEmpty()) {
        for (int v = 0; v < config.labels.size(); ++v)
            values.push_back(v);
    } else {
        QSet<int> seen{0};
        for (const ai::TrainingSample& s : train)
            for (float v : s.mask)
                seen.insert(int(v));
        values.assign(seen.begin(), seen.end());
        std::sort(values.begin(), values.end());
    }
    for (int v : values) {
        const std::string name = v < config.labels.size() ? config.labels[v].toStdString()
                                 : v == 0                 ? std::string("background")
                                                          : "label " + std::to_string(v);
        labels.push_back({v, name, v == 0 ? std::array<int, 3>{0, 0, 0} : kPalette[size_t(v - 1) % kPalette.size()]});
    }
    return labels;
}

/// The modality the configuration names, else the DICOM files' one, else SM for tiles and OT.
std::string modalityOf(const TrainingConfig& config, const std::vector<ai::TrainingSample>& train)
{
    if (!config.settings.manifest.modality.empty())
        return config.settings.manifest.modality;
    QSet<QString> seen;
    for (const ai::TrainingSample& s : train)
        seen.insert(QString::fromStdString(s.image.modality));
    if (seen.size() == 1 && !seen.begin()->isEmpty())
        return seen.begin()->toStdString();
    return config.task == ai::ModelTask::TileClassification ? "SM" : "OT";
}

} // namespace

PreparedTraining prepareTraining(const TrainingConfig& config, const DatasetScan& scan,
                                 const std::function<void(double)>& progress, const ai::CancelToken* cancel,
                                 const std::function<void()>& pausePoint)
{
    if (!scan.ok())
        throw TrainingDataError(scan.errors.join(QLatin1Char('\n')).toStdString());
    const ai::Manifest& m = config.settings.manifest;
    DecodeOptions decode;
    decode.channels = m.input.channels;
    decode.threads = config.settings.threads;
    if (config.task == ai::ModelTask::Segmentation)
        decode.minimumSize = config.inputSize();
    else
        decode.size = config.inputSize();
    // Tiles in image files are at the configured µm per pixel: the package says so in its
    // spacing, and the images must too, or the engine would resample them from 1 mm.
    if (config.task == ai::ModelTask::TileClassification && m.input.spacingMm && !m.input.spacingMm->empty())
        decode.pixelSpacingMm = m.input.spacingMm->front();

    PreparedTraining p;
    p.entries = scan.entries;
    p.decoded = decodeEntries(p.entries, decode, progress, cancel, pausePoint);
    if (!p.decoded.failures.empty())
        p.notes << Text::tr("%1 file(s) could not be decoded and were left out, e.g. %2: %3")
                       .arg(p.decoded.failures.size())
                       .arg(p.decoded.failures.front().path, p.decoded.failures.front().reason);
    p.data.train = trainingSamples(p.entries, p.decoded, DatasetSplit::Train);
    p.data.validation = trainingSamples(p.entries, p.decoded, DatasetSplit::Validation);
    if (p.data.train.empty())
        throw TrainingDataError(Text::tr("%1: no training image could be decoded").arg(scan.root).toStdString());
    if (config.task != ai::ModelTask::Segmentation) {
        std::vector<int> perClass(size_t(scan.classes.size()), 0);
        for (const auto& s : p.data.train)
            ++perClass[size_t(s.label)];
        for (size_t c = 0; c < perClass.size(); ++c)
            if (perClass[c] == 0)
                throw TrainingDataError(Text::tr("class '%1' has no training image that could be decoded")
                                            .arg(scan.classes[int(c)])
                                            .toStdString());
    }
    return p;
}

void completeManifest(TrainingConfig& config, const DatasetScan& scan, const DatasetScanOptions& options,
                      PreparedTraining& p)
{
    ai::Manifest& m = config.settings.manifest;
    const IntensityRange range = intensityRange(p.decoded, p.entries, DatasetSplit::Train);
    if (config.intensity == IntensityMode::Auto || config.intensity == IntensityMode::MinMax) {
        ai::IntensityTransform& t = m.input.intensity;
        t = {};
        t.kind = ai::IntensityTransform::Kind::Window;
        t.clip = true;
        const bool eightBit = config.intensity == IntensityMode::Auto && range.allEightBit;
        t.aMin = eightBit ? 0.0 : range.minimum;
        t.aMax = eightBit ? 255.0 : std::max(range.maximum, range.minimum + 1.0);
        p.notes << (eightBit
                        ? Text::tr("Intensities 0..255 onto 0..1 (8-bit images).")
                        : Text::tr("Intensities %1..%2 onto 0..1 (the training images' range).").arg(t.aMin).arg(t.aMax));
    }
    if (m.input.channels == 1 && range.colourImages > 0)
        p.notes << Text::tr("%1 colour training image(s) turned grey (choose 3 channels to keep colour).")
                       .arg(range.colourImages);
    m.task = config.task;
    m.dims = m.input.dims = int(config.inputSize().size());
    m.output.activation = ai::ManifestOutput::Activation::Softmax;
    m.output.labels = outputLabels(config, scan, p.data.train);
    m.modality = modalityOf(config, p.data.train);
    m.trainingJson = QJsonDocument(QJsonObject{{"dataset", datasetSummaryJson(scan, options)}})
                         .toJson(QJsonDocument::Compact)
                         .toStdString();
}

DatasetSplit evaluationSplit(const PreparedTraining& prepared)
{
    for (size_t i = 0; i < prepared.entries.size(); ++i)
        if (prepared.entries[i].split == DatasetSplit::Test && i < prepared.decoded.images.size() &&
            prepared.decoded.images[i])
            return DatasetSplit::Test;
    return DatasetSplit::Validation;
}

SlideTileOptions slideTileOptions(const TrainingConfig& config)
{
    SlideTileOptions options;
    options.mpp = config.mpp;
    if (!config.inputSize().empty())
        options.tileSize = config.inputSize().front();
    options.valFraction = config.valFraction;
    options.seed = unsigned(config.settings.seed);
    return options;
}

bool operator==(const SlideTileOptions& a, const SlideTileOptions& b)
{
    return a.mpp == b.mpp && a.tileSize == b.tileSize && a.unannotatedClass == b.unannotatedClass &&
           a.maxTilesPerClass == b.maxTilesPerClass && a.valFraction == b.valFraction && a.seed == b.seed &&
           a.glassBrightness == b.glassBrightness;
}

DatasetScan tileDatasetSummary(const SlideTileDataset& tiles, const QString& root)
{
    DatasetScan scan;
    scan.root = root;
    scan.task = DatasetTask::Classification;
    scan.classes = tiles.classes;
    scan.counts = tiles.counts;
    scan.warnings = tiles.warnings;
    scan.errors = tiles.errors;
    scan.skipped = tiles.skipped;
    // Slides in split folders give every split its own slides; else the tiles were split.
    const std::array<QString, 3> folders = splitFolderPaths(root);
    scan.presplit = std::any_of(folders.begin(), folders.end(), [](const QString& f) { return !f.isEmpty(); });
    return scan;
}

} // namespace radpath::app
