// pacs: retrieving a CT study by C-GET from a local Orthanc (tests/viewer/OrthancFixture) into
// an empty folder, no database import, against DCMTK's getscu doing the same in the same run:
//  - the CT of `make-demo --small` (96x96x64, 64 files) and the full-size demo CT
//    (256x256x160, 160 files), both uncompressed;
//  - radpath-cli pacs get (a process, like getscu) and DimseClient::get in this process;
//  - rounds interleaved (A B A B ...), the order alternating, medians; throughput is the
//    series' bytes over wall time.
//    Orthanc and getscu run with TCP_NODELAY=1, as RadPath's own connections behave
//    (Debian's DCMTK leaves Nagle's algorithm on by default).

#include "Bench.h"

#include "OrthancFixture.h"
#include "viewer/demo/CtPhantom.h"
#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/net/DimseClient.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

namespace radpath::bench {
namespace {

constexpr const char* kGetscu = "/usr/bin/getscu";

struct Study {
    QString label;
    std::string uid;
    int files = 0;
    double megabytes = 0.0;
};

// Writes the phantom CT as DICOM files and sends them to Orthanc.
Study storeCt(const test::OrthancFixture& orthanc, const viewer::CtPhantomSpec& spec, const QString& dir,
              const QString& label)
{
    viewer::DicomSeriesMeta meta;
    meta.patientId = ("RP-BENCH-" + label).toStdString();
    meta.studyDescription = "RadPath PACS benchmark";
    meta = viewer::writeCtSeries(viewer::makeCtPhantom(spec).volume, dir.toStdString(), meta);
    Study study{label, meta.studyInstanceUid};
    std::vector<std::string> files;
    QDirIterator it(dir, QDir::Files);
    while (it.hasNext()) {
        files.push_back(it.next().toStdString());
        study.megabytes += double(QFileInfo(it.filePath()).size()) / 1e6;
    }
    study.files = int(files.size());
    viewer::net::PacsNode node;
    node.aeTitle = "ORTHANC";
    node.host = "127.0.0.1";
    node.port = orthanc.dicomPort();
    viewer::net::DimseClient(node).store(files);
    return study;
}

int dcmFilesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files).size();
}

} // namespace

std::vector<Figure> pacsSuite()
{
    if (!QFileInfo(kGetscu).isExecutable()) {
        std::fprintf(stderr, "radpath-bench: %s is missing: install the Debian package 'dcmtk'\n", kGetscu);
        return {};
    }
    test::OrthancFixture orthanc;
    QString error;
    if (!orthanc.start(&error)) {
        std::fprintf(stderr, "radpath-bench: %s\n", qPrintable(error));
        return {};
    }
    QTemporaryDir work;
    viewer::CtPhantomSpec small; // make-demo --small
    small.size = 96;
    small.slices = 64;
    small.pixelMm = 2.0;
    small.sliceMm = 2.0;
    small.lesionRadiusMm = 10.0;
    const viewer::CtPhantomSpec full; // make-demo
    std::vector<Study> studies;
    try {
        studies.push_back(storeCt(orthanc, small, QDir(work.path()).filePath("small"), "small"));
        studies.push_back(storeCt(orthanc, full, QDir(work.path()).filePath("full"), "full"));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "radpath-bench: cannot fill Orthanc: %s\n", e.what());
        return {};
    }

    viewer::net::PacsNode node;
    node.aeTitle = "ORTHANC";
    node.host = "127.0.0.1";
    node.port = orthanc.dicomPort();
    const viewer::net::DimseClient client(node);
    const QString port = QString::number(orthanc.dicomPort());
    int round = 0;
    // One retrieve into a fresh folder; seconds, or 1e9 when it did not bring every file.
    const auto timed = [&](const Study& s, const char* how) {
        const QString out = QDir(work.path()).filePath(QStringLiteral("out-%1").arg(++round));
        double seconds = 1e9;
        if (std::string(how) == "getscu") {
            QDir().mkpath(out); // getscu writes into an existing folder
            // TCP_NODELAY=1: getscu at its best (RadPath disables Nagle's algorithm itself).
            const ProcessCost c =
                runProcess(kGetscu,
                           {"-aet", "RADPATH", "-aec", "ORTHANC", "-k", "QueryRetrieveLevel=STUDY", "-k",
                            "StudyInstanceUID=" + QString::fromStdString(s.uid), "-od", out, "127.0.0.1", port},
                           {"TCP_NODELAY=1"});
            seconds = c.exitCode == 0 ? c.seconds : 1e9;
        } else if (std::string(how) == "cli") {
            const ProcessCost c = runProcess(binDir() + "/radpath-cli",
                                             {"pacs", "get", "--host", "127.0.0.1", "--port", port, "--aet", "ORTHANC",
                                              "--study", QString::fromStdString(s.uid), "--out", out});
            seconds = c.exitCode == 0 ? c.seconds : 1e9;
        } else {
            QElapsedTimer t;
            t.start();
            try {
                client.get(s.uid, {}, out.toStdString());
                seconds = t.elapsed() / 1000.0;
            } catch (const std::exception& e) {
                std::fprintf(stderr, "radpath-bench: %s\n", e.what());
            }
        }
        const int files = dcmFilesIn(out);
        QDir(out).removeRecursively();
        return files == s.files ? seconds : 1e9;
    };

    std::vector<Figure> figures;
    for (const Study& s : studies) {
        const int rounds = s.label == "small" ? 9 : 5;
        std::vector<double> cli, inProcess, getscu;
        timed(s, "cli"); // warm-up: page cache, Orthanc's caches
        timed(s, "getscu");
        for (int i = 0; i < rounds; ++i) {
            const auto one = [&](const char* how, std::vector<double>& into) {
                into.push_back(s.megabytes / timed(s, how));
            };
            if (i % 2)
                one("getscu", getscu), one("cli", cli), one("process", inProcess);
            else
                one("cli", cli), one("process", inProcess), one("getscu", getscu);
            std::fprintf(stderr, "%s CT, round %d: radpath-cli %.1f MB/s, in process %.1f MB/s, getscu %.1f MB/s\n",
                         qPrintable(s.label), i + 1, cli.back(), inProcess.back(), getscu.back());
        }
        const QString what = QStringLiteral("C-GET of the %1 demo CT (%2 files, %3 MB, uncompressed) from a local "
                                            "Orthanc into a folder")
                                 .arg(s.label == "small" ? "make-demo --small" : "full-size make-demo")
                                 .arg(s.files)
                                 .arg(s.megabytes, 0, 'f', 1);
        const QString anchor = QStringLiteral("DCMTK getscu, same study, same run");
        figures.push_back({"radpath-cli pacs get, " + what, median(cli), "MB/s", anchor, median(getscu), {}, 0.9});
        figures.push_back(
            {"DimseClient::get in process, " + what, median(inProcess), "MB/s", anchor, median(getscu), {}, 0.9});
    }
    return figures;
}

} // namespace radpath::bench
