// radpath-cli report: a PDF report of a DICOM series, NIfTI volume or slide, with a model's
// results listed as AI findings waiting for review (classifier probabilities, segmented
// volumes per label, slide class areas by tile), model provenance, key images chosen
// automatically, measurement and segmentation statistics tables and, for slides, the
// annotations' class area table.

#include "app/cli/CliCommands.h"

#include "app/core/AiBridge.h"
#include "app/core/ReportPdf.h"
#include "app/core/ReportSources.h"
#include "pathology/annotation/AnnotationFile.h"
#include "pathology/slide/SlideSource.h"
#include "radpath/ai/Engine.h"
#include "radpath/ai/ModelError.h"
#include "viewer/io/DicomOutputContext.h"
#include "viewer/io/IoError.h"
#include "viewer/io/VolumeReader.h"
#include "viewer/model/Measurement.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace radpath::app::cli {
namespace {

const char* const kUsage =
    "usage: radpath-cli report --input PATH [--model PKG] [--annotations FILE] [--measurements FILE]\n"
    "                          --out REPORT.pdf [--deidentify] [--device cpu|cuda] [--threads N]\n";

constexpr int kKeyImageWidth = 512;

struct ReportArgs {
    QString input, model, annotations, measurements, out;
    bool deidentify = false;
    ai::RunOptions run;
};

bool parseArgs(const QStringList& args, ReportArgs& a)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == QLatin1String("--deidentify")) {
            a.deidentify = true;
            continue;
        }
        if (i + 1 >= args.size())
            return false;
        const QString value = args[++i];
        if (arg == QLatin1String("--input"))
            a.input = value;
        else if (arg == QLatin1String("--model"))
            a.model = value;
        else if (arg == QLatin1String("--annotations"))
            a.annotations = value;
        else if (arg == QLatin1String("--measurements"))
            a.measurements = value;
        else if (arg == QLatin1String("--out"))
            a.out = value;
        else if (arg == QLatin1String("--device") && (value == QLatin1String("cpu") || value == QLatin1String("cuda")))
            a.run.device = value == QLatin1String("cuda") ? ai::Device::Cuda : ai::Device::Cpu;
        else if (arg == QLatin1String("--threads") && value.toInt() > 0)
            a.run.threads = value.toInt();
        else
            return false;
    }
    if (a.run.threads <= 0)
        a.run.threads = QThread::idealThreadCount();
    return !a.input.isEmpty() && !a.out.isEmpty();
}

/// Slice k of the volume, windowed (CT: W 400 L 40, else its range), labels blended over it.
QImage renderSlice(const viewer::Volume& volume, int k, const std::vector<std::uint16_t>* labels,
                   const std::map<int, QColor>& colours)
{
    const auto& g = volume.geometry();
    double low = -160.0, high = 240.0;
    if (volume.info().modality != "CT")
        std::tie(low, high) = volume.range();
    QImage image(g.size[0], g.size[1], QImage::Format_RGB32);
    const size_t plane = size_t(g.size[0]) * size_t(g.size[1]);
    for (int j = 0; j < g.size[1]; ++j)
        for (int i = 0; i < g.size[0]; ++i) {
            const double v = (volume.valueAt(i, j, k) - low) / std::max(1e-9, high - low);
            const int grey = std::clamp(int(std::lround(255.0 * v)), 0, 255);
            QColor c(grey, grey, grey);
            if (labels) {
                const int label = (*labels)[size_t(k) * plane + size_t(j) * size_t(g.size[0]) + size_t(i)];
                if (auto it = colours.find(label); label && it != colours.end())
                    c = QColor((grey + it->second.red()) / 2, (grey + it->second.green()) / 2,
                               (grey + it->second.blue()) / 2);
            }
            image.setPixel(i, j, c.rgb());
        }
    const double aspect = g.spacing[1] / std::max(1e-9, g.spacing[0]);
    return image.scaled(kKeyImageWidth, int(std::lround(kKeyImageWidth * aspect * g.size[1] / std::max(1, g.size[0]))),
                        Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

/// The measurements saved as JSON at `path` (as the viewer saves them), as table rows.
std::vector<MeasurementRow> measurementRowsFrom(const QString& path, const viewer::Volume& volume)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw viewer::IoError(path.toStdString(), "cannot read: " + file.errorString().toStdString());
    return measurementRows(viewer::measurementsFromJson(file.readAll().toStdString()), volume);
}

/// The model's findings and statistics, and the slice with the largest segmented area as
/// key image with the labels drawn over it.
void addSegmentation(const ai::Segmentation& result, const viewer::Volume& volume, Report& report)
{
    for (const Finding& f : segmentationFindings(result))
        report.addFinding(f);
    report.setSegmentationRows(segmentationRows(labelLayer(result, result.run.modelName), volume));
    const auto& g = volume.geometry();
    const size_t plane = size_t(g.size[0]) * size_t(g.size[1]);
    std::vector<size_t> perSlice(size_t(g.size[2]), 0);
    for (size_t v = 0; v < result.labels.size(); ++v)
        perSlice[v / plane] += result.labels[v] != 0;
    std::map<int, QColor> colours;
    for (const ai::ManifestLabel& label : result.channels)
        colours[label.index] = QColor(label.color[0], label.color[1], label.color[2]);
    const int k = int(std::max_element(perSlice.begin(), perSlice.end()) - perSlice.begin());
    report.addKeyImage({renderSlice(volume, k, &result.labels, colours),
                        QStringLiteral("Slice %1 of %2, the largest segmented area, labels of %3 drawn over it")
                            .arg(k + 1)
                            .arg(g.size[2])
                            .arg(QString::fromStdString(result.run.modelName))});
}

void volumeReport(const ReportArgs& a, Report& report)
{
    const auto registry = viewer::ReaderRegistry::withBuiltinReaders();
    const viewer::Volume volume = registry.read(a.input.toStdString(), {}); // first: it sets DCMTK up quietly
    readDicomHeader(a.input, report);
    const int middle = volume.geometry().size[2] / 2;
    if (!a.measurements.isEmpty())
        report.setMeasurements(measurementRowsFrom(a.measurements, volume));
    bool keyImageDone = false;
    if (!a.model.isEmpty()) {
        ai::Engine* engine = loadEngineOrReport();
        if (!engine)
            throw std::runtime_error("the AI engine is not available");
        const std::string model = a.model.toStdString();
        const ai::ModelInfo info = engine->inspectModel(model);
        const ai::ImageBuffer image = toImageBuffer(volume);
        if (info.manifest.task == ai::ModelTask::Segmentation) {
            const ai::Segmentation result = engine->segment(model, image, a.run, {}, nullptr);
            addSegmentation(result, volume, report);
            keyImageDone = true;
        } else {
            const ai::Classification result = engine->classify(model, image, a.run, {}, nullptr);
            for (const Finding& f : classificationFindings(result))
                report.addFinding(f);
        }
    }
    if (!keyImageDone)
        report.addKeyImage({renderSlice(volume, middle, nullptr, {}),
                            QStringLiteral("Slice %1 of %2 (middle)").arg(middle + 1).arg(volume.geometry().size[2])});
}

void slideReport(const ReportArgs& a, Report& report)
{
    const auto slide = pathology::SlideSource::open(a.input.toStdString());
    const pathology::SlideInfo& info = slide->info();
    PatientHeader h;
    h.studyDescription = QFileInfo(a.input).fileName();
    report.setHeader(h);
    std::vector<pathology::Annotation> annotations;
    if (!a.annotations.isEmpty()) {
        const pathology::Vertex origin = info.bounds ? pathology::Vertex{double(info.bounds->x), double(info.bounds->y)}
                                                     : pathology::Vertex{};
        annotations = pathology::readAnnotations(a.annotations.toStdString(), origin);
    }
    report.setSlideOverview(slideOverview(*slide, annotations));
    if (!a.model.isEmpty()) {
        ai::Engine* engine = loadEngineOrReport();
        if (!engine)
            throw std::runtime_error("the AI engine is not available");
        const ai::SlideClassification result = engine->classifySlide(
            a.model.toStdString(), describeSlide(*slide), slideRegionReader(slide), {0, 0, 0, 0}, {}, a.run, {}, nullptr);
        const double mm2PerPx = info.mpp ? (*info.mpp)[0] * (*info.mpp)[1] / 1e6 : std::nan("");
        for (const Finding& f : slideFindings(result, mm2PerPx))
            report.addFinding(f);
    }
}

bool isSlideInput(const ReportArgs& a)
{
    static const QStringList kSlideSuffixes{"svs", "ndpi", "mrxs", "scn", "vms", "vmu", "bif", "tif", "tiff", "svslide"};
    const QFileInfo fi(a.input);
    return fi.isFile() && (kSlideSuffixes.contains(fi.suffix().toLower()) || !a.annotations.isEmpty()) &&
           pathology::SlideSource::isSlide(a.input.toStdString());
}

} // namespace

int report(const QStringList& args)
{
    ReportArgs a;
    if (!parseArgs(args, a)) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    for (const QString& path : {a.input, a.model, a.annotations, a.measurements})
        if (!path.isEmpty() && !QFileInfo::exists(path)) {
            std::fprintf(stderr, "radpath-cli report: %s: no such file or folder\n", path.toLocal8Bit().constData());
            return 1;
        }
    try {
        Report built;
        if (isSlideInput(a))
            slideReport(a, built);
        else
            volumeReport(a, built);
        QString error;
        ReportRenderOptions options;
        options.deidentified = a.deidentify;
        if (!writeReportPdf(built, a.out, options, &error))
            throw std::runtime_error(error.toStdString());
        std::fprintf(stderr, "%d finding(s), %d key image(s); written %s\n", int(built.findings().size()),
                     int(built.keyImages().size()), a.out.toLocal8Bit().constData());
        return 0;
    } catch (const ai::Cancelled&) {
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "radpath-cli report: %s\n", e.what());
        return 1;
    }
}

} // namespace radpath::app::cli
