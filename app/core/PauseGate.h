#pragma once
// Pausing a long job at points of its choosing. The GUI thread pauses and resumes; the job
// calls wait() where it may stop (the training wizard: in the engine's progress callback,
// which the engine calls after every batch, so that a paused run holds between two batches).

#include <QMutex>
#include <QWaitCondition>

#include <functional>

namespace radpath::app {

/// Thread-safe: pause(), resume() and isPaused() from any thread, wait() from the job's.
class PauseGate {
public:
    void pause();
    /// Lets waiting jobs go on.
    void resume();
    bool isPaused() const;

    /// Blocks while paused, until resume() or until `cancelled` (polled every 100 ms, and
    /// at once after wake()) says true. Returns the seconds it waited.
    double wait(const std::function<bool()>& cancelled = {});
    /// Wakes waiting jobs so that they look at `cancelled` again (after a cancel request).
    void wake();

private:
    mutable QMutex m_mutex;
    QWaitCondition m_changed;
    bool m_paused = false;
};

} // namespace radpath::app
