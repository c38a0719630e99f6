#pragma once
// Which tiles a viewport needs, most urgent first. Private to the pathology module.

#include "pathology/slide/TileEngine.h"

#include <vector>

namespace radpath::pathology {

/// Visible tiles of `level` (nearest the centre of `level0Rect` first), a ring of one tile
/// around them, then the visible tiles one level finer and one level coarser. Only tiles
/// that exist on the slide.
std::vector<TileKey> tileOrder(const SlideInfo& info, int level, const QRectF& level0Rect);

/// Level-0 origin and level size of tile `key` (edge tiles are smaller); empty when the
/// tile lies off the level.
struct TileArea {
    std::int64_t x0 = 0, y0 = 0;
    int width = 0, height = 0;
};
TileArea tileArea(const SlideInfo& info, const TileKey& key);

} // namespace radpath::pathology
