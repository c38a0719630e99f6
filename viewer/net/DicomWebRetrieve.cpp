// DicomWebClient::get: WADO-RS of a study or series, its multipart/related answer parsed as
// it arrives and each part written as a complete DICOM file.

#include "viewer/net/DicomWebClient.h"

#include "viewer/net/DimseAssociation.h"
#include "viewer/net/HttpExchange.h"
#include "viewer/net/MultipartParser.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace radpath::viewer::net {

using detail::MultipartError;
using detail::MultipartParser;
using Kind = PacsError::Kind;

namespace {

constexpr const char* kAcceptDicom = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";

std::atomic<unsigned> g_sequence{0}; // temporary names, unique within the process

std::string plural(int n, const char* what)
{
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

// The SOP Instance UID of a Part 10 file; empty, with `problem` saying why, when it is not one.
std::string sopInstanceUidOf(const std::string& path, std::string& problem)
{
    char head[132] = {};
    std::FILE* f = std::fopen(path.c_str(), "rb");
    const std::size_t got = f ? std::fread(head, 1, sizeof head, f) : 0;
    if (f)
        std::fclose(f);
    if (got < sizeof head || std::memcmp(head + 128, "DICM", 4) != 0) {
        problem = "is not a DICOM file (no Part 10 preamble)";
        return {};
    }
    DcmFileFormat file;
    // Values over 4 KiB (pixel data) stay on disk: only the UIDs are wanted.
    const OFCondition cond = file.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, 4096, ERM_fileOnly);
    if (cond.bad()) {
        problem = std::string("cannot be read as DICOM: ") + cond.text();
        return {};
    }
    OFString uid;
    if (file.getDataset()->findAndGetOFString(DCM_SOPInstanceUID, uid).bad() || uid.empty())
        file.getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPInstanceUID, uid);
    std::string text = uid.c_str();
    while (!text.empty() && (text.back() == ' ' || text.back() == '\0'))
        text.pop_back();
    if (!detail::isValidUid(text)) {
        problem = "has no usable SOP Instance UID";
        return {};
    }
    return text;
}

// Writes the parts of one WADO-RS answer into the output folder: each streamed to a hidden
// temporary file, checked and renamed to <SOP Instance UID>.dcm when its part is complete.
class InstanceWriter {
public:
    InstanceWriter(std::string outDir, std::string where, const TaskControl& control,
                   const TransferCallback& onProgress, int expected)
        : m_dir(std::move(outDir)), m_where(std::move(where)), m_control(control), m_onProgress(onProgress),
          m_expected(expected)
    {
    }
    ~InstanceWriter() { discard(); }
    InstanceWriter(const InstanceWriter&) = delete;
    InstanceWriter& operator=(const InstanceWriter&) = delete;

    // The answer's head: it must be multipart/related with a boundary.
    void start(const detail::HttpAnswer& head)
    {
        if (detail::mediaType(head.contentType) != "multipart/related")
            throw PacsError(
                Kind::Protocol,
                m_where + ": the answer is not multipart/related DICOM (Content-Type " +
                    (head.contentType.isEmpty() ? std::string("none") : head.contentType.left(80).toStdString()) + ")");
        try {
            m_parser = std::make_unique<MultipartParser>(
                detail::contentTypeParameter(head.contentType, "boundary"),
                MultipartParser::Handler{[this](const MultipartParser::Headers& h) { begin(h); },
                                         [this](const char* data, std::size_t size) { write(data, size); },
                                         [this] { end(); }});
        } catch (const MultipartError& e) {
            throw PacsError(Kind::Protocol, m_where + ": " + e.what());
        }
    }

    void feed(const char* data, std::size_t size)
    {
        try {
            m_parser->feed(data, size);
        } catch (const MultipartError& e) {
            throw PacsError(Kind::Protocol, m_where + ": " + e.what() + " (after " + written() + ")");
        }
    }

    bool complete() const { return m_parser && m_parser->complete(); }
    const std::vector<std::string>& files() const { return m_files; }
    std::string written() const { return plural(int(m_files.size()), "complete instance") + " written"; }

    // Removes the temporary file of a part that did not complete.
    void discard()
    {
        if (m_out) {
            std::fclose(m_out);
            m_out = nullptr;
        }
        if (!m_temporary.empty()) {
            std::error_code ec;
            fs::remove(m_temporary, ec);
            m_temporary.clear();
        }
    }

private:
    void begin(const MultipartParser::Headers& headers)
    {
        const auto type = headers.find("content-type");
        if (type != headers.end() && detail::mediaType(QByteArray::fromStdString(type->second)) != "application/dicom")
            throw PacsError(Kind::Protocol, m_where + ": part " + std::to_string(m_files.size() + 1) + " is " +
                                                type->second.substr(0, 80) + ", not application/dicom");
        m_temporary = (fs::path(m_dir) /
                       (".incoming-" + std::to_string(::getpid()) + "-" + std::to_string(g_sequence++) + ".part"))
                          .string();
        m_out = std::fopen(m_temporary.c_str(), "wb");
        if (!m_out) {
            const std::string why = std::strerror(errno);
            m_temporary.clear();
            throw PacsError(Kind::Local, m_dir + ": cannot write an instance: " + why);
        }
    }

    void write(const char* data, std::size_t size)
    {
        if (m_out && std::fwrite(data, 1, size, m_out) != size)
            throw PacsError(Kind::Local, m_dir + ": cannot write an instance: " + std::strerror(errno));
    }

    void end()
    {
        const bool closed = std::fclose(m_out) == 0;
        m_out = nullptr;
        if (!closed)
            throw PacsError(Kind::Local, m_dir + ": cannot write an instance: " + std::strerror(errno));
        std::string problem;
        const std::string uid = sopInstanceUidOf(m_temporary, problem);
        if (uid.empty())
            throw PacsError(Kind::Protocol, m_where + ": part " + std::to_string(m_files.size() + 1) + " " + problem);
        const std::string target = (fs::path(m_dir) / (uid + ".dcm")).string();
        std::error_code ec;
        fs::rename(m_temporary, target, ec); // atomic; replaces an older copy
        if (ec)
            throw PacsError(Kind::Local, target + ": cannot write: " + ec.message());
        m_temporary.clear();
        m_files.push_back(target);
        report();
        if (m_control.cancelled())
            throw OperationCancelled{};
    }

    void report() const
    {
        TransferProgress p;
        p.completed = int(m_files.size());
        p.remaining = m_expected >= 0 ? std::max(0, m_expected - p.completed) : 0;
        if (m_onProgress)
            m_onProgress(p);
        if (m_expected > 0)
            m_control.report(std::min(1.0, double(p.completed) / double(m_expected)),
                             std::to_string(p.completed) + " of " + std::to_string(m_expected) + " instances");
        else
            m_control.report(0.0, plural(p.completed, "instance"));
    }

    std::string m_dir;
    std::string m_where;
    const TaskControl& m_control;
    const TransferCallback& m_onProgress;
    int m_expected; ///< -1: unknown
    std::unique_ptr<MultipartParser> m_parser;
    std::string m_temporary; ///< of the part being received; empty between parts
    std::FILE* m_out = nullptr;
    std::vector<std::string> m_files;
};

} // namespace

TransferResult DicomWebClient::get(const std::string& studyUid, const std::string& seriesUid, const std::string& outDir,
                                   const TaskControl& control, const TransferCallback& onProgress) const
{
    if (!detail::isValidUid(studyUid))
        throw PacsError(Kind::Request, "a retrieve needs the Study Instance UID of the study, not '" + studyUid + "'");
    if (!seriesUid.empty() && !detail::isValidUid(seriesUid))
        throw PacsError(Kind::Request, "'" + seriesUid + "' is not a Series Instance UID");
    std::error_code ec;
    fs::create_directories(outDir, ec);
    if (ec || !fs::is_directory(outDir))
        throw PacsError(Kind::Local,
                        outDir + ": cannot create the folder" + (ec ? ": " + ec.message() : std::string()));

    // How many instances to expect, for progress; a server that cannot say is no error.
    int expected = -1;
    try {
        PacsQuery q;
        q.studyUid = studyUid;
        if (seriesUid.empty()) {
            const std::vector<PacsStudy> studies = findStudies(q, control);
            if (studies.size() == 1)
                expected = studies[0].instanceCount;
        } else {
            for (const PacsSeries& s : findSeries(q, control))
                if (s.seriesUid == seriesUid)
                    expected = s.instanceCount;
        }
    } catch (const PacsError& e) {
        if (e.kind() != Kind::Failed && e.kind() != Kind::Protocol)
            throw;
    }

    detail::HttpRequest request;
    request.url = detail::serviceUrl(m_baseUrl, "/studies/" + studyUid +
                                                    (seriesUid.empty() ? std::string() : "/series/" + seriesUid));
    request.accept = kAcceptDicom;
    const std::string where = detail::displayUrl(request.url);
    InstanceWriter writer(outDir, where, control, onProgress, expected);
    const detail::BodySink sink{[&writer](const detail::HttpAnswer& head) { writer.start(head); },
                                [&writer](const char* data, std::size_t size) { writer.feed(data, size); }};
    const detail::HttpAnswer answer = detail::exchange(request, m_auth, m_timeouts, control, &sink);
    writer.discard();
    detail::checkStatus(answer, request.url);
    if (answer.status == 204)
        return {};
    if (answer.truncated)
        throw PacsError(Kind::Aborted, where + ": the answer is truncated (" + answer.breakOff + "); " +
                                           writer.written() + " to " + outDir);
    if (!writer.complete())
        throw PacsError(Kind::Aborted, where +
                                           ": the answer is truncated: the multipart body ends before its "
                                           "closing boundary; " +
                                           writer.written() + " to " + outDir);
    TransferResult result;
    result.files = writer.files();
    result.completed = int(result.files.size());
    return result;
}

} // namespace radpath::viewer::net
