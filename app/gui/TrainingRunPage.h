#pragma once
// The training wizard's run page: one job decodes the dataset (cached, so a second run
// decodes nothing) and trains; the page draws the learning curves and a table as epochs end,
// shows elapsed time and an estimate of what is left. Pause holds the run between two
// batches, Cancel stops it keeping the checkpoint of the last finished epoch, and "Resume
// from checkpoint" continues such a run. Navigation waits while it runs.

#include "app/core/JobRunner.h"
#include "radpath/ai/Training.h"

#include <QElapsedTimer>
#include <QWizardPage>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace radpath {
namespace app {

class TrainingChart;
class TrainingWizard;
struct RunControl;
struct RunResult;

class TrainingRunPage : public QWizardPage {
    Q_OBJECT
public:
    explicit TrainingRunPage(TrainingWizard& wizard);
    ~TrainingRunPage() override;

    void initializePage() override;
    bool isComplete() const override;

    /// Starts a run: a fresh one (its old checkpoint and package removed) or, with `resume`,
    /// one that continues from the checkpoint.
    void start(bool resume);
    void setPaused(bool paused);
    bool isPaused() const;
    /// Stops a run at its next batch; the last checkpoint stays.
    void cancel();
    bool isRunning() const { return m_job != 0; }
    /// Whether a checkpoint of the configured run is there to resume.
    bool hasCheckpoint() const;

    /// Adds an epoch's row and points (on the GUI thread, as the run reports them).
    void showEpoch(const ai::EpochReport& epoch);

    TrainingChart* lossChart() const { return m_lossChart; }
    TrainingChart* metricChart() const { return m_metricChart; }
    QTableWidget* epochTable() const { return m_table; }

signals:
    /// An epoch's row and points were added.
    void epochShown(int epoch);
    /// The run is over: finished, cancelled or failed.
    void runEnded(bool succeeded);

private:
    void resetCurves();
    void finished(const RunResult& result);
    void ended(JobStatus status, const QString& message);
    void updateButtons();
    void updateClock();

    TrainingWizard& m_wizard;
    std::shared_ptr<RunControl> m_control;
    JobId m_job = 0;
    QElapsedTimer m_clock;
    QElapsedTimer m_pausedClock;
    qint64 m_pausedMs = 0;
    double m_startFraction = -1.0; ///< the engine's fraction when this run's clock first saw it
    double m_startSeconds = 0.0;   ///< active seconds at that moment
    QTimer* m_ticker = nullptr;

    QPushButton* m_start = nullptr;
    QPushButton* m_resume = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_time = nullptr;
    QLabel* m_notes = nullptr;
    TrainingChart* m_lossChart = nullptr;
    TrainingChart* m_metricChart = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace app
} // namespace radpath
