#include "viewer/db/StudyDatabase.h"

#include "viewer/io/DicomDir.h"
#include "viewer/io/DicomSeriesReader.h"
#include "viewer/io/IoError.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QFileInfo>
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
};

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
};

StudyDatabase::StudyDatabase(const QString& file) : d(std::make_unique<Private>())
{
    d->file = file;
    d->connection = connectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->connection);
    db.setDatabaseName(file);
    if (!db.open())
        throw IoError(file.toStdString(), "cannot open the study database: " + db.lastError().text().toStdString());
    d->exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    for (const char* statement : kSchema)
        d->exec(QString::fromLatin1(statement));
}

StudyDatabase::~StudyDatabase()
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
    if (toRead.empty())
        return result;

    const auto series = DicomSeriesReader().scanFiles(toRead, control);
    QSqlDatabase db = d->db();
    db.transaction();
    try {
        for (const DicomSeries& s : series) {
            const qint64 patient = d->idOf(
                QStringLiteral("SELECT id FROM patients WHERE patient_id = ? AND name = ?"),
                {QString::fromStdString(s.patientId), QString::fromStdString(s.patientName)},
                QStringLiteral("INSERT INTO patients (patient_id, name) VALUES (?, ?)"),
                {QString::fromStdString(s.patientId), QString::fromStdString(s.patientName)});
            const QString studyUid = QString::fromStdString(s.studyInstanceUid);
            const qint64 study = d->idOf(QStringLiteral("SELECT id FROM studies WHERE uid = ?"), {studyUid},
                                         QStringLiteral("INSERT INTO studies (uid, patient, date, description) VALUES (?, ?, ?, ?)"),
                                         {studyUid, patient, QString::fromStdString(s.studyDate),
                                          QString::fromStdString(s.studyDescription)});
            const QString seriesUid = QString::fromStdString(s.seriesInstanceUid);
            const qint64 seriesId = d->idOf(QStringLiteral("SELECT id FROM series WHERE uid = ?"), {seriesUid},
                                            QStringLiteral("INSERT INTO series (uid, study, modality, description) VALUES (?, ?, ?, ?)"),
                                            {seriesUid, study, QString::fromStdString(s.modality),
                                             QString::fromStdString(s.seriesDescription)});
            const Vec3 n = s.normal();
            std::set<std::string> seenPaths;
            for (const DicomSlice& slice : s.slices) {
                if (!seenPaths.insert(slice.path).second)
                    continue; // frames of one file: one instance
                const QFileInfo info(QString::fromStdString(slice.path));
                d->exec(QStringLiteral("INSERT INTO instances (series, sop_uid, path, size, mtime, position) VALUES (?, ?, ?, ?, ?, ?)"
                                       " ON CONFLICT(path) DO UPDATE SET series = excluded.series, sop_uid = excluded.sop_uid,"
                                       " size = excluded.size, mtime = excluded.mtime, position = excluded.position"),
                        {seriesId, QString::fromStdString(slice.sopInstanceUid), info.absoluteFilePath(), info.size(),
                         info.lastModified().toMSecsSinceEpoch(), dot(n, slice.position)});
                ++result.instancesAdded;
            }
            ++result.seriesTouched;
        }
        // What was read but is no image is remembered as such.
        std::set<std::string> images;
        for (const DicomSeries& s : series)
            for (const DicomSlice& slice : s.slices)
                images.insert(slice.path);
        for (const auto& f : toRead)
            if (!images.count(f)) {
                const QFileInfo info(QString::fromStdString(f));
                d->exec(QStringLiteral("INSERT OR REPLACE INTO other_files (path, size, mtime) VALUES (?, ?, ?)"),
                        {info.absoluteFilePath(), info.size(), info.lastModified().toMSecsSinceEpoch()});
            }
        db.commit();
    } catch (...) {
        db.rollback();
        throw;
    }
    return result;
}

std::vector<StudyRecord> StudyDatabase::studies(const QString& text) const
{
    const QString like = QLatin1Char('%') + text + QLatin1Char('%');
    QSqlQuery q = d->exec(QStringLiteral(
        "SELECT st.uid, p.patient_id, p.name, st.date, st.description, se.uid, se.modality, se.description,"
        " (SELECT COUNT(*) FROM instances i WHERE i.series = se.id)"
        " FROM studies st JOIN patients p ON p.id = st.patient JOIN series se ON se.study = st.id"
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
        study.series.push_back({q.value(5).toString(), uid, modality, q.value(7).toString(), q.value(8).toInt()});
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

} // namespace viewer
} // namespace radpath
