#pragma once
// A plain PNG, JPEG or TIFF shown as a one-level slide (vendor "image"). Private to the
// pathology module: use SlideSource::open.
//
// Memory: the first region read decodes the whole image once and keeps it as RGBA8888,
// 4 bytes per pixel for as long as the source lives (400 MB for 10,000 x 10,000 px).

#include "pathology/slide/SlideSource.h"

#include <mutex>

namespace radpath::pathology {

struct ImageFacts {
    std::int64_t width = 0;
    std::int64_t height = 0;
    bool pyramidal = false; ///< a TIFF whose next directory is a smaller copy
    std::string format;     ///< "tiff", "png", "jpeg"...
};

/// Size and format read from the header only; nullopt when it is not an image RadPath
/// decodes. Thread-safe.
std::optional<ImageFacts> probeImage(const std::string& path);

class ImageSlideSource final : public SlideSource {
public:
    ImageSlideSource(const std::string& path, const ImageFacts& facts);

    const SlideInfo& info() const override { return m_info; }
    QImage readRegion(int level, std::int64_t x, std::int64_t y, int width, int height) const override;
    /// Plain images have no associated images: always throws.
    QImage associatedImage(const std::string& name) const override;

private:
    /// The decoded image; decodes it on first use. Throws SlideError.
    const QImage& pixels() const;

    SlideInfo m_info;
    std::string m_format;
    mutable std::mutex m_mutex;
    mutable QImage m_pixels;
};

} // namespace radpath::pathology
