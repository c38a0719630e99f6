#include "app/core/JobRunner.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QMutexLocker>
#include <QRunnable>
#include <QThreadPool>

#include <algorithm>
#include <exception>
#include <map>
#include <utility>

namespace radpath {
namespace app {

QString toString(JobStatus status)
{
    switch (status) {
    case JobStatus::Queued: return JobRunner::tr("Queued");
    case JobStatus::Running: return JobRunner::tr("Running");
    case JobStatus::Succeeded: return JobRunner::tr("Done");
    case JobStatus::Failed: return JobRunner::tr("Failed");
    case JobStatus::Cancelled: return JobRunner::tr("Cancelled");
    }
    return {};
}

struct JobState {
    JobId id = 0;
    QString title;
    QPointer<JobRunner> runner;
    QPointer<QObject> context;
    bool hasContext = false;
    std::function<std::any(JobContext&)> work;
    std::function<void(std::any&)> deliver;
    std::function<void(const QString&)> onFailure;

    std::atomic<bool> cancelled{false};
    QMutex cancelMutex; ///< guards onCancel; held while the callbacks run
    std::map<quint64, std::function<void()>> onCancel;
    quint64 nextCancelId = 1;

    void cancel()
    {
        cancelled = true;
        QMutexLocker lock(&cancelMutex);
        for (auto& [id, callback] : onCancel)
            callback();
    }
    std::atomic<qint64> lastPostMs{-1000};
    QElapsedTimer clock;

    // GUI-thread view of the job, updated only on the GUI thread.
    JobStatus status = JobStatus::Queued;
    double progress = 0.0;
    QString stage;
    QString message;
};

JobContext::JobContext(std::shared_ptr<JobState> state) : m_state(std::move(state)) {}

bool JobContext::isCancelled() const
{
    return m_state->cancelled.load(std::memory_order_relaxed);
}

void JobContext::setProgress(double fraction, const QString& stage)
{
    const qint64 now = m_state->clock.elapsed();
    const qint64 last = m_state->lastPostMs.load(std::memory_order_relaxed);
    if (fraction < 1.0 && now - last < 50)
        return; // coalesce: the GUI needs no more than ~20 updates a second
    m_state->lastPostMs.store(now, std::memory_order_relaxed);
    const JobId id = m_state->id;
    QPointer<JobRunner> runner = m_state->runner;
    if (runner)
        QMetaObject::invokeMethod(runner, [runner, id, fraction, stage] {
            if (runner) runner->postProgress(id, fraction, stage);
        }, Qt::QueuedConnection);
}

JobContext::CancelLink::CancelLink(std::shared_ptr<JobState> state, quint64 id) : m_state(std::move(state)), m_id(id) {}

JobContext::CancelLink::CancelLink(CancelLink&& other) noexcept
    : m_state(std::move(other.m_state)), m_id(std::exchange(other.m_id, 0))
{
}

JobContext::CancelLink::~CancelLink()
{
    if (!m_state)
        return;
    QMutexLocker lock(&m_state->cancelMutex);
    m_state->onCancel.erase(m_id);
}

JobContext::CancelLink JobContext::whenCancelled(std::function<void()> onCancel)
{
    QMutexLocker lock(&m_state->cancelMutex);
    if (m_state->cancelled.load())
        onCancel();
    const quint64 id = m_state->nextCancelId++;
    m_state->onCancel.emplace(id, std::move(onCancel));
    return CancelLink(m_state, id);
}

// The one QRunnable for every job: run() is final and owns error handling and signalling.
class JobTask final : public QRunnable {
public:
    explicit JobTask(std::shared_ptr<JobState> state) : m_state(std::move(state)) { setAutoDelete(true); }

    void run() final
    {
        JobStatus status = JobStatus::Succeeded;
        QString message;
        std::any value;
        JobContext context(m_state);
        if (context.isCancelled()) {
            status = JobStatus::Cancelled;
        } else {
            try {
                value = m_state->work(context);
                if (context.isCancelled())
                    status = JobStatus::Cancelled;
            } catch (const std::exception& e) {
                status = context.isCancelled() ? JobStatus::Cancelled : JobStatus::Failed;
                message = QString::fromUtf8(e.what());
            } catch (...) {
                status = context.isCancelled() ? JobStatus::Cancelled : JobStatus::Failed;
                message = QStringLiteral("unknown error");
            }
        }
        m_state->work = nullptr; // release captured data on the worker
        QPointer<JobRunner> runner = m_state->runner;
        const JobId id = m_state->id;
        if (runner)
            QMetaObject::invokeMethod(runner, [runner, id, status, message, value = std::move(value)]() mutable {
                if (runner) runner->finish(id, status, message, std::move(value));
            }, Qt::QueuedConnection);
    }

private:
    std::shared_ptr<JobState> m_state;
};

JobRunner::JobRunner(int maxThreads, QObject* parent) : QObject(parent), m_pool(new QThreadPool(this))
{
    qRegisterMetaType<JobStatus>();
    qRegisterMetaType<JobId>("radpath::app::JobId");
    if (maxThreads > 0)
        m_pool->setMaxThreadCount(maxThreads);
}

JobRunner::~JobRunner()
{
    cancelAll();
    m_pool->waitForDone();
}

JobId JobRunner::submit(const QString& title, QObject* context, std::function<std::any(JobContext&)> work,
                        std::function<void(std::any&)> deliver, std::function<void(const QString&)> onFailure)
{
    auto state = std::make_shared<JobState>();
    state->id = m_nextId++;
    state->title = title;
    state->runner = this;
    state->context = context;
    state->hasContext = context != nullptr;
    state->work = std::move(work);
    state->deliver = std::move(deliver);
    state->onFailure = std::move(onFailure);
    state->status = JobStatus::Running;
    state->clock.start();
    m_jobs.insert(state->id, state);
    emit jobAdded(state->id, title);
    m_pool->start(new JobTask(state));
    return state->id;
}

void JobRunner::cancel(JobId id)
{
    if (auto it = m_jobs.find(id); it != m_jobs.end())
        it.value()->cancel();
}

void JobRunner::cancelAll()
{
    for (auto& state : m_jobs)
        state->cancel();
}

bool JobRunner::waitForDone(int msecs)
{
    return m_pool->waitForDone(msecs);
}

void JobRunner::postProgress(JobId id, double fraction, const QString& stage)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end() || it.value()->status != JobStatus::Running)
        return;
    it.value()->progress = fraction;
    if (!stage.isEmpty())
        it.value()->stage = stage;
    emit jobProgress(id, fraction, it.value()->stage);
}

void JobRunner::finish(JobId id, JobStatus status, const QString& message, std::any value)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    std::shared_ptr<JobState> state = it.value();
    state->status = status;
    state->message = message;
    if (status == JobStatus::Succeeded)
        state->progress = 1.0;
    const bool contextAlive = !state->hasContext || state->context;
    if (contextAlive) {
        if (status == JobStatus::Succeeded && state->deliver) {
            try {
                state->deliver(value);
            } catch (const std::exception& e) {
                state->status = status = JobStatus::Failed;
                state->message = QString::fromUtf8(e.what());
                if (state->onFailure)
                    state->onFailure(state->message);
            }
        } else if (status == JobStatus::Failed && state->onFailure) {
            state->onFailure(message);
        }
    }
    state->deliver = nullptr;
    state->onFailure = nullptr;
    emit jobFinished(id, state->status, state->message);
}

JobInfo JobRunner::info(JobId id) const
{
    JobInfo info;
    if (auto it = m_jobs.find(id); it != m_jobs.end()) {
        const JobState& s = *it.value();
        info = {s.id, s.title, s.status, s.progress, s.stage, s.message};
    }
    return info;
}

QList<JobInfo> JobRunner::jobs() const
{
    QList<JobInfo> list;
    for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it)
        list.append(info(it.key()));
    std::sort(list.begin(), list.end(), [](const JobInfo& a, const JobInfo& b) { return a.id < b.id; });
    return list;
}

int JobRunner::activeCount() const
{
    int n = 0;
    for (const auto& state : m_jobs)
        n += state->status == JobStatus::Running ? 1 : 0;
    return n;
}

} // namespace app
} // namespace radpath
