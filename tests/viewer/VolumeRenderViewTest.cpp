// The 3-D view: presets reach VTK's volume property, standard views place the camera in
// LPS, the transfer function editor maps pixels to values, cropping is an index box,
// quality drops while interacting, label surfaces land in patient space, screenshots.

#include "viewer/view/VolumeRenderView.h"
#include "viewer/model/Volume.h"
#include "viewer/render/VtkWidget.h"
#include "viewer/view/TransferFunctionEditor.h"

#include <QAction>
#include <QtTest>

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkColorTransferFunction.h>
#include <vtkPiecewiseFunction.h>
#include <vtkPlane.h>
#include <vtkPlaneCollection.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSmartVolumeMapper.h>
#include <vtkVolume.h>
#include <vtkVolumeProperty.h>

#include <cmath>
#include <functional>
#include <random>
#include <set>

using namespace radpath::viewer;

namespace {

bool near(double a, double b, double tolerance = 1e-6)
{
    return std::abs(a - b) <= tolerance;
}

Volume makeVolume(PixelType type, std::array<int, 3> size, Vec3 spacing, Vec3 origin, std::array<double, 9> direction,
                  const std::function<double(const Vec3& lps)>& value)
{
    ImageGeometry g;
    g.size = size;
    g.spacing = spacing;
    g.origin = origin;
    g.direction = direction;
    Volume v(type, g);
    visitPixelType(type, [&](auto tag) {
        using T = decltype(tag);
        T* p = v.voxels<T>();
        for (int k = 0; k < size[2]; ++k)
            for (int j = 0; j < size[1]; ++j)
                for (int i = 0; i < size[0]; ++i)
                    p[v.linearIndex(i, j, k)] = T(value(g.indexToPhysical({double(i), double(j), double(k)})));
    });
    return v;
}

Volume ctCube(std::array<double, 9> direction = {1, 0, 0, 0, 1, 0, 0, 0, 1}, Vec3 origin = {0, 0, 0})
{
    Volume v =
        makeVolume(PixelType::Int16, {24, 24, 24}, {1, 1, 1}, origin, direction, [](const Vec3&) { return 1000; });
    v.info().modality = "CT";
    v.info().units = "HU";
    return v;
}

void trigger(QWidget& view, const char* action)
{
    auto* a = view.findChild<QAction*>(QLatin1String(action));
    QVERIFY2(a, action);
    a->trigger();
}

Vec3 cameraSide(vtkCamera* camera)
{
    double p[3], f[3];
    camera->GetPosition(p);
    camera->GetFocalPoint(f);
    const Vec3 v{p[0] - f[0], p[1] - f[1], p[2] - f[2]};
    return scale(v, 1.0 / norm(v));
}

bool sameDirection(const Vec3& a, const Vec3& b)
{
    return norm(sub(a, b)) < 1e-6;
}

QString describe(const Vec3& v)
{
    return QStringLiteral("(%1, %2, %3)").arg(v[0]).arg(v[1]).arg(v[2]);
}

bool isBackground(QColor c)
{
    return c.red() < 40 && c.green() < 40 && c.blue() < 50;
}

} // namespace

class VolumeRenderViewTest : public QObject {
    Q_OBJECT
private slots:
    void presetsReachTheVolumeProperty()
    {
        VolumeRenderView view;
        view.setVolume(ctCube());
        vtkVolumeProperty* property = view.volumeActor()->GetProperty();
        QCOMPARE(QString::fromStdString(view.transferFunction().name), QStringLiteral("CT soft tissue"));

        struct Check {
            const char* preset;
            double value;
            double opacity;
        };
        // Hand values from the presets' points (linear between them).
        const Check checks[] = {
            {"CT bone", 300, 0.45},         {"CT bone", 225, 0.225},
            {"CT bone", 40, 0.0},           {"CT soft tissue", 80, 0.25},
            {"CT soft tissue", 50, 0.145},  {"CT lung", -850, 0.06},
            {"CT lung", -725, 0.08},        {"CT angiography", 200, 0.45},
            {"CT angiography", 350, 0.575}, {"MIP", 0, 1.0},
        };
        for (const Check& c : checks) {
            QVERIFY(view.applyPreset(QLatin1String(c.preset)));
            const double got = property->GetScalarOpacity()->GetValue(c.value);
            QVERIFY2(near(got, c.opacity),
                     qPrintable(QStringLiteral("%1 at %2: %3").arg(c.preset).arg(c.value).arg(got)));
            const bool mip = QLatin1String(c.preset) == QLatin1String("MIP");
            QCOMPARE(view.volumeMapper()->GetBlendMode(),
                     mip ? vtkVolumeMapper::MAXIMUM_INTENSITY_BLEND : vtkVolumeMapper::COMPOSITE_BLEND);
            QCOMPARE(property->GetShade() != 0, !mip);
        }
        view.applyPreset("CT angiography");
        double rgb[3];
        property->GetRGBTransferFunction()->GetColor(200, rgb);
        QVERIFY(near(rgb[0], 0.85) && near(rgb[1], 0.12) && near(rgb[2], 0.1));
        view.applyPreset("MIP");
        property->GetRGBTransferFunction()->GetColor(250, rgb);
        QVERIFY(near(rgb[0], 0.5) && near(rgb[1], 0.5));
        QVERIFY(!view.applyPreset("No such preset"));

        // The shading toggle follows the property.
        view.applyPreset("CT bone");
        view.setShading(false);
        QCOMPARE(property->GetShade(), 0);
        QVERIFY(!view.findChild<QAction*>("shadingAction")->isChecked());

        view.setVolume(Volume()); // nothing to render
        QCOMPARE(view.vtkWidget()->renderer()->GetVolumes()->GetNumberOfItems(), 0);
    }

    void mrDefaultScalesToPercentiles()
    {
        // Values 0..199, 20 voxels each: 1st percentile 1.5, 99.5th 198.5 (w = 197).
        ImageGeometry g;
        g.size = {20, 10, 20};
        Volume mr(PixelType::UInt8, g);
        for (std::size_t n = 0; n < mr.voxelCount(); ++n)
            mr.voxels<std::uint8_t>()[n] = std::uint8_t(n % 200);
        VolumeRenderView view;
        view.setVolume(mr);
        QCOMPARE(QString::fromStdString(view.transferFunction().name), QStringLiteral("MR default"));
        vtkPiecewiseFunction* opacity = view.volumeActor()->GetProperty()->GetScalarOpacity();
        QVERIFY(near(opacity->GetValue(1.5 + 0.15 * 197), 0.0));
        QVERIFY(near(opacity->GetValue(1.5 + 0.45 * 197), 0.2));
        QVERIFY(near(opacity->GetValue(198.5), 0.6));
    }

    void largeVolumeGetsItsHistogramInTheBackground()
    {
        // Over the synchronous limit: MR default waits for the percentiles, the volume hidden.
        ImageGeometry g;
        g.size = {256, 250, 70}; // 4,480,000 voxels, each value 0..999 as often
        Volume mr(PixelType::Int16, g);
        for (std::size_t n = 0; n < mr.voxelCount(); ++n)
            mr.voxels<std::int16_t>()[n] = std::int16_t(n % 1000);
        VolumeRenderView view;
        view.resize(300, 300);
        view.setVolume(mr);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(!view.transferFunctionEditor()->histogram().isEmpty(), 20000);
        QCOMPARE(view.transferFunctionEditor()->histogram().maximum, 999.0);
        QCOMPARE(QString::fromStdString(view.transferFunction().name), QStringLiteral("MR default"));
        QVERIFY(view.volumeActor()->GetVisibility());
        // 1st percentile of 0..999 uniform: 9.5; 99.5th: 994.5.
        QVERIFY(near(view.transferFunction().opacity.front().value, 9.5));
        QVERIFY(near(view.transferFunction().opacity.back().value, 994.5));
        // Shown once its transfer function is known, the volume gets its camera then.
        QVERIFY(sameDirection(cameraSide(view.vtkWidget()->renderer()->GetActiveCamera()), {0, -1, 0}));
    }

    void standardViewsLookFromThePatientSides()
    {
        // Oblique grid: the camera still follows LPS, not the index axes.
        const double c = std::cos(M_PI / 6), s = std::sin(M_PI / 6);
        VolumeRenderView view;
        view.resize(420, 400);
        view.setVolume(ctCube({c, -s, 0, s, c, 0, 0, 0, 1}, {-40, 25, 300}));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        vtkCamera* camera = view.vtkWidget()->renderer()->GetActiveCamera();

        struct Expect {
            const char* action;
            Vec3 side;
            Vec3 up;
        };
        const Expect expects[] = {
            {"viewAnterior", {0, -1, 0}, {0, 0, 1}}, {"viewPosterior", {0, 1, 0}, {0, 0, 1}},
            {"viewLeft", {1, 0, 0}, {0, 0, 1}},      {"viewRight", {-1, 0, 0}, {0, 0, 1}},
            {"viewSuperior", {0, 0, 1}, {0, -1, 0}}, {"viewInferior", {0, 0, -1}, {0, -1, 0}},
        };
        // The grid's centre in LPS: origin + R (11.5, 11.5, 11.5).
        const Vec3 centre{-40 + 11.5 * (c - s), 25 + 11.5 * (s + c), 300 + 11.5};
        for (const Expect& e : expects) {
            trigger(view, e.action);
            const Vec3 side = cameraSide(camera);
            QVERIFY2(sameDirection(side, e.side), qPrintable(QString(e.action) + describe(side)));
            double up[3], focal[3];
            camera->GetViewUp(up);
            camera->GetFocalPoint(focal);
            QVERIFY2(sameDirection({up[0], up[1], up[2]}, e.up), e.action);
            // Bounds of the rotated box: its centre is the grid's centre.
            QVERIFY(near(focal[0], centre[0], 1e-6) && near(focal[1], centre[1], 1e-6) &&
                    near(focal[2], centre[2], 1e-6));
        }
        trigger(view, "resetCameraAction");
        QVERIFY(sameDirection(cameraSide(camera), {0, -1, 0}));
    }

    void cameraWaitsForARealSize()
    {
        VolumeRenderView view;
        view.setVolume(ctCube());
        vtkCamera* camera = view.vtkWidget()->renderer()->GetActiveCamera();
        view.showStandardView(VolumeRenderView::StandardView::Left);
        QVERIFY(!sameDirection(cameraSide(camera), {1, 0, 0})); // hidden: not placed yet
        view.resize(300, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(sameDirection(cameraSide(camera), {1, 0, 0}));
    }

    void editorMapsPixelsToValues()
    {
        VolumeRenderView view;
        view.resize(500, 600);
        view.setVolume(ctCube());
        TransferFunction tf;
        tf.name = "test";
        tf.opacity = {{0, 0}, {500, 0.5}, {1000, 1}};
        tf.colour = {{0, 0, 0, 0}, {1000, 1, 1, 1}};
        view.setTransferFunction(tf);
        view.setTransferFunctionEditorVisible(true);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        TransferFunctionEditor* editor = view.transferFunctionEditor();
        QVERIFY(editor->isVisible());
        editor->setValueRange(0, 1000);
        QSignalSpy emitted(&view, &VolumeRenderView::transferFunctionChanged);
        const QRectF plot = editor->plotRect();
        auto pixel = [&](double value, double opacity) {
            return QPointF(plot.left() + value / 1000.0 * plot.width(), plot.bottom() - opacity * plot.height())
                .toPoint();
        };
        auto valueOf = [&](QPoint p) { return (p.x() - plot.left()) / plot.width() * 1000.0; };
        auto opacityOf = [&](QPoint p) { return (plot.bottom() - p.y()) / plot.height(); };

        // Drag the middle point.
        const QPoint target = pixel(300, 0.8);
        QTest::mousePress(editor, Qt::LeftButton, {}, pixel(500, 0.5));
        QTest::mouseMove(editor, pixel(400, 0.6));
        QTest::mouseMove(editor, target);
        QTest::mouseRelease(editor, Qt::LeftButton, {}, target);
        QVERIFY(emitted.count() >= 1);
        const TransferFunction moved = view.transferFunction();
        QCOMPARE(moved, editor->transferFunction());
        QCOMPARE(int(moved.opacity.size()), 3);
        QVERIFY(near(moved.opacity[1].value, valueOf(target)));
        QVERIFY(near(moved.opacity[1].opacity, opacityOf(target)));
        vtkPiecewiseFunction* opacity = view.volumeActor()->GetProperty()->GetScalarOpacity();
        QVERIFY(near(opacity->GetValue(valueOf(target)), opacityOf(target)));

        // Dragged past its right neighbour, it stops just before it.
        QTest::mousePress(editor, Qt::LeftButton, {}, target);
        QTest::mouseMove(editor, pixel(1200, 0.8));
        QTest::mouseRelease(editor, Qt::LeftButton, {}, pixel(1200, 0.8));
        const double stopped = view.transferFunction().opacity[1].value;
        QVERIFY2(stopped < 1000.0 && stopped > 999.0, qPrintable(QString::number(stopped)));

        // A click on empty space adds a point there.
        const QPoint added = pixel(700, 0.1);
        QTest::mouseClick(editor, Qt::LeftButton, {}, added);
        QCOMPARE(int(view.transferFunction().opacity.size()), 4);
        const OpacityPoint p = view.transferFunction().opacity[1];
        QVERIFY(near(p.value, valueOf(added)) && near(p.opacity, opacityOf(added)));

        // Right-click removes it; double-click removes another; two always stay.
        QTest::mouseClick(editor, Qt::RightButton, {}, added);
        QCOMPARE(int(view.transferFunction().opacity.size()), 3);
        QTest::mouseDClick(editor, Qt::LeftButton, {}, pixel(0, 0));
        QCOMPARE(int(view.transferFunction().opacity.size()), 2);
        QCOMPARE(view.transferFunction().opacity[0].value, stopped);
        QTest::mouseClick(editor, Qt::RightButton, {}, pixel(1000, 1));
        QCOMPARE(int(view.transferFunction().opacity.size()), 2);

        // Double-click on the colour bar adds a colour point with the chosen colour.
        editor->setColourChooser([](const QColor&) { return std::optional<QColor>(Qt::red); });
        const QRectF bar = editor->colourBarRect();
        const QPoint onBar = QPointF(bar.left() + 0.25 * bar.width(), bar.center().y()).toPoint();
        QTest::mouseDClick(editor, Qt::LeftButton, {}, onBar);
        const auto& colours = view.transferFunction().colour;
        QCOMPARE(int(colours.size()), 3);
        QVERIFY(near(colours[1].value, valueOf(onBar)));
        QVERIFY(colours[1].r == 1.0 && colours[1].g == 0.0 && colours[1].b == 0.0);
        double rgb[3];
        view.volumeActor()->GetProperty()->GetRGBTransferFunction()->GetColor(colours[1].value, rgb);
        QVERIFY(near(rgb[0], 1.0) && near(rgb[1], 0.0));

        // The wheel zooms the value axis around the cursor: 1.25x per notch.
        const QPointF middle(plot.left() + plot.width() / 2, plot.center().y());
        QWheelEvent wheel(middle, editor->mapToGlobal(middle), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(editor, &wheel);
        QVERIFY(near(editor->valueLow(), 500 - 500 / 1.25, 1e-6));
        QVERIFY(near(editor->valueHigh(), 500 + 500 / 1.25, 1e-6));
    }

    void cropPlanesFollowTheIndexBox()
    {
        const double c = std::cos(M_PI / 6), s = std::sin(M_PI / 6);
        Volume v = makeVolume(PixelType::Int16, {20, 30, 40}, {0.5, 1.0, 2.0}, {10, -20, 5},
                              {c, -s, 0, s, c, 0, 0, 0, 1}, [](const Vec3&) { return 0; });
        VolumeRenderView view;
        view.setVolume(v);
        QVERIFY(!view.volumeMapper()->GetClippingPlanes());
        view.setCroppingEnabled(true);
        view.setCropBox({2, 9, 0, 29, 10, 50});
        QCOMPARE(view.cropBox(), (IndexBox{2, 9, 0, 29, 10, 39})); // k clamped to the grid
        vtkPlaneCollection* planes = view.volumeMapper()->GetClippingPlanes();
        QVERIFY(planes);
        QCOMPARE(planes->GetNumberOfItems(), 6);
        // Faces of the kept voxels' footprints, in LPS: origin + R (along the axis), normal
        // into the box. i: 1.5 and 9.5 voxels of 0.5 mm; j: the whole grid, 0 and 29 mm;
        // k: 9.5 voxels of 2 mm up to the grid's last slice at 78 mm.
        const Vec3 ci{c, s, 0}, cj{-s, c, 0}, ck{0, 0, 1};
        const Vec3 origin{10, -20, 5};
        const std::pair<Vec3, Vec3> expected[6] = {
            {add(origin, scale(ci, 0.75)), ci},
            {add(origin, scale(ci, 4.75)), scale(ci, -1)},
            {origin, cj},
            {add(origin, scale(cj, 29.0)), scale(cj, -1)},
            {add(origin, scale(ck, 19.0)), ck},
            {add(origin, scale(ck, 78.0)), scale(ck, -1)},
        };
        for (int n = 0; n < 6; ++n) {
            vtkPlane* plane = planes->GetItem(n);
            const Vec3 o{plane->GetOrigin()[0], plane->GetOrigin()[1], plane->GetOrigin()[2]};
            const Vec3 normal{plane->GetNormal()[0], plane->GetNormal()[1], plane->GetNormal()[2]};
            QVERIFY2(norm(sub(o, expected[n].first)) < 1e-9,
                     qPrintable(QStringLiteral("plane %1 at %2").arg(n).arg(describe(o))));
            QVERIFY2(norm(sub(normal, expected[n].second)) < 1e-9,
                     qPrintable(QStringLiteral("plane %1 normal").arg(n)));
        }
        view.setCroppingEnabled(false);
        QVERIFY(!view.volumeMapper()->GetClippingPlanes());
    }

    void croppedHalfDisappearsOnScreen()
    {
        // i runs to the patient's right (-x): keeping the low i half keeps the patient's
        // left, which the anterior view shows on the screen's right.
        VolumeRenderView view;
        view.resize(300, 330);
        view.setVolume(ctCube({-1, 0, 0, 0, -1, 0, 0, 0, 1}, {50, 50, 0}));
        view.applyPreset("MIP");
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage whole = view.vtkWidget()->grabFramebuffer();
        const int w = whole.width(), h = whole.height();
        QVERIFY(!isBackground(whole.pixelColor(int(0.3 * w), h / 2)));
        QVERIFY(!isBackground(whole.pixelColor(int(0.7 * w), h / 2)));
        view.setCroppingEnabled(true);
        view.setCropBox({0, 11, 0, 23, 0, 23});
        const QImage cropped = view.vtkWidget()->grabFramebuffer(); // shorter: the crop panel shows
        QVERIFY(isBackground(cropped.pixelColor(int(0.3 * w), cropped.height() / 2)));
        QVERIFY(!isBackground(cropped.pixelColor(int(0.7 * w), cropped.height() / 2)));
    }

    void lowerQualityWhileInteracting()
    {
        VolumeRenderView view;
        view.resize(300, 300);
        view.setVolume(ctCube());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const double still = view.stillSampleDistance();
        QVERIFY(near(still, 0.5)); // half the 1 mm spacing
        QVERIFY(near(view.sampleDistance(), still));
        QWidget* gl = view.vtkWidget();
        const QPoint centre(gl->width() / 2, gl->height() / 2);
        QTest::mousePress(gl, Qt::LeftButton, {}, centre);
        QVERIFY(view.isInteracting());
        QVERIFY(near(view.sampleDistance(), 3 * still));
        QTest::mouseMove(gl, centre + QPoint(30, 10));
        QVERIFY(near(view.sampleDistance(), 3 * still));
        QTest::mouseRelease(gl, Qt::LeftButton, {}, centre + QPoint(30, 10));
        QVERIFY(!view.isInteracting());
        QVERIFY(near(view.sampleDistance(), still));

        // A wheel zoom is interactive until the wheel has been idle a moment.
        QWheelEvent wheel(centre, gl->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(gl, &wheel);
        QVERIFY(view.isInteracting());
        QVERIFY(near(view.sampleDistance(), 3 * still));
        QTRY_VERIFY(!view.isInteracting());
        QVERIFY(near(view.sampleDistance(), still));
    }

    void interactiveFramesSampleLess()
    {
        // Maximum intensity of noise depends on where the ray samples: frames rendered
        // with the button held differ from still ones when the distance reaches the ray caster.
        std::mt19937 random(11);
        std::uniform_int_distribution<int> noise(-1000, 1000);
        Volume v = makeVolume(PixelType::Int16, {32, 32, 32}, {1, 1, 1}, {0, 0, 0}, {1, 0, 0, 0, 1, 0, 0, 0, 1},
                              [&](const Vec3&) { return noise(random); });
        v.info().units = "HU";
        VolumeRenderView view;
        view.resize(200, 230);
        view.setVolume(v);
        view.applyPreset("MIP");
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        VtkWidget* gl = view.vtkWidget();
        const QImage before = gl->grabFramebuffer();
        const QPoint corner(2, 2); // a press without a move leaves the camera as it is
        QTest::mousePress(gl, Qt::LeftButton, {}, corner);
        const QImage interactive = gl->grabFramebuffer();
        QTest::mouseRelease(gl, Qt::LeftButton, {}, corner);
        const QImage after = gl->grabFramebuffer();
        QCOMPARE(after, before);
        int differ = 0;
        for (int y = 0; y < before.height(); ++y)
            for (int x = 0; x < before.width(); ++x)
                differ += interactive.pixel(x, y) != before.pixel(x, y);
        QVERIFY2(differ > before.width() * before.height() / 20, qPrintable(QString::number(differ)));
    }

    void labelSurfacesLieInPatientSpace_data()
    {
        QTest::addColumn<QVector<double>>("direction");
        const double c = std::cos(M_PI / 6), s = std::sin(M_PI / 6);
        QTest::newRow("rotated 30 degrees") << QVector<double>{c, -s, 0, s, c, 0, 0, 0, 1};
        QTest::newRow("reflected and permuted") << QVector<double>{0, 1, 0, 1, 0, 0, 0, 0, -1};
    }

    void labelSurfacesLieInPatientSpace()
    {
        QFETCH(QVector<double>, direction);
        ImageGeometry g;
        g.size = {40, 40, 30};
        g.spacing = {0.8, 1.0, 1.5};
        g.origin = {-60, 35, 120};
        std::copy(direction.begin(), direction.end(), g.direction.begin());
        // A sphere of radius 10 mm (label 1) and a cube of side 6 mm (label 2), in LPS.
        const Vec3 sphere = g.indexToPhysical({20, 19, 14});
        const Vec3 cube = g.indexToPhysical({4, 4, 3});
        const Volume labels =
            makeVolume(PixelType::UInt8, g.size, g.spacing, g.origin, g.direction, [&](const Vec3& p) {
                if (norm(sub(p, sphere)) <= 10.0)
                    return 1;
                const Vec3 q = sub(p, cube);
                return std::max({std::abs(q[0]), std::abs(q[1]), std::abs(q[2])}) <= 3.0 ? 2 : 0;
            });

        VolumeRenderView view;
        QSignalSpy ready(&view, &VolumeRenderView::labelSurfacesReady);
        view.setLabelSurfaces(labels,
                              {{1, {1, 0, 0}, 1.0, true}, {2, {0, 1, 0}, 0.5, true}, {3, {0, 0, 1}, 1.0, true}});
        QVERIFY(view.isBuildingLabelSurfaces());
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
        QVERIFY(!view.isBuildingLabelSurfaces());

        const double tolerance = 1.5 * 1.5; // 1.5 voxels of the coarsest spacing
        auto checkBounds = [&](vtkActor* actor, const Vec3& centre, double half) {
            double b[6];
            actor->GetBounds(b);
            for (int a = 0; a < 3; ++a) {
                const bool ok =
                    near(b[2 * a], centre[a] - half, tolerance) && near(b[2 * a + 1], centre[a] + half, tolerance);
                if (!ok)
                    qWarning("axis %d: bounds %g..%g, expected %g..%g", a, b[2 * a], b[2 * a + 1], centre[a] - half,
                             centre[a] + half);
                QVERIFY(ok);
            }
        };
        vtkActor* ball = view.labelSurfaceActor(1);
        QVERIFY(ball);
        checkBounds(ball, sphere, 10.0);
        vtkActor* box = view.labelSurfaceActor(2);
        QVERIFY(box);
        checkBounds(box, cube, 3.0);
        QVERIFY(!view.labelSurfaceActor(3)); // absent from the label map
        double rgb[3];
        ball->GetProperty()->GetColor(rgb);
        QCOMPARE(rgb[0], 1.0);
        QCOMPARE(box->GetProperty()->GetOpacity(), 0.5);

        // Styles change without a rebuild.
        view.updateLabelSurfaceStyles({{1, {0, 0, 1}, 0.3, false}});
        QCOMPARE(view.labelSurfaceActor(1), ball);
        ball->GetProperty()->GetColor(rgb);
        QVERIFY(rgb[0] == 0.0 && rgb[2] == 1.0);
        QCOMPARE(ball->GetProperty()->GetOpacity(), 0.3);
        QVERIFY(!ball->GetVisibility());
        QVERIFY(!view.isBuildingLabelSurfaces());
        QCOMPARE(ready.count(), 1);

        view.clearLabelSurfaces();
        QVERIFY(!view.labelSurfaceActor(1) && !view.labelSurfaceActor(2));
        QCOMPARE(view.vtkWidget()->renderer()->GetActors()->GetNumberOfItems(), 0);

        // A build replaced before it finished never shows.
        view.setLabelSurfaces(labels, {{1, {1, 0, 0}, 1.0, true}});
        view.setLabelSurfaces(labels, {{2, {0, 1, 0}, 1.0, true}});
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 30000);
        QTest::qWait(200);
        QCOMPARE(ready.count(), 2);
        QVERIFY(!view.labelSurfaceActor(1));
        QVERIFY(view.labelSurfaceActor(2));
    }

    void screenshotIsAPngOfTheWidget()
    {
        Volume ct = makeVolume(PixelType::Int16, {32, 32, 32}, {1, 1, 1}, {0, 0, 0}, {1, 0, 0, 0, 1, 0, 0, 0, 1},
                               [](const Vec3& p) {
                                   return norm(sub(p, {15.5, 15.5, 15.5})) < 10 ? 700 : -1000;
                               });
        ct.info().units = "HU";
        QTemporaryDir dir;
        const QString path = dir.filePath("shot.png");

        VolumeRenderView hidden;
        hidden.setVolume(ct);
        QVERIFY(!hidden.saveScreenshot(path)); // nothing on screen yet

        VolumeRenderView view;
        view.resize(320, 300);
        view.setVolume(ct);
        view.applyPreset("CT bone");
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.saveScreenshot(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(8), QByteArray("\x89PNG\r\n\x1a\n", 8));
        const QImage image(path, "PNG");
        QCOMPARE(image.size(), view.vtkWidget()->size() * view.vtkWidget()->devicePixelRatio());
        std::set<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 10, qPrintable(QString::number(colours.size())));
        // The bone sphere fills the middle; the corner is background.
        QVERIFY(!isBackground(image.pixelColor(image.width() / 2, image.height() / 2)));
        QVERIFY(isBackground(image.pixelColor(2, 2)));
    }
};

QTEST_MAIN(VolumeRenderViewTest)
#include "VolumeRenderViewTest.moc"
