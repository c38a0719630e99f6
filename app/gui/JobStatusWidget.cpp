#include "app/gui/JobStatusWidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace radpath {
namespace app {

JobStatusWidget::JobStatusWidget(JobRunner& jobs, QWidget* parent) : QWidget(parent), m_jobs(jobs)
{
    m_label = new QLabel(this);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("jobProgress"));
    m_bar->setRange(0, 100);
    m_bar->setMaximumWidth(180);
    m_cancel = new QToolButton(this);
    m_cancel->setObjectName(QStringLiteral("jobCancel"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Cancel this job"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);

    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (m_current)
            m_jobs.cancel(m_current);
    });
    connect(&jobs, &JobRunner::jobAdded, this, [this](JobId id, const QString&) { showJob(id); });
    connect(&jobs, &JobRunner::jobProgress, this, [this](JobId id, double, const QString&) {
        if (id == m_current)
            refresh();
    });
    connect(&jobs, &JobRunner::jobFinished, this, [this](JobId id, JobStatus, const QString&) {
        if (id != m_current)
            return;
        // Fall back to another job still running, if any.
        m_current = 0;
        for (const JobInfo& info : m_jobs.jobs())
            if (info.status == JobStatus::Running)
                m_current = info.id;
        refresh();
    });
    refresh();
}

void JobStatusWidget::showJob(JobId id)
{
    m_current = id;
    refresh();
}

void JobStatusWidget::refresh()
{
    const bool active = m_current != 0;
    setVisible(active);
    if (!active)
        return;
    const JobInfo info = m_jobs.info(m_current);
    m_label->setText(info.stage.isEmpty() ? info.title : info.title + QStringLiteral(" - ") + info.stage);
    m_bar->setValue(qRound(info.progress * 100));
}

} // namespace app
} // namespace radpath
