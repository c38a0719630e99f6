#pragma once
// The local study database (SQLite through Qt Sql, under the data directory): patients,
// studies, series and instances with their file paths, a thumbnail per series, and the
// measurements made on a series. Importing a folder again only reads files that are new
// or changed, and only series that changed get a new thumbnail.

#include "viewer/io/TaskControl.h"

#include <QByteArray>
#include <QImage>
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
    QImage thumbnail;  ///< middle instance, kThumbnailSize square (SeriesThumbnail.h); null when none
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
    int thumbnailsMade = 0;
    /// One entry per series whose thumbnail could not be made: the file and the problem.
    QStringList thumbnailErrors;
};

/// One connection per object; use an object from one thread only (open one per job).
class StudyDatabase {
public:
    /// Version of the tables this code writes (SQLite user_version). Older files are
    /// upgraded when opened; newer ones are refused.
    static constexpr int kSchemaVersion = 2;

    /// Opens (creating or upgrading if needed) `file`; throws IoError naming it when that fails.
    explicit StudyDatabase(const QString& file);
    ~StudyDatabase();

    QString file() const;

    /// Adds the DICOM images under `path`; files already known with the same size and
    /// modification time are not read again. Each series that gained or changed instances
    /// gets a new thumbnail of its middle instance, and so does a series under `path` that
    /// has none yet (a database from before thumbnails); others keep theirs.
    ImportResult import(const QString& path, const TaskControl& control = {});

    /// Studies, newest first, whose patient name or ID, date, description or a modality
    /// contains `text` (case-insensitive); all when `text` is empty.
    std::vector<StudyRecord> studies(const QString& text = {}) const;
    /// File paths of a series, in the order the slices were found.
    QStringList seriesFiles(const QString& seriesUid) const;
    int instanceCount() const;
    int schemaVersion() const;

    /// The thumbnail of a series (null when there is none).
    QImage thumbnail(const QString& seriesUid) const;

    /// Replaces the measurements of a series with `json` (a document the viewer defines,
    /// stored as UTF-8 text without interpretation), atomically; empty `json` removes them.
    /// The series need not have been imported. Throws IoError naming the file.
    void saveMeasurements(const QString& seriesUid, const QByteArray& json);
    /// The measurements saved for a series; empty when none.
    QByteArray measurements(const QString& seriesUid) const;

private:
    void open();
    void closeConnection();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace viewer
} // namespace radpath
