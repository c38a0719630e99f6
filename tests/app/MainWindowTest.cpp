// The main window driven as a user would: menus, opening a CT series into a tab, a clear
// message for a broken file, settings, and the session restored at the next start.

#include "GuiTestSupport.h"
#include "app/core/AppSettings.h"
#include "app/core/JobRunner.h"
#include "app/gui/AboutDialog.h"
#include "app/gui/MainWindow.h"
#include "app/gui/MeasurementsDock.h"
#include "app/gui/SettingsDialog.h"
#include "app/gui/StudyBrowserDock.h"
#include "viewer/demo/CtPhantom.h"
#include "viewer/io/DicomSeriesWriter.h"
#include "app/gui/MeasurementStore.h"
#include "viewer/db/StudyDatabase.h"
#include "viewer/model/Measurement.h"
#include "pathology/annotation/AnnotationFile.h"
#include "pathology/demo/SlidePhantom.h"
#include "pathology/view/SlideDocumentView.h"
#include "pathology/view/SlideView.h"
#include "viewer/view/SliceGrid.h"
#include "viewer/view/SliceView.h"
#include "viewer/render/VtkWidget.h"
#include "viewer/view/VolumeView.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QMimeData>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace radpath::app;
using radpath::test::saveScreenshot;

namespace {

QString writeSmallCt(const QString& dir)
{
    radpath::viewer::CtPhantomSpec spec;
    spec.size = 48;
    spec.slices = 24;
    spec.pixelMm = 3.0;
    spec.sliceMm = 3.0;
    radpath::viewer::writeCtSeries(radpath::viewer::makeCtPhantom(spec).volume, dir.toStdString(), {});
    return dir;
}

// Opens `path` in a shown window; its view once the whole series is there, else nullptr.
radpath::viewer::VolumeView* openAndWait(MainWindow& window, const QString& path)
{
    const int before = window.tabs()->count();
    window.openPaths({path});
    if (!QTest::qWaitFor([&] { return window.tabs()->count() == before + 1; }, 20000))
        return nullptr;
    auto* view = qobject_cast<radpath::viewer::VolumeView*>(window.tabs()->widget(before));
    if (!view || !QTest::qWaitFor([&] { return !view->isLoading(); }, 20000))
        return nullptr;
    return view;
}

// RADPATH_SCREENSHOT_DIR set: saves the window there, to be looked at.
} // namespace

class MainWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { m_ct = writeSmallCt(m_dir.filePath("ct")); }

    void menusAreThere()
    {
        AppSettings settings(m_dir.filePath("state-menus"));
        JobRunner jobs(2);
        MainWindow window(settings, jobs);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList titles;
        for (QAction* action : window.menuBar()->actions())
            titles << action->text().remove('&');
        QCOMPARE(titles, QStringList({"File", "View", "Tools", "Help"}));
    }

    void opensCtSeriesIntoTab()
    {
        AppSettings settings(m_dir.filePath("state-open"));
        JobRunner jobs(2);
        MainWindow window(settings, jobs);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openPaths({m_ct});
        QTRY_COMPARE_WITH_TIMEOUT(window.tabs()->count(), 1, 20000);
        auto* view = qobject_cast<radpath::viewer::VolumeView*>(window.tabs()->widget(0));
        QVERIFY(view);
        // The tab comes with the middle slice; the rest of the series follows.
        QCOMPARE(view->volume().geometry().size, (std::array<int, 3>{48, 48, 24}));
        QCOMPARE(view->slice(), 12);
        QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading(), 20000);
        QTRY_VERIFY(!settings.recentFiles().isEmpty());
        QCOMPARE(window.openDocuments(), QStringList({m_ct}));
        QCOMPARE(settings.recentFiles().first(), m_ct);
        // Opening it again shows the open tab instead of a second copy.
        window.openPaths({m_ct});
        QTest::qWait(200);
        QCOMPARE(window.tabs()->count(), 1);
    }

    void brokenFileGivesMessageNamingIt()
    {
        AppSettings settings(m_dir.filePath("state-broken"));
        JobRunner jobs(2);
        MainWindow window(settings, jobs);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString bad = m_dir.filePath("broken.dcm");
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(128, '\0') + "DICM" + QByteArray(64, '\x11'));
        file.close();
        QSignalSpy errors(&window, &MainWindow::errorShown);
        window.openPaths({bad, m_dir.filePath("does-not-exist.nii")});
        QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 2, 20000);
        QStringList messages;
        for (const auto& e : errors)
            messages << e.first().toString();
        QVERIFY(messages.join('\n').contains(bad));
        QVERIFY(messages.join('\n').contains("does-not-exist.nii"));
        QMessageBox* box = window.findChild<QMessageBox*>("errorMessage");
        QVERIFY(box && box->isVisible());
        QCOMPARE(window.tabs()->count(), 0);
        // The window still works: a good series opens after the failures.
        window.openPaths({m_ct});
        QTRY_COMPARE_WITH_TIMEOUT(window.tabs()->count(), 1, 20000);
    }

    void droppedFolderOpens()
    {
        AppSettings settings(m_dir.filePath("state-drop"));
        JobRunner jobs(2);
        MainWindow window(settings, jobs);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(m_ct)});
        const QPoint at = window.rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &drop);
        QTRY_COMPARE_WITH_TIMEOUT(window.tabs()->count(), 1, 20000);
        QCOMPARE(window.openDocuments(), QStringList({m_ct}));
    }

    void studyBrowserImportsAndOpens()
    {
        AppSettings settings(m_dir.filePath("state-studies"));
        JobRunner jobs(2);
        MainWindow window(settings, jobs);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.studies()->show();
        window.studies()->raise();
        QSignalSpy imported(window.studies(), &StudyBrowserDock::imported);
        window.studies()->importFolder(m_ct);
        QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 1, 20000);
        QCOMPARE(imported.first().first().toInt(), 24);
        QTreeWidget* tree = window.studies()->tree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem* series = tree->topLevelItem(0)->child(0);
        QVERIFY(series);
        QCOMPARE(series->text(4), QStringLiteral("24"));
        QTRY_VERIFY(tree->isVisible());
        tree->scrollToItem(series);
        QTest::qWait(50);
        // The first column's text: inside the viewport however narrow the dock is.
        const QRect rect = tree->visualItemRect(series);
        const QPoint at(rect.left() + 8, rect.center().y());
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QCOMPARE(tree->currentItem(), series);
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QTRY_COMPARE_WITH_TIMEOUT(window.tabs()->count(), 1, 20000);
        auto* view = qobject_cast<radpath::viewer::VolumeView*>(window.tabs()->widget(0));
        QCOMPARE(view->volume().geometry().size[2], 24);
    }

    void lengthMeasuredInTheViewIsListedAndExported()
    {
        AppSettings settings(m_dir.filePath("state-measure"));
        JobRunner jobs(2);
        MainWindow window(settings, jobs);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openPaths({m_ct});
        QTRY_COMPARE_WITH_TIMEOUT(window.tabs()->count(), 1, 20000);
        auto* view = qobject_cast<radpath::viewer::VolumeView*>(window.tabs()->widget(0));
        // The user picks the Length tool and drags across the slice.
        QTest::mouseClick(view->findChild<QToolButton*>("lengthTool"), Qt::LeftButton);
        QWidget* slice = view->sliceWidget();
        QTest::qWait(50);
        const QPoint a(slice->width() / 2 - 40, slice->height() / 2), b(slice->width() / 2 + 40, slice->height() / 2);
        QTest::mousePress(slice, Qt::LeftButton, Qt::NoModifier, a);
        QTest::mouseMove(slice, b);
        QTest::mouseRelease(slice, Qt::LeftButton, Qt::NoModifier, b);
        QCOMPARE(view->sliceView()->measurements().size(), size_t(1));
        const double mm = view->sliceView()->measurements().front().lengthMm();
        QVERIFY(mm > 1.0);
        QTableWidget* table = window.measurements()->table();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("%1 mm").arg(mm, 0, 'f', 2));
        const QString csv = m_dir.filePath("measurements.csv");
        QVERIFY(window.measurements()->exportCsv(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[1].split(',')[3].toDouble(), QString::number(mm, 'f', 3).toDouble());
    }

    void measurementsAreKeptWithTheSeries()
    {
        AppSettings settings(m_dir.filePath("state-keep"));
        double area = 0;
        {
            JobRunner jobs(2);
            MainWindow window(settings, jobs);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto* view = openAndWait(window, m_ct);
            QVERIFY(view);
            QTest::mouseClick(view->findChild<QToolButton*>("rectangleTool"), Qt::LeftButton);
            QWidget* slice = view->sliceWidget();
            QTest::qWait(50);
            const QPoint a(slice->width() / 2 - 40, slice->height() / 2 - 30), b(slice->width() / 2 + 40, slice->height() / 2 + 30);
            QTest::mousePress(slice, Qt::LeftButton, Qt::NoModifier, a);
            QTest::mouseMove(slice, b);
            QTest::mouseRelease(slice, Qt::LeftButton, Qt::NoModifier, b);
            QCOMPARE(view->sliceView()->measurements().size(), size_t(1));
            area = view->sliceView()->measurements().front().areaMm2();
            QVERIFY(area > 10);
            // The table shows the region's statistics; the phantom's body is soft tissue.
            QTableWidget* table = window.measurements()->table();
            QCOMPARE(table->rowCount(), 1);
            QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Rectangle"));
            QCOMPARE(table->item(0, 4)->text().toDouble(), QString::number(view->sliceView()->measurementStatistics(0).mean, 'f', 1).toDouble());
            saveScreenshot(window, "measurements");
            window.close(); // saves what is pending
        }
        {
            JobRunner jobs(2);
            MainWindow window(settings, jobs);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto* view = openAndWait(window, m_ct);
            QVERIFY(view);
            QCOMPARE(view->sliceView()->measurements().size(), size_t(1));
            QCOMPARE(view->sliceView()->measurements().front().areaMm2(), area);
            QCOMPARE(window.measurements()->table()->rowCount(), 1);
        }
    }

    void seriesSideBySideScrollTogether()
    {
        // A second series of the same patient space, with slices twice as thick.
        radpath::viewer::CtPhantomSpec spec;
        spec.size = 48;
        spec.slices = 12;
        spec.pixelMm = 3.0;
        spec.sliceMm = 6.0;
        const QString thick = m_dir.filePath("ct-thick");
        const auto first = radpath::viewer::writeCtSeries(radpath::viewer::makeCtPhantom(spec).volume, thick.toStdString(), {});
        AppSettings settings(m_dir.filePath("state-grid"));
        JobRunner jobs(2);
        MainWindow window(settings, jobs);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Both series in one frame of reference: the thin one rewritten with the thick one's.
        radpath::viewer::DicomSeriesMeta meta;
        meta.frameOfReferenceUid = first.frameOfReferenceUid;
        const QString thin = m_dir.filePath("ct-thin");
        spec.slices = 24;
        spec.sliceMm = 3.0;
        radpath::viewer::writeCtSeries(radpath::viewer::makeCtPhantom(spec).volume, thin.toStdString(), meta);
        radpath::viewer::VolumeView* thinTab = openAndWait(window, thin);
        QVERIFY(thinTab);
        QVERIFY(openAndWait(window, thick));

        window.findChild<QAction*>("layout1x2")->trigger();
        QCOMPARE(window.tabs()->count(), 3);
        radpath::viewer::SliceGrid* grid = window.grid();
        QVERIFY(grid);
        QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget*>(grid));
        QCOMPARE(grid->cellCount(), 2);
        QVERIFY(grid->cellSource(0) >= 0 && grid->cellSource(1) >= 0);
        QCOMPARE(window.openDocuments().size(), 2); // the grid is not a document
        // Scrolling the thin series moves the thick one to the same patient position.
        radpath::viewer::SliceView* a = grid->cell(0);
        radpath::viewer::SliceView* b = grid->cell(1);
        radpath::viewer::SliceView* thinView = a->sliceCount() == 24 ? a : b;
        radpath::viewer::SliceView* thickView = thinView == a ? b : a;
        QCOMPARE(thickView->sliceCount(), 12);
        thinView->setSlice(20);
        const auto zOf = [](radpath::viewer::SliceView* v) {
            return v->volume().geometry().indexToPhysical({0, 0, double(v->slice())})[2];
        };
        QVERIFY2(std::abs(zOf(thinView) - zOf(thickView)) <= 3.0 + 1e-6, qPrintable(QString::number(zOf(thickView))));
        saveScreenshot(window, "side-by-side");

        // One series in a tab and in a cell: one list of measurements, saved once.
        const radpath::viewer::Measurement length{radpath::viewer::MeasurementKind::Length, 3, {{0, 0, 9}, {10, 0, 9}}};
        thinTab->sliceView()->setMeasurements({length});
        QCOMPARE(thinView->measurements().size(), size_t(1));
        QCOMPARE(thinView->measurements().front().points, length.points);
        // Growing and shrinking the grid loses nothing.
        window.findChild<QAction*>("layout2x2")->trigger();
        window.findChild<QAction*>("layout1x2")->trigger();
        QCOMPARE(grid->cellCount(), 2);
        window.measurementStore()->flush();
        const QString key = MeasurementStore::keyFor(thinTab->sliceView(), thin);
        const auto saved = radpath::viewer::measurementsFromJson(
            radpath::viewer::StudyDatabase(settings.studyDatabaseFile()).measurements(key).toStdString());
        QCOMPARE(saved.size(), size_t(1));
        QCOMPARE(saved.front().points, length.points);

        window.findChild<QAction*>("layout1x1")->trigger();
        QCOMPARE(window.tabs()->count(), 2);
        QVERIFY(!window.grid());
    }

    void tiltedSeriesOffersResampling()
    {
        // 12 slices 2.5 mm apart, tilted 20 degrees: each 0.91 mm further posterior.
        using namespace radpath::viewer;
        const double gap = 2.5, shift = gap * std::tan(20.0 * M_PI / 180.0), step = std::hypot(gap, shift);
        ImageGeometry g;
        g.size = {32, 32, 12};
        g.spacing = {1.0, 1.0, step};
        g.direction = {1, 0, 0, 0, 1, shift / step, 0, 0, gap / step};
        Volume tilted(PixelType::Int16, g);
        std::int16_t* hu = tilted.voxels<std::int16_t>();
        for (size_t n = 0; n < tilted.voxelCount(); ++n)
            hu[n] = std::int16_t(n % 32 < 16 ? 0 : 100);
        const QString dir = m_dir.filePath("ct-tilted");
        writeCtSeries(tilted, dir.toStdString(), {});

        AppSettings settings(m_dir.filePath("state-tilt"));
        JobRunner jobs(2);
        MainWindow window(settings, jobs);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* view = openAndWait(window, dir);
        QVERIFY(view);
        QTRY_VERIFY(view->findChild<QWidget*>("loaderNotice")->isVisible());
        auto* resample = view->findChild<QToolButton*>("resampleButton");
        QVERIFY(resample->isVisible());
        QVERIFY(std::abs(view->volume().info().sliceShear[1] - shift) < 1e-4);
        // A length on slice 11 marks anatomy that really lies 11 shears further on.
        const Measurement mark{MeasurementKind::Length, 11, {{5, 5, 0}, {15, 5, 0}}};
        view->sliceView()->setMeasurements({mark});
        QTest::mouseClick(resample, Qt::LeftButton);
        QTRY_COMPARE(view->volume().info().sliceShear[1], 0.0);
        const Measurement moved = view->sliceView()->measurements().at(0);
        QCOMPARE(moved.slice, 11);
        QVERIFY(std::abs(moved.points[0][1] - (5 + 11 * shift)) < 1e-3);
        QVERIFY(std::abs(moved.points[1][0] - 15) < 1e-9);
        QVERIFY(!resample->isVisible());
        // Slice 11 moved by 11 shears (10 mm): about 10 of its 32 rows now lie outside what
        // was scanned and hold the fill value; slice 0 did not move.
        QCOMPARE(view->sliceCount(), 12);
        const auto scannedRows = [&](int k) {
            int rows = 0;
            for (int j = 0; j < 32; ++j)
                rows += view->volume().valueAt(20, j, k) == 100.0 ? 1 : 0;
            return rows;
        };
        QCOMPARE(scannedRows(0), 32);
        QVERIFY2(std::abs(scannedRows(11) - 22) <= 1, qPrintable(QString::number(scannedRows(11))));
        saveScreenshot(window, "tilt");
    }

    void voiLutsOfTheFileAreOffered()
    {
        // voi-lut.dcm: windows MR DEFAULT and NARROW, VOI LUTs RAMP and STEP, SIGMOID function.
        AppSettings settings(m_dir.filePath("state-voi"));
        JobRunner jobs(2);
        MainWindow window(settings, jobs);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* view = openAndWait(window, QStringLiteral(RADPATH_SOURCE_DIR "/tests/data/dicom-lut/voi-lut.dcm"));
        QVERIFY(view);
        auto* presets = view->findChild<QComboBox*>("windowPresets");
        QStringList names;
        for (int i = 0; i < presets->count(); ++i)
            names << presets->itemText(i);
        QCOMPARE(names, QStringList({"MR DEFAULT", "NARROW", "RAMP", "STEP"}));
        presets->setCurrentIndex(3);
        emit presets->activated(3);
        QCOMPARE(view->sliceView()->voiLut(), 1);
        presets->setCurrentIndex(1);
        emit presets->activated(1);
        QCOMPARE(view->sliceView()->voiLut(), -1);
        QCOMPARE(view->windowCenter(), 1000.0);
    }

    void slideOpensInItsTabWithItsAnnotations()
    {
        using namespace radpath::pathology;
        SlidePhantomSpec spec;
        spec.width = 4000;
        spec.height = 3000;
        spec.tumourRegions = 1;
        const QString slide = m_dir.filePath("tab.svs");
        writeSlidePhantom(slide.toStdString(), spec);
        // A saved annotation beside it, read while the slide opens.
        Annotation saved;
        saved.geometry = Polygon{{{100, 100}, {900, 100}, {900, 700}}, {}};
        saveSidecar(slide.toStdString(), AnnotationSet({saved}));

        AppSettings settings(m_dir.filePath("state-slide"));
        JobRunner jobs(2);
        MainWindow window(settings, jobs);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openPaths({slide});
        QTRY_COMPARE_WITH_TIMEOUT(window.tabs()->count(), 1, 20000);
        auto* doc = qobject_cast<SlideDocumentView*>(window.tabs()->widget(0));
        QVERIFY(doc);
        QCOMPARE(doc->slideView()->annotations().annotations().size(), size_t(1));
        QCOMPARE(doc->slideView()->slide()->info().vendor, std::string("aperio"));
        QVERIFY(!doc->slideView()->engine()->overview().isNull());
    }

    void aboutListsLibraries()
    {
        AboutDialog about;
        auto* table = about.findChild<QTableWidget*>("libraryVersions");
        QVERIFY(table);
        QStringList names;
        for (int row = 0; row < table->rowCount(); ++row)
            names << table->item(row, 0)->text();
        for (const char* lib : {"Qt", "VTK", "ITK", "DCMTK", "OpenSlide", "LibTorch"})
            QVERIFY2(names.contains(QLatin1String(lib)), lib);
    }

    void settingsDialogPersists()
    {
        AppSettings settings(m_dir.filePath("state-settings"));
        SettingsDialog dialog(settings);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.findChild<QComboBox*>("theme")->setCurrentIndex(1);
        dialog.findChild<QComboBox*>("aiDevice")->setCurrentIndex(1);
        dialog.findChild<QSpinBox*>("tileCacheMB")->setValue(2048);
        auto* buttons = dialog.findChild<QDialogButtonBox*>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        AppSettings reread(m_dir.filePath("state-settings"));
        QCOMPARE(reread.theme(), QStringLiteral("dark"));
        QCOMPARE(reread.aiDevice(), QStringLiteral("cuda"));
        QCOMPARE(reread.tileCacheMB(), 2048);
    }

    void sessionIsRestored()
    {
        const QString state = m_dir.filePath("state-session");
        {
            AppSettings settings(state);
            JobRunner jobs(2);
            MainWindow window(settings, jobs);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.openPaths({m_ct});
            QTRY_COMPARE_WITH_TIMEOUT(window.tabs()->count(), 1, 20000);
            window.close();
        }
        AppSettings settings(state);
        JobRunner jobs(2);
        MainWindow window(settings, jobs);
        QVERIFY(window.restoreSession());
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(window.tabs()->count(), 1, 20000);
        QCOMPARE(window.openDocuments(), QStringList({m_ct}));
    }

private:
    QTemporaryDir m_dir;
    QString m_ct;
};

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
