// pydicom's test files: every one loads with the right pixels or is refused with a message
// that names the file and the reason. Lossless variants must decode to the same voxels as
// their uncompressed twin.

#include "viewer/io/DicomSeriesReader.h"
#include "viewer/io/IoError.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace radpath::viewer;

namespace {

const QString kFiles = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files");

// Reads one file alone (copied into its own folder, so that no sibling joins its series).
Volume readAlone(const QString& name)
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(name);
    if (!QFile::copy(kFiles + "/" + name, copy))
        throw std::runtime_error("cannot copy " + name.toStdString());
    return DicomSeriesReader().read(copy.toStdString(), {});
}

QString refusal(const QString& name)
{
    try {
        readAlone(name);
    } catch (const IoError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class DicomCorpusTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {}

    void everyFileLoadsOrIsRefusedClearly()
    {
        if (!QDir(kFiles).exists())
            QSKIP("python3-pydicom's test files are not installed");
        int loaded = 0, refused = 0;
        for (const QString& name : QDir(kFiles).entryList({"*.dcm"}, QDir::Files)) {
            try {
                const Volume v = readAlone(name);
                QVERIFY2(!v.isNull() && v.voxelCount() > 0, qPrintable(name));
                ++loaded;
            } catch (const IoError& e) {
                const QString message = QString::fromStdString(e.what());
                QVERIFY2(message.contains(name), qPrintable(message));
                QVERIFY2(message.size() > name.size() + 10, qPrintable(message)); // a reason follows
                ++refused;
            }
        }
        qInfo("%d loaded, %d refused", loaded, refused);
        QVERIFY(loaded >= 40);
    }

    void theseLoad_data()
    {
        QTest::addColumn<QString>("name");
        for (const char* name :
             {"693_J2KI.dcm", "CT_small.dcm", "ExplVR_BigEnd.dcm", "GDCMJ2K_TextGBR.dcm", "J2K_pixelrep_mismatch.dcm",
              "JPEG-lossy.dcm", "JPEG2000.dcm", "JPGExtended.dcm", "MR_small.dcm", "MR_small_RLE.dcm",
              "MR_small_bigendian.dcm", "MR_small_expb.dcm", "MR_small_implicit.dcm", "MR_small_jp2klossless.dcm",
              "MR_small_jpeg_ls_lossless.dcm", "MR_small_padded.dcm", "SC_jpeg_no_color_transform.dcm",
              "SC_jpeg_no_color_transform_2.dcm", "SC_rgb_dcmtk_+eb+cr.dcm", "SC_rgb_dcmtk_+eb+cy+n1.dcm",
              "SC_rgb_dcmtk_+eb+cy+n2.dcm", "SC_rgb_dcmtk_+eb+cy+np.dcm", "SC_rgb_dcmtk_+eb+cy+s2.dcm",
              "SC_rgb_dcmtk_+eb+cy+s4.dcm", "SC_rgb_gdcm_KY.dcm", "SC_rgb_jpeg_app14_dcmd.dcm", "SC_rgb_jpeg_dcmd.dcm",
              "SC_rgb_jpeg_dcmtk.dcm", "SC_rgb_jpeg_gdcm.dcm", "SC_rgb_jpeg_lossy_gdcm.dcm", "SC_rgb_rle.dcm",
              "SC_rgb_rle_16bit.dcm", "SC_rgb_rle_16bit_2frame.dcm", "SC_rgb_rle_2frame.dcm", "SC_rgb_rle_32bit.dcm",
              "SC_rgb_rle_32bit_2frame.dcm", "SC_rgb_small_odd.dcm", "SC_ybr_full_422_uncompressed.dcm", "badVR.dcm",
              "rtdose.dcm", "rtdose_1frame.dcm", "rtdose_expb.dcm", "rtdose_expb_1frame.dcm", "rtdose_rle.dcm",
              "rtdose_rle_1frame.dcm"})
            QTest::newRow(name) << name;
    }
    void theseLoad()
    {
        if (!QDir(kFiles).exists())
            QSKIP("python3-pydicom's test files are not installed");
        QFETCH(QString, name);
        try {
            const Volume v = readAlone(name);
            QVERIFY(v.voxelCount() > 0);
        } catch (const IoError& e) {
            QFAIL(e.what());
        }
    }

    void refusalsSayWhy_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason");
        QTest::newRow("truncated MR") << "MR_truncated.dcm" << "truncated";
        QTest::newRow("truncated plan") << "rtplan_truncated.dcm" << "truncated";
        QTest::newRow("RT plan") << "rtplan.dcm" << "holds no image (RTPlanStorage)";
        QTest::newRow("RT structure set") << "rtstruct.dcm" << "holds no image (RTStructureSetStorage)";
        QTest::newRow("structured report") << "test-SR.dcm" << "holds no image (ComprehensiveSRStorage)";
        QTest::newRow("ECG") << "waveform_ecg.dcm" << "holds no image (TwelveLeadECGWaveformStorage)";
        QTest::newRow("binary segmentation") << "liver_1frame.dcm" << "BitsAllocated 1 is not supported";
        QTest::newRow("damaged JPEG 2000") << "JPEG2000-embedded-sequence-delimiter.dcm" << "JPEG 2000";
    }
    void refusalsSayWhy()
    {
        if (!QDir(kFiles).exists())
            QSKIP("python3-pydicom's test files are not installed");
        QFETCH(QString, name);
        QFETCH(QString, reason);
        const QString message = refusal(name);
        QVERIFY2(message.contains(reason), qPrintable(message));
    }

    void brokenCorpus()
    {
        // Inputs that crashed a decoder once (found by fuzzing), each with its message.
        const QString dir = QStringLiteral(RADPATH_SOURCE_DIR "/tests/data/broken/");
        try {
            DicomSeriesReader().read((dir + "rle-bad-segments.dcm").toStdString(), {});
            QFAIL("a damaged RLE stream must not load");
        } catch (const IoError& e) {
            QVERIFY2(QString(e.what()).contains("RLE pixel data is damaged"), e.what());
        }
    }

    void losslessVariantsMatchTheirTwin_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("variant");
        for (const char* v : {"MR_small_RLE.dcm", "MR_small_jpeg_ls_lossless.dcm", "MR_small_jp2klossless.dcm",
                              "MR_small_bigendian.dcm", "MR_small_expb.dcm", "MR_small_implicit.dcm", "MR_small_padded.dcm"})
            QTest::newRow(v) << "MR_small.dcm" << v;
        QTest::newRow("RT dose big endian") << "rtdose.dcm" << "rtdose_expb.dcm";
        QTest::newRow("RT dose one frame") << "rtdose_1frame.dcm" << "rtdose_expb_1frame.dcm";
        QTest::newRow("RGB RLE vs JPEG lossless (KY)") << "SC_rgb_rle.dcm" << "SC_rgb_gdcm_KY.dcm";
        QTest::newRow("RGB RLE vs GDCM JPEG") << "SC_rgb_rle.dcm" << "SC_rgb_jpeg_gdcm.dcm";
        // The uncompressed YBR_FULL_422 twin of a JPEG: our chroma upsampling and colour
        // conversion against libjpeg's, through DCMTK.
        QTest::newRow("YBR_FULL_422 vs its JPEG") << "SC_rgb_jpeg_dcmtk.dcm" << "SC_ybr_full_422_uncompressed.dcm";
    }
    void losslessVariantsMatchTheirTwin()
    {
        if (!QDir(kFiles).exists())
            QSKIP("python3-pydicom's test files are not installed");
        QFETCH(QString, reference);
        QFETCH(QString, variant);
        const Volume a = readAlone(reference), b = readAlone(variant);
        QCOMPARE(b.geometry().size, a.geometry().size);
        QCOMPARE(b.components(), a.components());
        QCOMPARE(int(b.pixelType()), int(a.pixelType()));
        QVERIFY(std::memcmp(a.data(), b.data(), a.byteSize()) == 0);
        QVERIFY(a.range().second > a.range().first);
    }

    void rtDoseIsInGray()
    {
        if (!QDir(kFiles).exists())
            QSKIP("python3-pydicom's test files are not installed");
        // 15 frames on GridFrameOffsetVector, scaled by DoseGridScaling (1e-6): Gy, float.
        const Volume dose = readAlone("rtdose.dcm");
        QCOMPARE(dose.geometry().size, (std::array<int, 3>{10, 10, 15}));
        QCOMPARE(int(dose.pixelType()), int(PixelType::Float32));
        QCOMPARE(dose.info().units, std::string("Gy"));
        QVERIFY(dose.range().second < 100.0); // stored values are ~1e6 before scaling
        QVERIFY(dose.geometry().spacing[2] > 0);
    }

    void rtDoseWithUnknownVrAttributesIsInGray()
    {
        if (!QDir(kFiles).exists())
            QSKIP("python3-pydicom's test files are not installed");
        // rtdose_rle.dcm stores its attributes (DoseGridScaling, positions, offsets) as UN:
        // read through the data dictionary, it must equal its twin rtdose.dcm in Gy.
        for (const auto& [reference, variant] : {std::pair{"rtdose.dcm", "rtdose_rle.dcm"},
                                                 std::pair{"rtdose_1frame.dcm", "rtdose_rle_1frame.dcm"}}) {
            const Volume a = readAlone(reference), b = readAlone(variant);
            QCOMPARE(b.geometry().size, a.geometry().size);
            QCOMPARE(int(b.pixelType()), int(PixelType::Float32));
            QCOMPARE(b.info().units, std::string("Gy"));
            QCOMPARE(b.info().modality, std::string("RTDOSE"));
            for (int axis = 0; axis < 3; ++axis) {
                QCOMPARE(b.geometry().origin[size_t(axis)], a.geometry().origin[size_t(axis)]);
                QCOMPARE(b.geometry().spacing[size_t(axis)], a.geometry().spacing[size_t(axis)]);
            }
            QVERIFY(std::memcmp(a.data(), b.data(), a.byteSize()) == 0);
        }
        // pydicom: stored value 1249000 at (0, 0, 0) and 1254000 at (7, 0, 0), DoseGridScaling
        // 1e-6; origin (189.43125, 199.43125, -761.87), frames 5 mm apart.
        const Volume dose = readAlone("rtdose_rle.dcm");
        QVERIFY(std::abs(dose.valueAt(0, 0, 0) - 1.249) < 1e-6);
        QVERIFY(std::abs(dose.valueAt(7, 0, 0) - 1.254) < 1e-6);
        QVERIFY(std::abs(dose.geometry().origin[2] + 761.87) < 1e-6);
        QVERIFY(std::abs(dose.geometry().spacing[2] - 5.0) < 1e-6);
    }

    void colourImagesHaveThreeComponents()
    {
        if (!QDir(kFiles).exists())
            QSKIP("python3-pydicom's test files are not installed");
        const Volume rgb = readAlone("SC_rgb_rle.dcm");
        QCOMPARE(rgb.components(), 3);
        QCOMPARE(int(rgb.pixelType()), int(PixelType::UInt8));
        // pydicom's README: the image is made of red, green and blue bands with white and
        // black; its first row is pure red.
        QCOMPARE(rgb.valueAt(50, 0, 0, 0), 255.0);
        QCOMPARE(rgb.valueAt(50, 0, 0, 1), 0.0);
        QCOMPARE(rgb.valueAt(50, 0, 0, 2), 0.0);
        // The same bands through JPEG-LS-free paths: the 16-bit RLE twin scales by 257.
        const Volume rgb16 = readAlone("SC_rgb_rle_16bit.dcm");
        QCOMPARE(rgb16.valueAt(50, 0, 0, 0), 65535.0);
    }

    void jpeg2000DecodesThroughOpenJpeg()
    {
        if (!QDir(kFiles).exists())
            QSKIP("python3-pydicom's test files are not installed");
        const Volume j2k = readAlone("693_J2KI.dcm");
        QCOMPARE(j2k.geometry().size, (std::array<int, 3>{512, 512, 1}));
        QVERIFY(j2k.range().second > j2k.range().first);
    }
};

QTEST_APPLESS_MAIN(DicomCorpusTest)
#include "DicomCorpusTest.moc"
