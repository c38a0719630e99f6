// OpenSlide is linked and answers: its version, and vendor detection on real files.


#include "pathology/slide/SlideLibrary.h"

#include <QImage>
#include <tiffio.h>

#include <vector>
#include <QTemporaryDir>
#include <QtTest>

using namespace radpath::pathology;

class SlideLibraryTest : public QObject {
    Q_OBJECT
private slots:
    void versionIsOpenSlide3()
    {
        const QString version = QString::fromStdString(openslideVersion());
        QVERIFY2(version.startsWith(QLatin1String("3.")), qPrintable(version));
    }

    void detectsGenericTiledTiff()
    {
        // A 512 x 512 RGB TIFF in 256 x 256 tiles: OpenSlide reads it as "generic-tiff".
        QTemporaryDir dir;
        const QByteArray path = dir.filePath("tiled.tif").toLocal8Bit();
        TIFF* tiff = TIFFOpen(path.constData(), "w");
        QVERIFY(tiff);
        TIFFSetField(tiff, TIFFTAG_IMAGEWIDTH, 512);
        TIFFSetField(tiff, TIFFTAG_IMAGELENGTH, 512);
        TIFFSetField(tiff, TIFFTAG_TILEWIDTH, 256);
        TIFFSetField(tiff, TIFFTAG_TILELENGTH, 256);
        TIFFSetField(tiff, TIFFTAG_BITSPERSAMPLE, 8);
        TIFFSetField(tiff, TIFFTAG_SAMPLESPERPIXEL, 3);
        TIFFSetField(tiff, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
        TIFFSetField(tiff, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
        TIFFSetField(tiff, TIFFTAG_COMPRESSION, COMPRESSION_NONE);
        std::vector<unsigned char> tile(256 * 256 * 3, 200);
        for (unsigned y = 0; y < 512; y += 256)
            for (unsigned x = 0; x < 512; x += 256)
                QVERIFY(TIFFWriteTile(tiff, tile.data(), x, y, 0, 0) > 0);
        TIFFClose(tiff);
        QCOMPARE(detectSlideVendor(path.toStdString()), std::string("generic-tiff"));
    }

    void detectsNothingForPngOrText()
    {
        QTemporaryDir dir;
        QImage image(64, 64, QImage::Format_RGB32);
        image.fill(Qt::white);
        QVERIFY(image.save(dir.filePath("small.png")));
        QCOMPARE(detectSlideVendor(dir.filePath("small.png").toStdString()), std::string());
        QFile text(dir.filePath("a.txt"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("hello");
        text.close();
        QCOMPARE(detectSlideVendor(text.fileName().toStdString()), std::string());
    }
};

QTEST_GUILESS_MAIN(SlideLibraryTest)
#include "SlideLibraryTest.moc"
