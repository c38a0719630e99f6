// Measurement geometry and region statistics against values worked out by hand.

#include "viewer/model/Measurement.h"
#include "viewer/model/Volume.h"

#include <QtTest>

#include <cmath>

using namespace radpath::viewer;

namespace {

constexpr double kPi = 3.14159265358979323846;

// 20 x 20 x 3 voxels of 0.5 mm, value = i + 10 j + 1000 k, origin 0, axes as given.
Volume makeVolume(const std::array<double, 9>& direction = {1, 0, 0, 0, 1, 0, 0, 0, 1})
{
    ImageGeometry g;
    g.size = {20, 20, 3};
    g.spacing = {0.5, 0.5, 2.0};
    g.direction = direction;
    Volume v(PixelType::Int16, g);
    auto* p = v.voxels<std::int16_t>();
    for (int k = 0; k < 3; ++k)
        for (int j = 0; j < 20; ++j)
            for (int i = 0; i < 20; ++i)
                p[v.linearIndex(i, j, k)] = std::int16_t(i + 10 * j + 1000 * k);
    v.info().units = "HU";
    return v;
}

// Patient point of a continuous index.
Vec3 at(const Volume& v, double i, double j, double k) { return v.geometry().indexToPhysical({i, j, k}); }

} // namespace

class MeasurementTest : public QObject {
    Q_OBJECT
private slots:
    void lengthAngleArea()
    {
        const Measurement length{MeasurementKind::Length, 0, {{0, 0, 0}, {3, 4, 0}}};
        QCOMPARE(length.lengthMm(), 5.0);
        const Measurement right{MeasurementKind::Angle, 0, {{10, 0, 0}, {0, 0, 0}, {0, 7, 0}}};
        QVERIFY(std::abs(right.angleDegrees() - 90.0) < 1e-9);
        const Measurement diagonal{MeasurementKind::Angle, 0, {{10, 0, 5}, {0, 0, 5}, {3, 3, 5}}};
        QVERIFY(std::abs(diagonal.angleDegrees() - 45.0) < 1e-9);
        const Measurement rectangle{MeasurementKind::Rectangle, 0, {{0, 0, 2}, {10, 0, 2}, {10, 4, 2}, {0, 4, 2}}};
        QVERIFY(std::abs(rectangle.areaMm2() - 40.0) < 1e-9);
        const Measurement ellipse{MeasurementKind::Ellipse, 0, {{1, 1, 0}, {6, 1, 0}, {1, 4, 0}}};
        QVERIFY(std::abs(ellipse.areaMm2() - kPi * 5 * 3) < 1e-9);
        // A right triangle in a tilted plane: legs of 6 and 8 mm, area 24 mm².
        const Measurement triangle{MeasurementKind::Polygon, 0, {{0, 0, 0}, {6, 0, 0}, {0, 8 * 0.6, 8 * 0.8}}};
        QVERIFY(std::abs(triangle.areaMm2() - 24.0) < 1e-9);
        QVERIFY(triangle.contains({1, 1 * 0.6, 1 * 0.8}));
        QVERIFY(!triangle.contains({5, 5 * 0.6, 5 * 0.8}));
        QVERIFY(ellipse.contains({5.9, 1, 0}));
        QVERIFY(!ellipse.contains({5.9, 2, 0}));
        // A corner dragged onto its neighbour leaves a triangle, still usable.
        const Measurement repeated{MeasurementKind::Polygon, 0, {{0, 0, 0}, {0, 0, 0}, {4, 0, 0}, {0, 4, 0}}};
        QVERIFY(std::abs(repeated.areaMm2() - 8.0) < 1e-9);
        QVERIFY(repeated.contains({1, 1, 0}));
        QVERIFY(!Measurement({MeasurementKind::Length, 0, {{1, 1, 1}, {1, 1, 1}}}).isValid());
        QCOMPARE(Measurement(length).translated({1, 2, 3}).points[1], (Vec3{4, 6, 3}));
    }

    void rectangleStatistics()
    {
        // Corners half-way between voxel centres: i 2..5, j 3..4 on slice 1.
        const Volume v = makeVolume();
        const Measurement r{MeasurementKind::Rectangle, 1,
                            {at(v, 1.5, 2.5, 1), at(v, 5.5, 2.5, 1), at(v, 5.5, 4.5, 1), at(v, 1.5, 4.5, 1)}};
        QVERIFY(std::abs(r.areaMm2() - 4 * 0.5 * 2 * 0.5) < 1e-9);
        const RegionStatistics s = regionStatistics(v, r);
        // Values 1032..1035 and 1042..1045: mean 1038.5; squared deviations sum to 210,
        // so the sample SD is sqrt(210 / 7) = sqrt(30).
        QCOMPARE(s.voxels, size_t(8));
        QCOMPARE(s.mean, 1038.5);
        QCOMPARE(s.min, 1032.0);
        QCOMPARE(s.max, 1045.0);
        QVERIFY(std::abs(s.sd - std::sqrt(30.0)) < 1e-9);
    }

    void ellipseStatisticsOnObliqueAxes()
    {
        // Index axes rotated 30 degrees about z: statistics follow the voxels, not LPS axes.
        const double c = std::cos(kPi / 6), s = std::sin(kPi / 6);
        const Volume v = makeVolume({c, -s, 0, s, c, 0, 0, 0, 1});
        // A circle of radius 2.2 voxels round voxel (10, 10): the 13 voxels with
        // di² + dj² in {0, 1, 2, 4}, symmetric, so the mean is the centre value.
        const Measurement circle{MeasurementKind::Ellipse, 0, {at(v, 10, 10, 0), at(v, 12.2, 10, 0), at(v, 10, 12.2, 0)}};
        const RegionStatistics stats = regionStatistics(v, circle);
        QCOMPARE(stats.voxels, size_t(13));
        QVERIFY(std::abs(stats.mean - 110.0) < 1e-9);
        QCOMPARE(stats.min, 90.0);  // (10, 8)
        QCOMPARE(stats.max, 130.0); // (10, 12)
        QVERIFY(std::abs(circle.areaMm2() - kPi * 1.1 * 1.1) < 1e-9);
    }

    void regionsOnCoronalSagittalAndObliquePlanes()
    {
        const Volume v = makeVolume();
        // Coronal plane j = 3 (an MPR view): corners at i 1.5..4.5, k 0.5..2.5 hold the
        // voxels i = 2..4, k = 1..2: values i + 30 + 1000 k, mean 3 + 30 + 1500.
        Measurement coronal{MeasurementKind::Rectangle, 0,
                            {at(v, 1.5, 3, 0.5), at(v, 4.5, 3, 0.5), at(v, 4.5, 3, 2.5), at(v, 1.5, 3, 2.5)}};
        RegionStatistics s = regionStatistics(v, coronal);
        QCOMPARE(s.voxels, std::size_t(6));
        QCOMPARE(s.mean, 1533.0);
        QCOMPARE(s.min, 1032.0);
        QCOMPARE(s.max, 2034.0);
        // Sagittal plane i = 7: j 4..5, k 0..1: values 7 + 10 j + 1000 k, mean 7 + 45 + 500.
        Measurement sagittal{MeasurementKind::Rectangle, 0,
                             {at(v, 7, 3.5, -0.5), at(v, 7, 5.5, -0.5), at(v, 7, 5.5, 1.5), at(v, 7, 3.5, 1.5)}};
        s = regionStatistics(v, sagittal);
        QCOMPARE(s.voxels, std::size_t(4));
        QCOMPARE(s.mean, 552.0);
        // An oblique plane through k = 1 tilted about the i axis: every sample's nearest voxel
        // has k = 1 (the tilt stays within half a slice), so values are i + 10 j + 1000.
        const Vec3 a = at(v, 4, 4, 1), b = at(v, 8, 4, 1);
        const Vec3 c = add(at(v, 8, 8, 1), {0, 0, 0.6}), d = add(at(v, 4, 8, 1), {0, 0, 0.6});
        Measurement oblique{MeasurementKind::Rectangle, 1, {a, b, c, d}};
        s = regionStatistics(v, oblique);
        // Samples 0.5 mm apart over 2 × 2.09 mm: a 4 × 4 to 5 × 5 grid.
        QVERIFY2(s.voxels >= 16 && s.voxels <= 25, qPrintable(QString::number(s.voxels)));
        QVERIFY(s.min >= 1000 + 4 + 40 && s.max <= 1000 + 8 + 80);
        QVERIFY(std::abs(s.mean - (1000 + 6 + 60)) < 3);
    }

    void paddingIsLeftOut()
    {
        Volume v = makeVolume();
        v.info().hasPaddingValue = true;
        v.info().paddingValue = 1032; // voxel (2, 3, 1)
        const Measurement r{MeasurementKind::Rectangle, 1,
                            {at(v, 1.5, 2.5, 1), at(v, 5.5, 2.5, 1), at(v, 5.5, 4.5, 1), at(v, 1.5, 4.5, 1)}};
        const RegionStatistics s = regionStatistics(v, r);
        QCOMPARE(s.voxels, size_t(7));
        QCOMPARE(s.min, 1033.0);
    }

    void polygonStatistics()
    {
        // A triangle whose edges run half a voxel outside the centres (2,2), (8,2), (2,8):
        // the voxels with i, j >= 2 and i + j <= 10, 28 of them.
        const Volume v = makeVolume();
        const Measurement t{MeasurementKind::Polygon, 2, {at(v, 1.5, 1.5, 2), at(v, 9, 1.5, 2), at(v, 1.5, 9, 2)}};
        const RegionStatistics s = regionStatistics(v, t);
        QCOMPARE(s.voxels, size_t(28));
        // Mean of i + 10 j over that set: by symmetry mean(i) = mean(j) = 4, so 44 (+2000).
        QVERIFY(std::abs(s.mean - 2044.0) < 1e-9);
        QCOMPARE(s.min, 2022.0);
        QCOMPARE(s.max, 2082.0); // (2, 8)
    }

    void jsonRoundTrip()
    {
        const std::vector<Measurement> list{
            {MeasurementKind::Length, 3, {{1.25, -2.5, 7}, {4, 5, 7}}},
            {MeasurementKind::Angle, 0, {{1, 0, 0}, {0, 0, 0}, {0, 1, 0}}},
            {MeasurementKind::Polygon, 1, {{0, 0, 1}, {2, 0, 1}, {0, 2, 1}}},
        };
        const auto back = measurementsFromJson(measurementsToJson(list));
        QCOMPARE(back.size(), list.size());
        for (size_t n = 0; n < list.size(); ++n) {
            QVERIFY(back[n].kind == list[n].kind);
            QCOMPARE(back[n].slice, list[n].slice);
            QCOMPARE(back[n].points, list[n].points);
        }
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, measurementsFromJson("{"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 measurementsFromJson(R"({"version":1,"measurements":[{"kind":"spiral","points":[]}]})"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, measurementsFromJson(R"({"version":2,"measurements":[]})"));
    }
};

QTEST_GUILESS_MAIN(MeasurementTest)
#include "MeasurementTest.moc"
