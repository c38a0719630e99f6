#include "viewer/demo/CtPhantom.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace radpath::viewer {
namespace {

// Inside an axis-aligned ellipsoid (or ellipse when rz <= 0) centred at c with radii r.
bool inEllipsoid(const Vec3& p, const Vec3& c, const Vec3& r)
{
    double s = 0.0;
    for (int a = 0; a < 3; ++a)
        if (r[size_t(a)] > 0) {
            const double d = (p[size_t(a)] - c[size_t(a)]) / r[size_t(a)];
            s += d * d;
        }
    return s <= 1.0;
}

} // namespace

CtPhantom makeCtPhantom(const CtPhantomSpec& spec, const TaskControl& control)
{
    ImageGeometry g;
    g.size = {spec.size, spec.size, spec.slices};
    g.spacing = {spec.pixelMm, spec.pixelMm, spec.sliceMm};
    // Centre the grid on the LPS origin; axial slices, identity direction.
    g.origin = {-(spec.size - 1) * spec.pixelMm / 2.0, -(spec.size - 1) * spec.pixelMm / 2.0,
                -(spec.slices - 1) * spec.sliceMm / 2.0};

    CtPhantom phantom;
    phantom.volume = Volume(PixelType::Int16, g);
    phantom.volume.info().modality = "CT";
    phantom.volume.info().units = "HU";
    phantom.volume.info().seriesDescription = "RadPath CT phantom";
    phantom.lesionLabels = Volume(PixelType::UInt8, g);
    std::uint8_t* labels = phantom.lesionLabels.voxels<std::uint8_t>();

    const double w = spec.size * spec.pixelMm;     // field of view (mm)
    const double zLen = spec.slices * spec.sliceMm;
    const Vec3 body{0, 0, 0}, bodyR{0.44 * w, 0.33 * w, 0};
    const Vec3 innerR{bodyR[0] - 8.0, bodyR[1] - 8.0, 0};  // 8 mm of subcutaneous fat
    // Patient's right is -x (LPS). Lungs fill the upper (superior, +z) part.
    const Vec3 lungR{0.14 * w, 0.2 * w, 0.42 * zLen};
    const Vec3 lungRight{-0.2 * w, -0.02 * w, 0.3 * zLen}, lungLeft{0.2 * w, -0.02 * w, 0.3 * zLen};
    const Vec3 liver{-0.13 * w, -0.01 * w, -0.22 * zLen}, liverR{0.22 * w, 0.2 * w, 0.3 * zLen};
    const Vec3 spine{0, 0.2 * w, 0};
    const double spineR = 0.055 * w;

    // Three lesions inside the liver, radius >= 10 voxels in every direction.
    const double lesionR = spec.lesionRadiusMm > 0 ? spec.lesionRadiusMm
                                                   : std::max({11.0, 10.5 * spec.pixelMm, 10.5 * spec.sliceMm});
    // Well apart and inside the liver (offsets in liver radii).
    auto at = [&](double fx, double fy, double fz) {
        return Vec3{liver[0] + fx * liverR[0], liver[1] + fy * liverR[1], liver[2] + fz * liverR[2]};
    };
    phantom.lesions = {
        {at(-0.45, -0.35, 0.3), lesionR, 100.0},
        {at(0.4, 0.1, 0.0), lesionR * 1.2, 100.0},
        {at(-0.2, 0.45, -0.4), lesionR, 100.0},
    };

    // Whole spheres: keep every lesion inside the grid, so the ground truth is exact.
    for (auto& lesion : phantom.lesions)
        for (int a = 0; a < 3; ++a) {
            const double lo = g.origin[size_t(a)] + lesion.radiusMm + g.spacing[size_t(a)];
            const double hi = g.origin[size_t(a)] + (g.size[size_t(a)] - 1) * g.spacing[size_t(a)] - lesion.radiusMm -
                              g.spacing[size_t(a)];
            if (lo <= hi)
                lesion.centerMm[size_t(a)] = std::clamp(lesion.centerMm[size_t(a)], lo, hi);
        }

    std::mt19937 rng(spec.seed);
    std::normal_distribution<double> noise(0.0, spec.noiseSd);
    std::int16_t* out = phantom.volume.voxels<std::int16_t>();
    for (int k = 0; k < g.size[2]; ++k) {
        if (control.cancelled())
            throw OperationCancelled{};
        for (int j = 0; j < g.size[1]; ++j)
            for (int i = 0; i < g.size[0]; ++i) {
                const Vec3 p = g.indexToPhysical({double(i), double(j), double(k)});
                double hu = -1000.0;
                if (inEllipsoid(p, body, bodyR)) {
                    hu = inEllipsoid(p, body, innerR) ? 40.0 : -100.0;
                    if (inEllipsoid(p, lungRight, lungR) || inEllipsoid(p, lungLeft, lungR))
                        hu = -850.0;
                    if (inEllipsoid(p, liver, liverR))
                        hu = 60.0;
                    for (const auto& lesion : phantom.lesions)
                        if (inEllipsoid(p, lesion.centerMm, {lesion.radiusMm, lesion.radiusMm, lesion.radiusMm})) {
                            hu = lesion.hu;
                            labels[phantom.lesionLabels.linearIndex(i, j, k)] = 1;
                        }
                    const double dx = p[0] - spine[0], dy = p[1] - spine[1];
                    const double rr = std::sqrt(dx * dx + dy * dy);
                    if (rr <= spineR)
                        hu = rr > spineR - 3.0 ? 1000.0 : 700.0; // cortex around cancellous bone
                }
                if (hu > -1000.0)
                    hu += noise(rng);
                out[phantom.volume.linearIndex(i, j, k)] = std::int16_t(std::lround(std::clamp(hu, -1024.0, 3071.0)));
            }
        control.report(double(k + 1) / g.size[2], "making CT phantom");
    }
    return phantom;
}

} // namespace radpath::viewer
