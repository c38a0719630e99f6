#pragma once
// Retrieves the series of a study one after another, one job each (retrieveSeries): the first
// series is complete, imported and can be opened while the next ones arrive. Stops at the
// first failure (the series before it stay imported) or when cancelled. Lives on the GUI thread.

#include "app/core/JobRunner.h"
#include "app/core/PacsConnection.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace radpath::app {

class PacsRetriever : public QObject {
    Q_OBJECT
public:
    struct Request {
        QString seriesUid;
        QString label; ///< shown in the job title, e.g. "CT phantom"
    };

    /// Series go under `dataDir`/pacs/<study>/ and into the study database `databaseFile`.
    PacsRetriever(JobRunner& jobs, QString dataDir, QString databaseFile, QObject* parent = nullptr);

    /// Starts retrieving `series` (in this order) of `studyUid`; false when a retrieval is running.
    bool start(std::shared_ptr<const PacsConnection> connection, RetrieveMethod method, const QString& studyUid,
               QList<Request> series);
    /// Cancels the series in flight and drops the rest.
    void cancel();
    bool isBusy() const { return m_current != 0; }
    JobId currentJob() const { return m_current; }

signals:
    void seriesStarted(const QString& seriesUid, radpath::app::JobId job);
    void seriesProgress(const QString& seriesUid, double fraction, const QString& stage);
    void seriesDone(const QString& seriesUid, int instances);
    void seriesFailed(const QString& seriesUid, const QString& message);
    /// The series in flight (or waiting) when the retrieval was cancelled.
    void seriesCancelled(const QString& seriesUid);
    /// The first retrieved series that holds images: open it (a file of it).
    void openRequested(const QString& path);
    /// After each imported series: the study database changed.
    void imported(int instancesAdded);
    void finished(int seriesDone, int seriesFailed, bool cancelled);

private:
    void next();
    void stop(bool cancelled, const QString& failedSeries, const QString& message);

    JobRunner& m_jobs;
    QString m_dataDir;
    QString m_databaseFile;
    std::shared_ptr<const PacsConnection> m_connection;
    RetrieveMethod m_method = RetrieveMethod::Get;
    QString m_studyUid;
    QList<Request> m_queue;
    QString m_currentSeries;
    JobId m_current = 0;
    int m_total = 0;
    int m_done = 0;
    bool m_opened = false;
};

} // namespace radpath::app
