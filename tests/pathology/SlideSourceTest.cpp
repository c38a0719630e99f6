// SlideSource and the slide-info / slide-region commands against openslide-python on a
// small Aperio slide: same pixels at several levels and offsets, edges included.

#include "SlideTestSupport.h"

#include "pathology/slide/PixelConvert.h"
#include "pathology/slide/SlideSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <tiffio.h>

using namespace radpath::pathology;

namespace {

struct Region {
    int level;
    qint64 x, y;
    int w, h;
};

// Level-0 offsets; several cross the slide's edges or lie off it.
const QList<Region> kRegions{
    {0, 0, 0, 300, 200},    {0, 2999, 1234, 257, 311}, {0, -50, -70, 200, 150},  {0, 8200, 6000, 300, 300},
    {0, 9000, 100, 40, 30}, {1, 1000, 2000, 400, 300}, {1, -400, 100, 300, 200}, {1, 7000, 5500, 600, 500},
    {2, 0, 0, 400, 300},    {2, 123, 77, 500, 400},
};

const char* kReadRegions = R"(
import sys, openslide
slide = openslide.OpenSlide(sys.argv[1])
out = sys.argv[2]
for i, spec in enumerate(sys.argv[3:]):
    level, x, y, w, h = map(int, spec.split(','))
    slide.read_region((x, y), level, (w, h)).save('%s/ref_%d.png' % (out, i))
)";

const char* kConvert = R"(
import sys, array
from openslide import _convert
buf = array.array('I')
buf.frombytes(open(sys.argv[1], 'rb').read())
_convert.argb2rgba(buf)
open(sys.argv[2], 'wb').write(buf.tobytes())
)";

QString cli()
{
    return QStringLiteral(RADPATH_BIN_DIR "/radpath-cli");
}

int runCli(const QStringList& args, QByteArray* out = nullptr, QByteArray* err = nullptr)
{
    QProcess p;
    p.start(cli(), args);
    if (!p.waitForFinished(60000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class SlideSourceTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_slide = test::writeSmallSlide(QDir(m_dir.path()));
        m_havePython = test::haveOpenSlidePython(&m_noPython);
        if (!m_havePython)
            return;
        QStringList args{m_slide, m_dir.path()};
        for (const Region& r : kRegions)
            args << QStringLiteral("%1,%2,%3,%4,%5").arg(r.level).arg(r.x).arg(r.y).arg(r.w).arg(r.h);
        const QString error = test::runPython(kReadRegions, args);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void infoOfAperioSlide()
    {
        const auto slide = SlideSource::open(m_slide.toStdString());
        const SlideInfo& info = slide->info();
        QCOMPARE(QString::fromStdString(info.vendor), QStringLiteral("aperio"));
        QCOMPARE(info.levels.size(), size_t(3));
        QCOMPARE(info.levels[0].width, qint64(8300));
        QCOMPARE(info.levels[1].downsample, 4.0);
        QVERIFY(info.mpp);
        QCOMPARE((*info.mpp)[0], 0.25);
        QCOMPARE(info.objectivePower.value_or(0), 40.0);
        QVERIFY(!info.bounds);
        QCOMPARE(info.associatedImages.size(), size_t(3));
        QCOMPARE(QString::fromStdString(info.properties.at("openslide.vendor")), QStringLiteral("aperio"));
        QCOMPARE(slide->bestLevelForDownsample(1.0), 0);
        QCOMPARE(slide->bestLevelForDownsample(3.9), 0);
        QCOMPARE(slide->bestLevelForDownsample(4.0), 1);
        QCOMPARE(slide->bestLevelForDownsample(1000.0), 2);
        QCOMPARE(slide->associatedImage("label").width(), 400);
        QVERIFY(SlideSource::isSlide(m_slide.toStdString()));
        QVERIFY_THROWS_EXCEPTION(SlideError, slide->associatedImage("nothing"));
        QVERIFY_THROWS_EXCEPTION(SlideError, slide->readRegion(3, 0, 0, 10, 10));
    }

    void regionsMatchOpenSlidePython()
    {
        if (!m_havePython)
            QSKIP(qPrintable(m_noPython));
        const auto slide = SlideSource::open(m_slide.toStdString());
        for (int i = 0; i < kRegions.size(); ++i) {
            const Region& r = kRegions[i];
            const QImage ours = slide->readRegion(r.level, r.x, r.y, r.w, r.h);
            QCOMPARE(ours.format(), QImage::Format_RGBA8888);
            const QImage ref(QDir(m_dir.path()).filePath(QStringLiteral("ref_%1.png").arg(i)));
            QVERIFY(!ref.isNull());
            QCOMPARE(test::differingPixels(ours, ref), qint64(0));
        }
        // Off the slide: transparent black, as openslide-python gives it.
        const QImage off = slide->readRegion(0, 9000, 100, 40, 30);
        QCOMPARE(off.pixelColor(5, 5), QColor(0, 0, 0, 0));
    }

    void conversionMatchesOpenSlidePython()
    {
        if (!m_havePython)
            QSKIP(qPrintable(m_noPython));
        // Every alpha with every channel value (alpha 0 only with black, as OpenSlide gives
        // it), then an opaque buffer, which takes the fast path.
        std::vector<quint32> mixed, opaque;
        for (quint32 a = 0; a < 256; ++a)
            for (quint32 c = 0; c < 256; ++c) {
                const quint32 rgb = c << 16 | (255 - c) << 8 | (c * 7 & 0xff);
                mixed.push_back(a == 0 ? 0 : a << 24 | rgb);
                opaque.push_back(0xff000000u | rgb);
            }
        for (const std::vector<quint32>* argb : {&mixed, &opaque}) {
            QFile in(QDir(m_dir.path()).filePath("argb.bin"));
            QVERIFY(in.open(QIODevice::WriteOnly));
            in.write(reinterpret_cast<const char*>(argb->data()), qint64(argb->size() * 4));
            in.close();
            const QString outPath = QDir(m_dir.path()).filePath("rgba.bin");
            const QString error = test::runPython(kConvert, {in.fileName(), outPath});
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QFile out(outPath);
            QVERIFY(out.open(QIODevice::ReadOnly));
            const QByteArray expected = out.readAll();
            std::vector<quint32> ours = *argb;
            argbToRgbaInPlace(ours.data(), ours.size());
            QCOMPARE(expected.size(), qsizetype(ours.size() * 4));
            QVERIFY(std::memcmp(expected.constData(), ours.data(), ours.size() * 4) == 0);
        }
    }

    void slideInfoCommand()
    {
        QByteArray out, err;
        QCOMPARE(runCli({"slide-info", m_slide}, &out, &err), 0);
        QJsonParseError parse;
        const QJsonObject o = QJsonDocument::fromJson(out, &parse).object();
        QCOMPARE(parse.error, QJsonParseError::NoError);
        QCOMPARE(o["vendor"].toString(), QStringLiteral("aperio"));
        QCOMPARE(o["width"].toInt(), 8300);
        QCOMPARE(o["height"].toInt(), 6100);
        QCOMPARE(o["levels"].toArray().size(), 3);
        QCOMPARE(o["levels"].toArray()[1].toObject()["downsample"].toDouble(), 4.0);
        QCOMPARE(o["levels"].toArray()[1].toObject()["width"].toInt(), 2075);
        QCOMPARE(o["mpp"].toArray(), QJsonArray({0.25, 0.25}));
        QCOMPARE(o["objectivePower"].toDouble(), 40.0);
        QVERIFY(o["bounds"].isNull());
        QCOMPARE(o["associatedImages"].toArray().size(), 3);
        QCOMPARE(o["properties"].toObject()["openslide.objective-power"].toString(), QStringLiteral("40"));
        QVERIFY(o["properties"].toObject().contains("aperio.AppMag"));
    }

    void slideRegionCommand()
    {
        if (!m_havePython)
            QSKIP(qPrintable(m_noPython));
        for (const int i : {1, 3, 6, 9}) {
            const Region& r = kRegions[i];
            const QString out = QDir(m_dir.path()).filePath(QStringLiteral("cli_%1.png").arg(i));
            QByteArray err;
            QCOMPARE(runCli({"slide-region", m_slide, "--level", QString::number(r.level), "--x", QString::number(r.x),
                             "--y", QString::number(r.y), "--width", QString::number(r.w), "--height",
                             QString::number(r.h), "--out", out},
                            nullptr, &err),
                     0);
            const QImage ref(QDir(m_dir.path()).filePath(QStringLiteral("ref_%1.png").arg(i)));
            QCOMPARE(test::differingPixels(QImage(out), ref), qint64(0));
        }
    }

    void nonSlideRefusedNamingIt()
    {
        const QString text = QDir(m_dir.path()).filePath("notes.txt");
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a slide\n");
        f.close();
        QVERIFY(!SlideSource::isSlide(text.toStdString()));
        try {
            SlideSource::open(text.toStdString());
            QFAIL("opened a text file");
        } catch (const SlideError& e) {
            QVERIFY2(QString(e.what()).startsWith(text), e.what());
        }
        QByteArray err;
        QCOMPARE(runCli({"slide-info", text}, nullptr, &err), 1);
        QVERIFY2(err.contains(text.toLocal8Bit()), err.constData());
        const QString out = QDir(m_dir.path()).filePath("never.png");
        QCOMPARE(runCli({"slide-region", text, "--level", "0", "--x", "0", "--y", "0", "--width", "8", "--height", "8",
                         "--out", out},
                        nullptr, &err),
                 1);
        QVERIFY2(err.contains(text.toLocal8Bit()), err.constData());
        QVERIFY(!QFile::exists(out));
        QCOMPARE(runCli({"slide-region", m_slide, "--level", "0"}, nullptr, &err), 2);
    }

    void largePlainImagesAreOneLevelSlides()
    {
        // A PNG over 10,000 px wide is a slide; a small one is not.
        QImage wide(10050, 24, QImage::Format_RGBA8888);
        for (int y = 0; y < wide.height(); ++y)
            for (int x = 0; x < wide.width(); ++x)
                wide.setPixelColor(x, y, QColor(x % 251, y * 9, (x / 7) % 256, x % 3 ? 255 : 128));
        const QString png = QDir(m_dir.path()).filePath("wide.png");
        QVERIFY(wide.save(png));
        const QString small = QDir(m_dir.path()).filePath("small.png");
        QVERIFY(wide.copy(0, 0, 100, 24).save(small));
        QVERIFY(SlideSource::isSlide(png.toStdString()));
        QVERIFY(!SlideSource::isSlide(small.toStdString()));
        const auto slide = SlideSource::open(png.toStdString());
        QCOMPARE(QString::fromStdString(slide->info().vendor), QStringLiteral("image"));
        QCOMPARE(slide->info().levels.size(), size_t(1));
        const QImage region = slide->readRegion(0, 10000, -4, 100, 20);
        QImage expected(100, 20, QImage::Format_RGBA8888);
        expected.fill(Qt::transparent);
        for (int y = 4; y < 20; ++y)
            for (int x = 0; x < 50; ++x)
                expected.setPixelColor(x, y, wide.pixelColor(10000 + x, y - 4));
        QCOMPARE(test::differingPixels(region, expected), qint64(0));

        // A stripped RGB TIFF (OpenSlide reads only tiled ones) over 10,000 px tall.
        const QString tif = QDir(m_dir.path()).filePath("tall.tif");
        TIFF* t = TIFFOpen(tif.toLocal8Bit().constData(), "w");
        QVERIFY(t);
        TIFFSetField(t, TIFFTAG_IMAGEWIDTH, 8);
        TIFFSetField(t, TIFFTAG_IMAGELENGTH, 10001);
        TIFFSetField(t, TIFFTAG_BITSPERSAMPLE, 8);
        TIFFSetField(t, TIFFTAG_SAMPLESPERPIXEL, 3);
        TIFFSetField(t, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
        TIFFSetField(t, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
        TIFFSetField(t, TIFFTAG_ROWSPERSTRIP, 64);
        for (quint32 y = 0; y < 10001; ++y) {
            unsigned char row[24];
            for (int x = 0; x < 8; ++x)
                row[3 * x] = uchar(y), row[3 * x + 1] = uchar(x * 30), row[3 * x + 2] = uchar(y >> 8);
            QVERIFY(TIFFWriteScanline(t, row, y, 0) == 1);
        }
        TIFFClose(t);
        QVERIFY(SlideSource::isSlide(tif.toStdString()));
        const auto tiff = SlideSource::open(tif.toStdString());
        QCOMPARE(QString::fromStdString(tiff->info().vendor), QStringLiteral("image"));
        const QImage part = tiff->readRegion(0, 6, 9999, 4, 4);
        QCOMPARE(part.pixelColor(1, 1), QColor(uchar(10000), 210, 10000 >> 8, 255));
        QCOMPARE(part.pixelColor(2, 1), QColor(0, 0, 0, 0));
        QCOMPARE(part.pixelColor(0, 2), QColor(0, 0, 0, 0));
    }

private:
    QTemporaryDir m_dir;
    QString m_slide;
    bool m_havePython = false;
    QString m_noPython;
};

QTEST_GUILESS_MAIN(SlideSourceTest)
#include "SlideSourceTest.moc"
