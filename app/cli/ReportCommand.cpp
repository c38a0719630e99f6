// radpath-cli report: a PDF report of a DICOM series, NIfTI volume or slide, with a model's
// results listed as AI findings waiting for review (classifier probabilities, segmented
// volumes per label, slide class areas by tile), model provenance, key images chosen
// automatically, measurement and segmentation statistics tables and, for slides, the
// annotations' class area table.

#include "app/cli/CliCommands.h"

#include "app/core/AiBridge.h"
#include "app/core/ReportPdf.h"
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
#include <QPainterPath>
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
constexpr int kThumbnailWidth = 1024;

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

ModelProvenance provenance(const ai::RunRecord& run)
{
    return {QString::fromStdString(run.modelName), QString::fromStdString(run.modelVersion),
            QString::fromStdString(run.weightsSha256)};
}

Finding aiFinding(const ai::RunRecord& run, const QString& label, const QString& text)
{
    Finding f;
    f.source = FindingSource::Ai;
    f.label = label;
    f.text = text;
    f.model = provenance(run);
    return f;
}

bool isDicomFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.size() > 132 && file.read(132).mid(128, 4) == "DICM";
}

/// The header of a DICOM series folder or file; nothing for other formats.
void readHeader(const QString& input, Report& report)
{
    const QFileInfo fi(input);
    std::vector<std::string> files;
    if (fi.isDir()) {
        for (const QFileInfo& entry : QDir(input).entryInfoList(QDir::Files, QDir::Name))
            if (isDicomFile(entry.filePath()))
                files.push_back(entry.filePath().toStdString());
    } else if (isDicomFile(input)) {
        files.push_back(input.toStdString());
    }
    PatientHeader h;
    if (files.empty()) {
        h.studyDescription = fi.fileName();
        report.setHeader(h);
        return;
    }
    const viewer::DicomReference ref = viewer::readDicomReference(files);
    auto text = [](const std::string& s) { return QString::fromStdString(s).trimmed(); };
    h.patientName = text(ref.patientName).split(QLatin1Char('^'), Qt::SkipEmptyParts).join(QLatin1String(", "));
    h.patientId = text(ref.patientId);
    h.birthDate = QDate::fromString(text(ref.patientBirthDate), QStringLiteral("yyyyMMdd"));
    h.sex = text(ref.patientSex);
    h.studyDate = QDate::fromString(text(ref.studyDate), QStringLiteral("yyyyMMdd"));
    h.accessionNumber = text(ref.accessionNumber);
    h.studyDescription = text(ref.studyDescription);
    report.setHeader(h);
    report.setStudyInstanceUid(text(ref.studyInstanceUid));
    if (fi.isDir())
        report.setReferenceSeries(fi.absoluteFilePath());
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

std::vector<MeasurementRow> measurementRows(const QString& path, const viewer::Volume& volume)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw viewer::IoError(path.toStdString(), "cannot read: " + file.errorString().toStdString());
    std::vector<MeasurementRow> rows;
    std::map<std::string, int> numbers;
    for (const viewer::Measurement& m : viewer::measurementsFromJson(file.readAll().toStdString())) {
        const char* kind = viewer::toString(m.kind);
        QString name = QString::fromLatin1(kind);
        name[0] = name[0].toUpper();
        name += QStringLiteral(" %1 (slice %2)").arg(++numbers[kind]).arg(m.slice + 1);
        QString value;
        if (m.kind == viewer::MeasurementKind::Length)
            value = QStringLiteral("%1 mm").arg(m.lengthMm(), 0, 'f', 1);
        else if (m.kind == viewer::MeasurementKind::Angle)
            value = QStringLiteral("%1°").arg(m.angleDegrees(), 0, 'f', 1);
        else {
            const viewer::RegionStatistics s = viewer::regionStatistics(volume, m);
            value = QStringLiteral("%1 mm², %2 ± %3 (min %4, max %5)")
                        .arg(m.areaMm2(), 0, 'f', 1)
                        .arg(s.mean, 0, 'f', 1)
                        .arg(s.sd, 0, 'f', 1)
                        .arg(s.min, 0, 'f', 0)
                        .arg(s.max, 0, 'f', 0);
        }
        rows.push_back({name, value});
    }
    return rows;
}

void segmentationFindings(const ai::Segmentation& result, const viewer::Volume& volume, Report& report)
{
    const auto& g = volume.geometry();
    const size_t plane = size_t(g.size[0]) * size_t(g.size[1]);
    const double voxelMl = g.spacing[0] * g.spacing[1] * g.spacing[2] / 1000.0;
    struct Sums {
        size_t n = 0;
        double sum = 0, squares = 0;
    };
    std::map<int, Sums> sums;
    std::vector<size_t> perSlice(size_t(g.size[2]), 0);
    for (size_t v = 0; v < result.labels.size(); ++v) {
        const int label = result.labels[v];
        if (!label)
            continue;
        const int k = int(v / plane), j = int((v % plane) / size_t(g.size[0])), i = int(v % size_t(g.size[0]));
        const double value = volume.valueAt(i, j, k);
        Sums& s = sums[label];
        ++s.n;
        s.sum += value;
        s.squares += value * value;
        ++perSlice[size_t(k)];
    }
    std::vector<SegmentationRow> rows;
    std::map<int, QColor> colours;
    for (const ai::ManifestLabel& label : result.channels) {
        if (label.index == 0)
            continue;
        colours[label.index] = QColor(label.color[0], label.color[1], label.color[2]);
        const Sums s = sums[label.index];
        const double mean = s.n ? s.sum / double(s.n) : std::nan("");
        const double sd = s.n > 1 ? std::sqrt(std::max(0.0, (s.squares - s.sum * mean) / double(s.n - 1))) : std::nan("");
        const QString name = QString::fromStdString(label.name);
        Finding f = aiFinding(result.run, name, QStringLiteral("segmented volume"));
        f.volumeMl = double(s.n) * voxelMl;
        report.addFinding(f);
        rows.push_back({name, *f.volumeMl, mean, sd, FindingSource::Ai, false});
    }
    report.setSegmentationRows(rows);
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
    readHeader(a.input, report);
    const int middle = volume.geometry().size[2] / 2;
    if (!a.measurements.isEmpty())
        report.setMeasurements(measurementRows(a.measurements, volume));
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
            segmentationFindings(result, volume, report);
            keyImageDone = true;
        } else {
            const ai::Classification result = engine->classify(model, image, a.run, {}, nullptr);
            const ai::ClassProbability& best = result.classes[size_t(result.predicted)];
            QStringList others;
            for (const ai::ClassProbability& c : result.classes)
                if (c.index != best.index)
                    others << QStringLiteral("%1 %2").arg(QString::fromStdString(c.name)).arg(c.probability, 0, 'f', 3);
            Finding f = aiFinding(result.run, QString::fromStdString(best.name),
                                  QStringLiteral("predicted class (others: %1)").arg(others.join(QLatin1String(", "))));
            f.probability = best.probability;
            report.addFinding(f);
        }
    }
    if (!keyImageDone)
        report.addKeyImage({renderSlice(volume, middle, nullptr, {}),
                            QStringLiteral("Slice %1 of %2 (middle)").arg(middle + 1).arg(volume.geometry().size[2])});
}

QImage slideThumbnail(const pathology::SlideSource& slide)
{
    const auto& levels = slide.info().levels;
    int level = int(levels.size()) - 1;
    while (level > 0 && levels[size_t(level)].width < kThumbnailWidth)
        --level; // a finer level when the coarsest is small
    while (level < int(levels.size()) - 1 && levels[size_t(level)].width > 4096)
        ++level;
    const auto& l = levels[size_t(level)];
    QImage region = slide.readRegion(level, 0, 0, int(l.width), int(l.height));
    QImage image(region.size(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter(&image).drawImage(0, 0, region);
    return image.width() > kThumbnailWidth ? image.scaledToWidth(kThumbnailWidth, Qt::SmoothTransformation) : image;
}

void drawAnnotations(QImage& thumbnail, const std::vector<pathology::Annotation>& annotations, double scale)
{
    QPainter painter(&thumbnail);
    painter.setRenderHint(QPainter::Antialiasing);
    for (const pathology::Annotation& a : annotations) {
        const std::uint32_t rgb = a.classification ? a.classification->rgb : a.rgb.value_or(0xffff00);
        const QColor colour(QRgb(0xff000000 | rgb));
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (const pathology::Polygon& polygon : pathology::polygonsOf(a.geometry)) {
            auto ring = [&](const pathology::Ring& r) {
                QPolygonF p;
                for (const pathology::Vertex& v : r)
                    p << QPointF(v.x * scale, v.y * scale);
                path.addPolygon(p);
                path.closeSubpath();
            };
            ring(polygon.outer);
            for (const pathology::Ring& hole : polygon.holes)
                ring(hole);
        }
        QColor fill = colour;
        fill.setAlpha(70);
        painter.setPen(QPen(colour, 2));
        painter.setBrush(fill);
        painter.drawPath(path);
    }
}

void slideReport(const ReportArgs& a, Report& report)
{
    const auto slide = pathology::SlideSource::open(a.input.toStdString());
    const pathology::SlideInfo& info = slide->info();
    PatientHeader h;
    h.studyDescription = QFileInfo(a.input).fileName();
    report.setHeader(h);
    SlideOverview overview;
    overview.thumbnail = slideThumbnail(*slide);
    const double scale = double(overview.thumbnail.width()) / double(std::max<std::int64_t>(1, info.levels[0].width));
    const double mm2PerPx = info.mpp ? (*info.mpp)[0] * (*info.mpp)[1] / 1e6 : std::nan("");

    if (!a.annotations.isEmpty()) {
        const pathology::Vertex origin = info.bounds ? pathology::Vertex{double(info.bounds->x), double(info.bounds->y)}
                                                     : pathology::Vertex{};
        const auto annotations = pathology::readAnnotations(a.annotations.toStdString(), origin);
        drawAnnotations(overview.thumbnail, annotations, scale);
        std::map<QString, ClassAreaRow> classes;
        for (const pathology::Annotation& an : annotations) {
            const QString name = an.classification ? QString::fromStdString(an.classification->name)
                                                   : QStringLiteral("Unclassified");
            ClassAreaRow& r = classes[name];
            r.className = name;
            ++r.count;
            r.areaMm2 += info.mpp ? pathology::area(an.geometry, info.mpp) / 1e6 : std::nan("");
        }
        for (const auto& [name, row] : classes)
            overview.classAreas.push_back(row);
    }
    if (!a.model.isEmpty()) {
        ai::Engine* engine = loadEngineOrReport();
        if (!engine)
            throw std::runtime_error("the AI engine is not available");
        const ai::SlideClassification result = engine->classifySlide(
            a.model.toStdString(), describeSlide(*slide), slideRegionReader(slide), {0, 0, 0, 0}, {}, a.run, {}, nullptr);
        const size_t n = result.classes.size();
        std::vector<int> tiles(n, 0);
        for (size_t t = 0; t * n < result.scores.size(); ++t) {
            const auto first = result.scores.begin() + std::ptrdiff_t(t * n);
            if (*first < 0.0f)
                continue; // not classified
            ++tiles[size_t(std::max_element(first, first + std::ptrdiff_t(n)) - first)];
        }
        const double tileMm2 = double(result.grid.tileSize0) * double(result.grid.tileSize0) * mm2PerPx;
        for (size_t c = 0; c < n; ++c) {
            Finding f = aiFinding(result.run, QString::fromStdString(result.classes[c].name),
                                  QStringLiteral("%1 of %2 tiles").arg(tiles[c]).arg(result.tilesClassified));
            f.areaMm2 = tiles[c] * tileMm2;
            report.addFinding(f);
        }
    }
    report.setSlideOverview(overview);
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
