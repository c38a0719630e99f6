// DicomWebClient::store: STOW-RS of Part 10 files, in requests of at most kStoreBatchFiles
// files, each answered with a data set listing what was stored and what failed.

#include "viewer/net/DicomWebClient.h"

#include "viewer/net/DicomJson.h"
#include "viewer/net/HttpExchange.h"
#include "viewer/net/TransferReport.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <QFile>
#include <QHttpMultiPart>
#include <QRandomGenerator>

#include <cstdio>
#include <map>

namespace radpath::viewer::net {

using Kind = PacsError::Kind;

namespace {

constexpr const char* kDicomJson = "application/dicom+json";
constexpr qint64 kStoreBatchBytes = qint64(256) << 20; ///< a request holds more only for one large file

struct StoreFile {
    std::string path;
    std::string sopInstance;
    qint64 size = 0;
};

// The SOP Instance UID of a Part 10 file, from its meta header.
StoreFile readStoreFile(const std::string& path)
{
    DcmFileFormat file;
    const OFCondition cond = file.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, DCM_MaxReadLength, ERM_metaOnly);
    if (cond.bad())
        throw PacsError(Kind::Local, path + ": cannot be read as a DICOM file: " + cond.text());
    OFString uid;
    file.getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPInstanceUID, uid);
    if (uid.empty())
        throw PacsError(Kind::Local, path + ": not a DICOM file with meta information (SOP Instance UID)");
    return {path, uid.c_str(), QFile(QString::fromStdString(path)).size()};
}

// PS3.18 Table I.2-3's failure reasons, as STOW-RS answers give them (0xA7xx, 0xA9xx, 0xCxxx).
std::string failureText(int reason)
{
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%04X", unsigned(reason) & 0xFFFFu);
    const char* words = nullptr;
    switch (reason) {
    case 0x0110:
        words = "processing failure";
        break;
    case 0x0122:
        words = "SOP class not supported";
        break;
    case 0x0124:
        words = "not authorized";
        break;
    case 0xA700:
        words = "out of resources";
        break;
    case 0xA900:
        words = "data set does not match SOP class";
        break;
    case 0xC000:
        words = "cannot understand";
        break;
    case 0xC122:
        words = "transfer syntax not supported";
        break;
    default:
        break;
    }
    return reason < 0 ? std::string("no reason given")
                      : std::string("failure reason ") + hex + (words ? std::string(" (") + words + ")" : "");
}

std::string boundary()
{
    QByteArray random(16, '\0');
    for (char& c : random)
        c = char(QRandomGenerator::global()->bounded(256));
    return "radpath-" + random.toHex().toStdString();
}

struct BatchOutcome {
    int completed = 0;
    int warning = 0;
    std::vector<std::pair<std::string, std::string>> failed; ///< path, why
};

} // namespace

TransferResult DicomWebClient::store(const std::vector<std::string>& paths, const TaskControl& control,
                                     const TransferCallback& onProgress) const
{
    if (paths.empty())
        throw PacsError(Kind::Request, "no files to send");
    std::vector<StoreFile> files;
    for (const std::string& path : paths)
        files.push_back(readStoreFile(path));

    const QUrl url = detail::serviceUrl(m_baseUrl, "/studies");
    const std::string where = detail::displayUrl(url);
    TransferProgress progress;
    progress.remaining = int(files.size());
    std::string firstProblem;
    for (std::size_t first = 0; first < files.size();) {
        if (control.cancelled())
            throw OperationCancelled{};
        // One request: up to kStoreBatchFiles files and kStoreBatchBytes (at least one file).
        std::size_t end = first;
        qint64 bytes = 0;
        while (end < files.size() && end - first < std::size_t(kStoreBatchFiles) &&
               (end == first || bytes + files[end].size <= kStoreBatchBytes))
            bytes += files[end++].size;

        QHttpMultiPart body(QHttpMultiPart::RelatedType);
        const std::string mark = boundary();
        body.setBoundary(QByteArray::fromStdString(mark));
        std::map<std::string, std::string> pathOf; // SOP Instance UID -> file
        for (std::size_t i = first; i < end; ++i) {
            auto* device = new QFile(QString::fromStdString(files[i].path), &body);
            if (!device->open(QIODevice::ReadOnly))
                throw PacsError(Kind::Local, files[i].path + ": cannot read: " + device->errorString().toStdString());
            QHttpPart part;
            part.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/dicom"));
            part.setBodyDevice(device);
            body.append(part);
            pathOf[files[i].sopInstance] = files[i].path;
        }
        detail::HttpRequest request;
        request.method = "POST";
        request.url = url;
        request.accept = kDicomJson;
        request.contentType =
            QByteArray::fromStdString("multipart/related; type=\"application/dicom\"; boundary=" + mark);
        request.body = &body;
        const detail::HttpAnswer answer = detail::exchange(request, m_auth, m_timeouts, control);
        if (answer.status != 409) // 409 Conflict: none of these stored; its body says why
            detail::checkStatus(answer, url);

        // What the answer says of each instance; instances it does not name follow the status.
        BatchOutcome outcome;
        const bool json = detail::mediaType(answer.contentType).find("json") != std::string::npos ||
                          answer.body.trimmed().startsWith('{') || answer.body.trimmed().startsWith('[');
        if (json) { // an XML answer (Accept ignored) says nothing RadPath reads
            const QJsonObject result = detail::parseDicomJsonObject(answer.body, answer.contentType, where);
            for (const QJsonObject& item : detail::jsonItems(result, "00081199")) { // ReferencedSOPSequence
                const std::string uid = detail::jsonText(item, "00081155");
                if (pathOf.erase(uid) == 0)
                    continue;
                ++outcome.completed;
                if (detail::jsonNumber(item, "00081196") >= 0) // WarningReason
                    ++outcome.warning;
            }
            for (const QJsonObject& item : detail::jsonItems(result, "00081198")) { // FailedSOPSequence
                const auto it = pathOf.find(detail::jsonText(item, "00081155"));
                if (it == pathOf.end())
                    continue;
                outcome.failed.emplace_back(it->second, failureText(detail::jsonNumber(item, "00081197")));
                pathOf.erase(it);
            }
        }
        for (const auto& [uid, path] : pathOf) {
            if (answer.status == 409)
                outcome.failed.emplace_back(path, "HTTP 409 Conflict");
            else
                ++outcome.completed;
        }

        progress.remaining -= int(end - first);
        progress.completed += outcome.completed - outcome.warning;
        progress.warning += outcome.warning;
        progress.failed += int(outcome.failed.size());
        if (firstProblem.empty() && !outcome.failed.empty())
            firstProblem = outcome.failed.front().first + ": " + outcome.failed.front().second;
        detail::reportTransfer(control, onProgress, progress);
        first = end;
    }
    return detail::storeResult(where, progress, files.size(), firstProblem);
}

} // namespace radpath::viewer::net
