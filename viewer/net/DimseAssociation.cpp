#include "viewer/net/DimseAssociation.h"

#include "viewer/io/DicomPixelDecoder.h" // initialiseDcmtk()
#include "viewer/net/DimseTls.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmnet/dcmlayer.h>
#include <dcmtk/dcmnet/dcmtrans.h>
#include <dcmtk/dcmnet/dimse.h>
#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/dcmnet/dul.h>
#include <dcmtk/ofstd/ofstd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace radpath::viewer::net::detail {
namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// The last line of a DCMTK condition text: the innermost cause ("Connection refused").
std::string innermost(const OFCondition& condition)
{
    std::string text = condition.text();
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    const auto newline = text.rfind('\n');
    if (newline != std::string::npos)
        text = text.substr(newline + 1);
    const auto colon = text.rfind(": ");
    return colon == std::string::npos ? text : text.substr(colon + 2);
}

std::string rejectText(const T_ASC_RejectParameters& rej)
{
    std::string reason;
    switch (rej.reason) {
    case ASC_REASON_SU_NOREASON:
        reason = "no reason given";
        break;
    case ASC_REASON_SU_APPCONTEXTNAMENOTSUPPORTED:
        reason = "application context name not supported";
        break;
    case ASC_REASON_SU_CALLINGAETITLENOTRECOGNIZED:
        reason = "calling AE title not recognized";
        break;
    case ASC_REASON_SU_CALLEDAETITLENOTRECOGNIZED:
        reason = "called AE title not recognized";
        break;
    case ASC_REASON_SP_ACSE_NOREASON:
        reason = "no reason given (ACSE)";
        break;
    case ASC_REASON_SP_ACSE_PROTOCOLVERSIONNOTSUPPORTED:
        reason = "protocol version not supported";
        break;
    case ASC_REASON_SP_PRES_TEMPORARYCONGESTION:
        reason = "temporary congestion";
        break;
    case ASC_REASON_SP_PRES_LOCALLIMITEXCEEDED:
        reason = "local limit exceeded";
        break;
    default:
        reason = "reason " + std::to_string(int(rej.reason) & 0xff);
        break;
    }
    const char* source = rej.source == ASC_SOURCE_SERVICEUSER                    ? "the service user"
                         : rej.source == ASC_SOURCE_SERVICEPROVIDER_ACSE_RELATED ? "the service provider (ACSE)"
                         : rej.source == ASC_SOURCE_SERVICEPROVIDER_PRESENTATION_RELATED
                             ? "the service provider (presentation)"
                             : "an unknown source";
    const char* result = rej.result == ASC_RESULT_REJECTEDTRANSIENT ? "transient" : "permanent";
    return reason + " (" + result + " rejection by " + source + ")";
}

// What OpenSSL said, without DCMTK's prefix and OpenSSL's error code: "certificate verify failed".
std::string tlsCause(const OFCondition& condition)
{
    std::string text = condition.text();
    const std::string prefix = "DUL secure transport layer: ";
    if (text.compare(0, prefix.size(), prefix) == 0)
        text = text.substr(prefix.size());
    const std::string tlsPrefix = "TLS error: ";
    if (text.compare(0, tlsPrefix.size(), tlsPrefix) == 0)
        text = text.substr(tlsPrefix.size());
    if (text.compare(0, 6, "error:") == 0 && text.rfind(':') != std::string::npos)
        text = text.substr(text.rfind(':') + 1);
    return text;
}

// A failed TLS handshake, in words: the peer closed or never answered, or OpenSSL's reason.
// `seconds`: how long the request took; `timeoutSeconds`: the socket receive timeout that applied.
PacsError tlsError(const OFCondition& condition, const std::string& peer, double seconds, int timeoutSeconds)
{
    const std::string cause = tlsCause(condition);
    std::string why = cause;
    if (cause.find("SSL_ERROR_SYSCALL") != std::string::npos ||
        cause.find("SSL_ERROR_WANT_READ") != std::string::npos || cause.find("unexpected eof") != std::string::npos) {
        why = seconds >= timeoutSeconds - 0.5 ? "no answer within " + std::to_string(timeoutSeconds) + " s"
                                              : "the peer closed the connection (" + cause + ")";
        why += "; is it a DICOM TLS port?";
    } else if (cause.find("wrong version number") != std::string::npos) {
        why += " (the peer does not speak TLS: is it a DICOM TLS port?)";
    }
    return PacsError(PacsError::Kind::Connect, "TLS handshake with " + peer + " failed: " + why);
}

} // namespace

const std::vector<std::string>& uncompressedTransferSyntaxes()
{
    static const std::vector<std::string> list{UID_LittleEndianExplicitTransferSyntax,
                                               UID_LittleEndianImplicitTransferSyntax};
    return list;
}

void initialiseNetworking()
{
    static std::once_flag once;
    std::call_once(once, [] {
        dicom::initialiseDcmtk(); // logging off, codecs registered
        dcmDisableGethostbyaddr.set(OFTrue);
    });
}

void checkAeTitle(const std::string& aeTitle, const std::string& what)
{
    const bool printable =
        std::all_of(aeTitle.begin(), aeTitle.end(), [](unsigned char c) { return c >= 0x20 && c < 0x7f && c != '\\'; });
    if (aeTitle.empty() || aeTitle.size() > 16 || !printable)
        throw PacsError(PacsError::Kind::Request, "the " + what + " '" + aeTitle +
                                                      "' is not a DICOM AE title (1 to 16 characters, no backslash)");
}

bool isValidUid(const std::string& uid)
{
    return !uid.empty() && uid.size() <= 64 &&
           std::all_of(uid.begin(), uid.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

void sendWithoutDelay(T_ASC_Association* assoc)
{
    // DcmTransportConnection::getSocket() is protected; a pointer to it taken through a
    // derived class is the standard-conforming way to call it.
    struct Socket : DcmTransportConnection {
        static DcmNativeSocketType of(DcmTransportConnection& c) { return (c.*(&Socket::getSocket))(); }
    };
    DcmTransportConnection* connection = assoc ? DUL_getTransportConnection(assoc->DULassociation) : nullptr;
    if (!connection)
        return;
    const int on = 1;
    ::setsockopt(Socket::of(*connection), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

std::string statusText(unsigned short status, unsigned short commandField)
{
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%04X", unsigned(status));
    const char* name = commandField == DIMSE_C_STORE_RSP  ? DU_cstoreStatusString(status)
                       : commandField == DIMSE_C_FIND_RSP ? DU_cfindStatusString(status)
                       : commandField == DIMSE_C_GET_RSP  ? DU_cgetStatusString(status)
                       : commandField == DIMSE_C_MOVE_RSP ? DU_cmoveStatusString(status)
                                                          : DU_cechoStatusString(status);
    return std::string(hex) + " (" + (name ? name : "unknown status") + ")";
}

PacsError conditionError(const OFCondition& condition, const std::string& peer, const std::string& service,
                         int timeoutSeconds)
{
    using Kind = PacsError::Kind;
    const std::string cause = innermost(condition);
    const std::string text = lower(condition.text());
    const unsigned short code = condition.module() == OFM_dcmnet ? condition.code() : 0;
    if (code == DULC_TCPINITERROR || code == DULC_UNKNOWNHOST || code == DULC_REQUESTASSOCIATIONFAILED) {
        if (text.find("refused") != std::string::npos)
            return PacsError(Kind::Connect, "cannot connect to " + peer + ": connection refused");
        if (text.find("timed out") != std::string::npos || text.find("timeout") != std::string::npos)
            return PacsError(Kind::Connect, "cannot connect to " + peer + ": no connection within " +
                                                std::to_string(timeoutSeconds) + " s");
        if (code == DULC_UNKNOWNHOST || text.find("unknown host") != std::string::npos ||
            text.find("name or service") != std::string::npos)
            return PacsError(Kind::Connect, "cannot connect to " + peer + ": unknown host");
        return PacsError(Kind::Connect, "cannot connect to " + peer + ": " + lower(cause));
    }
    if (code == DULC_READTIMEOUT || condition == DIMSE_NODATAAVAILABLE)
        return PacsError(Kind::Timeout,
                         peer + " did not answer the " + service + " within " + std::to_string(timeoutSeconds) + " s");
    if (code == DULC_PEERABORTEDASSOCIATION)
        return PacsError(Kind::Aborted, peer + " aborted the association during the " + service);
    if (code == DULC_NETWORKCLOSED || code == DULC_TCPIOERROR)
        return PacsError(Kind::Aborted, "the connection to " + peer + " closed during the " + service);
    if (code == DULC_PEERREQUESTEDRELEASE)
        return PacsError(Kind::Aborted, peer + " released the association before the " + service + " finished");
    return PacsError(Kind::Protocol, "the " + service + " with " + peer + " failed: " + cause);
}

Association::Association(const PacsNode& node, const DimseTimeouts& timeouts,
                         const std::vector<ProposedContext>& contexts)
    : m_node(node), m_timeouts(timeouts)
{
    using Kind = PacsError::Kind;
    initialiseNetworking();
    m_timeouts.connectSeconds = std::max(1, m_timeouts.connectSeconds);
    m_timeouts.acseSeconds = std::max(1, m_timeouts.acseSeconds);
    m_timeouts.dimseSeconds = std::max(1, m_timeouts.dimseSeconds);
    if (node.host.empty() || node.port < 1 || node.port > 65535)
        throw PacsError(Kind::Request, "'" + node.address() + "' is not a host and port (1 to 65535)");
    checkAeTitle(node.aeTitle, "called AE title");
    checkAeTitle(node.localAeTitle, "calling AE title");
    if (contexts.empty() || contexts.size() > 128)
        throw PacsError(Kind::Request, "an association carries 1 to 128 presentation contexts, not " +
                                           std::to_string(contexts.size()));

    // Bounds the TLS handshake, which DCMTK runs with blocking reads (a process-wide DCMTK
    // setting, like the connection timeout; DCMTK's own default is 60 s).
    const int handshakeSeconds = std::max(m_timeouts.acseSeconds, m_timeouts.dimseSeconds);
    if (node.tls) {
        m_tls = makeClientTlsLayer(node);
        dcmSocketReceiveTimeout.set(Sint32(handshakeSeconds));
    }

    dcmConnectionTimeout.set(Sint32(m_timeouts.connectSeconds));
    OFCondition cond = ASC_initializeNetwork(NET_REQUESTOR, 0, m_timeouts.acseSeconds, &m_network);
    if (cond.bad())
        throw PacsError(Kind::Local, std::string("cannot set up DICOM networking: ") + cond.text());
    if (m_tls) {
        cond = ASC_setTransportLayer(m_network, m_tls.get(), 0);
        if (cond.bad()) {
            destroy();
            throw PacsError(Kind::Local, std::string("cannot set up DICOM TLS: ") + cond.text());
        }
    }
    T_ASC_Parameters* params = nullptr;
    cond = ASC_createAssociationParameters(&params, kMaxReceivePdu);
    if (cond.good() && m_tls)
        cond = ASC_setTransportLayerType(params, OFTrue);
    if (cond.good())
        cond = ASC_setAPTitles(params, node.localAeTitle.c_str(), node.aeTitle.c_str(), nullptr);
    const std::string peer = node.address();
    if (cond.good())
        cond = ASC_setPresentationAddresses(params, OFStandard::getHostName().c_str(), peer.c_str());
    for (std::size_t i = 0; i < contexts.size() && cond.good(); ++i) {
        std::vector<const char*> syntaxes;
        for (const std::string& ts : contexts[i].transferSyntaxes)
            syntaxes.push_back(ts.c_str());
        cond = ASC_addPresentationContext(params, T_ASC_PresentationContextID(2 * i + 1),
                                          contexts[i].abstractSyntax.c_str(), syntaxes.data(), int(syntaxes.size()),
                                          contexts[i].scpRole ? ASC_SC_ROLE_SCP : ASC_SC_ROLE_DEFAULT);
    }
    if (cond.bad()) {
        ASC_destroyAssociationParameters(&params);
        destroy();
        throw PacsError(Kind::Request, std::string("cannot build the association request: ") + cond.text());
    }

    // The association owns `params` from here on, also when the request fails.
    const auto started = std::chrono::steady_clock::now();
    cond = ASC_requestAssociation(m_network, params, &m_assoc);
    if (cond.bad()) {
        if (cond == DUL_ASSOCIATIONREJECTED) {
            T_ASC_RejectParameters rej{};
            ASC_getRejectParameters(params, &rej);
            destroy();
            throw PacsError(Kind::Rejected, peer + " rejected the association (called AE title '" + node.aeTitle +
                                                "', calling AE title '" + node.localAeTitle + "'): " + rejectText(rej));
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        PacsError error = m_tls && isTlsFailure(cond)
                              ? tlsError(cond, peer, seconds, handshakeSeconds)
                              : conditionError(cond, peer, "association request", m_timeouts.acseSeconds);
        if (!m_tls && error.kind() == PacsError::Kind::Aborted)
            error = PacsError(error.kind(),
                              std::string(error.what()) + " (a DICOM TLS port does so to a connection without TLS)");
        if (!m_assoc)
            ASC_destroyAssociationParameters(&params);
        destroy();
        throw error;
    }
    sendWithoutDelay(m_assoc);
    if (ASC_countAcceptedPresentationContexts(params) == 0) {
        abort();
        throw PacsError(Kind::Rejected, peer + " (AE title '" + node.aeTitle +
                                            "') accepted none of the proposed presentation contexts");
    }
}

Association::~Association()
{
    if (m_assoc)
        abort();
    destroy();
}

void Association::destroy()
{
    if (m_assoc)
        ASC_destroyAssociation(&m_assoc);
    m_assoc = nullptr;
    if (m_network)
        ASC_dropNetwork(&m_network);
    m_network = nullptr;
    m_tls.reset();
}

unsigned char Association::context(const std::string& abstractSyntax, const std::string& transferSyntax) const
{
    if (!m_assoc)
        return 0;
    const int count = ASC_countPresentationContexts(m_assoc->params);
    for (int i = 0; i < count; ++i) {
        T_ASC_PresentationContext pc;
        if (ASC_getPresentationContext(m_assoc->params, i, &pc).bad() || pc.resultReason != ASC_P_ACCEPTANCE)
            continue;
        if (abstractSyntax == pc.abstractSyntax &&
            (transferSyntax.empty() || transferSyntax == pc.acceptedTransferSyntax))
            return pc.presentationContextID;
    }
    return 0;
}

std::string Association::transferSyntaxOf(unsigned char id) const
{
    T_ASC_PresentationContext pc;
    if (!m_assoc || ASC_findAcceptedPresentationContext(m_assoc->params, id, &pc).bad())
        return {};
    return pc.acceptedTransferSyntax;
}

unsigned short Association::nextMessageId()
{
    return m_assoc ? m_assoc->nextMsgID++ : 0;
}

OFCondition Association::receiveCommand(T_DIMSE_Message& message, unsigned char& contextId, DcmDataset** statusDetail,
                                        const std::function<void()>& poll)
{
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::seconds(m_timeouts.dimseSeconds);
    for (;;) {
        if (poll)
            poll();
        message = T_DIMSE_Message();
        T_ASC_PresentationContextID id = 0;
        const OFCondition cond = DIMSE_receiveCommand(m_assoc, DIMSE_NONBLOCKING, 1, &id, &message, statusDetail);
        contextId = id;
        if (cond != DIMSE_NODATAAVAILABLE || Clock::now() >= deadline)
            return cond;
    }
}

void Association::release()
{
    if (!m_assoc)
        return;
    if (ASC_releaseAssociation(m_assoc).bad())
        ASC_abortAssociation(m_assoc);
    destroy();
}

void Association::abort()
{
    if (!m_assoc)
        return;
    ASC_abortAssociation(m_assoc);
    destroy();
}

PacsError Association::error(const OFCondition& condition, const std::string& service)
{
    abort();
    const PacsError e = conditionError(condition, m_node.address(), service, m_timeouts.dimseSeconds);
    if (e.kind() != PacsError::Kind::Aborted)
        return e;
    return PacsError(e.kind(), std::string(e.what()) + " (PACS do so when they do not accept the calling AE title '" +
                                   m_node.localAeTitle + "' for it)");
}

} // namespace radpath::viewer::net::detail
