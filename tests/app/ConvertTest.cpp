// radpath-cli info and convert on real data: DICOM to NIfTI and back with geometry and
// voxels unchanged, a NIfTI atlas to NRRD, 16-bit PNG for deep grey, clear refusals.

#include "viewer/demo/CtPhantom.h"
#include "viewer/demo/DxPhantom.h"
#include "viewer/io/DicomDxWriter.h"
#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/io/VolumeReader.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace radpath::viewer;

namespace {

struct Run {
    int code = -1;
    QByteArray out;
    QString err;
};

Run cli(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(RADPATH_BIN_DIR "/radpath-cli"), args);
    p.waitForFinished(120000);
    return {p.exitCode(), p.readAllStandardOutput(), QString::fromLocal8Bit(p.readAllStandardError())};
}

Volume readBack(const QString& path)
{
    return ReaderRegistry::withBuiltinReaders().read(path.toStdString(), {});
}

void compareGeometry(const ImageGeometry& a, const ImageGeometry& b)
{
    QCOMPARE(a.size, b.size);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(std::abs(a.spacing[size_t(i)] - b.spacing[size_t(i)]) < 1e-4);
        QVERIFY(std::abs(a.origin[size_t(i)] - b.origin[size_t(i)]) < 1e-3);
    }
    for (int i = 0; i < 9; ++i)
        QVERIFY(std::abs(a.direction[size_t(i)] - b.direction[size_t(i)]) < 1e-5);
}

} // namespace

class ConvertTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // An oblique CT series: rotated 20 degrees about z, so geometry mistakes show.
        CtPhantomSpec spec;
        spec.size = 64;
        spec.slices = 20;
        spec.pixelMm = 3.0;
        spec.sliceMm = 4.0;
        spec.lesionRadiusMm = 10;
        CtPhantom ct = makeCtPhantom(spec);
        ImageGeometry g = ct.volume.geometry();
        const double c = std::cos(20 * M_PI / 180), s = std::sin(20 * M_PI / 180);
        g.direction = {c, -s, 0, s, c, 0, 0, 0, 1};
        g.origin = {10.5, -20.25, 33.0};
        ct.volume.setGeometry(g);
        m_ct = ct.volume;
        writeCtSeries(m_ct, m_dir.filePath("ct").toStdString(), {});
        ChestSpec chest;
        chest.width = 300;
        chest.height = 200;
        writeDxImage(makeChestImage(chest), 0.5, {}, m_dir.filePath("dx.dcm").toStdString(), {});
    }

    void dicomToNiftiKeepsGeometryAndVoxels_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("NIfTI, written directly") << "ct.nii";
        QTest::newRow("NIfTI gzip, through ITK") << "ct.nii.gz";
        QTest::newRow("NRRD") << "ct.nrrd";
        QTest::newRow("MetaImage") << "ct.mha";
    }
    void dicomToNiftiKeepsGeometryAndVoxels()
    {
        QFETCH(QString, name);
        const QString out = m_dir.filePath(name);
        const Run r = cli({"convert", m_dir.filePath("ct"), out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const Volume back = readBack(out);
        QCOMPARE(int(back.pixelType()), int(PixelType::Int16));
        compareGeometry(back.geometry(), m_ct.geometry());
        QVERIFY(std::memcmp(back.data(), m_ct.data(), m_ct.byteSize()) == 0);

        // info on the NIfTI: same numbers as the DICOM, no series.
        const QJsonObject info = QJsonDocument::fromJson(cli({"info", out}).out).object();
        QCOMPARE(info["series"].toArray().size(), 0);
        QCOMPARE(info["size"].toArray(), QJsonArray({64, 64, 20}));
        QVERIFY(std::abs(info["direction"].toArray()[1].toDouble() - -std::sin(20 * M_PI / 180)) < 1e-5);
    }

    void geometryAgreesWithDcm2niix()
    {
        // An independent converter: every sampled voxel must land on the same value at the
        // same patient position, whatever row order or orientation each file uses.
        QProcess p;
        const QString outDir = m_dir.filePath("niix");
        QDir().mkpath(outDir);
        p.start("dcm2niix", {"-z", "n", "-o", outDir, "-f", "ref", m_dir.filePath("ct")});
        if (!p.waitForStarted(5000))
            QSKIP("dcm2niix is not installed");
        QVERIFY(p.waitForFinished(60000));
        const Volume theirs = readBack(outDir + "/ref.nii");
        QCOMPARE(cli({"convert", m_dir.filePath("ct"), m_dir.filePath("ours.nii")}).code, 0);
        const Volume ours = readBack(m_dir.filePath("ours.nii"));
        int checked = 0;
        for (int k = 1; k < 19; k += 3)
            for (int j = 2; j < 62; j += 7)
                for (int i = 3; i < 62; i += 5) {
                    const Vec3 p = ours.geometry().indexToPhysical({double(i), double(j), double(k)});
                    const Vec3 q = theirs.geometry().physicalToIndex(p);
                    for (int a = 0; a < 3; ++a)
                        QVERIFY2(std::abs(q[size_t(a)] - std::round(q[size_t(a)])) < 1e-3, "positions off the grid");
                    QCOMPARE(theirs.valueAt(int(std::lround(q[0])), int(std::lround(q[1])), int(std::lround(q[2]))),
                             ours.valueAt(i, j, k));
                    ++checked;
                }
        QVERIFY(checked > 300);
    }

    void seriesOptionSelects()
    {
        const QJsonObject info = QJsonDocument::fromJson(cli({"info", m_dir.filePath("ct")}).out).object();
        const QString uid = info["series"].toArray()[0].toObject()["uid"].toString();
        QCOMPARE(cli({"convert", m_dir.filePath("ct"), m_dir.filePath("sel.nrrd"), "--series", uid}).code, 0);
        const Run wrong = cli({"convert", m_dir.filePath("ct"), m_dir.filePath("x.nrrd"), "--series", "1.2.3"});
        QCOMPARE(wrong.code, 1);
        QVERIFY(wrong.err.contains("no series with UID 1.2.3"));
        QVERIFY(!QFile::exists(m_dir.filePath("x.nrrd")));
    }

    void deepGreyBecomes16BitPng()
    {
        const QString out = m_dir.filePath("dx.png");
        const Run r = cli({"convert", m_dir.filePath("dx.dcm"), out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QImage png(out);
        QCOMPARE(png.format(), QImage::Format_Grayscale16);
        const Volume dx = readBack(m_dir.filePath("dx.dcm"));
        QCOMPARE(png.size(), QSize(300, 200));
        for (const QPoint p : {QPoint(0, 0), QPoint(150, 100), QPoint(299, 199), QPoint(77, 33)})
            QCOMPARE(double(reinterpret_cast<const quint16*>(png.constScanLine(p.y()))[p.x()]), dx.valueAt(p.x(), p.y(), 0));
        // PNG back to NIfTI: a 2-D image, uint16.
        QCOMPARE(cli({"convert", out, m_dir.filePath("dx.nii")}).code, 0);
        const QJsonObject info = QJsonDocument::fromJson(cli({"info", m_dir.filePath("dx.nii")}).out).object();
        QCOMPARE(info["kind"].toString(), QStringLiteral("image"));
        QCOMPARE(info["pixelType"].toString(), QStringLiteral("uint16"));
    }

    void refusalsNameTheProblem()
    {
        Run r = cli({"convert", m_dir.filePath("ct"), m_dir.filePath("ct.png")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("volume of 20 slices"));
        QVERIFY(!QFile::exists(m_dir.filePath("ct.png")));
        r = cli({"convert", m_dir.filePath("ct"), m_dir.filePath("ct.xyz")});
        QCOMPARE(r.code, 2);
        r = cli({"convert", m_dir.filePath("missing"), m_dir.filePath("m.nii")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("no such file"));
        const QString ctSmall = "/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm";
        if (QFile::exists(ctSmall)) {
            r = cli({"convert", ctSmall, m_dir.filePath("signed.png")});
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains("int16") && r.err.contains(".nii"), qPrintable(r.err));
        }
    }

    void brainAtlasRoundTripsThroughNrrd()
    {
        const QString atlas = "/usr/share/mricron/templates/ch2better.nii.gz";
        if (!QFile::exists(atlas))
            QSKIP("mricron-data is not installed");
        const QString out = m_dir.filePath("ch2.nrrd");
        QCOMPARE(cli({"convert", atlas, out}).code, 0);
        const Volume a = readBack(atlas), b = readBack(out);
        compareGeometry(b.geometry(), a.geometry());
        QVERIFY(std::memcmp(a.data(), b.data(), a.byteSize()) == 0);
        // RAS-stored NIfTI, LPS here: the first two axes point to -x and -y.
        QVERIFY(a.geometry().direction[0] < 0 && a.geometry().direction[4] < 0 && a.geometry().direction[8] > 0);
    }

private:
    QTemporaryDir m_dir;
    Volume m_ct;
};

QTEST_GUILESS_MAIN(ConvertTest)
#include "ConvertTest.moc"
