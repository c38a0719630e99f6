#pragma once
// Background jobs for everything long: reading series, AI inference, training, exports.
// Work runs on a thread pool; progress, results and errors come back on the GUI thread.

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <any>
#include <atomic>
#include <functional>
#include <memory>

class QThreadPool;

namespace radpath {
namespace app {

using JobId = quint64;

enum class JobStatus { Queued, Running, Succeeded, Failed, Cancelled };
QString toString(JobStatus status);

struct JobState;

/// Handed to the work function. Thread-safe: called from the worker thread while the
/// GUI thread may cancel.
class JobContext {
public:
    explicit JobContext(std::shared_ptr<JobState> state);
    bool isCancelled() const;
    /// Fraction in [0, 1]; forwarded to the GUI thread at most every 50 ms.
    void setProgress(double fraction, const QString& stage = {});

    /// Keeps a cancellation callback registered while it lives (see whenCancelled).
    class CancelLink {
    public:
        CancelLink(CancelLink&& other) noexcept;
        CancelLink& operator=(CancelLink&&) = delete;
        CancelLink(const CancelLink&) = delete;
        CancelLink& operator=(const CancelLink&) = delete;
        ~CancelLink(); ///< unregisters: once it returns, the callback is not running and never runs

    private:
        friend class JobContext;
        CancelLink(std::shared_ptr<JobState> state, quint64 id);
        std::shared_ptr<JobState> m_state;
        quint64 m_id = 0;
    };
    /// Calls `onCancel` as soon as the job is cancelled (on the cancelling thread; at once when
    /// it already is), while the returned link lives: for work that waits inside a long call
    /// with a cancellation flag of its own, e.g. an ai::CancelToken. `onCancel` must be quick.
    [[nodiscard]] CancelLink whenCancelled(std::function<void()> onCancel);

private:
    std::shared_ptr<JobState> m_state;
};

struct JobInfo {
    JobId id = 0;
    QString title;
    JobStatus status = JobStatus::Queued;
    double progress = 0.0;
    QString stage;
    QString message; ///< error text for failed jobs
};

/// Owns a thread pool and the jobs on it. Lives on the GUI thread.
class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(int maxThreads = 0, QObject* parent = nullptr);
    ~JobRunner() override; ///< cancels running jobs and waits for them

    /// Runs `work` in the background. `onSuccess` / `onFailure` run on the GUI thread,
    /// and only while `context` (if given) still exists. A job whose work throws after
    /// cancellation was requested ends as Cancelled, otherwise as Failed with what().
    template <class Result>
    JobId run(const QString& title, QObject* context, std::function<Result(JobContext&)> work,
              std::function<void(Result)> onSuccess, std::function<void(const QString&)> onFailure = {})
    {
        auto erasedWork = [work = std::move(work)](JobContext& ctx) -> std::any { return work(ctx); };
        auto deliver = [onSuccess = std::move(onSuccess)](std::any& value) {
            if (onSuccess)
                onSuccess(std::any_cast<Result>(std::move(value)));
        };
        return submit(title, context, std::move(erasedWork), std::move(deliver), std::move(onFailure));
    }

    void cancel(JobId id);
    void cancelAll();
    /// Waits for running jobs; for shutdown and tests. Returns false on timeout.
    bool waitForDone(int msecs = -1);

    JobInfo info(JobId id) const;
    QList<JobInfo> jobs() const;
    int activeCount() const;

signals:
    void jobAdded(radpath::app::JobId id, const QString& title);
    void jobProgress(radpath::app::JobId id, double fraction, const QString& stage);
    void jobFinished(radpath::app::JobId id, radpath::app::JobStatus status, const QString& message);

private:
    friend class JobContext;
    friend class JobTask;
    JobId submit(const QString& title, QObject* context, std::function<std::any(JobContext&)> work,
                 std::function<void(std::any&)> deliver, std::function<void(const QString&)> onFailure);
    void postProgress(JobId id, double fraction, const QString& stage);
    void finish(JobId id, JobStatus status, const QString& message, std::any value);

    QThreadPool* m_pool = nullptr;
    QHash<JobId, std::shared_ptr<JobState>> m_jobs;
    JobId m_nextId = 1;
};

} // namespace app
} // namespace radpath

Q_DECLARE_METATYPE(radpath::app::JobStatus)
