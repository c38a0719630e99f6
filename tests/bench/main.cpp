// radpath-bench SUITE: prints {"suite", "machine", "figures": [...]} as JSON.

#include "Bench.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>
#include <QThread>

#include <cstdio>
#include <memory>
#include <string>

namespace radpath::bench {

std::vector<Figure> startupSuite();
std::vector<Figure> demoSuite();
std::vector<Figure> dicomLoadSuite();
std::vector<Figure> firstFrameSuite();
std::vector<Figure> slideSuite();
std::vector<Figure> slideViewSuite();
std::vector<Figure> mprSuite();
std::vector<Figure> pacsSuite();
#ifdef RADPATH_BENCH_AI // built where LibTorch is
std::vector<Figure> aiSuite();
std::vector<Figure> trainSuite();
#endif

const std::vector<Suite>& suites()
{
    static const std::vector<Suite> list{
        {"startup", "start time and peak memory of radpath and radpath-cli, against loading LibTorch at start",
         startupSuite},
        {"demo", "wall time and peak memory of radpath-cli make-demo (full size, 5 runs)", demoSuite},
        {"dicom-load", "512x512x400 CT: convert vs dcm2niix, load vs ITK GDCM, memory growth", dicomLoadSuite},
        {"first-frame", "512x512x400 CT: opening to the middle slice on screen (needs a display)", firstFrameSuite},
        {"slide", "12000x9000 demo slide (make-demo --small): TileEngine tiles/s vs openslide_read_region, memory vs budget",
         slideSuite},
        {"slide-view", "50000x50000 demo slide, 1600x1000 view, 100k objects: frame time, jump to sharp, memory",
         slideViewSuite},
        {"mpr", "512^3 int16 CT, 512x512 view: axial, oblique and 10 mm MIP update times, memory; volume rendering at 800x800 "
                "(needs a display)",
         mprSuite},
        {"pacs", "demo CT (make-demo --small and full size): C-GET from a local Orthanc into a folder vs DCMTK getscu",
         pacsSuite},
#ifdef RADPATH_BENCH_AI
        {"ai", "LibTorch vs PyTorch eager (reference SimpleCNN), sliding-window overhead (3-D U-Net), slide tile "
               "classification vs a plain read-then-forward loop",
         aiSuite},
        {"train", "RadPath's trainer vs PyTorch eager (SimpleCNN, 3x224x224, batch 16, Adam), share of time waiting "
                  "for data on the demo dataset",
         trainSuite},
#endif
    };
    return list;
}

namespace {

QString machine()
{
    QString cpu;
    QFile info("/proc/cpuinfo");
    if (info.open(QIODevice::ReadOnly))
        for (const QByteArray& line : info.readAll().split('\n'))
            if (line.startsWith("model name")) {
                cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
                break;
            }
    return QStringLiteral("%1, %2 cores, %3").arg(cpu).arg(QThread::idealThreadCount()).arg(QSysInfo::prettyProductName());
}

} // namespace
} // namespace radpath::bench

int main(int argc, char** argv)
{
    using namespace radpath::bench;
    // Suites that drive widgets need a QApplication: offscreen unless a display is set.
    bool widgets = false;
    for (int i = 1; i < argc; ++i)
        widgets = widgets || std::string(argv[i]) == "slide-view" || std::string(argv[i]) == "mpr";
    if (widgets && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application(widgets ? new QApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication& app = *application;
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == "--help") {
        std::printf("Usage: radpath-bench SUITE | --list\n");
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == "--list") {
        for (const Suite& s : suites())
            std::printf("%-10s %s\n", qPrintable(s.name), qPrintable(s.summary));
        return 0;
    }
    for (const Suite& s : suites()) {
        if (s.name != args.first())
            continue;
        QJsonArray figures;
        for (const Figure& f : s.run())
            figures.append(f.toJson());
        const QJsonObject out{{"suite", s.name}, {"machine", machine()}, {"figures", figures}};
        std::printf("%s", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
        return 0;
    }
    std::fprintf(stderr, "radpath-bench: unknown suite '%s' (see radpath-bench --list)\n", qPrintable(args.first()));
    return 2;
}
