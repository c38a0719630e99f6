#include "viewer/model/Resample.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

namespace radpath::viewer {
namespace {

template <class T> void shiftSlices(const Volume& in, Volume& out, double di, double dj, double fill)
{
    const ImageGeometry& g = in.geometry();
    const int w = g.size[0], h = g.size[1], depth = g.size[2], comps = in.components();
    const T* src = in.voxels<T>();
    T* dst = out.voxels<T>();
    auto store = [](double v) {
        if constexpr (std::is_integral_v<T>) {
            constexpr double lo = double(std::numeric_limits<T>::lowest()), hi = double(std::numeric_limits<T>::max());
            return T(std::clamp(std::round(v), lo, hi));
        } else {
            return T(v);
        }
    };
    const T outside = store(fill);
    const double eps = 1e-6;
    for (int k = 0; k < depth; ++k) {
        const T* slice = src + in.linearIndex(0, 0, k) * size_t(comps);
        for (int j = 0; j < h; ++j) {
            const double y = j - k * dj;
            for (int i = 0; i < w; ++i) {
                const double x = i - k * di;
                T* voxel = dst + out.linearIndex(i, j, k) * size_t(comps);
                if (x < -eps || y < -eps || x > w - 1 + eps || y > h - 1 + eps) {
                    std::fill(voxel, voxel + comps, outside);
                    continue;
                }
                // Bilinear weights over the four neighbours (clamped at the last row/column).
                const double cx = std::clamp(x, 0.0, double(w - 1)), cy = std::clamp(y, 0.0, double(h - 1));
                const int x0 = std::min(int(cx), std::max(w - 2, 0)), y0 = std::min(int(cy), std::max(h - 2, 0));
                const int x1 = std::min(x0 + 1, w - 1), y1 = std::min(y0 + 1, h - 1);
                const double fx = cx - x0, fy = cy - y0;
                for (int c = 0; c < comps; ++c) {
                    auto at = [&](int xi, int yi) {
                        return double(slice[(size_t(yi) * size_t(w) + size_t(xi)) * size_t(comps) + size_t(c)]);
                    };
                    const double v = (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x1, y0)) +
                                     fy * ((1 - fx) * at(x0, y1) + fx * at(x1, y1));
                    voxel[c] = store(v);
                }
            }
        }
    }
}

} // namespace

Volume resampleTilted(const Volume& volume)
{
    const Vec3 shear = volume.info().sliceShear;
    if (volume.isNull() || dot(shear, shear) == 0.0)
        return volume;
    const ImageGeometry& g = volume.geometry();
    // The shear is in the slice plane: its parts along the row and column axes, in voxels.
    const double di = dot(shear, g.axisDirection(0)) / g.spacing[0];
    const double dj = dot(shear, g.axisDirection(1)) / g.spacing[1];
    const double fill = volume.info().hasPaddingValue ? volume.info().paddingValue : volume.range().first;

    Volume out(volume.pixelType(), g, volume.components());
    visitPixelType(volume.pixelType(), [&](auto tag) { shiftSlices<decltype(tag)>(volume, out, di, dj, fill); });

    VolumeInfo& info = out.info();
    info = volume.info();
    info.sliceShear = {0.0, 0.0, 0.0};
    info.warnings.erase(std::remove_if(info.warnings.begin(), info.warnings.end(),
                                       [](const std::string& w) { return w.rfind("gantry tilt", 0) == 0; }),
                        info.warnings.end());
    info.warnings.push_back("slices resampled to their true positions to undo a gantry tilt");
    return out;
}

} // namespace radpath::viewer
