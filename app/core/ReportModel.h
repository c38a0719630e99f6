#pragma once
// A clinical report: the patient and study header, the clinician's text, findings with their
// review status (clinician's own or AI results with model provenance), key images,
// measurements, segmentation statistics, a slide overview with class areas, and the
// sign-off. A signed report is locked: every edit returns false and leaves it unchanged;
// what comes later goes into dated addenda. Plain data, no widgets; not thread-safe (one
// thread at a time).

#include <QDate>
#include <QDateTime>
#include <QImage>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace radpath::app {

enum class FindingSource { Clinician, Ai };
enum class ReviewStatus { Pending, Accepted, Edited, Rejected };

/// "clinician" / "ai" and "pending" / "accepted" / "edited" / "rejected" (the JSON names).
QString toString(FindingSource source);
QString toString(ReviewStatus status);
/// The user-visible (translated) name of a status.
QString statusDisplayName(ReviewStatus status);

/// Where an AI result came from: the model package's manifest and its weights' SHA-256.
struct ModelProvenance {
    QString name, version, weightsSha256;
    bool isEmpty() const { return name.isEmpty() && version.isEmpty() && weightsSha256.isEmpty(); }
};

struct Finding {
    FindingSource source = FindingSource::Clinician;
    QString label;           ///< short: a class or structure ("opacity", "lesion")
    QString text;            ///< the finding in words; an edit replaces it
    ModelProvenance model;   ///< AI findings only
    std::optional<double> probability; ///< a classifier's, 0..1
    std::optional<double> volumeMl;    ///< a segmented structure's
    std::optional<double> areaMm2;     ///< a slide class's area
    ReviewStatus status = ReviewStatus::Pending;
    QDateTime changedAt;     ///< of the last status change (null while pending from the start)
    QString changedBy;
    bool edited = false;     ///< was Edited at some point: stays so through later reviews
    QString id;              ///< stable identity of an AI finding (a UUID), for its review record
    QString run;             ///< the AI run that made it (a UUID); its label map carries it too

    bool isAi() const { return source == FindingSource::Ai; }
    /// Records a review: the status with its time and user; `editedText` replaces the text
    /// when the status is Edited. False (unchanged) without a user.
    bool review(ReviewStatus newStatus, const QString& user, const QDateTime& time, const QString& editedText = {});
    /// An AI finding a clinician changed: it stays marked "AI-assisted, edited", also when
    /// it is accepted afterwards.
    bool isAiAssistedEdited() const { return isAi() && (edited || status == ReviewStatus::Edited); }
    /// "AI", "AI-assisted, edited" or "Clinician" (translated).
    QString sourceDisplayName() const;
};

struct PatientHeader {
    QString patientName; ///< as written for people ("DOE, JANE"), not DICOM's '^'
    QString patientId;
    QDate birthDate;
    QString sex;
    QDate studyDate;
    QString accessionNumber;
    QString studyDescription;
    bool isEmpty() const;
};

struct KeyImage {
    QImage image; ///< the view as the caller rendered it, overlays drawn in
    QString caption;
};

struct MeasurementRow {
    QString name;  ///< "Length 1", "Ellipse 2"
    QString value; ///< formatted with its unit: "12.3 mm", "45.1 mm², 38 ± 12 HU"
};

struct SegmentationRow {
    QString label;
    double volumeMl = 0.0;
    double meanHu = 0.0, sdHu = 0.0; ///< NaN when no image lies under the label
    FindingSource source = FindingSource::Clinician;
    bool edited = false; ///< an AI mask corrected by hand: "AI-assisted, edited"
};

struct ClassAreaRow {
    QString className;
    int count = 0;
    double areaMm2 = 0.0; ///< NaN when the slide has no resolution (mpp)
};

struct SlideOverview {
    QImage thumbnail; ///< the slide with its annotations drawn over it
    std::vector<ClassAreaRow> classAreas;
    bool isEmpty() const { return thumbnail.isNull() && classAreas.empty(); }
};

struct Addendum {
    QString text, user;
    QDateTime time;
};

class Report {
public:
    Report(); ///< a new report: created now, a fresh random pseudonym

    // Header and what the report refers to.
    const PatientHeader& header() const { return m_header; }
    bool setHeader(const PatientHeader& header);
    /// Stands for the patient in the de-identified variant ("RP-1A2B3C4D").
    const QString& pseudonym() const { return m_pseudonym; }
    bool setPseudonym(const QString& pseudonym);
    /// The DICOM series folder the report derives from; empty when the images are not
    /// DICOM. A report with one can be attached to its study as Encapsulated PDF.
    const QString& referenceSeries() const { return m_referenceSeries; }
    bool setReferenceSeries(const QString& folder);
    const QString& studyInstanceUid() const { return m_studyUid; }
    bool setStudyInstanceUid(const QString& uid);

    // Content.
    const QString& clinicianText() const { return m_text; }
    bool setClinicianText(const QString& text);
    const std::vector<Finding>& findings() const { return m_findings; }
    bool addFinding(const Finding& finding);
    /// Records the change with its time and user; `editedText` replaces the text when the
    /// status is Edited. False when locked, out of range, or Edited without a user.
    bool setFindingStatus(int index, ReviewStatus status, const QString& user, const QDateTime& time,
                          const QString& editedText = {});
    bool removeFinding(int index);
    /// AI findings nobody reviewed yet.
    int pendingAiFindings() const;

    const std::vector<KeyImage>& keyImages() const { return m_keyImages; }
    bool addKeyImage(const KeyImage& image);
    bool removeKeyImage(int index);
    const std::vector<MeasurementRow>& measurements() const { return m_measurements; }
    bool setMeasurements(const std::vector<MeasurementRow>& rows);
    const std::vector<SegmentationRow>& segmentationRows() const { return m_segmentation; }
    bool setSegmentationRows(const std::vector<SegmentationRow>& rows);
    const SlideOverview& slideOverview() const { return m_slide; }
    bool setSlideOverview(const SlideOverview& overview);

    const QDateTime& createdAt() const { return m_createdAt; }
    bool setCreatedAt(const QDateTime& time);

    // Sign-off.
    bool isSigned() const { return !m_signedBy.isEmpty(); }
    const QString& signedBy() const { return m_signedBy; }
    const QDateTime& signedAt() const { return m_signedAt; }
    /// Locks the report. False when already signed, `user` is empty, or AI findings are
    /// still pending (the footer says the signing clinician reviewed them).
    bool sign(const QString& user, const QDateTime& time);
    /// Only after signing; false before, or with empty text or user.
    bool addAddendum(const QString& text, const QString& user, const QDateTime& time);
    const std::vector<Addendum>& addenda() const { return m_addenda; }

    // Storage: images as base64 PNG, times as ISO 8601 UTC.
    QJsonObject toJson() const;
    /// Throws std::runtime_error naming what is wrong.
    static Report fromJson(const QJsonObject& json);
    /// Atomic (QSaveFile); false with `error` naming the file.
    bool save(const QString& path, QString* error) const;
    /// std::nullopt with `error` naming the file and the problem.
    static std::optional<Report> load(const QString& path, QString* error);
    /// <dataDir>/reports/<study UID, else the pseudonym>.report.json: beside the study's
    /// data; reports of images without a study never share a file.
    QString defaultPath(const QString& dataDir) const;

private:
    template <typename T>
    bool assignUnlessSigned(T& member, const T& value)
    {
        if (isSigned())
            return false;
        member = value;
        return true;
    }

    PatientHeader m_header;
    QString m_pseudonym, m_referenceSeries, m_studyUid, m_text;
    std::vector<Finding> m_findings;
    std::vector<KeyImage> m_keyImages;
    std::vector<MeasurementRow> m_measurements;
    std::vector<SegmentationRow> m_segmentation;
    SlideOverview m_slide;
    QDateTime m_createdAt;
    QString m_signedBy;
    QDateTime m_signedAt;
    std::vector<Addendum> m_addenda;
};

/// A finding as the report's JSON stores it, and back (throws std::runtime_error naming
/// what is wrong).
QJsonObject findingToJson(const Finding& finding);
Finding findingFromJson(const QJsonObject& json);

/// The statement every page footer carries (translated).
QString aiDecisionSupportStatement();

} // namespace radpath::app
