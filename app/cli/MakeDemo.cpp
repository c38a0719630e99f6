// radpath-cli make-demo: demonstration data with its ground truth, from a seed.
//
// DIR/ct/                 CT phantom series (DICOM, one file per slice)
// DIR/ct-lesions.nii.gz   lesion label map on the CT grid
// DIR/dx/dx-normal.dcm, DIR/dx/dx-opacity.dcm
// DIR/slide/demo.svs, DIR/slide/demo.geojson
// DIR/dataset/{train,val}/{clear,opacity}/*.png
// DIR/ground-truth.json

#include "app/cli/CliCommands.h"

#include "pathology/demo/SlidePhantom.h"
#include "viewer/demo/CtPhantom.h"
#include "viewer/demo/DxPhantom.h"
#include "viewer/io/DicomDxWriter.h"
#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/io/IoError.h"
#include "viewer/io/ItkVolumeWriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace radpath::app::cli {
namespace {

struct DemoOptions {
    QDir target;
    quint32 seed = 42;
    bool small = false; ///< quick data for tests: smaller CT and slide, same layout
};

// One updating line per stage on a terminal; a line per quarter otherwise (logs).
void report(const char* stage, double fraction)
{
    static const bool terminal = isatty(STDERR_FILENO);
    static std::string lastStage;
    static int lastQuarter = -1;
    const int percent = int(fraction * 100);
    if (terminal) {
        std::fprintf(stderr, "\r  %-24s %3d %%%s", stage, percent, fraction >= 1.0 ? "\n" : "");
        std::fflush(stderr);
        return;
    }
    if (lastStage != stage)
        lastStage = stage, lastQuarter = -1;
    if (percent / 25 != lastQuarter) {
        lastQuarter = percent / 25;
        std::fprintf(stderr, "  %-24s %3d %%\n", stage, percent);
    }
}

viewer::TaskControl progressFor(const char* stage)
{
    viewer::TaskControl control;
    control.progress = [stage, last = -1](double f, const std::string&) mutable {
        if (int(f * 100) != last)
            report(stage, f);
        last = int(f * 100);
    };
    return control;
}

void saveAtomically(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path); // a temporary, renamed on commit
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw viewer::IoError(path.toStdString(), "cannot write: " + file.errorString().toStdString());
}

QJsonObject writeCt(const DemoOptions& o)
{
    viewer::CtPhantomSpec spec;
    spec.seed = o.seed;
    if (o.small) {
        spec.size = 96;
        spec.slices = 64;
        spec.pixelMm = 2.0;
        spec.sliceMm = 2.0;
        spec.lesionRadiusMm = 10.0;
    }
    const viewer::CtPhantom ct = viewer::makeCtPhantom(spec, progressFor("CT phantom"));
    const QString ctDir = o.target.filePath("ct");
    QDir(ctDir).removeRecursively(); // --force: never mix two phantoms in one series folder
    viewer::DicomSeriesMeta meta;
    meta.studyDescription = "RadPath demo";
    meta.seriesDescription = "CT phantom with liver lesions";
    meta = viewer::writeCtSeries(ct.volume, ctDir.toStdString(), meta, progressFor("CT series"));
    viewer::writeVolumeWithItk(ct.lesionLabels, o.target.filePath("ct-lesions.nii.gz").toStdString());
    report("CT lesion labels", 1.0);

    QJsonArray lesions;
    for (const auto& lesion : ct.lesions)
        lesions.append(QJsonObject{{"center_mm", QJsonArray{lesion.centerMm[0], lesion.centerMm[1], lesion.centerMm[2]}},
                                   {"radius_mm", lesion.radiusMm},
                                   {"hu", lesion.hu}});
    return {{"series", QString::fromStdString(meta.seriesInstanceUid)}, {"lesions", lesions}};
}

QJsonObject writeDx(const DemoOptions& o)
{
    const QString dir = o.target.filePath("dx");
    QDir().mkpath(dir);
    viewer::DicomSeriesMeta meta;
    meta.patientId = "RP-DEMO-0002";
    meta.studyDescription = "RadPath demo chest radiographs";
    QJsonObject truth;
    for (bool opacity : {false, true}) {
        viewer::ChestSpec spec;
        spec.seed = o.seed; // same anatomy and noise in both
        spec.withOpacity = opacity;
        const viewer::ChestImage image = viewer::makeChestImage(spec);
        const QString name = opacity ? "dx-opacity.dcm" : "dx-normal.dcm";
        meta.seriesDescription = opacity ? "Chest PA, opacity" : "Chest PA";
        meta.seriesInstanceUid.clear();
        meta.seriesNumber = opacity ? 2 : 1;
        meta = viewer::writeDxImage(image, 0.2, {2000, 3600}, QDir(dir).filePath(name).toStdString(), meta);
        QJsonObject entry{{"opacity", opacity}};
        if (opacity) {
            entry["center_px"] = QJsonArray{image.opacity.centerX, image.opacity.centerY};
            entry["radius_px"] = image.opacity.radius;
        }
        truth[name] = entry;
        report("DX radiographs", opacity ? 1.0 : 0.5);
    }
    return truth;
}

QJsonObject writeSlide(const DemoOptions& o)
{
    const QString dir = o.target.filePath("slide");
    QDir().mkpath(dir);
    pathology::SlidePhantomSpec spec;
    spec.seed = o.seed;
    if (o.small) {
        spec.width = 12000;
        spec.height = 9000;
    }
    const pathology::SlidePhantom slide = pathology::writeSlidePhantom(
        QDir(dir).filePath("demo.svs").toStdString(), spec, [](double f) { report("slide", f); });

    // QuPath GeoJSON: one polygon annotation per tumour region, level-0 pixels.
    QJsonArray features;
    for (const auto& region : slide.tumours) {
        QJsonArray ring;
        for (const auto& [x, y] : region.outline)
            ring.append(QJsonArray{x, y});
        ring.append(ring.first()); // closed ring
        features.append(QJsonObject{
            {"type", "Feature"},
            {"geometry", QJsonObject{{"type", "Polygon"}, {"coordinates", QJsonArray{ring}}}},
            {"properties", QJsonObject{{"objectType", "annotation"},
                                       {"classification", QJsonObject{{"name", "Tumor"}, {"color", QJsonArray{200, 0, 0}}}}}},
        });
    }
    saveAtomically(QDir(dir).filePath("demo.geojson"),
                   QJsonDocument(QJsonObject{{"type", "FeatureCollection"}, {"features", features}}).toJson());
    return {{"tumour_regions", int(slide.tumours.size())},
            {"tumour_area_um2", slide.tumourAreaUm2},
            {"width", spec.width},
            {"height", spec.height},
            {"mpp", spec.mpp}};
}

QJsonObject writeDataset(const DemoOptions& o)
{
    constexpr int kSize = 96, kTrain = 120, kVal = 40;
    QJsonObject counts;
    int done = 0;
    const int total = 2 * (kTrain + kVal);
    for (const char* split : {"train", "val"})
        for (const char* label : {"clear", "opacity"}) {
            const QString dir = o.target.filePath(QStringLiteral("dataset/%1/%2").arg(split, label));
            QDir(dir).removeRecursively();
            QDir().mkpath(dir);
            const int n = QString(split) == "train" ? kTrain : kVal;
            for (int i = 0; i < n; ++i) {
                viewer::ChestSpec spec;
                spec.width = spec.height = kSize;
                spec.noiseSd = 60.0;
                spec.varyAnatomy = true;
                spec.withOpacity = QString(label) == "opacity";
                // Distinct seeds per split and class: no image appears twice.
                spec.seed = o.seed * 100003u + (QString(split) == "val" ? 50000u : 0u) +
                            (spec.withOpacity ? 20000u : 0u) + quint32(i);
                const viewer::ChestImage image = viewer::makeChestImage(spec);
                QImage png(kSize, kSize, QImage::Format_Grayscale8);
                for (int y = 0; y < kSize; ++y)
                    for (int x = 0; x < kSize; ++x)
                        png.scanLine(y)[x] = uchar(image.pixels[size_t(y * kSize + x)] >> 4);
                QSaveFile file(QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(label).arg(i, 4, 10, QChar('0'))));
                if (!file.open(QIODevice::WriteOnly) || !png.save(&file, "PNG") || !file.commit())
                    throw viewer::IoError(file.fileName().toStdString(), "cannot write PNG");
                report("dataset", double(++done) / total);
            }
            counts[QStringLiteral("%1/%2").arg(split, label)] = n;
        }
    return {{"image_size", kSize}, {"counts", counts}};
}

} // namespace

int makeDemo(const QStringList& args)
{
    DemoOptions options;
    QString dir;
    bool force = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--force"))
            force = true;
        else if (a == QLatin1String("--small"))
            options.small = true;
        else if (a == QLatin1String("--seed") && i + 1 < args.size())
            options.seed = args[++i].toUInt();
        else if (!a.startsWith(QLatin1String("--")) && dir.isEmpty())
            dir = a;
        else {
            std::fprintf(stderr, "radpath-cli make-demo: unknown argument '%s'\n", a.toLocal8Bit().constData());
            return 2;
        }
    }
    if (dir.isEmpty()) {
        std::fputs("usage: radpath-cli make-demo DIR [--seed N] [--force] [--small]\n", stderr);
        return 2;
    }
    options.target = QDir(dir);
    const QString absolute = QDir::toNativeSeparators(options.target.absolutePath());
    if (options.target.exists() && !options.target.isEmpty() && !force) {
        std::fprintf(stderr, "radpath-cli make-demo: %s is not empty (use --force to write into it)\n",
                     absolute.toLocal8Bit().constData());
        return 1;
    }
    if (!QDir().mkpath(options.target.absolutePath())) {
        std::fprintf(stderr, "radpath-cli make-demo: cannot create %s\n", absolute.toLocal8Bit().constData());
        return 1;
    }

    QElapsedTimer clock;
    clock.start();
    try {
        QJsonObject truth{{"seed", qint64(options.seed)}};
        truth["ct"] = writeCt(options);
        truth["dx"] = writeDx(options);
        truth["dataset"] = writeDataset(options);
        truth["slide"] = writeSlide(options);
        saveAtomically(options.target.filePath("ground-truth.json"), QJsonDocument(truth).toJson(QJsonDocument::Indented));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "\nradpath-cli make-demo: %s\n", e.what());
        return 1;
    }
    std::printf("demo data written to %s in %.1f s\n", absolute.toLocal8Bit().constData(), clock.elapsed() / 1000.0);
    return 0;
}

} // namespace radpath::app::cli
