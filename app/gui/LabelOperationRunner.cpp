#include "app/gui/LabelOperationRunner.h"

#include "viewer/model/LabelEditor.h"

#include <memory>
#include <stdexcept>

namespace radpath {
namespace app {

namespace {
using Copy = std::shared_ptr<viewer::LabelEditor>; // std::any needs a copyable result
constexpr double kCopyShare = 0.1;                 // of the progress bar: copying the map
} // namespace

LabelOperationRunner::LabelOperationRunner(JobRunner& jobs, QObject* parent) : QObject(parent), m_jobs(jobs)
{
    connect(&m_jobs, &JobRunner::jobProgress, this, [this](JobId id, double fraction, const QString&) {
        if (id == m_job)
            emit progress(fraction);
    });
    // Cancelled and failed jobs end here; succeeded ones already ended in the result lambda.
    connect(&m_jobs, &JobRunner::jobFinished, this, [this](JobId id, JobStatus status, const QString& message) {
        if (id == m_job)
            end(status == JobStatus::Failed ? status : JobStatus::Cancelled, 0, message);
    });
}

LabelOperationRunner::~LabelOperationRunner()
{
    if (m_job)
        m_jobs.cancel(m_job);
}

bool LabelOperationRunner::start(viewer::LabelEditor& editor, const QString& title, Operation operation)
{
    if (m_job)
        return false;
    m_editor = &editor;
    m_cancelled = false;
    // The worker holds the voxels through these handles even when the layer goes away.
    const viewer::Volume labels = editor.labels(), image = editor.image();
    m_job = m_jobs.run<Copy>(
        title, this,
        [labels, image, operation = std::move(operation)](JobContext& ctx) -> Copy {
            ctx.setProgress(0.0);
            Copy copy = viewer::LabelEditor::detachedCopy(labels, image);
            if (ctx.isCancelled())
                return copy; // ends as Cancelled
            copy->setProgressCallback([&ctx](double fraction) {
                if (ctx.isCancelled())
                    throw std::runtime_error("cancelled"); // the copy is thrown away
                ctx.setProgress(kCopyShare + (1.0 - kCopyShare) * fraction);
            });
            operation(*copy);
            copy->setProgressCallback({});
            return copy;
        },
        [this](Copy copy) {
            if (!m_editor || m_cancelled)
                return end(JobStatus::Cancelled, 0, {});
            try {
                end(JobStatus::Succeeded, qint64(m_editor->applyFrom(*copy)), {});
            } catch (const std::exception& e) {
                end(JobStatus::Failed, 0, QString::fromUtf8(e.what()));
            }
        });
    return true;
}

bool LabelOperationRunner::isRunning() const
{
    return m_job != 0;
}

void LabelOperationRunner::cancel()
{
    if (!m_job)
        return;
    m_cancelled = true;
    m_jobs.cancel(m_job);
}

void LabelOperationRunner::forget()
{
    m_editor = nullptr;
    cancel();
}

void LabelOperationRunner::end(JobStatus status, qint64 changed, const QString& message)
{
    m_job = 0;
    m_editor = nullptr;
    emit finished(status, changed, message);
}

} // namespace app
} // namespace radpath
