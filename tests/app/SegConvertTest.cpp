// radpath-cli convert with --reference: a NIfTI label map (with mricron-style name and
// colour sidecars) to DICOM SEG on a written CT series and back, voxel for voxel, checked
// by dciodvfy; default segment names; clear refusals.

#include "../viewer/DciodvfySupport.h"
#include "viewer/demo/CtPhantom.h"
#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/io/ItkVolumeWriter.h"
#include "viewer/io/LabelMapReader.h"
#include "viewer/io/VolumeReader.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace radpath::viewer;

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(RADPATH_BIN_DIR "/radpath-cli"), args);
    p.waitForFinished(120000);
    return {p.exitCode(), QString::fromLocal8Bit(p.readAllStandardOutput()),
            QString::fromLocal8Bit(p.readAllStandardError())};
}

void writeText(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class SegConvertTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // An oblique series of an odd size: rotated 15 degrees about z, 45 × 38 × 9.
        CtPhantomSpec spec;
        spec.size = 45;
        spec.slices = 9;
        spec.pixelMm = 2.0;
        spec.sliceMm = 3.0;
        spec.lesionRadiusMm = 5;
        CtPhantom ct = makeCtPhantom(spec);
        ImageGeometry g = ct.volume.geometry();
        const double c = std::cos(15 * M_PI / 180), s = std::sin(15 * M_PI / 180);
        g.direction = {c, -s, 0, s, c, 0, 0, 0, 1};
        g.size[1] = 38;
        Volume volume(PixelType::Int16, g);
        for (int k = 0; k < g.size[2]; ++k)
            for (int j = 0; j < g.size[1]; ++j)
                for (int i = 0; i < g.size[0]; ++i)
                    volume.voxels<std::int16_t>()[volume.linearIndex(i, j, k)] =
                        std::int16_t(ct.volume.valueAt(i, j, k));
        writeCtSeries(volume, m_dir.filePath("ct").toStdString(), {});
        m_ct = ReaderRegistry::withBuiltinReaders().read(m_dir.filePath("ct").toStdString(), {});

        // Labels 1..3 on the series' grid: a block, a sphere, the first row of every slice.
        m_labels = Volume(PixelType::UInt8, m_ct.geometry());
        for (int k = 0; k < g.size[2]; ++k)
            for (int j = 0; j < g.size[1]; ++j)
                for (int i = 0; i < g.size[0]; ++i) {
                    auto& v = m_labels.voxels<std::uint8_t>()[m_labels.linearIndex(i, j, k)];
                    if (i > 5 && i < 15 && j > 8 && j < 20 && k > 1 && k < 5)
                        v = 1;
                    if (std::hypot(i - 30.0, j - 25.0, (k - 5.0) * 1.5) < 6)
                        v = 2;
                    if (j == 0)
                        v = 3;
                }
    }

    void niftiToSegAndBack()
    {
        const QString labels = m_dir.filePath("labels.nii.gz");
        writeVolumeWithItk(m_labels, labels.toStdString());
        writeText(m_dir.filePath("labels.nii.txt"), "1 Liver\n2 Liver lesion 0\n3 Edge row 7\n");
        QByteArray lut(768, '\0');
        const int colours[4][3] = {{0, 0, 0}, {200, 120, 60}, {250, 30, 30}, {40, 90, 220}};
        for (int v = 0; v < 4; ++v)
            for (int c = 0; c < 3; ++c)
                lut[c * 256 + v] = char(colours[v][c]);
        writeText(m_dir.filePath("labels.nii.lut"), lut);

        const QString seg = m_dir.filePath("labels.dcm");
        Run r = cli({"convert", labels, seg, "--reference", m_dir.filePath("ct")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        VERIFY_DCIODVFY_OR_SKIP(seg.toStdString());

        // Back onto the series' grid: the same voxels, names and colours (sidecars).
        const QString back = m_dir.filePath("back.nii.gz");
        r = cli({"convert", seg, back, "--reference", m_dir.filePath("ct")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const Volume read = ReaderRegistry::withBuiltinReaders().read(back.toStdString(), {});
        QVERIFY2(geometryMismatch(read.geometry(), m_ct.geometry()).empty(),
                 geometryMismatch(read.geometry(), m_ct.geometry()).c_str());
        QCOMPARE(int(read.pixelType()), int(PixelType::UInt8));
        QVERIFY(std::memcmp(read.data(), m_labels.data(), m_labels.byteSize()) == 0);
        const LabelMapLayer layer = loadLabelMap(back.toStdString());
        QCOMPARE(layer.table.size(), size_t(3));
        QCOMPARE(layer.table[0].name, std::string("Liver"));
        QCOMPARE(layer.table[1].name, std::string("Liver lesion"));
        QCOMPARE(layer.table[2].name, std::string("Edge row"));
        for (int v = 1; v < 4; ++v)
            for (int c = 0; c < 3; ++c)
                QVERIFY(std::abs(layer.table[size_t(v - 1)].colour[size_t(c)] - colours[v][c]) <= 2);
    }

    void unnamedLabelsAreSegmentN()
    {
        const QString labels = m_dir.filePath("plain.nii");
        writeVolumeWithItk(m_labels, labels.toStdString());
        const QString seg = m_dir.filePath("plain.dcm");
        QCOMPARE(cli({"convert", labels, seg, "--reference", m_dir.filePath("ct")}).code, 0);
        // A copy of the SEG in the series folder is no reference; the SEG's own series is.
        QVERIFY(QFile::copy(seg, m_dir.filePath("ct/zz-seg.dcm")));
        const QString back = m_dir.filePath("plain-back.nii");
        const Run r = cli({"convert", seg, back, "--reference", m_dir.filePath("ct")});
        QVERIFY(QFile::remove(m_dir.filePath("ct/zz-seg.dcm")));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const LabelMapLayer layer = loadLabelMap(back.toStdString());
        QCOMPARE(layer.table.size(), size_t(3));
        for (int v = 1; v < 4; ++v)
            QCOMPARE(layer.table[size_t(v - 1)].name, "Segment " + std::to_string(v));
        QVERIFY(std::memcmp(layer.labels.data(), m_labels.data(), m_labels.byteSize()) == 0);
    }

    void refusalsNameTheProblem()
    {
        // A label map of another grid.
        ImageGeometry other = m_ct.geometry();
        other.size = {20, 20, 4};
        Volume small(PixelType::UInt8, other);
        small.voxels<std::uint8_t>()[5] = 1;
        const QString smallPath = m_dir.filePath("small.nii.gz");
        writeVolumeWithItk(small, smallPath.toStdString());
        Run r = cli({"convert", smallPath, m_dir.filePath("small.dcm"), "--reference", m_dir.filePath("ct")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(smallPath) && r.err.contains("not on the grid of the reference series"),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir.filePath("small.dcm")));

        // No --reference, either way; a SEG to PNG; --reference for a plain image.
        r = cli({"convert", smallPath, m_dir.filePath("x.dcm")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--reference"), qPrintable(r.err));
        const QString seg = m_dir.filePath("labels.dcm");
        QVERIFY(QFile::exists(seg));
        r = cli({"convert", seg, m_dir.filePath("x.nii")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--reference"), qPrintable(r.err));
        QCOMPARE(cli({"convert", seg, m_dir.filePath("x.png"), "--reference", m_dir.filePath("ct")}).code, 2);
        QCOMPARE(cli({"convert", smallPath, m_dir.filePath("x.nii"), "--reference", m_dir.filePath("ct")}).code, 2);
        r = cli({"convert", seg, m_dir.filePath("x.nii"), "--reference", m_dir.filePath("missing")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("no such file"), qPrintable(r.err));
    }

private:
    QTemporaryDir m_dir;
    Volume m_ct;
    Volume m_labels;
};

QTEST_GUILESS_MAIN(SegConvertTest)
#include "SegConvertTest.moc"
