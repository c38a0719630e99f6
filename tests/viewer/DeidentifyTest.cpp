// DICOM de-identification (PS3.15 Basic Application Level Confidentiality Profile): every
// attribute of Table E.1-1 treated as its action says, well-known identifying attributes
// gone, UIDs remapped consistently, pixel bytes untouched, the options, warnings, bad input,
// and radpath-cli deidentify.

#include "viewer/io/DeidentificationProfile.h"
#include "viewer/io/DicomDeidentifier.h"
#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dctk.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <map>

using namespace radpath::viewer;
namespace deid = radpath::viewer::deid;

namespace {

const QString kPydicomFiles = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files");
const std::string kSalt = "deidentify-test";

std::string str(const QString& s)
{
    return s.toStdString();
}

// A value of `vr` that is easy to find again: text contains "SECRET", dates are 20040826.
std::string sampleValue(const std::string& vr, int n)
{
    static const std::map<std::string, std::string> fixed{{"AE", "SECRETAE"},
                                                          {"AS", "042Y"},
                                                          {"CS", "SECRET"},
                                                          {"DA", "20040826"},
                                                          {"DT", "20040826101010"},
                                                          {"TM", "101010"},
                                                          {"DS", "12.5"},
                                                          {"IS", "42"},
                                                          {"PN", "Secret^Person"},
                                                          {"UR", "http://secret.example/"},
                                                          {"US", "7"},
                                                          {"SS", "7"},
                                                          {"UL", "7"},
                                                          {"SL", "7"},
                                                          {"FL", "7"},
                                                          {"FD", "7"},
                                                          {"AT", "(0010,0010)"},
                                                          {"OB", "53\\45"},
                                                          {"UN", "53\\45"},
                                                          {"OW", "5345"}};
    if (vr == "UI")
        return "1.2.826.0.1.3680043.10.1." + std::to_string(n);
    const auto found = fixed.find(vr);
    return found != fixed.end() ? found->second : "SECRET " + std::to_string(n); // LO, LT, SH, ST, UC, UT
}

void put(DcmItem& item, std::uint16_t group, std::uint16_t element, const std::string& vr, const std::string& value)
{
    DcmElement* e = nullptr;
    QVERIFY(DcmItem::newDicomElementWithVR(e, DcmTag(group, element, DcmVR(vr.c_str()))).good());
    QVERIFY2(e->putString(value.c_str()).good(), vr.c_str());
    QVERIFY(item.insert(e, OFTrue).good());
}

std::string text(DcmItem& item, const DcmTagKey& key)
{
    OFString value;
    item.findAndGetOFStringArray(key, value);
    return value.c_str();
}

DcmElement* find(DcmItem& item, const DcmTagKey& key)
{
    DcmElement* e = nullptr;
    return item.findAndGetElement(key, e).good() ? e : nullptr;
}

DcmItem* firstItem(DcmItem& item, const DcmTagKey& sequence)
{
    DcmItem* child = nullptr;
    return item.findAndGetSequenceItem(sequence, child, 0).good() ? child : nullptr;
}

std::unique_ptr<DcmFileFormat> load(const std::string& path)
{
    auto file = std::make_unique<DcmFileFormat>();
    if (file->loadFile(path.c_str()).bad())
        return nullptr;
    return file;
}

// Every text value in `item` at any depth, and whether an odd (private) group occurs.
void walk(DcmItem& item, std::vector<std::string>& values, bool& privateSeen)
{
    for (unsigned long i = 0; i < item.card(); ++i) {
        DcmElement* e = item.getElement(i);
        if (e->getGTag() % 2 == 1)
            privateSeen = true;
        if (e->ident() == EVR_SQ) {
            auto* sq = static_cast<DcmSequenceOfItems*>(e);
            for (unsigned long j = 0; j < sq->card(); ++j)
                walk(*sq->getItem(j), values, privateSeen);
        } else if (e->getTag() != DCM_PixelData) {
            OFString v;
            e->getOFStringArray(v);
            values.push_back(v.c_str());
        }
    }
}

// The minimum of an image around a test's attributes.
void putImage(DcmDataset& ds, const std::string& sopInstance)
{
    ds.putAndInsertString(DCM_SOPClassUID, UID_CTImageStorage);
    ds.putAndInsertString(DCM_SOPInstanceUID, sopInstance.c_str());
    if (!ds.tagExists(DCM_StudyInstanceUID))
        ds.putAndInsertString(DCM_StudyInstanceUID, "1.2.826.0.1.3680043.10.9.1");
    if (!ds.tagExists(DCM_SeriesInstanceUID))
        ds.putAndInsertString(DCM_SeriesInstanceUID, "1.2.826.0.1.3680043.10.9.2");
    ds.putAndInsertString(DCM_Modality, "CT");
    ds.putAndInsertString(DCM_BurnedInAnnotation, "NO");
    ds.putAndInsertUint16(DCM_Rows, 2);
    ds.putAndInsertUint16(DCM_Columns, 2);
    ds.putAndInsertUint16(DCM_BitsAllocated, 16);
    ds.putAndInsertUint16(DCM_BitsStored, 16);
    ds.putAndInsertUint16(DCM_HighBit, 15);
    ds.putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds.putAndInsertUint16(DCM_PixelRepresentation, 0);
    ds.putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    const Uint16 pixels[4] = {1, 2, 3, 4};
    ds.putAndInsertUint16Array(DCM_PixelData, pixels, 4);
}

bool save(DcmFileFormat& file, const QString& path)
{
    return file.saveFile(path.toLocal8Bit().constData(), EXS_LittleEndianExplicit).good();
}

// The pixel data's bytes: the native value, or every fragment of the encapsulated one.
QByteArray pixelBytes(DcmDataset& ds)
{
    DcmElement* e = find(ds, DCM_PixelData);
    if (!e)
        return {};
    auto* pixel = static_cast<DcmPixelData*>(e);
    DcmPixelSequence* sequence = nullptr;
    if (pixel->getEncapsulatedRepresentation(ds.getOriginalXfer(), nullptr, sequence).good() && sequence) {
        QByteArray all;
        for (unsigned long i = 0; i < sequence->card(); ++i) {
            DcmPixelItem* item = nullptr;
            Uint8* data = nullptr;
            if (sequence->getItem(item, i).good() && item->getUint8Array(data).good() && data)
                all += QByteArray(reinterpret_cast<const char*>(data), int(item->getLength()));
            all += "|";
        }
        return all;
    }
    Uint8* data = nullptr;
    pixel->getUint8Array(data);
    return data ? QByteArray(reinterpret_cast<const char*>(data), int(pixel->getLength())) : QByteArray();
}

// A copy of a pydicom sample with the patient and dates a test expects.
QString copySample(const QString& name, const QString& dir, const std::function<void(DcmDataset&)>& edit = {})
{
    auto file = load(str(kPydicomFiles + "/" + name));
    if (!file)
        return {};
    if (edit)
        edit(*file->getDataset());
    const QString path = dir + "/" + name;
    QDir().mkpath(dir);
    const E_TransferSyntax xfer = file->getDataset()->getOriginalXfer();
    return file->saveFile(path.toLocal8Bit().constData(), xfer).good() ? path : QString();
}

} // namespace

class DeidentifyTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (!QFile::exists(kPydicomFiles + "/CT_small.dcm"))
            QSKIP("pydicom's test files are not installed (python3-pydicom)");
    }

    void tableHoldsTheWholeProfile()
    {
        const deid::ProfileTable table = deid::basicProfileTable();
        QVERIFY2(table.size() >= 500 && table.size() < 1000, qPrintable(QString::number(table.size())));
        // Rows checked against PS3.15 Table E.1-1 by hand.
        const struct {
            std::uint16_t g, e;
            const char* code;
        } known[] = {
            {0x0010, 0x0010, "Z"},     {0x0010, 0x0020, "Z"},      {0x0010, 0x0030, "Z"},   {0x0010, 0x1000, "X"},
            {0x0010, 0x1040, "X"},     {0x0008, 0x0080, "X/Z/D"},  {0x0008, 0x0081, "X"},   {0x0008, 0x0090, "Z"},
            {0x0008, 0x1050, "X"},     {0x0008, 0x1070, "X/Z/D"},  {0x0008, 0x0050, "Z"},   {0x0020, 0x0010, "Z"},
            {0x0008, 0x1010, "X/Z/D"}, {0x0018, 0x1000, "X/Z/D"},  {0x0020, 0x000D, "U"},   {0x0008, 0x0018, "U"},
            {0x0008, 0x1155, "U"},     {0x0008, 0x1140, "X/Z/U*"}, {0x0008, 0x0023, "Z/D"}, {0x0008, 0x0022, "X/Z"},
            {0x0040, 0x0275, "X"},     {0x0040, 0xA730, "D"},      {0xFFFA, 0xFFFA, "X"},   {0x0008, 0x0021, "X/D"}};
        for (const auto& k : known) {
            const deid::ProfileAttribute* row = deid::findProfileAttribute(k.g, k.e);
            QVERIFY2(row, qPrintable(QString("(%1,%2)").arg(k.g, 4, 16, QChar('0')).arg(k.e, 4, 16, QChar('0'))));
            QCOMPARE(QString(deid::actionCode(row->action)), QString(k.code));
        }
        QCOMPARE(QString(deid::findProfileAttribute(0x5010, 0x3000)->keyword), QString("CurveData"));
        QCOMPARE(QString(deid::findProfileAttribute(0x6002, 0x4000)->keyword), QString("OverlayComments"));
        QVERIFY(!deid::findProfileAttribute(0x0008, 0x0016)); // SOP Class UID is kept
        QVERIFY(!deid::findProfileAttribute(0x0002, 0x0010)); // Transfer Syntax UID is kept
    }

    void everyTableAttributeGetsItsAction()
    {
        QTemporaryDir dir;
        DcmFileFormat file;
        DcmDataset& ds = *file.getDataset();
        int n = 0;
        std::map<std::uint32_t, std::string> original;
        for (const deid::ProfileAttribute& row : deid::basicProfileTable()) {
            if (row.group == 0x0000 || row.group == 0x0002)
                continue; // command and meta elements do not belong in a dataset
            const std::string vr = row.vr;
            if (vr == "SQ") {
                DcmItem* item = nullptr;
                QVERIFY(ds.findOrCreateSequenceItem(DcmTag(row.group, row.element, DcmVR(EVR_SQ)), item, -2).good());
                put(*item, 0x0008, 0x1150, "UI", UID_CTImageStorage);
                put(*item, 0x0008, 0x1155, "UI", "1.2.826.0.1.3680043.10.2." + std::to_string(++n));
                original[(std::uint32_t(row.group) << 16) | row.element] = text(*item, DCM_ReferencedSOPInstanceUID);
                if (deid::actionCode(row.action) != std::string("X/Z/U*"))
                    put(*item, 0x0008, 0x0104, "LO", "SECRET meaning");
            } else {
                const std::string value = sampleValue(vr, ++n);
                put(ds, row.group, row.element, vr, value);
                original[(std::uint32_t(row.group) << 16) | row.element] = value;
            }
        }
        putImage(ds, original[0x00080018]);
        // Table attributes inside a kept sequence, private tags, curves and overlays.
        DcmItem* nested = firstItem(ds, DCM_ReferencedImageSequence);
        QVERIFY(nested);
        put(*nested, 0x0010, 0x0010, "PN", "Secret^Nested");
        put(*nested, 0x0008, 0x0080, "LO", "SECRET nested institution");
        put(*nested, 0x0010, 0x1000, "LO", "SECRET nested id");
        put(*nested, 0x0009, 0x0010, "LO", "SECRET CREATOR");
        put(*nested, 0x0009, 0x1001, "LO", "SECRET private");
        put(ds, 0x0009, 0x0010, "LO", "SECRET CREATOR");
        put(ds, 0x0009, 0x1001, "LO", "SECRET private");
        put(ds, 0x5000, 0x0005, "US", "1");
        put(ds, 0x5000, 0x3000, "OB", "53\\45");
        put(ds, 0x6000, 0x0010, "US", "2");
        put(ds, 0x6000, 0x3000, "OW", "5345");
        put(ds, 0x6000, 0x4000, "LT", "SECRET overlay");
        const QString input = dir.filePath("all.dcm");
        QVERIFY(save(file, input));

        DicomDeidentifier deidentifier({DeidentifyOptions::Dates::Remove, 0, false, kSalt});
        const DeidentifyReport report = deidentifier.run(str(input), str(dir.filePath("out")));
        QCOMPARE(report.files.size(), size_t(1));
        QVERIFY2(report.files[0].ok(), report.files[0].error.c_str());
        auto out = load(report.files[0].output);
        QVERIFY(out);
        DcmDataset& result = *out->getDataset();

        for (const deid::ProfileAttribute& row : deid::basicProfileTable()) {
            const auto before = original.find((std::uint32_t(row.group) << 16) | row.element);
            if (before == original.end())
                continue;
            const DcmTagKey key(row.group, row.element);
            const std::string code = deid::actionCode(row.action);
            const std::string where = std::string(row.keyword) + " " + code;
            DcmElement* e = find(result, key);
            if (key == DCM_PatientName || key == DCM_PatientID) {
                QCOMPARE(text(result, key), std::string(key == DCM_PatientName ? "ANON^0001" : "ANON0001"));
            } else if (code == "X") {
                QVERIFY2(!e, where.c_str());
            } else if (code == "Z" || code == "X/Z") {
                QVERIFY2(e, where.c_str());
                QVERIFY2(e->getLength() == 0 ||
                             (e->ident() == EVR_SQ && static_cast<DcmSequenceOfItems*>(e)->card() == 0),
                         where.c_str());
            } else if (code == "U" || code == "X/Z/U*" || std::string(row.vr) == "UI") {
                QVERIFY2(e, where.c_str());
                const std::string now = e->ident() == EVR_SQ
                                            ? text(*firstItem(result, key), DCM_ReferencedSOPInstanceUID)
                                            : text(result, key);
                QVERIFY2(now == deidentifier.mappedUid(before->second) && now.rfind("2.25.", 0) == 0, where.c_str());
                if (e->ident() == EVR_SQ)
                    QCOMPARE(text(*firstItem(result, key), DCM_ReferencedSOPClassUID), std::string(UID_CTImageStorage));
            } else { // D, X/D, Z/D, X/Z/D: a dummy
                QVERIFY2(e, where.c_str());
                if (e->ident() == EVR_SQ) {
                    DcmItem* item = firstItem(result, key);
                    QVERIFY2(item, where.c_str());
                    QCOMPARE(text(*item, DCM_CodeMeaning), std::string("ANONYMIZED"));
                    QCOMPARE(text(*item, DCM_ReferencedSOPInstanceUID), deidentifier.mappedUid(before->second));
                } else {
                    QVERIFY2(e->getLength() > 0, where.c_str());
                    OFString now;
                    e->getOFStringArray(now);
                    QVERIFY2(std::string(now.c_str()) != before->second, where.c_str());
                }
            }
        }
        // The table's rules at depth: a kept sequence's items processed like the dataset.
        nested = firstItem(result, DCM_ReferencedImageSequence);
        QVERIFY(nested);
        QCOMPARE(text(*nested, DCM_PatientName), std::string());
        QCOMPARE(text(*nested, DCM_InstitutionName), std::string("ANONYMIZED"));
        QVERIFY(!find(*nested, DCM_RETIRED_OtherPatientIDs));
        // Curves and overlays go whole; nothing original survives anywhere.
        QVERIFY(!find(result, DcmTagKey(0x5000, 0x0005)) && !find(result, DcmTagKey(0x6000, 0x0010)));
        std::vector<std::string> values;
        bool privateSeen = false;
        walk(result, values, privateSeen);
        QVERIFY(!privateSeen);
        for (const std::string& v : values) {
            QVERIFY2(QString::fromStdString(v).indexOf("secret", 0, Qt::CaseInsensitive) < 0, v.c_str());
            QVERIFY2(v.find("20040826") == std::string::npos, v.c_str());
        }
    }

    void wellKnownIdentifiersAreGone()
    {
        QTemporaryDir dir;
        // clang-format off
        const std::vector<std::pair<DcmTagKey, const char*>> identifying{
            {DCM_PatientBirthDate, "19600101"}, {DCM_PatientBirthTime, "101010"},
            {DCM_RETIRED_OtherPatientIDs, "SECRET-ID2"}, {DCM_OtherPatientNames, "Secret^Alias"},
            {DCM_PatientAddress, "SECRET street 1"}, {DCM_PatientTelephoneNumbers, "SECRET 555"},
            {DCM_PatientMotherBirthName, "Secret^Mother"}, {DCM_RETIRED_MedicalRecordLocator, "SECRET MRL"},
            {DCM_IssuerOfPatientID, "SECRET HOSPITAL"}, {DCM_InstitutionName, "SECRET HOSPITAL"},
            {DCM_InstitutionAddress, "SECRET road 2"}, {DCM_InstitutionalDepartmentName, "SECRET RADIOLOGY"},
            {DCM_ReferringPhysicianName, "Secret^Referrer"}, {DCM_ReferringPhysicianAddress, "SECRET lane 3"},
            {DCM_ReferringPhysicianTelephoneNumbers, "SECRET 556"}, {DCM_PerformingPhysicianName, "Secret^Performer"},
            {DCM_NameOfPhysiciansReadingStudy, "Secret^Reader"}, {DCM_PhysiciansOfRecord, "Secret^Record"},
            {DCM_OperatorsName, "Secret^Operator"}, {DCM_RequestingPhysician, "Secret^Requester"},
            {DCM_AccessionNumber, "SECRETACC"}, {DCM_StudyID, "SECRETSTUDY"}, {DCM_StationName, "SECRETSTATION"},
            {DCM_DeviceSerialNumber, "SECRET-SN-1"}, {DCM_AdmissionID, "SECRET-ADM"},
            {DCM_PatientComments, "SECRET comment"}, {DCM_ImageComments, "SECRET image"},
            {DCM_RequestedProcedureID, "SECRET-RP"}, {DCM_PerformedProcedureStepID, "SECRET-PPS"},
            {DCM_MilitaryRank, "SECRET RANK"}, {DCM_Occupation, "SECRET JOB"}, {DCM_StudyDescription, "SECRET study"},
            {DCM_SeriesDescription, "SECRET series"}, {DCM_PatientAge, "042Y"}, {DCM_PatientWeight, "71"},
            {DCM_StationAETitle, "SECRETAE"}
        };
        // clang-format on
        const QString input = copySample("CT_small.dcm", dir.filePath("in"), [&](DcmDataset& ds) {
            for (const auto& [key, value] : identifying)
                ds.putAndInsertString(key, value);
        });
        QVERIFY(!input.isEmpty());
        DicomDeidentifier deidentifier;
        const DeidentifyReport report = deidentifier.run(str(input), str(dir.filePath("out")));
        QVERIFY2(report.failed() == 0, report.files[0].error.c_str());
        auto out = load(report.files[0].output);
        QVERIFY(out);
        DcmDataset& ds = *out->getDataset();
        for (const auto& [key, value] : identifying) {
            const std::string now = text(ds, key);
            QVERIFY2(now != value && now.find("SECRET") == std::string::npos && now.find("Secret") == std::string::npos,
                     DcmTag(key).getTagName());
        }
        QCOMPARE(text(ds, DCM_PatientName), std::string("ANON^0001"));
        QCOMPARE(text(ds, DCM_PatientID), std::string("ANON0001"));
        QVERIFY(!find(ds, DCM_OtherPatientIDsSequence));
        QCOMPARE(text(ds, DCM_StudyDate), std::string());            // Z
        QCOMPARE(text(ds, DCM_SeriesDate), std::string("19000101")); // X/D: a dummy
        QCOMPARE(text(ds, DCM_PatientIdentityRemoved), std::string("YES"));
        QCOMPARE(text(ds, DCM_LongitudinalTemporalInformationModified), std::string("REMOVED"));
        QVERIFY(text(ds, DCM_DeidentificationMethod).find("Basic Application Level Confidentiality Profile") !=
                std::string::npos);
        std::vector<std::string> values;
        bool privateSeen = false;
        walk(ds, values, privateSeen);
        QVERIFY(!privateSeen); // CT_small.dcm holds GE private groups 0009, 0011, 0019, 0043
    }

    void uidsAreRemappedConsistently()
    {
        QTemporaryDir dir;
        std::string firstSop, secondSop, study, series, frame;
        const QString a = copySample("CT_small.dcm", dir.filePath("in/a"), [&](DcmDataset& ds) {
            firstSop = text(ds, DCM_SOPInstanceUID);
            study = text(ds, DCM_StudyInstanceUID);
            series = text(ds, DCM_SeriesInstanceUID);
            frame = text(ds, DCM_FrameOfReferenceUID);
        });
        const QString b = copySample("CT_small.dcm", dir.filePath("in/b"), [&](DcmDataset& ds) {
            secondSop = firstSop + ".2";
            ds.putAndInsertString(DCM_SOPInstanceUID, secondSop.c_str());
            DcmItem* item = nullptr;
            ds.findOrCreateSequenceItem(DCM_ReferencedImageSequence, item, -2);
            item->putAndInsertString(DCM_ReferencedSOPClassUID, UID_CTImageStorage);
            item->putAndInsertString(DCM_ReferencedSOPInstanceUID, firstSop.c_str());
        });
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !frame.empty());
        DicomDeidentifier deidentifier({DeidentifyOptions::Dates::Remove, 0, false, kSalt});
        const QString outDir = dir.filePath("out");
        const DeidentifyReport report = deidentifier.run(str(dir.filePath("in")), str(outDir));
        QCOMPARE(report.written(), 2);
        auto first = load(report.files[0].output), second = load(report.files[1].output);
        QVERIFY(first && second);
        DcmDataset &one = *first->getDataset(), &two = *second->getDataset();
        for (const DcmTagKey& key : {DCM_StudyInstanceUID, DCM_SeriesInstanceUID, DCM_FrameOfReferenceUID}) {
            QCOMPARE(text(one, key), text(two, key));
            QVERIFY(text(one, key).rfind("2.25.", 0) == 0);
        }
        QVERIFY(text(one, DCM_StudyInstanceUID) != study && text(one, DCM_FrameOfReferenceUID) != frame);
        QVERIFY(text(one, DCM_SOPInstanceUID) != text(two, DCM_SOPInstanceUID));
        QCOMPARE(text(*firstItem(two, DCM_ReferencedImageSequence), DCM_ReferencedSOPInstanceUID),
                 text(one, DCM_SOPInstanceUID));
        QCOMPARE(text(one, DCM_SOPClassUID), std::string(UID_CTImageStorage));
        QCOMPARE(text(*first->getMetaInfo(), DCM_MediaStorageSOPInstanceUID), text(one, DCM_SOPInstanceUID));
        QCOMPARE(text(*second->getMetaInfo(), DCM_MediaStorageSOPInstanceUID), text(two, DCM_SOPInstanceUID));
        QCOMPARE(text(*first->getMetaInfo(), DCM_MediaStorageSOPClassUID), std::string(UID_CTImageStorage));
        QCOMPARE(text(*first->getMetaInfo(), DCM_TransferSyntaxUID),
                 std::string(UID_LittleEndianExplicitTransferSyntax));
        // The documented layout, and the same mapping in a later run with the same salt.
        QCOMPARE(QString::fromStdString(report.files[0].output),
                 outDir + "/" +
                     QString::fromStdString(text(one, DCM_StudyInstanceUID) + "/" + text(one, DCM_SeriesInstanceUID) +
                                            "/" + text(one, DCM_SOPInstanceUID) + ".dcm"));
        QCOMPARE(DicomDeidentifier({DeidentifyOptions::Dates::Remove, 0, false, kSalt}).mappedUid(study),
                 text(one, DCM_StudyInstanceUID));
        QVERIFY(DicomDeidentifier().mappedUid(study) != text(one, DCM_StudyInstanceUID));
        QVERIFY(deidentifier.mappedUid(study).size() <= 64);
    }

    void pixelBytesAndTransferSyntaxAreKept_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("native") << "CT_small.dcm";
        QTest::newRow("native MR") << "MR_small.dcm";
        QTest::newRow("JPEG 2000") << "JPEG2000.dcm";
        QTest::newRow("JPEG 2000 lossless") << "MR_small_jp2klossless.dcm";
    }

    void pixelBytesAndTransferSyntaxAreKept()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const std::string input = str(kPydicomFiles + "/" + name);
        DicomDeidentifier deidentifier;
        const DeidentifyReport report = deidentifier.run(std::vector<std::string>{input}, str(dir.path()));
        QVERIFY2(report.written() == 1, report.files[0].error.c_str());
        auto before = load(input), after = load(report.files[0].output);
        QVERIFY(before && after);
        QCOMPARE(after->getDataset()->getOriginalXfer(), before->getDataset()->getOriginalXfer());
        QCOMPARE(text(*after->getMetaInfo(), DCM_TransferSyntaxUID),
                 text(*before->getMetaInfo(), DCM_TransferSyntaxUID));
        const QByteArray original = pixelBytes(*before->getDataset());
        QVERIFY(original.size() > 100);
        QCOMPARE(pixelBytes(*after->getDataset()), original);
    }

    void datesKept()
    {
        QTemporaryDir dir;
        const QString input = copySample("CT_small.dcm", dir.filePath("in"), [](DcmDataset& ds) {
            ds.putAndInsertString(DCM_StudyDate, "20040826");
            ds.putAndInsertString(DCM_PatientBirthDate, "19600101");
        });
        DicomDeidentifier deidentifier({DeidentifyOptions::Dates::Keep, 0, false, kSalt});
        const DeidentifyReport report = deidentifier.run(str(input), str(dir.filePath("out")));
        auto out = load(report.files.at(0).output);
        QVERIFY(out);
        DcmDataset& ds = *out->getDataset();
        QCOMPARE(text(ds, DCM_StudyDate), std::string("20040826"));
        QCOMPARE(text(ds, DCM_SeriesDate), std::string("19970430"));
        QCOMPARE(text(ds, DCM_AcquisitionTime), std::string("112936"));
        QCOMPARE(text(ds, DCM_InstanceCreationDate), std::string("20040119"));
        QCOMPARE(text(ds, DCM_PatientBirthDate), std::string()); // not a longitudinal date
        QCOMPARE(text(ds, DCM_LongitudinalTemporalInformationModified), std::string("UNMODIFIED"));
        QCOMPARE(codes(ds), QStringList({"113100", "113106"}));
    }

    void datesShifted()
    {
        QTemporaryDir dir;
        const QString input = copySample("CT_small.dcm", dir.filePath("in"), [](DcmDataset& ds) {
            ds.putAndInsertString(DCM_StudyDate, "20040826");
            ds.putAndInsertString(DCM_SeriesDate, "20040305"); // across February 29
            ds.putAndInsertString(DCM_AcquisitionDateTime, "20040301123000.5+0100");
            ds.putAndInsertString(DCM_ContentDate, "20040105"); // across a year
            ds.putAndInsertString(DCM_PatientBirthDate, "19600101");
        });
        DicomDeidentifier deidentifier({DeidentifyOptions::Dates::Shift, -10, false, kSalt});
        const DeidentifyReport report = deidentifier.run(str(input), str(dir.filePath("out")));
        QVERIFY(report.files.at(0).warnings.empty());
        auto out = load(report.files.at(0).output);
        QVERIFY(out);
        DcmDataset& ds = *out->getDataset();
        QCOMPARE(text(ds, DCM_StudyDate), std::string("20040816"));
        QCOMPARE(text(ds, DCM_SeriesDate), std::string("20040224"));
        QCOMPARE(text(ds, DCM_AcquisitionDateTime), std::string("20040220123000.5+0100"));
        QCOMPARE(text(ds, DCM_ContentDate), std::string("20031226"));
        QCOMPARE(text(ds, DCM_StudyTime), std::string("072730")); // times kept
        QCOMPARE(text(ds, DCM_PatientBirthDate), std::string());
        QCOMPARE(text(ds, DCM_LongitudinalTemporalInformationModified), std::string("MODIFIED"));
        QCOMPARE(codes(ds), QStringList({"113100", "113107"}));
        QVERIFY(text(ds, DCM_DeidentificationMethod).find("10") == std::string::npos); // the shift stays secret
    }

    void patientCharacteristicsKept()
    {
        QTemporaryDir dir;
        auto characteristics = [](DcmDataset& ds) {
            ds.putAndInsertString(DCM_PatientSex, "F");
            ds.putAndInsertString(DCM_PatientAge, "042Y");
            ds.putAndInsertString(DCM_PatientSize, "1.7");
            ds.putAndInsertString(DCM_PatientWeight, "70");
            ds.putAndInsertString(DCM_EthnicGroup, "GROUP");
            ds.putAndInsertString(DCM_SmokingStatus, "NO");
            ds.putAndInsertUint16(DCM_PregnancyStatus, 4);
        };
        const QString input = copySample("CT_small.dcm", dir.filePath("in"), characteristics);
        DicomDeidentifier keep({DeidentifyOptions::Dates::Remove, 0, true, kSalt});
        auto kept = load(keep.run(str(input), str(dir.filePath("keep"))).files.at(0).output);
        DicomDeidentifier basic({DeidentifyOptions::Dates::Remove, 0, false, kSalt});
        auto removed = load(basic.run(str(input), str(dir.filePath("basic"))).files.at(0).output);
        QVERIFY(kept && removed);
        DcmDataset &k = *kept->getDataset(), &r = *removed->getDataset();
        QCOMPARE(text(k, DCM_PatientSex), std::string("F"));
        QCOMPARE(text(k, DCM_PatientAge), std::string("042Y"));
        QCOMPARE(text(k, DCM_PatientSize), std::string("1.7"));
        QCOMPARE(text(k, DCM_PatientWeight), std::string("70"));
        QCOMPARE(text(k, DCM_EthnicGroup), std::string("GROUP"));
        QCOMPARE(text(k, DCM_SmokingStatus), std::string("NO"));
        QCOMPARE(text(k, DCM_PregnancyStatus), std::string("4"));
        QCOMPARE(codes(k), QStringList({"113100", "113108"}));
        QCOMPARE(text(r, DCM_PatientSex), std::string());
        for (const DcmTagKey& key : {DCM_PatientAge, DCM_PatientSize, DCM_PatientWeight, DCM_EthnicGroup,
                                     DCM_SmokingStatus, DCM_PregnancyStatus})
            QVERIFY2(!find(r, key), DcmTag(key).getTagName());
        QCOMPARE(codes(r), QStringList({"113100"}));
        QCOMPARE(text(r, DCM_PatientIdentityRemoved), std::string("YES"));
    }

    void burnedInAnnotationWarns()
    {
        QTemporaryDir dir;
        const QString yes = copySample("CT_small.dcm", dir.filePath("in/yes"),
                                       [](DcmDataset& ds) { ds.putAndInsertString(DCM_BurnedInAnnotation, "YES"); });
        const QString us = copySample("MR_small.dcm", dir.filePath("in/us"),
                                      [](DcmDataset& ds) { ds.putAndInsertString(DCM_Modality, "US"); });
        const DeidentifyReport report = DicomDeidentifier().run(str(dir.filePath("in")), str(dir.filePath("out")));
        QCOMPARE(report.files.size(), size_t(2));
        QCOMPARE(report.written(), 2);
        for (const auto& file : report.files) {
            QCOMPARE(file.warnings.size(), size_t(1));
            QVERIFY2(file.warnings[0].find(file.input) == 0, file.warnings[0].c_str());
            QVERIFY(file.warnings[0].find("Burned In Annotation") != std::string::npos);
        }
        QCOMPARE(report.warningCount(), 2);
    }

    void badInputIsReportedAndOthersGoOn()
    {
        QTemporaryDir dir;
        const QString good = copySample("CT_small.dcm", dir.filePath("in"));
        QFile text(dir.filePath("in/notes.txt"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("this is not a DICOM file\n");
        text.close();
        QFile source(good), truncated(dir.filePath("in/truncated.dcm"));
        QVERIFY(source.open(QIODevice::ReadOnly) && truncated.open(QIODevice::WriteOnly));
        truncated.write(source.read(source.size() / 2));
        truncated.close();

        const DeidentifyReport report = DicomDeidentifier().run(str(dir.filePath("in")), str(dir.filePath("out")));
        QCOMPARE(report.files.size(), size_t(3));
        QCOMPARE(report.written(), 1);
        QCOMPARE(report.failed(), 2);
        for (const auto& file : report.files) {
            if (file.input == str(good))
                continue;
            QVERIFY2(!file.ok() && file.error.rfind(file.input + ": ", 0) == 0, file.error.c_str());
            QVERIFY(file.output.empty());
        }
        QDirIterator it(dir.filePath("out"), QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        for (; it.hasNext(); ++files)
            QVERIFY2(it.next().endsWith(".dcm"), qPrintable(it.filePath()));
        QCOMPARE(files, 1);
        QVERIFY_THROWS_EXCEPTION(IoError,
                                 DicomDeidentifier().run(str(dir.filePath("missing")), str(dir.filePath("o"))));
        QVERIFY_THROWS_EXCEPTION(IoError,
                                 DicomDeidentifier().run(str(dir.filePath("in")), str(dir.filePath("in/out"))));
    }

    void progressAndCancellation()
    {
        QTemporaryDir dir;
        copySample("CT_small.dcm", dir.filePath("in/a"));
        copySample("MR_small.dcm", dir.filePath("in/b"));
        std::vector<double> fractions;
        TaskControl control;
        control.progress = [&](double fraction, const std::string&) { fractions.push_back(fraction); };
        QCOMPARE(DicomDeidentifier().run(str(dir.filePath("in")), str(dir.filePath("out")), control).written(), 2);
        QCOMPARE(fractions, std::vector<double>({0.5, 1.0}));
        control.isCancelled = [] { return true; };
        QVERIFY_THROWS_EXCEPTION(OperationCancelled, DicomDeidentifier().run(str(dir.filePath("in")),
                                                                             str(dir.filePath("stopped")), control));
        QCOMPARE(QDir(dir.filePath("stopped")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size(), 0);
    }

    void cliWritesOnlyDicomFiles()
    {
        QTemporaryDir dir;
        copySample("CT_small.dcm", dir.filePath("in/a"));
        copySample("MR_small.dcm", dir.filePath("in/b"));
        const QString outDir = dir.filePath("out");
        const QString cli = QStringLiteral(RADPATH_BIN_DIR "/radpath-cli");
        QProcess p;
        p.start(cli, {"deidentify", dir.filePath("in"), outDir, "--shift-dates", "-10"});
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromLocal8Bit(p.readAllStandardOutput());
        QVERIFY2(p.exitCode() == 0, qPrintable(out + p.readAllStandardError()));
        QVERIFY2(out.contains("2 written, 0 failed"), qPrintable(out));
        QDirIterator it(outDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        for (; it.hasNext(); ++files) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(it.filePath().endsWith(".dcm") && f.read(132).mid(128) == "DICM", qPrintable(it.filePath()));
        }
        QCOMPARE(files, 2);
        QVERIFY(!out.contains("CompressedSamples")); // CT_small's patient name

        QFile bad(dir.filePath("in/bad.dcm"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray(128, '\0') + "DICM" + QByteArray(20, '\x7f'));
        bad.close();
        p.start(cli, {"deidentify", dir.filePath("in"), dir.filePath("out2")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(QString::fromLocal8Bit(p.readAllStandardError()).contains(bad.fileName()));
        for (const QStringList& wrong :
             {QStringList{"deidentify", dir.filePath("in")},
              QStringList{"deidentify", dir.filePath("in"), outDir, "--keep-dates", "--shift-dates", "3"},
              QStringList{"deidentify", dir.filePath("in"), outDir, "--shift-dates", "x"},
              QStringList{"deidentify", dir.filePath("in"), outDir, "--bogus"}}) {
            p.start(cli, wrong);
            QVERIFY(p.waitForFinished(60000));
            QCOMPARE(p.exitCode(), 2);
        }
    }

private:
    static QStringList codes(DcmDataset& ds)
    {
        QStringList values;
        DcmItem* item = nullptr;
        for (long i = 0; ds.findAndGetSequenceItem(DCM_DeidentificationMethodCodeSequence, item, i).good(); ++i)
            values << QString::fromStdString(text(*item, DCM_CodeValue)) +
                          (text(*item, DCM_CodingSchemeDesignator) == "DCM" ? "" : "?");
        return values;
    }
};

QTEST_GUILESS_MAIN(DeidentifyTest)
#include "DeidentifyTest.moc"
