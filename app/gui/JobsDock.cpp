#include "app/gui/JobsDock.h"

#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace radpath {
namespace app {

JobsDock::JobsDock(JobRunner& jobs, QWidget* parent) : QDockWidget(tr("Jobs"), parent), m_jobs(jobs)
{
    setObjectName(QStringLiteral("jobsDock"));
    auto* body = new QWidget(this);
    m_list = new QTreeWidget(body);
    m_list->setObjectName(QStringLiteral("jobsList"));
    m_list->setHeaderLabels({tr("Job"), tr("Progress"), tr("Status")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto* cancel = new QPushButton(tr("Cancel selected"), body);
    cancel->setObjectName(QStringLiteral("cancelJobButton"));
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_list);
    layout->addWidget(cancel);
    setWidget(body);

    connect(cancel, &QPushButton::clicked, this, [this] {
        for (QTreeWidgetItem* selected : m_list->selectedItems())
            m_jobs.cancel(selected->data(0, Qt::UserRole).toULongLong());
    });
    connect(&jobs, &JobRunner::jobAdded, this, &JobsDock::add);
    connect(&jobs, &JobRunner::jobProgress, this, &JobsDock::progress);
    connect(&jobs, &JobRunner::jobFinished, this, &JobsDock::finished);
}

QTreeWidgetItem* JobsDock::item(JobId id) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->data(0, Qt::UserRole).toULongLong() == id)
            return m_list->topLevelItem(i);
    return nullptr;
}

void JobsDock::add(JobId id, const QString& title)
{
    auto* row = new QTreeWidgetItem({title, QStringLiteral("0 %"), toString(JobStatus::Running)});
    row->setData(0, Qt::UserRole, QVariant::fromValue<qulonglong>(id));
    m_list->insertTopLevelItem(0, row);
}

void JobsDock::progress(JobId id, double fraction, const QString& stage)
{
    if (QTreeWidgetItem* row = item(id)) {
        row->setText(1, QStringLiteral("%1 %").arg(qRound(fraction * 100)));
        row->setText(2, stage.isEmpty() ? toString(JobStatus::Running) : stage);
    }
}

void JobsDock::finished(JobId id, JobStatus status, const QString& message)
{
    if (QTreeWidgetItem* row = item(id)) {
        if (status == JobStatus::Succeeded)
            row->setText(1, QStringLiteral("100 %"));
        row->setText(2, message.isEmpty() ? toString(status) : toString(status) + QStringLiteral(": ") + message);
    }
}

} // namespace app
} // namespace radpath
