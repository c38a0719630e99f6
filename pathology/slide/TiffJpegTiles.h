#pragma once
// The JPEG tiles of plain tiled TIFF levels (Aperio SVS, generic tiled TIFF) read straight
// from the file and decoded by libjpeg into premultiplied ARGB. OpenSlide 3.4.1 reads these
// tiles through libtiff's TIFFRGBAImage, which reopens the file for every read and converts
// the pixels one by one: several times slower for the same pixels. The decoder is set up as
// libtiff sets it up for TIFFRGBAImage (colour space from the photometric tag, libjpeg's
// defaults otherwise), so each pixel equals OpenSlide's. Private to the pathology module.

#include "pathology/slide/SlideSource.h"

#include <QImage>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace radpath::pathology {

/// Thread-safe: reads use pread() on one descriptor and a decoder of their own.
class TiffJpegTiles {
public:
    /// The levels of `path` it can read: tiled JPEG directories of 8-bit RGB/YCbCr, with
    /// tiles of `tileSize` pixels, whose size matches a level. Null when no level qualifies
    /// or the file is no TIFF it understands (OpenSlide then reads everything). Never throws.
    static std::unique_ptr<TiffJpegTiles> open(const std::string& path, const std::vector<SlideLevel>& levels,
                                               int tileSize);
    ~TiffJpegTiles();

    bool handles(int level) const;
    int tileSize() const { return m_tileSize; }
    /// The top-left `width` x `height` pixels of tile (`column`, `row`) of `level` into
    /// `out` (Format_ARGB32_Premultiplied, reused when it has that size). False when this
    /// tile is not for this reader (not handled, empty in the file, or the JPEG data has a
    /// problem): OpenSlide reads it then, and reports its own error.
    bool read(int level, std::int64_t column, std::int64_t row, int width, int height, QImage& out) const;

private:
    struct Level;
    TiffJpegTiles() = default;
    int m_fd = -1;
    int m_tileSize = 0;
    std::int64_t m_fileSize = 0;
    std::vector<std::unique_ptr<Level>> m_levels; // by slide level; null: not handled
};

} // namespace radpath::pathology
