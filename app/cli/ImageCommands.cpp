// radpath-cli info and convert: images and volumes in, JSON or files out; label maps to
// DICOM SEG and back with --reference.

#include "app/cli/CliCommands.h"

#include "app/core/BuildInfo.h"
#include "viewer/io/DicomSegReader.h"
#include "viewer/io/DicomSegWriter.h"
#include "viewer/io/DicomSeriesReader.h"
#include "viewer/io/IoError.h"
#include "viewer/io/ItkVolumeWriter.h"
#include "viewer/io/LabelMapReader.h"
#include "viewer/io/LabelMapWriter.h"
#include "viewer/io/VolumeReader.h"

#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cstdio>

namespace radpath::app::cli {
namespace {

struct Loaded {
    viewer::Volume volume;
    std::string reader;
    std::vector<viewer::DicomSeries> series; ///< empty for non-DICOM input
};

// Reads PATH (the largest series, or --series UID) and lists its DICOM series.
Loaded load(const QString& input, const QString& seriesUid)
{
    const std::string path = input.toStdString();
    const auto registry = viewer::ReaderRegistry::withBuiltinReaders();
    if (!QFileInfo::exists(input))
        throw viewer::IoError(path, "no such file or folder");
    const auto reader = registry.find(path);
    if (!reader)
        throw viewer::IoError(path, QFileInfo(input).isDir() ? "the folder holds no image RadPath can read"
                                                             : "not an image format RadPath can read");
    Loaded loaded;
    loaded.reader = reader->name();
    if (auto dicom = std::dynamic_pointer_cast<const viewer::DicomSeriesReader>(reader)) {
        loaded.series = dicom->seriesFor(path, {});
        loaded.volume = seriesUid.isEmpty() ? dicom->readSeries(loaded.series.front(), {})
                                            : dicom->readSeriesUid(path, seriesUid.toStdString(), {});
    } else {
        if (!seriesUid.isEmpty())
            throw viewer::IoError(path, "--series applies to DICOM input only");
        loaded.volume = reader->read(path, {});
    }
    return loaded;
}

bool parse(const QStringList& args, int positional, QStringList& out, QString& series, const char* usage,
           QString* reference = nullptr)
{
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--series") && i + 1 < args.size())
            series = args[++i];
        else if (reference && args[i] == QLatin1String("--reference") && i + 1 < args.size())
            *reference = args[++i];
        else if (!args[i].startsWith(QLatin1String("--")))
            out << args[i];
        else
            out.clear(), i = int(args.size());
    }
    if (out.size() != positional) {
        std::fprintf(stderr, "usage: radpath-cli %s\n", usage);
        return false;
    }
    return true;
}

QJsonArray array3(const std::array<double, 3>& v)
{
    return {v[0], v[1], v[2]};
}

void writePng(const viewer::Volume& v, const QString& output)
{
    const std::string path = output.toStdString();
    const auto& g = v.geometry();
    if (g.size[2] != 1)
        throw viewer::IoError(path, "PNG holds one 2-D image; this is a volume of " + std::to_string(g.size[2]) +
                                        " slices (use .nii.gz)");
    const auto type = v.pixelType();
    if (type == viewer::PixelType::Int8 || type == viewer::PixelType::Int16 || type == viewer::PixelType::Int32 ||
        type == viewer::PixelType::Float32 || type == viewer::PixelType::Float64)
        throw viewer::IoError(path, std::string("PNG cannot store ") + viewer::toString(type) +
                                        " values without changing them (use .nii)");
    const double maximum = v.range().second;
    if (maximum > 65535)
        throw viewer::IoError(path, "values above 65535 do not fit in PNG (use .nii)");
    if (v.components() != 1 && v.components() != 3)
        throw viewer::IoError(path, "PNG takes grey or RGB images");
    const bool deep = type != viewer::PixelType::UInt8 && maximum > 255; // 16-bit only when needed
    const bool rgb = v.components() == 3;
    QImage image(g.size[0], g.size[1],
                 rgb ? (deep ? QImage::Format_RGBX64 : QImage::Format_RGB888)
                     : (deep ? QImage::Format_Grayscale16 : QImage::Format_Grayscale8));
    for (int y = 0; y < g.size[1]; ++y)
        for (int x = 0; x < g.size[0]; ++x) {
            if (!rgb && deep)
                reinterpret_cast<quint16*>(image.scanLine(y))[x] = quint16(v.valueAt(x, y, 0));
            else if (!rgb)
                image.scanLine(y)[x] = uchar(v.valueAt(x, y, 0));
            else if (deep)
                reinterpret_cast<QRgba64*>(image.scanLine(y))[x] = QRgba64::fromRgba64(
                    quint16(v.valueAt(x, y, 0, 0)), quint16(v.valueAt(x, y, 0, 1)), quint16(v.valueAt(x, y, 0, 2)), 65535);
            else
                for (int c = 0; c < 3; ++c)
                    image.scanLine(y)[x * 3 + c] = uchar(v.valueAt(x, y, 0, c));
        }
    QSaveFile file(output); // written to a temporary, renamed on commit
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        throw viewer::IoError(path, "cannot write: " + file.errorString().toStdString());
}

// LABELS (NIfTI, NRRD, MetaImage, with sidecar names and colours) -> DICOM SEG on `reference`.
void labelsToSeg(const QString& input, const QString& output, const QString& referenceDir, const QString& seriesUid)
{
    const std::string labelsPath = input.toStdString();
    if (!QFileInfo::exists(input))
        throw viewer::IoError(labelsPath, "no such file");
    const viewer::DicomSeries series =
        viewer::segmentationReferenceSeries(referenceDir.toStdString(), seriesUid.toStdString());
    const viewer::LabelMapLayer layer = viewer::loadLabelMap(labelsPath);
    const std::string mismatch = viewer::gridMismatch(layer.labels.geometry(), viewer::seriesGeometry(series));
    if (!mismatch.empty())
        throw viewer::IoError(labelsPath, "is not on the grid of the reference series in " + referenceDir.toStdString() +
                                              " (" + mismatch + "); resample it onto the series first");
    // Names from the .txt sidecar; unnamed labels are "Segment N".
    std::vector<viewer::LabelEntry> named;
    if (const auto txt = viewer::labelSidecar(labelsPath, ".txt"))
        named = viewer::readLabelNames(*txt);
    std::vector<viewer::SegmentDescription> segments = viewer::segmentDescriptions(layer.table);
    for (auto& d : segments) {
        const auto n = std::find_if(named.begin(), named.end(), [&](const auto& e) { return e.value == d.value; });
        d.name = n != named.end() && !n->name.empty() ? n->name : "Segment " + std::to_string(d.value);
    }
    viewer::DicomSegOptions options;
    options.softwareVersions = radpathVersion().toStdString();
    const viewer::DicomSegWriteResult written =
        viewer::writeDicomSeg(layer.labels, segments, series, output.toStdString(), options);
    for (size_t n = 0; n < written.segmentValues.size(); ++n)
        if (written.segmentValues[n] != int(n + 1)) {
            std::fprintf(stderr, "radpath-cli: note: label values become segments 1 to %zu in ascending order\n",
                         written.segmentValues.size());
            break;
        }
}

// Why a SEG conversion's command line cannot work, or nullptr when it can.
const char* segUsageProblem(bool segIn, bool segOut, bool labelsOut, bool hasReference)
{
    if (!hasReference)
        return "a DICOM SEG needs --reference SERIES_DIR, the series it is drawn on";
    if (!segOut && !labelsOut)
        return "a DICOM SEG converts to a label map .nii, .nii.gz, .nrrd or .mha";
    if (!segOut && !segIn)
        return "with --reference, convert writes a DICOM SEG (.dcm) from a label map, or a label map from a DICOM SEG";
    return nullptr;
}

// DICOM SEG -> label map on the grid of `reference`, with sidecar names and colours.
void segToLabels(const QString& input, const QString& output, const QString& referenceDir, const QString& seriesUid)
{
    const std::string segPath = input.toStdString();
    const viewer::DicomSeries series =
        viewer::segmentationReferenceSeries(referenceDir.toStdString(), seriesUid.toStdString(), segPath);
    const viewer::DicomSegContent content = viewer::readDicomSeg(segPath, series);
    for (const std::string& w : content.warnings)
        std::fprintf(stderr, "radpath-cli: warning: %s: %s\n", segPath.c_str(), w.c_str());
    viewer::writeLabelMap(content.labels, viewer::labelMapLayer(content, {}).table, output.toStdString());
}

} // namespace

int info(const QStringList& args)
{
    QStringList positional;
    QString series;
    if (!parse(args, 1, positional, series, "info PATH [--series UID]"))
        return 2;
    try {
        const Loaded loaded = load(positional[0], series);
        const viewer::Volume& v = loaded.volume;
        const auto& g = v.geometry();
        QJsonArray direction;
        for (double d : g.direction)
            direction.append(d);
        QJsonArray seriesList;
        for (const auto& s : loaded.series)
            seriesList.append(QJsonObject{{"uid", QString::fromStdString(s.seriesInstanceUid)},
                                          {"description", QString::fromStdString(s.seriesDescription)},
                                          {"modality", QString::fromStdString(s.modality)},
                                          {"images", int(s.slices.size())}});
        QJsonArray windows, warnings;
        for (const auto& w : v.info().windowPresets)
            windows.append(QJsonObject{{"name", QString::fromStdString(w.name)}, {"center", w.center}, {"width", w.width}});
        for (const auto& w : v.info().warnings)
            warnings.append(QString::fromStdString(w));
        const auto [lo, hi] = v.range();
        const QJsonObject out{
            {"kind", g.size[2] == 1 ? "image" : "volume"},
            {"reader", QString::fromStdString(loaded.reader)},
            {"size", QJsonArray{g.size[0], g.size[1], g.size[2]}},
            {"spacing", array3(g.spacing)},
            {"origin", array3(g.origin)},
            {"direction", direction},
            {"modality", QString::fromStdString(v.info().modality)},
            {"units", QString::fromStdString(v.info().units)},
            {"pixelType", viewer::toString(v.pixelType())},
            {"components", v.components()},
            {"range", QJsonArray{lo, hi}},
            {"windows", windows},
            {"warnings", warnings},
            {"series", seriesList},
        };
        std::fputs(QJsonDocument(out).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    } catch (const viewer::IoError& e) {
        std::fprintf(stderr, "radpath-cli: %s\n", e.what());
        return 1;
    }
}

int convert(const QStringList& args)
{
    QStringList positional;
    QString series, reference;
    if (!parse(args, 2, positional, series, "convert INPUT OUTPUT [--series UID] [--reference SERIES_DIR]", &reference))
        return 2;
    const QString output = positional[1];
    const QString suffix = output.toLower();
    const bool png = suffix.endsWith(".png");

    // DICOM SEG, either way, on the grid of a reference series.
    const bool segOut = suffix.endsWith(".dcm");
    const bool segIn = QFileInfo(positional[0]).isFile() && viewer::isDicomSeg(positional[0].toStdString());
    if (segOut || segIn || !reference.isEmpty()) {
        const bool labelsOut = suffix.endsWith(".nii") || suffix.endsWith(".nii.gz") || suffix.endsWith(".nrrd") ||
                               suffix.endsWith(".mha");
        if (const char* problem = segUsageProblem(segIn, segOut, labelsOut, !reference.isEmpty())) {
            std::fprintf(stderr, "radpath-cli convert: %s: %s\n", positional[segOut ? 1 : 0].toLocal8Bit().constData(),
                         problem);
            return 2;
        }
        try {
            if (segOut)
                labelsToSeg(positional[0], output, reference, series);
            else
                segToLabels(positional[0], output, reference, series);
            return 0;
        } catch (const viewer::IoError& e) {
            std::fprintf(stderr, "radpath-cli: %s\n", e.what());
            return 1;
        }
    }
    if (!png && !suffix.endsWith(".nii") && !suffix.endsWith(".nii.gz") && !suffix.endsWith(".nrrd") &&
        !suffix.endsWith(".mha")) {
        std::fprintf(stderr, "radpath-cli convert: %s: write .nii, .nii.gz, .nrrd, .mha or .png\n",
                     output.toLocal8Bit().constData());
        return 2;
    }
    try {
        const Loaded loaded = load(positional[0], series);
        if (png)
            writePng(loaded.volume, output);
        else if (loaded.volume.components() != 1)
            throw viewer::IoError(output.toStdString(), "colour images convert to .png only");
        else
            viewer::writeVolumeWithItk(loaded.volume, output.toStdString());
        return 0;
    } catch (const viewer::IoError& e) {
        std::fprintf(stderr, "radpath-cli: %s\n", e.what());
        return 1;
    }
}

} // namespace radpath::app::cli
