#pragma once
// A DICOMweb client (PS3.18 over HTTP, Qt Network): a reachability check, QIDO-RS at study
// and series level, WADO-RS of a study or series into a folder, STOW-RS of files. The same
// queries, records and transfer reports as DimseClient, so callers can use either.
//
// Every call blocks and makes its own QNetworkAccessManager on the calling thread, runs its
// own QEventLoop and deletes both before returning. So calls work on any thread, worker
// threads without a running event loop included (QThreadPool jobs, std::thread); run them
// off the GUI thread. A QCoreApplication must exist. A client can be used from several
// threads at once. Nothing patient-related is logged.
//
// Errors are PacsError; what() names the request URL without its query and without any
// user name, password or token (Connect: refused, unknown host, no connection in time;
// Rejected: HTTP 401 or 403, "authentication failed"; Timeout: no byte for the answer
// timeout; Aborted: the connection broke off, a truncated answer; Protocol: an answer that
// is not DICOM JSON or not multipart/related DICOM; Failed: other HTTP errors, 404 "not
// found", instances the server did not store; Local: files; Request: unusable input).
// OperationCancelled when the TaskControl asked to stop (the request is aborted). A GET
// whose connection is reset before any byte of the answer arrived is sent once more.
//
// Retrieved instances are written as OUT/<SOP Instance UID>.dcm (the Part 10 file the
// server sent, any transfer syntax), each streamed to a hidden temporary name in OUT and
// renamed when its part is complete, so OUT only ever holds complete DICOM files: a
// retrieve that is cancelled or breaks off leaves the complete files before it and no
// partial one.
//
// Requests to a loopback host bypass any proxy; others use Qt's application proxy.
// Redirects are followed only to the same origin, so credentials go nowhere else.

#include "viewer/io/TaskControl.h"
#include "viewer/net/DimseClient.h" // TransferCallback
#include "viewer/net/PacsError.h"
#include "viewer/net/PacsRecords.h"

#include <string>
#include <vector>

namespace radpath::viewer::net {

/// How RadPath identifies itself to the server; sent with every request.
struct DicomWebAuth {
    enum class Kind { None, Basic, Bearer };
    Kind kind = Kind::None;
    std::string user;     ///< Basic
    std::string password; ///< Basic
    std::string token;    ///< Bearer (an OAuth 2 access token)

    static DicomWebAuth basic(std::string user, std::string password)
    {
        return {Kind::Basic, std::move(user), std::move(password), {}};
    }
    static DicomWebAuth bearer(std::string token) { return {Kind::Bearer, {}, {}, std::move(token)}; }
};

/// Seconds; values below 1 count as 1.
struct DicomWebTimeouts {
    int connectSeconds = 10; ///< until the request has been sent (TCP and TLS connection included)
    int answerSeconds = 60;  ///< longest wait for the next byte of the answer (or of the upload)
};

class DicomWebClient {
public:
    /// `baseUrl`: the service root, e.g. "http://127.0.0.1:8042/dicom-web" (a trailing '/' is
    /// ignored; http or https). A user name and password in the URL itself count as Basic
    /// authentication when `auth` is None, and never appear in messages. Throws
    /// PacsError(Request) for a URL that is not http(s) with a host.
    explicit DicomWebClient(const std::string& baseUrl, DicomWebAuth auth = {}, DicomWebTimeouts timeouts = {});

    /// The base URL without credentials, as messages name it.
    const std::string& baseUrl() const { return m_displayUrl; }
    const DicomWebTimeouts& timeouts() const { return m_timeouts; }

    /// GET {base}/studies?limit=1: returns normally when the server answers with DICOM JSON
    /// (or 204 No Content).
    void echo(const TaskControl& control = {}) const;

    /// QIDO-RS GET {base}/studies with the query's keys (fuzzy matching off; the date range
    /// as "FROM-TO"). An empty list when nothing matches. Values are percent-encoded where a
    /// URL needs it, '*' and '?' stay literal; a server that matches without decoding
    /// (Orthanc 1.10) finds nothing for values holding '^', spaces or non-ASCII letters.
    std::vector<PacsStudy> findStudies(const PacsQuery& query, const TaskControl& control = {}) const;
    /// QIDO-RS GET {base}/studies/{query.studyUid}/series (studyUid required; filters on modality).
    std::vector<PacsSeries> findSeries(const PacsQuery& query, const TaskControl& control = {}) const;

    /// WADO-RS GET {base}/studies/{studyUid}[/series/{seriesUid}] as multipart/related
    /// application/dicom, any transfer syntax, into `outDir` (created when missing), parsed as
    /// it arrives. Progress after each instance; `remaining` comes from a QIDO-RS count asked
    /// first (0 when the server does not say). Throws PacsError(Aborted) naming how many
    /// instances were written when the answer is truncated, PacsError(Protocol) for an answer
    /// that is not multipart/related or a part that is not a Part 10 file with a SOP Instance UID.
    TransferResult get(const std::string& studyUid, const std::string& seriesUid, const std::string& outDir,
                       const TaskControl& control = {}, const TransferCallback& onProgress = {}) const;

    /// STOW-RS POST {base}/studies of DICOM files (Part 10), as multipart/related
    /// application/dicom in requests of at most kStoreBatchFiles files; progress after each
    /// request. Throws PacsError(Local) before sending if a file cannot be read as DICOM, and
    /// PacsError(Failed) naming the counts if the server refused some files (after trying all).
    TransferResult store(const std::vector<std::string>& files, const TaskControl& control = {},
                         const TransferCallback& onProgress = {}) const;

    static constexpr int kStoreBatchFiles = 32;

private:
    std::string m_baseUrl;    ///< as requests use it, credentials removed, no trailing '/'
    std::string m_displayUrl; ///< the same, for messages
    DicomWebAuth m_auth;
    DicomWebTimeouts m_timeouts;
};

} // namespace radpath::viewer::net
