#pragma once
// A real Orthanc PACS for tests and benchmarks, on loopback ports of its own: a configuration
// in a temporary folder (storage and index there too), /usr/sbin/Orthanc started with it,
// ready once its REST API answers. RadPath's AE title is registered as a modality with its
// own storage port (the C-MOVE destination); by default only that modality may C-FIND,
// C-GET and C-MOVE, anyone may C-ECHO and C-STORE, and the called AE title is checked.
// Orthanc runs with TCP_NODELAY=1 (no Nagle delays on its DICOM connections).
// Stopped (terminate, then kill) when destroyed. Use from one thread; the REST calls run a
// local event loop, so a QCoreApplication must exist.

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

class QNetworkAccessManager;

namespace radpath::test {

struct OrthancOptions {
    QString aeTitle = QStringLiteral("ORTHANC");
    QString radpathAeTitle = QStringLiteral("RADPATH");
    bool checkCalledAeTitle = true;
    bool anyoneMayRetrieve = false; ///< DicomAlwaysAllowFind/Get/Move
    bool dicomWeb = true;           ///< load the DICOMweb plugin at /dicom-web/
    /// HTTP users (name, password). Non-empty: AuthenticationEnabled, and rest() sends the
    /// first one as HTTP Basic authentication. Empty: no authentication.
    QList<QPair<QString, QString>> registeredUsers;
    int startTimeoutMs = 20000;
    /// DICOM TLS on the DICOM port (PEM files; all three set: TLS on, else plain). Orthanc
    /// 1.10 requires the trusted certificates; a client certificate is verified when one is
    /// shown (DicomTlsRemoteCertificateRequired false), not demanded.
    QString tlsCertificate;
    QString tlsPrivateKey;
    QString tlsTrustedCertificates;
    bool dicomTls() const
    {
        return !tlsCertificate.isEmpty() && !tlsPrivateKey.isEmpty() && !tlsTrustedCertificates.isEmpty();
    }
};

struct RestReply {
    int status = 0; ///< HTTP status; 0 when there was no answer
    QByteArray body;
    QString error; ///< transport problem, empty when an answer came
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

class OrthancFixture {
public:
    static constexpr const char* kProgram = "/usr/sbin/Orthanc";
    static constexpr const char* kDicomWebPlugin = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";

    explicit OrthancFixture(OrthancOptions options = {});
    ~OrthancFixture();
    OrthancFixture(const OrthancFixture&) = delete;
    OrthancFixture& operator=(const OrthancFixture&) = delete;

    /// Writes the configuration, starts Orthanc and waits (bounded) for GET /system. False
    /// with `error` saying why: not installed (install the Debian package 'orthanc', or
    /// 'orthanc-dicomweb' for the plugin), did not start, or did not answer in time (with
    /// the end of its log).
    bool start(QString* error);
    bool running() const;

    int dicomPort() const { return m_dicomPort; }
    int httpPort() const { return m_httpPort; }
    /// The DICOMweb service root, "http://127.0.0.1:<httpPort>/dicom-web".
    QString dicomWebUrl() const { return QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(m_httpPort); }
    /// The port Orthanc sends C-MOVE sub-operations to for OrthancOptions::radpathAeTitle.
    int radpathPort() const { return m_radpathPort; }
    const OrthancOptions& options() const { return m_options; }
    QString directory() const { return m_dir.path(); }
    /// Orthanc's output so far (stdout and stderr).
    QByteArray log() const;

    /// An HTTP request to Orthanc's REST API, e.g. rest("GET", "/studies").
    RestReply rest(const QByteArray& method, const QString& path, const QByteArray& body = {},
                   const QByteArray& contentType = "application/json", int timeoutMs = 10000) const;

    /// A loopback TCP port that was free a moment ago (bound to port 0, then released).
    static int freeLoopbackPort();

private:
    QByteArray configuration() const;

    OrthancOptions m_options;
    QTemporaryDir m_dir;
    QProcess m_process;
    std::unique_ptr<QNetworkAccessManager> m_network;
    int m_dicomPort = 0;
    int m_httpPort = 0;
    int m_radpathPort = 0;
};

} // namespace radpath::test
