#include "app/core/ReportSources.h"

#include "pathology/annotation/Annotation.h"
#include "pathology/annotation/Geometry.h"
#include "pathology/slide/SlideSource.h"
#include "viewer/io/DicomOutputContext.h"
#include "viewer/model/Layers.h"
#include "viewer/model/Measurement.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <map>

namespace radpath::app {
namespace {

/// Translated in the "Report" context, with the report's own words.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

bool isDicomFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.size() > 132 && file.read(132).mid(128, 4) == "DICM";
}

Finding aiFinding(const ai::RunRecord& run, const QString& label, const QString& text)
{
    Finding f;
    f.source = FindingSource::Ai;
    f.label = label;
    f.text = text;
    f.model = {QString::fromStdString(run.modelName), QString::fromStdString(run.modelVersion),
               QString::fromStdString(run.weightsSha256)};
    return f;
}

} // namespace

void readDicomHeader(const QString& input, Report& report)
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

std::vector<MeasurementRow> measurementRows(const std::vector<viewer::Measurement>& measurements,
                                            const viewer::Volume& volume)
{
    std::vector<MeasurementRow> rows;
    std::map<std::string, int> numbers;
    for (const viewer::Measurement& m : measurements) {
        const char* kind = viewer::toString(m.kind);
        QString name = QString::fromLatin1(kind);
        name[0] = name[0].toUpper();
        name += Text::tr(" %1 (slice %2)").arg(++numbers[kind]).arg(m.slice + 1);
        QString value;
        if (m.kind == viewer::MeasurementKind::Length)
            value = QStringLiteral("%1 mm").arg(m.lengthMm(), 0, 'f', 1);
        else if (m.kind == viewer::MeasurementKind::Angle)
            value = QStringLiteral("%1°").arg(m.angleDegrees(), 0, 'f', 1);
        else {
            const viewer::RegionStatistics s = viewer::regionStatistics(volume, m);
            value = Text::tr("%1 mm², %2 ± %3 (min %4, max %5)")
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

std::vector<SegmentationRow> segmentationRows(const viewer::LabelMapLayer& labels, const viewer::Volume& image)
{
    struct Sums {
        size_t n = 0;
        double sum = 0, squares = 0;
    };
    std::map<int, Sums> sums;
    const auto& g = labels.labels.geometry();
    const bool sameGrid = g.size == image.geometry().size;
    for (int k = 0; k < g.size[2]; ++k)
        for (int j = 0; j < g.size[1]; ++j)
            for (int i = 0; i < g.size[0]; ++i) {
                const int label = int(labels.labels.valueAt(i, j, k));
                if (label == 0)
                    continue;
                Sums& s = sums[label];
                ++s.n;
                if (sameGrid) {
                    const double v = image.valueAt(i, j, k);
                    s.sum += v;
                    s.squares += v * v;
                }
            }
    const double voxelMl = g.spacing[0] * g.spacing[1] * g.spacing[2] / 1000.0;
    std::vector<SegmentationRow> rows;
    for (const viewer::LabelEntry& entry : labels.table) {
        const Sums s = sums[entry.value];
        SegmentationRow row;
        row.label = QString::fromStdString(entry.name);
        row.volumeMl = double(s.n) * voxelMl;
        row.meanHu = sameGrid && s.n ? s.sum / double(s.n) : std::nan("");
        row.sdHu = sameGrid && s.n > 1 ? std::sqrt(std::max(0.0, (s.squares - s.sum * row.meanHu) / double(s.n - 1)))
                                       : std::nan("");
        row.source = labels.ai.isAi() ? FindingSource::Ai : FindingSource::Clinician;
        row.edited = labels.ai.isAi() && labels.ai.edited;
        rows.push_back(row);
    }
    return rows;
}

QImage slideThumbnail(const pathology::SlideSource& slide, int width)
{
    const auto& levels = slide.info().levels;
    int level = int(levels.size()) - 1;
    while (level > 0 && levels[size_t(level)].width < width)
        --level; // a finer level when the coarsest is small
    while (level < int(levels.size()) - 1 && levels[size_t(level)].width > 4096)
        ++level;
    const auto& l = levels[size_t(level)];
    QImage region = slide.readRegion(level, 0, 0, int(l.width), int(l.height));
    QImage image(region.size(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter(&image).drawImage(0, 0, region);
    return image.width() > width ? image.scaledToWidth(width, Qt::SmoothTransformation) : image;
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

std::vector<ClassAreaRow> classAreaRows(const std::vector<pathology::Annotation>& annotations,
                                        const pathology::SlideSource& slide)
{
    const auto& mpp = slide.info().mpp;
    std::map<QString, ClassAreaRow> classes;
    for (const pathology::Annotation& an : annotations) {
        const QString name =
            an.classification ? QString::fromStdString(an.classification->name) : Text::tr("Unclassified");
        ClassAreaRow& r = classes[name];
        r.className = name;
        ++r.count;
        r.areaMm2 += mpp ? pathology::area(an.geometry, mpp) / 1e6 : std::nan("");
    }
    std::vector<ClassAreaRow> rows;
    for (const auto& entry : classes)
        rows.push_back(entry.second);
    return rows;
}

SlideOverview slideOverview(const pathology::SlideSource& slide, const std::vector<pathology::Annotation>& annotations)
{
    SlideOverview overview;
    overview.thumbnail = slideThumbnail(slide);
    const double level0Width = double(std::max<std::int64_t>(1, slide.info().levels[0].width));
    drawAnnotations(overview.thumbnail, annotations, double(overview.thumbnail.width()) / level0Width);
    overview.classAreas = classAreaRows(annotations, slide);
    return overview;
}

std::vector<Finding> classificationFindings(const ai::Classification& result)
{
    if (result.predicted < 0 || result.predicted >= int(result.classes.size()))
        return {};
    const ai::ClassProbability& best = result.classes[size_t(result.predicted)];
    QStringList others;
    for (const ai::ClassProbability& c : result.classes)
        if (c.index != best.index)
            others << QStringLiteral("%1 %2").arg(QString::fromStdString(c.name)).arg(c.probability, 0, 'f', 3);
    Finding f = aiFinding(result.run, QString::fromStdString(best.name),
                          Text::tr("predicted class (others: %1)").arg(others.join(QLatin1String(", "))));
    f.probability = best.probability;
    return {f};
}

std::vector<Finding> segmentationFindings(const ai::Segmentation& result)
{
    const double voxelMl = result.grid.spacing[0] * result.grid.spacing[1] * result.grid.spacing[2] / 1000.0;
    std::map<int, size_t> counts;
    for (const std::uint16_t label : result.labels)
        if (label)
            ++counts[label];
    std::vector<Finding> findings;
    for (const ai::ManifestLabel& label : result.channels) {
        if (label.index == 0)
            continue;
        Finding f = aiFinding(result.run, QString::fromStdString(label.name), Text::tr("segmented volume"));
        f.volumeMl = double(counts[label.index]) * voxelMl;
        findings.push_back(f);
    }
    return findings;
}

std::vector<Finding> slideFindings(const ai::SlideClassification& result, double mm2PerPixel)
{
    const size_t n = result.classes.size();
    std::vector<int> tiles(n, 0);
    for (size_t t = 0; n > 0 && t * n < result.scores.size(); ++t) {
        const auto first = result.scores.begin() + std::ptrdiff_t(t * n);
        if (*first < 0.0f)
            continue; // not classified
        ++tiles[size_t(std::max_element(first, first + std::ptrdiff_t(n)) - first)];
    }
    const double tileMm2 = double(result.grid.tileSize0) * double(result.grid.tileSize0) * mm2PerPixel;
    std::vector<Finding> findings;
    for (size_t c = 0; c < n; ++c) {
        Finding f = aiFinding(result.run, QString::fromStdString(result.classes[c].name),
                              Text::tr("%1 of %2 tiles").arg(tiles[c]).arg(result.tilesClassified));
        if (!std::isnan(tileMm2))
            f.areaMm2 = tiles[c] * tileMm2;
        findings.push_back(f);
    }
    return findings;
}

} // namespace radpath::app
