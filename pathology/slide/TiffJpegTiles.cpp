#include "pathology/slide/TiffJpegTiles.h"

#include <tiffio.h>

#include <fcntl.h>
#include <unistd.h>

// jpeglib.h needs size_t and FILE declared before it.
#include <csetjmp>
#include <cstddef>
#include <cstdio>
#include <jpeglib.h>

#include <cstring>

namespace radpath::pathology {

struct TiffJpegTiles::Level {
    std::int64_t tilesAcross = 0, tilesDown = 0;
    std::vector<std::uint64_t> offsets, byteCounts; // per tile, row-major
    std::vector<std::uint8_t> tables;               // JPEGTables (abbreviated streams), or empty
    bool ycbcr = false;                             // photometric YCbCr, else RGB
};

namespace {

// libtiff's messages about odd tags are not ours to print.
int quiet(TIFF*, void*, const char*, const char*, va_list)
{
    return 1;
}

// libjpeg errors unwind to the decode call; warnings (corrupt data it worked around) are
// counted, and a tile with any is left to OpenSlide.
struct JpegErrors {
    jpeg_error_mgr base{};
    std::jmp_buf unwind{};
    int warnings = 0;
};

void onJpegError(j_common_ptr info)
{
    std::longjmp(reinterpret_cast<JpegErrors*>(info->err)->unwind, 1);
}

void onJpegMessage(j_common_ptr info, int level)
{
    if (level < 0)
        ++reinterpret_cast<JpegErrors*>(info->err)->warnings;
}

// Decodes `data` (after `tables`, when given) into the top-left `width` x `height` of
// `out`. Only plain values live across setjmp, as longjmp skips destructors.
bool decode(const std::uint8_t* tables, std::size_t tablesSize, const std::uint8_t* data, std::size_t size, bool ycbcr,
            int width, int height, std::uint8_t* out, std::size_t outStride, std::uint8_t* row, int rowPixels)
{
    jpeg_decompress_struct cinfo{};
    JpegErrors errors;
    cinfo.err = jpeg_std_error(&errors.base);
    errors.base.error_exit = onJpegError;
    errors.base.emit_message = onJpegMessage;
    if (setjmp(errors.unwind)) {
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    jpeg_create_decompress(&cinfo);
    if (tablesSize > 0) {
        jpeg_mem_src(&cinfo, tables, static_cast<unsigned long>(tablesSize));
        jpeg_read_header(&cinfo, FALSE);
    }
    jpeg_mem_src(&cinfo, data, static_cast<unsigned long>(size));
    if (jpeg_read_header(&cinfo, TRUE) != JPEG_HEADER_OK || cinfo.num_components != 3 ||
        int(cinfo.image_width) < width || int(cinfo.image_height) < height || int(cinfo.image_width) > rowPixels) {
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    // As libtiff's JPEG codec sets up TIFFRGBAImage's reads: YCbCr converted to RGB by
    // libjpeg; RGB data passed through. Premultiplied ARGB words in memory are B, G, R, A.
    cinfo.jpeg_color_space = ycbcr ? JCS_YCbCr : JCS_RGB;
    cinfo.out_color_space = JCS_EXT_BGRA;
    jpeg_start_decompress(&cinfo);
    const bool direct = int(cinfo.output_width) == width;
    while (int(cinfo.output_scanline) < height) {
        std::uint8_t* target = out + std::size_t(cinfo.output_scanline) * outStride;
        JSAMPROW line = direct ? target : row;
        jpeg_read_scanlines(&cinfo, &line, 1);
        if (!direct)
            std::memcpy(target, row, std::size_t(width) * 4);
    }
    const bool clean = errors.warnings == 0;
    jpeg_abort_decompress(&cinfo); // the rows below `height` are not needed
    jpeg_destroy_decompress(&cinfo);
    return clean;
}

} // namespace

std::unique_ptr<TiffJpegTiles> TiffJpegTiles::open(const std::string& path, const std::vector<SlideLevel>& levels,
                                                   int tileSize)
{
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
    return nullptr; // JCS_EXT_BGRA is premultiplied ARGB's memory order on little-endian machines only
#endif
    TIFFOpenOptions* options = TIFFOpenOptionsAlloc();
    TIFFOpenOptionsSetErrorHandlerExtR(options, quiet, nullptr);
    TIFFOpenOptionsSetWarningHandlerExtR(options, quiet, nullptr);
    TIFF* tiff = TIFFOpenExt(path.c_str(), "rm", options);
    TIFFOpenOptionsFree(options);
    if (!tiff)
        return nullptr;
    std::unique_ptr<TiffJpegTiles> reader(new TiffJpegTiles);
    reader->m_tileSize = tileSize;
    reader->m_levels.resize(levels.size());
    std::vector<int> matches(levels.size(), 0);
    do {
        std::uint32_t width = 0, height = 0, tileWidth = 0, tileHeight = 0;
        std::uint16_t compression = 0, planar = PLANARCONFIG_CONTIG, samples = 0, bits = 0, photometric = 0;
        if (!TIFFIsTiled(tiff) || !TIFFGetField(tiff, TIFFTAG_IMAGEWIDTH, &width) ||
            !TIFFGetField(tiff, TIFFTAG_IMAGELENGTH, &height) || !TIFFGetField(tiff, TIFFTAG_TILEWIDTH, &tileWidth) ||
            !TIFFGetField(tiff, TIFFTAG_TILELENGTH, &tileHeight) ||
            !TIFFGetField(tiff, TIFFTAG_COMPRESSION, &compression) ||
            !TIFFGetFieldDefaulted(tiff, TIFFTAG_PLANARCONFIG, &planar) ||
            !TIFFGetFieldDefaulted(tiff, TIFFTAG_SAMPLESPERPIXEL, &samples) ||
            !TIFFGetFieldDefaulted(tiff, TIFFTAG_BITSPERSAMPLE, &bits) ||
            !TIFFGetField(tiff, TIFFTAG_PHOTOMETRIC, &photometric))
            continue;
        if (compression != COMPRESSION_JPEG || planar != PLANARCONFIG_CONTIG || samples != 3 || bits != 8 ||
            (photometric != PHOTOMETRIC_RGB && photometric != PHOTOMETRIC_YCBCR) || int(tileWidth) != tileSize ||
            int(tileHeight) != tileSize)
            continue;
        for (std::size_t l = 0; l < levels.size(); ++l) {
            if (levels[l].width != std::int64_t(width) || levels[l].height != std::int64_t(height))
                continue;
            ++matches[l];
            auto level = std::make_unique<Level>();
            level->tilesAcross = (width + tileSize - 1) / tileSize;
            level->tilesDown = (height + tileSize - 1) / tileSize;
            const std::size_t count = std::size_t(TIFFNumberOfTiles(tiff));
            std::uint64_t* offsets = nullptr;
            std::uint64_t* byteCounts = nullptr;
            if (count != std::size_t(level->tilesAcross * level->tilesDown) ||
                !TIFFGetField(tiff, TIFFTAG_TILEOFFSETS, &offsets) ||
                !TIFFGetField(tiff, TIFFTAG_TILEBYTECOUNTS, &byteCounts))
                break;
            level->offsets.assign(offsets, offsets + count);
            level->byteCounts.assign(byteCounts, byteCounts + count);
            std::uint32_t tablesSize = 0;
            void* tables = nullptr;
            if (TIFFGetField(tiff, TIFFTAG_JPEGTABLES, &tablesSize, &tables) && tables && tablesSize > 0) {
                const auto* bytes = static_cast<const std::uint8_t*>(tables);
                level->tables.assign(bytes, bytes + tablesSize);
            }
            level->ycbcr = photometric == PHOTOMETRIC_YCBCR;
            reader->m_levels[l] = std::move(level);
        }
    } while (TIFFReadDirectory(tiff));
    TIFFClose(tiff);
    bool any = false;
    for (std::size_t l = 0; l < levels.size(); ++l) {
        if (matches[l] != 1) // two directories of one size: which one OpenSlide shows is not ours to guess
            reader->m_levels[l].reset();
        any = any || reader->m_levels[l];
    }
    if (!any)
        return nullptr;
    reader->m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (reader->m_fd < 0)
        return nullptr;
    const off_t end = ::lseek(reader->m_fd, 0, SEEK_END);
    reader->m_fileSize = end > 0 ? std::int64_t(end) : 0;
    return reader;
}

TiffJpegTiles::~TiffJpegTiles()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool TiffJpegTiles::handles(int level) const
{
    return level >= 0 && level < int(m_levels.size()) && m_levels[size_t(level)];
}

bool TiffJpegTiles::read(int level, std::int64_t column, std::int64_t row, int width, int height, QImage& out) const
{
    if (!handles(level) || width <= 0 || height <= 0)
        return false;
    const Level& l = *m_levels[size_t(level)];
    if (column < 0 || row < 0 || column >= l.tilesAcross || row >= l.tilesDown)
        return false;
    const std::size_t index = std::size_t(row * l.tilesAcross + column);
    const std::uint64_t offset = l.offsets[index], size = l.byteCounts[index];
    // An empty tile (seen in the wild) or one past the end of the file: OpenSlide's to answer.
    if (size == 0 || size > (std::uint64_t(64) << 20) || offset + size > std::uint64_t(m_fileSize))
        return false;
    thread_local std::vector<std::uint8_t> data, rowBuffer;
    data.resize(size);
    std::size_t got = 0;
    while (got < size) {
        const ssize_t n = ::pread(m_fd, data.data() + got, size - got, off_t(offset + got));
        if (n <= 0)
            return false;
        got += std::size_t(n);
    }
    if (out.width() != width || out.height() != height || out.format() != QImage::Format_ARGB32_Premultiplied)
        out = QImage(width, height, QImage::Format_ARGB32_Premultiplied);
    if (out.isNull())
        return false;
    rowBuffer.resize(std::size_t(m_tileSize) * 4);
    return decode(l.tables.data(), l.tables.size(), data.data(), data.size(), l.ycbcr, width, height, out.bits(),
                  std::size_t(out.bytesPerLine()), rowBuffer.data(), m_tileSize);
}

} // namespace radpath::pathology
