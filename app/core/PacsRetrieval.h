#pragma once
// Retrieving one series from a PACS into the data folder and the study database, all or
// nothing: the instances arrive in DATA/pacs/<study>/.incoming-<series>/, move to
// DATA/pacs/<study>/<series>/ once the transfer completed, and only then are imported
// (StudyDatabase::import, as the Studies dock imports a folder). A failed or cancelled
// transfer leaves nothing behind and nothing in the database.

#include "app/core/PacsConnection.h"

#include <QString>

namespace radpath::app {

struct RetrievedSeries {
    QString seriesUid;
    QString folder;    ///< where its files are now
    int received = 0;  ///< instances the PACS sent
    int warnings = 0;  ///< of those, sent with a warning status
    int imported = 0;  ///< instances the database read (non-images are not counted)
    QString firstFile; ///< the series' first file in the database; empty when it holds no image
};

/// A transfer's cancellation from `control`, and its progress reported to `control` as
/// "N of M instances" in the user's language.
struct TransferControl {
    viewer::TaskControl control;
    PacsProgress progress;
};
TransferControl transferControl(const viewer::TaskControl& control);

/// DATA/pacs/<study UID>, the UID reduced to characters safe in a path.
QString pacsStudyFolder(const QString& dataDir, const QString& studyUid);

/// Runs in a job. Throws viewer::net::PacsError, viewer::OperationCancelled, or
/// viewer::IoError when the database cannot be written; the stage text of `control` says
/// "N of M instances".
RetrievedSeries retrieveSeries(const PacsConnection& connection, RetrieveMethod method, const QString& studyUid,
                               const QString& seriesUid, const QString& studyFolder, const QString& databaseFile,
                               const viewer::TaskControl& control);

} // namespace radpath::app
