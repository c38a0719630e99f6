#include "pathology/io/AperioTiffWriter.h"

#include <cstdio>
#include <stdexcept>
#include <tiffio.h>

namespace radpath::pathology {

struct AperioTiffWriter::Private {
    std::string path;
    std::string partial;
    TIFF* tiff = nullptr;
    bool finished = false;
};

AperioTiffWriter::AperioTiffWriter(const std::string& path) : d(std::make_unique<Private>())
{
    d->path = path;
    d->partial = path + ".part";
    // BigTIFF only when a classic TIFF could overflow: real SVS files are classic TIFF.
    d->tiff = TIFFOpen(d->partial.c_str(), "w");
    if (!d->tiff)
        throw std::runtime_error(d->partial + ": cannot create file");
}

AperioTiffWriter::~AperioTiffWriter()
{
    if (d->tiff)
        TIFFClose(d->tiff);
    if (!d->finished)
        std::remove(d->partial.c_str());
}

void AperioTiffWriter::writeTiledLevel(int width, int height, int tileSize, const std::string& description,
                                       const std::function<std::vector<std::uint8_t>(int, int)>& tile,
                                       const std::function<void(double)>& progress)
{
    TIFF* t = d->tiff;
    TIFFSetField(t, TIFFTAG_SUBFILETYPE, 0);
    TIFFSetField(t, TIFFTAG_IMAGEWIDTH, uint32_t(width));
    TIFFSetField(t, TIFFTAG_IMAGELENGTH, uint32_t(height));
    TIFFSetField(t, TIFFTAG_TILEWIDTH, uint32_t(tileSize));
    TIFFSetField(t, TIFFTAG_TILELENGTH, uint32_t(tileSize));
    TIFFSetField(t, TIFFTAG_BITSPERSAMPLE, 8);
    TIFFSetField(t, TIFFTAG_SAMPLESPERPIXEL, 3);
    TIFFSetField(t, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(t, TIFFTAG_COMPRESSION, COMPRESSION_JPEG);
    TIFFSetField(t, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_YCBCR);
    TIFFSetField(t, TIFFTAG_YCBCRSUBSAMPLING, 2, 2);
    // Each tile is a complete JPEG stream with its own tables.
    TIFFSetField(t, TIFFTAG_JPEGTABLESMODE, 0);
    TIFFSetField(t, TIFFTAG_IMAGEDESCRIPTION, description.c_str());
    const int cols = (width + tileSize - 1) / tileSize;
    const int rows = (height + tileSize - 1) / tileSize;
    for (int row = 0; row < rows; ++row) {
        for (int col = 0; col < cols; ++col) {
            std::vector<std::uint8_t> bytes = tile(col, row);
            const uint32_t index = TIFFComputeTile(t, uint32_t(col * tileSize), uint32_t(row * tileSize), 0, 0);
            if (TIFFWriteRawTile(t, index, bytes.data(), tmsize_t(bytes.size())) < 0)
                throw std::runtime_error(d->partial + ": cannot write tile (disk full?)");
        }
        if (progress)
            progress(double(row + 1) / rows);
    }
    if (!TIFFWriteDirectory(t))
        throw std::runtime_error(d->partial + ": cannot write TIFF directory");
}

void AperioTiffWriter::writeStrippedImage(int width, int height, const std::vector<std::uint8_t>& rgb,
                                          const std::string& description)
{
    TIFF* t = d->tiff;
    TIFFSetField(t, TIFFTAG_SUBFILETYPE, FILETYPE_REDUCEDIMAGE);
    TIFFSetField(t, TIFFTAG_IMAGEWIDTH, uint32_t(width));
    TIFFSetField(t, TIFFTAG_IMAGELENGTH, uint32_t(height));
    TIFFSetField(t, TIFFTAG_BITSPERSAMPLE, 8);
    TIFFSetField(t, TIFFTAG_SAMPLESPERPIXEL, 3);
    TIFFSetField(t, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(t, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
    TIFFSetField(t, TIFFTAG_COMPRESSION, COMPRESSION_LZW);
    TIFFSetField(t, TIFFTAG_ROWSPERSTRIP, uint32_t(16));
    TIFFSetField(t, TIFFTAG_IMAGEDESCRIPTION, description.c_str());
    for (int y = 0; y < height; ++y)
        if (TIFFWriteScanline(t, const_cast<std::uint8_t*>(rgb.data() + size_t(y) * size_t(width) * 3), uint32_t(y), 0) < 0)
            throw std::runtime_error(d->partial + ": cannot write image rows");
    if (!TIFFWriteDirectory(t))
        throw std::runtime_error(d->partial + ": cannot write TIFF directory");
}

void AperioTiffWriter::finish()
{
    TIFFClose(d->tiff);
    d->tiff = nullptr;
    if (std::rename(d->partial.c_str(), d->path.c_str()) != 0)
        throw std::runtime_error(d->path + ": cannot rename into place");
    d->finished = true;
}

} // namespace radpath::pathology
