// The Segment Editor driven with the mouse on a CT in a VolumeView: a new segmentation,
// brush strokes in the axial plane, undo and redo from the buttons, erase, region growing
// from a click in a lesion, with the statistics table following; whole-volume and logical
// operations as jobs (controls disabled meanwhile, hand-counted results, undo, cancel); the
// undo budget from the settings.

#include "app/core/AppSettings.h"
#include "app/core/JobRunner.h"
#include "app/gui/SegmentEditorDock.h"
#include "app/gui/SettingsDialog.h"
#include "viewer/demo/CtPhantom.h"
#include "viewer/model/LabelEditor.h"
#include "viewer/model/Layers.h"
#include "viewer/render/VtkWidget.h"
#include "viewer/view/VolumeView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <memory>
#include <numeric>

using namespace radpath;

namespace {

template <class T> T* child(QWidget& parent, const QString& name)
{
    T* widget = parent.findChild<T*>(name);
    if (!widget)
        qFatal("no %s", qPrintable(name));
    return widget;
}

// The widget position in `view` whose patient point is nearest `target` (a coarse search,
// then a fine one around the best).
QPoint widgetPointOf(viewer::SliceView* view, const viewer::Vec3& target)
{
    QWidget* vtk = view->vtkWidget();
    QPoint best;
    double bestDistance = 1e300;
    const auto search = [&](QRect area, int step) {
        for (int y = area.top(); y <= area.bottom(); y += step)
            for (int x = area.left(); x <= area.right(); x += step) {
                const double d = viewer::norm(viewer::sub(view->patientPointAt(QPointF(x, y)), target));
                if (d < bestDistance)
                    bestDistance = d, best = QPoint(x, y);
            }
    };
    search(vtk->rect(), 8);
    search(QRect(best - QPoint(8, 8), QSize(17, 17)), 1);
    return best;
}

// Voxels [lo, hi) of `labels` become `value`.
void fillBox(viewer::Volume& labels, std::array<int, 3> lo, std::array<int, 3> hi, std::uint8_t value)
{
    for (int k = lo[2]; k < hi[2]; ++k)
        for (int j = lo[1]; j < hi[1]; ++j)
            for (int i = lo[0]; i < hi[0]; ++i)
                labels.voxels<std::uint8_t>()[labels.linearIndex(i, j, k)] = value;
}

} // namespace

class SegmentEditorTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        viewer::CtPhantomSpec spec;
        spec.size = 128;
        spec.slices = 64;
        spec.pixelMm = 1.6;
        spec.sliceMm = 1.6;
        spec.lesionRadiusMm = 16.0; // 10 voxels
        m_ct = viewer::makeCtPhantom(spec);
        m_window.resize(1300, 800);
        auto* layout = new QHBoxLayout(&m_window);
        QVERIFY(m_dataDir.isValid());
        m_settings = std::make_unique<app::AppSettings>(m_dataDir.path());
        m_view = new viewer::VolumeView(&m_window);
        m_dock = new app::SegmentEditorDock(*m_settings, m_jobs, &m_window);
        layout->addWidget(m_view, 1);
        layout->addWidget(m_dock);
        m_view->setVolume(m_ct.volume);
        m_view->setLayout(viewer::MprLayout::Single);
        m_window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_window));
        m_dock->setView(m_view);
    }

    void brushStrokeUndoRedoAndErase()
    {
        QTest::mouseClick(child<QPushButton>(*m_dock, "newSegmentation"), Qt::LeftButton);
        QCOMPARE(m_view->layers()->count(), 1);
        QVERIFY(m_dock->editor());
        QCOMPARE(m_dock->currentLabel(), 1);
        child<QDoubleSpinBox>(*m_dock, "brushRadius")->setValue(6.0);
        QTest::mouseClick(
            child<QToolButton>(*m_dock, QStringLiteral("segmentTool%1").arg(int(app::SegmentEditorDock::Tool::Paint))),
            Qt::LeftButton);
        QCOMPARE(m_dock->tool(), app::SegmentEditorDock::Tool::Paint);

        viewer::SliceView* axial = m_view->sliceView();
        QWidget* vtk = axial->vtkWidget();
        const QPoint start = vtk->rect().center();
        QTest::mousePress(vtk, Qt::LeftButton, Qt::NoModifier, start);
        for (int step = 1; step <= 10; ++step)
            QTest::mouseMove(vtk, start + QPoint(6 * step, 2 * step));
        QTest::mouseRelease(vtk, Qt::LeftButton, Qt::NoModifier, start + QPoint(60, 20));

        viewer::LabelEditor* editor = m_dock->editor();
        const std::size_t painted = editor->voxelCount(1);
        QVERIFY(painted > 0);
        QCOMPARE(editor->undoSteps(), 1); // one stroke, one step
        // A disk brush: every painted voxel lies in the slice shown.
        const viewer::Volume& labels = editor->labels();
        const auto& g = labels.geometry();
        for (int k = 0; k < g.size[2]; ++k)
            for (int j = 0; j < g.size[1]; ++j)
                for (int i = 0; i < g.size[0]; ++i)
                    if (labels.voxels<std::uint8_t>()[labels.linearIndex(i, j, k)])
                        QCOMPARE(k, axial->slice());
        // The stroke covers at least the two end disks of radius 6 mm (3.75 voxels).
        QVERIFY(painted >= std::size_t(2 * 3.14159 * 3.75 * 3.75 * 0.8));
        auto* stats = child<QTableWidget>(*m_dock, "segmentStatistics");
        QCOMPARE(stats->rowCount(), 1);
        QCOMPARE(stats->item(0, 1)->text(), QString::number(editor->volumeMl(1), 'f', 2));
        // The layer drawn in the view is the edited volume itself.
        QCOMPARE(m_view->layers()->labelMapAt(0)->labels.data(), editor->labels().data());

        QTest::mouseClick(child<QPushButton>(*m_dock, "segmentUndo"), Qt::LeftButton);
        QCOMPARE(editor->voxelCount(1), std::size_t(0));
        QCOMPARE(stats->item(0, 1)->text(), QStringLiteral("0.00"));
        QTest::mouseClick(child<QPushButton>(*m_dock, "segmentRedo"), Qt::LeftButton);
        QCOMPARE(editor->voxelCount(1), painted);

        // Erase over the start of the stroke.
        QTest::mouseClick(
            child<QToolButton>(*m_dock, QStringLiteral("segmentTool%1").arg(int(app::SegmentEditorDock::Tool::Erase))),
            Qt::LeftButton);
        QTest::mousePress(vtk, Qt::LeftButton, Qt::NoModifier, start);
        QTest::mouseRelease(vtk, Qt::LeftButton, Qt::NoModifier, start);
        QVERIFY(editor->voxelCount(1) < painted);
        QVERIFY(editor->voxelCount(1) > 0);
        QCOMPARE(editor->undoSteps(), 2);
        saveScreenshot("segment-editor-brush");
        QTest::mouseClick(child<QPushButton>(*m_dock, "segmentUndo"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(*m_dock, "segmentUndo"), Qt::LeftButton);
        QCOMPARE(editor->voxelCount(1), std::size_t(0));
    }

    void regionGrowingFromAClickInALesion()
    {
        QVERIFY(m_dock->editor());
        QTest::mouseClick(child<QPushButton>(*m_dock, "addSegment"), Qt::LeftButton);
        const int label = m_dock->currentLabel();
        QCOMPARE(label, 2);
        QTest::mouseClick(
            child<QToolButton>(*m_dock, QStringLiteral("segmentTool%1").arg(int(app::SegmentEditorDock::Tool::Grow))),
            Qt::LeftButton);
        child<QDoubleSpinBox>(*m_dock, "rangeLow")->setValue(80);
        child<QDoubleSpinBox>(*m_dock, "rangeHigh")->setValue(200);
        QTest::mouseClick(child<QCheckBox>(*m_dock, "limitRange"), Qt::LeftButton);
        const viewer::SphereLesion& lesion = m_ct.lesions.front();
        viewer::SliceView* axial = m_view->sliceView();
        axial->setCrosshair(lesion.centerMm); // the slice through the lesion's centre
        const QPoint at = widgetPointOf(axial, lesion.centerMm);
        QSignalSpy edited(m_dock, &app::SegmentEditorDock::edited);
        QTest::mouseClick(axial->vtkWidget(), Qt::LeftButton, Qt::NoModifier, at);
        QVERIFY(m_dock->isBusy()); // a job: the result comes later
        QVERIFY(edited.wait(20000));
        QVERIFY(!m_dock->isBusy());
        viewer::LabelEditor* editor = m_dock->editor();
        std::size_t truth = 0;
        const auto& g = m_ct.lesionLabels.geometry();
        for (int k = 0; k < g.size[2]; ++k)
            for (int j = 0; j < g.size[1]; ++j)
                for (int i = 0; i < g.size[0]; ++i)
                    if (m_ct.lesionLabels.voxels<std::uint8_t>()[m_ct.lesionLabels.linearIndex(i, j, k)] &&
                        viewer::norm(viewer::sub(g.indexToPhysical({double(i), double(j), double(k)}),
                                                 lesion.centerMm)) <= lesion.radiusMm * 1.5)
                        ++truth;
        const double trueMl = double(truth) * g.spacing[0] * g.spacing[1] * g.spacing[2] / 1000.0;
        QVERIFY2(std::abs(editor->volumeMl(label) - trueMl) / trueMl < 0.10,
                 qPrintable(QStringLiteral("%1 mL grown, %2 mL true").arg(editor->volumeMl(label)).arg(trueMl)));
        auto* stats = child<QTableWidget>(*m_dock, "segmentStatistics");
        QCOMPARE(stats->rowCount(), 2);
        const double mean = stats->item(1, 2)->text().section(QStringLiteral(" ± "), 0, 0).toDouble();
        QVERIFY2(std::abs(mean - lesion.hu) < 5, qPrintable(stats->item(1, 2)->text())); // 100 HU and noise
        saveScreenshot("segment-editor-grow");
    }

    void wholeVolumeAndLogicalOperationsAsJobs()
    {
        // Two maps on the CT's grid. "Boxes" (edited): label 1 a 20 x 20 x 10 box and an
        // island of 2 x 2 x 2, label 2 a separate 10^3 box. "Other": label 1 a 20 x 20 x 10
        // box shifted by 10 along i, so that it overlaps label 1's box in 10 x 20 x 10.
        const viewer::ImageGeometry& g = m_ct.volume.geometry();
        viewer::Volume boxes(viewer::PixelType::UInt8, g), other(viewer::PixelType::UInt8, g);
        fillBox(boxes, {10, 10, 10}, {30, 30, 20}, 1);
        fillBox(boxes, {60, 60, 30}, {62, 62, 32}, 1);
        fillBox(boxes, {40, 10, 10}, {50, 20, 20}, 2);
        fillBox(other, {20, 10, 10}, {40, 30, 20}, 1);
        viewer::LayerStack* stack = m_view->layers();
        stack->add(viewer::makeLabelMapLayer("Other", other));
        stack->add(viewer::makeLabelMapLayer("Boxes", boxes));
        auto* layers = child<QComboBox>(*m_dock, "segmentationLayer");
        emit layers->activated(layers->findText(QStringLiteral("Boxes")));
        viewer::LabelEditor* editor = m_dock->editor();
        QCOMPARE(editor->labels().data(), boxes.data());
        QCOMPARE(editor->voxelCount(1), std::size_t(4008));
        auto* labels = child<QComboBox>(*m_dock, "segmentationLabel");
        labels->setCurrentIndex(labels->findData(1));
        QCOMPARE(m_dock->currentLabel(), 1);
        // The brush ignores the mouse while a job runs.
        m_dock->setTool(app::SegmentEditorDock::Tool::Paint);

        // Keep the largest island: the 8-voxel island goes, as a job.
        runAndWait(child<QPushButton>(*m_dock, "keepLargest"));
        QCOMPARE(editor->voxelCount(1), std::size_t(4000));
        QCOMPARE(editor->voxelCount(2), std::size_t(1000));
        QCOMPARE(int(boxes.voxels<std::uint8_t>()[boxes.linearIndex(60, 60, 30)]), 0);
        QVERIFY(child<QLabel>(*m_dock, "segmentMessage")->text().contains(QLatin1String("8")));
        const int steps = editor->undoSteps();

        // Logical operations with the current label (1) as target.
        auto* operation = child<QComboBox>(*m_dock, "logicalOperation");
        auto* others = child<QComboBox>(*m_dock, "logicalOther");
        auto* apply = child<QPushButton>(*m_dock, "applyLogical");
        auto* undo = child<QPushButton>(*m_dock, "segmentUndo");
        // This map's two labels first, then Other's one and Segmentation 1's two.
        QCOMPARE(others->count(), 5);
        const int thisTwo = 1, otherOne = 2;
        QCOMPARE(others->itemText(thisTwo), labels->itemText(labels->findData(2)));
        QVERIFY(others->itemText(otherOne).startsWith(QLatin1String("Other: ")));
        struct Case {
            const char* operation;
            int other;
            std::size_t ones, twos;
        };
        const Case cases[] = {{"Intersect with", otherOne, 2000, 1000}, // the overlap
                              {"Subtract", otherOne, 2000, 1000},
                              {"Unite with", otherOne, 6000, 1000},
                              {"Unite with", thisTwo, 5000, 0}};
        for (const Case& c : cases) {
            operation->setCurrentIndex(operation->findText(QLatin1String(c.operation)));
            others->setCurrentIndex(c.other);
            runAndWait(apply);
            QCOMPARE(editor->voxelCount(1), c.ones);
            QCOMPARE(editor->voxelCount(2), c.twos);
            QCOMPARE(editor->undoSteps(), steps + 1); // one step
            QTest::mouseClick(undo, Qt::LeftButton);
            QCOMPARE(editor->voxelCount(1), std::size_t(4000));
            QCOMPARE(editor->voxelCount(2), std::size_t(1000));
        }

        // Cancel leaves the map as it was, however far the worker got.
        const std::size_t sum = std::accumulate(boxes.voxels<std::uint8_t>(),
                                                boxes.voxels<std::uint8_t>() + boxes.voxelCount(), std::size_t(0));
        operation->setCurrentIndex(operation->findText(QStringLiteral("Subtract")));
        others->setCurrentIndex(otherOne);
        QSignalSpy edited(m_dock, &app::SegmentEditorDock::edited);
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(m_dock->isBusy());
        QTest::mouseClick(child<QPushButton>(*m_dock, "segmentCancel"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_dock->isBusy(), 20000);
        QCOMPARE(edited.count(), 0);
        QCOMPARE(editor->voxelCount(1), std::size_t(4000));
        QCOMPARE(editor->undoSteps(), steps);
        QCOMPARE(std::accumulate(boxes.voxels<std::uint8_t>(), boxes.voxels<std::uint8_t>() + boxes.voxelCount(),
                                 std::size_t(0)),
                 sum);
        QVERIFY(child<QLabel>(*m_dock, "segmentMessage")->text().startsWith(QLatin1String("Cancelled")));
        QVERIFY(apply->isEnabled());
        m_dock->setTool(app::SegmentEditorDock::Tool::None);
    }

    void editsThatChangeNothingLeaveAnAiMapUnedited()
    {
        // An AI result whose label 1 covers the whole axial slice shown.
        viewer::SliceView* axial = m_view->sliceView();
        const int k = axial->slice();
        const viewer::ImageGeometry& g = m_ct.volume.geometry();
        viewer::Volume ai(viewer::PixelType::UInt8, g);
        fillBox(ai, {0, 0, k}, {g.size[0], g.size[1], k + 1}, 1);
        viewer::LabelMapLayer layer = viewer::makeLabelMapLayer("AI", ai);
        layer.ai = {"model", "1", "hash", false, {}};
        viewer::LayerStack* stack = m_view->layers();
        stack->add(std::move(layer));
        auto* layers = child<QComboBox>(*m_dock, "segmentationLayer");
        emit layers->activated(layers->findText(QStringLiteral("AI")));
        viewer::LabelEditor* editor = m_dock->editor();
        QCOMPARE(editor->labels().data(), ai.data());
        const auto aiEdited = [&] { return stack->labelMapAt(m_dock->layerIndex())->ai.edited; };
        QVERIFY(!aiEdited());
        QCOMPARE(m_dock->currentLabel(), 1);
        child<QCheckBox>(*m_dock, "limitRange")->setChecked(false);
        child<QDoubleSpinBox>(*m_dock, "brushRadius")->setValue(6.0);

        QWidget* vtk = axial->vtkWidget();
        const QPoint centre = vtk->rect().center();
        const std::size_t ones = editor->voxelCount(1);
        QSignalSpy edited(m_dock, &app::SegmentEditorDock::edited);
        const auto stroke = [&](app::SegmentEditorDock::Tool tool) {
            m_dock->setTool(tool);
            QTest::mousePress(vtk, Qt::LeftButton, Qt::NoModifier, centre);
            QTest::mouseMove(vtk, centre + QPoint(10, 5));
            QTest::mouseRelease(vtk, Qt::LeftButton, Qt::NoModifier, centre + QPoint(10, 5));
        };
        // Painting and filling label 1 where it is already; erasing label 2 where there is none.
        stroke(app::SegmentEditorDock::Tool::Paint);
        stroke(app::SegmentEditorDock::Tool::Fill);
        QTest::mouseClick(child<QPushButton>(*m_dock, "addSegment"), Qt::LeftButton);
        QCOMPARE(m_dock->currentLabel(), 2);
        stroke(app::SegmentEditorDock::Tool::Erase);
        QCOMPARE(editor->voxelCount(1), ones);
        QCOMPARE(editor->undoSteps(), 0);
        QCOMPARE(edited.count(), 0);
        QVERIFY(!aiEdited());

        // Painting label 2 changes voxels: "AI-assisted, edited".
        stroke(app::SegmentEditorDock::Tool::Paint);
        QVERIFY(editor->voxelCount(2) > 0);
        QCOMPARE(editor->undoSteps(), 1);
        QCOMPARE(edited.count(), 1);
        QVERIFY(aiEdited());
        m_dock->setTool(app::SegmentEditorDock::Tool::None);
    }

    void intersectAndSubtractOnlyWithAnotherMapsLabel()
    {
        // The AI map is edited (labels 1 and 2); Boxes, Other and Segmentation 1 share its grid.
        auto* operation = child<QComboBox>(*m_dock, "logicalOperation");
        auto* others = child<QComboBox>(*m_dock, "logicalOther");
        auto* apply = child<QPushButton>(*m_dock, "applyLogical");
        auto* labels = child<QComboBox>(*m_dock, "segmentationLabel");
        labels->setCurrentIndex(labels->findData(1));
        const int thisTwo = others->findText(labels->itemText(labels->findData(2)));
        const int otherOne = others->findText(QStringLiteral("Other: Label 1"));
        QVERIFY(thisTwo >= 0 && otherOne >= 0);
        const QString enabledTip = apply->toolTip();
        const auto select = [&](const char* op, int other) {
            operation->setCurrentIndex(operation->findText(QLatin1String(op)));
            others->setCurrentIndex(other);
        };
        for (const char* op : {"Intersect with", "Subtract"}) {
            select(op, thisTwo);
            QVERIFY2(!apply->isEnabled(), op);
            QVERIFY(apply->toolTip() != enabledTip);
            QVERIFY(apply->toolTip().contains(QLatin1String("same map")));
            QTest::mouseClick(apply, Qt::LeftButton);
            QVERIFY(!m_dock->isBusy());
            select(op, otherOne);
            QVERIFY2(apply->isEnabled(), op);
            QCOMPARE(apply->toolTip(), enabledTip);
            select(op, thisTwo);
            QVERIFY(!apply->isEnabled());
            select("Unite with", thisTwo); // the union of two labels of one map means something
            QVERIFY(apply->isEnabled());
            QCOMPARE(apply->toolTip(), enabledTip);
        }
        // The map edited changes: the same other label now belongs to another map.
        select("Intersect with", thisTwo);
        QVERIFY(!apply->isEnabled());
        auto* layers = child<QComboBox>(*m_dock, "segmentationLayer");
        emit layers->activated(layers->findText(QStringLiteral("Boxes")));
        QCOMPARE(operation->currentText(), QStringLiteral("Intersect with"));
        QCOMPARE(others->currentText(), QStringLiteral("AI: Segment 2"));
        QVERIFY(apply->isEnabled());
        others->setCurrentIndex(others->findText(QStringLiteral("Label 2"))); // Boxes' own
        QVERIFY(!apply->isEnabled());
    }

    void undoBudgetComesFromTheSettings()
    {
        viewer::LabelEditor* editor = m_dock->editor();
        QCOMPARE(editor->undoBudget(), std::size_t(app::AppSettings::kDefaultLabelUndoBudgetMB) << 20);
        // Settings > General > Segmentation, as MainWindow wires it.
        app::SettingsDialog dialog(*m_settings);
        connect(&dialog, &app::SettingsDialog::applied, m_dock, &app::SegmentEditorDock::applySettings);
        auto* budget = dialog.findChild<QSpinBox*>("labelUndoBudgetMB");
        QVERIFY(budget);
        QCOMPARE(budget->value(), 256);
        budget->setValue(64);
        dialog.apply();
        QCOMPARE(m_settings->labelUndoBudgetMB(), 64);
        QCOMPARE(editor->undoBudget(), std::size_t(64) << 20);
        QVERIFY(editor->historyBytes() <= editor->undoBudget());
        // A new editor starts with it too.
        const void* edited = editor->labels().data();
        QTest::mouseClick(child<QPushButton>(*m_dock, "newSegmentation"), Qt::LeftButton);
        QVERIFY(m_dock->editor()->labels().data() != edited);
        QCOMPARE(m_dock->editor()->undoBudget(), std::size_t(64) << 20);
    }

private:
    // Clicks `button` for a whole-volume operation: it runs as a job, the editing controls
    // and the brush are off meanwhile, and edited() comes when it is done.
    void runAndWait(QPushButton* button)
    {
        QSignalSpy edited(m_dock, &app::SegmentEditorDock::edited);
        const std::size_t before = m_dock->editor()->voxelCount(m_dock->currentLabel());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(m_dock->isBusy());
        QCOMPARE(edited.count(), 0);
        for (const char* name : {"applyLogical", "keepLargest", "segmentUndo", "segmentationLayer", "newSegmentation"})
            QVERIFY2(!child<QWidget>(*m_dock, name)->isEnabled(), name);
        QVERIFY(
            !child<QToolButton>(*m_dock, QStringLiteral("segmentTool%1").arg(int(app::SegmentEditorDock::Tool::Paint)))
                 ->isEnabled());
        QVERIFY(child<QProgressBar>(*m_dock, "segmentProgress")->isVisible());
        QWidget* vtk = m_view->sliceView()->vtkWidget();
        QTest::mousePress(vtk, Qt::LeftButton, Qt::NoModifier, vtk->rect().center());
        QTest::mouseRelease(vtk, Qt::LeftButton, Qt::NoModifier, vtk->rect().center());
        QCOMPARE(m_dock->editor()->voxelCount(m_dock->currentLabel()), before); // the brush ignored it
        QVERIFY(edited.wait(20000));
        QVERIFY(!m_dock->isBusy());
        QVERIFY(button->isEnabled());
        QVERIFY(!child<QProgressBar>(*m_dock, "segmentProgress")->isVisible());
    }

    void saveScreenshot(const char* name)
    {
        const QString dir = qEnvironmentVariable("RADPATH_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            m_window.grab().save(QDir(dir).filePath(QLatin1String(name) + QStringLiteral(".png")));
    }

    viewer::CtPhantom m_ct;
    QTemporaryDir m_dataDir;
    std::unique_ptr<app::AppSettings> m_settings;
    app::JobRunner m_jobs{2}; // outlives the dock
    QWidget m_window;
    viewer::VolumeView* m_view = nullptr;
    app::SegmentEditorDock* m_dock = nullptr;
};

QTEST_MAIN(SegmentEditorTest)
#include "SegmentEditorTest.moc"
