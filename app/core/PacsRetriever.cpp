#include "app/core/PacsRetriever.h"

#include "app/core/JobTaskControl.h"
#include "app/core/PacsRetrieval.h"

namespace radpath::app {

PacsRetriever::PacsRetriever(JobRunner& jobs, QString dataDir, QString databaseFile, QObject* parent)
    : QObject(parent), m_jobs(jobs), m_dataDir(std::move(dataDir)), m_databaseFile(std::move(databaseFile))
{
    connect(&m_jobs, &JobRunner::jobProgress, this, [this](JobId id, double fraction, const QString& stage) {
        if (id == m_current)
            emit seriesProgress(m_currentSeries, fraction, stage);
    });
    // Success and failure come through the job's callbacks; a cancelled job only ends.
    connect(&m_jobs, &JobRunner::jobFinished, this, [this](JobId id, JobStatus status, const QString& message) {
        if (id != m_current)
            return;
        if (status == JobStatus::Cancelled)
            stop(true, {}, {});
        else if (status == JobStatus::Failed) // failed while delivering
            stop(false, m_currentSeries, message);
    });
}

bool PacsRetriever::start(std::shared_ptr<const PacsConnection> connection, RetrieveMethod method,
                          const QString& studyUid, QList<Request> series)
{
    if (isBusy() || !connection || series.isEmpty())
        return false;
    m_connection = std::move(connection);
    m_method = method;
    m_studyUid = studyUid;
    m_queue = std::move(series);
    m_total = int(m_queue.size());
    m_done = 0;
    m_opened = false;
    next();
    return true;
}

void PacsRetriever::cancel()
{
    if (m_current)
        m_jobs.cancel(m_current);
}

void PacsRetriever::next()
{
    if (m_queue.isEmpty()) {
        m_current = 0;
        m_currentSeries.clear();
        m_connection.reset();
        emit finished(m_done, 0, false);
        return;
    }
    const Request request = m_queue.takeFirst();
    m_currentSeries = request.seriesUid;
    const int number = m_total - int(m_queue.size());
    const QString title = request.label.isEmpty()
                              ? tr("Retrieving series %1 of %2").arg(number).arg(m_total)
                              : tr("Retrieving series %1 of %2 (%3)").arg(number).arg(m_total).arg(request.label);
    auto connection = m_connection;
    const RetrieveMethod method = m_method;
    const QString study = m_studyUid, series = request.seriesUid;
    const QString folder = pacsStudyFolder(m_dataDir, m_studyUid), database = m_databaseFile;
    m_current = m_jobs.run<RetrievedSeries>(
        title, this,
        [connection, method, study, series, folder, database](JobContext& ctx) {
            return retrieveSeries(*connection, method, study, series, folder, database, taskControlFor(ctx));
        },
        [this](RetrievedSeries result) {
            ++m_done;
            emit seriesDone(result.seriesUid, result.received);
            if (result.imported > 0)
                emit imported(result.imported);
            if (!m_opened && !result.firstFile.isEmpty()) {
                m_opened = true;
                emit openRequested(result.firstFile);
            }
            next();
        },
        [this](const QString& message) { stop(false, m_currentSeries, message); });
    emit seriesStarted(m_currentSeries, m_current);
}

void PacsRetriever::stop(bool cancelled, const QString& failedSeries, const QString& message)
{
    const QString current = m_currentSeries;
    m_current = 0;
    m_currentSeries.clear();
    m_connection.reset();
    if (cancelled) {
        emit seriesCancelled(current);
        emit imported(0); // a series may have completed just before the cancel took hold
    } else
        emit seriesFailed(failedSeries, message);
    // The series not started yet are dropped: say so for each.
    const QList<Request> rest = std::move(m_queue);
    m_queue.clear();
    for (const Request& r : rest)
        emit seriesCancelled(r.seriesUid);
    emit finished(m_done, cancelled ? 0 : 1, cancelled);
}

} // namespace radpath::app
