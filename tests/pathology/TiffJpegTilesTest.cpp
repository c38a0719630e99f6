// JPEG tiles decoded straight from the file must be OpenSlide's own pixels, byte for byte:
// an Aperio slide (complete JPEG streams), generic tiled TIFFs written by libtiff's codec
// (abbreviated streams with JPEGTables; YCbCr and RGB), edge tiles, and what the reader
// must leave to OpenSlide.

#include "pathology/slide/TiffJpegTiles.h"
#include "pathology/slide/SlideSource.h"

#include "SlideTestSupport.h"

#include <QTemporaryDir>
#include <QtTest>

#include <openslide.h>
#include <tiffio.h>

#include <cmath>
#include <cstring>
#include <random>

using namespace radpath::pathology;

namespace {

constexpr int kTile = 256;

// A tiled JPEG TIFF of `width` x `height` through libtiff's JPEG codec: tissue-like colour
// waves with noise, so that chroma subsampling and the IDCT matter.
void writeJpegTiff(const QString& path, int width, int height, bool ycbcr)
{
    TIFF* t = TIFFOpen(path.toLocal8Bit().constData(), "w");
    QVERIFY(t);
    TIFFSetField(t, TIFFTAG_IMAGEWIDTH, std::uint32_t(width));
    TIFFSetField(t, TIFFTAG_IMAGELENGTH, std::uint32_t(height));
    TIFFSetField(t, TIFFTAG_TILEWIDTH, std::uint32_t(kTile));
    TIFFSetField(t, TIFFTAG_TILELENGTH, std::uint32_t(kTile));
    TIFFSetField(t, TIFFTAG_BITSPERSAMPLE, 8);
    TIFFSetField(t, TIFFTAG_SAMPLESPERPIXEL, 3);
    TIFFSetField(t, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(t, TIFFTAG_COMPRESSION, COMPRESSION_JPEG);
    TIFFSetField(t, TIFFTAG_JPEGQUALITY, 80);
    TIFFSetField(t, TIFFTAG_PHOTOMETRIC, ycbcr ? PHOTOMETRIC_YCBCR : PHOTOMETRIC_RGB);
    if (ycbcr)
        TIFFSetField(t, TIFFTAG_JPEGCOLORMODE, JPEGCOLORMODE_RGB);
    std::mt19937 random(3);
    std::uniform_int_distribution<int> noise(-12, 12);
    std::vector<std::uint8_t> tile(std::size_t(kTile) * kTile * 3);
    for (int y0 = 0; y0 < height; y0 += kTile)
        for (int x0 = 0; x0 < width; x0 += kTile) {
            for (int y = 0; y < kTile; ++y)
                for (int x = 0; x < kTile; ++x) {
                    const double u = (x0 + x) / 37.0, v = (y0 + y) / 23.0;
                    std::uint8_t* p = &tile[(std::size_t(y) * kTile + x) * 3];
                    p[0] = std::uint8_t(std::clamp(200 + 40 * std::sin(u) + noise(random), 0.0, 255.0));
                    p[1] = std::uint8_t(std::clamp(120 + 60 * std::sin(u + v) + noise(random), 0.0, 255.0));
                    p[2] = std::uint8_t(std::clamp(170 + 50 * std::cos(v) + noise(random), 0.0, 255.0));
                }
            QVERIFY(TIFFWriteTile(t, tile.data(), std::uint32_t(x0), std::uint32_t(y0), 0, 0) >= 0);
        }
    TIFFClose(t);
}

// OpenSlide's premultiplied ARGB for a region, as a QImage of the same memory layout.
QImage openSlideRegion(openslide_t* osr, int level, std::int64_t x, std::int64_t y, int width, int height)
{
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    openslide_read_region(osr, reinterpret_cast<std::uint32_t*>(image.bits()), x, y, level, width, height);
    return image;
}

bool sameBytes(const QImage& a, const QImage& b)
{
    if (a.size() != b.size())
        return false;
    for (int y = 0; y < a.height(); ++y)
        if (std::memcmp(a.constScanLine(y), b.constScanLine(y), std::size_t(a.width()) * 4) != 0)
            return false;
    return true;
}

// Every tile of `level` through `reader` equals OpenSlide's read of the same area.
void compareLevel(const TiffJpegTiles& reader, openslide_t* osr, int level, int step = 1)
{
    std::int64_t w = 0, h = 0;
    openslide_get_level_dimensions(osr, level, &w, &h);
    const double ds = openslide_get_level_downsample(osr, level);
    int compared = 0;
    for (std::int64_t row = 0; row * kTile < h; row += step)
        for (std::int64_t column = 0; column * kTile < w; column += step) {
            const int width = int(std::min<std::int64_t>(kTile, w - column * kTile));
            const int height = int(std::min<std::int64_t>(kTile, h - row * kTile));
            QImage direct;
            QVERIFY2(reader.read(level, column, row, width, height, direct),
                     qPrintable(QStringLiteral("level %1 tile %2,%3").arg(level).arg(column).arg(row)));
            const QImage reference = openSlideRegion(osr, level, std::llround(column * kTile * ds),
                                                     std::llround(row * kTile * ds), width, height);
            QVERIFY2(sameBytes(direct, reference),
                     qPrintable(QStringLiteral("level %1 tile %2,%3 differs").arg(level).arg(column).arg(row)));
            ++compared;
        }
    QVERIFY(compared > 0);
}

} // namespace

class TiffJpegTilesTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_svs = test::writeSmallSlide(QDir(m_dir.path()));
    }

    void aperioTilesAreOpenSlidesPixels()
    {
        const auto slide = SlideSource::open(m_svs.toStdString());
        const auto reader = TiffJpegTiles::open(m_svs.toStdString(), slide->info().levels, kTile);
        QVERIFY(reader);
        openslide_t* osr = openslide_open(m_svs.toLocal8Bit().constData());
        QVERIFY(osr);
        // Levels with a whole downsample (1 and 4); OpenSlide draws the ~16x level's tiles at a
        // fraction of a pixel, so the source leaves that one to OpenSlide (next test).
        int compared = 0;
        for (int level = 0; level < int(slide->info().levels.size()); ++level) {
            QVERIFY(reader->handles(level));
            const double ds = slide->info().levels[size_t(level)].downsample;
            if (ds == std::floor(ds)) {
                compareLevel(*reader, osr, level);
                ++compared;
            }
        }
        QCOMPARE(compared, 2);
        openslide_close(osr);
    }

    void sourceTilesMatchOpenSlideOnEveryLevel()
    {
        // Through SlideSource::readTile, as the tile engine reads: levels whose tiles sit on
        // whole level pixels come from the file, the ~16x level (downsample 16.01) from
        // OpenSlide, and either way the pixels are OpenSlide's.
        const auto slide = SlideSource::open(m_svs.toStdString());
        openslide_t* osr = openslide_open(m_svs.toLocal8Bit().constData());
        const auto& levels = slide->info().levels;
        for (int level = 0; level < int(levels.size()); ++level)
            for (const auto& [column, row] : std::vector<std::pair<int, int>>{{0, 0}, {1, 2}, {3, 1}, {-1, -1}}) {
                const std::int64_t columns = (levels[size_t(level)].width + kTile - 1) / kTile;
                const std::int64_t rows = (levels[size_t(level)].height + kTile - 1) / kTile;
                const std::int64_t c = column < 0 ? columns - 1 : std::min<std::int64_t>(column, columns - 1);
                const std::int64_t r = row < 0 ? rows - 1 : std::min<std::int64_t>(row, rows - 1);
                const int width = int(std::min<std::int64_t>(kTile, levels[size_t(level)].width - c * kTile));
                const int height = int(std::min<std::int64_t>(kTile, levels[size_t(level)].height - r * kTile));
                const double ds = levels[size_t(level)].downsample;
                const std::int64_t x = std::llround(c * kTile * ds), y = std::llround(r * kTile * ds);
                QVERIFY(sameBytes(slide->readTile(level, x, y, width, height),
                                  openSlideRegion(osr, level, x, y, width, height)));
            }
        openslide_close(osr);
    }

    void abbreviatedStreamsWithTables_data()
    {
        QTest::addColumn<bool>("ycbcr");
        QTest::newRow("YCbCr, subsampled") << true;
        QTest::newRow("RGB") << false;
    }
    void abbreviatedStreamsWithTables()
    {
        QFETCH(bool, ycbcr);
        const QString path = QDir(m_dir.path()).filePath(ycbcr ? "ycbcr.tif" : "rgb.tif");
        writeJpegTiff(path, 700, 530, ycbcr);
        TIFF* t = TIFFOpen(path.toLocal8Bit().constData(), "r");
        std::uint32_t tablesSize = 0;
        void* tables = nullptr;
        QVERIFY(TIFFGetField(t, TIFFTAG_JPEGTABLES, &tablesSize, &tables) && tablesSize > 0); // abbreviated tiles
        TIFFClose(t);
        const auto slide = SlideSource::open(path.toStdString());
        QCOMPARE(QString::fromStdString(slide->info().vendor), QStringLiteral("generic-tiff"));
        const auto reader = TiffJpegTiles::open(path.toStdString(), slide->info().levels, kTile);
        QVERIFY(reader);
        openslide_t* osr = openslide_open(path.toLocal8Bit().constData());
        compareLevel(*reader, osr, 0); // 3 x 3 tiles, the right and bottom ones cut by the edge
        openslide_close(osr);
    }

    void leavesToOpenSlideWhatItCannotRead()
    {
        // A tile whose JPEG data ends early: declined, so OpenSlide reads (and reports) it.
        const QString broken = QDir(m_dir.path()).filePath("broken.tif");
        writeJpegTiff(broken, 512, 256, true);
        TIFF* t = TIFFOpen(broken.toLocal8Bit().constData(), "r");
        std::uint64_t* offsets = nullptr;
        std::uint64_t* sizes = nullptr;
        QVERIFY(TIFFGetField(t, TIFFTAG_TILEOFFSETS, &offsets) && TIFFGetField(t, TIFFTAG_TILEBYTECOUNTS, &sizes));
        const std::uint64_t at = offsets[1] + sizes[1] / 2;
        TIFFClose(t);
        QFile file(broken);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(qint64(at));
        file.write(QByteArray::fromHex("ffd9")); // EOI in the middle of the scan
        file.close();
        const auto levels = SlideSource::open(broken.toStdString())->info().levels;
        const auto reader = TiffJpegTiles::open(broken.toStdString(), levels, kTile);
        QVERIFY(reader);
        QImage tile;
        QVERIFY(reader->read(0, 0, 0, 256, 256, tile)); // the good tile
        QVERIFY(!reader->read(0, 1, 0, 256, 256, tile));
        QVERIFY(!reader->read(0, 2, 0, 256, 256, tile)); // no such tile
        QVERIFY(!reader->read(1, 0, 0, 256, 256, tile)); // no such level

        // Tiles of another size or compression: nothing to read without OpenSlide.
        const QString lzw = QDir(m_dir.path()).filePath("lzw.tif");
        TIFF* l = TIFFOpen(lzw.toLocal8Bit().constData(), "w");
        TIFFSetField(l, TIFFTAG_IMAGEWIDTH, 300u);
        TIFFSetField(l, TIFFTAG_IMAGELENGTH, 300u);
        TIFFSetField(l, TIFFTAG_TILEWIDTH, 256u);
        TIFFSetField(l, TIFFTAG_TILELENGTH, 256u);
        TIFFSetField(l, TIFFTAG_BITSPERSAMPLE, 8);
        TIFFSetField(l, TIFFTAG_SAMPLESPERPIXEL, 3);
        TIFFSetField(l, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
        TIFFSetField(l, TIFFTAG_COMPRESSION, COMPRESSION_LZW);
        std::vector<std::uint8_t> pixels(256 * 256 * 3, 128);
        for (std::uint32_t y = 0; y < 300; y += 256)
            for (std::uint32_t x = 0; x < 300; x += 256)
                TIFFWriteTile(l, pixels.data(), x, y, 0, 0);
        TIFFClose(l);
        QVERIFY(!TiffJpegTiles::open(lzw.toStdString(), {SlideLevel{300, 300, 1.0}}, kTile));
        QVERIFY(!TiffJpegTiles::open(m_svs.toStdString(), SlideSource::open(m_svs.toStdString())->info().levels, 512));
        QVERIFY(!TiffJpegTiles::open(QDir(m_dir.path()).filePath("missing.tif").toStdString(),
                                     {SlideLevel{300, 300, 1.0}}, kTile));
    }

private:
    QTemporaryDir m_dir;
    QString m_svs;
};

QTEST_GUILESS_MAIN(TiffJpegTilesTest)
#include "TiffJpegTilesTest.moc"
