#pragma once
// Tools ▸ Train a Model…: a wizard that takes a researcher from a dataset folder to a model
// package in the model library without leaving the viewer. Task, data (scanned in a job,
// counts per class and split, thumbnails, problems), model (a new network or a package to
// fine-tune), settings (the keys of train.json, saved as radpath-cli train reads it), the run
// (live curves, pause, cancel, resume from the checkpoint), the evaluation (confusion
// matrix, per-class figures, ROC, threshold, calibration; Dice and HD95 for segmentation)
// and the export (into the library, a PDF report). Every long step is a job: the GUI never
// waits, and the wizard is not modal.

#include "app/core/TrainingConfig.h"
#include "app/gui/TrainingWizardState.h"

#include <QJsonObject>
#include <QWizard>

namespace radpath {
namespace app {

class AppSettings;
class JobRunner;
class TrainingDataPage;
class TrainingEvaluationPage;
class TrainingExportPage;
class TrainingModelPage;
class TrainingRunPage;
class TrainingSettingsPage;
class TrainingTaskPage;

class TrainingWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { TaskPageId, DataPageId, ModelPageId, SettingsPageId, RunPageId, EvaluationPageId, ExportPageId };

    TrainingWizard(JobRunner& jobs, AppSettings& settings, QWidget* parent = nullptr);
    ~TrainingWizard() override;

    JobRunner& jobs() const { return m_jobs; }
    AppSettings& appSettings() const { return m_settings; }
    TrainingWizardState& state() { return m_state; }
    const TrainingWizardState& state() const { return m_state; }

    ai::ModelTask task() const;
    /// The configuration the pages describe, with the keys of train.json.
    QJsonObject configJson() const;
    /// The same, read and checked as radpath-cli train reads it. Throws TrainingConfigError.
    TrainingConfig trainingConfig() const;
    /// Where runs of the model named on the settings page write their package and
    /// checkpoint: <data dir>/training/<file name>.
    QString workFolder() const;

    /// A run or an evaluation is in progress: navigation waits for it.
    bool isBusy() const { return m_busy; }
    void setBusy(bool busy);

    TrainingTaskPage* taskPage() const { return m_taskPage; }
    TrainingDataPage* dataPage() const { return m_dataPage; }
    TrainingModelPage* modelPage() const { return m_modelPage; }
    TrainingSettingsPage* settingsPage() const { return m_settingsPage; }
    TrainingRunPage* runPage() const { return m_runPage; }
    TrainingEvaluationPage* evaluationPage() const { return m_evaluationPage; }
    TrainingExportPage* exportPage() const { return m_exportPage; }

signals:
    /// A trained package was copied into the model library (the AI dock lists it again).
    void modelInstalled(const QString& path);

public slots:
    void reject() override;
    /// Closes; the decoded images the wizard's runs cached are let go.
    void done(int result) override;

private:
    JobRunner& m_jobs;
    AppSettings& m_settings;
    TrainingWizardState m_state;
    bool m_busy = false;
    TrainingTaskPage* m_taskPage = nullptr;
    TrainingDataPage* m_dataPage = nullptr;
    TrainingModelPage* m_modelPage = nullptr;
    TrainingSettingsPage* m_settingsPage = nullptr;
    TrainingRunPage* m_runPage = nullptr;
    TrainingEvaluationPage* m_evaluationPage = nullptr;
    TrainingExportPage* m_exportPage = nullptr;
};

} // namespace app
} // namespace radpath
