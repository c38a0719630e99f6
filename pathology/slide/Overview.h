#pragma once
// The picture a slide view draws before its tiles arrive. Private to the pathology module.

#include "pathology/slide/SlideSource.h"

namespace radpath::pathology {

/// Largest side of an overview, pixels.
constexpr int kOverviewSide = 2048;

/// `level` read whole when it fits in kOverviewSide; otherwise averaged over n x n blocks
/// (alpha-weighted, n the smallest integer that makes it fit), read in strips so memory
/// stays near the result's size. RGBA8888, straight alpha. Throws SlideError.
QImage readOverview(const SlideSource& slide, int level);

} // namespace radpath::pathology
