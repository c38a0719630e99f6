#include "viewer/db/StudyDatabase.h"

#include "viewer/db/SeriesThumbnail.h"
#include "viewer/io/DicomDir.h"
#include "viewer/io/DicomSeriesReader.h"
#include "viewer/io/IoError.h"

#include <QAtomicInt>
#include <QBuffer>
#include <QDateTime>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <map>
#include <set>

namespace radpath {
namespace viewer {
namespace {

QString connectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("radpath-studies-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Every statement is idempotent, so a file at any older version is brought up to date by
// running them all. Version 1: patients, studies, series, instances, other_files.
// Version 2: thumbnails and measurements.
const char* kSchema[] = {
    "CREATE TABLE IF NOT EXISTS patients (id INTEGER PRIMARY KEY, patient_id TEXT, name TEXT,"
    " UNIQUE(patient_id, name))",
    "CREATE TABLE IF NOT EXISTS studies (id INTEGER PRIMARY KEY, uid TEXT UNIQUE NOT NULL,"
    " patient INTEGER REFERENCES patients(id), date TEXT, description TEXT)",
    "CREATE TABLE IF NOT EXISTS series (id INTEGER PRIMARY KEY, uid TEXT UNIQUE NOT NULL,"
    " study INTEGER REFERENCES studies(id), modality TEXT, description TEXT)",
    "CREATE TABLE IF NOT EXISTS instances (id INTEGER PRIMARY KEY, series INTEGER REFERENCES series(id),"
    " sop_uid TEXT, path TEXT UNIQUE NOT NULL, size INTEGER, mtime INTEGER, position REAL)",
    "CREATE INDEX IF NOT EXISTS instances_series ON instances(series)",
    // Files that are not DICOM images, so that a re-import does not read them again.
    "CREATE TABLE IF NOT EXISTS other_files (path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER)",
    // One row per series once a thumbnail was attempted: PNG bytes, or the reason there are none.
    "CREATE TABLE IF NOT EXISTS thumbnails (series INTEGER PRIMARY KEY REFERENCES series(id), png BLOB,"
    " source TEXT, error TEXT, made INTEGER)",
    // Keyed by UID alone: measurements may belong to a series that was never imported.
    "CREATE TABLE IF NOT EXISTS measurements (series_uid TEXT PRIMARY KEY, json TEXT NOT NULL, saved INTEGER)",
};

QByteArray pngBytes(const QImage& image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

struct StudyDatabase::Private {
    QString file;
    QString connection;
    QSqlDatabase db() const { return QSqlDatabase::database(connection); }

    QSqlQuery exec(const QString& sql, const QVariantList& values = {}) const
    {
        QSqlQuery q(db());
        q.prepare(sql);
        for (const QVariant& v : values)
            q.addBindValue(v);
        if (!q.exec())
            throw IoError(file.toStdString(), "database error: " + q.lastError().text().toStdString());
        return q;
    }
    qint64 idOf(const QString& select, const QVariantList& key, const QString& insert, const QVariantList& values) const
    {
        QSqlQuery q = exec(select, key);
        if (q.next())
            return q.value(0).toLongLong();
        return exec(insert, values).lastInsertId().toLongLong();
    }
    void begin() const
    {
        QSqlDatabase connection = db();
        if (!connection.transaction())
            throw IoError(file.toStdString(), "cannot start a transaction: " + connection.lastError().text().toStdString());
    }
    void commit() const
    {
        QSqlDatabase connection = db();
        if (!connection.commit())
            throw IoError(file.toStdString(), "cannot commit: " + connection.lastError().text().toStdString());
    }
    int userVersion() const
    {
        QSqlQuery q = exec(QStringLiteral("PRAGMA user_version"));
        return q.next() ? q.value(0).toInt() : 0;
    }
    /// The instance in the middle of a series along its slice normal.
    QString middleFile(qint64 seriesId) const
    {
        QSqlQuery q = exec(QStringLiteral("SELECT path FROM instances WHERE series = ? ORDER BY position, path"), {seriesId});
        QStringList paths;
        while (q.next())
            paths << q.value(0).toString();
        return paths.isEmpty() ? QString() : paths[paths.size() / 2];
    }
    /// Reads `toRead` and records its images; `touched` gains every series that got instances.
    void addFiles(const std::vector<std::string>& toRead, const TaskControl& control, ImportResult& result,
                  std::map<qint64, QString>& touched) const;
    void makeThumbnails(const std::map<qint64, QString>& series, const TaskControl& control, ImportResult& result) const;
};

// Thumbnails are made outside the import's transaction: decoding does not hold the write lock.
void StudyDatabase::Private::makeThumbnails(const std::map<qint64, QString>& series, const TaskControl& control,
                                            ImportResult& result) const
{
    TaskControl cancelOnly;
    cancelOnly.isCancelled = control.isCancelled;
    int done = 0;
    for (const auto& [id, uid] : series) {
        if (control.cancelled())
            throw OperationCancelled{};
        control.report(double(done++) / double(series.size()), "making thumbnails");
        const QString source = middleFile(id);
        QByteArray png;
        QString error;
        try {
            if (source.isEmpty())
                throw IoError(uid.toStdString(), "series has no instances");
            png = pngBytes(dicomThumbnail(source.toStdString(), uid.toStdString(), cancelOnly));
            if (png.isEmpty())
                throw IoError(source.toStdString(), "cannot encode the thumbnail as PNG");
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
            result.thumbnailErrors << error;
        }
        // A failure is remembered too, so that unchanged files are not decoded again.
        exec(QStringLiteral("INSERT OR REPLACE INTO thumbnails (series, png, source, error, made) VALUES (?, ?, ?, ?, ?)"),
             {id, png.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(png), source,
              error.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(error),
              QDateTime::currentMSecsSinceEpoch()});
        if (!png.isEmpty())
            ++result.thumbnailsMade;
    }
    if (!series.empty())
        control.report(1.0, "making thumbnails");
}

StudyDatabase::StudyDatabase(const QString& file) : d(std::make_unique<Private>())
{
    d->file = file;
    d->connection = connectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->connection);
        db.setDatabaseName(file);
    }
    try {
        open();
    } catch (...) {
        closeConnection();
        throw;
    }
}

void StudyDatabase::open()
{
    const QString& file = d->file;
    QSqlDatabase db = d->db();
    if (!db.open())
        throw IoError(file.toStdString(), "cannot open the study database: " + db.lastError().text().toStdString());
    d->exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    const int version = d->userVersion();
    if (version > kSchemaVersion)
        throw IoError(file.toStdString(), "the study database was written by a newer RadPath (schema version " +
                                              std::to_string(version) + ", this one knows up to " +
                                              std::to_string(kSchemaVersion) + ")");
    if (version < kSchemaVersion) {
        d->begin();
        try {
            for (const char* statement : kSchema)
                d->exec(QString::fromLatin1(statement));
            d->exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion));
            d->commit();
        } catch (...) {
            d->db().rollback();
            throw;
        }
    }
}

StudyDatabase::~StudyDatabase() { closeConnection(); }

void StudyDatabase::closeConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(d->connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(d->connection);
}

QString StudyDatabase::file() const { return d->file; }

ImportResult StudyDatabase::import(const QString& path, const TaskControl& control)
{
    ImportResult result;
    const auto files = isDicomDir(path.toStdString()) ? filesInDicomDir(path.toStdString())
                                                      : DicomSeriesReader::listFilesUnder(path.toStdString(), control);
    result.filesSeen = int(files.size());

    // Only files that are new, or whose size or time changed, are read.
    std::vector<std::string> toRead;
    for (const auto& f : files) {
        const QFileInfo info(QString::fromStdString(f));
        QSqlQuery q = d->exec(QStringLiteral("SELECT size, mtime FROM instances WHERE path = ?"
                                             " UNION ALL SELECT size, mtime FROM other_files WHERE path = ?"),
                              {info.absoluteFilePath(), info.absoluteFilePath()});
        if (q.next() && q.value(0).toLongLong() == info.size() &&
            q.value(1).toLongLong() == info.lastModified().toMSecsSinceEpoch())
            continue;
        toRead.push_back(f);
    }
    result.filesRead = int(toRead.size());
    std::map<qint64, QString> needThumbnails;
    if (!toRead.empty())
        d->addFiles(toRead, control, result, needThumbnails);

    // Series seen here that never had a thumbnail attempted (databases from before thumbnails).
    QSet<QString> seen;
    for (const auto& f : files)
        seen.insert(QFileInfo(QString::fromStdString(f)).absoluteFilePath());
    QSqlQuery missing = d->exec(QStringLiteral("SELECT se.id, se.uid FROM series se"
                                               " WHERE NOT EXISTS (SELECT 1 FROM thumbnails t WHERE t.series = se.id)"));
    while (missing.next()) {
        const qint64 id = missing.value(0).toLongLong();
        if (!needThumbnails.count(id) && seen.contains(d->middleFile(id)))
            needThumbnails.emplace(id, missing.value(1).toString());
    }
    d->makeThumbnails(needThumbnails, control, result);
    return result;
}

void StudyDatabase::Private::addFiles(const std::vector<std::string>& toRead, const TaskControl& control,
                                      ImportResult& result, std::map<qint64, QString>& touched) const
{
    const auto series = DicomSeriesReader().scanFiles(toRead, control);
    QSqlDatabase connection = db();
    begin();
    try {
        for (const DicomSeries& s : series) {
            const qint64 patient = idOf(
                QStringLiteral("SELECT id FROM patients WHERE patient_id = ? AND name = ?"),
                {QString::fromStdString(s.patientId), QString::fromStdString(s.patientName)},
                QStringLiteral("INSERT INTO patients (patient_id, name) VALUES (?, ?)"),
                {QString::fromStdString(s.patientId), QString::fromStdString(s.patientName)});
            const QString studyUid = QString::fromStdString(s.studyInstanceUid);
            const qint64 study = idOf(QStringLiteral("SELECT id FROM studies WHERE uid = ?"), {studyUid},
                                      QStringLiteral("INSERT INTO studies (uid, patient, date, description) VALUES (?, ?, ?, ?)"),
                                      {studyUid, patient, QString::fromStdString(s.studyDate),
                                       QString::fromStdString(s.studyDescription)});
            const QString seriesUid = QString::fromStdString(s.seriesInstanceUid);
            const qint64 seriesId = idOf(QStringLiteral("SELECT id FROM series WHERE uid = ?"), {seriesUid},
                                         QStringLiteral("INSERT INTO series (uid, study, modality, description) VALUES (?, ?, ?, ?)"),
                                         {seriesUid, study, QString::fromStdString(s.modality),
                                          QString::fromStdString(s.seriesDescription)});
            const Vec3 n = s.normal();
            std::set<std::string> seenPaths;
            for (const DicomSlice& slice : s.slices) {
                if (!seenPaths.insert(slice.path).second)
                    continue; // frames of one file: one instance
                const QFileInfo info(QString::fromStdString(slice.path));
                exec(QStringLiteral("INSERT INTO instances (series, sop_uid, path, size, mtime, position) VALUES (?, ?, ?, ?, ?, ?)"
                                    " ON CONFLICT(path) DO UPDATE SET series = excluded.series, sop_uid = excluded.sop_uid,"
                                    " size = excluded.size, mtime = excluded.mtime, position = excluded.position"),
                     {seriesId, QString::fromStdString(slice.sopInstanceUid), info.absoluteFilePath(), info.size(),
                      info.lastModified().toMSecsSinceEpoch(), dot(n, slice.position)});
                ++result.instancesAdded;
            }
            ++result.seriesTouched;
            touched.emplace(seriesId, seriesUid);
        }
        // What was read but is no image is remembered as such.
        std::set<std::string> images;
        for (const DicomSeries& s : series)
            for (const DicomSlice& slice : s.slices)
                images.insert(slice.path);
        for (const auto& f : toRead)
            if (!images.count(f)) {
                const QFileInfo info(QString::fromStdString(f));
                exec(QStringLiteral("INSERT OR REPLACE INTO other_files (path, size, mtime) VALUES (?, ?, ?)"),
                     {info.absoluteFilePath(), info.size(), info.lastModified().toMSecsSinceEpoch()});
            }
        commit();
    } catch (...) {
        connection.rollback();
        throw;
    }
}

std::vector<StudyRecord> StudyDatabase::studies(const QString& text) const
{
    const QString like = QLatin1Char('%') + text + QLatin1Char('%');
    QSqlQuery q = d->exec(QStringLiteral(
        "SELECT st.uid, p.patient_id, p.name, st.date, st.description, se.uid, se.modality, se.description,"
        " (SELECT COUNT(*) FROM instances i WHERE i.series = se.id), t.png"
        " FROM studies st JOIN patients p ON p.id = st.patient JOIN series se ON se.study = st.id"
        " LEFT JOIN thumbnails t ON t.series = se.id"
        " WHERE ? = '' OR p.name LIKE ? OR p.patient_id LIKE ? OR st.date LIKE ? OR st.description LIKE ?"
        "  OR st.id IN (SELECT study FROM series WHERE modality LIKE ?)"
        " ORDER BY st.date DESC, st.uid, se.modality, se.description"),
        {text, like, like, like, like, like});
    std::vector<StudyRecord> list;
    while (q.next()) {
        const QString uid = q.value(0).toString();
        if (list.empty() || list.back().studyUid != uid)
            list.push_back({uid, q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                            q.value(4).toString(), {}, {}});
        StudyRecord& study = list.back();
        const QString modality = q.value(6).toString();
        if (!study.modalities.contains(modality))
            study.modalities << modality;
        const QByteArray png = q.value(9).toByteArray();
        study.series.push_back({q.value(5).toString(), uid, modality, q.value(7).toString(), q.value(8).toInt(),
                                png.isEmpty() ? QImage() : QImage::fromData(png, "PNG")});
    }
    return list;
}

QStringList StudyDatabase::seriesFiles(const QString& seriesUid) const
{
    QSqlQuery q = d->exec(QStringLiteral("SELECT i.path FROM instances i JOIN series se ON se.id = i.series"
                                         " WHERE se.uid = ? ORDER BY i.position"),
                          {seriesUid});
    QStringList paths;
    while (q.next())
        paths << q.value(0).toString();
    return paths;
}

int StudyDatabase::instanceCount() const
{
    QSqlQuery q = d->exec(QStringLiteral("SELECT COUNT(*) FROM instances"));
    return q.next() ? q.value(0).toInt() : 0;
}

int StudyDatabase::schemaVersion() const { return d->userVersion(); }

QImage StudyDatabase::thumbnail(const QString& seriesUid) const
{
    QSqlQuery q = d->exec(QStringLiteral("SELECT t.png FROM thumbnails t JOIN series se ON se.id = t.series WHERE se.uid = ?"),
                          {seriesUid});
    const QByteArray png = q.next() ? q.value(0).toByteArray() : QByteArray();
    return png.isEmpty() ? QImage() : QImage::fromData(png, "PNG");
}

void StudyDatabase::saveMeasurements(const QString& seriesUid, const QByteArray& json)
{
    if (seriesUid.isEmpty())
        throw IoError(d->file.toStdString(), "measurements cannot be saved without a series UID");
    d->begin();
    try {
        d->exec(QStringLiteral("DELETE FROM measurements WHERE series_uid = ?"), {seriesUid});
        if (!json.isEmpty())
            d->exec(QStringLiteral("INSERT INTO measurements (series_uid, json, saved) VALUES (?, ?, ?)"),
                    {seriesUid, QString::fromUtf8(json), QDateTime::currentMSecsSinceEpoch()});
        d->commit();
    } catch (...) {
        d->db().rollback();
        throw;
    }
}

QByteArray StudyDatabase::measurements(const QString& seriesUid) const
{
    QSqlQuery q = d->exec(QStringLiteral("SELECT json FROM measurements WHERE series_uid = ?"), {seriesUid});
    return q.next() ? q.value(0).toString().toUtf8() : QByteArray();
}

} // namespace viewer
} // namespace radpath
