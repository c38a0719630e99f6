// Transfer function presets (values in HU, or scaled for MR), their JSON form, and the
// volume histogram presets are scaled from.

#include "viewer/model/TransferFunction.h"
#include "viewer/model/VolumeHistogram.h"

#include <QJsonArray>
#include <QtTest>

using namespace radpath::viewer;

namespace {

constexpr double kTol = 1e-9;

TransferFunction preset(const char* name, PresetScale scale = {true, 0.0, 1.0})
{
    const auto tf = transferFunctionPreset(name, scale);
    if (!tf)
        qFatal("no preset %s", name);
    return *tf;
}

bool near(double a, double b, double tolerance = kTol)
{
    return std::abs(a - b) <= tolerance;
}

} // namespace

class TransferFunctionTest : public QObject {
    Q_OBJECT
private slots:
    void everyPresetIsFoundByItsName()
    {
        const auto names = transferFunctionPresetNames();
        QCOMPARE(int(names.size()), 6);
        for (const std::string& name : names) {
            const auto tf = transferFunctionPreset(name, {});
            QVERIFY2(tf.has_value(), name.c_str());
            QCOMPARE(tf->name, name);
            QVERIFY(tf->opacity.size() >= 2);
            QVERIFY(!tf->colour.empty());
        }
        QVERIFY(!transferFunctionPreset("CT brain (no such preset)", {}).has_value());
    }

    void ctBoneHidesSoftTissueAndShowsBone()
    {
        const TransferFunction tf = preset("CT bone");
        QVERIFY(!tf.mip);
        QVERIFY(tf.shade);
        QCOMPARE(tf.opacityAt(40), 0.0); // muscle
        QCOMPARE(tf.opacityAt(150), 0.0);
        QVERIFY(near(tf.opacityAt(225), 0.225)); // halfway between (150, 0) and (300, 0.45)
        QCOMPARE(tf.opacityAt(-3000), 0.0);      // clamped below the first point
        QCOMPARE(tf.opacityAt(5000), 0.9);       // and above the last
        const auto c = tf.colourAt(300);
        QVERIFY(near(c[0], 0.9) && near(c[1], 0.78) && near(c[2], 0.6));
    }

    void angiographyMakesContrastBrightAndRed()
    {
        const TransferFunction tf = preset("CT angiography");
        QCOMPARE(tf.opacityAt(40), 0.0);         // soft tissue clear
        QVERIFY(near(tf.opacityAt(350), 0.575)); // between (200, 0.45) and (500, 0.7)
        // 300 HU: between (200: 0.85, 0.12, 0.1) and (420: 1, 0.5, 0.4), t = 100 / 220.
        const auto c = tf.colourAt(300);
        QVERIFY(near(c[0], 0.85 + 0.15 * 100 / 220));
        QVERIFY(near(c[1], 0.12 + 0.38 * 100 / 220));
        QVERIFY(c[0] > 2 * c[1]);
        QVERIFY(tf.opacityAt(1000) > 0.7); // bone shows too
    }

    void lungShowsAeratedLungOnly()
    {
        const TransferFunction tf = preset("CT lung");
        QCOMPARE(tf.opacityAt(-1000), 0.0);
        QVERIFY(near(tf.opacityAt(-725), 0.08));
        QCOMPARE(tf.opacityAt(40), 0.0);
    }

    void mipRampsGreyOverItsWindow()
    {
        const TransferFunction ct = preset("MIP");
        QVERIFY(ct.mip);
        QVERIFY(!ct.shade);
        QCOMPARE(ct.opacityAt(-1000), 1.0);
        QCOMPARE(ct.colourAt(-100)[0], 0.0);
        QVERIFY(near(ct.colourAt(250)[1], 0.5));
        QCOMPARE(ct.colourAt(600)[2], 1.0);
        const TransferFunction mr = preset("MIP", {false, 10.0, 110.0});
        QVERIFY(near(mr.colourAt(60)[0], 0.5));
        QCOMPARE(mr.colourAt(10)[0], 0.0);
    }

    void mrDefaultScalesToTheRange()
    {
        // w = 200: clear up to 0.15 w, 0.2 at 0.45 w, 0.6 at the top.
        const TransferFunction tf = preset("MR default", {false, 0.0, 200.0});
        QCOMPARE(tf.opacityAt(30), 0.0);
        QVERIFY(near(tf.opacityAt(60), 0.1));
        QVERIFY(near(tf.opacityAt(90), 0.2));
        QVERIFY(near(tf.opacityAt(200), 0.6));
        const TransferFunction shifted = preset("MR default", {false, 1000.0, 1200.0});
        QVERIFY(near(shifted.opacityAt(1090), 0.2));
    }

    void jsonRoundTrip()
    {
        TransferFunction tf = preset("CT soft tissue");
        tf.name = "My abdomen";
        tf.shade = false;
        tf.specularPower = 42;
        const TransferFunction back = transferFunctionFromJson(toJson(tf));
        QVERIFY(back == tf);
        for (const std::string& name : transferFunctionPresetNames()) {
            const TransferFunction p = *transferFunctionPreset(name, {false, 5, 500});
            QVERIFY2(transferFunctionFromJson(toJson(p)) == p, name.c_str());
        }
    }

    void jsonPointsAreSorted()
    {
        QJsonObject json{{"name", "unsorted"},
                         {"opacity", QJsonArray{QJsonArray{100, 1.0}, QJsonArray{0, 0.0}}},
                         {"colour", QJsonArray{QJsonArray{100, 1, 1, 1}, QJsonArray{0, 0, 0, 0}}}};
        const TransferFunction tf = transferFunctionFromJson(json);
        QCOMPARE(tf.opacity.front().value, 0.0);
        QCOMPARE(tf.colour.back().value, 100.0);
        QVERIFY(near(tf.opacityAt(25), 0.25));
        QVERIFY(tf.shade); // absent: the default
    }

    void jsonErrorsNameTheProblem_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("one opacity point")
            << QByteArray(R"({"opacity": [[0, 0]], "colour": [[0, 0, 0, 0]]})") << "at least 2 points";
        QTest::newRow("no colour") << QByteArray(R"({"opacity": [[0, 0], [1, 1]]})") << "\"colour\" needs";
        QTest::newRow("opacity above 1") << QByteArray(R"({"opacity": [[0, 0], [1, 1.5]], "colour": [[0, 0, 0, 0]]})")
                                         << "outside [0, 1]";
        QTest::newRow("short colour point")
            << QByteArray(R"({"opacity": [[0, 0], [1, 1]], "colour": [[0, 0, 0]]})") << "needs 4 numbers";
        QTest::newRow("text value") << QByteArray(R"({"opacity": [["a", 0], [1, 1]], "colour": [[0, 0, 0, 0]]})")
                                    << "not numeric";
        QTest::newRow("ambient text")
            << QByteArray(R"({"ambient": "x", "opacity": [[0, 0], [1, 1]], "colour": [[0, 0, 0, 0]]})")
            << "\"ambient\" is not a number";
    }

    void jsonErrorsNameTheProblem()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        try {
            transferFunctionFromJson(QJsonDocument::fromJson(json).object());
            QFAIL("no error");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
        }
    }

    void histogramOfIntegers()
    {
        // Values 0..199, 20 voxels each, plus padding (-2000) that is not counted.
        ImageGeometry g;
        g.size = {20, 10, 21};
        Volume v(PixelType::Int16, g);
        auto* p = v.voxels<std::int16_t>();
        for (std::size_t n = 0; n < v.voxelCount(); ++n)
            p[n] = n < 4000 ? std::int16_t(n % 200) : std::int16_t(-2000);
        v.info().hasPaddingValue = true;
        v.info().paddingValue = -2000;
        const VolumeHistogram h = computeHistogram(v);
        QCOMPARE(h.minimum, 0.0);
        QCOMPARE(h.maximum, 199.0);
        QCOMPARE(h.total, 4000.0);
        QCOMPARE(int(h.counts.size()), 200); // one bin per value
        QCOMPARE(h.counts[7], 20.0);
        // 1 % of 4000 = 40 voxels = values 0 and 1 whole: the bin of 1 ends at 1.5.
        QVERIFY(near(h.percentile(0.01), 1.5));
        QVERIFY(near(h.percentile(0.5), 99.5));
        QVERIFY(near(h.percentile(0.995), 198.5));
        QCOMPARE(h.percentile(0.0), 0.0);

        const VolumeHistogram coarse = computeHistogram(v, 50);
        QCOMPARE(int(coarse.counts.size()), 50);
        QCOMPARE(coarse.binWidth, 4.0);
        QCOMPARE(coarse.counts[0], 80.0);
    }

    void histogramOfFloats()
    {
        ImageGeometry g;
        g.size = {4, 1, 1};
        Volume v(PixelType::Float32, g);
        auto* p = v.voxels<float>();
        p[0] = 0.0f;
        p[1] = 0.3f;
        p[2] = 0.6f;
        p[3] = 1.0f;
        const VolumeHistogram h = computeHistogram(v, 4);
        QCOMPARE(h.minimum, 0.0);
        QVERIFY(near(h.maximum, 1.0, 1e-7));
        QVERIFY(near(h.binWidth, 0.25, 1e-7));
        QCOMPARE(h.counts, (std::vector<double>{1, 1, 1, 1})); // 1.0 lands in the last bin
    }
};

QTEST_GUILESS_MAIN(TransferFunctionTest)
#include "TransferFunctionTest.moc"
