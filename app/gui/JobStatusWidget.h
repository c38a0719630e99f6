#pragma once
// Status-bar view of the most recent running job: title, progress bar, cancel button.

#include "app/core/JobRunner.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace radpath {
namespace app {

class JobStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit JobStatusWidget(JobRunner& jobs, QWidget* parent = nullptr);

private:
    void showJob(JobId id);
    void refresh();

    JobRunner& m_jobs;
    JobId m_current = 0;
    QLabel* m_label = nullptr;
    QProgressBar* m_bar = nullptr;
    QToolButton* m_cancel = nullptr;
};

} // namespace app
} // namespace radpath
