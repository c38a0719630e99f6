#pragma once
// Progress and cancellation for long AI calls. Callers (the app's job runner) pass these in;
// the engine reports through them and stops soon after cancellation is requested.

#include <atomic>
#include <functional>
#include <string>

namespace radpath::ai {

/// Set from any thread; polled by the engine between steps. Thread-safe.
class CancelToken {
public:
    void cancel() noexcept { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const noexcept { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
};

/// Called from the engine's thread with a fraction in [0, 1] and a short stage label.
using ProgressCallback = std::function<void(double fraction, const std::string& stage)>;

/// Thrown by engine calls that stopped because their CancelToken was set.
struct Cancelled {};

} // namespace radpath::ai
