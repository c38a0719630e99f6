// radpath-cli make-demo: demonstration data with its ground truth, from a seed.

#include "app/cli/CliCommands.h"

#include "viewer/demo/CtPhantom.h"
#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/io/IoError.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>

namespace radpath::app::cli {
namespace {

viewer::TaskControl printingControl()
{
    viewer::TaskControl control;
    control.progress = [last = -1](double f, const std::string& stage) mutable {
        const int percent = int(f * 100);
        if (percent / 10 != last / 10 || percent == 100) {
            std::fprintf(stderr, "  %-20s %3d %%\n", stage.c_str(), percent);
            last = percent;
        }
    };
    return control;
}

bool writeJson(const QString& path, const QJsonObject& object)
{
    QSaveFile file(path); // written to a temporary, renamed on commit
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    return file.commit();
}

} // namespace

int makeDemo(const QStringList& args)
{
    QString dir;
    bool force = false, small = false;
    quint32 seed = 42;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--force"))
            force = true;
        else if (a == QLatin1String("--small"))
            small = true;
        else if (a == QLatin1String("--seed") && i + 1 < args.size())
            seed = args[++i].toUInt();
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
    QDir target(dir);
    if (target.exists() && !target.isEmpty() && !force) {
        std::fprintf(stderr, "radpath-cli make-demo: %s is not empty (use --force to write into it)\n",
                     QDir::toNativeSeparators(target.absolutePath()).toLocal8Bit().constData());
        return 1;
    }
    if (!QDir().mkpath(target.absolutePath())) {
        std::fprintf(stderr, "radpath-cli make-demo: cannot create %s\n", target.absolutePath().toLocal8Bit().constData());
        return 1;
    }

    try {
        viewer::CtPhantomSpec spec;
        spec.seed = seed;
        if (small) { // quick data for tests
            spec.size = 96;
            spec.slices = 48;
            spec.pixelMm = 2.0;
            spec.sliceMm = 2.0;
        }
        std::fprintf(stderr, "CT phantom %dx%dx%d\n", spec.size, spec.size, spec.slices);
        const viewer::CtPhantom ct = viewer::makeCtPhantom(spec, printingControl());
        const QString ctDir = target.filePath(QStringLiteral("ct"));
        QDir(ctDir).removeRecursively(); // --force: never mix two phantoms in one series folder
        viewer::DicomSeriesMeta meta;
        meta.studyDescription = "RadPath demo";
        meta.seriesDescription = "CT phantom with liver lesions";
        meta = viewer::writeCtSeries(ct.volume, ctDir.toStdString(), meta, printingControl());

        QJsonArray lesions;
        for (const auto& lesion : ct.lesions)
            lesions.append(QJsonObject{
                {"center_mm", QJsonArray{lesion.centerMm[0], lesion.centerMm[1], lesion.centerMm[2]}},
                {"radius_mm", lesion.radiusMm},
                {"hu", lesion.hu}});
        const QJsonObject truth{
            {"seed", qint64(seed)},
            {"ct", QJsonObject{{"series", QString::fromStdString(meta.seriesInstanceUid)}, {"lesions", lesions}}},
        };
        if (!writeJson(target.filePath(QStringLiteral("ground-truth.json")), truth))
            throw viewer::IoError(target.filePath(QStringLiteral("ground-truth.json")).toStdString(), "cannot write");
    } catch (const viewer::IoError& e) {
        std::fprintf(stderr, "radpath-cli make-demo: %s\n", e.what());
        return 1;
    }
    std::printf("demo data written to %s\n", QDir::toNativeSeparators(target.absolutePath()).toLocal8Bit().constData());
    return 0;
}

} // namespace radpath::app::cli
