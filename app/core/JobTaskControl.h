#pragma once
// The progress and cancellation of a job, in the form the viewer's readers take.

#include "app/core/JobRunner.h"
#include "viewer/io/TaskControl.h"

namespace radpath {
namespace app {

/// Valid while `context` is: use it inside the job's work function.
inline viewer::TaskControl taskControlFor(JobContext& context)
{
    viewer::TaskControl control;
    control.progress = [&context](double fraction, const std::string& stage) {
        context.setProgress(fraction, QString::fromStdString(stage));
    };
    control.isCancelled = [&context] { return context.isCancelled(); };
    return control;
}

} // namespace app
} // namespace radpath
