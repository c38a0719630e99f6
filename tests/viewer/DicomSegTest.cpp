// DICOM SEG export and import: label maps on written CT series (64×64×12 axial and an
// oblique 97×61×7, whose frames are no whole number of bytes) written as SEG and read back
// voxel for voxel, with names, colours, algorithms, references to the source images, the
// bit packing checked against the raw Pixel Data, dciodvfy's verdict, and clear refusals.

#include "DciodvfySupport.h"
#include "viewer/demo/CtPhantom.h"
#include "viewer/io/DicomSegReader.h"
#include "viewer/io/DicomSegWriter.h"
#include "viewer/io/DicomSeriesReader.h"
#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <functional>
#include <set>

using namespace radpath::viewer;

namespace {

struct TestSeries {
    DicomSeries series;
    Volume ct;
};

// A CT series of `columns` × `rows` × `slices` written under `dir`, rotated by `degrees`
// about an oblique axis when non-zero; the phantom's voxels, or a ramp for tiny grids.
TestSeries writeSeries(const QString& dir, int columns, int rows, int slices, double degrees,
                       const std::string& frameOfReference = {}, double shiftMm = 0.0)
{
    if (columns < 16 || rows < 16) {
        ImageGeometry g;
        g.size = {columns, rows, slices};
        g.spacing = {0.8, 0.7, 2.0};
        g.origin = {-3.0, 4.0, 10.0};
        Volume ct(PixelType::Int16, g);
        for (std::size_t i = 0; i < ct.voxelCount(); ++i)
            ct.voxels<std::int16_t>()[i] = std::int16_t(-1000 + int(i % 2000));
        writeCtSeries(ct, dir.toStdString(), {});
        return {DicomSeriesReader().seriesFor(dir.toStdString(), {}).front(), ct};
    }
    CtPhantomSpec spec;
    spec.size = std::max(columns, rows);
    spec.slices = slices;
    spec.pixelMm = 1.5;
    spec.sliceMm = 2.5;
    spec.lesionRadiusMm = 4;
    spec.seed = 3;
    const CtPhantom phantom = makeCtPhantom(spec);
    ImageGeometry g = phantom.volume.geometry();
    g.size = {columns, rows, slices};
    if (degrees != 0.0) {
        const double t = degrees * M_PI / 180, c = std::cos(t), s = std::sin(t);
        g.direction = {c, 0, s, s * s, c, -s * c, -c * s, s, c * c}; // rotation about x, then y
    }
    g.origin = add(g.origin, {0.0, 0.0, shiftMm});
    Volume ct(PixelType::Int16, g);
    for (int k = 0; k < slices; ++k)
        for (int j = 0; j < rows; ++j)
            for (int i = 0; i < columns; ++i)
                ct.voxels<std::int16_t>()[ct.linearIndex(i, j, k)] = std::int16_t(phantom.volume.valueAt(i, j, k));
    DicomSeriesMeta meta;
    meta.frameOfReferenceUid = frameOfReference;
    writeCtSeries(ct, dir.toStdString(), meta);
    return {DicomSeriesReader().seriesFor(dir.toStdString(), {}).front(), ct};
}

// Label 1: a sphere; 2: a smaller sphere beside it; 3: the first row of every slice, the
// last column of the last slice and two opposite corners (the edges of the grid).
Volume makeLabels(const ImageGeometry& g)
{
    Volume labels(PixelType::UInt8, g);
    const Vec3 c1{g.size[0] * 0.45, g.size[1] * 0.5, g.size[2] * 0.5};
    const Vec3 c2{g.size[0] * 0.75, g.size[1] * 0.6, g.size[2] * 0.4};
    for (int k = 0; k < g.size[2]; ++k)
        for (int j = 0; j < g.size[1]; ++j)
            for (int i = 0; i < g.size[0]; ++i) {
                std::uint8_t& v = labels.voxels<std::uint8_t>()[labels.linearIndex(i, j, k)];
                const Vec3 p{double(i), double(j), double(k) * 2.5 / 1.5};
                if (norm(sub(p, {c1[0], c1[1], c1[2] * 2.5 / 1.5})) < g.size[1] * 0.2)
                    v = 1;
                else if (norm(sub(p, {c2[0], c2[1], c2[2] * 2.5 / 1.5})) < g.size[1] * 0.1)
                    v = 2;
                if (j == 0 || (k == g.size[2] - 1 && i == g.size[0] - 1))
                    v = 3;
            }
    labels.voxels<std::uint8_t>()[0] = 3;
    labels.voxels<std::uint8_t>()[labels.voxelCount() - 1] = 3;
    return labels;
}

std::vector<SegmentDescription> makeDescriptions()
{
    std::vector<SegmentDescription> d(4);
    d[0].value = 1, d[0].name = "Liver lesion", d[0].colour = {230, 40, 40};
    d[1].value = 2, d[1].name = "Tumour (AI)", d[1].colour = {20, 200, 90};
    d[1].algorithmType = SegmentAlgorithm::Automatic, d[1].algorithmName = "RadPath liver net";
    d[1].algorithmVersion = "1.2.0";
    d[2].value = 3, d[2].name = "Edge band", d[2].colour = {250, 220, 0};
    d[2].algorithmType = SegmentAlgorithm::Semiautomatic, d[2].algorithmName = "RadPath edge net";
    d[2].algorithmVersion = "0.3"; // a model's result corrected by hand
    d[3].value = 4, d[3].name = "Empty label", d[3].colour = {0, 0, 255};
    return d;
}

std::string text(DcmItem& item, const DcmTagKey& key)
{
    OFString s;
    item.findAndGetOFStringArray(key, s);
    return s.c_str();
}

DcmItem* item(DcmItem& parent, const DcmTagKey& sequence, unsigned long index = 0)
{
    DcmItem* found = nullptr;
    parent.findAndGetSequenceItem(sequence, found, long(index));
    return found;
}

// The IoError message of f(), also shown in the test log; "" when it throws none.
template <class F> QString errorOf(F&& f)
{
    try {
        f();
    } catch (const IoError& e) {
        qInfo("refused: %s", e.what());
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class DicomSegTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_axial = writeSeries(m_dir.filePath("axial"), 64, 64, 12, 0.0);
        m_odd = writeSeries(m_dir.filePath("odd"), 97, 61, 7, 25.0);
    }

    void seriesGeometryIsTheReadersGrid()
    {
        for (const TestSeries* s : {&m_axial, &m_odd}) {
            const ImageGeometry read = DicomSeriesReader().readSeries(s->series, {}).geometry();
            QVERIFY2(gridMismatch(seriesGeometry(s->series), read).empty(),
                     gridMismatch(seriesGeometry(s->series), read).c_str());
            QVERIFY(gridMismatch(s->ct.geometry(), read).empty());
        }
    }

    void cieLabConversion()
    {
        const auto white = rgbToDicomLab({255, 255, 255});
        QVERIFY(std::abs(int(white[0]) - 65535) <= 1);
        QVERIFY(std::abs(int(white[1]) - 32896) <= 40 && std::abs(int(white[2]) - 32896) <= 40);
        const auto red = rgbToDicomLab({255, 0, 0}); // L 53.24, a 80.09, b 67.20 (D65)
        QVERIFY(std::abs(red[0] / 655.35 - 53.24) < 0.1);
        QVERIFY(std::abs(red[1] / 257.0 - 128 - 80.09) < 0.2);
        QVERIFY(std::abs(red[2] / 257.0 - 128 - 67.20) < 0.2);
        for (int r = 0; r < 256; r += 15)
            for (int g = 0; g < 256; g += 17)
                for (int b = 0; b < 256; b += 51) {
                    const Rgb back = dicomLabToRgb(rgbToDicomLab({std::uint8_t(r), std::uint8_t(g), std::uint8_t(b)}));
                    QVERIFY(std::abs(back[0] - r) <= 2 && std::abs(back[1] - g) <= 2 && std::abs(back[2] - b) <= 2);
                }
    }

    void defaultCodesFollowTheName()
    {
        QCOMPARE(QString::fromStdString(defaultSegmentCodes("Liver lesion").second.value), QStringLiteral("52988006"));
        QCOMPARE(QString::fromStdString(defaultSegmentCodes("LIVER").second.meaning), QStringLiteral("Liver"));
        QCOMPARE(QString::fromStdString(defaultSegmentCodes("Segment 1").first.meaning), QStringLiteral("Tissue"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("64x64x12 axial") << 0;
        QTest::newRow("97x61x7 oblique, frames not whole bytes") << 1;
    }
    void roundTrip()
    {
        QFETCH(int, which);
        const TestSeries& s = which == 0 ? m_axial : m_odd;
        const Volume labels = makeLabels(s.ct.geometry());
        const QString path = m_dir.filePath(QStringLiteral("seg%1.dcm").arg(which));
        const DicomSegWriteResult written = writeDicomSeg(labels, makeDescriptions(), s.series, path.toStdString());
        QCOMPARE(written.segmentValues, std::vector<int>({1, 2, 3}));
        QCOMPARE(written.emptyValues, std::vector<int>({4}));
        QVERIFY(!QFile::exists(path + ".part"));
        checkReferencesAndPacking(path, s, labels, written.frames);
        if (QTest::currentTestFailed())
            return;
        VERIFY_DCIODVFY_OR_SKIP(path.toStdString());

        // Read back: the same voxels, names, colours and algorithms.
        const DicomSegContent back = readDicomSeg(path.toStdString(), s.series);
        QVERIFY(back.warnings.empty());
        QCOMPARE(int(back.labels.pixelType()), int(PixelType::UInt8));
        QVERIFY(gridMismatch(back.labels.geometry(), s.ct.geometry()).empty());
        QVERIFY(std::memcmp(back.labels.data(), labels.data(), labels.byteSize()) == 0);
        QCOMPARE(back.segments.size(), size_t(3));
        const auto expected = makeDescriptions();
        for (int n = 0; n < 3; ++n) {
            const SegmentDescription& d = back.segments[size_t(n)];
            QCOMPARE(d.value, n + 1);
            QCOMPARE(d.name, expected[size_t(n)].name);
            for (int c = 0; c < 3; ++c)
                QVERIFY2(std::abs(d.colour[size_t(c)] - expected[size_t(n)].colour[size_t(c)]) <= 2, d.name.c_str());
            QCOMPARE(int(d.algorithmType), int(expected[size_t(n)].algorithmType));
        }
        QCOMPARE(back.segments[1].algorithmName, std::string("RadPath liver net"));
        QCOMPARE(back.segments[1].algorithmVersion, std::string("1.2.0"));
        QCOMPARE(back.segments[2].algorithmName, std::string("RadPath edge net"));
        QCOMPARE(back.segments[2].algorithmVersion, std::string("0.3"));
        QCOMPARE(back.segments[0].type.meaning, std::string("Lesion"));
        QCOMPARE(back.segments[1].type.meaning, std::string("Neoplasm"));
        QCOMPARE(back.referencedSeries, std::vector<std::string>({s.series.seriesInstanceUid}));
        QCOMPARE(back.seriesInstanceUid, written.seriesInstanceUid);
        const LabelMapLayer layer = labelMapLayer(back, "SEG");
        QCOMPARE(layer.table.size(), size_t(3));
        QCOMPARE(layer.table[2].value, 3);
        QCOMPARE(layer.table[2].name, std::string("Edge band"));
        QCOMPARE(layer.labels.data(), back.labels.data());
        // Segments of an algorithm make a model's label map, edited: one is SEMIAUTOMATIC.
        QCOMPARE(layer.ai.model, std::string("RadPath liver net"));
        QVERIFY(layer.ai.edited);
    }

    void algorithmTypesAsWritten()
    {
        // SegmentAlgorithmType and the algorithm's identification, read with dcmdata alone.
        const QString path = m_dir.filePath("seg-algorithms.dcm");
        writeDicomSeg(makeLabels(m_axial.ct.geometry()), makeDescriptions(), m_axial.series, path.toStdString());
        DcmFileFormat file;
        QVERIFY(file.loadFile(path.toStdString().c_str()).good());
        DcmDataset& ds = *file.getDataset();
        const char* kTypes[] = {"MANUAL", "AUTOMATIC", "SEMIAUTOMATIC"};
        const char* kNames[] = {"", "RadPath liver net", "RadPath edge net"};
        for (unsigned long n = 0; n < 3; ++n) {
            DcmItem* segment = item(ds, DCM_SegmentSequence, n);
            QVERIFY(segment);
            QCOMPARE(text(*segment, DCM_SegmentAlgorithmType), std::string(kTypes[n]));
            QCOMPARE(text(*segment, DCM_SegmentAlgorithmName), std::string(kNames[n]));
            DcmItem* identification = item(*segment, DCM_SegmentationAlgorithmIdentificationSequence);
            QCOMPARE(identification != nullptr, n > 0);
            if (identification)
                QCOMPARE(text(*identification, DCM_AlgorithmName), std::string(kNames[n]));
        }
        VERIFY_DCIODVFY_OR_SKIP(path.toStdString());

        // A model's label map: AUTOMATIC as it came, SEMIAUTOMATIC once edited, MANUAL by hand.
        LabelMapLayer layer = makeLabelMapLayer("AI", makeLabels(m_axial.ct.geometry()));
        QCOMPARE(int(segmentDescriptions(layer).front().algorithmType), int(SegmentAlgorithm::Manual));
        layer.ai = {"ct-lesion-segmenter", "2.1", "abc123", false, {}};
        const auto automatic = segmentDescriptions(layer);
        QCOMPARE(automatic.size(), size_t(3));
        QCOMPARE(int(automatic[2].algorithmType), int(SegmentAlgorithm::Automatic));
        QCOMPARE(automatic[2].algorithmName, std::string("ct-lesion-segmenter"));
        QCOMPARE(automatic[2].algorithmVersion, std::string("2.1"));
        layer.ai.edited = true;
        QCOMPARE(int(segmentDescriptions(layer)[0].algorithmType), int(SegmentAlgorithm::Semiautomatic));
    }

    void packingForEveryRemainder_data()
    {
        // Frames of rows × columns pixels leaving each remainder of a byte.
        QTest::addColumn<int>("columns");
        QTest::addColumn<int>("rows");
        for (const auto& [c, r] : {std::pair{3, 3}, {5, 2}, {9, 3}, {6, 2}, {7, 3}, {7, 2}, {5, 3}, {4, 4}})
            QTest::addRow("%dx%d, %d pixels mod 8 = %d", c, r, c * r, c * r % 8) << c << r;
    }
    void packingForEveryRemainder()
    {
        QFETCH(int, columns);
        QFETCH(int, rows);
        const QString name = QStringLiteral("tiny%1x%2").arg(columns).arg(rows);
        const TestSeries s = writeSeries(m_dir.filePath(name), columns, rows, 5, 0.0);
        Volume labels(PixelType::UInt8, s.ct.geometry());
        static const std::uint8_t kPattern[] = {0, 1, 2, 0, 1, 2, 2};
        for (std::size_t i = 0; i < labels.voxelCount(); ++i)
            labels.voxels<std::uint8_t>()[i] = kPattern[(i * 5 + i / 3) % 7];
        const QString path = m_dir.filePath(name + ".dcm");
        const DicomSegWriteResult written = writeDicomSeg(labels, {}, s.series, path.toStdString());
        checkReferencesAndPacking(path, s, labels, written.frames);
        if (QTest::currentTestFailed())
            return;
        const DicomSegContent back = readDicomSeg(path.toStdString(), s.series);
        QVERIFY(std::memcmp(back.labels.data(), labels.data(), labels.byteSize()) == 0);
        QCOMPARE(back.segments[0].name, std::string("Segment 1"));
    }

    void overlappingSegmentsLaterWins()
    {
        // Every frame's bits set: where frames of several segments share a slice, they overlap.
        const Volume labels = makeLabels(m_axial.ct.geometry());
        const QString path = m_dir.filePath("overlap.dcm");
        writeDicomSeg(labels, makeDescriptions(), m_axial.series, path.toStdString());
        DcmFileFormat file;
        QVERIFY(file.loadFile(path.toStdString().c_str()).good());
        const Uint8* bytes = nullptr;
        unsigned long length = 0;
        QVERIFY(file.getDataset()->findAndGetUint8Array(DCM_PixelData, bytes, &length).good());
        std::vector<Uint8> full(length, 0xFF);
        QVERIFY(file.getDataset()->putAndInsertUint8Array(DCM_PixelData, full.data(), length).good());
        QVERIFY(file.saveFile(path.toStdString().c_str(), EXS_LittleEndianExplicit).good());

        const DicomSegContent back = readDicomSeg(path.toStdString(), m_axial.series);
        QCOMPARE(back.warnings.size(), size_t(1));
        QVERIFY(QString::fromStdString(back.warnings[0]).contains("more than one segment"));
        // Label 3 (the first row) is on every slice: every voxel shows segment 3.
        for (std::size_t i = 0; i < back.labels.voxelCount(); i += 37)
            QCOMPARE(int(back.labels.voxels<std::uint8_t>()[i]), 3);
    }

    void refusalsNameTheFile()
    {
        const Volume labels = makeLabels(m_axial.ct.geometry());
        const std::string seg = m_dir.filePath("seg-refusals.dcm").toStdString();
        writeDicomSeg(labels, makeDescriptions(), m_axial.series, seg);

        // Another frame of reference.
        QString e = errorOf([&] { readDicomSeg(seg, m_odd.series); });
        QVERIFY2(e.startsWith(QString::fromStdString(seg)) && e.contains("frame of reference"), qPrintable(e));

        // Same frame of reference, positions half a slice off the grid.
        const TestSeries shifted =
            writeSeries(m_dir.filePath("shifted"), 64, 64, 12, 0.0, m_axial.series.frameOfReferenceUid, 1.25);
        e = errorOf([&] { readDicomSeg(seg, shifted.series); });
        QVERIFY2(e.startsWith(QString::fromStdString(seg)) && e.contains("on no slice"), qPrintable(e));

        // Not DICOM, truncated, not a SEG.
        const QString junk = m_dir.filePath("junk.dcm");
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is no DICOM file at all");
        f.close();
        e = errorOf([&] { readDicomSeg(junk.toStdString(), m_axial.series); });
        QVERIFY2(e.startsWith(junk) && e.contains("DICOM"), qPrintable(e));
        QFile whole(QString::fromStdString(seg));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QByteArray bytes = whole.readAll();
        const QString truncated = m_dir.filePath("truncated.dcm");
        QFile t(truncated);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write(bytes.left(bytes.size() / 3));
        t.close();
        e = errorOf([&] { readDicomSeg(truncated.toStdString(), m_axial.series); });
        QVERIFY2(e.startsWith(truncated) && (e.contains("truncated") || e.contains("damaged")), qPrintable(e));
        // Pixel Data cut short.
        const QString cut = m_dir.filePath("cut.dcm");
        {
            DcmFileFormat file;
            QVERIFY(file.loadFile(seg.c_str()).good());
            const Uint8* pixels = nullptr;
            unsigned long length = 0;
            QVERIFY(file.getDataset()->findAndGetUint8Array(DCM_PixelData, pixels, &length).good());
            const std::vector<Uint8> half(pixels, pixels + length / 2);
            QVERIFY(file.getDataset()->putAndInsertUint8Array(DCM_PixelData, half.data(), length / 2).good());
            QVERIFY(file.saveFile(cut.toStdString().c_str(), EXS_LittleEndianExplicit).good());
        }
        e = errorOf([&] { readDicomSeg(cut.toStdString(), m_axial.series); });
        QVERIFY2(e.startsWith(cut) && e.contains("damaged"), qPrintable(e));
        const std::string ctFile = m_axial.series.slices.front().path;
        e = errorOf([&] { readDicomSeg(ctFile, m_axial.series); });
        QVERIFY2(e.contains("is not a DICOM Segmentation"), qPrintable(e));
        QVERIFY(!isDicomSeg(ctFile) && isDicomSeg(seg) && !isDicomSeg(junk.toStdString()));

        // Writing: labels on another grid, no label at all.
        e = errorOf([&] { writeDicomSeg(makeLabels(m_odd.ct.geometry()), {}, m_axial.series, seg + "2"); });
        QVERIFY2(e.contains("not on the grid"), qPrintable(e));
        e = errorOf(
            [&] { writeDicomSeg(Volume(PixelType::UInt8, m_axial.ct.geometry()), {}, m_axial.series, seg + "2"); });
        QVERIFY2(e.contains("holds no label"), qPrintable(e));
        QVERIFY(!QFile::exists(QString::fromStdString(seg + "2")));
    }

private:
    // The SEG's references and its Pixel Data, read with DCMTK's dcmdata only.
    void checkReferencesAndPacking(const QString& path, const TestSeries& s, const Volume& labels, int frames)
    {
        DcmFileFormat file;
        QVERIFY(file.loadFile(path.toStdString().c_str()).good());
        DcmDataset& ds = *file.getDataset();
        QCOMPARE(text(ds, DCM_Modality), std::string("SEG"));
        QCOMPARE(text(ds, DCM_StudyInstanceUID), s.series.studyInstanceUid);
        QCOMPARE(text(ds, DCM_FrameOfReferenceUID), s.series.frameOfReferenceUid);
        QCOMPARE(text(ds, DCM_PatientID), s.series.patientId);
        QVERIFY(text(ds, DCM_SeriesInstanceUID) != s.series.seriesInstanceUid);

        // Source instance of each slice, and the slices holding any label.
        std::map<std::string, int> sliceOf;
        for (size_t k = 0; k < s.series.slices.size(); ++k)
            sliceOf[s.series.slices[k].sopInstanceUid] = int(k);
        const auto& g = labels.geometry();
        const size_t plane = size_t(g.size[0]) * size_t(g.size[1]);
        std::set<std::string> labelled;
        for (int k = 0; k < g.size[2]; ++k)
            for (size_t i = 0; i < plane; ++i)
                if (labels.voxels<std::uint8_t>()[size_t(k) * plane + i] != 0)
                    labelled.insert(s.series.slices[size_t(k)].sopInstanceUid);

        // Common Instance Reference: this series, exactly the labelled slices.
        DcmItem* referencedSeries = item(ds, DCM_ReferencedSeriesSequence);
        QVERIFY(referencedSeries);
        QCOMPARE(text(*referencedSeries, DCM_SeriesInstanceUID), s.series.seriesInstanceUid);
        std::set<std::string> listed;
        for (unsigned long n = 0; DcmItem* ref = item(*referencedSeries, DCM_ReferencedInstanceSequence, n); ++n) {
            listed.insert(text(*ref, DCM_ReferencedSOPInstanceUID));
            QCOMPARE(text(*ref, DCM_ReferencedSOPClassUID), std::string(UID_CTImageStorage));
        }
        QCOMPARE(listed, labelled);

        // Per frame: its source image is the slice at its position; its bits are that
        // slice's voxels of its segment, packed without padding between frames.
        QCOMPARE(text(ds, DCM_NumberOfFrames), std::to_string(frames));
        const Uint8* bits = nullptr;
        unsigned long length = 0;
        QVERIFY(ds.findAndGetUint8Array(DCM_PixelData, bits, &length).good());
        const size_t packed = (size_t(frames) * plane + 7) / 8;
        QVERIFY2(length == packed || length == packed + (packed & 1), qPrintable(QString::number(length)));
        for (int f = 0; f < frames; ++f) {
            DcmItem* perFrame = item(ds, DCM_PerFrameFunctionalGroupsSequence, unsigned(f));
            QVERIFY(perFrame);
            DcmItem* derivation = item(*perFrame, DCM_DerivationImageSequence);
            QVERIFY(derivation);
            DcmItem* sourceImage = item(*derivation, DCM_SourceImageSequence);
            QVERIFY(sourceImage);
            const std::string sop = text(*sourceImage, DCM_ReferencedSOPInstanceUID);
            QVERIFY2(sliceOf.count(sop), sop.c_str());
            const int k = sliceOf[sop];
            DcmItem* position = item(*perFrame, DCM_PlanePositionSequence);
            QVERIFY(position);
            Float64 z = 0;
            position->findAndGetFloat64(DCM_ImagePositionPatient, z, 2);
            QVERIFY(std::abs(z - s.series.slices[size_t(k)].position[2]) < 1e-3);
            DcmItem* segment = item(*perFrame, DCM_SegmentIdentificationSequence);
            QVERIFY(segment);
            Uint16 number = 0;
            segment->findAndGetUint16(DCM_ReferencedSegmentNumber, number);
            for (size_t i = 0; i < plane; ++i) {
                const size_t bit = size_t(f) * plane + i;
                const bool set = (bits[bit / 8] >> (bit % 8)) & 1;
                const bool expected = labels.voxels<std::uint8_t>()[size_t(k) * plane + i] == number;
                if (set != expected)
                    QFAIL(qPrintable(
                        QString("frame %1 pixel %2: bit %3, label says %4").arg(f).arg(i).arg(set).arg(expected)));
            }
        }
    }

    QTemporaryDir m_dir;
    TestSeries m_axial;
    TestSeries m_odd;
};

QTEST_GUILESS_MAIN(DicomSegTest)
#include "DicomSegTest.moc"
