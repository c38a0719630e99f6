#include "app/core/ReportModel.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>

#include <cmath>
#include <stdexcept>

namespace radpath::app {
namespace {

/// Translated in the "Report" context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

constexpr int kFormatVersion = 1;
const char* const kSources[] = {"clinician", "ai"};
const char* const kStatuses[] = {"pending", "accepted", "edited", "rejected"};

template <typename Enum, size_t N>
Enum fromName(const QString& name, const char* const (&names)[N], const char* what)
{
    for (size_t i = 0; i < N; ++i)
        if (name == QLatin1String(names[i]))
            return Enum(i);
    throw std::runtime_error(std::string("unknown ") + what + " '" + name.toStdString() + "'");
}

QString isoTime(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QJsonValue& v)
{
    return v.toString().isEmpty() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

QJsonValue optionalNumber(const std::optional<double>& v)
{
    return v && std::isfinite(*v) ? QJsonValue(*v) : QJsonValue();
}

std::optional<double> numberFrom(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

/// NaN survives as null.
QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

double numberOrNan(const QJsonValue& v)
{
    return v.isDouble() ? v.toDouble() : std::nan("");
}

QString pngBase64(const QImage& image)
{
    if (image.isNull())
        return {};
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QString::fromLatin1(bytes.toBase64());
}

QImage imageFrom(const QJsonValue& v)
{
    QImage image;
    if (!v.toString().isEmpty())
        image.loadFromData(QByteArray::fromBase64(v.toString().toLatin1()), "PNG");
    return image;
}

} // namespace

QJsonObject findingToJson(const Finding& f)
{
    return {{"source", toString(f.source)},
            {"label", f.label},
            {"text", f.text},
            {"model", QJsonObject{{"name", f.model.name},
                                  {"version", f.model.version},
                                  {"weights_sha256", f.model.weightsSha256}}},
            {"probability", optionalNumber(f.probability)},
            {"volume_ml", optionalNumber(f.volumeMl)},
            {"area_mm2", optionalNumber(f.areaMm2)},
            {"status", toString(f.status)},
            {"changed_at", isoTime(f.changedAt)},
            {"changed_by", f.changedBy},
            {"edited", f.edited},
            {"id", f.id},
            {"run", f.run}};
}

Finding findingFromJson(const QJsonObject& o)
{
    Finding f;
    f.source = fromName<FindingSource>(o["source"].toString(), kSources, "finding source");
    f.label = o["label"].toString();
    f.text = o["text"].toString();
    const QJsonObject m = o["model"].toObject();
    f.model = {m["name"].toString(), m["version"].toString(), m["weights_sha256"].toString()};
    f.probability = numberFrom(o["probability"]);
    f.volumeMl = numberFrom(o["volume_ml"]);
    f.areaMm2 = numberFrom(o["area_mm2"]);
    f.status = fromName<ReviewStatus>(o["status"].toString(), kStatuses, "review status");
    f.changedAt = timeFrom(o["changed_at"]);
    f.changedBy = o["changed_by"].toString();
    f.edited = o["edited"].toBool() || f.status == ReviewStatus::Edited;
    f.id = o["id"].toString();
    f.run = o["run"].toString();
    return f;
}

namespace {

QString newPseudonym()
{
    return QStringLiteral("RP-%1").arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0')).toUpper();
}

} // namespace

QString toString(FindingSource source)
{
    return QLatin1String(kSources[int(source)]);
}

QString toString(ReviewStatus status)
{
    return QLatin1String(kStatuses[int(status)]);
}

QString statusDisplayName(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Pending: return Text::tr("pending");
    case ReviewStatus::Accepted: return Text::tr("accepted");
    case ReviewStatus::Edited: return Text::tr("edited");
    case ReviewStatus::Rejected: return Text::tr("rejected");
    }
    return {};
}

QString Finding::sourceDisplayName() const
{
    if (!isAi())
        return Text::tr("Clinician");
    return isAiAssistedEdited() ? Text::tr("AI-assisted, edited") : Text::tr("AI");
}

bool Finding::review(ReviewStatus newStatus, const QString& user, const QDateTime& time, const QString& editedText)
{
    if (user.isEmpty())
        return false;
    status = newStatus;
    changedBy = user;
    changedAt = time;
    if (newStatus == ReviewStatus::Edited) {
        edited = true;
        if (!editedText.isNull())
            text = editedText;
    }
    return true;
}

bool PatientHeader::isEmpty() const
{
    return patientName.isEmpty() && patientId.isEmpty() && !birthDate.isValid() && sex.isEmpty() &&
           !studyDate.isValid() && accessionNumber.isEmpty() && studyDescription.isEmpty();
}

QString aiDecisionSupportStatement()
{
    return Text::tr("AI results are decision support and were reviewed by the signing clinician; they are not a "
                    "diagnosis.");
}

Report::Report() : m_pseudonym(newPseudonym()), m_createdAt(QDateTime::currentDateTimeUtc()) {}

bool Report::setHeader(const PatientHeader& header) { return assignUnlessSigned(m_header, header); }
bool Report::setPseudonym(const QString& pseudonym) { return assignUnlessSigned(m_pseudonym, pseudonym); }
bool Report::setReferenceSeries(const QString& folder) { return assignUnlessSigned(m_referenceSeries, folder); }
bool Report::setStudyInstanceUid(const QString& uid) { return assignUnlessSigned(m_studyUid, uid); }
bool Report::setClinicianText(const QString& text) { return assignUnlessSigned(m_text, text); }
bool Report::setMeasurements(const std::vector<MeasurementRow>& rows) { return assignUnlessSigned(m_measurements, rows); }
bool Report::setSegmentationRows(const std::vector<SegmentationRow>& rows) { return assignUnlessSigned(m_segmentation, rows); }
bool Report::setSlideOverview(const SlideOverview& overview) { return assignUnlessSigned(m_slide, overview); }
bool Report::setCreatedAt(const QDateTime& time) { return assignUnlessSigned(m_createdAt, time); }

bool Report::addFinding(const Finding& finding)
{
    if (isSigned())
        return false;
    m_findings.push_back(finding);
    return true;
}

bool Report::setFindingStatus(int index, ReviewStatus status, const QString& user, const QDateTime& time,
                              const QString& editedText)
{
    if (isSigned() || index < 0 || index >= int(m_findings.size()))
        return false;
    return m_findings[size_t(index)].review(status, user, time, editedText);
}

bool Report::removeFinding(int index)
{
    if (isSigned() || index < 0 || index >= int(m_findings.size()))
        return false;
    m_findings.erase(m_findings.begin() + index);
    return true;
}

int Report::pendingAiFindings() const
{
    int n = 0;
    for (const Finding& f : m_findings)
        n += f.isAi() && f.status == ReviewStatus::Pending;
    return n;
}

bool Report::addKeyImage(const KeyImage& image)
{
    if (isSigned() || image.image.isNull())
        return false;
    m_keyImages.push_back(image);
    return true;
}

bool Report::removeKeyImage(int index)
{
    if (isSigned() || index < 0 || index >= int(m_keyImages.size()))
        return false;
    m_keyImages.erase(m_keyImages.begin() + index);
    return true;
}

bool Report::sign(const QString& user, const QDateTime& time)
{
    if (isSigned() || user.trimmed().isEmpty() || pendingAiFindings() > 0)
        return false;
    m_signedBy = user.trimmed();
    m_signedAt = time;
    return true;
}

bool Report::addAddendum(const QString& text, const QString& user, const QDateTime& time)
{
    if (!isSigned() || text.trimmed().isEmpty() || user.trimmed().isEmpty())
        return false;
    m_addenda.push_back({text, user.trimmed(), time});
    return true;
}

QJsonObject Report::toJson() const
{
    const PatientHeader& h = m_header;
    QJsonArray findings, images, measurements, segmentation, classes, addenda;
    for (const Finding& f : m_findings)
        findings.append(findingToJson(f));
    for (const KeyImage& k : m_keyImages)
        images.append(QJsonObject{{"caption", k.caption}, {"png", pngBase64(k.image)}});
    for (const MeasurementRow& m : m_measurements)
        measurements.append(QJsonObject{{"name", m.name}, {"value", m.value}});
    for (const SegmentationRow& s : m_segmentation)
        segmentation.append(QJsonObject{{"label", s.label},
                                        {"volume_ml", number(s.volumeMl)},
                                        {"mean_hu", number(s.meanHu)},
                                        {"sd_hu", number(s.sdHu)},
                                        {"source", toString(s.source)},
                                        {"edited", s.edited}});
    for (const ClassAreaRow& c : m_slide.classAreas)
        classes.append(QJsonObject{{"class", c.className}, {"count", c.count}, {"area_mm2", number(c.areaMm2)}});
    for (const Addendum& a : m_addenda)
        addenda.append(QJsonObject{{"text", a.text}, {"user", a.user}, {"time", isoTime(a.time)}});
    return {{"format", "radpath-report"},
            {"version", kFormatVersion},
            {"header", QJsonObject{{"patient_name", h.patientName},
                                   {"patient_id", h.patientId},
                                   {"birth_date", h.birthDate.toString(Qt::ISODate)},
                                   {"sex", h.sex},
                                   {"study_date", h.studyDate.toString(Qt::ISODate)},
                                   {"accession_number", h.accessionNumber},
                                   {"study_description", h.studyDescription}}},
            {"pseudonym", m_pseudonym},
            {"reference_series", m_referenceSeries},
            {"study_instance_uid", m_studyUid},
            {"clinician_text", m_text},
            {"findings", findings},
            {"key_images", images},
            {"measurements", measurements},
            {"segmentation", segmentation},
            {"slide", QJsonObject{{"thumbnail_png", pngBase64(m_slide.thumbnail)}, {"class_areas", classes}}},
            {"created_at", isoTime(m_createdAt)},
            {"signed_by", m_signedBy},
            {"signed_at", isoTime(m_signedAt)},
            {"addenda", addenda}};
}

Report Report::fromJson(const QJsonObject& json)
{
    if (json["format"].toString() != QLatin1String("radpath-report"))
        throw std::runtime_error("not a RadPath report");
    if (json["version"].toInt() != kFormatVersion)
        throw std::runtime_error("report format version " + std::to_string(json["version"].toInt()) +
                                 " is not supported");
    Report r;
    const QJsonObject h = json["header"].toObject();
    r.m_header = {h["patient_name"].toString(),
                  h["patient_id"].toString(),
                  QDate::fromString(h["birth_date"].toString(), Qt::ISODate),
                  h["sex"].toString(),
                  QDate::fromString(h["study_date"].toString(), Qt::ISODate),
                  h["accession_number"].toString(),
                  h["study_description"].toString()};
    r.m_pseudonym = json["pseudonym"].toString();
    r.m_referenceSeries = json["reference_series"].toString();
    r.m_studyUid = json["study_instance_uid"].toString();
    r.m_text = json["clinician_text"].toString();
    for (const QJsonValue& v : json["findings"].toArray())
        r.m_findings.push_back(findingFromJson(v.toObject()));
    for (const QJsonValue& v : json["key_images"].toArray()) {
        KeyImage k{imageFrom(v.toObject()["png"]), v.toObject()["caption"].toString()};
        if (k.image.isNull())
            throw std::runtime_error("a key image cannot be decoded");
        r.m_keyImages.push_back(k);
    }
    for (const QJsonValue& v : json["measurements"].toArray())
        r.m_measurements.push_back({v.toObject()["name"].toString(), v.toObject()["value"].toString()});
    for (const QJsonValue& v : json["segmentation"].toArray()) {
        const QJsonObject o = v.toObject();
        r.m_segmentation.push_back({o["label"].toString(), numberOrNan(o["volume_ml"]), numberOrNan(o["mean_hu"]),
                                    numberOrNan(o["sd_hu"]),
                                    fromName<FindingSource>(o["source"].toString(), kSources, "segmentation source"),
                                    o["edited"].toBool()});
    }
    const QJsonObject slide = json["slide"].toObject();
    r.m_slide.thumbnail = imageFrom(slide["thumbnail_png"]);
    for (const QJsonValue& v : slide["class_areas"].toArray()) {
        const QJsonObject o = v.toObject();
        r.m_slide.classAreas.push_back({o["class"].toString(), o["count"].toInt(), numberOrNan(o["area_mm2"])});
    }
    r.m_createdAt = timeFrom(json["created_at"]);
    r.m_signedBy = json["signed_by"].toString();
    r.m_signedAt = timeFrom(json["signed_at"]);
    for (const QJsonValue& v : json["addenda"].toArray()) {
        const QJsonObject o = v.toObject();
        r.m_addenda.push_back({o["text"].toString(), o["user"].toString(), timeFrom(o["time"])});
    }
    return r;
}

bool Report::save(const QString& path, QString* error) const
{
    const QFileInfo info(path);
    QSaveFile file(path);
    const bool ok = QDir().mkpath(info.absolutePath()) && file.open(QIODevice::WriteOnly) &&
                    file.write(QJsonDocument(toJson()).toJson()) >= 0 && file.commit();
    if (!ok && error)
        *error = Text::tr("%1: cannot be written (%2)").arg(QDir::toNativeSeparators(path), file.errorString());
    return ok;
}

std::optional<Report> Report::load(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Text::tr("%1: cannot be read (%2)").arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    QJsonParseError parse{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
    try {
        if (parse.error != QJsonParseError::NoError || !doc.isObject())
            throw std::runtime_error("not JSON: " + parse.errorString().toStdString());
        return fromJson(doc.object());
    } catch (const std::exception& e) {
        if (error)
            *error = Text::tr("%1: not a readable report (%2)").arg(QDir::toNativeSeparators(path), QString::fromUtf8(e.what()));
        return std::nullopt;
    }
}

QString Report::defaultPath(const QString& dataDir) const
{
    QString key = m_studyUid.isEmpty() ? m_pseudonym : m_studyUid;
    key.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    return QDir(dataDir).filePath(QStringLiteral("reports/%1.report.json").arg(key));
}

} // namespace radpath::app
