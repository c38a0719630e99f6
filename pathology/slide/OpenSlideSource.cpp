#include "pathology/slide/OpenSlideSource.h"

#include "pathology/slide/PixelConvert.h"
#include "pathology/slide/TiffJpegTiles.h"

#include <openslide.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace radpath::pathology {
namespace {

/// Reads up to this many pixels (two 256 x 256 tiles) are staged in a per-thread buffer.
constexpr std::size_t kScratchPixels = 2 * 256 * 256;
/// Tiles of this size in Aperio and generic tiled TIFF files are decoded without OpenSlide.
constexpr int kDirectTile = 256;

std::optional<double> numberProperty(const std::map<std::string, std::string>& properties, const char* name)
{
    const auto it = properties.find(name);
    if (it == properties.end() || it->second.empty())
        return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(it->second.c_str(), &end);
    if (end == it->second.c_str())
        return std::nullopt;
    return value;
}

std::optional<SlideBounds> boundsOf(const std::map<std::string, std::string>& properties)
{
    const auto x = numberProperty(properties, OPENSLIDE_PROPERTY_NAME_BOUNDS_X);
    const auto y = numberProperty(properties, OPENSLIDE_PROPERTY_NAME_BOUNDS_Y);
    const auto w = numberProperty(properties, OPENSLIDE_PROPERTY_NAME_BOUNDS_WIDTH);
    const auto h = numberProperty(properties, OPENSLIDE_PROPERTY_NAME_BOUNDS_HEIGHT);
    if (!x || !y || !w || !h)
        return std::nullopt;
    return SlideBounds{std::int64_t(*x), std::int64_t(*y), std::int64_t(*w), std::int64_t(*h)};
}

// A QImage of width x height RGBA8888 whose rows are contiguous, or throws.
QImage newRgbaImage(const std::string& path, std::int64_t width, std::int64_t height,
                    QImage::Format format = QImage::Format_RGBA8888)
{
    if (width <= 0 || height <= 0 || width > 1 << 16 || height > 1 << 16 || width * height > (std::int64_t(1) << 28))
        throw SlideError(path, "cannot read a region of " + std::to_string(width) + " x " + std::to_string(height) +
                                   " pixels (at most 65536 a side and 2^28 pixels)");
    QImage image(int(width), int(height), format);
    if (image.isNull())
        throw SlideError(path, "out of memory for a region of " + std::to_string(width) + " x " +
                                   std::to_string(height) + " pixels");
    return image;
}

} // namespace

OpenSlideSource::OpenSlideSource(const std::string& path)
{
    m_info.path = path;
    m_osr = openslide_open(path.c_str());
    if (!m_osr)
        throw SlideError(path, "not a slide OpenSlide can read");
    if (const char* error = openslide_get_error(m_osr)) {
        const std::string problem = error;
        openslide_close(m_osr);
        m_osr = nullptr;
        throw SlideError(path, problem);
    }
    for (const char* const* name = openslide_get_property_names(m_osr); name && *name; ++name) {
        const char* value = openslide_get_property_value(m_osr, *name);
        m_info.properties[*name] = value ? value : "";
    }
    const auto vendor = m_info.properties.find(OPENSLIDE_PROPERTY_NAME_VENDOR);
    m_info.vendor = vendor != m_info.properties.end() ? vendor->second : "";
    const int count = openslide_get_level_count(m_osr);
    for (int level = 0; level < count; ++level) {
        SlideLevel l;
        openslide_get_level_dimensions(m_osr, level, &l.width, &l.height);
        l.downsample = openslide_get_level_downsample(m_osr, level);
        m_info.levels.push_back(l);
    }
    for (const char* const* name = openslide_get_associated_image_names(m_osr); name && *name; ++name)
        m_info.associatedImages.emplace_back(*name);
    const auto mppX = numberProperty(m_info.properties, OPENSLIDE_PROPERTY_NAME_MPP_X);
    const auto mppY = numberProperty(m_info.properties, OPENSLIDE_PROPERTY_NAME_MPP_Y);
    if (mppX && mppY)
        m_info.mpp = std::array<double, 2>{*mppX, *mppY};
    m_info.objectivePower = numberProperty(m_info.properties, OPENSLIDE_PROPERTY_NAME_OBJECTIVE_POWER);
    m_info.bounds = boundsOf(m_info.properties);
    const auto background = m_info.properties.find(OPENSLIDE_PROPERTY_NAME_BACKGROUND_COLOR);
    if (background != m_info.properties.end() && background->second.size() == 6) {
        char* end = nullptr;
        const unsigned long rgb = std::strtoul(background->second.c_str(), &end, 16);
        if (end && *end == '\0')
            m_info.backgroundRgb = std::uint32_t(rgb);
    }
    if (const char* error = openslide_get_error(m_osr)) {
        const std::string problem = error;
        openslide_close(m_osr);
        m_osr = nullptr;
        throw SlideError(path, problem);
    }
    if (m_info.levels.empty()) {
        openslide_close(m_osr);
        m_osr = nullptr;
        throw SlideError(path, "the slide has no levels");
    }
    // OpenSlide reads these formats' levels as plain TIFF tiles (TIFFRGBAImage): the same
    // tiles can be decoded straight from the file.
    if (m_info.vendor == "aperio" || m_info.vendor == "generic-tiff")
        m_direct = TiffJpegTiles::open(path, m_info.levels, kDirectTile);
}

OpenSlideSource::~OpenSlideSource()
{
    m_direct.reset();
    if (m_osr)
        openslide_close(m_osr);
}

void OpenSlideSource::throwIfError(const std::string& what) const
{
    if (const char* error = openslide_get_error(m_osr))
        throw SlideError(m_info.path, what + ": " + error);
}

QImage OpenSlideSource::readRegion(int level, std::int64_t x, std::int64_t y, int width, int height) const
{
    if (level < 0 || level >= int(m_info.levels.size()))
        throw SlideError(m_info.path, "no level " + std::to_string(level) + " (the slide has " +
                                          std::to_string(m_info.levels.size()) + ")");
    QImage image = newRgbaImage(m_info.path, width, height);
    const std::string where =
        "cannot read level " + std::to_string(level) + " at (" + std::to_string(x) + ", " + std::to_string(y) + ")";
    const std::size_t count = std::size_t(width) * std::size_t(height);
    // RGBA8888 rows are 4 * width bytes: the image is one contiguous ARGB buffer for OpenSlide.
    auto* pixels = reinterpret_cast<std::uint32_t*>(image.bits());
    if (count > kScratchPixels) {
        openslide_read_region(m_osr, pixels, x, y, level, width, height);
        throwIfError(where);
        argbToRgbaInPlace(pixels, count);
        return image;
    }
    // Tile-sized reads go through a per-thread buffer that stays in the CPU cache, where
    // OpenSlide clears and composites; the new image is then written once.
    thread_local std::vector<std::uint32_t> scratch;
    scratch.resize(kScratchPixels);
    openslide_read_region(m_osr, scratch.data(), x, y, level, width, height);
    throwIfError(where);
    argbToRgbaCopy(scratch.data(), pixels, count);
    return image;
}

QImage OpenSlideSource::readTile(int level, std::int64_t x, std::int64_t y, int width, int height, QImage reuse) const
{
    if (level < 0 || level >= int(m_info.levels.size()))
        throw SlideError(m_info.path, "no level " + std::to_string(level));
    // OpenSlide's premultiplied ARGB is QImage's ARGB32_Premultiplied: read straight into it,
    // into a let-go tile's memory when there is one (bits() below copies it if still shared).
    const bool fits = reuse.width() == width && reuse.height() == height && reuse.format() == QImage::Format_ARGB32_Premultiplied &&
                      reuse.bytesPerLine() == width * 4;
    QImage image = fits ? std::move(reuse) : newRgbaImage(m_info.path, width, height, QImage::Format_ARGB32_Premultiplied);
    // One whole TIFF tile, or its top-left part, inside the level: decoded from the file when
    // OpenSlide would copy it unscaled (its level position x / downsample a whole multiple of
    // the tile size). Anything else, or a tile the direct reader declines, goes to OpenSlide.
    if (m_direct && m_direct->handles(level)) {
        const SlideLevel& l = m_info.levels[size_t(level)];
        const double lx = double(x) / l.downsample, ly = double(y) / l.downsample;
        const int tile = m_direct->tileSize();
        if (lx == std::floor(lx) && ly == std::floor(ly) && std::int64_t(lx) % tile == 0 && std::int64_t(ly) % tile == 0 &&
            width <= tile && height <= tile && std::int64_t(lx) + width <= l.width && std::int64_t(ly) + height <= l.height &&
            m_direct->read(level, std::int64_t(lx) / tile, std::int64_t(ly) / tile, width, height, image))
            return image;
    }
    openslide_read_region(m_osr, reinterpret_cast<std::uint32_t*>(image.bits()), x, y, level, width, height);
    throwIfError("cannot read level " + std::to_string(level) + " at (" + std::to_string(x) + ", " + std::to_string(y) + ")");
    return image;
}

QImage OpenSlideSource::associatedImage(const std::string& name) const
{
    if (std::find(m_info.associatedImages.begin(), m_info.associatedImages.end(), name) ==
        m_info.associatedImages.end())
        throw SlideError(m_info.path, "no associated image \"" + name + "\"");
    std::int64_t width = 0, height = 0;
    openslide_get_associated_image_dimensions(m_osr, name.c_str(), &width, &height);
    throwIfError("cannot read associated image \"" + name + "\"");
    QImage image = newRgbaImage(m_info.path, width, height);
    auto* pixels = reinterpret_cast<std::uint32_t*>(image.bits());
    openslide_read_associated_image(m_osr, name.c_str(), pixels);
    throwIfError("cannot read associated image \"" + name + "\"");
    argbToRgbaInPlace(pixels, std::size_t(width) * std::size_t(height));
    return image;
}

} // namespace radpath::pathology
