#pragma once
// A slide read through OpenSlide. Private to the pathology module: use SlideSource::open.

#include "pathology/slide/SlideSource.h"

#include <memory>

typedef struct _openslide openslide_t;

namespace radpath::pathology {

class TiffJpegTiles;

/// Owns one OpenSlide handle; OpenSlide handles are safe to read from many threads.
class OpenSlideSource final : public SlideSource {
public:
    /// Throws SlideError naming `path` when OpenSlide cannot open it.
    explicit OpenSlideSource(const std::string& path);
    ~OpenSlideSource() override;
    OpenSlideSource(const OpenSlideSource&) = delete;
    OpenSlideSource& operator=(const OpenSlideSource&) = delete;

    const SlideInfo& info() const override { return m_info; }
    QImage readRegion(int level, std::int64_t x, std::int64_t y, int width, int height) const override;
    QImage readTile(int level, std::int64_t x, std::int64_t y, int width, int height, QImage reuse = {}) const override;
    /// OpenSlide 3.4.1 keeps a 32 MiB tile cache per handle (not settable before 4.0).
    std::size_t internalCacheBytes() const override { return std::size_t(32) << 20; }
    QImage associatedImage(const std::string& name) const override;

private:
    /// Throws SlideError with OpenSlide's error text when the handle is in error.
    void throwIfError(const std::string& what) const;

    openslide_t* m_osr = nullptr;
    SlideInfo m_info;
    /// JPEG tiles of plain tiled TIFF levels, decoded without OpenSlide (same pixels, faster).
    std::unique_ptr<TiffJpegTiles> m_direct;
};

} // namespace radpath::pathology
