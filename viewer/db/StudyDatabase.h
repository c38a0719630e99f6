#pragma once
// The local study database (SQLite through Qt Sql, under the data directory): patients,
// studies, series and instances with their file paths. Importing a folder again only
// reads files that are new or changed.

#include "viewer/io/TaskControl.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace radpath {
namespace viewer {

struct SeriesRecord {
    QString seriesUid;
    QString studyUid;
    QString modality;
    QString description;
    int images = 0;
};

struct StudyRecord {
    QString studyUid;
    QString patientId;
    QString patientName;  ///< DICOM PN, UTF-8
    QString date;         ///< YYYYMMDD
    QString description;
    QStringList modalities;
    std::vector<SeriesRecord> series;
};

struct ImportResult {
    int filesSeen = 0;
    int filesRead = 0;      ///< new or changed files whose headers were read
    int instancesAdded = 0;
    int seriesTouched = 0;
};

/// One connection per object; use an object from one thread only (open one per job).
class StudyDatabase {
public:
    /// Opens (creating if needed) `file`; throws IoError naming it when that fails.
    explicit StudyDatabase(const QString& file);
    ~StudyDatabase();

    QString file() const;

    /// Adds the DICOM images under `path`; files already known with the same size and
    /// modification time are not read again.
    ImportResult import(const QString& path, const TaskControl& control = {});

    /// Studies, newest first, whose patient name or ID, date, description or a modality
    /// contains `text` (case-insensitive); all when `text` is empty.
    std::vector<StudyRecord> studies(const QString& text = {}) const;
    /// File paths of a series, in the order the slices were found.
    QStringList seriesFiles(const QString& seriesUid) const;
    int instanceCount() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace viewer
} // namespace radpath
