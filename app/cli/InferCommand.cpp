// radpath-cli infer: runs a model package (or MONAI bundle) on a volume, a 2-D image, a slide,
// or a batch of them, and writes results next to nothing else: every file is written under a
// temporary name and renamed, so a failed run leaves no partial output.

#include "app/cli/CliCommands.h"

#include "app/core/AiBridge.h"
#include "pathology/slide/SlideSource.h"
#include "radpath/ai/Engine.h"
#include "radpath/ai/ModelError.h"
#include "viewer/io/IoError.h"
#include "viewer/io/ItkVolumeWriter.h"
#include "viewer/io/VolumeReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>

namespace radpath::app::cli {
namespace {

const char* const kUsage =
    "usage: radpath-cli infer --model PKG --input PATH --out OUT [--probabilities P] [--saliency S]\n"
    "                         [--saliency-method grad-cam|gradient|smoothgrad|occlusion] [--device cpu|cuda]\n"
    "                         [--threads N] [--mirroring]\n";

struct InferArgs {
    QString model, input, out, probabilities, saliency;
    ai::SaliencyMethod method = ai::SaliencyMethod::GradCam;
    ai::RunOptions run;
};

/// One input's outcome, a line of summary.csv.
struct Outcome {
    QString input, kind, output, prediction;
    double probability = std::nan("");
    double seconds = 0.0;
    QString error;
};

bool parseArgs(const QStringList& args, InferArgs& a)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        const bool hasValue = i + 1 < args.size();
        if (arg == QLatin1String("--mirroring"))
            a.run.mirroring = true;
        else if (!hasValue)
            return false;
        else if (arg == QLatin1String("--model"))
            a.model = args[++i];
        else if (arg == QLatin1String("--input"))
            a.input = args[++i];
        else if (arg == QLatin1String("--out"))
            a.out = args[++i];
        else if (arg == QLatin1String("--probabilities"))
            a.probabilities = args[++i];
        else if (arg == QLatin1String("--saliency"))
            a.saliency = args[++i];
        else if (arg == QLatin1String("--saliency-method")) {
            if (!ai::saliencyMethodFromString(args[++i].toStdString(), &a.method))
                return false;
        } else if (arg == QLatin1String("--device")) {
            const QString device = args[++i];
            if (device != QLatin1String("cpu") && device != QLatin1String("cuda"))
                return false;
            a.run.device = device == QLatin1String("cuda") ? ai::Device::Cuda : ai::Device::Cpu;
        } else if (arg == QLatin1String("--threads"))
            a.run.threads = args[++i].toInt();
        else
            return false;
    }
    if (a.run.threads <= 0)
        a.run.threads = QThread::idealThreadCount();
    return !a.model.isEmpty() && !a.input.isEmpty() && !a.out.isEmpty();
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    if (path == QLatin1String("-")) {
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw viewer::IoError(path.toStdString(), "cannot write: " + file.errorString().toStdString());
}

void writePng(const QString& path, const QImage& image)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        throw viewer::IoError(path.toStdString(), "cannot write PNG: " + file.errorString().toStdString());
}

QJsonObject modelJson(const ai::RunRecord& run)
{
    return {{"name", QString::fromStdString(run.modelName)},
            {"version", QString::fromStdString(run.modelVersion)},
            {"weights_sha256", QString::fromStdString(run.weightsSha256)},
            {"device", QString::fromStdString(run.device)},
            {"seconds", run.seconds}};
}

void reportRun(const ai::RunRecord& run)
{
    std::fprintf(stderr, "%s %s on %s in %.2f s%s%s\n", run.modelName.c_str(), run.modelVersion.c_str(),
                 run.device.c_str(), run.seconds, run.notice.empty() ? "" : ": ", run.notice.c_str());
}

/// Saliency as the input's own grid: 8-bit grey PNG for a 2-D image, float volume otherwise.
void writeSaliency(const ai::SaliencyMap& map, const QString& path)
{
    if (path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
        if (map.grid.size[2] != 1)
            throw viewer::IoError(path.toStdString(), "a volume's saliency map needs .nii.gz, .nrrd or .mha");
        QImage image(map.grid.size[0], map.grid.size[1], QImage::Format_Grayscale8);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                image.scanLine(y)[x] = uchar(std::lround(255.0f * map.values[size_t(y * image.width() + x)]));
        return writePng(path, image);
    }
    viewer::writeVolumeWithItk(saliencyLayer(map, "saliency").volume, path.toStdString());
}

Outcome runSlide(ai::Engine& engine, const InferArgs& a, const QString& input, const QString& out)
{
    const auto slide = pathology::SlideSource::open(input.toStdString());
    const ai::SlideClassification result = engine.classifySlide(
        a.model.toStdString(), describeSlide(*slide), slideRegionReader(slide), {0, 0, 0, 0}, {}, a.run, {}, nullptr);
    reportRun(result.run);
    const int positive = int(result.classes.size()) - 1; // the last class: tumour in a tumour/other model
    const auto& g = result.grid;
    QJsonArray classes, scores;
    for (const auto& label : result.classes)
        classes.append(QString::fromStdString(label.name));
    double sum = 0.0;
    for (size_t t = 0; t < size_t(g.columns) * size_t(g.rows); ++t) {
        QJsonArray tile;
        for (size_t c = 0; c < result.classes.size(); ++c)
            tile.append(double(result.scores[t * result.classes.size() + c]));
        scores.append(tile);
        const float p = result.scores[t * result.classes.size() + size_t(positive)];
        sum += p >= 0.0f ? p : 0.0;
    }
    const QJsonObject json{
        {"model", modelJson(result.run)},
        {"grid", QJsonObject{{"origin", QJsonArray{double(g.originX), double(g.originY)}},
                             {"tile_size", double(g.tileSize0)},
                             {"columns", g.columns},
                             {"rows", g.rows},
                             {"mpp", g.mpp}}},
        {"classes", classes},
        {"scores", scores},
        {"tiles_classified", result.tilesClassified},
        {"tiles_failed", result.tilesFailed}};
    const QFileInfo outInfo(out);
    writeBytes(outInfo.dir().filePath(outInfo.completeBaseName() + ".json"), QJsonDocument(json).toJson());
    writePng(out, tileHeatmap(result, positive));
    Outcome o{input, "slide", out, QString::fromStdString(result.classes[size_t(positive)].name), 0.0,
              result.run.seconds, {}};
    o.probability = result.tilesClassified ? sum / result.tilesClassified : 0.0; // mean score of the class
    return o;
}

Outcome runImage(ai::Engine& engine, const ai::ModelInfo& info, const InferArgs& a, const QString& input,
                 const QString& out, const QString& probabilities, const QString& saliency)
{
    const auto registry = viewer::ReaderRegistry::withBuiltinReaders();
    const viewer::Volume volume = registry.read(input.toStdString(), {});
    const ai::ImageBuffer image = toImageBuffer(volume);
    Outcome o{input, image.dims == 2 ? "image" : "volume", out, {}, std::nan(""), 0.0, {}};
    const std::string model = a.model.toStdString();
    if (info.manifest.task == ai::ModelTask::Segmentation) {
        ai::RunOptions options = a.run;
        options.keepProbabilities = !probabilities.isEmpty();
        const ai::Segmentation result = engine.segment(model, image, options, {}, nullptr);
        reportRun(result.run);
        viewer::writeVolumeWithItk(labelLayer(result, "labels").labels, out.toStdString());
        if (!probabilities.isEmpty())
            viewer::writeChannelsWithItk(result.probabilities.data(), int(result.channels.size()),
                                         fromAiGrid(result.grid), probabilities.toStdString());
        const double voxelMl = image.grid.spacing[0] * image.grid.spacing[1] * image.grid.spacing[2] / 1000.0;
        QStringList volumes;
        for (const auto& label : result.channels) {
            if (label.index == 0)
                continue;
            const auto n = std::count(result.labels.begin(), result.labels.end(), uint16_t(label.index));
            volumes << QStringLiteral("%1 %2 mL").arg(QString::fromStdString(label.name)).arg(double(n) * voxelMl, 0, 'f', 2);
        }
        o.prediction = volumes.join(QLatin1String("; "));
        o.seconds = result.run.seconds;
    } else {
        const ai::Classification result = engine.classify(model, image, a.run, {}, nullptr);
        reportRun(result.run);
        QJsonObject probabilitiesJson;
        for (const auto& c : result.classes)
            probabilitiesJson[QString::fromStdString(c.name)] = c.probability;
        const auto& best = result.classes[size_t(result.predicted)];
        writeBytes(out, QJsonDocument(QJsonObject{{"model", modelJson(result.run)},
                                                  {"probabilities", probabilitiesJson},
                                                  {"prediction", QString::fromStdString(best.name)}})
                            .toJson());
        o.prediction = QString::fromStdString(best.name);
        o.probability = best.probability;
        o.seconds = result.run.seconds;
    }
    if (!saliency.isEmpty()) {
        const ai::SaliencyMap map = engine.saliency(model, image, a.method, -1, a.run, {}, nullptr);
        reportRun(map.run);
        writeSaliency(map, saliency);
    }
    return o;
}

bool isSlideInput(const ai::ModelInfo& info, const QString& input)
{
    return info.manifest.task == ai::ModelTask::TileClassification &&
           pathology::SlideSource::isSlide(input.toStdString());
}

Outcome runOne(ai::Engine& engine, const ai::ModelInfo& info, const InferArgs& a, const QString& input,
               const QString& out, const QString& probabilities, const QString& saliency)
{
    return isSlideInput(info, input) ? runSlide(engine, a, input, out)
                                     : runImage(engine, info, a, input, out, probabilities, saliency);
}

bool holdsDicomFiles(const QDir& dir)
{
    for (const QFileInfo& entry : dir.entryInfoList(QDir::Files)) {
        QFile file(entry.filePath());
        if (file.open(QIODevice::ReadOnly) && file.size() > 132 && file.read(132).mid(128, 4) == "DICM")
            return true;
    }
    return false;
}

/// The inputs of a batch: the lines of a .txt list (relative to it), or the entries of a
/// folder; none when `input` is a single image, volume, series folder or slide. A folder of
/// DICOM files is one series for a 3-D model and a batch of images for a 2-D one.
std::optional<QStringList> batchInputs(const QString& input, const ai::ModelInfo& info)
{
    const QFileInfo fi(input);
    if (fi.isFile() && fi.suffix().compare(QLatin1String("txt"), Qt::CaseInsensitive) == 0) {
        QFile list(input);
        if (!list.open(QIODevice::ReadOnly | QIODevice::Text))
            throw viewer::IoError(input.toStdString(), "cannot read the list: " + list.errorString().toStdString());
        QStringList inputs;
        for (const QByteArray& raw : list.readAll().split('\n')) {
            const QString line = QString::fromUtf8(raw).trimmed();
            if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
                inputs << QDir::cleanPath(fi.dir().absoluteFilePath(line));
        }
        return inputs;
    }
    if (!fi.isDir() || (info.manifest.dims == 3 && holdsDicomFiles(QDir(input))))
        return std::nullopt;
    QStringList inputs;
    const QDir dir(input);
    for (const QFileInfo& entry : dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        inputs << entry.filePath();
    return inputs;
}

QString resultName(const QString& input, const ai::ModelInfo& info, QStringList& used)
{
    QString stem = QFileInfo(input).fileName();
    for (const char* suffix : {".nii.gz", ".nii", ".nrrd", ".mha", ".dcm", ".png", ".jpg", ".tif", ".tiff", ".svs"})
        if (stem.endsWith(QLatin1String(suffix), Qt::CaseInsensitive))
            stem.chop(int(std::strlen(suffix)));
    const QString ext = isSlideInput(info, input)                       ? QStringLiteral(".png")
                        : info.manifest.task == ai::ModelTask::Segmentation ? QStringLiteral(".nii.gz")
                                                                            : QStringLiteral(".json");
    QString name = stem + ext;
    for (int n = 2; used.contains(name); ++n)
        name = QStringLiteral("%1-%2%3").arg(stem).arg(n).arg(ext);
    used << name;
    return name;
}

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QLatin1String("\""), QLatin1String("\"\"")) + QLatin1Char('"');
}

int runBatch(ai::Engine& engine, const ai::ModelInfo& info, const InferArgs& a, const QStringList& inputs)
{
    if (!QDir().mkpath(a.out)) {
        std::fprintf(stderr, "radpath-cli infer: %s: cannot create the output folder\n", a.out.toLocal8Bit().constData());
        return 1;
    }
    const QDir out(a.out);
    QStringList used, lines{QStringLiteral("input,kind,output,prediction,probability,seconds,status")};
    int failed = 0;
    for (const QString& input : inputs) {
        const QString name = resultName(input, info, used);
        Outcome o;
        try {
            o = runOne(engine, info, a, input, out.filePath(name), {}, {});
            o.output = name;
        } catch (const std::exception& e) {
            o = Outcome{input, {}, {}, {}, std::nan(""), 0.0, QString::fromUtf8(e.what())};
            ++failed;
            std::fprintf(stderr, "radpath-cli infer: %s\n", e.what());
        }
        lines << QStringList{csvField(input), o.kind, csvField(o.output), csvField(o.prediction),
                             std::isnan(o.probability) ? QString() : QString::number(o.probability, 'f', 4),
                             QString::number(o.seconds, 'f', 3), o.error.isEmpty() ? QStringLiteral("ok") : csvField(o.error)}
                     .join(QLatin1Char(','));
    }
    writeBytes(out.filePath(QStringLiteral("summary.csv")), (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    std::fprintf(stderr, "%lld input(s), %d failed; summary in %s\n", static_cast<long long>(inputs.size()), failed,
                 out.filePath(QStringLiteral("summary.csv")).toLocal8Bit().constData());
    return failed ? 1 : 0;
}

} // namespace

int infer(const QStringList& args)
{
    InferArgs a;
    if (!parseArgs(args, a)) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    ai::Engine* engine = loadEngineOrReport();
    if (!engine)
        return 1;
    try {
        if (!QFileInfo::exists(a.input))
            throw viewer::IoError(a.input.toStdString(), "no such file or folder");
        const ai::ModelInfo info = engine->inspectModel(a.model.toStdString());
        if (const auto inputs = batchInputs(a.input, info))
            return runBatch(*engine, info, a, *inputs);
        runOne(*engine, info, a, a.input, a.out, a.probabilities, a.saliency);
        return 0;
    } catch (const ai::Cancelled&) {
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "radpath-cli infer: %s\n", e.what());
        return 1;
    }
}

} // namespace radpath::app::cli
