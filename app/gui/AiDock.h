#pragma once
// AI engine panel. The engine (LibTorch) is loaded only when the user first asks for AI.

#include <QDockWidget>

class QLabel;
class QPushButton;

namespace radpath {
namespace app {

class AppSettings;
class JobRunner;

class AiDock : public QDockWidget {
    Q_OBJECT
public:
    AiDock(JobRunner& jobs, AppSettings& settings, QWidget* parent = nullptr);

    /// Loads the engine in a job and checks the configured device; result shown in the dock.
    void checkEngine();

private:
    JobRunner& m_jobs;
    AppSettings& m_settings;
    QLabel* m_status = nullptr;
    QPushButton* m_check = nullptr;
};

} // namespace app
} // namespace radpath
