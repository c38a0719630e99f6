// Settings persist in the data directory chosen by option or environment.

#include "app/core/AppSettings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace radpath::app;

class AppSettingsTest : public QObject {
    Q_OBJECT
private slots:
    void dataDirPrecedence()
    {
        QTemporaryDir a, b;
        qputenv("RADPATH_DATA_DIR", b.path().toLocal8Bit());
        QCOMPARE(AppSettings::resolveDataDir(a.path()), a.path());
        QCOMPARE(AppSettings::resolveDataDir(), b.path());
        qunsetenv("RADPATH_DATA_DIR");
    }

    void valuesPersistAcrossInstances()
    {
        QTemporaryDir dir;
        {
            AppSettings s(dir.filePath("state"));
            QCOMPARE(s.tileCacheMB(), 512);
            QCOMPARE(s.aiDevice(), QStringLiteral("cpu"));
            QCOMPARE(s.labelUndoBudgetMB(), 256);
            s.setTileCacheMB(1024);
            s.setLabelUndoBudgetMB(64);
            s.setWorkerThreads(3);
            s.setAiDevice("cuda");
            s.setLanguage("de");
            s.setTheme("dark");
            s.setSessionDocuments({"/a", "/b"});
            s.sync();
            QVERIFY(QFile::exists(dir.filePath("state/radpath.ini")));
        }
        AppSettings again(dir.filePath("state"));
        QCOMPARE(again.tileCacheMB(), 1024);
        QCOMPARE(again.workerThreads(), 3);
        QCOMPARE(again.aiDevice(), QStringLiteral("cuda"));
        QCOMPARE(again.language(), QStringLiteral("de"));
        QCOMPARE(again.theme(), QStringLiteral("dark"));
        QCOMPARE(again.labelUndoBudgetMB(), 64);
        QCOMPARE(again.sessionDocuments(), QStringList({"/a", "/b"}));
    }

    void invalidValuesAreClamped()
    {
        QTemporaryDir dir;
        AppSettings s(dir.path());
        s.setTileCacheMB(1);
        QCOMPARE(s.tileCacheMB(), 32);
        s.setWorkerThreads(0);
        QCOMPARE(s.workerThreads(), 1);
        s.setLabelUndoBudgetMB(0);
        QCOMPARE(s.labelUndoBudgetMB(), 16);
        s.setAiDevice("tpu");
        QCOMPARE(s.aiDevice(), QStringLiteral("cpu"));
    }

    void recentFilesAreMostRecentFirstWithoutDuplicates()
    {
        QTemporaryDir dir;
        AppSettings s(dir.path());
        for (int i = 0; i < 12; ++i)
            s.addRecentFile(QStringLiteral("/tmp/f%1").arg(i));
        s.addRecentFile("/tmp/f5");
        const QStringList recent = s.recentFiles();
        QCOMPARE(recent.size(), AppSettings::kMaxRecentFiles);
        QCOMPARE(recent.first(), QStringLiteral("/tmp/f5"));
        QCOMPARE(recent.count("/tmp/f5"), 1);
        QVERIFY(!recent.contains("/tmp/f0"));
    }
};

QTEST_GUILESS_MAIN(AppSettingsTest)
#include "AppSettingsTest.moc"
