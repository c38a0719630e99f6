// Lookup tables in DICOM images: palette colour (plain, RLE, 16-bit, segmented), the Modality
// LUT Sequence and the VOI LUT Sequence. The files in tests/data/dicom-lut are made from
// pydicom's MR_small.dcm by tests/data/make-dicom-lut.py, which prints the expected values
// used below. Palette values were also checked against DCMTK's dcm2pnm (an independent
// palette implementation): it renders the same RGB at these pixels (16-bit entries / 257).

#include "viewer/io/DicomSeriesReader.h"
#include "viewer/io/IoError.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace radpath::viewer;

namespace {

const QString kLutFiles = QStringLiteral(RADPATH_SOURCE_DIR "/tests/data/dicom-lut/");

// Reads one file alone, in a folder of its own.
Volume readAlone(const QString& name)
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(name);
    if (!QFile::copy(kLutFiles + name, copy))
        throw std::runtime_error("cannot copy " + name.toStdString());
    return DicomSeriesReader().read(copy.toStdString(), {});
}

struct Rgb {
    int col, row;
    double r, g, b;
};

void checkRgb(const Volume& v, const std::vector<Rgb>& expected)
{
    for (const Rgb& e : expected) {
        const QString where = QString("(%1,%2)").arg(e.col).arg(e.row);
        QVERIFY2(v.valueAt(e.col, e.row, 0, 0) == e.r,
                 qPrintable(where + " red " + QString::number(v.valueAt(e.col, e.row, 0, 0))));
        QVERIFY2(v.valueAt(e.col, e.row, 0, 1) == e.g,
                 qPrintable(where + " green " + QString::number(v.valueAt(e.col, e.row, 0, 1))));
        QVERIFY2(v.valueAt(e.col, e.row, 0, 2) == e.b,
                 qPrintable(where + " blue " + QString::number(v.valueAt(e.col, e.row, 0, 2))));
    }
}

} // namespace

class DicomLutTest : public QObject {
    Q_OBJECT
private slots:
    void paletteColourBecomesRgb()
    {
        // 8-bit indices through pydicom's HOT_IRON palette (256 8-bit entries packed in OW).
        const Volume v = readAlone("palette-hotiron.dcm");
        QCOMPARE(v.components(), 3);
        QCOMPARE(int(v.pixelType()), int(PixelType::UInt8));
        QCOMPARE(v.geometry().size, (std::array<int, 3>{64, 64, 1}));
        // (column, row) -> RGB: stored 15, 79, 191, 249, 255.
        checkRgb(v, {{38, 57, 30, 0, 0},
                     {6, 0, 158, 0, 0},
                     {9, 1, 255, 126, 0},
                     {10, 1, 255, 242, 232},
                     {9, 0, 255, 255, 255}});
        // Its RLE twin (made by dcmcrle) decodes to the same voxels.
        const Volume rle = readAlone("palette-hotiron-rle.dcm");
        QCOMPARE(rle.components(), 3);
        QCOMPARE(int(rle.pixelType()), int(PixelType::UInt8));
        QVERIFY(std::memcmp(rle.data(), v.data(), v.byteSize()) == 0);
    }

    void sixteenBitPaletteKeepsItsDepth()
    {
        // 16-bit indices, 1800 16-bit entries from index 200 on: below it the first entry,
        // past the end the last; output stays 16 bits per sample.
        const Volume v = readAlone("palette-16bit.dcm");
        QCOMPARE(v.components(), 3);
        QCOMPARE(int(v.pixelType()), int(PixelType::UInt16));
        checkRgb(v, {{38, 57, 0, 65535, 0},        // stored 127: first entry
                     {6, 0, 14048, 51487, 61649},  // stored 639
                     {1, 0, 26208, 39327, 15401},  // stored 1019
                     {10, 1, 57472, 8063, 14352},  // stored 1996
                     {9, 0, 57568, 7967, 25137}}); // stored 2145: last entry
    }

    void segmentedPaletteIsExpanded()
    {
        // pydicom's FALL palette (discrete and linear segments), expanded by pydicom 2.3.1's
        // _expand_segmented_lut to red 255, green 255 - i, blue 0.
        const Volume v = readAlone("palette-fall-segmented.dcm");
        QCOMPARE(int(v.pixelType()), int(PixelType::UInt8));
        checkRgb(v, {{38, 57, 255, 240, 0}, {1, 0, 255, 128, 0}, {10, 1, 255, 6, 0}, {9, 0, 255, 0, 0}});
    }

    void modalityLutReplacesRescale()
    {
        // 1200 entries round(1000 * sqrt(i)) from stored value 500 on.
        const Volume v = readAlone("modality-lut.dcm");
        QCOMPARE(v.components(), 1);
        QCOMPARE(int(v.pixelType()), int(PixelType::UInt16));
        QCOMPARE(v.valueAt(38, 57, 0), 0.0);   // stored 127: first entry
        QCOMPARE(v.valueAt(6, 0, 0), 11790.0); // stored 639
        QCOMPARE(v.valueAt(1, 0, 0), 22782.0); // stored 1019
        QCOMPARE(v.valueAt(9, 1, 0), 32171.0); // stored 1535
        QCOMPARE(v.valueAt(9, 0, 0), 34627.0); // stored 2145: last entry
        QVERIFY(v.info().units.empty());       // ModalityLUTType US: unspecified
    }

    void voiLutsAndWindowsAreKept()
    {
        const Volume v = readAlone("voi-lut.dcm");
        const VolumeInfo& info = v.info();
        QCOMPARE(info.voiLuts.size(), size_t(2));
        QCOMPARE(info.voiLuts[0].name, std::string("RAMP"));
        QCOMPARE(info.voiLuts[0].firstMapped, 0.0);
        QCOMPARE(info.voiLuts[0].bits, 12);
        QCOMPARE(info.voiLuts[0].table.size(), size_t(4001));
        QCOMPARE(info.voiLuts[0].table[1000], 1024.0); // round(1000 * 4095 / 4000)
        QCOMPARE(info.voiLuts[0].table[4000], 4095.0);
        QCOMPARE(info.voiLuts[1].name, std::string("STEP"));
        QCOMPARE(info.voiLuts[1].firstMapped, 1000.0);
        QCOMPARE(info.voiLuts[1].bits, 8);
        QCOMPARE(info.voiLuts[1].table.size(), size_t(256));
        QCOMPARE(info.voiLuts[1].table[127], 0.0);
        QCOMPARE(info.voiLuts[1].table[128], 255.0);
        QCOMPARE(info.windowPresets.size(), size_t(2));
        QCOMPARE(info.windowPresets[0].name, std::string("MR DEFAULT"));
        QCOMPARE(info.windowPresets[0].center, 600.0);
        QCOMPARE(info.windowPresets[0].width, 1600.0);
        QCOMPARE(info.windowPresets[1].name, std::string("NARROW"));
        QCOMPARE(info.windowPresets[1].center, 1000.0);
        QCOMPARE(info.windowPresets[1].width, 400.0);
        QCOMPARE(info.voiLutFunction, std::string("SIGMOID"));
        // The VOI LUT does not touch the voxels: MR_small's stored values stay as they are.
        QCOMPARE(v.valueAt(9, 0, 0), 2145.0);
    }
};

QTEST_APPLESS_MAIN(DicomLutTest)
#include "DicomLutTest.moc"
