#pragma once
// Internal to viewer/net: DICOM TLS (PS3.15 Annex B) for the associations RadPath requests,
// through DCMTK's dcmtls. Included only by viewer/net .cpp files; DCMTK's types are only
// declared here.

#include "viewer/net/PacsNode.h"

#include <memory>
#include <string>

class DcmTransportLayer;
class OFCondition;

namespace radpath::viewer::net::detail {

/// A TLS transport layer for the requestor side, set up from node's TLS settings: the BCP 195
/// cipher profile (TLS 1.2 or later), the peer's certificate required and verified against
/// node.tlsCaFile (empty: the system's trusted certificates), RadPath's own certificate and
/// key when node.tlsCertificateFile is given. Throws PacsError: Local naming a file that is
/// missing, unreadable or not what it should be (PEM); Request when only one of certificate
/// and key is given or they do not belong together. Thread-safe (OpenSSL is initialised once).
std::unique_ptr<DcmTransportLayer> makeClientTlsLayer(const PacsNode& node);

/// True when a failed association request failed in the TLS layer (handshake, certificate).
bool isTlsFailure(const OFCondition& condition);

} // namespace radpath::viewer::net::detail
