#include "app/core/PacsConnection.h"

#include "app/core/DicomWebPacsConnection.h"
#include "app/core/DimsePacsConnection.h"
#include "viewer/net/PacsError.h"

namespace radpath::app {

namespace net = viewer::net;

std::shared_ptr<const PacsConnection> makePacsConnection(const PacsNodeConfig& node, const PacsLocalIdentity& identity,
                                                         const QString& secret)
{
    if (node.protocol == PacsNodeConfig::Protocol::Dimse) {
        net::PacsNode dimse;
        dimse.aeTitle = node.aeTitle.toStdString();
        dimse.host = node.host.trimmed().toStdString();
        dimse.port = node.port;
        dimse.tls = node.tls;
        if (node.tls) {
            dimse.tlsCaFile = node.tlsCaFile.toStdString();
            dimse.tlsCertificateFile = node.tlsCertificateFile.toStdString();
            dimse.tlsKeyFile = node.tlsKeyFile.toStdString();
        }
        dimse.localAeTitle = identity.aeTitle.toStdString();
        dimse.localPort = identity.storagePort;
        return std::make_shared<DimsePacsConnection>(std::move(dimse));
    }
    net::DicomWebAuth auth;
    if (node.auth == PacsNodeConfig::Auth::Basic)
        auth = net::DicomWebAuth::basic(node.username.toStdString(), secret.toStdString());
    else if (node.auth == PacsNodeConfig::Auth::Bearer)
        auth = net::DicomWebAuth::bearer(secret.toStdString());
    return std::make_shared<DicomWebPacsConnection>(node.baseUrl.trimmed().toStdString(), std::move(auth));
}

} // namespace radpath::app
