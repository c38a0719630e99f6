// The demo slide as OpenSlide 3.4.1 sees it: an Aperio slide with mpp, objective power,
// levels and associated images, and pixels that match the tumour ground truth.

#include "pathology/demo/SlidePhantom.h"

#include <QTemporaryDir>
#include <QtTest>

#include <openslide.h>

using namespace radpath::pathology;

namespace {

struct Pixel {
    int r, g, b, a;
};

Pixel pixelAt(openslide_t* slide, int64_t x, int64_t y)
{
    uint32_t argb = 0;
    openslide_read_region(slide, &argb, x, y, 0, 1, 1);
    return {int(argb >> 16 & 0xff), int(argb >> 8 & 0xff), int(argb & 0xff), int(argb >> 24)};
}

// Mean colour of a w x h block at level 0.
Pixel meanAt(openslide_t* slide, int64_t x, int64_t y, int w, int h)
{
    std::vector<uint32_t> buf(size_t(w) * h);
    openslide_read_region(slide, buf.data(), x, y, 0, w, h);
    long r = 0, g = 0, b = 0;
    for (uint32_t p : buf)
        r += p >> 16 & 0xff, g += p >> 8 & 0xff, b += p & 0xff;
    const long n = long(buf.size());
    return {int(r / n), int(g / n), int(b / n), 255};
}

bool inside(const std::vector<std::pair<double, double>>& poly, double x, double y)
{
    bool in = false;
    for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++)
        if ((poly[i].second > y) != (poly[j].second > y) &&
            x < (poly[j].first - poly[i].first) * (y - poly[i].second) / (poly[j].second - poly[i].second) + poly[i].first)
            in = !in;
    return in;
}

} // namespace

class SlidePhantomTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        SlidePhantomSpec spec;
        spec.width = 9000;
        spec.height = 7000;
        spec.seed = 3;
        spec.tumourRegions = 3;
        m_path = m_dir.filePath("small.svs");
        QList<double> seen;
        m_truth = writeSlidePhantom(m_path.toStdString(), spec, [&](double f) { seen << f; });
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.last(), 1.0);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QVERIFY(!QFile::exists(m_path + ".part"));
    }

    void openslideSeesAperioSlide()
    {
        const QByteArray path = m_path.toLocal8Bit();
        QCOMPARE(QString(openslide_detect_vendor(path.constData())), QStringLiteral("aperio"));
        openslide_t* slide = openslide_open(path.constData());
        QVERIFY(slide);
        QVERIFY2(!openslide_get_error(slide), openslide_get_error(slide));
        int64_t w = 0, h = 0;
        openslide_get_level0_dimensions(slide, &w, &h);
        QCOMPARE(w, int64_t(9000));
        QCOMPARE(h, int64_t(7000));
        QCOMPARE(openslide_get_level_count(slide), int32_t(m_truth.levels));
        QVERIFY(m_truth.levels >= 2);
        QCOMPARE(openslide_get_level_downsample(slide, 1), 4.0);
        QCOMPARE(QString(openslide_get_property_value(slide, OPENSLIDE_PROPERTY_NAME_MPP_X)).toDouble(), 0.25);
        QCOMPARE(QString(openslide_get_property_value(slide, OPENSLIDE_PROPERTY_NAME_MPP_Y)).toDouble(), 0.25);
        QCOMPARE(QString(openslide_get_property_value(slide, OPENSLIDE_PROPERTY_NAME_OBJECTIVE_POWER)), QStringLiteral("40"));
        QStringList associated;
        for (const char* const* name = openslide_get_associated_image_names(slide); *name; ++name)
            associated << *name;
        associated.sort();
        QCOMPARE(associated, QStringList({"label", "macro", "thumbnail"}));
        int64_t lw = 0, lh = 0;
        openslide_get_associated_image_dimensions(slide, "label", &lw, &lh);
        QCOMPARE(lw, int64_t(400));
        openslide_close(slide);
    }

    void pixelsMatchGroundTruth()
    {
        openslide_t* slide = openslide_open(m_path.toLocal8Bit().constData());
        QVERIFY(slide);
        // Background at the corner: near white, opaque.
        const Pixel corner = pixelAt(slide, 20, 20);
        QVERIFY(corner.r > 225 && corner.g > 225 && corner.b > 225 && corner.a == 255);
        // Each tumour centre (mean of its outline) reads bluer/darker than stroma.
        QCOMPARE(int(m_truth.tumours.size()), 3);
        for (const TumourRegion& t : m_truth.tumours) {
            double cx = 0, cy = 0;
            for (const auto& p : t.outline)
                cx += p.first, cy += p.second;
            cx /= double(t.outline.size()), cy /= double(t.outline.size());
            QVERIFY(inside(t.outline, cx, cy));
            const Pixel tumour = meanAt(slide, int64_t(cx) - 32, int64_t(cy) - 32, 64, 64);
            QVERIFY2(tumour.g < 150 && tumour.b > tumour.g + 25,
                     qPrintable(QString("%1 %2 %3").arg(tumour.r).arg(tumour.g).arg(tumour.b)));
        }
        // The slide centre lies in tissue: stroma or tumour, pink/purple, not white.
        const Pixel centre = meanAt(slide, 4500 - 32, 3500 - 32, 64, 64);
        QVERIFY(centre.g < 200 && centre.r > centre.g);
        // Area bookkeeping: µm² = px² * mpp².
        double area = 0;
        for (const auto& t : m_truth.tumours)
            area += t.areaPx;
        QVERIFY(std::abs(m_truth.tumourAreaUm2 - area * 0.0625) < 1e-6 * area);
        openslide_close(slide);
    }

    void sameSeedSameFile()
    {
        SlidePhantomSpec spec;
        spec.width = 9000;
        spec.height = 7000;
        spec.seed = 3;
        spec.tumourRegions = 3;
        const QString again = m_dir.filePath("again.svs");
        writeSlidePhantom(again.toStdString(), spec);
        QFile a(m_path), b(again);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.size(), b.size());
        QVERIFY(a.readAll() == b.readAll());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    SlidePhantom m_truth;
};

QTEST_GUILESS_MAIN(SlidePhantomTest)
#include "SlidePhantomTest.moc"
