// DICOM TLS against a real Orthanc with DICOM TLS on: C-ECHO, C-STORE, C-FIND and C-GET over
// TLS (with and without a client certificate), and the failures users meet: a PACS certificate
// from another CA or for another address, plain DIMSE to the TLS port, TLS to a plain port or
// to a peer that never answers, missing or broken certificate and key files; radpath-cli
// pacs --tls. The CA and certificates are made here with the openssl command line.

#include "OrthancFixture.h"
#include "PacsTestSupport.h"

#include "viewer/demo/CtPhantom.h"
#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/net/DimseClient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
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
using radpath::test::OrthancOptions;

namespace {

constexpr int kSlices = 6;
const char* const kPatientId = "RP-TLS-0001";

// Runs `program` with `args` in `dir` for at most 60 s; empty when it succeeded, else why not.
QString runTool(const QString& program, const QStringList& args, const QString& dir)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return QStringLiteral("%1 did not start (install the Debian package 'openssl'): %2")
            .arg(program, p.errorString());
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        return QStringLiteral("%1 %2 did not finish within 60 s").arg(program, args.join(' '));
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("%1 %2 failed: %3").arg(program, args.join(' '), QString::fromLocal8Bit(p.readAll()));
    return {};
}

// A throw-away PKI in `dir`: ca.crt (and other-ca.crt, a CA nobody uses), server.crt for
// 127.0.0.1 and localhost, client.crt; each with its .key. Empty when made, else why not.
QString makeCertificates(const QString& dir)
{
    const QString openssl = QStringLiteral("/usr/bin/openssl");
    const auto ca = [&](const QString& name) {
        return runTool(openssl,
                       {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                        "/CN=RadPath test " + name, "-keyout", name + ".key", "-out", name + ".crt", "-addext",
                        "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"},
                       dir);
    };
    const auto leaf = [&](const QString& name, const QString& subject, const QString& extensions, int serial) {
        QFile ext(QDir(dir).filePath(name + ".ext"));
        if (!ext.open(QIODevice::WriteOnly) || ext.write(extensions.toLatin1()) < 0)
            return QStringLiteral("cannot write %1").arg(ext.fileName());
        ext.close();
        QString error = runTool(
            openssl,
            {"req", "-newkey", "rsa:2048", "-nodes", "-subj", subject, "-keyout", name + ".key", "-out", name + ".csr"},
            dir);
        if (error.isEmpty())
            error = runTool(openssl,
                            {"x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-set_serial",
                             QString::number(serial), "-days", "2", "-extfile", name + ".ext", "-out", name + ".crt"},
                            dir);
        return error;
    };
    for (const QString& error :
         {ca("ca"), ca("other-ca"),
          leaf("server", "/CN=localhost",
               "basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n",
               2),
          leaf("client", "/CN=RADPATH", "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n", 3)})
        if (!error.isEmpty())
            return error;
    return {};
}

QByteArray pixelsOf(const QString& path)
{
    DcmFileFormat file;
    const Uint8* data = nullptr;
    unsigned long count = 0;
    if (file.loadFile(path.toLocal8Bit().constData()).bad() ||
        file.getDataset()->findAndGetUint8Array(DCM_PixelData, data, &count).bad() || !data)
        return {};
    return QByteArray(reinterpret_cast<const char*>(data), int(count));
}

QString sopUidOf(const QString& path)
{
    DcmFileFormat file;
    OFString uid;
    if (file.loadFile(path.toLocal8Bit().constData()).good())
        file.getDataset()->findAndGetOFString(DCM_SOPInstanceUID, uid);
    return QString::fromLatin1(uid.c_str());
}



} // namespace

class PacsTlsTest : public QObject {
    Q_OBJECT


    // The PacsError `body` throws; none when it returns.
    static std::optional<PacsError> errorOf(const std::function<void()>& body)
    {
        try {
            body();
        } catch (const PacsError& e) {
            return e;
        }
        return std::nullopt;
    }

    QString file(const QString& name) const { return QDir(m_work.path()).filePath(name); }

    // RadPath towards the TLS Orthanc, trusting the test CA; short timeouts.
    PacsNode tlsNode() const
    {
        PacsNode node;
        node.aeTitle = "ORTHANC";
        node.host = "127.0.0.1";
        node.port = m_tlsOrthanc->dicomPort();
        node.tls = true;
        node.tlsCaFile = file("ca.crt").toStdString();
        return node;
    }

    static DimseTimeouts shortTimeouts()
    {
        DimseTimeouts timeouts;
        timeouts.connectSeconds = 3;
        timeouts.acseSeconds = timeouts.dimseSeconds = 5;
        return timeouts;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        const QString error = makeCertificates(m_work.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));

        OrthancOptions tls;
        tls.dicomWeb = false;
        tls.tlsCertificate = file("server.crt");
        tls.tlsPrivateKey = file("server.key");
        tls.tlsTrustedCertificates = file("ca.crt");
        m_tlsOrthanc = std::make_unique<OrthancFixture>(tls);
        QString why;
        QVERIFY2(m_tlsOrthanc->start(&why), qPrintable(why));
        OrthancOptions plain;
        plain.dicomWeb = false;
        m_plainOrthanc = std::make_unique<OrthancFixture>(plain);
        QVERIFY2(m_plainOrthanc->start(&why), qPrintable(why));

        CtPhantomSpec spec;
        spec.size = 64;
        spec.slices = kSlices;
        spec.pixelMm = 3.0;
        spec.sliceMm = 3.0;
        spec.lesionRadiusMm = 6.0;
        spec.seed = 11;
        DicomSeriesMeta meta;
        meta.patientName = "RADPATH^TLS";
        meta.patientId = kPatientId;
        meta.studyDate = "20260210";
        meta.studyDescription = "RadPath TLS test";
        const QString ctDir = file("ct");
        m_meta = writeCtSeries(makeCtPhantom(spec).volume, ctDir.toStdString(), meta);
        for (const QString& name : QDir(ctDir).entryList(QDir::Files, QDir::Name)) {
            const QString path = QDir(ctDir).filePath(name);
            m_files.push_back(path.toStdString());
            m_pixels[sopUidOf(path)] = pixelsOf(path);
        }
        QCOMPARE(int(m_files.size()), kSlices);
    }

    void echoStoreFindGetOverTls()
    {
        guarded([&] {
            const DimseClient client(tlsNode(), shortTimeouts());
            client.echo();
            QCOMPARE(client.store(m_files).completed, kSlices);

            PacsQuery query;
            query.patientId = kPatientId;
            const std::vector<PacsStudy> studies = client.findStudies(query);
            QCOMPARE(int(studies.size()), 1);
            QCOMPARE(studies[0].studyUid, m_meta.studyInstanceUid);
            QCOMPARE(studies[0].instanceCount, kSlices);
            query.studyUid = m_meta.studyInstanceUid;
            QCOMPARE(int(client.findSeries(query).size()), 1);

            const QString out = file("get");
            const TransferResult result = client.get(m_meta.studyInstanceUid, {}, out.toStdString());
            QCOMPARE(result.completed, kSlices);
            const QStringList names = QDir(out).entryList(QDir::Files);
            QCOMPARE(names.size(), kSlices);
            for (const QString& name : names) {
                const QString path = QDir(out).filePath(name);
                const QString uid = sopUidOf(path);
                QVERIFY2(m_pixels.count(uid), qPrintable(name));
                QVERIFY2(pixelsOf(path) == m_pixels.at(uid), qPrintable(name));
                QCOMPARE(m_pixels.at(uid).size(), 64 * 64 * 2);
            }

            // The same by name (the certificate names localhost too) and with a client certificate.
            PacsNode byName = tlsNode();
            byName.host = "localhost";
            byName.tlsCertificateFile = file("client.crt").toStdString();
            byName.tlsKeyFile = file("client.key").toStdString();
            DimseClient(byName, shortTimeouts()).echo();
        });
    }

    void certificateOfAnotherCaFails()
    {
        PacsNode node = tlsNode();
        node.tlsCaFile = file("other-ca.crt").toStdString();
        const auto e = errorOf([&] { DimseClient(node, shortTimeouts()).echo(); });
        QVERIFY(e);
        const QString message = QString::fromUtf8(e->what());
        QVERIFY2(e->kind() == PacsError::Kind::Connect, qPrintable(message));
        QVERIFY2(message.startsWith(QStringLiteral("TLS handshake with 127.0.0.1:%1 failed: ").arg(node.port)),
                 qPrintable(message));
        QVERIFY2(message.endsWith("failed: certificate verify failed"), qPrintable(message));
    }

    void certificateForAnotherAddressFails()
    {
        // 127.0.0.2 reaches the same Orthanc, whose certificate names only 127.0.0.1 and localhost.
        PacsNode node = tlsNode();
        node.host = "127.0.0.2";
        const auto e = errorOf([&] { DimseClient(node, shortTimeouts()).echo(); });
        QVERIFY(e);
        const QString message = QString::fromUtf8(e->what());
        QVERIFY2(message.startsWith(QStringLiteral("TLS handshake with 127.0.0.2:%1 failed: ").arg(node.port)),
                 qPrintable(message));
        QVERIFY2(message.endsWith("failed: certificate verify failed"), qPrintable(message));
    }

    void plainToTlsPortFailsClearly()
    {
        PacsNode node = tlsNode();
        node.tls = false;
        QElapsedTimer clock;
        clock.start();
        const auto e = errorOf([&] { DimseClient(node, shortTimeouts()).echo(); });
        QVERIFY(e);
        const QString message = QString::fromUtf8(e->what());
        QVERIFY2(clock.elapsed() < 15000, qPrintable(message));
        QVERIFY2(e->kind() == PacsError::Kind::Aborted, qPrintable(message));
        QVERIFY2(message.contains(QString::fromStdString(node.address())), qPrintable(message));
        QVERIFY2(message.contains("a DICOM TLS port"), qPrintable(message));
    }

    void tlsToPlainPortFailsClearly()
    {
        PacsNode node = tlsNode();
        node.port = m_plainOrthanc->dicomPort();
        QElapsedTimer clock;
        clock.start();
        const auto e = errorOf([&] { DimseClient(node, shortTimeouts()).echo(); });
        QVERIFY(e);
        const QString message = QString::fromUtf8(e->what());
        QVERIFY2(clock.elapsed() < 15000, qPrintable(message));
        QVERIFY2(e->kind() == PacsError::Kind::Connect, qPrintable(message));
        QVERIFY2(message.startsWith(QStringLiteral("TLS handshake with 127.0.0.1:%1 failed: ").arg(node.port)),
                 qPrintable(message));
        QVERIFY2(message.contains("DICOM TLS port"), qPrintable(message));
    }

    void tlsToSilentPeerTimesOut()
    {
        // The kernel accepts the connection; nobody ever reads or answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        PacsNode node = tlsNode();
        node.port = silent.serverPort();
        DimseTimeouts timeouts = shortTimeouts();
        timeouts.acseSeconds = timeouts.dimseSeconds = 2;
        QElapsedTimer clock;
        clock.start();
        const auto e = errorOf([&] { DimseClient(node, timeouts).echo(); });
        QVERIFY(e);
        const QString message = QString::fromUtf8(e->what());
        QVERIFY2(clock.elapsed() < 10000, qPrintable(message));
        QVERIFY2(message.startsWith(QStringLiteral("TLS handshake with 127.0.0.1:%1 failed: ").arg(node.port)),
                 qPrintable(message));
        QVERIFY2(message.contains("no answer within 2 s"), qPrintable(message));
    }

    void badFilesAreNamed()
    {
        PacsNode node = tlsNode();
        node.tlsCaFile = file("no-such-ca.pem").toStdString();
        auto e = errorOf([&] { DimseClient(node, shortTimeouts()).echo(); });
        QVERIFY(e && e->kind() == PacsError::Kind::Local);
        QVERIFY2(QString::fromUtf8(e->what()).contains(QString::fromStdString(node.tlsCaFile)), e->what());
        QVERIFY2(QString::fromUtf8(e->what()).contains("No such file"), e->what());

        node.tlsCaFile = file("client.ext").toStdString(); // text, but no certificate
        e = errorOf([&] { DimseClient(node, shortTimeouts()).echo(); });
        QVERIFY(e && e->kind() == PacsError::Kind::Local);
        QVERIFY2(QString::fromUtf8(e->what()).contains(QString::fromStdString(node.tlsCaFile)), e->what());

        node = tlsNode();
        node.tlsCertificateFile = file("client.crt").toStdString();
        node.tlsKeyFile = file("no-such.key").toStdString();
        e = errorOf([&] { DimseClient(node, shortTimeouts()).echo(); });
        QVERIFY(e && e->kind() == PacsError::Kind::Local);
        QVERIFY2(QString::fromUtf8(e->what()).contains(QString::fromStdString(node.tlsKeyFile)), e->what());

        node.tlsKeyFile = file("server.key").toStdString(); // another certificate's key
        e = errorOf([&] { DimseClient(node, shortTimeouts()).echo(); });
        QVERIFY(e && e->kind() == PacsError::Kind::Request);
        QVERIFY2(QString::fromUtf8(e->what()).contains("do not belong together"), e->what());

        node.tlsKeyFile.clear();
        e = errorOf([&] { DimseClient(node, shortTimeouts()).echo(); });
        QVERIFY(e && e->kind() == PacsError::Kind::Request);
    }

    void cliSpeaksTls()
    {
        const QStringList peer{"--host", "127.0.0.1", "--port",    QString::number(m_tlsOrthanc->dicomPort()),
                               "--aet",  "ORTHANC",   "--timeout", "5"};
        const QStringList tls{"--tls", "--tls-ca", file("ca.crt")};
        Run r = runCli(QStringList{"pacs", "echo"} + peer + tls);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = runCli(QStringList{"pacs", "echo"} + peer + tls +
                   QStringList{"--tls-cert", file("client.crt"), "--tls-key", file("client.key")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = runCli(QStringList{"pacs", "find"} + peer + tls + QStringList{"--patient-id", kPatientId});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 1);

        r = runCli(QStringList{"pacs", "echo"} + peer + QStringList{"--tls", "--tls-ca", file("other-ca.crt")});
        QVERIFY2(r.code == 1, qPrintable(QString::number(r.code) + ": " + r.err));
        QVERIFY2(r.err.contains("TLS handshake with 127.0.0.1:"), qPrintable(r.err));
        r = runCli(QStringList{"pacs", "echo"} + peer + tls + QStringList{"--tls-cert", file("client.crt")});
        QCOMPARE(r.code, 2);
        r = runCli(QStringList{"pacs", "echo"} + peer + QStringList{"--tls-ca", file("ca.crt")});
        QCOMPARE(r.code, 2);
    }

private:
    QTemporaryDir m_work;
    std::unique_ptr<OrthancFixture> m_tlsOrthanc;
    std::unique_ptr<OrthancFixture> m_plainOrthanc;
    DicomSeriesMeta m_meta;
    std::vector<std::string> m_files;
    std::map<QString, QByteArray> m_pixels;
};

QTEST_GUILESS_MAIN(PacsTlsTest)
#include "PacsTlsTest.moc"
