// dicom-load: a 512 x 512 x 400 CT series (uncompressed, files in the page cache).
//  - radpath-cli convert DIR out.nii against dcm2niix -z n on the same folder;
//  - loading into a Volume against ITK's GDCM ImageSeriesReader, both in this process;
//  - resident memory growth of a load against the voxel bytes.

#include "Bench.h"

#include "viewer/demo/CtPhantom.h"
#include "viewer/io/DicomSeriesReader.h"
#include "viewer/io/DicomSeriesWriter.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <itkGDCMImageIO.h>
#include <itkGDCMSeriesFileNames.h>
#include <itkImage.h>
#include <itkImageSeriesReader.h>

#include <cstdio>

namespace radpath::bench {
namespace {

void warmCache(const QString& dir)
{
    QDirIterator it(dir, QDir::Files);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            while (!f.read(1 << 20).isEmpty()) {
            }
    }
}

double loadWithItk(const QString& dir)
{
    QElapsedTimer t;
    t.start();
    using Image = itk::Image<short, 3>;
    auto names = itk::GDCMSeriesFileNames::New();
    names->SetDirectory(dir.toStdString());
    const auto series = names->GetSeriesUIDs();
    auto reader = itk::ImageSeriesReader<Image>::New();
    reader->SetImageIO(itk::GDCMImageIO::New());
    reader->SetFileNames(names->GetFileNames(series.front()));
    reader->Update();
    return t.elapsed() / 1000.0;
}

double loadWithRadPath(const QString& dir)
{
    QElapsedTimer t;
    t.start();
    const viewer::Volume v = viewer::DicomSeriesReader().read(dir.toStdString(), {});
    return v.isNull() ? 1e9 : t.elapsed() / 1000.0;
}

QString writeBigSeries(const QDir& work)
{
    const QString dir = work.filePath("ct");
    if (!QDir(dir).exists()) {
        viewer::CtPhantomSpec spec;
        spec.size = 512;
        spec.slices = 400;
        spec.pixelMm = 0.7;
        spec.sliceMm = 0.8;
        std::fprintf(stderr, "writing a 512 x 512 x 400 CT series...\n");
        viewer::writeCtSeries(viewer::makeCtPhantom(spec).volume, dir.toStdString(), {});
    }
    warmCache(dir);
    return dir;
}

} // namespace

// first-frame: from the call that opens the series in radpath to its middle slice on
// screen. Needs a display (run under xvfb-run).
std::vector<Figure> firstFrameSuite()
{
    QTemporaryDir temporary;
    const QString keep = qEnvironmentVariable("RADPATH_BENCH_WORKDIR");
    const QDir work(keep.isEmpty() ? temporary.path() : keep);
    const QString dir = writeBigSeries(work);
    std::vector<double> ms;
    for (int i = 0; i < 5; ++i) {
        QProcess radpath;
        radpath.start(binDir() + "/radpath",
                      {"--data-dir", work.filePath("state"), "--no-restore", "--report-first-frame", dir});
        radpath.waitForFinished(120000);
        const QString out = QString::fromLocal8Bit(radpath.readAllStandardOutput());
        const int at = out.indexOf("first-frame-ms ");
        ms.push_back(at < 0 ? 1e9 : out.mid(at + 15).section('\n', 0, 0).toDouble());
    }
    Figure f{"open 512x512x400 CT to its middle slice on screen", median(ms), "ms", {}, {}, 150.0, {}};
    return {f};
}

std::vector<Figure> dicomLoadSuite()
{
    // RADPATH_BENCH_WORKDIR keeps the generated series (and reuses it) for profiling.
    QTemporaryDir temporary;
    const QString keep = qEnvironmentVariable("RADPATH_BENCH_WORKDIR");
    const QDir work(keep.isEmpty() ? temporary.path() : keep);
    const QString dir = writeBigSeries(work);
    const double voxelMB = 512.0 * 512.0 * 400.0 * 2.0 / (1024.0 * 1024.0);
    const QString cli = binDir() + "/radpath-cli";
    std::vector<double> convert, dcm2niix, ours, itk, growth;
    constexpr int kRuns = 5;
    for (int i = 0; i < kRuns; ++i) {
        // Both write a new file into an empty place: old outputs are removed untimed.
        QFile::remove(work.filePath("out.nii"));
        QDir(work.filePath("niix")).removeRecursively();
        QDir().mkpath(work.filePath("niix"));
        const ProcessCost a = runProcess(cli, {"convert", dir, work.filePath("out.nii")});
        const ProcessCost b =
            runProcess("/usr/bin/dcm2niix", {"-z", "n", "-o", work.filePath("niix"), "-f", "out", dir});
        convert.push_back(a.exitCode == 0 ? a.seconds : 1e9);
        dcm2niix.push_back(b.exitCode == 0 ? b.seconds : 1e9);
        ours.push_back(loadWithRadPath(dir));
        itk.push_back(loadWithItk(dir));
        const ProcessCost load = runProcess(cli, {"info", dir});
        const ProcessCost idle = runProcess(cli, {"--help"});
        growth.push_back((load.peakRssMB - idle.peakRssMB) / voxelMB);
    }
    Figure f1{"convert 512x512x400 CT to NIfTI", median(convert), "s", QString("dcm2niix -z n"), median(dcm2niix), 1.0, {}};
    Figure f2{"load 512x512x400 CT into a Volume", median(ours), "s", QString("ITK GDCM ImageSeriesReader"), median(itk), 0.5, {}};
    Figure f3{"resident memory growth of a load", median(growth), "x voxel bytes", {}, {}, 1.3, {}};
    return {f1, f2, f3};
}

} // namespace radpath::bench
