#include "viewer/model/VolumeHistogram.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace radpath::viewer {
namespace {

// 8- and 16-bit voxels: one exact count per possible value in a single pass, then bins.
template <class T> VolumeHistogram countSmallIntegers(const Volume& volume, int bins, const double* padding)
{
    constexpr int kValues = 1 << (8 * sizeof(T));
    constexpr int kOffset = std::is_signed_v<T> ? kValues / 2 : 0; // table index of value 0
    std::vector<std::uint64_t> table(kValues, 0);
    const T* voxels = volume.voxels<T>();
    const std::size_t n = volume.voxelCount();
    const int step = volume.components();
    for (std::size_t i = 0; i < n; ++i)
        ++table[int(voxels[i * step]) + kOffset];
    if (padding && *padding == std::floor(*padding) && *padding + kOffset >= 0 && *padding + kOffset < kValues)
        table[int(*padding) + kOffset] = 0;

    VolumeHistogram h;
    int first = 0, last = kValues - 1;
    while (first < kValues && table[first] == 0)
        ++first;
    while (last >= first && table[last] == 0)
        --last;
    if (first > last)
        return h;
    h.minimum = first - kOffset;
    h.maximum = last - kOffset;
    const int span = last - first + 1;
    const int count = std::min(span, std::max(1, bins));
    // Integer v stands for [v - 0.5, v + 0.5).
    h.binStart = h.minimum - 0.5;
    h.binWidth = double(span) / count;
    h.counts.assign(count, 0.0);
    for (int v = first; v <= last; ++v) {
        if (!table[v])
            continue;
        h.counts[h.binOf(v - kOffset)] += double(table[v]);
        h.total += double(table[v]);
    }
    return h;
}

template <class T> VolumeHistogram countAny(const Volume& volume, int bins, const double* padding)
{
    const T* voxels = volume.voxels<T>();
    const std::size_t n = volume.voxelCount();
    const int step = volume.components();
    auto counted = [padding](double v) { return std::isfinite(v) && !(padding && v == *padding); };
    double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
    for (std::size_t i = 0; i < n; ++i) {
        const double v = double(voxels[i * step]);
        if (counted(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    VolumeHistogram h;
    if (lo > hi)
        return h;
    h.minimum = lo;
    h.maximum = hi;
    const int count = hi > lo ? std::max(1, bins) : 1;
    h.binStart = lo;
    h.binWidth = hi > lo ? (hi - lo) / count : 1.0;
    h.counts.assign(count, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        const double v = double(voxels[i * step]);
        if (counted(v)) {
            h.counts[h.binOf(v)] += 1.0;
            h.total += 1.0;
        }
    }
    return h;
}

} // namespace

int VolumeHistogram::binOf(double value) const
{
    if (counts.empty())
        return 0;
    const double b = std::floor((value - binStart) / binWidth);
    return int(std::clamp(b, 0.0, double(counts.size() - 1)));
}

double VolumeHistogram::percentile(double p) const
{
    if (isEmpty())
        return 0.0;
    const double target = std::clamp(p, 0.0, 1.0) * total;
    double below = 0.0;
    for (std::size_t b = 0; b < counts.size(); ++b) {
        if (counts[b] > 0 && below + counts[b] >= target) {
            const double v = binStart + (double(b) + (target - below) / counts[b]) * binWidth;
            return std::clamp(v, minimum, maximum);
        }
        below += counts[b];
    }
    return maximum;
}

VolumeHistogram computeHistogram(const Volume& volume, int bins)
{
    if (volume.isNull())
        return {};
    const double padding = volume.info().paddingValue;
    const double* pad = volume.info().hasPaddingValue ? &padding : nullptr;
    return visitPixelType(volume.pixelType(), [&](auto tag) {
        using T = decltype(tag);
        if constexpr (std::is_integral_v<T> && sizeof(T) <= 2)
            return countSmallIntegers<T>(volume, bins, pad);
        else
            return countAny<T>(volume, bins, pad);
    });
}

} // namespace radpath::viewer
