#pragma once
// Internal to viewer/net: one requested DICOM association, DCMTK set up for RadPath, and
// DCMTK's conditions turned into PacsError. Included only by viewer/net .cpp files; DCMTK's
// types are only declared here.

#include "viewer/net/PacsError.h"
#include "viewer/net/PacsNode.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

class DcmDataset;
class DcmTransportLayer;
class OFCondition;
struct T_ASC_Association;
struct T_ASC_Network;
struct T_DIMSE_Message;

namespace radpath::viewer::net::detail {

/// Largest PDU RadPath receives, bytes.
constexpr long kMaxReceivePdu = 65536;

/// Explicit VR little endian, then implicit VR little endian: what every peer speaks.
const std::vector<std::string>& uncompressedTransferSyntaxes();

/// Once per process: DCMTK's logging off (its messages can hold patient data), its decoders
/// registered, no reverse DNS look-up of peers.
void initialiseNetworking();

/// Throws PacsError(Request) when an AE title is empty, longer than 16 characters or holds
/// a backslash or control character; `what` names it ("called AE title").
void checkAeTitle(const std::string& aeTitle, const std::string& what);
/// True for a DICOM UID: 1 to 64 characters, digits and dots.
bool isValidUid(const std::string& uid);
/// Sends small PDUs at once (TCP_NODELAY): DCMTK as Debian builds it leaves Nagle's algorithm
/// on unless the environment says TCP_NODELAY=1, which costs delayed-ACK waits on every
/// DIMSE message. Harmless when the association has no socket.
void sendWithoutDelay(T_ASC_Association* assoc);

/// "0xA700 (Refused: Out of resources)" for a C-STORE, C-FIND, C-GET or C-MOVE status.
std::string statusText(unsigned short status, unsigned short commandField);

/// The PacsError for a failed DCMTK step of `service` ("C-GET", "association request") with
/// `peer` ("host:port"); `timeoutSeconds` is the timeout that applied.
PacsError conditionError(const OFCondition& condition, const std::string& peer, const std::string& service,
                         int timeoutSeconds);

struct ProposedContext {
    std::string abstractSyntax;
    std::vector<std::string> transferSyntaxes;
    bool scpRole = false; ///< RadPath offers to be SCP (storage sub-operations of a C-GET)
};

/// An association RadPath requested. Not copyable; use from one thread at a time.
class Association {
public:
    /// Connects (over TLS when node.tls; see makeClientTlsLayer) and negotiates `contexts` (at
    /// most 128). Throws PacsError: Connect (also a failed TLS handshake: "TLS handshake with
    /// host:port failed: ..."), Rejected (naming the A-ASSOCIATE-RJ reason and source, or no
    /// context accepted), Timeout, Aborted, Request, Local (a TLS file).
    Association(const PacsNode& node, const DimseTimeouts& timeouts, const std::vector<ProposedContext>& contexts);
    ~Association(); ///< aborts when still established
    Association(const Association&) = delete;
    Association& operator=(const Association&) = delete;

    T_ASC_Association* get() const { return m_assoc; }
    const PacsNode& node() const { return m_node; }
    const DimseTimeouts& timeouts() const { return m_timeouts; }

    /// An accepted presentation context for `abstractSyntax` (with that accepted transfer
    /// syntax when given); 0 when there is none.
    unsigned char context(const std::string& abstractSyntax, const std::string& transferSyntax = {}) const;
    /// The transfer syntax accepted on context `id`; empty when not accepted.
    std::string transferSyntaxOf(unsigned char id) const;
    unsigned short nextMessageId();

    /// Waits for the next DIMSE command (in one-second slices, calling `poll` between them)
    /// for at most the DIMSE timeout. On success *statusDetail may hold a data set the caller
    /// deletes. Returns DCMTK's condition (DIMSE_NODATAAVAILABLE after the timeout).
    OFCondition receiveCommand(T_DIMSE_Message& message, unsigned char& contextId, DcmDataset** statusDetail,
                               const std::function<void()>& poll);

    /// A-RELEASE; a peer that does not answer it is aborted (the work is done either way).
    void release();
    void abort();
    bool established() const { return m_assoc != nullptr; }

    /// conditionError() for this peer, after aborting an association DCMTK cannot go on with.
    PacsError error(const OFCondition& condition, const std::string& service);

private:
    void destroy();

    PacsNode m_node;
    DimseTimeouts m_timeouts;
    std::unique_ptr<DcmTransportLayer> m_tls; ///< outlives m_network, which uses it
    T_ASC_Network* m_network = nullptr;
    T_ASC_Association* m_assoc = nullptr;
};

} // namespace radpath::viewer::net::detail
