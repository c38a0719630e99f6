#include "OrthancFixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpServer>
#include <QThread>
#include <QTimer>

namespace radpath::test {

OrthancFixture::OrthancFixture(OrthancOptions options) : m_options(std::move(options)) {}

OrthancFixture::~OrthancFixture()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

int OrthancFixture::freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const int port = server.serverPort();
    server.close();
    return port;
}

QByteArray OrthancFixture::configuration() const
{
    const QDir dir(m_dir.path());
    QJsonObject config{
        {"Name", "RadPathTest"},
        {"StorageDirectory", dir.filePath("storage")},
        {"IndexDirectory", dir.filePath("index")},
        {"HttpServerEnabled", true},
        {"HttpPort", m_httpPort},
        {"RemoteAccessAllowed", false},
        {"AuthenticationEnabled", !m_options.registeredUsers.isEmpty()},
        {"DicomServerEnabled", true},
        {"DicomAet", m_options.aeTitle},
        {"DicomPort", m_dicomPort},
        {"DicomCheckCalledAet", m_options.checkCalledAeTitle},
        {"DicomModalities", QJsonObject{{"radpath", QJsonArray{m_options.radpathAeTitle, "127.0.0.1", m_radpathPort}}}},
        {"DicomAlwaysAllowEcho", true},
        {"DicomAlwaysAllowStore", true},
        {"DicomAlwaysAllowFind", m_options.anyoneMayRetrieve},
        {"DicomAlwaysAllowGet", m_options.anyoneMayRetrieve},
        {"DicomAlwaysAllowMove", m_options.anyoneMayRetrieve},
        {"DicomScpTimeout", 30},
        {"DicomScuTimeout", 10},
        {"SaveJobs", false},
        {"StorageCompression", false},
    };
    if (!m_options.registeredUsers.isEmpty()) {
        QJsonObject users;
        for (const auto& [name, password] : m_options.registeredUsers)
            users.insert(name, password);
        config.insert("RegisteredUsers", users);
    }
    if (m_options.dicomTls()) {
        config.insert("DicomTlsEnabled", true);
        config.insert("DicomTlsCertificate", m_options.tlsCertificate);
        config.insert("DicomTlsPrivateKey", m_options.tlsPrivateKey);
        config.insert("DicomTlsTrustedCertificates", m_options.tlsTrustedCertificates);
        config.insert("DicomTlsRemoteCertificateRequired", false);
    }
    if (m_options.dicomWeb) {
        config.insert("Plugins", QJsonArray{kDicomWebPlugin});
        config.insert("DicomWeb", QJsonObject{{"Enable", true}, {"Root", "/dicom-web/"}});
    }
    return QJsonDocument(config).toJson();
}

bool OrthancFixture::start(QString* error)
{
    const auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!QFileInfo(kProgram).isExecutable())
        return fail(QStringLiteral("Orthanc is not installed (%1): install the Debian package 'orthanc' "
                                   "(packaging/setup-debian.sh installs packaging/debian-packages.txt)")
                        .arg(kProgram));
    if (m_options.dicomWeb && !QFileInfo::exists(kDicomWebPlugin))
        return fail(QStringLiteral("Orthanc's DICOMweb plugin is missing (%1): install the Debian package "
                                   "'orthanc-dicomweb'")
                        .arg(kDicomWebPlugin));
    if (!m_dir.isValid())
        return fail(QStringLiteral("cannot create a temporary folder for Orthanc"));

    // Three distinct free loopback ports: DICOM, HTTP, and RadPath's storage SCP.
    for (int attempt = 0; attempt < 20 && (m_dicomPort == m_httpPort || m_httpPort == m_radpathPort ||
                                           m_dicomPort == m_radpathPort || m_dicomPort == 0);
         ++attempt) {
        m_dicomPort = freeLoopbackPort();
        m_httpPort = freeLoopbackPort();
        m_radpathPort = freeLoopbackPort();
    }
    if (m_dicomPort == 0 || m_httpPort == 0 || m_radpathPort == 0)
        return fail(QStringLiteral("no free loopback ports for Orthanc"));

    const QString configFile = QDir(m_dir.path()).filePath("orthanc.json");
    QFile file(configFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(configuration()) < 0)
        return fail(QStringLiteral("cannot write %1").arg(configFile));
    file.close();

    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy); // loopback only, whatever the environment says
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(QDir(m_dir.path()).filePath("orthanc.log"));
    m_process.setWorkingDirectory(m_dir.path());
    // Orthanc's DCMTK leaves Nagle's algorithm on unless told: ~40 ms delayed-ACK stalls per
    // DIMSE message. PACS installations tune this too; every client here gets the same server.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TCP_NODELAY"), QStringLiteral("1"));
    m_process.setProcessEnvironment(environment);
    m_process.start(QString::fromLatin1(kProgram), {configFile});
    if (!m_process.waitForStarted(10000))
        return fail(QStringLiteral("Orthanc did not start: %1").arg(m_process.errorString()));

    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < m_options.startTimeoutMs) {
        if (m_process.state() == QProcess::NotRunning)
            return fail(QStringLiteral("Orthanc exited at start (code %1); its log ends:\n%2")
                            .arg(m_process.exitCode())
                            .arg(QString::fromLocal8Bit(log().right(3000))));
        if (rest("GET", "/system", {}, {}, 2000).status == 200)
            return true;
        QThread::msleep(100);
    }
    return fail(QStringLiteral("Orthanc did not answer GET http://127.0.0.1:%1/system within %2 s; its log ends:\n%3")
                    .arg(m_httpPort)
                    .arg(m_options.startTimeoutMs / 1000)
                    .arg(QString::fromLocal8Bit(log().right(3000))));
}

bool OrthancFixture::running() const
{
    return m_process.state() == QProcess::Running;
}

QByteArray OrthancFixture::log() const
{
    QFile file(QDir(m_dir.path()).filePath("orthanc.log"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

RestReply OrthancFixture::rest(const QByteArray& method, const QString& path, const QByteArray& body,
                               const QByteArray& contentType, int timeoutMs) const
{
    RestReply result;
    if (!m_network) {
        result.error = QStringLiteral("Orthanc was not started");
        return result;
    }
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_httpPort).arg(path)));
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!m_options.registeredUsers.isEmpty()) {
        const auto& [name, password] = m_options.registeredUsers.first();
        request.setRawHeader("Authorization", "Basic " + (name + QLatin1Char(':') + password).toUtf8().toBase64());
    }
    QNetworkReply* reply = m_network->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    if (!reply->isFinished()) {
        reply->abort();
        result.error = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
    } else {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        if (result.status == 0)
            result.error = reply->errorString();
    }
    delete reply; // finished or aborted: no signal of it is pending for us
    return result;
}

} // namespace radpath::test
