#pragma once
// Whole-volume label map operations (islands, holes, smoothing, interpolation, region
// growing, logical operations) as jobs. The operation runs on a worker on a detached copy of
// the label map (viewer::LabelEditor::detachedCopy) while the views go on drawing the
// original; on success the copy's edits are applied to the editor on the GUI thread as one
// undoable step. Cancel or a failure leaves the map as it was.
//
// The caller's part of being race-free: from start() until finished(), nothing may write the
// editor's label map (the worker reads it while it copies): disable the editing controls.
// GUI thread only.

#include "app/core/JobRunner.h"

#include <QObject>
#include <QString>

#include <functional>

namespace radpath {
namespace viewer {
class LabelEditor;
}
namespace app {

class LabelOperationRunner : public QObject {
    Q_OBJECT
public:
    /// Runs on the worker, on the copy; may throw (the job fails with what()).
    using Operation = std::function<void(viewer::LabelEditor& copy)>;

    explicit LabelOperationRunner(JobRunner& jobs, QObject* parent = nullptr);
    ~LabelOperationRunner() override; ///< cancels a running operation; its result is dropped

    /// Starts `operation` on a copy of `editor`'s map; false, starting nothing, while one
    /// runs. `editor` must live until finished() or forget().
    bool start(viewer::LabelEditor& editor, const QString& title, Operation operation);
    /// From start() until finished().
    bool isRunning() const;
    /// The map stays as it is, even when the worker has already finished; finished() follows
    /// once the worker has stopped.
    void cancel();
    /// The editor is going away: cancel(), and its pointer is no longer used. isRunning()
    /// stays true until the worker has stopped (it may still be reading the map).
    void forget();

signals:
    /// Fraction done, in [0, 1].
    void progress(double fraction);
    /// The operation ended: Succeeded with the voxels its step changed (the editor's map
    /// was edited when `changed` > 0), or Cancelled or Failed (nothing changed) with why.
    void finished(radpath::app::JobStatus status, qint64 changed, const QString& message);

private:
    void end(JobStatus status, qint64 changed, const QString& message);

    JobRunner& m_jobs;
    JobId m_job = 0;
    viewer::LabelEditor* m_editor = nullptr;
    bool m_cancelled = false;
};

} // namespace app
} // namespace radpath
