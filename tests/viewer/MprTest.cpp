// MPR as a radiologist uses it: a phantom sphere at a known patient position shows at the
// pixel predicted from the camera in the axial, coronal and sagittal planes of an oblique
// volume; the crosshair follows clicks and scrolling in every view; dragging a crosshair
// handle tilts the other planes; slabs project what thin planes miss.

#include "viewer/render/VtkWidget.h"
#include "viewer/model/Layers.h"
#include "viewer/view/MprLinker.h"
#include "viewer/view/VolumeRenderView.h"
#include "viewer/view/VolumeView.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QToolButton>
#include <QtTest>

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <cmath>

using namespace radpath::viewer;

namespace {

const Vec3 kCentre{12.0, -30.0, 41.0};     // the sphere, LPS mm
const Vec3 kLeftMarker{32.0, -30.0, 41.0};  // 20 mm to the patient's left (+x)
const Vec3 kFrontMarker{12.0, -50.0, 41.0}; // 20 mm anterior (-y)
const Vec3 kOffPlaneDot{12.0, -30.0, 57.0}; // 16 mm above the sphere's centre
constexpr double kRadius = 8.0;

Vec3 minus(const Vec3& a, const Vec3& b) { return {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }

// 96 × 90 × 70 voxels of 1 × 1.2 × 1.5 mm, turned 20° about z and 10° about x (an oblique
// acquisition), origin off zero: 1000 in the sphere, 2000 in the markers, 1500 in the dot.
Volume makePhantom()
{
    ImageGeometry g;
    g.size = {96, 90, 70};
    g.spacing = {1.0, 1.2, 1.5};
    const double a = 20 * M_PI / 180, b = 10 * M_PI / 180;
    const Rotation rz{std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a), 0, 0, 0, 1};
    const Rotation rx{1, 0, 0, 0, std::cos(b), -std::sin(b), 0, std::sin(b), std::cos(b)};
    const Rotation r = multiply(rz, rx);
    std::copy(r.begin(), r.end(), g.direction.begin());
    // Centre the grid on the sphere.
    const Vec3 half = rotate(r, {47.5 * 1.0, 44.5 * 1.2, 34.5 * 1.5});
    g.origin = minus(kCentre, half);
    Volume v(PixelType::Int16, g);
    auto* p = v.voxels<std::int16_t>();
    for (int k = 0; k < g.size[2]; ++k)
        for (int j = 0; j < g.size[1]; ++j)
            for (int i = 0; i < g.size[0]; ++i) {
                const Vec3 x = g.indexToPhysical({double(i), double(j), double(k)});
                std::int16_t value = 0;
                if (norm(minus(x, kCentre)) <= kRadius)
                    value = 1000;
                if (norm(minus(x, kLeftMarker)) <= 3 || norm(minus(x, kFrontMarker)) <= 3)
                    value = 2000;
                if (norm(minus(x, kOffPlaneDot)) <= 2.5)
                    value = 1500;
                p[v.linearIndex(i, j, k)] = value;
            }
    v.info().units = "HU";
    v.info().windowPresets = {{"test", 500.0, 1000.0}};
    return v;
}

// Where the camera puts a patient point on the widget, from its focal point, axes and
// parallel scale: independent of the view's own mapping.
QPointF predictedPixel(SliceView* view, const Vec3& p)
{
    vtkCamera* camera = view->vtkWidget()->renderer()->GetActiveCamera();
    double f[3], up[3], dop[3];
    camera->GetFocalPoint(f);
    camera->GetViewUp(up);
    camera->GetDirectionOfProjection(dop);
    const Vec3 u{up[0], up[1], up[2]}, d{dop[0], dop[1], dop[2]};
    const Vec3 right = cross(d, u);
    const QWidget* w = view->vtkWidget();
    const double pxPerMm = w->height() / (2.0 * camera->GetParallelScale());
    const Vec3 rel = minus(p, {f[0], f[1], f[2]});
    return {w->width() / 2.0 + dot(rel, right) * pxPerMm, w->height() / 2.0 - dot(rel, u) * pxPerMm};
}

double pixelsPerMm(SliceView* view)
{
    return view->vtkWidget()->height() / (2.0 * view->vtkWidget()->renderer()->GetActiveCamera()->GetParallelScale());
}

// Centroid and equivalent radius of the pixels brighter than `level` within `reach` px.
struct Blob {
    QPointF centre;
    double radius = 0;
    int pixels = 0;
};
Blob findBlob(const QImage& frame, QPointF near, double reach, int low, int high)
{
    Blob blob;
    double sx = 0, sy = 0;
    for (int y = int(near.y() - reach); y <= int(near.y() + reach); ++y)
        for (int x = int(near.x() - reach); x <= int(near.x() + reach); ++x) {
            if (!frame.valid(x, y))
                continue;
            const int grey = qGray(frame.pixel(x, y));
            if (grey >= low && grey <= high) {
                sx += x + 0.5, sy += y + 0.5; // pixel centres
                ++blob.pixels;
            }
        }
    if (blob.pixels) {
        blob.centre = {sx / blob.pixels, sy / blob.pixels};
        blob.radius = std::sqrt(blob.pixels / M_PI);
    }
    return blob;
}

QString describe(QPointF a, QPointF b)
{
    return QStringLiteral("(%1, %2) vs (%3, %4)").arg(a.x()).arg(a.y()).arg(b.x()).arg(b.y());
}

} // namespace

class MprTest : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        m_view = std::make_unique<VolumeView>();
        m_view->resize(1000, 900);
        m_view->setVolume(makePhantom());
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QTest::qWait(100);
        for (int i = 0; i < 3; ++i)
            m_view->planeView(i)->fit();
        m_view->linker()->setCrosshair(kCentre);
        m_view->setWindow(1000, 2000); // 0 black, 1000 mid grey, 2000 white
    }
    void cleanup() { m_view.reset(); }

    void sphereShowsAtItsPredictedPixelInEveryPlane()
    {
        QCOMPARE(m_view->layout(), MprLayout::TwoByTwo);
        const SliceOrientation expected[] = {SliceOrientation::Axial, SliceOrientation::Coronal, SliceOrientation::Sagittal};
        for (int i = 0; i < 3; ++i) {
            SliceView* view = m_view->planeView(i);
            QCOMPARE(view->orientation(), expected[i]);
            const QImage frame = view->vtkWidget()->grabFramebuffer();
            const QPointF at = predictedPixel(view, kCentre);
            const double radiusPx = kRadius * pixelsPerMm(view);
            QVERIFY(radiusPx > 10);
            const Blob sphere = findBlob(frame, at, 1.6 * radiusPx, 100, 160);
            QVERIFY2(QLineF(sphere.centre, at).length() < 1.5, qPrintable(describe(sphere.centre, at)));
            QVERIFY2(std::abs(sphere.radius - radiusPx) < 0.08 * radiusPx + 1,
                     qPrintable(QStringLiteral("radius %1 px, expected %2").arg(sphere.radius).arg(radiusPx)));
        }
        // Radiological orientation: the patient's left on the image right in axial and
        // coronal views, anterior on the left of the sagittal view (seen from the left).
        for (int i : {0, 1}) {
            SliceView* view = m_view->planeView(i);
            const QImage frame = view->vtkWidget()->grabFramebuffer();
            const QPointF at = predictedPixel(view, kLeftMarker);
            QVERIFY(at.x() > predictedPixel(view, kCentre).x() + 15 * pixelsPerMm(view));
            const Blob marker = findBlob(frame, at, 6 * pixelsPerMm(view), 230, 255);
            QVERIFY2(marker.pixels > 0 && QLineF(marker.centre, at).length() < 1.5, qPrintable(describe(marker.centre, at)));
        }
        SliceView* sagittal = m_view->planeView(2);
        const QPointF front = predictedPixel(sagittal, kFrontMarker);
        QVERIFY(front.x() < predictedPixel(sagittal, kCentre).x() - 15 * pixelsPerMm(sagittal));
        const Blob marker = findBlob(sagittal->vtkWidget()->grabFramebuffer(), front, 6 * pixelsPerMm(sagittal), 230, 255);
        QVERIFY2(marker.pixels > 0 && QLineF(marker.centre, front).length() < 1.5, qPrintable(describe(marker.centre, front)));
        QCOMPARE(m_view->planeView(0)->orientationLetters(), (QStringList{"R", "L", "A", "P"}));
        QCOMPARE(m_view->planeView(1)->orientationLetters(), (QStringList{"R", "L", "S", "I"}));
        QCOMPARE(m_view->planeView(2)->orientationLetters(), (QStringList{"A", "P", "S", "I"}));
    }

    void acquiredSlicesOfAnObliqueSeriesGetObliqueLetters()
    {
        // Slices tilted 40° about x (an oblique acquisition): seen straight on, the top of the
        // image points anterior and inferior (A, then I at 0.64), the bottom posterior and
        // superior; left and right stay pure.
        ImageGeometry g;
        g.size = {40, 40, 20};
        const double a = 40 * M_PI / 180;
        g.direction = {1, 0, 0, 0, std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a)};
        Volume v(PixelType::Int16, g);
        v.info().units = "HU";
        m_view->setVolume(v);
        m_view->setLayout(MprLayout::Single);
        m_view->setSingleOrientation(SliceOrientation::Native);
        SliceView* view = m_view->planeView(0);
        QCOMPARE(view->orientation(), SliceOrientation::Native);
        QCOMPARE(view->orientationLetters(), (QStringList{"R", "L", "AI", "PS"}));
        QVERIFY(norm(minus(view->planeNormal(), {0, -std::sin(a), std::cos(a)})) < 1e-12);
        // The same series in patient planes: pure letters again.
        m_view->setLayout(MprLayout::TwoByTwo);
        QCOMPARE(m_view->planeView(1)->orientationLetters(), (QStringList{"R", "L", "S", "I"}));
    }

    void clickingAndScrollingMoveTheCrosshairInEveryView()
    {
        SliceView* axial = m_view->planeView(0);
        SliceView* coronal = m_view->planeView(1);
        SliceView* sagittal = m_view->planeView(2);
        QVERIFY(axial->isCrosshairVisible());
        // A click in the axial view: the point under the mouse becomes everyone's crosshair.
        const QPoint click = (predictedPixel(axial, kLeftMarker)).toPoint();
        const Vec3 target = axial->patientPointAt(click);
        QTest::mouseClick(axial->vtkWidget(), Qt::LeftButton, Qt::NoModifier, click);
        for (SliceView* view : {axial, coronal, sagittal})
            QVERIFY(norm(minus(view->crosshair(), target)) < 1e-9);
        QVERIFY(std::abs(target[0] - kLeftMarker[0]) < 1.0 && std::abs(target[1] - kLeftMarker[1]) < 1.0);
        // The sagittal plane went 20 mm left: it shows the marker at its crosshair.
        QVERIFY(std::abs(dot(sagittal->crosshair(), sagittal->planeNormal()) - kLeftMarker[0]) < 1.0);
        // Dragging moves it on.
        QTest::mousePress(axial->vtkWidget(), Qt::LeftButton, Qt::NoModifier, click);
        QTest::mouseMove(axial->vtkWidget(), click + QPoint(0, 30));
        QTest::mouseRelease(axial->vtkWidget(), Qt::LeftButton, Qt::NoModifier, click + QPoint(0, 30));
        const double movedMm = 30 / pixelsPerMm(axial);
        // Down on the axial view is posterior (+y).
        QVERIFY2(std::abs(coronal->crosshair()[1] - (target[1] + movedMm)) < 0.05,
                 qPrintable(QString::number(coronal->crosshair()[1])));
        // Scrolling the coronal view steps its plane, and the crosshair, along y.
        const double before = axial->crosshair()[1];
        const int slice = coronal->slice();
        QWheelEvent wheel(QPointF(50, 50), coronal->vtkWidget()->mapToGlobal(QPointF(50, 50)), QPoint(), QPoint(0, 3 * 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(coronal->vtkWidget(), &wheel);
        QCOMPARE(coronal->slice(), slice + 3);
        QVERIFY(axial->crosshair()[1] > before + 2.0);
        QVERIFY(norm(minus(axial->crosshair(), coronal->crosshair())) < 1e-9);
        // Hidden, the crosshair no longer takes clicks.
        m_view->linker()->setCrosshairVisible(false);
        const Vec3 kept = axial->crosshair();
        QTest::mouseClick(axial->vtkWidget(), Qt::LeftButton, Qt::NoModifier, click + QPoint(40, 0));
        QVERIFY(norm(minus(axial->crosshair(), kept)) < 1e-9);
    }

    void draggingAHandleTiltsTheOtherPlanes()
    {
        SliceView* axial = m_view->planeView(0);
        SliceView* coronal = m_view->planeView(1);
        SliceView* sagittal = m_view->planeView(2);
        // Turn the coronal line's handle by 30° about the crosshair in the axial view.
        const QPointF centre = predictedPixel(axial, kCentre);
        int handle = -1;
        for (int h = 0; h < 4; ++h) {
            const QPointF at = axial->crosshairHandle(h);
            if (std::abs(at.y() - centre.y()) < 1.0 && at.x() > centre.x()) // the horizontal (coronal) line, right end
                handle = h;
        }
        QVERIFY(handle >= 0);
        const QPointF from = axial->crosshairHandle(handle);
        const double r = from.x() - centre.x(), angle = 30 * M_PI / 180;
        // On screen, up is anterior (-y) and right is left (+x): turning the handle up turns
        // the plane's in-plane axis from +x towards -y.
        const QPointF to = centre + QPointF(r * std::cos(angle), -r * std::sin(angle));
        QTest::mousePress(axial->vtkWidget(), Qt::LeftButton, Qt::NoModifier, from.toPoint());
        QTest::mouseMove(axial->vtkWidget(), ((from + to) / 2).toPoint());
        QTest::mouseMove(axial->vtkWidget(), to.toPoint());
        QTest::mouseRelease(axial->vtkWidget(), Qt::LeftButton, Qt::NoModifier, to.toPoint());
        // The crosshair stayed; the axial plane did not turn; coronal and sagittal turned
        // by 30° about z (to within the rounding of the handle's pixel).
        QVERIFY(norm(minus(axial->crosshair(), kCentre)) < 1e-9);
        QVERIFY(std::abs(axial->planeNormal()[2] - 1.0) < 1e-9);
        const Vec3 n = coronal->planeNormal();
        const double turned = std::atan2(-n[0], n[1]) * 180 / M_PI; // (0,1,0) turned towards -x
        QVERIFY2(std::abs(std::abs(turned) - 30) < 1.0, qPrintable(QString::number(turned)));
        QVERIFY(std::abs(dot(n, sagittal->planeNormal())) < 1e-9);
        QVERIFY(std::abs(n[2]) < 1e-9);
        // The marker 20 mm to the left is now 20 cos 30° mm across in the tilted coronal plane
        // and shows there, 20 sin 30° mm off the plane is beyond its 3 mm radius: not shown.
        QTest::qWait(50);
        const QImage frame = coronal->vtkWidget()->grabFramebuffer();
        const Blob sphere = findBlob(frame, predictedPixel(coronal, kCentre), 1.6 * kRadius * pixelsPerMm(coronal), 100, 160);
        QVERIFY2(QLineF(sphere.centre, predictedPixel(coronal, kCentre)).length() < 1.5,
                 qPrintable(describe(sphere.centre, predictedPixel(coronal, kCentre))));
        QCOMPARE(findBlob(frame, predictedPixel(coronal, kLeftMarker), 5 * pixelsPerMm(coronal), 230, 255).pixels, 0);
        // The sagittal plane turned with it: the marker is 20 cos 30° mm across it.
        QVERIFY(std::abs(std::abs(dot(minus(kLeftMarker, kCentre), sagittal->planeNormal())) - 20 * std::cos(angle)) < 0.5);
        // Reset: orthogonal again.
        QTest::mouseClick(m_view->findChild<QToolButton*>("resetObliqueButton"), Qt::LeftButton);
        QVERIFY(norm(minus(coronal->planeNormal(), {0, 1, 0})) < 1e-12);
        QVERIFY(norm(minus(sagittal->planeNormal(), {1, 0, 0})) < 1e-12);
    }

    void slabProjectsWhatTheThinPlaneMisses()
    {
        // The coronal plane through the sphere's centre misses the dot 16 mm above it in
        // the axial... the sagittal and coronal planes both contain it; use the axial view
        // moved to the dot's height minus 4 mm: a thin plane misses the 2.5 mm dot.
        SliceView* axial = m_view->planeView(0);
        m_view->linker()->setCrosshair({kCentre[0], kCentre[1], kOffPlaneDot[2] - 4.0});
        QTest::qWait(20);
        const QPointF at = predictedPixel(axial, kOffPlaneDot);
        const double reach = 4 * pixelsPerMm(axial);
        auto dotPixels = [&] { return findBlob(axial->vtkWidget()->grabFramebuffer(), at, reach, 170, 210).pixels; };
        QCOMPARE(dotPixels(), 0);
        QComboBox* slab = m_view->findChild<QComboBox*>("slabBox");
        slab->setCurrentIndex(slab->findData(int(SlabMode::Max)));
        m_view->findChild<QDoubleSpinBox*>("slabThickness")->setValue(10.0);
        QCOMPARE(axial->slabMode(), SlabMode::Max);
        QCOMPARE(axial->slabThickness(), 10.0);
        QTest::qWait(20);
        // 1500 through a 0..2000 window: grey 191.
        QVERIFY(dotPixels() > 10);
        slab->setCurrentIndex(slab->findData(int(SlabMode::Min)));
        QTest::qWait(20);
        QCOMPARE(dotPixels(), 0);
        slab->setCurrentIndex(slab->findData(int(SlabMode::None)));
        QCOMPARE(axial->slabMode(), SlabMode::None);
    }

    void measurementsAreSharedAndShownOnTheirPlane()
    {
        SliceView* axial = m_view->planeView(0);
        SliceView* coronal = m_view->planeView(1);
        QSignalSpy added(axial, &SliceView::measurementAdded);
        coronal->setTool(SliceView::Tool::Ellipse);
        const QPointF c = predictedPixel(coronal, kCentre);
        const double r = kRadius * 0.6 * pixelsPerMm(coronal);
        QTest::mousePress(coronal->vtkWidget(), Qt::LeftButton, Qt::NoModifier, (c - QPointF(r, r)).toPoint());
        QTest::mouseMove(coronal->vtkWidget(), c.toPoint());
        QTest::mouseMove(coronal->vtkWidget(), (c + QPointF(r, r)).toPoint());
        QTest::mouseRelease(coronal->vtkWidget(), Qt::LeftButton, Qt::NoModifier, (c + QPointF(r, r)).toPoint());
        // Drawn in the coronal view, kept in the first view's list, which announces it.
        QCOMPARE(axial->measurements().size(), size_t(1));
        QCOMPARE(added.size(), 1);
        const Measurement& m = axial->measurements().front();
        // All its points on the coronal plane (y = const), inside the sphere: 1000 HU.
        for (const Vec3& p : m.points)
            QVERIFY(std::abs(p[1] - kCentre[1]) < 1e-6);
        const RegionStatistics stats = axial->measurementStatistics(0);
        QVERIFY(stats.voxels > 20);
        QCOMPARE(stats.mean, 1000.0);
        QCOMPARE(stats.min, 1000.0);
        m_view->planeView(0)->setTool(SliceView::Tool::None);
    }

    void labelMapLayerIsDrawnOnEveryPlane()
    {
        // Label 3 on the sphere, in the image's own (oblique) geometry.
        const Volume image = m_view->volume();
        Volume labels(PixelType::UInt8, image.geometry());
        const auto* values = image.voxels<std::int16_t>();
        auto* l = labels.voxels<std::uint8_t>();
        for (std::size_t i = 0; i < image.voxelCount(); ++i)
            l[i] = values[i] == 1000 ? 3 : 0;
        LabelMapLayer layer = makeLabelMapLayer("sphere", labels);
        QCOMPARE(layer.table.size(), size_t(1));
        layer.table[0].colour = {255, 0, 0};
        layer.opacity = 0.5;
        layer.outline = false;
        QSignalSpy surfaces(m_view->volumeRenderView(), &VolumeRenderView::labelSurfacesReady);
        m_view->layers()->add(layer);
        // In 3-D, the label is a surface around the sphere (8 mm about its centre).
        QVERIFY(surfaces.wait(20000));
        vtkActor* surface = m_view->volumeRenderView()->labelSurfaceActor(3);
        QVERIFY(surface);
        double bounds[6];
        surface->GetBounds(bounds);
        for (int a = 0; a < 3; ++a) {
            QVERIFY2(std::abs((bounds[2 * a] + bounds[2 * a + 1]) / 2 - kCentre[size_t(a)]) < 1.0, qPrintable(QString::number(a)));
            QVERIFY2(std::abs((bounds[2 * a + 1] - bounds[2 * a]) / 2 - kRadius) < 1.5, qPrintable(QString::number(a)));
        }
        for (int i = 0; i < 3; ++i) {
            SliceView* view = m_view->planeView(i);
            const QImage frame = view->vtkWidget()->grabWithOverlay();
            const QPointF c = predictedPixel(view, kCentre);
            // Mid grey (1000 in a 0..2000 window) under half-opaque red.
            const QColor inside = frame.pixelColor(c.toPoint());
            QVERIFY2(std::abs(inside.red() - 191) <= 6 && std::abs(inside.green() - 64) <= 6, qPrintable(inside.name()));
            // Off the sphere, off the crosshair lines.
            const QColor outside = frame.pixelColor((c + QPointF(1.2, 1.2) * kRadius * pixelsPerMm(view)).toPoint());
            QVERIFY2(outside.red() < 10 && outside.green() < 10, qPrintable(outside.name()));
        }
        // Hidden, it is gone.
        m_view->layers()->setVisible(0, false);
        SliceView* axial = m_view->planeView(0);
        const QColor plain = axial->vtkWidget()->grabWithOverlay().pixelColor(predictedPixel(axial, kCentre).toPoint());
        QVERIFY2(std::abs(plain.red() - plain.green()) <= 2, qPrintable(plain.name()));
    }

    void screenshotsOfEachView()
    {
        QTemporaryDir dir;
        for (int view = 0; view < 4; ++view) {
            const QString path = dir.filePath(QStringLiteral("view%1.png").arg(view));
            QVERIFY(m_view->saveScreenshot(view, path));
            const QImage image(path);
            QCOMPARE(image.size(), view < 3 ? m_view->planeView(view)->vtkWidget()->size() : m_view->volumeWidget()->size());
        }
        if (qEnvironmentVariableIsSet("RADPATH_SCREENSHOT_DIR"))
            m_view->grab().save(QDir(qEnvironmentVariable("RADPATH_SCREENSHOT_DIR")).filePath("mpr-phantom.png"));
    }

private:
    std::unique_ptr<VolumeView> m_view;
};

QTEST_MAIN(MprTest)
#include "MprTest.moc"
