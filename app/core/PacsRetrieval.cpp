#include "app/core/PacsRetrieval.h"

#include "viewer/db/StudyDatabase.h"
#include "viewer/net/PacsError.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace radpath::app {
namespace {

// UIDs are digits and dots; anything else a PACS might send must not make a path.
QString safeName(const QString& uid)
{
    QString out;
    for (const QChar c : uid)
        out += (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('.') ? c : QLatin1Char('_');
    if (out.isEmpty() || out.startsWith(QLatin1Char('.')))
        out.prepend(QLatin1Char('_'));
    return out;
}

// Moves every file of `from` into `to` (replacing what is there by the same name).
void moveFiles(const QString& from, const QString& to)
{
    if (!QDir().mkpath(to))
        throw viewer::net::PacsError(viewer::net::PacsError::Kind::Local,
                                     QCoreApplication::translate("PacsRetrieval", "cannot create the folder %1")
                                         .arg(QDir::toNativeSeparators(to))
                                         .toStdString());
    const QDir source(from), target(to);
    for (const QString& name : source.entryList(QDir::Files | QDir::Hidden)) {
        const QString destination = target.filePath(name);
        QFile::remove(destination);
        if (!QFile::rename(source.filePath(name), destination))
            throw viewer::net::PacsError(viewer::net::PacsError::Kind::Local,
                                         QCoreApplication::translate("PacsRetrieval", "cannot move %1 into %2")
                                             .arg(name, QDir::toNativeSeparators(to))
                                             .toStdString());
    }
}

} // namespace

TransferControl transferControl(const viewer::TaskControl& control)
{
    TransferControl out;
    out.control.isCancelled = control.isCancelled;
    out.control.progress = [](double, const std::string&) {}; // the stage comes from `progress`
    out.progress = [control](const viewer::net::TransferProgress& p) {
        const int done = p.completed + p.failed + p.warning;
        const int total = done + p.remaining;
        control.report(
            total > 0 ? double(done) / double(total) : 0.0,
            QCoreApplication::translate("PacsRetrieval", "%1 of %2 instances").arg(done).arg(total).toStdString());
    };
    return out;
}

QString pacsStudyFolder(const QString& dataDir, const QString& studyUid)
{
    return QDir(dataDir).filePath(QStringLiteral("pacs/") + safeName(studyUid));
}

RetrievedSeries retrieveSeries(const PacsConnection& connection, RetrieveMethod method, const QString& studyUid,
                               const QString& seriesUid, const QString& studyFolder, const QString& databaseFile,
                               const viewer::TaskControl& control)
{
    const QDir study(studyFolder);
    const QString incoming = study.filePath(QStringLiteral(".incoming-") + safeName(seriesUid));
    const QString folder = study.filePath(safeName(seriesUid));
    QDir(incoming).removeRecursively();

    const TransferControl transfer = transferControl(control);

    RetrievedSeries out;
    out.seriesUid = seriesUid;
    out.folder = folder;
    try {
        const viewer::net::TransferResult result =
            connection.retrieve(studyUid.toStdString(), seriesUid.toStdString(), incoming.toStdString(), method,
                                transfer.control, transfer.progress);
        out.received = result.completed;
        out.warnings = result.warning;
        moveFiles(incoming, folder);
    } catch (...) {
        QDir(incoming).removeRecursively();
        throw;
    }
    QDir(incoming).removeRecursively();
    if (out.received == 0)
        return out;

    // Complete: now, and only now, into the database.
    control.report(1.0, QCoreApplication::translate("PacsRetrieval", "Importing").toStdString());
    viewer::StudyDatabase db(databaseFile);
    out.imported = db.import(folder).instancesAdded;
    out.firstFile = db.seriesFiles(seriesUid).value(0);
    return out;
}

} // namespace radpath::app
