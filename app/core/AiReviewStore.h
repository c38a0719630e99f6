#pragma once
// The AI results of each subject (the document path of a tab: a series folder, a file or
// a slide) and their review by a clinician. Every finding a run produces starts pending;
// accepting, editing or rejecting it is recorded with time and user. A segmentation finding whose mask
// is corrected by hand becomes Edited ("AI-assisted, edited") and keeps its model
// provenance. Saved per subject as JSON under <dataDir>/reviews/ (atomically, file named by
// a hash of the subject), so the review survives a restart and reaches the report. A record
// that cannot be read is moved aside (….json.unreadable), never overwritten.
// GUI thread only.

#include "app/core/ReportModel.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <vector>

namespace radpath::app {

/// A new run's id (a UUID without braces).
QString newRunId();

class AiReviewStore : public QObject {
    Q_OBJECT
public:
    explicit AiReviewStore(QString dataDir, QObject* parent = nullptr);

    /// The findings of `subject` in the order the runs added them (read from disk the first
    /// time; an unreadable file is reported through failed() and counts as empty).
    const std::vector<Finding>& findings(const QString& subject);
    /// A new run's findings (each made AI and pending, given an id and `run`). The findings
    /// of the same model still pending are replaced; reviewed ones stay as the record of what
    /// was decided.
    void addRun(const QString& subject, std::vector<Finding> findings, const QString& run = newRunId());
    /// Records the review of finding `index`; false when out of range or without a user.
    bool setStatus(const QString& subject, int index, ReviewStatus status, const QString& user, const QDateTime& time,
                   const QString& editedText = {});
    /// The same for the finding with `id` (Finding::id); false when there is none.
    bool setStatusOf(const QString& subject, const QString& id, ReviewStatus status, const QString& user,
                     const QDateTime& time, const QString& editedText = {});
    /// The mask that `run` drew on `subject` was corrected by hand: that run's findings that
    /// carry a volume become Edited (user and time recorded), those edited before or Rejected
    /// stay. Returns how many changed.
    int markMaskEdited(const QString& subject, const QString& run, const QString& user, const QDateTime& time);

    /// <dataDir>/reviews/<SHA-1 of subject, 16 hex digits>.json
    QString pathFor(const QString& subject) const;

signals:
    /// The findings of `subject` changed (added, reviewed, marked edited).
    void changed(const QString& subject);
    /// A review file could not be read or written; the message names it.
    void failed(const QString& message);

private:
    void save(const QString& subject);

    QString m_dataDir;
    QHash<QString, std::vector<Finding>> m_findings;
    QSet<QString> m_readOnly; ///< subjects whose unreadable record could not be moved aside
};

/// The user a review is recorded for: the operating system's login name (never empty).
QString currentUserName();

} // namespace radpath::app
