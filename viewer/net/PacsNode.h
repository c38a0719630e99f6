#pragma once
// Where a PACS is and who RadPath is towards it: DICOM upper-layer addressing and timeouts.

#include <string>

namespace radpath::viewer::net {

struct PacsNode {
    std::string aeTitle; ///< called AE title of the PACS (at most 16 characters)
    std::string host;    ///< host name or address
    int port = 104;
    /// DICOM TLS (PS3.15 Annex B, BCP 195 profile, TLS 1.2 or later): the peer must show a
    /// certificate that tlsCaFile vouches for and that names `host` (subjectAltName IP address
    /// or DNS name). Only RadPath's requests use TLS: the storage SCP of a C-MOVE stays plain.
    bool tls = false;
    std::string tlsCaFile;                ///< trusted CA certificate(s), PEM; empty: the system's trusted certificates
    std::string tlsCertificateFile;       ///< RadPath's client certificate, PEM; optional, needs tlsKeyFile
    std::string tlsKeyFile;               ///< its private key, unencrypted PEM
    std::string localAeTitle = "RADPATH"; ///< calling AE title, and the C-MOVE destination
    int localPort = 0;                    ///< RadPath's storage SCP port during C-MOVE; 0: none

    /// "host:port", as messages name the peer.
    std::string address() const { return host + ":" + std::to_string(port); }
};

/// Seconds; values below 1 count as 1.
struct DimseTimeouts {
    int connectSeconds = 10; ///< TCP connection (a process-wide DCMTK setting, set at each connect)
    int acseSeconds = 30;    ///< association request, release and acceptance
    int dimseSeconds = 30;   ///< waiting for each DIMSE message: a response or a sub-operation
};

} // namespace radpath::viewer::net
