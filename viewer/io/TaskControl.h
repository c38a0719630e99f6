#pragma once
// Progress and cancellation for long I/O. The app's job runner supplies both.

#include <functional>
#include <string>

namespace radpath::viewer {

struct TaskControl {
    /// Fraction in [0, 1] and a short stage label; called from the working thread.
    std::function<void(double fraction, const std::string& stage)> progress;
    /// Polled between steps; true stops the work with OperationCancelled.
    std::function<bool()> isCancelled;

    void report(double fraction, const std::string& stage) const
    {
        if (progress)
            progress(fraction, stage);
    }
    bool cancelled() const { return isCancelled && isCancelled(); }
};

/// Thrown when a TaskControl asked to stop.
struct OperationCancelled {};

} // namespace radpath::viewer
