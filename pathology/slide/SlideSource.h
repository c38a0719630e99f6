#pragma once
// A whole-slide image read through OpenSlide (every format OpenSlide 3.4.1 reads), or a
// plain PNG/JPEG/TIFF too large for the 2-D viewer as a one-level slide. Regions come out
// as straight (not premultiplied) RGBA, as openslide-python's read_region gives them.
// A plain image is decoded whole on its first region read and kept while the source lives:
// 4 bytes per pixel (400 MB for 10,000 x 10,000 px).

#include <QImage>
#include <QRectF>
#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace radpath::pathology {

/// A slide that cannot be opened or read; what() starts with the path.
class SlideError : public std::runtime_error {
public:
    SlideError(const std::string& path, const std::string& problem) : std::runtime_error(path + ": " + problem) {}
};

struct SlideLevel {
    std::int64_t width = 0;
    std::int64_t height = 0;
    double downsample = 1.0;
};

/// Where the scanned data lies in level-0 pixels (openslide.bounds-x/y/width/height).
struct SlideBounds {
    std::int64_t x = 0, y = 0, width = 0, height = 0;
};

struct SlideInfo {
    std::string path;
    std::string vendor;                       ///< "aperio", "generic-tiff", "image" (plain image)...
    std::vector<SlideLevel> levels;           ///< level 0 first
    std::optional<std::array<double, 2>> mpp; ///< µm per level-0 pixel, x and y
    std::optional<double> objectivePower;
    std::optional<SlideBounds> bounds;
    std::vector<std::string> associatedImages; ///< "label", "macro", "thumbnail"...
    std::map<std::string, std::string> properties;
    std::uint32_t backgroundRgb = 0xFFFFFF; ///< openslide.background-color, else white

    /// Where the bounds start in level-0 pixels (0, 0 without bounds): the origin of
    /// QuPath's GeoJSON coordinates for this slide.
    std::array<double, 2> boundsOrigin() const
    {
        return bounds ? std::array<double, 2>{double(bounds->x), double(bounds->y)} : std::array<double, 2>{0, 0};
    }
};

/// Thread-safety: every method may be called from many threads at once.
class SlideSource {
public:
    virtual ~SlideSource() = default;

    /// Opens `path`; throws SlideError naming the file and the problem (not a slide,
    /// truncated, unsupported...).
    static std::shared_ptr<SlideSource> open(const std::string& path);
    /// Whether `path` opens as a slide rather than in the 2-D viewer: OpenSlide reads it,
    /// or it is an image that is pyramidal or over 10,000 px on a side. Cheap.
    static bool isSlide(const std::string& path);

    virtual const SlideInfo& info() const = 0;
    /// Region of `level`: (x, y) in level-0 pixels as OpenSlide takes them, width and height
    /// in level pixels. Format_RGBA8888, straight alpha, transparent where the slide has no
    /// data. Throws SlideError when the slide cannot be read there.
    virtual QImage readRegion(int level, std::int64_t x, std::int64_t y, int width, int height) const = 0;
    /// The same region premultiplied (Format_ARGB32_Premultiplied), as a view draws it; the
    /// tile engine reads through this. OpenSlide hands these pixels out as they are.
    /// `reuse`: an image of that size and format nobody else holds any more, whose memory the
    /// read may fill instead of allocating (a tile the cache let go).
    virtual QImage readTile(int level, std::int64_t x, std::int64_t y, int width, int height, QImage reuse = {}) const
    {
        Q_UNUSED(reuse);
        return readRegion(level, x, y, width, height).convertToFormat(QImage::Format_ARGB32_Premultiplied);
    }
    /// Memory the source keeps for itself per open slide (OpenSlide's own tile cache): the
    /// tile engine counts it in the cache's budget.
    virtual std::size_t internalCacheBytes() const { return 0; }
    /// Format_RGBA8888; throws SlideError for an unknown name.
    virtual QImage associatedImage(const std::string& name) const = 0;
    /// The level whose downsample is the largest not above `downsample` (level 0 at most).
    int bestLevelForDownsample(double downsample) const;
};

} // namespace radpath::pathology
