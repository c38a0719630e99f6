// DimseClient: C-GET (instances arrive as C-STORE sub-operations on the same association)
// and C-MOVE (they arrive at RadPath's storage SCP, run for the duration of the move).

#include "viewer/net/DimseClient.h"

#include "viewer/net/DimseAssociation.h"
#include "viewer/net/InstanceReceiver.h"
#include "viewer/net/StorageScp.h"
#include "viewer/net/TransferReport.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmnet/dimse.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

namespace radpath::viewer::net {

using detail::Association;
using detail::InstanceReceiver;
using Kind = PacsError::Kind;

namespace {

enum class Retrieve { Get, Move };

struct Outcome {
    TransferProgress counts;
    unsigned short status = 0; ///< of the final response
    bool cancelled = false;    ///< RadPath sent C-CANCEL (or gave up waiting after it)
};

void checkUids(const std::string& studyUid, const std::string& seriesUid)
{
    if (!detail::isValidUid(studyUid))
        throw PacsError(Kind::Request, "a retrieve needs the Study Instance UID of the study, not '" + studyUid + "'");
    if (!seriesUid.empty() && !detail::isValidUid(seriesUid))
        throw PacsError(Kind::Request, "'" + seriesUid + "' is not a Series Instance UID");
}

void putRetrieveKeys(DcmDataset& keys, const std::string& studyUid, const std::string& seriesUid)
{
    keys.putAndInsertString(DCM_QueryRetrieveLevel, seriesUid.empty() ? "STUDY" : "SERIES");
    keys.putAndInsertString(DCM_StudyInstanceUID, studyUid.c_str());
    if (!seriesUid.empty())
        keys.putAndInsertString(DCM_SeriesInstanceUID, seriesUid.c_str());
}

template <typename Response>
void readCounts(const Response& r, TransferProgress& p, unsigned remainingFlag, unsigned completedFlag,
                unsigned failedFlag, unsigned warningFlag)
{
    if (r.opts & remainingFlag)
        p.remaining = r.NumberOfRemainingSubOperations;
    else if (!DICOM_PENDING_STATUS(r.DimseStatus))
        p.remaining = 0;
    if (r.opts & completedFlag)
        p.completed = r.NumberOfCompletedSubOperations;
    if (r.opts & failedFlag)
        p.failed = r.NumberOfFailedSubOperations;
    if (r.opts & warningFlag)
        p.warning = r.NumberOfWarningSubOperations;
}

// Sends the C-GET or C-MOVE request on `pc` and handles what comes back until the final
// response: responses update the counts, C-STORE requests (C-GET) go to `receiver`.
Outcome runRetrieve(Association& a, T_ASC_PresentationContextID pc, Retrieve kind, const char* sopClass,
                    DcmDataset& keys, InstanceReceiver* receiver, const TaskControl& control,
                    const TransferCallback& onProgress)
{
    const std::string service = kind == Retrieve::Get ? "C-GET" : "C-MOVE";
    const int dimseSeconds = a.timeouts().dimseSeconds;
    T_DIMSE_Message request{};
    const DIC_US messageId = a.nextMessageId();
    if (kind == Retrieve::Get) {
        request.CommandField = DIMSE_C_GET_RQ;
        T_DIMSE_C_GetRQ& get = request.msg.CGetRQ;
        get.MessageID = messageId;
        OFStandard::strlcpy(get.AffectedSOPClassUID, sopClass, sizeof get.AffectedSOPClassUID);
        get.Priority = DIMSE_PRIORITY_MEDIUM;
        get.DataSetType = DIMSE_DATASET_PRESENT;
    } else {
        request.CommandField = DIMSE_C_MOVE_RQ;
        T_DIMSE_C_MoveRQ& move = request.msg.CMoveRQ;
        move.MessageID = messageId;
        OFStandard::strlcpy(move.AffectedSOPClassUID, sopClass, sizeof move.AffectedSOPClassUID);
        OFStandard::strlcpy(move.MoveDestination, a.node().localAeTitle.c_str(), sizeof move.MoveDestination);
        move.Priority = DIMSE_PRIORITY_MEDIUM;
        move.DataSetType = DIMSE_DATASET_PRESENT;
    }
    OFCondition cond = DIMSE_sendMessageUsingMemoryData(a.get(), pc, &request, nullptr, &keys, nullptr, nullptr);
    if (cond.bad())
        throw a.error(cond, service);

    Outcome outcome;
    const auto poll = [&] {
        if (!outcome.cancelled && control.cancelled()) {
            DIMSE_sendCancelRequest(a.get(), pc, messageId);
            outcome.cancelled = true;
        }
    };
    for (;;) {
        T_DIMSE_Message message{};
        T_ASC_PresentationContextID messageContext = 0;
        DcmDataset* statusDetail = nullptr;
        cond = a.receiveCommand(message, messageContext, &statusDetail, poll);
        delete statusDetail;
        if (cond.good() && receiver && message.CommandField == DIMSE_C_STORE_RQ) {
            cond = receiver->receive(a.get(), messageContext, message, dimseSeconds);
            if (cond.good())
                continue;
        }
        if (cond.bad()) {
            if (outcome.cancelled) { // the peer did not finish after C-CANCEL: stop here
                a.abort();
                return outcome;
            }
            throw a.error(cond, service);
        }
        const bool isResponse = message.CommandField == (kind == Retrieve::Get ? DIMSE_C_GET_RSP : DIMSE_C_MOVE_RSP);
        if (!isResponse) {
            char command[8];
            std::snprintf(command, sizeof command, "0x%04X", unsigned(message.CommandField));
            a.abort();
            throw PacsError(Kind::Protocol, a.node().address() + " sent an unexpected DIMSE command (" + command +
                                                ") during the " + service);
        }
        T_DIMSE_DataSetType dataSetType;
        if (kind == Retrieve::Get) {
            const T_DIMSE_C_GetRSP& r = message.msg.CGetRSP;
            readCounts(r, outcome.counts, O_GET_NUMBEROFREMAININGSUBOPERATIONS, O_GET_NUMBEROFCOMPLETEDSUBOPERATIONS,
                       O_GET_NUMBEROFFAILEDSUBOPERATIONS, O_GET_NUMBEROFWARNINGSUBOPERATIONS);
            outcome.status = r.DimseStatus;
            dataSetType = r.DataSetType;
        } else {
            const T_DIMSE_C_MoveRSP& r = message.msg.CMoveRSP;
            readCounts(r, outcome.counts, O_MOVE_NUMBEROFREMAININGSUBOPERATIONS, O_MOVE_NUMBEROFCOMPLETEDSUBOPERATIONS,
                       O_MOVE_NUMBEROFFAILEDSUBOPERATIONS, O_MOVE_NUMBEROFWARNINGSUBOPERATIONS);
            outcome.status = r.DimseStatus;
            dataSetType = r.DataSetType;
        }
        if (dataSetType != DIMSE_DATASET_NULL) { // the Failed SOP Instance UID List: not needed
            DcmDataset* identifiers = nullptr;
            cond = DIMSE_receiveDataSetInMemory(a.get(), DIMSE_NONBLOCKING, dimseSeconds, &messageContext, &identifiers,
                                                nullptr, nullptr);
            delete identifiers;
            if (cond.bad())
                throw a.error(cond, service);
        }
        detail::reportTransfer(control, onProgress, outcome.counts);
        if (!DICOM_PENDING_STATUS(outcome.status))
            return outcome;
    }
}

// The result of a finished retrieve, or the PacsError its final status calls for.
TransferResult finishRetrieve(const Outcome& outcome, const InstanceReceiver& receiver, const std::string& peer,
                              const std::string& service)
{
    const TransferProgress& c = outcome.counts;
    TransferResult result;
    result.completed = c.completed + c.warning;
    result.warning = c.warning;
    result.files = receiver.files();
    const std::string local = receiver.lastProblem().empty() ? std::string() : "; RadPath: " + receiver.lastProblem();
    const std::string counts = std::to_string(c.failed) + " of " + std::to_string(c.completed + c.failed + c.warning) +
                               " sub-operations failed, " + std::to_string(c.warning) + " completed with warnings";
    if (DICOM_SUCCESS_STATUS(outcome.status) || (DICOM_WARNING_STATUS(outcome.status) && c.failed == 0))
        return result;
    if (DICOM_WARNING_STATUS(outcome.status))
        throw PacsError(Kind::Failed,
                        "the " + service + " from " + peer + " finished with failures: " + counts + local);
    if (DICOM_CANCEL_STATUS(outcome.status))
        throw PacsError(Kind::Failed, peer + " cancelled the " + service + " itself" + local);
    throw PacsError(Kind::Failed,
                    "the " + service + " from " + peer + " failed: status " +
                        detail::statusText(outcome.status, service == "C-GET" ? DIMSE_C_GET_RSP : DIMSE_C_MOVE_RSP) +
                        (c.failed > 0 ? " (" + counts + ")" : std::string()) + local);
}

} // namespace

TransferResult DimseClient::get(const std::string& studyUid, const std::string& seriesUid, const std::string& outDir,
                                const TaskControl& control, const TransferCallback& onProgress) const
{
    checkUids(studyUid, seriesUid);
    InstanceReceiver receiver(outDir);
    // The query model, and RadPath as SCP of the common storage SOP classes (uncompressed).
    std::vector<detail::ProposedContext> contexts{
        {UID_GETStudyRootQueryRetrieveInformationModel, detail::uncompressedTransferSyntaxes()}};
    for (int i = 0; i < numberOfDcmLongSCUStorageSOPClassUIDs && contexts.size() < 128; ++i)
        contexts.push_back({dcmLongSCUStorageSOPClassUIDs[i], detail::uncompressedTransferSyntaxes(), true});
    Association a(m_node, m_timeouts, contexts);
    const T_ASC_PresentationContextID pc = a.context(UID_GETStudyRootQueryRetrieveInformationModel);
    if (pc == 0)
        throw PacsError(Kind::Rejected, m_node.address() + " does not offer Study Root C-GET");
    DcmDataset keys;
    putRetrieveKeys(keys, studyUid, seriesUid);
    const Outcome outcome = runRetrieve(a, pc, Retrieve::Get, UID_GETStudyRootQueryRetrieveInformationModel, keys,
                                        &receiver, control, onProgress);
    a.release();
    if (outcome.cancelled)
        throw OperationCancelled{};
    return finishRetrieve(outcome, receiver, m_node.address(), "C-GET");
}

TransferResult DimseClient::move(const std::string& studyUid, const std::string& seriesUid, const std::string& outDir,
                                 const TaskControl& control, const TransferCallback& onProgress) const
{
    checkUids(studyUid, seriesUid);
    if (m_node.localPort <= 0)
        throw PacsError(Kind::Request, "a C-MOVE needs the port of RadPath's storage SCP (its own port)");
    InstanceReceiver receiver(outDir);
    detail::StorageScp scp(m_node.localAeTitle, m_node.localPort, m_timeouts, receiver); // listening from here
    Association a(m_node, m_timeouts,
                  {{UID_MOVEStudyRootQueryRetrieveInformationModel, detail::uncompressedTransferSyntaxes()}});
    const T_ASC_PresentationContextID pc = a.context(UID_MOVEStudyRootQueryRetrieveInformationModel);
    if (pc == 0)
        throw PacsError(Kind::Rejected, m_node.address() + " does not offer Study Root C-MOVE");
    DcmDataset keys;
    putRetrieveKeys(keys, studyUid, seriesUid);
    const Outcome outcome = runRetrieve(a, pc, Retrieve::Move, UID_MOVEStudyRootQueryRetrieveInformationModel, keys,
                                        nullptr, control, onProgress);
    a.release();
    // Every sub-operation was answered before the final response; give the peer a moment
    // to release its storage association cleanly, then stop listening.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(std::min(5, m_timeouts.dimseSeconds));
    while (scp.busy() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    scp.stop();
    if (outcome.cancelled)
        throw OperationCancelled{};
    try {
        return finishRetrieve(outcome, receiver, m_node.address(), "C-MOVE");
    } catch (const PacsError& e) {
        if (receiver.stored() > 0 || receiver.refused() > 0)
            throw;
        throw PacsError(e.kind(), std::string(e.what()) + "; no instance reached RadPath's storage SCP: if the " +
                                      "study exists, check that the PACS knows the AE title '" + m_node.localAeTitle +
                                      "' with this computer's address and port " + std::to_string(m_node.localPort));
    }
}

} // namespace radpath::viewer::net
