// DICOM outputs of findings, each checked by dciodvfy (dicom3tools) and read back with
// DCMTK: a TID 1500 measurement report, a float parametric map, a secondary capture key
// image and an encapsulated PDF, all in the study of a small CT phantom series.

#include "DciodvfySupport.h"

#include "viewer/demo/CtPhantom.h"
#include "viewer/io/DicomEncapsulatedPdfWriter.h"
#include "viewer/io/DicomParametricMapWriter.h"
#include "viewer/io/DicomSecondaryCaptureWriter.h"
#include "viewer/io/DicomSeriesReader.h"
#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/io/DicomSrWriter.h"
#include "viewer/io/IoError.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmpmap/dpmparametricmapiod.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

using namespace radpath::viewer;

namespace {

std::string text(DcmItem& item, const DcmTagKey& key, unsigned long pos = 0)
{
    OFString value;
    item.findAndGetOFString(key, value, pos);
    return value.c_str();
}

double number(DcmItem& item, const DcmTagKey& key, unsigned long pos)
{
    Float64 value = 0;
    item.findAndGetFloat64(key, value, pos);
    return value;
}

DcmItem* nested(DcmItem& item, const DcmTagKey& sequence, int index = 0)
{
    DcmItem* found = nullptr;
    item.findAndGetSequenceItem(sequence, found, index);
    return found;
}

/// A NUM content item as read back: concept, value, unit.
struct NumItem {
    std::string concept;
    double value = 0;
    std::string unit;
};

/// Every PDF page QPdfWriter makes holds this text.
QByteArray makePdf()
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(QStringLiteral("RadPath report"));
        QPainter painter(&writer);
        painter.drawText(200, 200, QStringLiteral("Findings: lesion 23.5 mm"));
    }
    return pdf;
}

} // namespace

class DicomOutputsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    CtPhantom m_phantom;
    DicomSeries m_series;
    DicomReference m_reference;

    std::string out(const char* name) const { return QDir(m_dir.path()).filePath(name).toStdString(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!test::dciodvfyProgram().isEmpty(),
                 "dciodvfy missing: install dicom3tools (packaging/debian-packages.txt)");
        CtPhantomSpec spec;
        spec.size = 64;
        spec.slices = 10;
        spec.pixelMm = 2.0;
        spec.sliceMm = 2.5;
        spec.lesionRadiusMm = 5.0; // whole lesions fit the 25 mm thin slab
        m_phantom = makeCtPhantom(spec);
        DicomSeriesMeta meta;
        meta.patientName = "Müller^Jürgen";
        meta.patientId = "RP-OUT-0001";
        meta.studyDescription = "Phantom study";
        meta.seriesDescription = "CT phantom";
        writeCtSeries(m_phantom.volume, out("ct"), meta);
        const std::vector<DicomSeries> found = DicomSeriesReader().scan(out("ct"), {});
        QCOMPARE(found.size(), std::size_t(1));
        m_series = found[0];
        m_reference = readDicomReference(m_series);
        QCOMPARE(m_reference.images.size(), std::size_t(10));
        QCOMPARE(m_reference.patientName, std::string("Müller^Jürgen"));
        QCOMPARE(m_reference.modality, std::string("CT"));
    }

    void referenceFromFilesMatchesReferenceFromSeries()
    {
        std::vector<std::string> files;
        for (const DicomSlice& slice : m_series.slices)
            files.push_back(slice.path);
        const DicomReference fromFiles = readDicomReference(files);
        QCOMPARE(fromFiles.studyInstanceUid, m_reference.studyInstanceUid);
        QCOMPARE(fromFiles.frameOfReferenceUid, m_reference.frameOfReferenceUid);
        QCOMPARE(fromFiles.images.size(), m_reference.images.size());
        for (std::size_t k = 0; k < fromFiles.images.size(); ++k) {
            QCOMPARE(fromFiles.images[k].sopInstanceUid, m_reference.images[k].sopInstanceUid);
            QCOMPARE(fromFiles.images[k].sopClassUid, std::string(UID_CTImageStorage));
        }
        QVERIFY_THROWS_EXCEPTION(IoError, readDicomReference(std::vector<std::string>{out("missing.dcm")}));
    }

    void structuredReportHoldsMeasurementsAndStatistics()
    {
        const ImageGeometry& g = m_phantom.volume.geometry();
        Measurement length;
        length.kind = MeasurementKind::Length;
        length.slice = 3;
        const Vec3 start = g.indexToPhysical({10, 20, 3});
        length.points = {start, add(start, {23.5, 0, 0})};

        const SphereLesion& lesion = m_phantom.lesions.at(0);
        const Vec3 c = g.physicalToIndex(lesion.centerMm);
        const double k = std::round(c[2]);
        Measurement ellipse;
        ellipse.kind = MeasurementKind::Ellipse;
        ellipse.slice = int(k);
        ellipse.points = {g.indexToPhysical({c[0], c[1], k}), g.indexToPhysical({c[0] + 3, c[1], k}),
                          g.indexToPhysical({c[0], c[1] + 2, k})};
        const RegionStatistics stats = regionStatistics(m_phantom.volume, ellipse);
        QVERIFY(stats.voxels > 0);

        SrReport report;
        report.measurements.push_back(srEntryFor(length, m_phantom.volume, m_reference, "Length 1"));
        report.measurements.push_back(srEntryFor(ellipse, m_phantom.volume, m_reference, "Ellipse 1"));
        QCOMPARE(report.measurements[0].imageIndex, 3);
        QCOMPARE(int(report.measurements[1].graphicData.size()), 4);
        SrLabelStatisticsEntry withSeg = srLabelEntry("Liver lesion 1", 4.19, 101.5, 7.25, 80, 125);
        withSeg.segSopInstanceUid = newDicomUid();
        withSeg.segSeriesInstanceUid = newDicomUid();
        withSeg.segmentNumber = 1;
        report.labelStatistics.push_back(withSeg);
        report.labelStatistics.push_back(srLabelEntry("Liver lesion 2", 1.5, 99, 6, 82, 118));
        DicomOutputSeries series;
        series.operatorName = "Doe^Jane";
        const std::string path = out("sr.dcm");
        const DicomWrittenObject written = writeDicomSr(report, m_reference, path, series);
        QVERIFY(QFileInfo::exists(QString::fromStdString(path)));
        VERIFY_DCIODVFY(path);

        DcmFileFormat file;
        QVERIFY(file.loadFile(path.c_str()).good());
        DcmDataset& ds = *file.getDataset();
        QCOMPARE(text(ds, DCM_StudyInstanceUID), m_reference.studyInstanceUid);
        QCOMPARE(text(ds, DCM_PatientID), m_reference.patientId);
        QCOMPARE(text(ds, DCM_SeriesDescription), std::string("RadPath measurements"));
        QCOMPARE(text(ds, DCM_Manufacturer), std::string("RadPath"));
        QCOMPARE(text(ds, DCM_SoftwareVersions), radpathSoftwareVersion());
        QVERIFY(radpathSoftwareVersion() != "unknown");
        QCOMPARE(text(ds, DCM_SOPInstanceUID), written.sopInstanceUid);
        QVERIFY(text(ds, DCM_SeriesInstanceUID) != m_reference.seriesInstanceUid);
        DSRDocument doc;
        QVERIFY(doc.read(ds).good());
        OFString name;
        QVERIFY(doc.getPatientName(name).good());
        QCOMPARE(std::string(name.c_str()), m_reference.patientName);

        std::vector<NumItem> nums;
        std::vector<std::string> trackingIds, imageUids, sourceSeries;
        std::string segUid;
        bool segmentOne = false, personObserver = false;
        DSRDocumentTree& tree = doc.getTree();
        QVERIFY(tree.gotoRoot() > 0);
        bool previousWasPerson = false;
        do {
            const DSRContentItem& item = tree.getCurrentContentItem();
            const std::string concept = item.getConceptName().getCodeValue().c_str();
            const bool person = concept == "121005" && item.getCodeValue().getCodeValue() == "121006";
            switch (item.getValueType()) {
            case DSRTypes::VT_Num: {
                const DSRNumericMeasurementValue& v = item.getNumericValue();
                nums.push_back(
                    {concept, std::stod(v.getNumericValue().c_str()), v.getMeasurementUnit().getCodeValue().c_str()});
                break;
            }
            case DSRTypes::VT_Text:
                if (concept == "112039")
                    trackingIds.push_back(item.getStringValue().c_str());
                break;
            case DSRTypes::VT_UIDRef:
                if (concept == "121232")
                    sourceSeries.push_back(item.getStringValue().c_str());
                break;
            case DSRTypes::VT_PName:
                // The name follows its own Observer Type (Person), not the device's items.
                personObserver = personObserver || (item.getStringValue() == "Doe^Jane" && previousWasPerson);
                break;
            case DSRTypes::VT_Image:
                if (concept == "121191") {
                    segUid = item.getImageReference().getSOPInstanceUID().c_str();
                    segmentOne = item.getImageReference().getSegmentList().isElement(1);
                } else {
                    imageUids.push_back(item.getImageReference().getSOPInstanceUID().c_str());
                }
                break;
            default:
                break;
            }
            previousWasPerson = person;
        } while (tree.iterate() > 0);

        const auto find = [&](const std::string& concept, double value, const std::string& unit) {
            for (const NumItem& n : nums)
                if (n.concept == concept && n.unit == unit &&
                    std::abs(n.value - value) <= 1e-6 * std::max(1.0, std::abs(value)))
                    return true;
            return false;
        };
        QVERIFY2(find("410668003", 23.5, "mm"), "Length 23.5 mm");
        QVERIFY2(find("42798000", ellipse.areaMm2(), "mm2"), "ellipse area");
        QVERIFY2(find("373098007", stats.mean, "[hnsf'U]"), "ellipse mean");
        QVERIFY2(find("386136009", stats.sd, "[hnsf'U]"), "ellipse SD");
        QVERIFY2(find("118565006", 4.19, "mL"), "volume 4.19 mL");
        QVERIFY2(find("118565006", 1.5, "mL"), "volume 1.5 mL");
        QVERIFY2(find("56851009", 125, "[hnsf'U]"), "maximum 125 HU");
        QCOMPARE(trackingIds.size(), std::size_t(4));
        QVERIFY(personObserver);
        QCOMPARE(segUid, withSeg.segSopInstanceUid);
        QVERIFY(segmentOne);
        QCOMPARE(sourceSeries.size(), std::size_t(1));
        QCOMPARE(sourceSeries[0], m_reference.seriesInstanceUid);
        const auto named = [&](int k) {
            return std::count(imageUids.begin(), imageUids.end(), m_reference.images[std::size_t(k)].sopInstanceUid) >
                   0;
        };
        QVERIFY2(named(3), "the length's source slice");
        QVERIFY2(named(int(k)), "the ellipse's source slice");
        DSRSOPInstanceReferenceList& evidence = doc.getCurrentRequestedProcedureEvidence();
        QVERIFY(evidence.gotoItem(UID_CTImageStorage, m_reference.images[3].sopInstanceUid.c_str()).good());
        OFString evidenceSeries;
        QCOMPARE(std::string(evidence.getSeriesInstanceUID(evidenceSeries).c_str()), m_reference.seriesInstanceUid);
        QVERIFY(evidence.gotoItem(UID_SegmentationStorage, withSeg.segSopInstanceUid.c_str()).good());
    }

    void structuredReportsOfOneKindPassToo()
    {
        Measurement length;
        length.kind = MeasurementKind::Length;
        length.slice = 1;
        length.points = {m_phantom.volume.geometry().indexToPhysical({3, 4, 1}),
                         m_phantom.volume.geometry().indexToPhysical({30, 40, 1})};
        SrReport lengthOnly;
        lengthOnly.measurements.push_back(srEntryFor(length, m_phantom.volume, m_reference, "Length only"));
        VERIFY_DCIODVFY(writeDicomSr(lengthOnly, m_reference, out("sr-length.dcm")).path);
        SrReport labelsOnly; // no SEG: planar groups, the whole series in the image library
        labelsOnly.labelStatistics.push_back(srLabelEntry("Label 1", 2.0, 50, 3, 40, 60));
        labelsOnly.labelStatistics.push_back(srLabelEntry("Label 2", 0.0, 0, 0, 0, 0));
        VERIFY_DCIODVFY(writeDicomSr(labelsOnly, m_reference, out("sr-labels.dcm")).path);
    }

    void writtenCtSeriesPasses()
    {
        // The series every output here refers to (and the demo's CT) is valid CT Image IOD.
        VERIFY_DCIODVFY(m_series.slices.front().path);
        VERIFY_DCIODVFY(m_series.slices.back().path);
    }

    void dciodvfyCheckFindsErrors()
    {
        // The check has teeth: an Encapsulated PDF without its MIME type is an error.
        const std::string path = out("broken.dcm");
        writeDicomEncapsulatedPdf(makePdf(), m_reference, path);
        DcmFileFormat file;
        QVERIFY(file.loadFile(path.c_str()).good());
        delete file.getDataset()->remove(DCM_MIMETypeOfEncapsulatedDocument);
        QVERIFY(file.saveFile(path.c_str(), EXS_LittleEndianExplicit).good());
        QVERIFY(!test::dciodvfyErrors(path).isEmpty());
    }

    void structuredReportRejectsBadInput()
    {
        const std::string path = out("bad-sr.dcm");
        QVERIFY_THROWS_EXCEPTION(IoError, writeDicomSr({}, m_reference, path));
        SrReport report;
        report.measurements.push_back({});
        report.measurements[0].trackingId = "No value";
        try {
            writeDicomSr(report, m_reference, path);
            QFAIL("an entry without values was written");
        } catch (const IoError& e) {
            QVERIFY(std::string(e.what()).find(path) != std::string::npos);
        }
        QVERIFY(!QFileInfo::exists(QString::fromStdString(path)));
    }

    void parametricMapKeepsValuesAndGeometry()
    {
        Volume map(PixelType::Float32, m_phantom.volume.geometry());
        float* v = map.voxels<float>();
        const auto& size = map.geometry().size;
        for (int k = 0; k < size[2]; ++k)
            for (int j = 0; j < size[1]; ++j)
                for (int i = 0; i < size[0]; ++i)
                    v[map.linearIndex(i, j, k)] = float(std::sin(0.1 * i) * std::cos(0.07 * j) * 0.5 + 0.5 + 0.01 * k);
        const std::string path = out("pm.dcm");
        const DicomWrittenObject written = writeDicomParametricMap(map, m_reference, path);
        QCOMPARE(written.sopClassUid, std::string(UID_ParametricMapStorage));
        VERIFY_DCIODVFY(path);

        OFvariant<OFCondition, DPMParametricMapIOD*> loaded = DPMParametricMapIOD::loadFile(path.c_str());
        QVERIFY(OFget<DPMParametricMapIOD*>(&loaded) != nullptr);
        std::unique_ptr<DPMParametricMapIOD> pm(*OFget<DPMParametricMapIOD*>(&loaded));
        QCOMPARE(pm->getNumberOfFrames(), std::size_t(size[2]));
        DPMParametricMapIOD::FramesType frames = pm->getFrames();
        auto* floats = OFget<DPMParametricMapIOD::Frames<Float32>>(&frames);
        QVERIFY(floats != nullptr);
        const int samples[][3] = {{0, 0, 0}, {63, 63, 9}, {17, 41, 2}, {40, 5, 5}, {31, 32, 6}};
        for (const auto& s : samples) {
            const Float32* frame = floats->getFrame(std::size_t(s[2]));
            QVERIFY(frame != nullptr);
            QCOMPARE(frame[s[1] * size[0] + s[0]], v[map.linearIndex(s[0], s[1], s[2])]);
        }

        DcmFileFormat file;
        QVERIFY(file.loadFile(path.c_str()).good());
        DcmDataset& ds = *file.getDataset();
        QCOMPARE(text(ds, DCM_StudyInstanceUID), m_reference.studyInstanceUid);
        QCOMPARE(text(ds, DCM_FrameOfReferenceUID), m_reference.frameOfReferenceUid);
        QCOMPARE(text(ds, DCM_SeriesDescription), std::string("RadPath saliency (Grad-CAM)"));
        DcmItem* shared = nested(ds, DCM_SharedFunctionalGroupsSequence);
        QVERIFY(shared);
        DcmItem* measures = nested(*shared, DCM_PixelMeasuresSequence);
        DcmItem* orientation = nested(*shared, DCM_PlaneOrientationSequence);
        DcmItem* rwvm = nested(*shared, DCM_RealWorldValueMappingSequence);
        QVERIFY(measures && orientation && rwvm);
        QCOMPARE(text(*nested(*rwvm, DCM_MeasurementUnitsCodeSequence), DCM_CodeValue), std::string("[arb'U]"));
        DcmItem* quantity = nested(*rwvm, DCM_QuantityDefinitionSequence);
        QVERIFY(quantity);
        QCOMPARE(text(*nested(*quantity, DCM_ConceptCodeSequence), DCM_CodeValue), std::string("130403"));

        for (int k = 0; k < size[2]; ++k) {
            DcmFileFormat ct;
            QVERIFY(ct.loadFile(m_series.slices[std::size_t(k)].path.c_str()).good());
            DcmDataset& ref = *ct.getDataset();
            DcmItem* frame = nested(ds, DCM_PerFrameFunctionalGroupsSequence, k);
            QVERIFY(frame);
            DcmItem* position = nested(*frame, DCM_PlanePositionSequence);
            QVERIFY(position);
            for (unsigned long a = 0; a < 3; ++a)
                QVERIFY(std::abs(number(*position, DCM_ImagePositionPatient, a) -
                                 number(ref, DCM_ImagePositionPatient, a)) < 1e-3);
            for (unsigned long a = 0; a < 2; ++a)
                QVERIFY(std::abs(number(*measures, DCM_PixelSpacing, a) - number(ref, DCM_PixelSpacing, a)) < 1e-3);
            for (unsigned long a = 0; a < 6; ++a)
                QVERIFY(std::abs(number(*orientation, DCM_ImageOrientationPatient, a) -
                                 number(ref, DCM_ImageOrientationPatient, a)) < 1e-3);
            DcmItem* derivation = nested(*frame, DCM_DerivationImageSequence);
            QVERIFY(derivation);
            DcmItem* source = nested(*derivation, DCM_SourceImageSequence);
            QVERIFY(source);
            QCOMPARE(text(*source, DCM_ReferencedSOPInstanceUID), text(ref, DCM_SOPInstanceUID));
        }
        DcmItem* referencedSeries = nested(ds, DCM_ReferencedSeriesSequence);
        QVERIFY(referencedSeries);
        QCOMPARE(text(*referencedSeries, DCM_SeriesInstanceUID), m_reference.seriesInstanceUid);
    }

    void probabilityMapSaysWhatItIs()
    {
        Volume map(PixelType::Float32, m_phantom.volume.geometry());
        std::fill(map.voxels<float>(), map.voxels<float>() + map.voxelCount(), 0.25f);
        ParametricMapOptions options;
        options.quantity = probabilityQuantity("lesion");
        const std::string path = out("probability.dcm");
        writeDicomParametricMap(map, m_reference, path, options);
        VERIFY_DCIODVFY(path);
        DcmFileFormat file;
        QVERIFY(file.loadFile(path.c_str()).good());
        DcmItem* rwvm =
            nested(*nested(*file.getDataset(), DCM_SharedFunctionalGroupsSequence), DCM_RealWorldValueMappingSequence);
        QVERIFY(rwvm);
        QCOMPARE(text(*nested(*rwvm, DCM_MeasurementUnitsCodeSequence), DCM_CodeValue), std::string("{probability}"));
        QCOMPARE(text(*file.getDataset(), DCM_SeriesDescription), std::string("RadPath probability map"));
    }

    void secondaryCaptureKeepsPixels()
    {
        QImage image(97, 61, QImage::Format_RGB32); // odd width: rows are not 4-byte aligned
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                image.setPixel(x, y, qRgb(x * 2, y * 4, (x + y) % 256));
        {
            QPainter painter(&image);
            painter.setPen(QColor(255, 255, 0));
            painter.drawLine(5, 5, 80, 50);
            painter.drawText(10, 55, QStringLiteral("23.5 mm"));
        }
        SecondaryCaptureOptions options;
        options.sourceImageIndices = {3};
        options.derivationDescription = "Axial slice 4 with a length";
        const std::string path = out("sc.dcm");
        writeDicomSecondaryCapture(image, m_reference, path, options);
        VERIFY_DCIODVFY(path);

        DcmFileFormat file;
        QVERIFY(file.loadFile(path.c_str()).good());
        DcmDataset& ds = *file.getDataset();
        QCOMPARE(text(ds, DCM_SOPClassUID), std::string(UID_SecondaryCaptureImageStorage));
        QCOMPARE(text(ds, DCM_StudyInstanceUID), m_reference.studyInstanceUid);
        QVERIFY(text(ds, DCM_SeriesInstanceUID) != m_reference.seriesInstanceUid);
        QCOMPARE(text(ds, DCM_ConversionType), std::string("WSD"));
        QCOMPARE(text(ds, DCM_BurnedInAnnotation), std::string("YES"));
        QCOMPARE(text(ds, DCM_Rows), std::string("61"));
        QCOMPARE(text(ds, DCM_Columns), std::string("97"));
        QCOMPARE(text(*nested(ds, DCM_SourceImageSequence), DCM_ReferencedSOPInstanceUID),
                 m_reference.images[3].sopInstanceUid);
        const Uint8* pixels = nullptr;
        unsigned long count = 0;
        QVERIFY(ds.findAndGetUint8Array(DCM_PixelData, pixels, &count).good());
        QVERIFY(count >= 97ul * 61ul * 3ul);
        const int points[][2] = {{0, 0}, {96, 60}, {5, 5}, {42, 27}, {80, 50}, {13, 52}, {96, 0}, {0, 60}};
        for (const auto& p : points) {
            const QRgb rgb = image.pixel(p[0], p[1]);
            const Uint8* px = pixels + (std::size_t(p[1]) * 97 + std::size_t(p[0])) * 3;
            QCOMPARE(int(px[0]), qRed(rgb));
            QCOMPARE(int(px[1]), qGreen(rgb));
            QCOMPARE(int(px[2]), qBlue(rgb));
        }
    }

    void secondaryCaptureLaterality_data()
    {
        QTest::addColumn<QString>("laterality");
        QTest::addColumn<QString>("bodyPart");
        QTest::addColumn<bool>("hasLaterality");
        QTest::addColumn<QString>("expected"); // Laterality when present
        QTest::addColumn<QString>("imageLaterality");
        struct Row {
            const char *tag, *laterality, *bodyPart;
            bool hasLaterality;
            const char *expected, *imageLaterality;
        };
        const Row rows[] = {{"R", "R", "", true, "R", ""},
                            {"L with a body part", "L", "BREAST", true, "L", ""},
                            {"B", "B", "", false, "", "B"},
                            {"unpaired body part", "", "ABDOMEN", false, "", ""},
                            {"none", "", "", true, "", ""},
                            {"not R or L, no body part", "X", "", true, "", ""},
                            {"lower case, no body part", "r", "", true, "", ""}};
        for (const Row& r : rows)
            QTest::newRow(r.tag) << QString(r.laterality) << QString(r.bodyPart) << r.hasLaterality
                                 << QString(r.expected) << QString(r.imageLaterality);
    }

    void secondaryCaptureLaterality()
    {
        QFETCH(QString, laterality);
        QFETCH(QString, bodyPart);
        QFETCH(bool, hasLaterality);
        QFETCH(QString, expected);
        QFETCH(QString, imageLaterality);
        DicomReference reference = m_reference;
        reference.laterality = laterality.toStdString();
        reference.bodyPartExamined = bodyPart.toStdString();
        QImage image(8, 8, QImage::Format_RGB32);
        image.fill(Qt::gray);
        const std::string path = out("sc-laterality.dcm"); // each row writes it anew
        writeDicomSecondaryCapture(image, reference, path);
        DcmFileFormat file;
        QVERIFY(file.loadFile(path.c_str()).good());
        DcmDataset& ds = *file.getDataset();
        QCOMPARE(ds.tagExists(DCM_Laterality), hasLaterality);
        QCOMPARE(text(ds, DCM_Laterality), expected.toStdString());
        QCOMPARE(text(ds, DCM_ImageLaterality), imageLaterality.toStdString());
    }

    void encapsulatedPdfRoundTripsBytes_data()
    {
        QTest::addColumn<bool>("odd");
        QTest::newRow("odd length") << true;
        QTest::newRow("even length") << false;
    }

    void encapsulatedPdfRoundTripsBytes()
    {
        QFETCH(bool, odd);
        QByteArray pdf = makePdf();
        QVERIFY(pdf.startsWith("%PDF-"));
        if ((pdf.size() % 2 == 1) != odd)
            pdf.append('\n'); // whitespace after %%EOF is still a valid PDF
        QCOMPARE(pdf.size() % 2 == 1, odd);
        const std::string path = out(odd ? "pdf-odd.dcm" : "pdf-even.dcm");
        EncapsulatedPdfOptions options;
        options.documentTitle = "Findings report";
        options.sourceImageIndices = {3};
        writeDicomEncapsulatedPdf(pdf, m_reference, path, options);
        VERIFY_DCIODVFY(path);
        QCOMPARE(readDicomEncapsulatedPdf(path), pdf);

        DcmFileFormat file;
        QVERIFY(file.loadFile(path.c_str()).good());
        DcmDataset& ds = *file.getDataset();
        QCOMPARE(text(ds, DCM_SOPClassUID), std::string("1.2.840.10008.5.1.4.1.1.104.1"));
        QCOMPARE(text(ds, DCM_StudyInstanceUID), m_reference.studyInstanceUid);
        QCOMPARE(text(ds, DCM_MIMETypeOfEncapsulatedDocument), std::string("application/pdf"));
        QCOMPARE(text(ds, DCM_DocumentTitle), std::string("Findings report"));
        QCOMPARE(text(ds, DCM_BurnedInAnnotation), std::string("YES"));
        QCOMPARE(text(*nested(ds, DCM_ConceptNameCodeSequence), DCM_CodeValue), std::string("18748-4"));
        const Uint8* bytes = nullptr;
        unsigned long length = 0;
        QVERIFY(ds.findAndGetUint8Array(DCM_EncapsulatedDocument, bytes, &length).good());
        QCOMPARE(length % 2, 0ul);
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(bytes), qsizetype(pdf.size())), pdf);
    }

    void encapsulatedPdfRejectsOtherBytes()
    {
        const std::string path = out("not-pdf.dcm");
        try {
            writeDicomEncapsulatedPdf(QByteArray("GIF89a"), m_reference, path);
            QFAIL("a GIF was encapsulated as PDF");
        } catch (const IoError& e) {
            QCOMPARE(e.path(), path);
        }
        QVERIFY_THROWS_EXCEPTION(IoError, readDicomEncapsulatedPdf(out("sc.dcm")));
        QVERIFY_THROWS_EXCEPTION(IoError,
                                 writeDicomEncapsulatedPdf(makePdf(), m_reference, out("no/such/folder/x.dcm")));
    }

    void writesLeaveNoTemporaryFiles()
    {
        const QStringList parts = QDir(m_dir.path()).entryList({QStringLiteral("*.part")}, QDir::Files);
        QVERIFY2(parts.isEmpty(), qPrintable(parts.join(' ')));
    }
};

QTEST_MAIN(DicomOutputsTest)
#include "DicomOutputsTest.moc"
