#pragma once
// One remote node as the GUI uses it, whatever it speaks: verify, find studies and series,
// retrieve a series or study into a folder, store files. DimsePacsConnection
// (viewer::net::DimseClient) and DicomWebPacsConnection (viewer::net::DicomWebClient)
// implement it; makePacsConnection picks one for a node.
//
// Calls block and throw viewer::net::PacsError (what() is the message to show) or
// viewer::OperationCancelled: run them in jobs, never on the GUI thread. A connection holds
// no open socket between calls and may be used from several threads at once.

#include "app/core/PacsNodeStore.h"
#include "viewer/io/TaskControl.h"
#include "viewer/net/PacsRecords.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace radpath::app {

enum class RetrieveMethod {
    Get,  ///< C-GET (DICOMweb: WADO-RS): the data comes back on the same connection
    Move, ///< C-MOVE to RadPath's AE title and storage port (DIMSE only)
};

/// Called on the working thread as instances arrive or are sent.
using PacsProgress = std::function<void(const viewer::net::TransferProgress&)>;

class PacsConnection {
public:
    virtual ~PacsConnection() = default;

    /// "ORTHANC at 127.0.0.1:4242" or the base URL: how messages name the node.
    virtual QString describe() const = 0;
    virtual bool supportsMove() const = 0;

    /// Checks that the node answers (C-ECHO; DICOMweb: a small query). Returns normally on success.
    virtual void verify(const viewer::TaskControl& control) const = 0;
    virtual std::vector<viewer::net::PacsStudy> findStudies(const viewer::net::PacsQuery& query,
                                                            const viewer::TaskControl& control) const = 0;
    /// The series of query.studyUid.
    virtual std::vector<viewer::net::PacsSeries> findSeries(const viewer::net::PacsQuery& query,
                                                            const viewer::TaskControl& control) const = 0;
    /// A study (seriesUid empty) or one series into `outDir`, one complete DICOM file per instance.
    virtual viewer::net::TransferResult retrieve(const std::string& studyUid, const std::string& seriesUid,
                                                 const std::string& outDir, RetrieveMethod method,
                                                 const viewer::TaskControl& control,
                                                 const PacsProgress& onProgress) const = 0;
    virtual viewer::net::TransferResult store(const std::vector<std::string>& files, const viewer::TaskControl& control,
                                              const PacsProgress& onProgress) const = 0;
};

/// The connection for `node`, RadPath being `identity`; `secret` is the DICOMweb password or
/// token (ignored for DIMSE). Throws viewer::net::PacsError(Request) for a node that cannot
/// be used (DICOM TLS, an unusable DICOMweb URL).
std::shared_ptr<const PacsConnection> makePacsConnection(const PacsNodeConfig& node, const PacsLocalIdentity& identity,
                                                         const QString& secret = {});

} // namespace radpath::app
