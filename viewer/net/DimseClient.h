#pragma once
// A DICOM network client (DIMSE over TCP, or over DICOM TLS when PacsNode::tls; DCMTK's dcmnet
// and dcmtls): C-ECHO, C-FIND at study and series level, C-GET and C-MOVE of a study or series
// into a folder, C-STORE of files.
//
// Every call opens its own association, releases it when done and throws PacsError when the
// peer cannot be reached, rejects, times out, aborts or reports failures; OperationCancelled
// when the TaskControl asked to stop (a retrieve sends C-CANCEL, then aborts if the peer does
// not finish within the DIMSE timeout). Calls block; run them off the GUI thread. A client can
// be used from several threads at once. Nothing patient-related is logged.
//
// Retrieved instances are written as OUT/<SOP Instance UID>.dcm (DICOM file format, the
// transfer syntax the peer sent), each through a temporary name and a rename, so the folder
// only ever holds complete DICOM files: a transfer that is aborted or fails midway leaves
// the complete files before it and no partial one.

#include "viewer/io/TaskControl.h"
#include "viewer/net/PacsError.h"
#include "viewer/net/PacsNode.h"
#include "viewer/net/PacsRecords.h"

#include <functional>
#include <string>
#include <vector>

namespace radpath::viewer::net {

/// Called on the working thread after each sub-operation (and each C-GET / C-MOVE response).
using TransferCallback = std::function<void(const TransferProgress&)>;

class DimseClient {
public:
    explicit DimseClient(PacsNode node, DimseTimeouts timeouts = {});

    const PacsNode& node() const { return m_node; }
    const DimseTimeouts& timeouts() const { return m_timeouts; }

    /// C-ECHO (Verification). Returns normally when the peer answered with success.
    void echo() const;

    /// C-FIND, Study Root, STUDY level. An empty list when nothing matches.
    std::vector<PacsStudy> findStudies(const PacsQuery& query, const TaskControl& control = {}) const;
    /// C-FIND, Study Root, SERIES level of query.studyUid (required).
    std::vector<PacsSeries> findSeries(const PacsQuery& query, const TaskControl& control = {}) const;

    /// C-GET of a study (seriesUid empty) or one series into `outDir` (created when missing),
    /// on the same association. Throws PacsError(Failed) naming the counts when sub-operations
    /// failed; warnings only are counted in the result.
    TransferResult get(const std::string& studyUid, const std::string& seriesUid, const std::string& outDir,
                       const TaskControl& control = {}, const TransferCallback& onProgress = {}) const;

    /// C-MOVE of a study or series to node().localAeTitle, received by a storage SCP that
    /// listens on node().localPort (all interfaces: the PACS must reach it) for the duration
    /// of the call. The PACS must know that AE title with this machine's address and port.
    TransferResult move(const std::string& studyUid, const std::string& seriesUid, const std::string& outDir,
                        const TaskControl& control = {}, const TransferCallback& onProgress = {}) const;

    /// C-STORE of DICOM files (Part 10). Presentation contexts are proposed from the files'
    /// SOP classes and transfer syntaxes, each class with an uncompressed fallback; a file
    /// whose own transfer syntax was not accepted is converted (decompressed) when DCMTK can.
    /// Throws PacsError(Local) before connecting if a file cannot be read as DICOM, and
    /// PacsError(Failed) naming the counts if the peer refused some files (after trying all).
    TransferResult store(const std::vector<std::string>& files, const TaskControl& control = {},
                         const TransferCallback& onProgress = {}) const;

private:
    PacsNode m_node;
    DimseTimeouts m_timeouts;
};

} // namespace radpath::viewer::net
