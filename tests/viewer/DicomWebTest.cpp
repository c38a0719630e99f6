// DICOMweb against a real Orthanc (its DICOMweb plugin): STOW-RS, QIDO-RS, WADO-RS,
// cancellation, HTTP Basic authentication, the errors users meet (closed port, wrong base
// path, silent server), answers a tiny fake server garbles (malformed DICOM JSON, truncated
// multipart, STOW-RS failures, a reset connection) and radpath-cli pacs --url. The data: the
// CT of `radpath-cli make-demo --small` (96x96x64), written here as PacsTest writes it.

#include "FakeHttpServer.h"
#include "OrthancFixture.h"
#include "PacsTestSupport.h"

#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/net/DicomWebClient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <functional>
#include <future>
#include <map>
#include <optional>
#include <thread>

using namespace radpath::viewer;
using namespace radpath::viewer::net;
using namespace radpath::test;
using radpath::test::FakeHttpServer;
using radpath::test::OrthancFixture;
using radpath::test::OrthancOptions;

namespace {

constexpr int kSlices = 64;
const char* const kPatientId = "RP-WEB-0001";
const char* const kUser = "radpath";
const char* const kPassword = "s3cret-Pw";



QStringList allEntries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

std::optional<PacsError> errorOf(const std::function<void()>& call)
{
    try {
        call();
    } catch (const PacsError& e) {
        return e;
    }
    return std::nullopt;
}

// Runs `call` on a std::thread (no Qt event loop there) while this thread's event loop runs
// (for a FakeHttpServer); its result or exception comes back. Bounded by the clients' timeouts.
template <typename Call> auto onWorker(Call call) -> decltype(call())
{
    std::packaged_task<decltype(call())()> task(std::move(call));
    auto result = task.get_future();
    std::thread worker(std::move(task));
    const bool done =
        QTest::qWaitFor([&] { return result.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }, 60000);
    Q_UNUSED(done) // a call still running after 60 s ends by its own timeouts; join() waits for it
    worker.join();
    return result.get();
}



} // namespace

class DicomWebTest : public QObject {
    Q_OBJECT


    static DicomWebTimeouts quick()
    {
        DicomWebTimeouts t;
        t.connectSeconds = 5;
        t.answerSeconds = 15;
        return t;
    }
    DicomWebClient client(DicomWebAuth auth = {}) const
    {
        return DicomWebClient(m_orthanc->dicomWebUrl().toStdString(), std::move(auth), quick());
    }

    // The folder holds exactly the wanted instances, as DICOM files named by SOP Instance UID,
    // each equal to its original in UID, patient, position and pixel bytes.
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
        meta.patientName = "RADPATH^WEB";
        meta.patientId = kPatientId;
        meta.studyDate = "20260115";
        meta.studyDescription = "RadPath DICOMweb test";
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
            QCOMPARE(int(reports.size()), kSlices / DicomWebClient::kStoreBatchFiles); // one per request
            QCOMPARE(reports.back().completed, kSlices);
            QCOMPARE(reports.back().remaining, 0);
            QCOMPARE(reports.back().failed, 0);

            const QJsonArray studies = m_orthanc->rest("GET", "/studies").json().array();
            QCOMPARE(studies.size(), 1);
            const QString id = studies[0].toString();
            const QJsonObject study = m_orthanc->rest("GET", "/studies/" + id).json().object();
            QCOMPARE(study["MainDicomTags"].toObject()["StudyInstanceUID"].toString(),
                     QString::fromStdString(m_meta.studyInstanceUid));
            QCOMPARE(study["PatientMainDicomTags"].toObject()["PatientID"].toString(), QString::fromLatin1(kPatientId));
            QCOMPARE(m_orthanc->rest("GET", "/studies/" + id + "/instances").json().array().size(), kSlices);
        });
    }

    void findStudiesByIdDateNameAndModality()
    {
        guarded([&] {
            PacsQuery byId;
            byId.patientId = kPatientId;
            const std::vector<PacsStudy> found = client().findStudies(byId);
            QCOMPARE(int(found.size()), 1);
            const PacsStudy& s = found[0];
            QCOMPARE(QString::fromStdString(s.studyUid), QString::fromStdString(m_meta.studyInstanceUid));
            QCOMPARE(QString::fromStdString(s.patientName), QStringLiteral("RADPATH^WEB"));
            QCOMPARE(QString::fromStdString(s.patientId), QString::fromLatin1(kPatientId));
            QCOMPARE(QString::fromStdString(s.studyDate), QStringLiteral("20260115"));
            QCOMPARE(QString::fromStdString(s.description), QStringLiteral("RadPath DICOMweb test"));
            QVERIFY(s.modalities == std::vector<std::string>{"CT"});
            QCOMPARE(s.seriesCount, 1);
            QCOMPARE(s.instanceCount, kSlices);

            const auto count = [&](const std::function<void(PacsQuery&)>& set) {
                PacsQuery q;
                set(q);
                return int(client().findStudies(q).size());
            };
            QCOMPARE(count([](PacsQuery& q) { q.studyDateFrom = "20260101", q.studyDateTo = "20260131"; }), 1);
            QCOMPARE(count([](PacsQuery& q) { q.studyDateFrom = "20260115"; }), 1); // open end
            QCOMPARE(count([](PacsQuery& q) { q.studyDateFrom = "20250101", q.studyDateTo = "20251231"; }), 0);
            QCOMPARE(count([](PacsQuery& q) { q.patientName = "RADPATH*"; }), 1);
            QCOMPARE(count([](PacsQuery& q) { q.patientName = "RADPATH?W*"; }), 1);
            QCOMPARE(count([](PacsQuery& q) { q.patientName = "NOBODY*"; }), 0);
            QCOMPARE(count([](PacsQuery& q) { q.modality = "CT", q.patientId = kPatientId; }), 1);
            QCOMPARE(count([](PacsQuery& q) { q.modality = "MR"; }), 0);
        });
    }

    void findSeriesWithInstanceCount()
    {
        guarded([&] {
            PacsQuery q;
            q.studyUid = m_meta.studyInstanceUid;
            const std::vector<PacsSeries> series = client().findSeries(q);
            QCOMPARE(int(series.size()), 1);
            QCOMPARE(QString::fromStdString(series[0].seriesUid), QString::fromStdString(m_meta.seriesInstanceUid));
            QCOMPARE(QString::fromStdString(series[0].studyUid), QString::fromStdString(m_meta.studyInstanceUid));
            QCOMPARE(QString::fromStdString(series[0].modality), QStringLiteral("CT"));
            QCOMPARE(QString::fromStdString(series[0].description), QStringLiteral("CT phantom"));
            QCOMPARE(series[0].number, 1);
            QCOMPARE(series[0].instanceCount, kSlices);
            q.modality = "MR";
            QVERIFY(client().findSeries(q).empty());
            q.studyUid.clear();
            const auto e = errorOf([&] { client().findSeries(q); });
            QVERIFY(e && e->kind() == PacsError::Kind::Request);
        });
    }

    void getRetrievesTheStudyAndOneSeries()
    {
        guarded([&] {
            // On a plain std::thread: the client needs no running event loop.
            const QString out = QDir(m_work.path()).filePath("wado-study");
            std::vector<TransferProgress> reports;
            const DicomWebClient c = client();
            const TransferResult result = onWorker([&] {
                return c.get(m_meta.studyInstanceUid, {}, out.toStdString(), {},
                             [&](const TransferProgress& p) { reports.push_back(p); });
            });
            checkRetrieved(out, result);
            if (QTest::currentTestFailed())
                return;
            QCOMPARE(int(reports.size()), kSlices); // one per instance
            QCOMPARE(reports.front().remaining, kSlices - 1);
            QCOMPARE(reports.back().completed, kSlices);
            QCOMPARE(reports.back().remaining, 0);

            const QString seriesOut = QDir(m_work.path()).filePath("wado-series");
            checkRetrieved(seriesOut,
                           client().get(m_meta.studyInstanceUid, m_meta.seriesInstanceUid, seriesOut.toStdString()));

            const auto e = errorOf([&] { client().get("not a uid", {}, m_work.filePath("x").toStdString()); });
            QVERIFY(e && e->kind() == PacsError::Kind::Request);
            const auto missing = errorOf([&] { client().get("1.2.3.4", {}, m_work.filePath("y").toStdString()); });
            QVERIFY(missing.has_value());
            QVERIFY2(QString(missing->what()).contains("not found (HTTP 404"), missing->what());
            QVERIFY(allEntries(m_work.filePath("y")).isEmpty());
        });
    }

    void cancelledGetLeavesOnlyCompleteFiles()
    {
        guarded([&] {
            const QString out = QDir(m_work.path()).filePath("wado-cancelled");
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
            client().echo(); // the server answers the next request
        });
    }

    void connectionErrorsSayWhatAndWhere()
    {
        guarded([&] {
            client().echo();
            // A closed port; credentials in the URL never show.
            const int closed = OrthancFixture::freeLoopbackPort();
            auto e = errorOf([&] {
                DicomWebClient(QStringLiteral("http://who:secret@127.0.0.1:%1/dicom-web/").arg(closed).toStdString())
                    .echo();
            });
            QVERIFY(e.has_value());
            QCOMPARE(e->kind(), PacsError::Kind::Connect);
            QCOMPARE(QString(e->what()),
                     QStringLiteral("cannot connect to http://127.0.0.1:%1/dicom-web/studies: connection refused")
                         .arg(closed));

            // A base path the server does not have.
            const QString wrong = QStringLiteral("http://127.0.0.1:%1/no-such-root").arg(m_orthanc->httpPort());
            e = errorOf([&] { DicomWebClient(wrong.toStdString()).echo(); });
            QVERIFY(e.has_value());
            QCOMPARE(e->kind(), PacsError::Kind::Failed);
            QVERIFY2(QString(e->what()).startsWith(wrong + "/studies: not found (HTTP 404"), e->what());
            QVERIFY2(QString(e->what()).contains("DICOMweb base URL"), e->what());
            PacsQuery q;
            q.patientId = kPatientId; // query values are patient data: never in messages
            e = errorOf([&] { DicomWebClient(wrong.toStdString()).findStudies(q); });
            QVERIFY(e && !QString(e->what()).contains(kPatientId));

            // A server that accepts the connection and never answers.
            QTcpServer silent;
            QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
            DicomWebTimeouts oneSecond;
            oneSecond.answerSeconds = 1;
            QElapsedTimer timer;
            timer.start();
            e = errorOf([&] {
                DicomWebClient(QStringLiteral("http://127.0.0.1:%1/dw").arg(silent.serverPort()).toStdString(), {},
                               oneSecond)
                    .echo();
            });
            QVERIFY(e.has_value());
            QCOMPARE(e->kind(), PacsError::Kind::Timeout);
            QVERIFY2(QString(e->what()).contains("no answer within 1 s"), e->what());
            QVERIFY2(timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));

            e = errorOf([] { DicomWebClient("ftp://127.0.0.1/x"); });
            QVERIFY(e && e->kind() == PacsError::Kind::Request);
        });
    }

    void malformedQidoJsonIsNamed()
    {
        guarded([&] {
            const QByteArray json = "application/dicom+json";
            FakeHttpServer server({
                FakeHttpServer::answer(200, json, R"([{"0020000D": {"vr": "UI", "Value": ["1.2.3"]},)"),
                FakeHttpServer::answer(200, json, R"({"studies": []})"),
                FakeHttpServer::answer(200, json, R"([{"0020000D": {"Value": ["1.2.3"]}}])"),
                FakeHttpServer::answer(200, "text/html", "<html><body>Login</body></html>"),
            });
            const std::string base = server.url().toStdString();
            const QString where = server.url() + "/studies: the answer is not DICOM JSON: ";
            PacsQuery q;
            q.patientId = "SECRET-ID";
            const QStringList expected{"", "expected an array of data sets", "element 0020000D has no \"vr\"",
                                       "(Content-Type text/html)"};
            for (const QString& why : expected) {
                const auto e = onWorker([&] { return errorOf([&] { DicomWebClient(base).findStudies(q); }); });
                QVERIFY2(e.has_value(), qPrintable(why));
                QCOMPARE(e->kind(), PacsError::Kind::Protocol);
                QVERIFY2(QString(e->what()).startsWith(where), e->what());
                QVERIFY2(QString(e->what()).contains(why), e->what());
                QVERIFY2(!QString(e->what()).contains("SECRET"), e->what());
            }
            QCOMPARE(server.requests().size(), 4);
            QVERIFY2(server.requests()[0].contains("PatientID=SECRET-ID&fuzzymatching=false"), server.requests()[0]);
        });
    }

    void truncatedMultipartWritesNothing()
    {
        guarded([&] {
            QFile file(QString::fromStdString(m_files.front()));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray dicom = file.readAll();
            const QByteArray type = R"(multipart/related; type="application/dicom"; boundary="b0und4ry")";
            const QByteArray part = "--b0und4ry\r\nContent-Type: application/dicom\r\n\r\n";
            const QByteArray noCount = FakeHttpServer::answer(404, {}, {}); // get() asks QIDO-RS first
            const auto closeDelimited = [](const QByteArray& head, const QByteArray& body) {
                return "HTTP/1.1 200 OK\r\nContent-Type: " + head + "\r\nConnection: close\r\n\r\n" + body;
            };
            struct Case {
                QByteArray answer;
                PacsError::Kind kind;
                QString says;
            };
            const std::vector<Case> cases{
                // The connection closes inside the first part (no length given).
                {closeDelimited(type, part + dicom.left(5000)), PacsError::Kind::Aborted,
                 "the answer is truncated: the multipart body ends before its closing boundary; 0 complete "
                 "instances written"},
                // A Content-Length that promises more than comes.
                {FakeHttpServer::answer(200, type, part + dicom.left(5000), 100000), PacsError::Kind::Aborted,
                 "the answer is truncated"},
                // A complete part that is no DICOM file.
                {closeDelimited(type, part + "not DICOM\r\n--b0und4ry--\r\n"), PacsError::Kind::Protocol,
                 "part 1 is not a DICOM file"},
                {closeDelimited("application/json", "[]"), PacsError::Kind::Protocol, "is not multipart/related"},
            };
            int index = 0;
            for (const Case& c : cases) {
                FakeHttpServer server({noCount, c.answer});
                const QString out = QDir(m_work.path()).filePath("truncated-" + QString::number(++index));
                const auto e = onWorker([&] {
                    return errorOf([&] {
                        DicomWebClient(server.url().toStdString()).get(m_meta.studyInstanceUid, {}, out.toStdString());
                    });
                });
                QVERIFY2(e.has_value(), qPrintable(c.says));
                QCOMPARE(e->kind(), c.kind);
                QVERIFY2(QString(e->what()).startsWith(server.url() + "/studies/"), e->what());
                QVERIFY2(QString(e->what()).contains(c.says), e->what());
                QVERIFY2(allEntries(out).isEmpty(), qPrintable(allEntries(out).join(' ')));
            }
        });
    }

    void resetConnectionIsTriedOnceMore()
    {
        guarded([&] {
            FakeHttpServer once({QByteArray(), FakeHttpServer::answer(200, "application/dicom+json", "[]")});
            const auto found = onWorker([&] { return DicomWebClient(once.url().toStdString()).findStudies({}); });
            QVERIFY(found.empty());
            QVERIFY(once.connections() >= 2);

            FakeHttpServer always({QByteArray()});
            const auto e =
                onWorker([&] { return errorOf([&] { DicomWebClient(always.url().toStdString()).echo(); }); });
            QVERIFY(e.has_value());
            QCOMPARE(e->kind(), PacsError::Kind::Aborted);
            QVERIFY2(QString(e->what()).contains("closed the connection"), e->what());
        });
    }

    void storeFailuresNameTheCounts()
    {
        guarded([&] {
            const std::vector<std::string> two{m_files[0], m_files[1]};
            const QString failedUid = readInstance(QString::fromStdString(m_files[1])).sopUid;
            const QByteArray body = R"({"00081198": {"vr": "SQ", "Value": [{"00081155": {"vr": "UI", "Value": [")" +
                                    failedUid.toLatin1() + R"("]}, "00081197": {"vr": "US", "Value": [42752]}}]}})";
            FakeHttpServer server(
                {FakeHttpServer::answer(202, "application/dicom+json", body), FakeHttpServer::answer(409, {}, {})});
            auto e = onWorker([&] { return errorOf([&] { DicomWebClient(server.url().toStdString()).store(two); }); });
            QVERIFY(e.has_value());
            QCOMPARE(e->kind(), PacsError::Kind::Failed);
            QVERIFY2(QString(e->what()).contains(
                         "did not store 1 of 2 files; the first: " + QString::fromStdString(m_files[1]) +
                         ": failure reason 0xA700 (out of resources)"),
                     e->what());
            QVERIFY2(server.requests()[0].contains("multipart/related; type=\"application/dicom\"; boundary="),
                     server.requests()[0]);
            e = onWorker([&] { return errorOf([&] { DicomWebClient(server.url().toStdString()).store(two); }); });
            QVERIFY(e.has_value());
            QVERIFY2(QString(e->what()).contains("did not store 2 of 2 files") &&
                         QString(e->what()).contains("HTTP 409"),
                     e->what());
            e = errorOf([&] { client().store({m_ctDir.toStdString() + "/missing.dcm"}); });
            QVERIFY(e && e->kind() == PacsError::Kind::Local);
        });
    }

    void basicAuthentication()
    {
        guarded([&] {
            OrthancOptions options;
            options.registeredUsers = {{kUser, kPassword}};
            m_secured = std::make_unique<OrthancFixture>(options);
            QString error;
            QVERIFY2(m_secured->start(&error), qPrintable(error));
            const std::string url = m_secured->dicomWebUrl().toStdString();

            const DicomWebClient right(url, DicomWebAuth::basic(kUser, kPassword), quick());
            right.echo();
            QCOMPARE(right.store({m_files[0]}).completed, 1);
            QCOMPARE(int(right.findStudies({}).size()), 1);

            for (const DicomWebAuth& auth :
                 {DicomWebAuth::basic(kUser, "wrong"), DicomWebAuth{}, DicomWebAuth::bearer("not-a-token")}) {
                const auto e = errorOf([&] { DicomWebClient(url, auth, quick()).findStudies({}); });
                QVERIFY(e.has_value());
                QCOMPARE(e->kind(), PacsError::Kind::Rejected);
                QVERIFY2(QString(e->what()).contains("/dicom-web/studies: authentication failed (HTTP 401"), e->what());
                QVERIFY2(!QString(e->what()).contains("wrong") && !QString(e->what()).contains(kPassword), e->what());
            }
        });
    }

    void cliOverDicomWeb()
    {
        guarded([&] {
            const QStringList web{"--url", m_orthanc->dicomWebUrl()};
            Run r = runCli(QStringList{"pacs", "echo"} + web);
            QVERIFY2(r.code == 0, qPrintable(r.err));

            r = runCli(QStringList{"pacs", "find"} + web +
                       QStringList{"--patient-id", kPatientId, "--study-date", "20260101-20260131"});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            const QJsonArray studies = QJsonDocument::fromJson(r.out).array();
            QCOMPARE(studies.size(), 1);
            QCOMPARE(studies[0].toObject()["studyUid"].toString(), QString::fromStdString(m_meta.studyInstanceUid));
            QCOMPARE(studies[0].toObject()["instances"].toInt(), kSlices);
            r = runCli(QStringList{"pacs", "find"} + web +
                       QStringList{"--level", "series", "--study", QString::fromStdString(m_meta.studyInstanceUid)});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QCOMPARE(QJsonDocument::fromJson(r.out).array()[0].toObject()["instances"].toInt(), kSlices);

            const QString out = QDir(m_work.path()).filePath("cli-wado");
            r = runCli(QStringList{"pacs", "get"} + web +
                       QStringList{"--study", QString::fromStdString(m_meta.studyInstanceUid), "--out", out});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QCOMPARE(QJsonDocument::fromJson(r.out).object()["files"].toInt(), kSlices);
            QCOMPARE(allEntries(out).size(), kSlices);
            QCOMPARE(QDir(out).entryList({"*.dcm"}, QDir::Files).size(), kSlices);

            // Authentication: the password from the environment, or a wrong one.
            QVERIFY(m_secured);
            const QStringList secured{"--url", m_secured->dicomWebUrl(), "--user", kUser};
            r = runCli(QStringList{"pacs", "send"} + secured + QStringList{m_ctDir},
                       {QStringLiteral("RADPATH_PACS_PASSWORD=") + kPassword});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QCOMPARE(QJsonDocument::fromJson(r.out).object()["completed"].toInt(), kSlices);
            r = runCli(QStringList{"pacs", "echo"} + secured + QStringList{"--password", "wrong"});
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains("authentication failed"), qPrintable(r.err));

            // Command lines that cannot work: exit 2.
            QCOMPARE(runCli(QStringList{"pacs", "echo"} + secured).code, 2); // no password anywhere
            r = runCli(QStringList{"pacs", "move"} + web + QStringList{"--study", "1.2.3", "--out", out});
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains("DIMSE only"), qPrintable(r.err));
            QCOMPARE(runCli(QStringList{"pacs", "echo", "--host", "127.0.0.1"} + web).code, 2);
            QCOMPARE(runCli({"pacs", "echo", "--url", "ftp://x/y"}).code, 2);
            QCOMPARE(runCli({"pacs", "echo", "--host", "h", "--port", "104", "--aet", "A", "--token", "t"}).code, 2);
            r = runCli({"pacs", "echo", "--url",
                        QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(OrthancFixture::freeLoopbackPort())});
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains("connection refused"), qPrintable(r.err));
        });
    }

private:
    QTemporaryDir m_work;
    std::unique_ptr<OrthancFixture> m_orthanc;
    std::unique_ptr<OrthancFixture> m_secured; ///< with HTTP Basic authentication
    QString m_ctDir;
    DicomSeriesMeta m_meta;
    std::vector<std::string> m_files;
    std::map<QString, Instance> m_originals;
};

QTEST_GUILESS_MAIN(DicomWebTest)
#include "DicomWebTest.moc"
