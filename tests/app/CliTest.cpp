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
        for (const char* command : {"make-demo", "info", "convert", "import", "ai-info", "version"})
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

    void makeDemoRefusesNonEmptyFolderAndBadArguments()
    {
        QTemporaryDir dir;
        QFile existing(dir.filePath("keep.txt"));
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("user data");
        existing.close();
        const Run r = run("radpath-cli", {"make-demo", dir.path()});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("not empty"));
        QVERIFY(QFile::exists(dir.filePath("keep.txt")));
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size(), 1);
        QCOMPARE(run("radpath-cli", {"make-demo"}).code, 2);
        QCOMPARE(run("radpath-cli", {"make-demo", dir.filePath("x"), "--colour"}).code, 2);
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
