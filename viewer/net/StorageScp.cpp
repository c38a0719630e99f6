#include "viewer/net/StorageScp.h"

#include "viewer/net/DimseAssociation.h"
#include "viewer/net/InstanceReceiver.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmnet/dimse.h>
#include <dcmtk/dcmnet/dul.h>

#include <algorithm>
#include <poll.h>

namespace radpath::viewer::net::detail {
namespace {

// Accepted transfer syntaxes, most preferred first: uncompressed, then what DCMTK or the
// viewer's decoders read. The data are stored as they arrive, never decoded here.
const char* kAcceptedSyntaxes[] = {
    UID_LittleEndianExplicitTransferSyntax,
    UID_LittleEndianImplicitTransferSyntax,
    UID_BigEndianExplicitTransferSyntax,
    UID_DeflatedExplicitVRLittleEndianTransferSyntax,
    UID_JPEGProcess14SV1TransferSyntax,
    UID_JPEGProcess14TransferSyntax,
    UID_JPEGLSLosslessTransferSyntax,
    UID_JPEG2000LosslessOnlyTransferSyntax,
    UID_RLELosslessTransferSyntax,
    UID_JPEGProcess1TransferSyntax,
    UID_JPEGProcess2_4TransferSyntax,
    UID_JPEGLSLossyTransferSyntax,
    UID_JPEG2000TransferSyntax,
};
constexpr int kAcceptedSyntaxCount = int(sizeof kAcceptedSyntaxes / sizeof kAcceptedSyntaxes[0]);

void drop(T_ASC_Association*& assoc)
{
    ASC_dropSCPAssociation(assoc);
    ASC_destroyAssociation(&assoc);
}

} // namespace

StorageScp::StorageScp(const std::string& aeTitle, int port, const DimseTimeouts& timeouts, InstanceReceiver& receiver)
    : m_aeTitle(aeTitle), m_timeouts(timeouts), m_receiver(receiver)
{
    initialiseNetworking();
    checkAeTitle(aeTitle, "storage SCP AE title");
    if (port < 1 || port > 65535)
        throw PacsError(PacsError::Kind::Request,
                        "the storage SCP port must be 1 to 65535, not " + std::to_string(port));
    m_timeouts.acseSeconds = std::max(1, m_timeouts.acseSeconds);
    m_timeouts.dimseSeconds = std::max(1, m_timeouts.dimseSeconds);
    const OFCondition cond = ASC_initializeNetwork(NET_ACCEPTOR, port, m_timeouts.acseSeconds, &m_network);
    if (cond.bad())
        throw PacsError(PacsError::Kind::Local,
                        "cannot listen for DICOM on port " + std::to_string(port) + ": " + cond.text());
    m_thread = std::thread([this] { run(); });
}

StorageScp::~StorageScp()
{
    stop();
}

void StorageScp::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_network)
        ASC_dropNetwork(&m_network);
    m_network = nullptr;
}

void StorageScp::run()
{
    const DcmNativeSocketType listener = DUL_networkSocket(m_network->network);
    while (!m_stop) {
        // Waits 100 ms at most for a connection, so that stop() is seen soon.
        pollfd waiting{listener, POLLIN, 0};
        if (::poll(&waiting, 1, 100) <= 0)
            continue;
        T_ASC_Association* assoc = nullptr;
        const OFCondition cond =
            ASC_receiveAssociation(m_network, &assoc, kMaxReceivePdu, nullptr, nullptr, OFFalse, DUL_NOBLOCK, 1);
        if (cond.bad()) {
            if (assoc)
                drop(assoc);
            continue;
        }
        m_busy = true;
        serve(assoc);
        m_busy = false;
    }
}

void StorageScp::serve(T_ASC_Association* assoc)
{
    sendWithoutDelay(assoc);
    // Negotiation: our AE title only; Verification and every storage SOP class.
    char calling[64] = {0}, called[64] = {0}, responding[64] = {0};
    ASC_getAPTitles(assoc->params, calling, sizeof calling, called, sizeof called, responding, sizeof responding);
    std::string calledTitle = called;
    while (!calledTitle.empty() && calledTitle.back() == ' ')
        calledTitle.pop_back();
    if (calledTitle != m_aeTitle) {
        const T_ASC_RejectParameters rej{ASC_RESULT_REJECTEDPERMANENT, ASC_SOURCE_SERVICEUSER,
                                         ASC_REASON_SU_CALLEDAETITLENOTRECOGNIZED};
        ASC_rejectAssociation(assoc, &rej);
        drop(assoc);
        return;
    }
    const char* verification[] = {UID_VerificationSOPClass};
    OFCondition cond = ASC_acceptContextsWithPreferredTransferSyntaxes(assoc->params, verification, 1,
                                                                       kAcceptedSyntaxes, kAcceptedSyntaxCount);
    if (cond.good())
        cond = ASC_acceptContextsWithPreferredTransferSyntaxes(assoc->params, dcmAllStorageSOPClassUIDs,
                                                               numberOfDcmAllStorageSOPClassUIDs, kAcceptedSyntaxes,
                                                               kAcceptedSyntaxCount);
    if (cond.good())
        cond = ASC_acknowledgeAssociation(assoc);
    if (cond.bad()) {
        drop(assoc);
        return;
    }

    // Commands until the peer releases, aborts or stays silent past the DIMSE timeout.
    int idleSeconds = 0;
    while (true) {
        T_DIMSE_Message message{};
        T_ASC_PresentationContextID contextId = 0;
        DcmDataset* statusDetail = nullptr;
        cond = DIMSE_receiveCommand(assoc, DIMSE_NONBLOCKING, 1, &contextId, &message, &statusDetail);
        delete statusDetail;
        if (cond == DIMSE_NODATAAVAILABLE) {
            if (m_stop || ++idleSeconds >= m_timeouts.dimseSeconds) {
                ASC_abortAssociation(assoc);
                break;
            }
            continue;
        }
        idleSeconds = 0;
        if (cond == DUL_PEERREQUESTEDRELEASE) {
            ASC_acknowledgeRelease(assoc);
            break;
        }
        if (cond.bad())
            break; // aborted or broken: nothing to answer
        if (message.CommandField == DIMSE_C_ECHO_RQ) {
            cond = DIMSE_sendEchoResponse(assoc, contextId, &message.msg.CEchoRQ, STATUS_Success, nullptr);
        } else if (message.CommandField == DIMSE_C_STORE_RQ) {
            cond = m_receiver.receive(assoc, contextId, message, m_timeouts.dimseSeconds);
        } else {
            ASC_abortAssociation(assoc); // a storage SCP offers nothing else
            break;
        }
        if (cond.bad()) {
            ASC_abortAssociation(assoc);
            break;
        }
    }
    drop(assoc);
}

} // namespace radpath::viewer::net::detail
