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
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
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
        QTest::mouseMove(m_view->vtkWidget(), QPoint(320, 200)); // right half: i >= 50
        const QString probe = m_view->probeText();
        QVERIFY2(probe.startsWith("1060 HU"), qPrintable(probe)); // slice 6: 1000 + 60
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
    std::unique_ptr<SliceView> m_view;
};

QTEST_MAIN(SliceViewTest)
#include "SliceViewTest.moc"
