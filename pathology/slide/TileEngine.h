#pragma once
// Slide tiles for a viewer: a shared cache with a byte budget and a worker pool that
// fetches what the viewport needs first. Workers make QImages; the GUI makes textures.

#include "pathology/slide/SlideSource.h"

#include <QImage>
#include <QMetaType>
#include <QObject>
#include <QRectF>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

namespace radpath::pathology {

struct TileKey {
    int level = 0;
    std::int64_t column = 0; ///< in tiles of kTileSize level pixels
    std::int64_t row = 0;
    bool operator==(const TileKey& o) const { return level == o.level && column == o.column && row == o.row; }
};

/// Least-recently-used tiles up to a byte budget, shared by every slide. Thread-safe.
class TileCache {
public:
    explicit TileCache(std::size_t budgetBytes);
    ~TileCache();
    void setBudget(std::size_t bytes);
    std::size_t budget() const;
    std::size_t bytes() const;
    /// `slide` tells slides apart (their path).
    QImage find(const std::string& slide, const TileKey& key) const;
    /// `letGo` (if given and null) receives one tile the insert evicted that nobody else
    /// holds, so that its memory can be read into again instead of freed and allocated.
    void insert(const std::string& slide, const TileKey& key, const QImage& tile, QImage* letGo = nullptr);
    /// Part of the budget set aside for tile memory outside the cache (OpenSlide's own
    /// per-slide cache): tiles get the rest, and never less than three quarters of the
    /// budget. release() gives it back.
    void reserve(std::size_t bytes);
    void release(std::size_t bytes);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// Fetches the tiles of one slide. Construct and use on the GUI thread; tileReady comes on
/// it too.
class TileEngine : public QObject {
    Q_OBJECT
public:
    static constexpr int kTileSize = 256;

    /// `overview`: made beforehand with overviewOf() (on a worker, say); null: read here.
    TileEngine(std::shared_ptr<SlideSource> slide, std::shared_ptr<TileCache> cache, int threads,
               QObject* parent = nullptr, QImage overview = {});
    /// The overview of `slide` as the engine keeps it; any thread. Throws SlideError.
    static QImage overviewOf(const SlideSource& slide);
    ~TileEngine() override; ///< cancels what is queued, waits for what is running

    const SlideSource& slide() const;
    /// Tile `key` as level pixels (edge tiles are smaller), cached or null.
    /// Format_ARGB32_Premultiplied, or Format_RGB32 (the same bytes) when the tile has no
    /// transparent pixel; ready to draw.
    QImage tile(const TileKey& key) const;
    /// The coarsest level read whole at start and kept: what to draw before tiles arrive,
    /// stretched over the whole slide. A coarsest level over 2048 px a side is averaged
    /// down to fit, so the image may be smaller than overviewLevel()'s size.
    QImage overview() const;
    int overviewLevel() const;

    /// The viewport needs `level0Rect` (level-0 pixels) at `level`. Queued in this order:
    /// visible tiles of `level` (nearest the centre first), a ring of one tile around them,
    /// then the same area one level finer and one coarser. Anything queued before and not
    /// asked for now is dropped.
    void request(int level, const QRectF& level0Rect);
    /// Tiles waiting (for tests and the benchmark).
    int queued() const;

signals:
    void tileReady(radpath::pathology::TileKey key);
    /// A tile that cannot be read: reported once per slide; the view shows background.
    void tileFailed(radpath::pathology::TileKey key, const QString& message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace radpath::pathology

Q_DECLARE_METATYPE(radpath::pathology::TileKey)
