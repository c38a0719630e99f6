// The Qt 6 - VTK bridge draws a known scene; pixels are read back from a framebuffer grab.

#include "viewer/model/Volume.h"
#include "viewer/render/VtkImageBridge.h"
#include "viewer/render/VtkWidget.h"
#include "viewer/view/VolumeView.h"

#include <QPainter>
#include <QtTest>

#include <vtkActor.h>
#include <vtkImageData.h>
#include <vtkPlaneSource.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>

using namespace radpath::viewer;

namespace {

bool near(QColor c, int r, int g, int b, int tolerance = 12)
{
    return std::abs(c.red() - r) <= tolerance && std::abs(c.green() - g) <= tolerance && std::abs(c.blue() - b) <= tolerance;
}

QString describe(QColor c)
{
    return QStringLiteral("(%1, %2, %3)").arg(c.red()).arg(c.green()).arg(c.blue());
}

} // namespace

class VtkWidgetTest : public QObject {
    Q_OBJECT
private slots:
    void rendersKnownScene()
    {
        VtkWidget widget;
        widget.resize(200, 160);
        widget.renderer()->SetBackground(1.0, 0.0, 0.0);
        // An unlit green square in the middle third of the view.
        auto plane = vtkSmartPointer<vtkPlaneSource>::New();
        plane->SetOrigin(-1, -1, 0);
        plane->SetPoint1(1, -1, 0);
        plane->SetPoint2(-1, 1, 0);
        auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
        mapper->SetInputConnection(plane->GetOutputPort());
        auto actor = vtkSmartPointer<vtkActor>::New();
        actor->SetMapper(mapper);
        actor->GetProperty()->SetColor(0, 1, 0);
        actor->GetProperty()->SetAmbient(1.0);
        actor->GetProperty()->SetDiffuse(0.0);
        actor->GetProperty()->LightingOff();
        widget.renderer()->AddActor(actor);
        widget.renderer()->ResetCamera();
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));

        const QImage frame = widget.grabFramebuffer();
        QCOMPARE(frame.size(), QSize(200, 160) * widget.devicePixelRatio());
        const QColor centre = frame.pixelColor(frame.width() / 2, frame.height() / 2);
        const QColor corner = frame.pixelColor(2, 2);
        QVERIFY2(near(centre, 0, 255, 0), qPrintable(describe(centre)));
        QVERIFY2(near(corner, 255, 0, 0), qPrintable(describe(corner)));
        QVERIFY(widget.renderCount() >= 1);
    }

    void overlayPaintsOverTheFrame()
    {
        VtkWidget widget;
        widget.resize(160, 120);
        widget.renderer()->SetBackground(0.0, 0.0, 1.0);
        widget.setOverlayPainter([](QPainter& p) { p.fillRect(QRect(0, 0, 20, 20), Qt::yellow); });
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        const QImage frame = widget.grabWithOverlay();
        const QColor overlay = frame.pixelColor(5, 5), scene = frame.pixelColor(100, 80);
        QVERIFY2(near(overlay, 255, 255, 0), qPrintable(describe(overlay)));
        QVERIFY2(near(scene, 0, 0, 255), qPrintable(describe(scene)));
    }

    void renderRequestsAreCoalesced()
    {
        VtkWidget widget;
        widget.resize(120, 120);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QTRY_VERIFY(widget.renderCount() >= 1);
        const int before = widget.renderCount();
        for (int i = 0; i < 50; ++i)
            widget.requestRender();
        QTRY_VERIFY(widget.renderCount() > before);
        QTest::qWait(100);
        QVERIFY2(widget.renderCount() - before <= 2, qPrintable(QString::number(widget.renderCount() - before)));
    }

    void vtkImageSharesVoxels()
    {
        ImageGeometry g;
        g.size = {5, 4, 3};
        g.spacing = {0.5, 0.6, 2.0};
        g.origin = {-1, -2, -3};
        Volume volume(PixelType::Int16, g);
        volume.voxels<std::int16_t>()[volume.linearIndex(4, 3, 2)] = 1234;
        auto image = makeVtkImage(volume);
        QCOMPARE(image->GetScalarPointer(), volume.data());
        QCOMPARE(image->GetScalarComponentAsDouble(4, 3, 2, 0), 1234.0);
        double spacing[3];
        image->GetSpacing(spacing);
        QCOMPARE(spacing[1], 0.6);
        // Writing through the Volume is seen by VTK: one buffer.
        volume.voxels<std::int16_t>()[0] = -5;
        QCOMPARE(image->GetScalarComponentAsDouble(0, 0, 0, 0), -5.0);
    }

    void volumeViewShowsWindowedSlice()
    {
        // Left half -1000 HU (air), right half +1000 HU; window C 0 W 200 maps them to
        // black and white.
        ImageGeometry g;
        g.size = {64, 64, 8};
        Volume volume(PixelType::Int16, g);
        auto* v = volume.voxels<std::int16_t>();
        for (int k = 0; k < 8; ++k)
            for (int j = 0; j < 64; ++j)
                for (int i = 0; i < 64; ++i)
                    v[volume.linearIndex(i, j, k)] = i < 32 ? -1000 : 1000;
        volume.info().units = "HU";
        volume.info().windowPresets = {{"test", 0.0, 200.0}};

        VolumeView view;
        view.resize(600, 320);
        view.setVolume(volume);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.slice(), 4);
        QCOMPARE(view.windowWidth(), 200.0);

        const QImage frame = view.sliceWidget()->grabFramebuffer();
        const int y = frame.height() / 2;
        // Patient left (+x) is on the image right in the radiological convention.
        const QColor left = frame.pixelColor(frame.width() / 2 - frame.width() / 8, y);
        const QColor right = frame.pixelColor(frame.width() / 2 + frame.width() / 8, y);
        QVERIFY2(near(left, 0, 0, 0, 20), qPrintable(describe(left)));
        QVERIFY2(near(right, 255, 255, 255, 20), qPrintable(describe(right)));

        // The wheel steps slices.
        QWheelEvent wheel(QPointF(50, 50), view.sliceWidget()->mapToGlobal(QPointF(50, 50)), QPoint(),
                          QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view.sliceWidget(), &wheel);
        QCOMPARE(view.slice(), 5);
    }
};

QTEST_MAIN(VtkWidgetTest)
#include "VtkWidgetTest.moc"
