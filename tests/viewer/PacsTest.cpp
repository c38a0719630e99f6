// DICOM networking against a real Orthanc: C-STORE, C-FIND, C-GET, C-MOVE, cancellation,
// a non-image object, the errors users meet (closed port, wrong AE title, silent peer) and
// radpath-cli pacs. The data: the CT of `radpath-cli make-demo --small` (96x96x64, one file
// per slice), written here with the same phantom and writer.

#include "OrthancFixture.h"
#include "PacsTestSupport.h"

#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/net/DimseClient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <functional>
#include <map>
#include <optional>

using namespace radpath::viewer;
using namespace radpath::viewer::net;
using namespace radpath::test;
using radpath::test::OrthancFixture;

namespace {

constexpr int kSlices = 64;
const char* const kPatientId = "RP-PACS-0001";



QStringList allEntries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}



// A small DICOM Encapsulated PDF of another patient.
QString writeEncapsulatedPdf(const QString& path, std::string* sopUid)
{
    DcmFileFormat file;
    DcmDataset* ds = file.getDataset();
    *sopUid = newDicomUid();
    const std::string pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
    ds->putAndInsertString(DCM_SOPClassUID, UID_EncapsulatedPDFStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, sopUid->c_str());
    ds->putAndInsertString(DCM_StudyInstanceUID, newDicomUid().c_str());
    ds->putAndInsertString(DCM_SeriesInstanceUID, newDicomUid().c_str());
    ds->putAndInsertString(DCM_PatientName, "RADPATH^DOCUMENT");
    ds->putAndInsertString(DCM_PatientID, "RP-PACS-0002");
    ds->putAndInsertString(DCM_StudyDate, "20260120");
    ds->putAndInsertString(DCM_Modality, "DOC");
    ds->putAndInsertString(DCM_SeriesNumber, "1");
    ds->putAndInsertString(DCM_InstanceNumber, "1");
    ds->putAndInsertString(DCM_ConversionType, "WSD");
    ds->putAndInsertString(DCM_BurnedInAnnotation, "NO");
    ds->putAndInsertString(DCM_DocumentTitle, "RadPath report");
    ds->putAndInsertString(DCM_MIMETypeOfEncapsulatedDocument, "application/pdf");
    ds->putAndInsertUint8Array(DCM_EncapsulatedDocument, reinterpret_cast<const Uint8*>(pdf.data()),
                               unsigned(pdf.size()));
    return file.saveFile(path.toLocal8Bit().constData(), EXS_LittleEndianExplicit).good() ? path : QString();
}

} // namespace

class PacsTest : public QObject {
    Q_OBJECT

    // Runs a test body; an exception fails the test with its message.

    DimseClient client(const QString& calledAe = QStringLiteral("ORTHANC")) const
    {
        PacsNode node;
        node.aeTitle = calledAe.toStdString();
        node.host = "127.0.0.1";
        node.port = m_orthanc->dicomPort();
        node.localPort = m_orthanc->radpathPort();
        DimseTimeouts timeouts;
        timeouts.connectSeconds = 5;
        timeouts.acseSeconds = timeouts.dimseSeconds = 15;
        return DimseClient(node, timeouts);
    }

    // The retrieved folder holds exactly the series, as DICOM files named by SOP Instance UID.
    void checkRetrieved(const QString& dir, const TransferResult& result)
    {
        QCOMPARE(result.completed, kSlices);
        QCOMPARE(int(result.files.size()), kSlices);
        const QStringList entries = allEntries(dir);
        QCOMPARE(entries.size(), kSlices);
        for (const QString& name : entries) {
            QVERIFY2(name.endsWith(QLatin1String(".dcm")), qPrintable(name));
            const Instance copy = readInstance(QDir(dir).filePath(name));
            QVERIFY2(copy.loaded, qPrintable(name));
            QCOMPARE(copy.sopUid + ".dcm", name);
            QVERIFY2(m_originals.count(copy.sopUid), qPrintable(copy.sopUid));
            const Instance& original = m_originals.at(copy.sopUid);
            QCOMPARE(copy.patientId, original.patientId);
            QCOMPARE(copy.seriesUid, original.seriesUid);
            QCOMPARE(copy.position, original.position);
            QCOMPARE(copy.pixels.size(), 96 * 96 * 2);
            QVERIFY2(copy.pixels == original.pixels, qPrintable(name));
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        m_orthanc = std::make_unique<OrthancFixture>();
        QString error;
        QVERIFY2(m_orthanc->start(&error), qPrintable(error));

        DicomSeriesMeta meta;
        meta.patientName = "RADPATH^PACS";
        meta.patientId = kPatientId;
        meta.studyDate = "20260115";
        meta.studyDescription = "RadPath PACS test";
        meta.seriesDescription = "CT phantom";
        m_ctDir = QDir(m_work.path()).filePath("ct");
        WrittenSeries written = writeSmallDemoCt(m_ctDir, meta, kSlices);
        m_meta = written.meta;
        m_files = std::move(written.files);
        m_originals = std::move(written.originals);
        for (const auto& [uid, instance] : m_originals)
            QVERIFY2(instance.loaded && !instance.pixels.isEmpty(), qPrintable(uid));
        QCOMPARE(int(m_files.size()), kSlices);
    }

    void storeSendsTheSeries()
    {
        guarded([&] {
            std::vector<TransferProgress> reports;
            const TransferResult result =
                client().store(m_files, {}, [&](const TransferProgress& p) { reports.push_back(p); });
            QCOMPARE(result.completed, kSlices);
            QCOMPARE(int(reports.size()), kSlices);
            QCOMPARE(reports.back().remaining, 0);
            QCOMPARE(reports.back().failed, 0);

            const QJsonArray studies = m_orthanc->rest("GET", "/studies").json().array();
            QCOMPARE(studies.size(), 1);
            const QString id = studies[0].toString();
            const QJsonObject study = m_orthanc->rest("GET", "/studies/" + id).json().object();
            QCOMPARE(study["MainDicomTags"].toObject()["StudyInstanceUID"].toString(),
                     QString::fromStdString(m_meta.studyInstanceUid));
            QCOMPARE(m_orthanc->rest("GET", "/studies/" + id + "/instances").json().array().size(), kSlices);
        });
    }

    void findStudiesByIdDateAndName()
    {
        guarded([&] {
            PacsQuery byId;
            byId.patientId = kPatientId;
            const std::vector<PacsStudy> found = client().findStudies(byId);
            QCOMPARE(int(found.size()), 1);
            const PacsStudy& s = found[0];
            QCOMPARE(QString::fromStdString(s.studyUid), QString::fromStdString(m_meta.studyInstanceUid));
            QCOMPARE(QString::fromStdString(s.patientName), QStringLiteral("RADPATH^PACS"));
            QCOMPARE(QString::fromStdString(s.patientId), QString::fromLatin1(kPatientId));
            QCOMPARE(QString::fromStdString(s.studyDate), QStringLiteral("20260115"));
            QCOMPARE(QString::fromStdString(s.description), QStringLiteral("RadPath PACS test"));
            QVERIFY(s.modalities == std::vector<std::string>{"CT"});
            QCOMPARE(s.seriesCount, 1);
            QCOMPARE(s.instanceCount, kSlices);

            PacsQuery byDate;
            byDate.studyDateFrom = "20260101";
            byDate.studyDateTo = "20260131";
            QCOMPARE(int(client().findStudies(byDate).size()), 1);
            PacsQuery byName;
            byName.patientName = "RADPATH^P*";
            byName.modality = "CT";
            QCOMPARE(int(client().findStudies(byName).size()), 1);

            PacsQuery otherYear;
            otherYear.studyDateFrom = "20250101";
            otherYear.studyDateTo = "20251231";
            QVERIFY(client().findStudies(otherYear).empty());
            PacsQuery nobody;
            nobody.patientName = "NOBODY*";
            QVERIFY(client().findStudies(nobody).empty());
        });
    }

    void findSeriesOfTheStudy()
    {
        guarded([&] {
            PacsQuery q;
            q.studyUid = m_meta.studyInstanceUid;
            const std::vector<PacsSeries> series = client().findSeries(q);
            QCOMPARE(int(series.size()), 1);
            QCOMPARE(QString::fromStdString(series[0].seriesUid), QString::fromStdString(m_meta.seriesInstanceUid));
            QCOMPARE(QString::fromStdString(series[0].modality), QStringLiteral("CT"));
            QCOMPARE(QString::fromStdString(series[0].description), QStringLiteral("CT phantom"));
            QCOMPARE(series[0].number, 1);
            QCOMPARE(series[0].instanceCount, kSlices);
            q.modality = "MR";
            QVERIFY(client().findSeries(q).empty());
        });
    }

    void getRetrievesTheStudy()
    {
        guarded([&] {
            const QString out = QDir(m_work.path()).filePath("get-study");
            TransferProgress last;
            int reports = 0;
            const TransferResult result = client().get(m_meta.studyInstanceUid, {}, out.toStdString(), {},
                                                       [&](const TransferProgress& p) { last = p, ++reports; });
            checkRetrieved(out, result);
            if (QTest::currentTestFailed())
                return;
            QVERIFY(reports >= 1);
            QCOMPARE(last.completed, kSlices);
            QCOMPARE(last.remaining, 0);

            const QString seriesOut = QDir(m_work.path()).filePath("get-series");
            checkRetrieved(seriesOut,
                           client().get(m_meta.studyInstanceUid, m_meta.seriesInstanceUid, seriesOut.toStdString()));
        });
    }

    void moveRetrievesTheStudy()
    {
        guarded([&] {
            const QString out = QDir(m_work.path()).filePath("move-study");
            TransferProgress last;
            const TransferResult result = client().move(m_meta.studyInstanceUid, {}, out.toStdString(), {},
                                                        [&](const TransferProgress& p) { last = p; });
            checkRetrieved(out, result);
            if (QTest::currentTestFailed())
                return;
            QCOMPARE(last.completed, kSlices);
            // The storage SCP is gone once move() returns.
            QTcpServer probe;
            QVERIFY2(probe.listen(QHostAddress::Any, quint16(m_orthanc->radpathPort())), "the SCP port is still taken");
        });
    }

    void cancelledGetLeavesOnlyCompleteFiles()
    {
        guarded([&] {
            const QString out = QDir(m_work.path()).filePath("get-cancelled");
            TaskControl control;
            control.isCancelled = [&out] { return QDir(out).entryList({"*.dcm"}, QDir::Files).size() >= 3; };
            bool cancelled = false;
            try {
                client().get(m_meta.studyInstanceUid, {}, out.toStdString(), control);
            } catch (const OperationCancelled&) {
                cancelled = true;
            }
            QVERIFY(cancelled);
            const QStringList entries = allEntries(out);
            QVERIFY2(entries.size() >= 3 && entries.size() < kSlices, qPrintable(QString::number(entries.size())));
            for (const QString& name : entries) {
                QVERIFY2(name.endsWith(QLatin1String(".dcm")), qPrintable(name));
                const Instance copy = readInstance(QDir(out).filePath(name));
                QVERIFY(copy.loaded);
                QVERIFY(copy.pixels == m_originals.at(copy.sopUid).pixels);
            }
            // The association ended cleanly: the PACS answers the next request.
            client().echo();
        });
    }

    void storesANonImageObject()
    {
        guarded([&] {
            std::string sopUid;
            const QString pdf = writeEncapsulatedPdf(QDir(m_work.path()).filePath("report.dcm"), &sopUid);
            QVERIFY(!pdf.isEmpty());
            QCOMPARE(client().store({pdf.toStdString()}).completed, 1);

            const QJsonObject query{{"Level", "Instance"},
                                    {"Query", QJsonObject{{"SOPInstanceUID", QString::fromStdString(sopUid)}}}};
            const QJsonArray ids = m_orthanc->rest("POST", "/tools/find", QJsonDocument(query).toJson()).json().array();
            QCOMPARE(ids.size(), 1);
            const QJsonObject tags =
                m_orthanc->rest("GET", "/instances/" + ids[0].toString() + "/simplified-tags").json().object();
            QCOMPARE(tags["SOPClassUID"].toString(), QStringLiteral(UID_EncapsulatedPDFStorage));
            QCOMPARE(tags["MIMETypeOfEncapsulatedDocument"].toString(), QStringLiteral("application/pdf"));
            QCOMPARE(tags["PatientID"].toString(), QStringLiteral("RP-PACS-0002"));
            QCOMPARE(m_orthanc->rest("GET", "/studies").json().array().size(), 2);
        });
    }

    void echoAndItsErrors()
    {
        guarded([&] {
            client().echo();

            const auto errorOf = [](const std::function<void()>& call) -> std::optional<PacsError> {
                try {
                    call();
                } catch (const PacsError& e) {
                    return e;
                }
                return std::nullopt;
            };
            // A closed port.
            const int closed = OrthancFixture::freeLoopbackPort();
            PacsNode node = client().node();
            node.port = closed;
            auto e = errorOf([&] { DimseClient(node).echo(); });
            QVERIFY(e.has_value());
            QCOMPARE(e->kind(), PacsError::Kind::Connect);
            QCOMPARE(QString(e->what()),
                     QStringLiteral("cannot connect to 127.0.0.1:%1: connection refused").arg(closed));

            // A called AE title Orthanc does not answer to.
            e = errorOf([&] { client("NOTORTHANC").echo(); });
            QVERIFY(e.has_value());
            QCOMPARE(e->kind(), PacsError::Kind::Rejected);
            QVERIFY2(QString(e->what()).contains("rejected the association"), e->what());
            QVERIFY2(QString(e->what()).contains("called AE title not recognized"), e->what());

            // A peer that accepts the connection and never answers: the ACSE timeout.
            QTcpServer silent;
            QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
            node.port = silent.serverPort();
            DimseTimeouts quick;
            quick.acseSeconds = 1;
            QElapsedTimer timer;
            timer.start();
            e = errorOf([&] { DimseClient(node, quick).echo(); });
            QVERIFY(e.has_value());
            QCOMPARE(e->kind(), PacsError::Kind::Timeout);
            QVERIFY2(QString(e->what()).contains("did not answer"), e->what());
            QVERIFY2(timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));

            // Requests that cannot be made.
            e = errorOf([&] { client().get("not a uid", {}, m_work.filePath("x").toStdString()); });
            QVERIFY(e && e->kind() == PacsError::Kind::Request);
            node = client().node();
            node.localPort = 0;
            e = errorOf(
                [&] { DimseClient(node).move(m_meta.studyInstanceUid, {}, m_work.filePath("y").toStdString()); });
            QVERIFY(e && e->kind() == PacsError::Kind::Request);
            node.tls = true; // a client certificate without its key
            node.tlsCertificateFile = m_work.filePath("client.crt").toStdString();
            e = errorOf([&] { DimseClient(node).echo(); });
            QVERIFY(e && e->kind() == PacsError::Kind::Request);
        });
    }

    void cliFindsAndGets()
    {
        guarded([&] {
            const QStringList peer{"--host", "127.0.0.1", "--port", QString::number(m_orthanc->dicomPort()),
                                   "--aet",  "ORTHANC"};
            Run r = runCli(QStringList{"pacs", "echo"} + peer);
            QVERIFY2(r.code == 0, qPrintable(r.err));

            r = runCli(QStringList{"pacs", "find"} + peer +
                       QStringList{"--patient-id", kPatientId, "--study-date", "20260101-20260131"});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            const QJsonArray studies = QJsonDocument::fromJson(r.out).array();
            QCOMPARE(studies.size(), 1);
            QCOMPARE(studies[0].toObject()["studyUid"].toString(), QString::fromStdString(m_meta.studyInstanceUid));
            QCOMPARE(studies[0].toObject()["instances"].toInt(), kSlices);

            r = runCli(QStringList{"pacs", "find"} + peer +
                       QStringList{"--level", "series", "--study", QString::fromStdString(m_meta.studyInstanceUid)});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QCOMPARE(QJsonDocument::fromJson(r.out).array()[0].toObject()["instances"].toInt(), kSlices);

            const QString out = QDir(m_work.path()).filePath("cli-get");
            r = runCli(QStringList{"pacs", "get"} + peer +
                       QStringList{"--study", QString::fromStdString(m_meta.studyInstanceUid), "--out", out});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            const QStringList entries = allEntries(out);
            QCOMPARE(entries.size(), kSlices);
            QCOMPARE(QDir(out).entryList({"*.dcm"}, QDir::Files).size(), kSlices);

            const QString moved = QDir(m_work.path()).filePath("cli-move");
            r = runCli(QStringList{"pacs", "move"} + peer +
                       QStringList{"--my-port", QString::number(m_orthanc->radpathPort()), "--study",
                                   QString::fromStdString(m_meta.studyInstanceUid), "--out", moved});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QCOMPARE(QJsonDocument::fromJson(r.out).object()["files"].toInt(), kSlices);
            QCOMPARE(allEntries(moved).size(), kSlices);
            QCOMPARE(QDir(moved).entryList({"*.dcm"}, QDir::Files).size(), kSlices);

            // Failures: exit 1 with the reason; a wrong command line: exit 2.
            r = runCli({"pacs", "echo", "--host", "127.0.0.1", "--port",
                        QString::number(OrthancFixture::freeLoopbackPort()), "--aet", "ORTHANC"});
            QVERIFY2(r.code == 1, qPrintable(QString::number(r.code) + ": " + r.err));
            QVERIFY2(r.err.contains("connection refused"), qPrintable(r.err));
            QCOMPARE(runCli({"pacs", "find", "--port", "104", "--aet", "X"}).code, 2);
            QCOMPARE(runCli(QStringList{"pacs", "get"} + peer).code, 2);
            QCOMPARE(runCli(QStringList{"pacs", "frobnicate"} + peer).code, 2);
            QCOMPARE(runCli(QStringList{"pacs", "find", "--study-date", "2026"} + peer).code, 2);
        });
    }

private:
    QTemporaryDir m_work;
    std::unique_ptr<OrthancFixture> m_orthanc;
    QString m_ctDir;
    DicomSeriesMeta m_meta;
    std::vector<std::string> m_files;
    std::map<QString, Instance> m_originals;
};

QTEST_GUILESS_MAIN(PacsTest)
#include "PacsTest.moc"
