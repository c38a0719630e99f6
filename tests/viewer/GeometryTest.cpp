// Image geometry in LPS millimetres and the shared voxel buffer.

#include "viewer/model/Volume.h"

#include <QtTest>

using namespace radpath::viewer;

class GeometryTest : public QObject {
    Q_OBJECT
private slots:
    void indexToPhysicalIdentity()
    {
        ImageGeometry g;
        g.size = {10, 20, 30};
        g.spacing = {0.5, 0.75, 2.0};
        g.origin = {-10, 5, 100};
        const Vec3 p = g.indexToPhysical({2, 4, 3});
        QCOMPARE(p[0], -9.0);
        QCOMPARE(p[1], 8.0);
        QCOMPARE(p[2], 106.0);
    }

    void obliqueRoundTrip()
    {
        // Rotation of 30 degrees about z, as in an oblique acquisition.
        ImageGeometry g;
        g.size = {8, 8, 8};
        g.spacing = {0.8, 0.8, 1.5};
        g.origin = {12.5, -40.0, 7.0};
        const double c = std::cos(M_PI / 6), s = std::sin(M_PI / 6);
        g.direction = {c, -s, 0, s, c, 0, 0, 0, 1};
        const Vec3 index{3.25, 1.5, 6.0};
        const Vec3 p = g.indexToPhysical(index);
        // Hand-computed: origin + R * (3.25*0.8, 1.5*0.8, 6*1.5)
        QVERIFY(std::abs(p[0] - (12.5 + c * 2.6 - s * 1.2)) < 1e-9);
        QVERIFY(std::abs(p[1] - (-40.0 + s * 2.6 + c * 1.2)) < 1e-9);
        QVERIFY(std::abs(p[2] - (7.0 + 9.0)) < 1e-9);
        const Vec3 back = g.physicalToIndex(p);
        for (int a = 0; a < 3; ++a)
            QVERIFY(std::abs(back[size_t(a)] - index[size_t(a)]) < 1e-9);
    }

    void singularDirectionIsRejected()
    {
        ImageGeometry g;
        g.direction = {1, 0, 0, 1, 0, 0, 0, 0, 1};
        QVERIFY_THROWS_EXCEPTION(std::domain_error, g.physicalToIndex({0, 0, 0}));
    }

    void volumeSharesItsBuffer()
    {
        ImageGeometry g;
        g.size = {4, 3, 2};
        Volume a(PixelType::Int16, g);
        QCOMPARE(a.byteSize(), size_t(4 * 3 * 2 * 2));
        QCOMPARE(reinterpret_cast<quintptr>(a.data()) % 64, quintptr(0));
        a.voxels<std::int16_t>()[a.linearIndex(3, 2, 1)] = -1000;
        Volume b = a; // shares, never copies
        QCOMPARE(b.data(), a.data());
        QCOMPARE(a.useCount(), 2L);
        QCOMPARE(b.valueAt(3, 2, 1), -1000.0);
        QCOMPARE(b.range(), std::make_pair(-1000.0, 0.0));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, b.voxels<float>());
    }

    void zeroSizeIsRejected()
    {
        ImageGeometry g;
        g.size = {4, 0, 2};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Volume(PixelType::UInt8, g));
    }
};

QTEST_APPLESS_MAIN(GeometryTest)
#include "GeometryTest.moc"
