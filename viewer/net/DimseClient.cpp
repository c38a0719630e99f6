// DimseClient: C-ECHO, C-FIND and C-STORE. C-GET and C-MOVE are in DimseRetrieve.cpp.

#include "viewer/net/DimseClient.h"

#include "viewer/io/DicomText.h"
#include "viewer/net/DimseAssociation.h"
#include "viewer/net/TransferReport.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmnet/dimse.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace radpath::viewer::net {

using detail::Association;
using detail::ProposedContext;
using detail::uncompressedTransferSyntaxes;
using Kind = PacsError::Kind;

namespace {

std::string stringOf(DcmItem& item, const DcmTagKey& tag)
{
    OFString value;
    return item.findAndGetOFStringArray(tag, value).good() ? std::string(value.c_str()) : std::string();
}

int numberOf(DcmItem& item, const DcmTagKey& tag)
{
    const std::string text = stringOf(item, tag);
    char* end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    return text.empty() || end == text.c_str() ? -1 : int(value);
}

std::vector<std::string> splitValues(const std::string& text)
{
    std::vector<std::string> values;
    std::size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        const std::size_t end = std::min(text.find('\\', start), text.size());
        if (end > start)
            values.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return values;
}

bool isAscii(const std::string& text)
{
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x80; });
}

// Query keys common to both levels; the character set says the query text is UTF-8 when
// it is not plain ASCII, and asks for the answers' character set either way.
void putCharacterSet(DcmDataset& keys, const PacsQuery& q)
{
    const bool ascii =
        isAscii(q.patientName) && isAscii(q.studyDescription) && isAscii(q.patientId) && isAscii(q.accessionNumber);
    keys.putAndInsertString(DCM_SpecificCharacterSet, ascii ? "" : "ISO_IR 192");
}

// Runs one C-FIND with `keys`, handing each match to `onMatch` (which must not throw).
void runFind(const PacsNode& node, const DimseTimeouts& timeouts, DcmDataset& keys, const TaskControl& control,
             const std::function<void(DcmDataset&)>& onMatch)
{
    Association a(node, timeouts, {{UID_FINDStudyRootQueryRetrieveInformationModel, uncompressedTransferSyntaxes()}});
    const T_ASC_PresentationContextID pc = a.context(UID_FINDStudyRootQueryRetrieveInformationModel);
    if (pc == 0)
        throw PacsError(Kind::Rejected, node.address() + " does not offer Study Root C-FIND");
    T_DIMSE_C_FindRQ request{};
    request.MessageID = a.nextMessageId();
    OFStandard::strlcpy(request.AffectedSOPClassUID, UID_FINDStudyRootQueryRetrieveInformationModel,
                        sizeof request.AffectedSOPClassUID);
    request.DataSetType = DIMSE_DATASET_PRESENT;
    request.Priority = DIMSE_PRIORITY_MEDIUM;

    struct Context {
        const std::function<void(DcmDataset&)>* onMatch;
        const TaskControl* control;
        T_ASC_Association* assoc;
        T_ASC_PresentationContextID pc;
        DIC_US messageId;
        bool cancelSent;
    } context{&onMatch, &control, a.get(), pc, request.MessageID, false};
    const DIMSE_FindUserCallback callback = [](void* data, T_DIMSE_C_FindRQ*, int, T_DIMSE_C_FindRSP*,
                                               DcmDataset* identifiers) {
        auto* c = static_cast<Context*>(data);
        if (identifiers)
            (*c->onMatch)(*identifiers);
        if (!c->cancelSent && c->control->cancelled()) {
            DIMSE_sendCancelRequest(c->assoc, c->pc, c->messageId);
            c->cancelSent = true;
        }
    };
    int responses = 0;
    T_DIMSE_C_FindRSP response{};
    DcmDataset* statusDetail = nullptr;
    const OFCondition cond = DIMSE_findUser(a.get(), pc, &request, &keys, responses, callback, &context,
                                            DIMSE_NONBLOCKING, a.timeouts().dimseSeconds, &response, &statusDetail);
    delete statusDetail;
    if (cond.bad())
        throw a.error(cond, "C-FIND");
    a.release();
    if (context.cancelSent)
        throw OperationCancelled{};
    if (response.DimseStatus != STATUS_Success)
        throw PacsError(Kind::Failed, node.address() + " answered the C-FIND with status " +
                                          detail::statusText(response.DimseStatus, DIMSE_C_FIND_RSP));
}

struct FileInfo {
    std::string path;
    std::string sopClass;
    std::string sopInstance;
    std::string transferSyntax;
};

// The SOP class, instance and transfer syntax of a Part 10 file, from its meta header.
FileInfo readFileInfo(const std::string& path)
{
    DcmFileFormat file;
    const OFCondition cond = file.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, DCM_MaxReadLength, ERM_metaOnly);
    if (cond.bad())
        throw PacsError(Kind::Local, path + ": cannot be read as a DICOM file: " + cond.text());
    FileInfo info{path, stringOf(*file.getMetaInfo(), DCM_MediaStorageSOPClassUID),
                  stringOf(*file.getMetaInfo(), DCM_MediaStorageSOPInstanceUID),
                  stringOf(*file.getMetaInfo(), DCM_TransferSyntaxUID)};
    if (info.sopClass.empty() || info.sopInstance.empty() || info.transferSyntax.empty())
        throw PacsError(Kind::Local, path + ": not a DICOM file with meta information (SOP class, instance and "
                                            "transfer syntax)");
    return info;
}

bool isUncompressed(const std::string& ts)
{
    const auto& u = uncompressedTransferSyntaxes();
    return std::find(u.begin(), u.end(), ts) != u.end();
}

// Per SOP class: one context for each compressed transfer syntax among the files, and one
// uncompressed context (the files' own uncompressed syntax, and the fallback for the rest).
std::vector<ProposedContext> storeContexts(const std::vector<FileInfo>& files)
{
    std::map<std::string, std::set<std::string>> syntaxesOf;
    for (const FileInfo& f : files)
        syntaxesOf[f.sopClass].insert(f.transferSyntax);
    std::vector<ProposedContext> contexts;
    for (const auto& [sopClass, syntaxes] : syntaxesOf) {
        for (const std::string& ts : syntaxes)
            if (!isUncompressed(ts))
                contexts.push_back({sopClass, {ts}});
        contexts.push_back({sopClass, uncompressedTransferSyntaxes()});
    }
    if (contexts.size() > 128)
        throw PacsError(Kind::Request, std::to_string(contexts.size()) +
                                           " SOP class and transfer syntax combinations do not fit one association "
                                           "(128 at most): send fewer kinds of files at once");
    return contexts;
}

} // namespace

DimseClient::DimseClient(PacsNode node, DimseTimeouts timeouts) : m_node(std::move(node)), m_timeouts(timeouts) {}

void DimseClient::echo() const
{
    Association a(m_node, m_timeouts, {{UID_VerificationSOPClass, uncompressedTransferSyntaxes()}});
    DIC_US status = 0;
    DcmDataset* statusDetail = nullptr;
    const OFCondition cond = DIMSE_echoUser(a.get(), a.nextMessageId(), DIMSE_NONBLOCKING, a.timeouts().dimseSeconds,
                                            &status, &statusDetail);
    delete statusDetail;
    if (cond.bad())
        throw a.error(cond, "C-ECHO");
    a.release();
    if (status != STATUS_Success)
        throw PacsError(Kind::Failed, m_node.address() + " answered the C-ECHO with status " +
                                          detail::statusText(status, DIMSE_C_ECHO_RSP));
}

std::vector<PacsStudy> DimseClient::findStudies(const PacsQuery& q, const TaskControl& control) const
{
    DcmDataset keys;
    keys.putAndInsertString(DCM_QueryRetrieveLevel, "STUDY");
    putCharacterSet(keys, q);
    keys.putAndInsertString(DCM_StudyInstanceUID, q.studyUid.c_str());
    keys.putAndInsertString(DCM_PatientName, q.patientName.c_str());
    keys.putAndInsertString(DCM_PatientID, q.patientId.c_str());
    const std::string range = q.studyDateFrom.empty() && q.studyDateTo.empty() ? std::string()
                              : q.studyDateFrom == q.studyDateTo               ? q.studyDateFrom
                                                                               : q.studyDateFrom + "-" + q.studyDateTo;
    keys.putAndInsertString(DCM_StudyDate, range.c_str());
    keys.putAndInsertString(DCM_StudyTime, "");
    keys.putAndInsertString(DCM_AccessionNumber, q.accessionNumber.c_str());
    keys.putAndInsertString(DCM_StudyDescription, q.studyDescription.c_str());
    keys.putAndInsertString(DCM_ModalitiesInStudy, q.modality.c_str());
    keys.putAndInsertString(DCM_NumberOfStudyRelatedSeries, "");
    keys.putAndInsertString(DCM_NumberOfStudyRelatedInstances, "");

    std::vector<PacsStudy> studies;
    runFind(m_node, m_timeouts, keys, control, [&studies](DcmDataset& match) {
        const std::string charset = stringOf(match, DCM_SpecificCharacterSet);
        PacsStudy s;
        s.studyUid = stringOf(match, DCM_StudyInstanceUID);
        s.patientName = decodeDicomText(stringOf(match, DCM_PatientName), charset, true);
        s.patientId = decodeDicomText(stringOf(match, DCM_PatientID), charset, false);
        s.studyDate = stringOf(match, DCM_StudyDate);
        s.studyTime = stringOf(match, DCM_StudyTime);
        s.accessionNumber = decodeDicomText(stringOf(match, DCM_AccessionNumber), charset, false);
        s.description = decodeDicomText(stringOf(match, DCM_StudyDescription), charset, false);
        s.modalities = splitValues(stringOf(match, DCM_ModalitiesInStudy));
        s.seriesCount = numberOf(match, DCM_NumberOfStudyRelatedSeries);
        s.instanceCount = numberOf(match, DCM_NumberOfStudyRelatedInstances);
        studies.push_back(std::move(s));
    });
    return studies;
}

std::vector<PacsSeries> DimseClient::findSeries(const PacsQuery& q, const TaskControl& control) const
{
    if (!detail::isValidUid(q.studyUid))
        throw PacsError(Kind::Request, "a series query needs the Study Instance UID of the study");
    DcmDataset keys;
    keys.putAndInsertString(DCM_QueryRetrieveLevel, "SERIES");
    putCharacterSet(keys, q);
    keys.putAndInsertString(DCM_StudyInstanceUID, q.studyUid.c_str());
    keys.putAndInsertString(DCM_SeriesInstanceUID, "");
    keys.putAndInsertString(DCM_Modality, q.modality.c_str());
    keys.putAndInsertString(DCM_SeriesNumber, "");
    keys.putAndInsertString(DCM_SeriesDescription, "");
    keys.putAndInsertString(DCM_NumberOfSeriesRelatedInstances, "");

    std::vector<PacsSeries> series;
    runFind(m_node, m_timeouts, keys, control, [&series, &q](DcmDataset& match) {
        PacsSeries s;
        s.studyUid = stringOf(match, DCM_StudyInstanceUID);
        if (s.studyUid.empty())
            s.studyUid = q.studyUid;
        s.seriesUid = stringOf(match, DCM_SeriesInstanceUID);
        s.modality = stringOf(match, DCM_Modality);
        s.description =
            decodeDicomText(stringOf(match, DCM_SeriesDescription), stringOf(match, DCM_SpecificCharacterSet), false);
        s.number = numberOf(match, DCM_SeriesNumber);
        s.instanceCount = numberOf(match, DCM_NumberOfSeriesRelatedInstances);
        series.push_back(std::move(s));
    });
    return series;
}

TransferResult DimseClient::store(const std::vector<std::string>& paths, const TaskControl& control,
                                  const TransferCallback& onProgress) const
{
    detail::initialiseNetworking();
    if (paths.empty())
        throw PacsError(Kind::Request, "no files to send");
    std::vector<FileInfo> files;
    for (const std::string& path : paths)
        files.push_back(readFileInfo(path));
    const std::string peer = m_node.address();
    Association a(m_node, m_timeouts, storeContexts(files));

    TransferProgress progress;
    progress.remaining = int(files.size());
    std::string firstProblem;
    for (const FileInfo& f : files) {
        if (control.cancelled()) {
            a.release();
            throw OperationCancelled{};
        }
        // The file as it is when its own transfer syntax was accepted, else a converted copy.
        T_ASC_PresentationContextID pc = a.context(f.sopClass, f.transferSyntax);
        DcmFileFormat converted;
        std::string problem;
        if (pc == 0) {
            for (const std::string& ts : uncompressedTransferSyntaxes())
                if ((pc = a.context(f.sopClass, ts)) != 0)
                    break;
            const E_TransferSyntax target = DcmXfer(a.transferSyntaxOf(pc).c_str()).getXfer();
            if (pc == 0)
                problem = peer + " accepted no presentation context for " +
                          dcmFindNameOfUID(f.sopClass.c_str(), f.sopClass.c_str());
            else if (converted.loadFile(f.path.c_str()).bad() ||
                     converted.getDataset()->chooseRepresentation(target, nullptr).bad() ||
                     !converted.getDataset()->canWriteXfer(target))
                problem = "cannot convert from " + std::string(DcmXfer(f.transferSyntax.c_str()).getXferName()) +
                          " to " + DcmXfer(target).getXferName();
        }
        unsigned short status = 0;
        if (problem.empty()) {
            T_DIMSE_C_StoreRQ request{};
            request.MessageID = a.nextMessageId();
            OFStandard::strlcpy(request.AffectedSOPClassUID, f.sopClass.c_str(), sizeof request.AffectedSOPClassUID);
            OFStandard::strlcpy(request.AffectedSOPInstanceUID, f.sopInstance.c_str(),
                                sizeof request.AffectedSOPInstanceUID);
            request.DataSetType = DIMSE_DATASET_PRESENT;
            request.Priority = DIMSE_PRIORITY_MEDIUM;
            DcmDataset* dataset = converted.getDataset()->card() > 0 ? converted.getDataset() : nullptr;
            T_DIMSE_C_StoreRSP response{};
            DcmDataset* statusDetail = nullptr;
            const OFCondition cond =
                DIMSE_storeUser(a.get(), pc, &request, dataset ? nullptr : f.path.c_str(), dataset, nullptr, nullptr,
                                DIMSE_NONBLOCKING, a.timeouts().dimseSeconds, &response, &statusDetail);
            delete statusDetail;
            if (cond.bad())
                throw a.error(cond, "C-STORE (after " + std::to_string(progress.completed + progress.warning) + " of " +
                                        std::to_string(files.size()) + " files)");
            status = response.DimseStatus;
            if (!DICOM_SUCCESS_STATUS(status) && !DICOM_WARNING_STATUS(status))
                problem = "status " + detail::statusText(status, DIMSE_C_STORE_RSP);
        }
        --progress.remaining;
        if (!problem.empty()) {
            ++progress.failed;
            if (firstProblem.empty())
                firstProblem = f.path + ": " + problem;
        } else if (DICOM_WARNING_STATUS(status)) {
            ++progress.warning;
        } else {
            ++progress.completed;
        }
        detail::reportTransfer(control, onProgress, progress);
    }
    a.release();
    return detail::storeResult(peer, progress, files.size(), firstProblem);
}

} // namespace radpath::viewer::net
