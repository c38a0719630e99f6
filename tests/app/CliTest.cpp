// radpath-cli and radpath as programs: help, errors, make-demo, info, versions, AI module.

#include "viewer/io/DicomSeriesReader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace radpath::viewer;

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& args, int timeoutMs = 240000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(RADPATH_BIN_DIR "/") + program, args);
    if (!p.waitForFinished(timeoutMs))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromLocal8Bit(p.readAllStandardOutput()),
            QString::fromLocal8Bit(p.readAllStandardError())};
}

} // namespace

class CliTest : public QObject {
    Q_OBJECT
private slots:
    void helpListsEveryCommand()
    {
        const Run r = run("radpath-cli", {"--help"});
        QCOMPARE(r.code, 0);
        for (const char* command : {"make-demo", "info", "ai-info", "version"})
            QVERIFY2(r.out.contains(QLatin1String(command)), command);
    }

    void unknownCommandFails()
    {
        const Run r = run("radpath-cli", {"frobnicate"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("unknown command 'frobnicate'"));
        QCOMPARE(run("radpath-cli", {"--bogus"}).code, 2);
        QCOMPARE(run("radpath-cli", {}).code, 2);
    }

    void makeDemoWritesCtWithGroundTruth()
    {
        QTemporaryDir dir;
        const QString demo = dir.filePath("demo");
        const Run r = run("radpath-cli", {"make-demo", demo, "--small", "--seed", "5"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(QDir(demo + "/ct").entryList({"*.dcm"}).size(), 48);

        QFile truthFile(demo + "/ground-truth.json");
        QVERIFY(truthFile.open(QIODevice::ReadOnly));
        const QJsonObject truth = QJsonDocument::fromJson(truthFile.readAll()).object();
        QCOMPARE(truth["seed"].toInt(), 5);
        const QJsonArray lesions = truth["ct"].toObject()["lesions"].toArray();
        QVERIFY(lesions.size() >= 3);

        // Read back through DCMTK: right series, lesions where ground truth says, ~100 HU.
        const Volume volume = DicomSeriesReader().read((demo + "/ct").toStdString(), {});
        QCOMPARE(QString::fromStdString(volume.info().seriesInstanceUid), truth["ct"].toObject()["series"].toString());
        for (const auto& value : lesions) {
            const QJsonObject lesion = value.toObject();
            const QJsonArray c = lesion["center_mm"].toArray();
            const Vec3 idx = volume.geometry().physicalToIndex({c[0].toDouble(), c[1].toDouble(), c[2].toDouble()});
            // Mean over the 3x3x3 voxels at the centre: noise averages out.
            double sum = 0;
            for (int dk = -1; dk <= 1; ++dk)
                for (int dj = -1; dj <= 1; ++dj)
                    for (int di = -1; di <= 1; ++di)
                        sum += volume.valueAt(int(std::lround(idx[0])) + di, int(std::lround(idx[1])) + dj,
                                              int(std::lround(idx[2])) + dk);
            QVERIFY2(std::abs(sum / 27 - lesion["hu"].toDouble()) < 8.0, qPrintable(QString::number(sum / 27)));
        }

        // The same seed writes the same voxels; a non-empty folder needs --force.
        const Run again = run("radpath-cli", {"make-demo", demo, "--small", "--seed", "5"});
        QCOMPARE(again.code, 1);
        QVERIFY(again.err.contains("not empty"));
        QCOMPARE(run("radpath-cli", {"make-demo", demo, "--small", "--seed", "5", "--force"}).code, 0);
        const Volume second = DicomSeriesReader().read((demo + "/ct").toStdString(), {});
        QVERIFY(std::memcmp(second.data(), volume.data(), volume.byteSize()) == 0);

        const Run info = run("radpath-cli", {"info", demo + "/ct"});
        QCOMPARE(info.code, 0);
        QVERIFY2(info.out.contains("96 x 96 x 48 voxels"), qPrintable(info.out));
        QVERIFY(info.out.contains("2.0000 x 2.0000 x 2.0000 mm"));
    }

    void infoNamesAMissingOrBadFile()
    {
        QTemporaryDir dir;
        const Run missing = run("radpath-cli", {"info", dir.filePath("nothing.dcm")});
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains(dir.filePath("nothing.dcm")));
        QFile bad(dir.filePath("bad.dcm"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray(128, '\0') + "DICM" + QByteArray(20, '\x7f'));
        bad.close();
        const Run broken = run("radpath-cli", {"info", bad.fileName()});
        QCOMPARE(broken.code, 1);
        QVERIFY2(broken.err.contains(bad.fileName()), qPrintable(broken.err));
    }

    void versionsNameEveryLibrary()
    {
        const Run r = run("radpath-cli", {"--version"});
        QCOMPARE(r.code, 0);
        for (const char* lib : {"Qt", "VTK", "ITK", "DCMTK", "OpenSlide", "LibTorch", "CUDA"})
            QVERIFY2(r.out.contains(QLatin1String(lib)), lib);
        // The GUI program answers --version without a display.
        const Run gui = run("radpath", {"--version"});
        QCOMPARE(gui.code, 0);
        QVERIFY(gui.out.contains("VTK"));
    }

    void aiModuleLoadsOnDemand()
    {
        if (!QFile::exists(QStringLiteral(RADPATH_BIN_DIR "/../lib/radpath/libradpath_ai.so")))
            QSKIP("built without the AI module");
        const Run r = run("radpath-cli", {"ai-info", "--threads", "2"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("libtorch:"));
        QVERIFY(r.out.contains("threads:    2"));
        QVERIFY(r.out.contains("check:      ok"));
        // A wrong module directory gives a clear message, not a crash.
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("RADPATH_AI_MODULE_DIR", "/nonexistent");
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(RADPATH_BIN_DIR "/radpath-cli"), {"ai-info"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0); // the build tree's module is still found second
    }

    void cliDoesNotLinkLibTorch()
    {
        // ldd lists what is loaded at start: Torch must not be among it.
        for (const char* program : {"radpath-cli", "radpath"}) {
            QProcess ldd;
            ldd.start("ldd", {QStringLiteral(RADPATH_BIN_DIR "/") + program});
            QVERIFY(ldd.waitForFinished(30000));
            const QString libs = QString::fromLocal8Bit(ldd.readAllStandardOutput());
            QVERIFY(libs.contains("libQt6Core"));
            QVERIFY2(!libs.contains("libtorch") && !libs.contains("libc10"), program);
        }
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "CliTest.moc"
