#include "pathology/slide/Overview.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace radpath::pathology {

QImage readOverview(const SlideSource& slide, int level)
{
    const SlideLevel& l = slide.info().levels.at(size_t(level));
    if (l.width <= kOverviewSide && l.height <= kOverviewSide)
        return slide.readRegion(level, 0, 0, int(l.width), int(l.height));

    const std::int64_t n = (std::max(l.width, l.height) + kOverviewSide - 1) / kOverviewSide;
    const int outW = int((l.width + n - 1) / n), outH = int((l.height + n - 1) / n);
    QImage out(outW, outH, QImage::Format_RGBA8888);
    if (out.isNull())
        throw SlideError(slide.info().path, "out of memory for the overview");
    // One strip of output rows at a time, read in chunks at most ~4096 level pixels a side.
    const std::int64_t rowsPerStrip = std::max<std::int64_t>(1, 4096 / n);
    const std::int64_t chunk = n * rowsPerStrip;
    std::vector<std::uint64_t> sums;
    for (std::int64_t outY0 = 0; outY0 < outH; outY0 += rowsPerStrip) {
        const std::int64_t stripRows = std::min<std::int64_t>(rowsPerStrip, outH - outY0);
        sums.assign(size_t(stripRows * outW * 5), 0); // a*r, a*g, a*b, a, count
        const std::int64_t y0 = outY0 * n, y1 = std::min(l.height, (outY0 + stripRows) * n);
        for (std::int64_t x0 = 0; x0 < l.width; x0 += chunk) {
            const int w = int(std::min(chunk, l.width - x0)), h = int(y1 - y0);
            const QImage part = slide.readRegion(level, std::llround(double(x0) * l.downsample),
                                                 std::llround(double(y0) * l.downsample), w, h);
            for (int y = 0; y < h; ++y) {
                const std::uint8_t* p = part.constScanLine(y);
                std::uint64_t* rowSums = &sums[size_t((y0 + y) / n - outY0) * size_t(outW) * 5];
                for (int x = 0; x < w; ++x, p += 4) {
                    std::uint64_t* s = rowSums + size_t((x0 + x) / n) * 5;
                    s[0] += std::uint64_t(p[0]) * p[3], s[1] += std::uint64_t(p[1]) * p[3];
                    s[2] += std::uint64_t(p[2]) * p[3], s[3] += p[3], s[4] += 1;
                }
            }
        }
        for (std::int64_t y = 0; y < stripRows; ++y) {
            std::uint8_t* o = out.scanLine(int(outY0 + y));
            const std::uint64_t* s = &sums[size_t(y) * size_t(outW) * 5];
            for (int x = 0; x < outW; ++x, o += 4, s += 5) {
                const std::uint64_t a = s[3];
                o[0] = std::uint8_t(a ? (s[0] + a / 2) / a : 0);
                o[1] = std::uint8_t(a ? (s[1] + a / 2) / a : 0);
                o[2] = std::uint8_t(a ? (s[2] + a / 2) / a : 0);
                o[3] = std::uint8_t(s[4] ? (a + s[4] / 2) / s[4] : 0);
            }
        }
    }
    return out;
}

} // namespace radpath::pathology
