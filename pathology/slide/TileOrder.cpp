#include "pathology/slide/TileOrder.h"

#include <algorithm>
#include <cmath>

namespace radpath::pathology {
namespace {

constexpr int kTile = TileEngine::kTileSize;

struct TileSpan {
    std::int64_t c0 = 0, c1 = -1, r0 = 0, r1 = -1; ///< inclusive
    bool contains(std::int64_t c, std::int64_t r) const { return c >= c0 && c <= c1 && r >= r0 && r <= r1; }
};

std::int64_t tileCount(std::int64_t levelPixels)
{
    return (levelPixels + kTile - 1) / kTile;
}

// Tiles of `level` that `level0Rect` touches, clipped to the level; c1 < c0 when none.
TileSpan spanOf(const SlideLevel& level, const QRectF& level0Rect)
{
    TileSpan s;
    if (level0Rect.isEmpty())
        return s;
    const double ds = level.downsample;
    const auto clampC = [&](double v) { return std::clamp<double>(v, -1.0, double(tileCount(level.width))); };
    const auto clampR = [&](double v) { return std::clamp<double>(v, -1.0, double(tileCount(level.height))); };
    s.c0 = std::max<std::int64_t>(0, std::int64_t(std::floor(clampC(level0Rect.left() / ds / kTile))));
    s.r0 = std::max<std::int64_t>(0, std::int64_t(std::floor(clampR(level0Rect.top() / ds / kTile))));
    s.c1 = std::min<std::int64_t>(tileCount(level.width) - 1,
                                  std::int64_t(std::ceil(clampC(level0Rect.right() / ds / kTile))) - 1);
    s.r1 = std::min<std::int64_t>(tileCount(level.height) - 1,
                                  std::int64_t(std::ceil(clampR(level0Rect.bottom() / ds / kTile))) - 1);
    return s;
}

// Appends the tiles of `span` not in `skip`, nearest the centre (level-0 pixels) first.
void appendByDistance(std::vector<TileKey>& out, int level, double ds, const TileSpan& span, const TileSpan* skip,
                      const QPointF& centre)
{
    std::vector<std::pair<double, TileKey>> keyed;
    for (std::int64_t r = span.r0; r <= span.r1; ++r)
        for (std::int64_t c = span.c0; c <= span.c1; ++c) {
            if (skip && skip->contains(c, r))
                continue;
            const double dx = (double(c) + 0.5) * kTile * ds - centre.x();
            const double dy = (double(r) + 0.5) * kTile * ds - centre.y();
            keyed.push_back({dx * dx + dy * dy, TileKey{level, c, r}});
        }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& k : keyed)
        out.push_back(k.second);
}

} // namespace

std::vector<TileKey> tileOrder(const SlideInfo& info, int level, const QRectF& level0Rect)
{
    std::vector<TileKey> out;
    const int levels = int(info.levels.size());
    if (level < 0 || level >= levels)
        return out;
    const QPointF centre = level0Rect.center();
    const SlideLevel& l = info.levels[size_t(level)];
    const TileSpan visible = spanOf(l, level0Rect);
    appendByDistance(out, level, l.downsample, visible, nullptr, centre);
    if (visible.c0 <= visible.c1 && visible.r0 <= visible.r1) {
        TileSpan ring{std::max<std::int64_t>(0, visible.c0 - 1), std::min(tileCount(l.width) - 1, visible.c1 + 1),
                      std::max<std::int64_t>(0, visible.r0 - 1), std::min(tileCount(l.height) - 1, visible.r1 + 1)};
        appendByDistance(out, level, l.downsample, ring, &visible, centre);
    }
    for (const int other : {level - 1, level + 1}) {
        if (other < 0 || other >= levels)
            continue;
        const SlideLevel& o = info.levels[size_t(other)];
        appendByDistance(out, other, o.downsample, spanOf(o, level0Rect), nullptr, centre);
    }
    return out;
}

TileArea tileArea(const SlideInfo& info, const TileKey& key)
{
    if (key.level < 0 || key.level >= int(info.levels.size()) || key.column < 0 || key.row < 0)
        return {};
    const SlideLevel& l = info.levels[size_t(key.level)];
    const std::int64_t left = key.column * kTile, top = key.row * kTile;
    if (left >= l.width || top >= l.height)
        return {};
    TileArea a;
    a.x0 = std::llround(double(left) * l.downsample);
    a.y0 = std::llround(double(top) * l.downsample);
    a.width = int(std::min<std::int64_t>(kTile, l.width - left));
    a.height = int(std::min<std::int64_t>(kTile, l.height - top));
    return a;
}

} // namespace radpath::pathology
