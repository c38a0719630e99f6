// Layers over a volume: sampling on planes, compositing, the layer stack and label-map files.

#include "viewer/model/Layers.h"
#include "viewer/io/IoError.h"
#include "viewer/io/LabelMapReader.h"
#include "viewer/io/LabelMapWriter.h"
#include "viewer/io/NiftiWriter.h"
#include "viewer/model/LayerCompositor.h"
#include "viewer/model/PlaneSampler.h"

#include "LayersTestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>

using namespace radpath::viewer;
using namespace radpath::viewer::test;

namespace {

LabelMapLayer redLabels(const Volume& labels, int value)
{
    LabelMapLayer layer;
    layer.name = "labels";
    layer.labels = labels;
    layer.table = {{value, "lesion", {255, 0, 0}, true}};
    layer.outline = false;
    return layer;
}

struct Disc {
    double cx = 0, cy = 0; // centroid, pixels
    double radiusMm = 0;   // of a circle with the same area
    int count = 0;
};

Disc drawnDisc(const QImage& image, double pixelMm)
{
    Disc d;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (rawPixel(image, x, y) >> 24) {
                d.cx += x;
                d.cy += y;
                ++d.count;
            }
    if (d.count) {
        d.cx /= d.count;
        d.cy /= d.count;
    }
    d.radiusMm = std::sqrt(d.count / M_PI) * pixelMm;
    return d;
}

// Checks the sphere's section on `grid`: a disc centred on kCentre's projection, of the
// radius Pythagoras gives for the plane's distance from kCentre.
void checkSphereSection(const PlaneGrid& grid)
{
    const Volume volume = sphereVolume();
    const QImage image = composeLayers(std::vector<Layer>{redLabels(volume, 3)}, grid);
    QCOMPARE(image.format(), QImage::Format_ARGB32_Premultiplied);
    const auto expected = grid.pixelOf(kCentre);
    const double distance = dot(sub(kCentre, grid.origin), grid.normal());
    const double expectedRadius = std::sqrt(kRadius * kRadius - distance * distance);
    const Disc disc = drawnDisc(image, grid.pixelMm);
    // Within half a pixel (0.25 mm): a half-voxel slip of the sampler would show.
    QVERIFY2(std::abs(disc.cx - expected[0]) < 0.5 && std::abs(disc.cy - expected[1]) < 0.5,
             qPrintable(QStringLiteral("centre (%1, %2), expected (%3, %4)")
                            .arg(disc.cx)
                            .arg(disc.cy)
                            .arg(expected[0])
                            .arg(expected[1])));
    QVERIFY2(std::abs(disc.radiusMm - expectedRadius) < grid.pixelMm / 2,
             qPrintable(QStringLiteral("radius %1 mm, expected %2 mm").arg(disc.radiusMm).arg(expectedRadius)));
    // Drawn at the predicted centre, not drawn 1.5 mm beyond the edge in eight directions.
    const int cx = int(std::lround(expected[0])), cy = int(std::lround(expected[1]));
    QCOMPARE(rawPixel(image, cx, cy), 0x80800000u); // red at opacity 0.5, premultiplied
    for (int a = 0; a < 8; ++a) {
        const double r = (expectedRadius + 1.5) / grid.pixelMm, t = a * M_PI / 4;
        QCOMPARE(rawPixel(image, int(std::lround(expected[0] + r * std::cos(t))),
                          int(std::lround(expected[1] + r * std::sin(t)))) >>
                     24,
                 0u);
        const double inner = (expectedRadius - 1.5) / grid.pixelMm;
        QCOMPARE(rawPixel(image, int(std::lround(expected[0] + inner * std::cos(t))),
                          int(std::lround(expected[1] + inner * std::sin(t)))),
                 0x80800000u);
    }
}

float sampleAt(const Volume& v, const Vec3& index, Interpolation mode)
{
    PlaneGrid grid;
    grid.origin = v.geometry().indexToPhysical(index);
    grid.width = grid.height = 1;
    return samplePlane(v, grid, mode)[0];
}

} // namespace

class LayersTest : public QObject {
    Q_OBJECT
private slots:
    void sphereOnAxialPlane()
    {
        checkSphereSection(PlaneGrid::centredOn(kCentre, {1, 0, 0}, {0, 1, 0}, 0.5, 101, 101));
    }

    void sphereOnCoronalPlaneOffCentre()
    {
        // Grid centre 4 mm to the patient's left and 3 mm up from the sphere's centre.
        const Vec3 right{1, 0, 0}, down{0, 0, -1};
        const PlaneGrid grid =
            PlaneGrid::centredOn(add(kCentre, add(scale(right, 4), scale(down, -3))), right, down, 0.5, 101, 101);
        QCOMPARE(grid.pixelOf(kCentre)[0], 42.0);
        QCOMPARE(grid.pixelOf(kCentre)[1], 56.0);
        checkSphereSection(grid);
    }

    void sphereOnObliquePlane()
    {
        // An oblique plane 4 mm from the centre: a disc of radius sqrt(100 - 16) = 9.165 mm.
        const Vec3 right = unit({1, 1, 0.5});
        const Vec3 v0{0.2, -0.3, 1};
        const Vec3 down = unit(sub(v0, scale(right, dot(v0, right))));
        const Vec3 normal = cross(right, down);
        const PlaneGrid grid =
            PlaneGrid::centredOn(add(kCentre, add(scale(normal, 4), scale(right, 2))), right, down, 0.5, 101, 101);
        QVERIFY(std::abs(grid.pixelOf(kCentre)[0] - 46.0) < 1e-9);
        QVERIFY(std::abs(grid.pixelOf(kCentre)[1] - 50.0) < 1e-9);
        checkSphereSection(grid);
    }

    void nearestAndLinearValues()
    {
        for (const auto& direction : {std::array<double, 9>{1, 0, 0, 0, 1, 0, 0, 0, 1}, rotation({2, -1, 1}, 40)}) {
            const Volume v = cube(direction);
            // Index (0.25, 0.6, 0.75): trilinear = 10 * 0.25 * 0.6 * 0.75 + 0.25 + 1.2 + 3 = 5.575;
            // nearest voxel (0, 1, 1) = 6.
            QVERIFY(std::abs(sampleAt(v, {0.25, 0.6, 0.75}, Interpolation::Linear) - 5.575f) < 1e-5f);
            QCOMPARE(sampleAt(v, {0.25, 0.6, 0.75}, Interpolation::Nearest), 6.0f);
            // Within the outer half voxel: nearest (1, 1, 1) = 17, linear clamps to it.
            QCOMPARE(sampleAt(v, {1.4, 1.3, 1.45}, Interpolation::Nearest), 17.0f);
            QVERIFY(std::abs(sampleAt(v, {1.4, 1.3, 1.45}, Interpolation::Linear) - 17.0f) < 1e-5f);
            // Beyond it: outside.
            QVERIFY(isOutside(sampleAt(v, {-0.6, 0.5, 0.5}, Interpolation::Nearest)));
            QVERIFY(isOutside(sampleAt(v, {0.5, 0.5, 1.6}, Interpolation::Linear)));
        }
    }

    void rowSteppingMatchesPointByPoint()
    {
        // Every pixel of an oblique plane through an oblique volume against a direct
        // per-point trilinear sample.
        ImageGeometry g;
        g.size = {30, 25, 20};
        g.spacing = {1.1, 0.8, 1.7};
        g.origin = {-5, 8, -12};
        g.direction = rotation({-1, 3, 2}, 33);
        Volume v(PixelType::Float32, g);
        for (int k = 0; k < 20; ++k)
            for (int j = 0; j < 25; ++j)
                for (int i = 0; i < 30; ++i)
                    v.voxels<float>()[v.linearIndex(i, j, k)] = float(std::sin(0.3 * i) * 50 + j * j - 3 * k);
        const Vec3 right = unit({1, -0.4, 0.7});
        const Vec3 down = unit(sub(Vec3{0, 1, 0.2}, scale(right, dot(Vec3{0, 1, 0.2}, right))));
        const PlaneGrid grid = PlaneGrid::centredOn(g.center(), right, down, 0.6, 90, 80);
        const std::vector<float> fast = samplePlane(v, grid, Interpolation::Linear);
        int inside = 0, outside = 0;
        for (int y = 0; y < grid.height; ++y)
            for (int x = 0; x < grid.width; ++x) {
                const Vec3 c = g.physicalToIndex(grid.pointAt(x, y));
                const float got = fast[std::size_t(y * grid.width + x)];
                bool in = true;
                for (int a = 0; a < 3; ++a)
                    in = in && c[a] >= -0.5 + 1e-9 && c[a] <= g.size[a] - 0.5 - 1e-9;
                const bool edge = [&] {
                    for (int a = 0; a < 3; ++a)
                        if (std::abs(c[a] + 0.5) < 1e-9 || std::abs(c[a] - g.size[a] + 0.5) < 1e-9)
                            return true;
                    return false;
                }();
                if (edge)
                    continue;
                if (!in) {
                    QVERIFY(isOutside(got));
                    ++outside;
                    continue;
                }
                int i0[3];
                double f[3];
                for (int a = 0; a < 3; ++a) {
                    const double cc = std::clamp(c[a], 0.0, g.size[a] - 1.0);
                    i0[a] = std::min(int(cc), g.size[a] - 2);
                    f[a] = cc - i0[a];
                }
                double expected = 0;
                for (int corner = 0; corner < 8; ++corner) {
                    const int di = corner & 1, dj = (corner >> 1) & 1, dk = (corner >> 2) & 1;
                    const double w = (di ? f[0] : 1 - f[0]) * (dj ? f[1] : 1 - f[1]) * (dk ? f[2] : 1 - f[2]);
                    expected += w * v.valueAt(i0[0] + di, i0[1] + dj, i0[2] + dk);
                }
                QVERIFY2(std::abs(got - expected) < 1e-3, qPrintable(QStringLiteral("pixel (%1, %2)").arg(x).arg(y)));
                ++inside;
            }
        QVERIFY(inside > 1000);
        QVERIFY(outside > 100);
    }

    void colormapValues()
    {
        using C = std::array<std::uint8_t, 3>;
        QCOMPARE(colormapColour(Colormap::Grey, 0.0), (C{0, 0, 0}));
        QCOMPARE(colormapColour(Colormap::Grey, 1.0), (C{255, 255, 255}));
        QCOMPARE(colormapColour(Colormap::Hot, 0.0), (C{0, 0, 0}));
        QCOMPARE(colormapColour(Colormap::Hot, 0.375), (C{255, 0, 0}));
        QCOMPARE(colormapColour(Colormap::Hot, 0.75), (C{255, 255, 0}));
        QCOMPARE(colormapColour(Colormap::Hot, 1.0), (C{255, 255, 255}));
        QCOMPARE(colormapColour(Colormap::Jet, 0.0), (C{0, 0, 128}));
        QCOMPARE(colormapColour(Colormap::Jet, 0.5), (C{128, 255, 128}));
        QCOMPARE(colormapColour(Colormap::Jet, 1.0), (C{128, 0, 0}));
        // matplotlib's viridis: entry 0 #440154, entry 128 #21918c, entry 255 #fde725.
        QCOMPARE(colormapColour(Colormap::Viridis, 0.0), (C{68, 1, 84}));
        QCOMPARE(colormapColour(Colormap::Viridis, 128 / 255.0), (C{33, 145, 140}));
        QCOMPARE(colormapColour(Colormap::Viridis, 1.0), (C{253, 231, 37}));
        const C mid = colormapColour(Colormap::Viridis, 0.5);
        QVERIFY(std::abs(mid[0] - 33) <= 1 && std::abs(mid[1] - 145) <= 1 && std::abs(mid[2] - 140) <= 1);
        QCOMPARE(colormapTable(Colormap::Viridis)[128], 0xff21918cu);
        QCOMPARE(colormapColour(Colormap::Hot, -3.0), colormapColour(Colormap::Hot, 0.0)); // clamped
        QCOMPARE(colormapFromKey("Gray"), std::optional<Colormap>(Colormap::Grey));
        QCOMPARE(colormapFromKey(colormapKey(Colormap::Viridis)), std::optional<Colormap>(Colormap::Viridis));
        QVERIFY(!colormapFromKey("parula"));
    }

    void thresholdAndWindow()
    {
        // Values 0, 0.1, ..., 1.0 along x; grey window 0..1; threshold 0.5; opacity 0.6.
        ImageGeometry g;
        g.size = {11, 1, 1};
        Volume ramp(PixelType::Float32, g);
        for (int i = 0; i < 11; ++i)
            ramp.voxels<float>()[i] = float(i) / 10.0f;
        ScalarOverlayLayer layer = makeScalarOverlay("ramp", ramp);
        QCOMPARE(layer.windowCenter, 0.5); // defaults from the range
        QCOMPARE(layer.windowWidth, 1.0);
        QVERIFY(std::abs(layer.threshold - 0.01) < 1e-9);
        layer.colormap = Colormap::Grey;
        layer.threshold = 0.5;
        layer.opacity = 0.6;
        PlaneGrid grid;
        grid.width = 11;
        grid.height = 1;
        const QImage image = composeLayers(std::vector<Layer>{layer}, grid);
        for (int x = 0; x < 5; ++x)
            QCOMPARE(rawPixel(image, x, 0), 0u);
        // 0.5 -> entry 128 (grey 128); alpha 153; premultiplied 128 * 153 / 255 = 77.
        QCOMPARE(rawPixel(image, 5, 0), 0x994d4d4du);
        QCOMPARE(rawPixel(image, 10, 0), 0x99999999u); // white at 0.6
        // A narrower window saturates: center 0.25, width 0.5 puts 0.5 and above at white.
        layer.windowCenter = 0.25;
        layer.windowWidth = 0.5;
        QCOMPARE(rawPixel(composeLayers(std::vector<Layer>{layer}, grid), 6, 0), 0x99999999u);
    }

    void outlineIsTheInPlaneBoundary()
    {
        LabelMapLayer layer;
        layer.labels = rectangles();
        layer.table = {{1, "one", {255, 0, 0}, true}, {2, "two", {0, 255, 0}, true}, {4, "four", {0, 0, 255}, true}};
        const QImage image = composeLayers(std::vector<Layer>{layer}, voxelGrid(layer.labels));
        int outlines = 0;
        for (int y = 0; y < 10; ++y)
            for (int x = 0; x < 12; ++x) {
                std::uint32_t expected = 0;
                const bool in1 = x >= 2 && x <= 7 && y >= 2 && y <= 6;
                const bool in2 = x >= 8 && x <= 10 && y >= 2 && y <= 6;
                const bool in4 = x <= 1 && y >= 8;
                if (in1)
                    expected = (x == 2 || x == 7 || y == 2 || y == 6) ? 0xffff0000u : 0x80800000u;
                if (in2)
                    expected = (x == 8 || x == 10 || y == 2 || y == 6) ? 0xff00ff00u : 0x80008000u;
                if (in4) // the image border is not a boundary: only (0, 9) is not outlined
                    expected = (x == 0 && y == 9) ? 0x80000080u : 0xff0000ffu;
                outlines += (expected >> 24) == 0xff;
                QVERIFY2(rawPixel(image, x, y) == expected, qPrintable(QStringLiteral("pixel (%1, %2): %3, expected %4")
                                                                           .arg(x)
                                                                           .arg(y)
                                                                           .arg(rawPixel(image, x, y), 8, 16)
                                                                           .arg(expected, 8, 16)));
            }
        QCOMPARE(outlines, 18 + 12 + 3);

        // Outline only: interiors transparent. Fill only: no outline colour.
        layer.fill = false;
        QImage only = composeLayers(std::vector<Layer>{layer}, voxelGrid(layer.labels));
        QCOMPARE(rawPixel(only, 4, 4), 0u);
        QCOMPARE(rawPixel(only, 2, 4), 0xffff0000u);
        layer.fill = true;
        layer.outline = false;
        only = composeLayers(std::vector<Layer>{layer}, voxelGrid(layer.labels));
        QCOMPARE(rawPixel(only, 2, 4), 0x80800000u);
        QCOMPARE(rawPixel(only, 4, 4), 0x80800000u);
    }

    void hiddenLabelAndHiddenLayerNotDrawn()
    {
        LabelMapLayer layer;
        layer.labels = rectangles();
        layer.table = {{1, "one", {255, 0, 0}, true}, {2, "two", {0, 255, 0}, false}};
        QImage image = composeLayers(std::vector<Layer>{layer}, voxelGrid(layer.labels));
        for (int y = 2; y <= 6; ++y)
            for (int x = 8; x <= 10; ++x)
                QCOMPARE(rawPixel(image, x, y), 0u);
        QCOMPARE(rawPixel(image, 7, 4), 0xffff0000u); // label 1 still outlined against label 2
        QCOMPARE(rawPixel(image, 0, 9), 0u);          // label 4 has no entry: not drawn
        layer.visible = false;
        image = composeLayers(std::vector<Layer>{layer}, voxelGrid(layer.labels));
        QCOMPARE(rawPixel(image, 7, 4), 0u);
    }

    void labelOpacityScalesTheFill()
    {
        LabelMapLayer layer;
        layer.labels = rectangles();
        layer.outline = false;
        layer.opacity = 0.5;
        layer.table = {{1, "one", {255, 0, 0}, true, 0.5}};
        // 0.5 × 0.5: alpha 64, red premultiplied 64.
        const QImage image = composeLayers(std::vector<Layer>{layer}, voxelGrid(layer.labels));
        QCOMPARE(rawPixel(image, 7, 4), 0x40400000u);
        LayerStack stack;
        stack.add(layer);
        QSignalSpy changed(&stack, &LayerStack::changed);
        stack.setLabelOpacity(0, 1, 2.0); // clamped
        QCOMPARE(stack.labelMapAt(0)->entry(1)->opacity, 1.0);
        stack.setLabelOpacity(0, 1, 1.0); // no change, no signal
        QCOMPARE(changed.size(), 1);
    }

    void layersCompositeInOrder()
    {
        const Volume labels = rectangles();
        LabelMapLayer red = redLabels(labels, 1);
        ScalarOverlayLayer white = makeScalarOverlay("white", labels);
        white.colormap = Colormap::Grey;
        white.opacity = 1.0;
        white.threshold = 0.5;
        white.windowCenter = 0.5;
        white.windowWidth = 1.0;
        // Opaque white over red fill: white. Red fill (alpha 128) over white: 0x80800000 +
        // white * 127 / 255 = 0xffff7f7f.
        QCOMPARE(rawPixel(composeLayers(std::vector<Layer>{red, white}, voxelGrid(labels)), 4, 4), 0xffffffffu);
        QCOMPARE(rawPixel(composeLayers(std::vector<Layer>{white, red}, voxelGrid(labels)), 4, 4), 0xffff7f7fu);
    }

    void composeTiming()
    {
        // One label map and one overlay on an oblique 512 x 512 plane (timing is reported, not asserted).
        const Volume labels = sphereVolume();
        ImageGeometry g = labels.geometry();
        Volume pet(PixelType::Float32, g);
        for (std::size_t i = 0; i < pet.voxelCount(); ++i)
            pet.voxels<float>()[i] = float(i % 997) / 997.0f;
        LayerStack stack;
        stack.add(makeLabelMapLayer("sphere", labels));
        stack.add(makeScalarOverlay("pet", pet));
        const PlaneGrid grid = PlaneGrid::centredOn(kCentre, unit({1, 0.2, 0.1}), unit({-0.2, 1, 0.0}), 0.15, 512, 512);
        QImage image = composeLayers(stack, grid);
        QElapsedTimer timer;
        timer.start();
        constexpr int kRuns = 20;
        for (int r = 0; r < kRuns; ++r)
            image = composeLayers(stack, grid);
        qInfo("compose 512x512, label map + overlay: %.2f ms", timer.nsecsElapsed() / 1e6 / kRuns);
        QCOMPARE(image.size(), QSize(512, 512));
        QVERIFY(rawPixel(image, 256, 256) >> 24); // the sphere's centre is drawn
    }

    void stackOrderIdsAndSignals()
    {
        LayerStack stack;
        QSignalSpy changed(&stack, &LayerStack::changed);
        QSignalSpy layerChanged(&stack, &LayerStack::layerChanged);
        const int a = stack.add(redLabels(rectangles(), 1));
        const int b = stack.add(makeScalarOverlay("b", rectangles()));
        const int c = stack.add(makeScalarOverlay("c", rectangles()));
        QCOMPARE(changed.count(), 3);
        QVERIFY(a != b && b != c && a != c);
        QCOMPARE(stack.count(), 3);
        QCOMPARE(stack.idAt(0), a);
        QCOMPARE(stack.idAt(2), c);
        QVERIFY(stack.labelMapAt(0) && !stack.scalarOverlayAt(0));
        QVERIFY(stack.scalarOverlayAt(1) && !stack.labelMapAt(1));

        QVERIFY(stack.moveUp(0)); // a above b
        QCOMPARE(stack.idAt(0), b);
        QCOMPARE(stack.idAt(1), a);
        QVERIFY(!stack.moveUp(2));
        QVERIFY(!stack.moveDown(0));
        QVERIFY(stack.moveDown(2)); // c below a
        QCOMPARE(stack.idAt(1), c);
        QCOMPARE(stack.idAt(2), a);
        QCOMPARE(changed.count(), 5);

        QVERIFY(stack.remove(stack.indexOf(c)));
        QCOMPARE(stack.indexOf(c), -1);
        QCOMPARE(stack.count(), 2);
        QCOMPARE(stack.idAt(0), b);
        QCOMPARE(stack.idAt(1), a);
        QVERIFY(!stack.remove(5));
        const int d = stack.add(makeScalarOverlay("d", rectangles()));
        QVERIFY(d != a && d != b && d != c); // ids are never reused
        QCOMPARE(changed.count(), 7);

        // Property setters: one signal per real change, carrying the layer's id.
        stack.setOpacity(stack.indexOf(a), 0.5); // already 0.5
        QCOMPARE(changed.count(), 7);
        stack.setOpacity(stack.indexOf(a), 1.7);
        QCOMPARE(changed.count(), 8);
        QCOMPARE(layerOpacity(stack.at(stack.indexOf(a))), 1.0);
        QCOMPARE(layerChanged.last().first().toInt(), a);
        stack.setVisible(stack.indexOf(b), false);
        QVERIFY(!layerVisible(stack.at(stack.indexOf(b))));
        stack.setColormap(stack.indexOf(a), Colormap::Jet); // a label map: ignored
        QCOMPARE(changed.count(), 9);
        stack.setColormap(stack.indexOf(b), Colormap::Jet);
        QCOMPARE(stack.scalarOverlayAt(stack.indexOf(b))->colormap, Colormap::Jet);
        stack.setLabelVisible(stack.indexOf(a), 1, false);
        QVERIFY(!stack.labelMapAt(stack.indexOf(a))->entry(1)->visible);
        stack.setLabelVisible(stack.indexOf(a), 99, false); // no such label
        QCOMPARE(changed.count(), 11);
        QCOMPARE(layerChanged.last().first().toInt(), a);
    }


    void editedVoxelsMarkAnAiLabelMap()
    {
        LayerStack stack;
        LabelMapLayer drawnByHand = redLabels(rectangles(), 1);
        LabelMapLayer drawnByModel = redLabels(rectangles(), 1);
        drawnByModel.ai = {"ct-lesion-segmenter", "1.0", "0123abcd", false, {}};
        const int hand = stack.add(drawnByHand);
        const int model = stack.add(drawnByModel);
        QSignalSpy layerChanged(&stack, &LayerStack::layerChanged);

        stack.setOpacity(stack.indexOf(model), 0.2); // a display change is no edit
        QVERIFY(!stack.labelMapAt(stack.indexOf(model))->ai.edited);
        stack.voxelsChanged(stack.indexOf(model));
        const LabelMapLayer* edited = stack.labelMapAt(stack.indexOf(model));
        QVERIFY(edited->ai.isAi());
        QVERIFY(edited->ai.edited);
        QCOMPARE(edited->ai.model, std::string("ct-lesion-segmenter"));
        QCOMPARE(layerChanged.last().first().toInt(), model);

        stack.voxelsChanged(stack.indexOf(hand));
        QVERIFY(!stack.labelMapAt(stack.indexOf(hand))->ai.isAi());
        QVERIFY(!stack.labelMapAt(stack.indexOf(hand))->ai.edited);
        QCOMPARE(layerChanged.last().first().toInt(), hand);
    }
    void defaultTable()
    {
        const std::vector<LabelEntry> table = defaultLabelTable(rectangles());
        QCOMPARE(int(table.size()), 3);
        QCOMPARE(table[0].value, 1);
        QCOMPARE(table[1].value, 2);
        QCOMPARE(table[2].value, 4);
        QCOMPARE(table[2].name, std::string("Label 4"));
        QVERIFY(table[0].colour != table[1].colour && table[1].colour != table[2].colour);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, labelValuesPresent(cube({1, 0, 0, 0, 1, 0, 0, 0, 1})));
    }

    void sidecarsAndFloatLabels()
    {
        QTemporaryDir dir;
        ImageGeometry g;
        g.size = {4, 3, 2};
        Volume v(PixelType::Float32, g);
        v.voxels<float>()[1] = 1.0f;
        v.voxels<float>()[5] = 2.0f;
        const std::string path = dir.filePath("seg.nii").toStdString();
        writeNifti(v, path);
        {
            std::ofstream txt(dir.filePath("seg.nii.txt").toStdString(), std::ios::binary);
            txt << "0\tBackground\r\n1 Left hippocampus\r\n2 Tumour_core 2001\r\n";
            std::string lut(768, '\0');
            lut[1] = 10, lut[256 + 1] = 20, lut[512 + 1] = 30;
            lut[2] = 40, lut[256 + 2] = 50, lut[512 + 2] = 60;
            std::ofstream(dir.filePath("seg.nii.lut").toStdString(), std::ios::binary) << lut;
        }
        const LabelMapLayer layer = loadLabelMap(path, v);
        QCOMPARE(layer.name, std::string("seg"));
        QCOMPARE(layer.labels.pixelType(), PixelType::Int32);
        QCOMPARE(int(layer.table.size()), 2);
        QCOMPARE(layer.entry(1)->name, std::string("Left hippocampus"));
        QCOMPARE(layer.entry(2)->name, std::string("Tumour_core"));
        QCOMPARE(layer.entry(1)->colour, (Rgb{10, 20, 30}));
        QCOMPARE(layer.entry(2)->colour, (Rgb{40, 50, 60}));

        v.voxels<float>()[7] = 0.5f;
        writeNifti(v, dir.filePath("soft.nii").toStdString());
        try {
            loadLabelMap(dir.filePath("soft.nii").toStdString());
            QFAIL("a map of 0.5 loaded as labels");
        } catch (const IoError& e) {
            QVERIFY2(QString(e.what()).contains("soft.nii: holds non-integer values (such as 0.5)"), e.what());
        }
    }

    void aMapRewrittenWithoutAColourTableLeavesNoStaleOne()
    {
        QTemporaryDir dir;
        ImageGeometry g;
        g.size = {4, 3, 2};
        Volume v(PixelType::UInt16, g);
        v.voxels<std::uint16_t>()[1] = 1;
        v.voxels<std::uint16_t>()[5] = 2;
        const std::string path = dir.filePath("seg.nii.gz").toStdString();
        const QString lut = dir.filePath("seg.nii.lut");
        writeLabelMap(v, {{1, "Liver", {10, 20, 30}, true, 1.0}, {2, "Spleen", {40, 50, 60}, true, 1.0}}, path);
        QVERIFY(QFile::exists(lut));
        QCOMPARE(loadLabelMap(path).entry(1)->colour, (Rgb{10, 20, 30}));

        // Value 300 does not fit a .lut: none is written, and the old one goes.
        v.voxels<std::uint16_t>()[5] = 300;
        writeLabelMap(v, {{1, "Liver", {70, 80, 90}, true, 1.0}, {300, "Kidney", {1, 2, 3}, true, 1.0}}, path);
        QVERIFY(!QFile::exists(lut));
        const LabelMapLayer layer = loadLabelMap(path);
        QCOMPARE(layer.entry(1)->name, std::string("Liver"));
        QCOMPARE(layer.entry(300)->name, std::string("Kidney"));
        QCOMPARE(layer.entry(1)->colour, defaultLabelColour(1)); // not the old table's
        QVERIFY(!layer.entry(2));
    }

    void aalAtlas()
    {
        const QString dir = QStringLiteral("/usr/share/mricron/templates");
        if (!QFile::exists(dir + "/aal.nii.gz"))
            QSKIP("mricron's templates are not installed");
        // aal.nii.gz: 181 x 217 x 181 voxels of 1 mm; sform RAS origin (-90, -125, -71), so
        // LPS origin (90, 125, -71) with the i and j axes running to R and A.
        ImageGeometry mni;
        mni.size = {181, 217, 181};
        mni.origin = {90, 125, -71};
        mni.direction = {-1, 0, 0, 0, -1, 0, 0, 0, 1};
        const Volume reference(PixelType::UInt8, mni);
        const std::string path = (dir + "/aal.nii.gz").toStdString();
        const LabelMapLayer aal = loadLabelMap(path, reference);
        QCOMPARE(aal.labels.geometry().size, mni.size);
        QCOMPARE(int(aal.table.size()), 116);
        // Names from aal.nii.txt, colours from aal.nii.lut (planar: R[256], G[256], B[256]).
        QCOMPARE(aal.entry(1)->name, std::string("Precentral_L"));
        QCOMPARE(aal.entry(2)->name, std::string("Precentral_R"));
        QCOMPARE(aal.entry(57)->name, std::string("Postcentral_L"));
        QCOMPARE(aal.entry(116)->name, std::string("Vermis_10"));
        QCOMPARE(aal.entry(1)->colour, (Rgb{204, 204, 204}));
        QCOMPARE(aal.entry(5)->colour, (Rgb{61, 61, 203}));
        QCOMPARE(aal.entry(7)->colour, (Rgb{0, 203, 0}));
        // MNI (x, y, z) = (38, -22, 56) is LPS (-38, 22, 56): right precentral gyrus;
        // MNI (-38, -22, 56) lies in the left postcentral gyrus.
        auto labelAt = [&](const Vec3& lps) {
            PlaneGrid grid;
            grid.origin = lps;
            grid.width = grid.height = 1;
            return samplePlane(aal.labels, grid, Interpolation::Nearest)[0];
        };
        QCOMPARE(labelAt({-38, 22, 56}), 2.0f);
        QCOMPARE(labelAt({38, 22, 56}), 57.0f);

        // Off the grid by 2 mm: resampled onto the image's grid, nearest label per voxel.
        ImageGeometry shifted = mni;
        shifted.origin[2] += 2;
        const LabelMapLayer moved = loadLabelMap(path, Volume(PixelType::UInt8, shifted));
        QCOMPARE(moved.labels.geometry().origin, shifted.origin);
        QCOMPARE(moved.labels.valueAt(90, 100, 60), aal.labels.valueAt(90, 100, 62));
        // Nowhere near the atlas: refused, naming the file.
        ImageGeometry far = mni;
        far.origin[0] += 1000;
        try {
            loadLabelMap(path, Volume(PixelType::UInt8, far));
            QFAIL("a reference outside the atlas was accepted");
        } catch (const IoError& e) {
            QVERIFY2(QString(e.what()).contains("aal.nii.gz: has no label inside the image"), e.what());
        }
        // ch2better.nii.gz is the same brain on a 0.5 mm grid: the atlas lands on that grid
        // with its labels where they were in patient space.
        const QString better = dir + "/ch2better.nii.gz";
        if (!QFile::exists(better))
            return;
        const ScalarOverlayLayer ch2 = loadScalarOverlay(better.toStdString());
        const LabelMapLayer fine = loadLabelMap(path, ch2.volume);
        QCOMPARE(fine.labels.geometry().size, (std::array<int, 3>{301, 370, 316}));
        QCOMPARE(fine.entry(2)->name, std::string("Precentral_R"));
        auto fineAt = [&](const Vec3& lps) {
            PlaneGrid grid;
            grid.origin = lps;
            grid.width = grid.height = 1;
            return samplePlane(fine.labels, grid, Interpolation::Nearest)[0];
        };
        QCOMPARE(fineAt({-38, 22, 56}), 2.0f);
        QCOMPARE(fineAt({38, 22, 56}), 57.0f);
    }
};

QTEST_GUILESS_MAIN(LayersTest)
#include "LayersTest.moc"
