// radpath-bench mpr: a 512³ int16 volume of 0.7 mm voxels in a 512×512 slice view. Time per
// update (reslice and draw into the view's framebuffer) for an axial plane, an oblique plane
// and a 10 mm MIP slab, p50 and p95 over 120 updates each; the memory RadPath adds to show the
// volume in three planes (its voxels must be held once); volume rendering frame times at
// 800×800. Needs a display (xvfb-run).

#include "Bench.h"
#include "VolumeRenderFigures.h"

#include "viewer/model/Volume.h"
#include "viewer/render/VtkWidget.h"
#include "viewer/view/SliceView.h"
#include "viewer/view/VolumeView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QImage>

#include <algorithm>
#include <cmath>

namespace radpath::bench {
namespace {

using viewer::Vec3;
using viewer::Volume;

// A body-like ellipsoid of soft tissue with a bright spine and lung-like holes, in air.
Volume makeVolume()
{
    viewer::ImageGeometry g;
    g.size = {512, 512, 512};
    g.spacing = {0.7, 0.7, 0.7};
    g.origin = {-179, -179, -179};
    Volume volume(viewer::PixelType::Int16, g);
    auto* v = volume.voxels<std::int16_t>();
    for (int k = 0; k < 512; ++k)
        for (int j = 0; j < 512; ++j) {
            std::int16_t* row = v + volume.linearIndex(0, j, k);
            const double y = (j - 256) / 200.0, z = (k - 256) / 240.0;
            for (int i = 0; i < 512; ++i) {
                const double x = (i - 256) / 230.0;
                std::int16_t value = -1000;
                if (x * x + y * y + z * z < 1) {
                    value = std::int16_t(40 + ((i ^ j ^ k) & 15));
                    if (std::hypot(i - 256, j - 380) < 25)
                        value = 900;
                    else if (std::hypot(std::abs(i - 256) - 110, j - 240) < 60)
                        value = -850;
                }
                row[i] = value;
            }
        }
    volume.info().units = "HU";
    volume.info().windowPresets = {{"soft tissue", 40, 400}};
    return volume;
}

// Draws the view now into its framebuffer and reads the frame back (which waits for the
// GPU, Mesa here, to finish it): an upper bound of the update's cost.
void drawNow(viewer::SliceView& view)
{
    const QImage frame = view.vtkWidget()->grabFramebuffer();
    Q_UNUSED(frame);
}

// Time per update: `change` moves the plane, then the view reslices and draws.
std::vector<double> updateTimes(viewer::SliceView& view, const std::function<void(int)>& change)
{
    std::vector<double> ms;
    for (int i = 0; i < 130; ++i) {
        QElapsedTimer timer;
        timer.start();
        change(i);
        drawNow(view);
        if (i >= 10) // the first frames warm caches and shaders
            ms.push_back(timer.nsecsElapsed() / 1e6);
        QCoreApplication::processEvents();
    }
    return ms;
}

} // namespace

std::vector<Figure> mprSuite()
{
    std::vector<Figure> figures;
    const double idle = residentMB();
    const Volume volume = makeVolume();
    const double voxelMB = double(volume.byteSize()) / (1024.0 * 1024.0);
    const double withVolume = residentMB();

    // Memory: the volume shown in three linked planes, beyond what the same views cost on a
    // 64³ volume (OpenGL contexts and Mesa's pools take ~150 MB whatever the volume). A copy
    // of the voxels would add 1.0 or more.
    auto showPlanes = [](const Volume& shown) {
        viewer::VolumeView mpr;
        mpr.resize(1536, 600);
        mpr.setLayout(viewer::MprLayout::OneByThree);
        mpr.setVolume(shown);
        mpr.show();
        for (int i = 0; i < 20; ++i)
            QCoreApplication::processEvents();
        for (int i = 0; i < 3; ++i)
            drawNow(*mpr.planeView(i));
        return residentMB();
    };
    {
        viewer::ImageGeometry small;
        small.size = {64, 64, 64};
        const double baseline = showPlanes(Volume(viewer::PixelType::Int16, small));
        const double shown = showPlanes(volume);
        figures.push_back({"resident memory three MPR views add for the 512^3 volume beyond a 64^3 one, per voxel byte",
                           (shown - baseline) / voxelMB, "x", {}, {}, 0.5, {}});
        figures.push_back({"resident memory of the first three MPR views (64^3 volume: contexts, Mesa)", baseline - withVolume, "MB",
                           {}, {}, {}, {}});
        figures.push_back({"voxel bytes held by RadPath (resident after generating, before any view)", (withVolume - idle) / voxelMB, "x",
                           {}, {}, 1.1, {}});
    }

    viewer::SliceView view;
    view.resize(512, 512);
    view.setOrientation(viewer::SliceOrientation::Axial);
    view.setVolume(volume);
    view.show();
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents();
    view.fit();
    const int middle = view.sliceCount() / 2;
    auto step = [&view, middle](int i) { view.setSlice(middle - 60 + (i % 120)); };

    auto report = [&figures](const QString& what, const std::vector<double>& ms, double target) {
        figures.push_back({what + ", p50", percentile(ms, 0.5), "ms", {}, {}, {}, {}});
        figures.push_back({what + ", p95", percentile(ms, 0.95), "ms", {}, {}, target, {}});
    };
    report("axial update (reslice + draw), 512x512 view", updateTimes(view, step), 30.0);

    // Oblique: the plane tilted 30° about x and 20° about y, stepped along its normal.
    view.setPlaneRotation(viewer::multiply(viewer::axisRotation({1, 0, 0}, 30 * M_PI / 180),
                                           viewer::axisRotation({0, 1, 0}, 20 * M_PI / 180)));
    view.setCrosshair(volume.geometry().center());
    const int obliqueMiddle = view.sliceCount() / 2;
    report("oblique update (30/20 degree tilt), 512x512 view",
           updateTimes(view, [&view, obliqueMiddle](int i) { view.setSlice(obliqueMiddle - 60 + (i % 120)); }), 60.0);

    view.setPlaneRotation(viewer::identityRotation());
    view.setCrosshair(volume.geometry().center());
    view.setSlab(viewer::SlabMode::Max, 10.0);
    report("10 mm MIP slab update, axial, 512x512 view", updateTimes(view, step), 60.0);
    view.setSlab(viewer::SlabMode::None, 0);
    view.hide();

    for (const QJsonValue& f : volumeRenderFigures(volume, 8)) {
        const QJsonObject o = f.toObject();
        figures.push_back({o.value("name").toString(), o.value("value").toDouble(), o.value("unit").toString(), {}, {}, {}, {}});
    }

    return figures;
}

} // namespace radpath::bench
