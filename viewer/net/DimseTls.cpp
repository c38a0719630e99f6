#include "viewer/net/DimseTls.h"

#include "viewer/net/PacsError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcerror.h>
#include <dcmtk/dcmnet/cond.h>
#include <dcmtk/dcmtls/tlscond.h>
#include <dcmtk/dcmtls/tlslayer.h>

#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>

namespace radpath::viewer::net::detail {
namespace {

using Kind = PacsError::Kind;

// Throws PacsError(Local) naming `file` (`what`: "TLS CA certificate file") when it cannot be opened.
void checkReadable(const std::string& file, const std::string& what)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw PacsError(Kind::Local, "cannot read the " + what + " '" + file + "': " + std::strerror(errno));
}

// The system's trusted certificates: a hashed folder as OpenSSL finds it (SSL_CERT_DIR first).
std::string systemCertificateDir()
{
    const char* fromEnvironment = std::getenv(X509_get_default_cert_dir_env());
    return fromEnvironment && *fromEnvironment ? fromEnvironment : X509_get_default_cert_dir();
}

} // namespace

std::unique_ptr<DcmTransportLayer> makeClientTlsLayer(const PacsNode& node)
{
    static std::once_flag once;
    std::call_once(once, [] { DcmTLSTransportLayer::initializeOpenSSL(); });

    const bool hasCertificate = !node.tlsCertificateFile.empty();
    if (hasCertificate != !node.tlsKeyFile.empty())
        throw PacsError(Kind::Request, "a TLS client certificate needs its private key, and a key its certificate");
    if (!node.tlsCaFile.empty())
        checkReadable(node.tlsCaFile, "TLS CA certificate file");
    if (hasCertificate) {
        checkReadable(node.tlsCertificateFile, "TLS client certificate file");
        checkReadable(node.tlsKeyFile, "TLS private key file");
    }

    // No random seed file: OpenSSL 3 seeds its generator from the operating system.
    auto layer = std::make_unique<DcmTLSTransportLayer>(NET_REQUESTOR, nullptr, OFFalse);
    if (!*layer)
        throw PacsError(Kind::Local, "cannot set up TLS (OpenSSL)");
    OFCondition cond = layer->setTLSProfile(TSP_Profile_BCP195_ND);
    if (cond.good())
        cond = layer->activateCipherSuites();
    if (cond.bad())
        throw PacsError(Kind::Local, std::string("cannot set up the TLS cipher suites: ") + cond.text());

    if (!node.tlsCaFile.empty()) {
        if (layer->addTrustedCertificateFile(node.tlsCaFile.c_str(), DCF_Filetype_PEM).bad())
            throw PacsError(Kind::Local,
                            "the TLS CA certificate file '" + node.tlsCaFile + "' holds no PEM certificate");
    } else {
        const std::string dir = systemCertificateDir();
        if (layer->addTrustedCertificateDir(dir.c_str(), DCF_Filetype_PEM).bad())
            throw PacsError(Kind::Local, "cannot read the system's trusted certificates in '" + dir +
                                             "': give a TLS CA certificate file");
    }
    if (hasCertificate) {
        layer->setPrivateKeyPasswd(""); // never a console prompt; encrypted keys are refused
        if (layer->setPrivateKeyFile(node.tlsKeyFile.c_str(), DCF_Filetype_PEM).bad())
            throw PacsError(Kind::Local,
                            "the TLS private key file '" + node.tlsKeyFile + "' holds no unencrypted PEM private key");
        if (layer->setCertificateFile(node.tlsCertificateFile.c_str(), DCF_Filetype_PEM).bad())
            throw PacsError(Kind::Local, "the TLS client certificate file '" + node.tlsCertificateFile +
                                             "' holds no PEM certificate");
        if (!layer->checkPrivateKeyMatchesCertificate())
            throw PacsError(Kind::Request, "the TLS client certificate '" + node.tlsCertificateFile +
                                               "' and the private key '" + node.tlsKeyFile +
                                               "' do not belong together");
    }
    layer->setCertificateVerification(DCV_requireCertificate);

    // The chain alone is not enough: the certificate must also name the host connected to
    // (subjectAltName IP address or DNS name).
    X509_VERIFY_PARAM* param = SSL_CTX_get0_param(layer->getNativeHandle());
    in6_addr address{};
    const bool isAddress =
        inet_pton(AF_INET, node.host.c_str(), &address) == 1 || inet_pton(AF_INET6, node.host.c_str(), &address) == 1;
    const int set = isAddress ? X509_VERIFY_PARAM_set1_ip_asc(param, node.host.c_str())
                              : X509_VERIFY_PARAM_set1_host(param, node.host.c_str(), node.host.size());
    if (set != 1)
        throw PacsError(Kind::Local, "cannot set up TLS host name verification for '" + node.host + "'");
    return layer;
}

bool isTlsFailure(const OFCondition& condition)
{
    return condition.module() == OFM_dcmtls ||
           (condition.module() == OFM_dcmnet && condition.code() == DULC_TLSERROR) ||
           std::strstr(condition.text(), "secure transport") != nullptr;
}

} // namespace radpath::viewer::net::detail
