// The Segment Editor driven with the mouse on a CT in a VolumeView: a new segmentation,
// brush strokes in the axial plane, undo and redo from the buttons, erase, and region
// growing from a click in a lesion, with the statistics table following.

#include "app/gui/SegmentEditorDock.h"
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
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QtTest>

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
        m_view = new viewer::VolumeView(&m_window);
        m_dock = new app::SegmentEditorDock(&m_window);
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
        QTest::mouseClick(axial->vtkWidget(), Qt::LeftButton, Qt::NoModifier, at);
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

private:
    void saveScreenshot(const char* name)
    {
        const QString dir = qEnvironmentVariable("RADPATH_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            m_window.grab().save(QDir(dir).filePath(QLatin1String(name) + QStringLiteral(".png")));
    }

    viewer::CtPhantom m_ct;
    QWidget m_window;
    viewer::VolumeView* m_view = nullptr;
    app::SegmentEditorDock* m_dock = nullptr;
};

QTEST_MAIN(SegmentEditorTest)
#include "SegmentEditorTest.moc"
