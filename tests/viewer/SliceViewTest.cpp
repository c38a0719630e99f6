// The slice view driven as a radiologist would: wheel through slices, right-drag
// window/level, a length measured in mm, orientation letters, probe, overlays drawn.

#include "viewer/render/VtkWidget.h"
#include "viewer/view/SliceView.h"

#include <QtTest>

using namespace radpath::viewer;

namespace {

// 100 x 80 x 12 voxels of 0.5 x 0.5 x 2 mm, value = 10 * k + (i >= 50 ? 1000 : 0).
Volume makeVolume()
{
    ImageGeometry g;
    g.size = {100, 80, 12};
    g.spacing = {0.5, 0.5, 2.0};
    g.origin = {-25, -20, 0};
    Volume v(PixelType::Int16, g);
    auto* p = v.voxels<std::int16_t>();
    for (int k = 0; k < 12; ++k)
        for (int j = 0; j < 80; ++j)
            for (int i = 0; i < 100; ++i)
                p[v.linearIndex(i, j, k)] = std::int16_t(10 * k + (i >= 50 ? 1000 : 0));
    v.info().units = "HU";
    v.info().patientName = "DOE^JANE";
    v.info().seriesDescription = "test series";
    return v;
}

void drag(QWidget* w, QPoint from, QPoint to)
{
    QTest::mousePress(w, Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(w, (from + to) / 2);
    QTest::mouseMove(w, to);
    QTest::mouseRelease(w, Qt::LeftButton, Qt::NoModifier, to);
}


void sendWheel(QWidget* w, QPointF at, int steps, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    QWheelEvent wheel(at, w->mapToGlobal(at), QPoint(), QPoint(0, 120 * steps), Qt::NoButton, mods, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(w, &wheel);
}

} // namespace

class SliceViewTest : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        m_view = std::make_unique<SliceView>();
        m_view->resize(400, 400);
        m_view->setVolume(makeVolume());
        QSignalSpy frames(m_view->vtkWidget(), &VtkWidget::frameRendered);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        // Widget positions map to patient points through the drawn frame's size.
        QTRY_VERIFY(!frames.isEmpty());
        QTest::qWait(50);
        m_view->fit();
    }
    void cleanup() { m_view.reset(); }

    void wheelAndKeysScrollSlices()
    {
        QCOMPARE(m_view->slice(), 6);
        QWidget* w = m_view->vtkWidget();
        sendWheel(w, QPointF(200, 200), 2);
        QCOMPARE(m_view->slice(), 8);
        sendWheel(w, QPointF(200, 200), -20);
        QCOMPARE(m_view->slice(), 0);
        QTest::keyClick(w, Qt::Key_End);
        QCOMPARE(m_view->slice(), 11);
        QTest::keyClick(w, Qt::Key_Down);
        QCOMPARE(m_view->slice(), 10);
    }

    void rightDragSetsWindowLevel()
    {
        m_view->setWindow(500, 1000);
        QWidget* w = m_view->vtkWidget();
        QTest::mousePress(w, Qt::RightButton, Qt::NoModifier, QPoint(100, 100));
        QTest::mouseMove(w, QPoint(164, 100)); // +64 px wide: +250 width
        QTest::mouseRelease(w, Qt::RightButton, Qt::NoModifier, QPoint(164, 100));
        QCOMPARE(m_view->windowWidth(), 1250.0);
        QCOMPARE(m_view->windowCenter(), 500.0);
    }

    void lengthIsMeasuredInMillimetres()
    {
        m_view->setTool(SliceView::Tool::Length);
        QSignalSpy added(m_view.get(), &SliceView::measurementAdded);
        QWidget* w = m_view->vtkWidget();
        // Two points 100 px apart horizontally; the slice is 50 mm wide in a fitted view.
        const Vec3 a = m_view->patientPointAt(QPointF(150, 200)), b = m_view->patientPointAt(QPointF(250, 200));
        const Vec3 ab{b[0] - a[0], b[1] - a[1], b[2] - a[2]};
        const double expected = std::sqrt(dot(ab, ab));
        QVERIFY(expected > 5 && expected < 50);
        QTest::mousePress(w, Qt::LeftButton, Qt::NoModifier, QPoint(150, 200));
        QTest::mouseMove(w, QPoint(200, 200));
        QTest::mouseMove(w, QPoint(250, 200));
        QTest::mouseRelease(w, Qt::LeftButton, Qt::NoModifier, QPoint(250, 200));
        QCOMPARE(added.size(), 1);
        QCOMPARE(m_view->measurements().size(), size_t(1));
        QVERIFY(std::abs(m_view->measurements().front().lengthMm() - expected) < 1e-6);
        // Fitted, the 50 mm wide slice (100 x 0.5 mm) fills the 400 px view with a 2 % margin:
        // 100 px = 100 * 51 / 400 = 12.75 mm.
        QVERIFY2(std::abs(expected - 12.75) < 0.2, qPrintable(QString::number(expected)));
        QTest::keyClick(w, Qt::Key_Delete);
        QCOMPARE(m_view->measurements().size(), size_t(0));
        // Deleting is undoable, and the undo redoable.
        QTest::keyClick(w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_view->measurements().size(), size_t(1));
        QVERIFY(std::abs(m_view->measurements().front().lengthMm() - expected) < 1e-6);
        QTest::keyClick(w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_view->measurements().size(), size_t(0));
        QVERIFY(m_view->undo());  // back to one
        QVERIFY(m_view->undo());  // before the first measurement
        QCOMPARE(m_view->measurements().size(), size_t(0));
        QVERIFY(!m_view->undo());
        QVERIFY(m_view->redo());
        QCOMPARE(m_view->measurements().size(), size_t(1));
    }

    void rectangleRoiStatisticsAndEditing()
    {
        // Slice 6 holds 60 HU left of the middle (x < 200 px) and 1060 HU right of it.
        m_view->setTool(SliceView::Tool::Rectangle);
        QWidget* w = m_view->vtkWidget();
        drag(w, QPoint(100, 150), QPoint(180, 250));
        QCOMPARE(m_view->measurements().size(), size_t(1));
        const Measurement& r = m_view->measurements().front();
        QVERIFY(r.kind == MeasurementKind::Rectangle);
        const double width = distanceMm(QPointF(100, 150), QPointF(180, 150));
        const double height = distanceMm(QPointF(100, 150), QPointF(100, 250));
        QVERIFY(std::abs(r.areaMm2() - width * height) < 1e-6);
        RegionStatistics s = m_view->measurementStatistics(0);
        QVERIFY(s.voxels > 100);
        QCOMPARE(s.mean, 60.0);
        QCOMPARE(s.sd, 0.0);

        // Drag the lower right corner handle across the middle: half the box is 1060 HU.
        drag(w, QPoint(180, 250), QPoint(300, 250));
        QCOMPARE(m_view->measurements().size(), size_t(1));
        s = m_view->measurementStatistics(0);
        QCOMPARE(s.min, 60.0);
        QCOMPARE(s.max, 1060.0);
        QVERIFY2(std::abs(s.mean - 560.0) < 60.0, qPrintable(QString::number(s.mean)));
        QVERIFY(std::abs(m_view->measurements().front().areaMm2() - 2.5 * width * height) < 1e-6);

        // The outline moves the whole region; undo puts it back.
        const Vec3 before = m_view->measurements().front().points[0];
        drag(w, QPoint(200, 150), QPoint(200, 170));
        const Vec3 after = m_view->measurements().front().points[0];
        const Vec3 shift = sub(m_view->patientPointAt(QPointF(200, 170)), m_view->patientPointAt(QPointF(200, 150)));
        for (int a = 0; a < 3; ++a)
            QVERIFY(std::abs(after[size_t(a)] - before[size_t(a)] - shift[size_t(a)]) < 1e-6);
        QVERIFY(m_view->undo());
        QCOMPARE(m_view->measurements().front().points[0], before);

        // Picking with no tool selects; Delete removes the selected one.
        m_view->setTool(SliceView::Tool::None);
        m_view->setTool(SliceView::Tool::Length);
        drag(w, QPoint(50, 350), QPoint(150, 350));
        QCOMPARE(m_view->measurements().size(), size_t(2));
        m_view->setTool(SliceView::Tool::None);
        QSignalSpy selected(m_view.get(), &SliceView::measurementSelected);
        QTest::mouseClick(w, Qt::LeftButton, Qt::NoModifier, QPoint(100, 150)); // the rectangle's top edge
        QCOMPARE(m_view->selectedMeasurement(), 0);
        QCOMPARE(selected.size(), 1);
        QTest::keyClick(w, Qt::Key_Delete);
        QCOMPARE(m_view->measurements().size(), size_t(1));
        QVERIFY(m_view->measurements().front().kind == MeasurementKind::Length);
    }

    void angleAndPolygon()
    {
        QWidget* w = m_view->vtkWidget();
        m_view->setTool(SliceView::Tool::Angle);
        drag(w, QPoint(100, 300), QPoint(200, 300)); // first arm, to the vertex
        QCOMPARE(m_view->measurements().size(), size_t(0));
        QTest::mouseMove(w, QPoint(260, 240));
        QTest::mouseClick(w, Qt::LeftButton, Qt::NoModifier, QPoint(260, 240)); // second arm, up and right
        QCOMPARE(m_view->measurements().size(), size_t(1));
        QVERIFY(std::abs(m_view->measurements().front().angleDegrees() - 135.0) < 1e-6);

        m_view->setTool(SliceView::Tool::Polygon);
        for (const QPoint& corner : {QPoint(60, 60), QPoint(160, 60), QPoint(160, 160), QPoint(60, 160)}) {
            QTest::mouseMove(w, corner);
            QTest::mouseClick(w, Qt::LeftButton, Qt::NoModifier, corner);
        }
        QCOMPARE(m_view->measurements().size(), size_t(1)); // still open
        QTest::keyClick(w, Qt::Key_Return);
        QCOMPARE(m_view->measurements().size(), size_t(2));
        const Measurement& square = m_view->measurements().back();
        QCOMPARE(square.points.size(), size_t(4));
        const double side = distanceMm(QPointF(60, 60), QPointF(160, 60));
        QVERIFY(std::abs(square.areaMm2() - side * side) < 1e-6);
        QCOMPARE(m_view->measurementStatistics(1).mean, 60.0);

        // Closing by a click on the first corner.
        for (const QPoint& corner : {QPoint(250, 60), QPoint(350, 60), QPoint(300, 140), QPoint(250, 60)}) {
            QTest::mouseMove(w, corner);
            QTest::mouseClick(w, Qt::LeftButton, Qt::NoModifier, corner);
        }
        QCOMPARE(m_view->measurements().size(), size_t(3));
        QCOMPARE(m_view->measurementStatistics(2).mean, 1060.0);
    }

    void cinePlaysAndStops()
    {
        const int start = m_view->slice();
        m_view->setCineRate(50);
        QTest::keyClick(m_view->vtkWidget(), Qt::Key_Space);
        QVERIFY(m_view->isCinePlaying());
        QTRY_VERIFY(m_view->slice() != start);
        QTRY_VERIFY_WITH_TIMEOUT(m_view->slice() == 0, 15000); // wrapped round
        QTest::keyClick(m_view->vtkWidget(), Qt::Key_Space);
        QVERIFY(!m_view->isCinePlaying());
        const int stopped = m_view->slice();
        QTest::qWait(100);
        QCOMPARE(m_view->slice(), stopped);
    }

    void voiLutAndSigmoidDrawTheGreys()
    {
        // Slice 6: 60 left, 1060 right. A falling table from 1000: 1060 -> entry 60 -> 255 - 120.
        Volume v = makeVolume();
        VoiLut falling;
        falling.name = "FALLING";
        falling.firstMapped = 1000;
        falling.bits = 8;
        for (int i = 0; i < 100; ++i)
            falling.table.push_back(255 - 2 * i);
        v.info().voiLuts = {falling};
        m_view->setVolume(v);
        const auto presets = m_view->windowPresets();
        const auto lut = std::find_if(presets.begin(), presets.end(), [](const NamedWindow& w) { return w.voiLut == 0; });
        QVERIFY(lut != presets.end());
        QCOMPARE(lut->name, QStringLiteral("FALLING"));
        m_view->applyPreset(*lut);
        QCOMPARE(m_view->voiLut(), 0);
        auto greyAt = [this](QPoint at) {
            QSignalSpy frames(m_view->vtkWidget(), &VtkWidget::frameRendered);
            m_view->vtkWidget()->requestRender();
            frames.wait(2000);
            return qGray(m_view->vtkWidget()->grabWithOverlay().pixel(at));
        };
        QVERIFY2(std::abs(greyAt(QPoint(300, 200)) - 135) <= 3, qPrintable(QString::number(greyAt(QPoint(300, 200)))));
        QVERIFY(greyAt(QPoint(100, 200)) >= 252); // below the table: its first entry
        // A window change leaves the table for a linear window.
        m_view->setWindow(560, 1000); // 60 -> 0, 1060 -> 255
        QCOMPARE(m_view->voiLut(), -1);
        QVERIFY(greyAt(QPoint(100, 200)) <= 3);
        QVERIFY(greyAt(QPoint(300, 200)) >= 252);

        // VOILUTFunction SIGMOID: the level maps to half grey, not linearly.
        v.info().voiLuts.clear();
        v.info().voiLutFunction = "SIGMOID";
        m_view->setVolume(v);
        m_view->setWindow(60, 400); // 60 at the centre: 0.5; 1060 far above: 1
        QVERIFY2(std::abs(greyAt(QPoint(100, 200)) - 128) <= 3, qPrintable(QString::number(greyAt(QPoint(100, 200)))));
        m_view->setWindow(160, 400); // 100 below the centre: 1 / (1 + e) = 0.269
        QVERIFY2(std::abs(greyAt(QPoint(100, 200)) - 69) <= 4, qPrintable(QString::number(greyAt(QPoint(100, 200)))));
    }

    void zoomKeepsThePointUnderTheCursor()
    {
        const QPointF at(120, 140);
        const Vec3 before = m_view->patientPointAt(at);
        sendWheel(m_view->vtkWidget(), at, 3, Qt::ControlModifier);
        QVERIFY(std::abs(m_view->zoom() - std::pow(1.2, 3)) < 1e-6);
        const Vec3 after = m_view->patientPointAt(at);
        for (int a = 0; a < 3; ++a)
            QVERIFY(std::abs(after[size_t(a)] - before[size_t(a)]) < 1e-6);
    }

    void orientationAndProbe()
    {
        QCOMPARE(m_view->orientationLetters(), QStringList({"R", "L", "A", "P"}));
        m_view->flipHorizontal();
        QCOMPARE(m_view->orientationLetters(), QStringList({"L", "R", "A", "P"}));
        m_view->flipHorizontal();
        // Right half: i >= 50.
        QTest::mouseMove(m_view->vtkWidget(), QPoint(320, 200));
        const QString probe = m_view->probeTextAt(QPointF(320, 200));
        // What the corner shows (unless the X server's own pointer has left the window since).
        QVERIFY(m_view->probeText().isEmpty() || m_view->probeText() == probe);
        QVERIFY2(probe.startsWith("1060 HU"), qPrintable(probe)); // slice 6: 1000 + 60
        QVERIFY(!probe.contains("padding"));
        // A padding value keeps its number and is marked as padding.
        Volume padded = m_view->volume();
        padded.info().hasPaddingValue = true;
        padded.info().paddingValue = 1060;
        m_view->voxelsChanged(padded);
        QVERIFY2(m_view->probeTextAt(QPointF(320, 200)).startsWith("1060 HU (padding)"), qPrintable(m_view->probeTextAt(QPointF(320, 200))));
    }

    void overlayShowsCornerText()
    {
        const QImage frame = m_view->vtkWidget()->grabWithOverlay();
        // Corner text is light grey on black: some bright pixels in the top-left corner.
        int bright = 0;
        for (int y = 0; y < 30; ++y)
            for (int x = 0; x < 80; ++x)
                bright += qGray(frame.pixel(x, y)) > 180 ? 1 : 0;
        QVERIFY2(bright > 20, qPrintable(QString::number(bright)));
    }

private:
    double distanceMm(QPointF a, QPointF b) const
    {
        const Vec3 d = sub(m_view->patientPointAt(b), m_view->patientPointAt(a));
        return std::sqrt(dot(d, d));
    }

    std::unique_ptr<SliceView> m_view;
};

QTEST_MAIN(SliceViewTest)
#include "SliceViewTest.moc"
