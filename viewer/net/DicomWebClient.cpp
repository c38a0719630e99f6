// DicomWebClient: the base URL, the reachability check and QIDO-RS. WADO-RS is in
// DicomWebRetrieve.cpp, STOW-RS in DicomWebStore.cpp.

#include "viewer/net/DicomWebClient.h"

#include "viewer/net/DicomJson.h"
#include "viewer/net/DimseAssociation.h"
#include "viewer/net/HttpExchange.h"

#include <QUrl>

namespace radpath::viewer::net {

using detail::HttpRequest;
using detail::jsonNumber;
using detail::jsonText;
using detail::jsonTexts;
using Kind = PacsError::Kind;

namespace {

constexpr const char* kDicomJson = "application/dicom+json";

using Query = QList<QPair<QString, QString>>;

void addKey(Query& query, const char* key, const std::string& value)
{
    if (!value.empty())
        query.append({QString::fromLatin1(key), QString::fromStdString(value)});
}

void addIncludeFields(Query& query, std::initializer_list<const char*> keywords)
{
    for (const char* keyword : keywords)
        query.append({QStringLiteral("includefield"), QString::fromLatin1(keyword)});
}

// A QIDO-RS search: the matches of `query` at `path` (2xx answers; 204 means none).
std::vector<QJsonObject> search(const std::string& base, const std::string& path, const Query& query,
                                const DicomWebAuth& auth, const DicomWebTimeouts& timeouts, const TaskControl& control)
{
    HttpRequest request;
    request.url = detail::serviceUrl(base, path, query);
    request.accept = kDicomJson;
    const detail::HttpAnswer answer = detail::exchange(request, auth, timeouts, control);
    detail::checkStatus(answer, request.url);
    if (answer.status == 204)
        return {};
    return detail::parseDicomJsonArray(answer.body, answer.contentType, detail::displayUrl(request.url));
}

} // namespace

DicomWebClient::DicomWebClient(const std::string& baseUrl, DicomWebAuth auth, DicomWebTimeouts timeouts)
    : m_auth(std::move(auth)), m_timeouts(timeouts)
{
    QUrl url(QString::fromStdString(baseUrl).trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) || url.host().isEmpty())
        throw PacsError(Kind::Request, "the DICOMweb base URL must be an http:// or https:// URL with a host, "
                                       "such as http://127.0.0.1:8042/dicom-web");
    if (!url.userName().isEmpty() && m_auth.kind == DicomWebAuth::Kind::None)
        m_auth = DicomWebAuth::basic(url.userName(QUrl::FullyDecoded).toStdString(),
                                     url.password(QUrl::FullyDecoded).toStdString());
    url.setUserInfo(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    m_baseUrl = url.toString(QUrl::FullyEncoded).toStdString();
    m_displayUrl = detail::displayUrl(url);
}

void DicomWebClient::echo(const TaskControl& control) const
{
    HttpRequest request;
    request.url = detail::serviceUrl(m_baseUrl, "/studies", {{QStringLiteral("limit"), QStringLiteral("1")}});
    request.accept = kDicomJson;
    const detail::HttpAnswer answer = detail::exchange(request, m_auth, m_timeouts, control);
    const std::string where = detail::displayUrl(request.url);
    if (answer.status == 404)
        throw PacsError(Kind::Failed,
                        where + ": not found (HTTP 404" +
                            (answer.reason.isEmpty() ? std::string() : " " + answer.reason.toStdString()) + "); is " +
                            m_displayUrl + " a DICOMweb base URL?");
    detail::checkStatus(answer, request.url);
    if (answer.status != 204)
        detail::parseDicomJsonArray(answer.body, answer.contentType, where);
}

std::vector<PacsStudy> DicomWebClient::findStudies(const PacsQuery& q, const TaskControl& control) const
{
    if (!q.studyUid.empty() && !detail::isValidUid(q.studyUid))
        throw PacsError(Kind::Request, "'" + q.studyUid + "' is not a Study Instance UID");
    Query query;
    addKey(query, "StudyInstanceUID", q.studyUid);
    addKey(query, "PatientName", q.patientName);
    addKey(query, "PatientID", q.patientId);
    addKey(query, "AccessionNumber", q.accessionNumber);
    addKey(query, "StudyDate",
           q.studyDateFrom.empty() && q.studyDateTo.empty() ? std::string()
           : q.studyDateFrom == q.studyDateTo               ? q.studyDateFrom
                                                            : q.studyDateFrom + "-" + q.studyDateTo);
    addKey(query, "ModalitiesInStudy", q.modality);
    addKey(query, "StudyDescription", q.studyDescription);
    query.append({QStringLiteral("fuzzymatching"), QStringLiteral("false")});
    addIncludeFields(query, {"StudyDescription", "ModalitiesInStudy", "NumberOfStudyRelatedSeries",
                             "NumberOfStudyRelatedInstances"});

    std::vector<PacsStudy> studies;
    for (const QJsonObject& match : search(m_baseUrl, "/studies", query, m_auth, m_timeouts, control)) {
        PacsStudy s;
        s.studyUid = jsonText(match, "0020000D");
        s.patientName = jsonText(match, "00100010");
        s.patientId = jsonText(match, "00100020");
        s.studyDate = jsonText(match, "00080020");
        s.studyTime = jsonText(match, "00080030");
        s.accessionNumber = jsonText(match, "00080050");
        s.description = jsonText(match, "00081030");
        s.modalities = jsonTexts(match, "00080061");
        s.seriesCount = jsonNumber(match, "00201206");
        s.instanceCount = jsonNumber(match, "00201208");
        studies.push_back(std::move(s));
    }
    return studies;
}

std::vector<PacsSeries> DicomWebClient::findSeries(const PacsQuery& q, const TaskControl& control) const
{
    if (!detail::isValidUid(q.studyUid))
        throw PacsError(Kind::Request, "a series query needs the Study Instance UID of the study");
    Query query;
    addKey(query, "Modality", q.modality);
    query.append({QStringLiteral("fuzzymatching"), QStringLiteral("false")});
    addIncludeFields(query, {"SeriesDescription", "SeriesNumber", "NumberOfSeriesRelatedInstances"});

    std::vector<PacsSeries> series;
    for (const QJsonObject& match :
         search(m_baseUrl, "/studies/" + q.studyUid + "/series", query, m_auth, m_timeouts, control)) {
        PacsSeries s;
        s.studyUid = jsonText(match, "0020000D");
        if (s.studyUid.empty())
            s.studyUid = q.studyUid;
        s.seriesUid = jsonText(match, "0020000E");
        s.modality = jsonText(match, "00080060");
        s.description = jsonText(match, "0008103E");
        s.number = jsonNumber(match, "00200011");
        s.instanceCount = jsonNumber(match, "00201209");
        series.push_back(std::move(s));
    }
    return series;
}

} // namespace radpath::viewer::net
