#pragma once
// Lists every background job with its progress; cancel from here.

#include "app/core/JobRunner.h"

#include <QDockWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace radpath {
namespace app {

class JobsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit JobsDock(JobRunner& jobs, QWidget* parent = nullptr);

private:
    QTreeWidgetItem* item(JobId id) const;
    void add(JobId id, const QString& title);
    void progress(JobId id, double fraction, const QString& stage);
    void finished(JobId id, JobStatus status, const QString& message);

    JobRunner& m_jobs;
    QTreeWidget* m_list = nullptr;
};

} // namespace app
} // namespace radpath
