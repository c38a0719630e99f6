#include "pathology/slide/ImageSlideSource.h"

#include <QFile>
#include <QImageReader>

#include <tiffio.h>

#include <algorithm>
#include <cstring>

namespace radpath::pathology {
namespace {

bool isTiff(const std::string& path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray magic = file.read(4);
    return magic.size() == 4 && (magic.startsWith("II") || magic.startsWith("MM")) &&
           (magic[2] == 42 || magic[3] == 42 || magic[2] == 43 || magic[3] == 43);
}

void silenceTiff()
{
    static std::once_flag once;
    std::call_once(once, [] {
        TIFFSetWarningHandler(nullptr);
        TIFFSetErrorHandler(nullptr);
    });
}

std::optional<ImageFacts> probeTiff(const std::string& path)
{
    silenceTiff();
    TIFF* tif = TIFFOpen(path.c_str(), "rm");
    if (!tif)
        return std::nullopt;
    ImageFacts facts;
    facts.format = "tiff";
    std::uint32_t w = 0, h = 0;
    TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &w);
    TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &h);
    facts.width = w, facts.height = h;
    if (TIFFReadDirectory(tif)) {
        std::uint32_t w1 = 0, h1 = 0;
        TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &w1);
        TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &h1);
        facts.pyramidal = w1 > 0 && h1 > 0 && w1 < w && h1 < h;
    }
    TIFFClose(tif);
    if (facts.width <= 0 || facts.height <= 0)
        return std::nullopt;
    return facts;
}

// Whole first directory through libtiff's RGBA interface (any photometric, tiled or not).
QImage decodeTiff(const std::string& path, const ImageFacts& facts)
{
    silenceTiff();
    TIFF* tif = TIFFOpen(path.c_str(), "rm");
    if (!tif)
        throw SlideError(path, "cannot open the TIFF file");
    QImage image(int(facts.width), int(facts.height), QImage::Format_RGBA8888);
    if (image.isNull()) {
        TIFFClose(tif);
        throw SlideError(path, "out of memory decoding a " + std::to_string(facts.width) + " x " +
                                   std::to_string(facts.height) + " image");
    }
    // libtiff packs R, G, B, A from the low byte up: RGBA8888 on a little-endian machine.
    auto* raster = reinterpret_cast<std::uint32_t*>(image.bits());
    const int ok = TIFFReadRGBAImageOriented(tif, std::uint32_t(facts.width), std::uint32_t(facts.height), raster,
                                             ORIENTATION_TOPLEFT, 0);
    TIFFClose(tif);
    if (!ok)
        throw SlideError(path, "cannot decode the TIFF image (truncated or unsupported)");
#if Q_BYTE_ORDER == Q_BIG_ENDIAN
    for (std::int64_t i = 0; i < facts.width * facts.height; ++i) {
        const std::uint32_t v = raster[i];
        raster[i] = (v & 0xff) << 24 | (v >> 8 & 0xff) << 16 | (v >> 16 & 0xff) << 8 | v >> 24;
    }
#endif
    return image;
}

QImage decodeWithQt(const std::string& path, const ImageFacts& facts)
{
    {
        // Qt refuses images above its allocation limit (256 MB by default); a slide-sized
        // image is expected here, so the limit is raised to what this one needs.
        static std::mutex limitMutex;
        const std::lock_guard<std::mutex> lock(limitMutex);
        const int neededMB = int(facts.width * facts.height * 4 / (1024 * 1024)) + 1;
        if (QImageReader::allocationLimit() != 0 && QImageReader::allocationLimit() < neededMB)
            QImageReader::setAllocationLimit(neededMB);
    }
    QImageReader reader(QString::fromStdString(path));
    QImage image = reader.read();
    if (image.isNull())
        throw SlideError(path, "cannot decode the image: " + reader.errorString().toStdString());
    image.convertTo(QImage::Format_RGBA8888);
    return image;
}

} // namespace

std::optional<ImageFacts> probeImage(const std::string& path)
{
    if (isTiff(path))
        return probeTiff(path);
    QImageReader reader(QString::fromStdString(path));
    if (!reader.canRead())
        return std::nullopt;
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty())
        return std::nullopt;
    ImageFacts facts;
    facts.width = size.width(), facts.height = size.height();
    facts.format = reader.format().toStdString();
    return facts;
}

ImageSlideSource::ImageSlideSource(const std::string& path, const ImageFacts& facts) : m_format(facts.format)
{
    m_info.path = path;
    m_info.vendor = "image";
    m_info.levels.push_back({facts.width, facts.height, 1.0});
    m_info.properties = {
        {"openslide.vendor", "image"},
        {"openslide.level-count", "1"},
        {"openslide.level[0].width", std::to_string(facts.width)},
        {"openslide.level[0].height", std::to_string(facts.height)},
        {"openslide.level[0].downsample", "1"},
        {"radpath.image-format", facts.format},
    };
}

const QImage& ImageSlideSource::pixels() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (m_pixels.isNull()) {
        const ImageFacts facts{m_info.levels[0].width, m_info.levels[0].height, false, m_format};
        QImage decoded = m_format == "tiff" ? decodeTiff(m_info.path, facts) : decodeWithQt(m_info.path, facts);
        if (decoded.width() != facts.width || decoded.height() != facts.height)
            throw SlideError(m_info.path, "the image decodes to another size than its header says");
        m_pixels = std::move(decoded);
    }
    return m_pixels;
}

QImage ImageSlideSource::readRegion(int level, std::int64_t x, std::int64_t y, int width, int height) const
{
    if (level != 0)
        throw SlideError(m_info.path, "no level " + std::to_string(level) + " (the image has 1)");
    if (width <= 0 || height <= 0 || width > 1 << 16 || height > 1 << 16)
        throw SlideError(m_info.path, "cannot read a region of " + std::to_string(width) + " x " +
                                          std::to_string(height) + " pixels");
    const QImage& source = pixels();
    QImage region(width, height, QImage::Format_RGBA8888);
    if (region.isNull())
        throw SlideError(m_info.path, "out of memory for a region");
    region.fill(Qt::transparent);
    // Copy the part of the request that lies on the image; the rest stays transparent.
    const std::int64_t x0 = std::max<std::int64_t>(x, 0), y0 = std::max<std::int64_t>(y, 0);
    const std::int64_t x1 = std::min<std::int64_t>(x + width, source.width());
    const std::int64_t y1 = std::min<std::int64_t>(y + height, source.height());
    for (std::int64_t row = y0; row < y1 && x0 < x1; ++row)
        std::memcpy(region.scanLine(int(row - y)) + 4 * (x0 - x), source.constScanLine(int(row)) + 4 * x0,
                    std::size_t(4 * (x1 - x0)));
    return region;
}

QImage ImageSlideSource::associatedImage(const std::string& name) const
{
    throw SlideError(m_info.path, "no associated image \"" + name + "\" (a plain image has none)");
}

} // namespace radpath::pathology
