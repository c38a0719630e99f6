// The study browser dock: a folder imported through a job shows its series with thumbnails.

#include "app/core/AppSettings.h"
#include "app/core/JobRunner.h"
#include "app/gui/StudyBrowserDock.h"
#include "viewer/demo/CtPhantom.h"
#include "viewer/io/DicomSeriesWriter.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <algorithm>

using namespace radpath;

class StudyBrowserDockTest : public QObject {
    Q_OBJECT
private slots:
    void seriesRowsShowThumbnails()
    {
        QTemporaryDir dir;
        viewer::CtPhantomSpec spec;
        spec.size = 48;
        spec.slices = 6;
        spec.pixelMm = 4;
        spec.sliceMm = 5;
        viewer::DicomSeriesMeta meta;
        meta.studyDescription = "CT abdomen";
        viewer::writeCtSeries(viewer::makeCtPhantom(spec).volume, dir.filePath("in/ct").toStdString(), meta);

        app::AppSettings settings(dir.filePath("data"));
        app::JobRunner jobs(1);
        app::StudyBrowserDock dock(jobs, settings);
        dock.resize(560, 320);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QSignalSpy imported(&dock, &app::StudyBrowserDock::imported);
        dock.importFolder(dir.filePath("in"));
        QVERIFY(imported.wait(60000));
        QCOMPARE(imported.first().first().toInt(), 6);

        QTreeWidget* tree = dock.tree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem* study = tree->topLevelItem(0);
        QVERIFY(study->icon(0).isNull()); // studies have no picture of their own
        QCOMPARE(study->childCount(), 1);
        QTreeWidgetItem* series = study->child(0);
        QCOMPARE(series->text(4), QStringLiteral("6"));
        const QIcon icon = series->icon(0);
        QVERIFY(!icon.isNull());
        // The icon is the CT slice: dark air around a brighter body, not a blank square.
        const QImage shown = icon.pixmap(tree->iconSize()).toImage();
        int darkest = 255, brightest = 0;
        for (int y = 0; y < shown.height(); ++y)
            for (int x = 0; x < shown.width(); ++x) {
                darkest = std::min(darkest, qGray(shown.pixel(x, y)));
                brightest = std::max(brightest, qGray(shown.pixel(x, y)));
            }
        QVERIFY2(darkest < 20 && brightest > 200, qPrintable(QStringLiteral("%1..%2").arg(darkest).arg(brightest)));
        // The row is tall enough to show it.
        QVERIFY(tree->visualItemRect(series).height() >= tree->iconSize().height());
    }
};

QTEST_MAIN(StudyBrowserDockTest)
#include "StudyBrowserDockTest.moc"
