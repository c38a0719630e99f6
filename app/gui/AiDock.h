#pragma once
// AI panel: the models that fit the image in front, a run button, the findings of the last
// classification with probability bars, saliency on demand, and the record of each run.
// Segmentations and saliency maps become layers of the volume (Layers dock), tile scores a
// heat map over the slide. Every result also becomes a finding to review (AiReviewStore):
// the dock lists the findings of the image in front with their status, and Accept, Edit and
// Reject record the clinician's decision; correcting an AI mask in the Segment Editor marks
// its findings "AI-assisted, edited". The engine (LibTorch) is loaded only when the user
// first asks for AI; every run is a job (progress, cancel) and the GUI never waits for it.

#include "app/core/JobRunner.h"
#include "app/core/ModelLibrary.h"
#include "app/core/ReportModel.h"

#include <QDockWidget>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QTreeWidget;

namespace radpath {
namespace viewer {
class LayerStack;
class VolumeView;
} // namespace viewer
namespace pathology {
class SlideView;
}
namespace app {

class AiReviewStore;
class AppSettings;

class AiDock : public QDockWidget {
    Q_OBJECT
public:
    AiDock(JobRunner& jobs, AppSettings& settings, AiReviewStore& reviews, QWidget* parent = nullptr);

    /// The page of the tab in front: a VolumeView (volume or 2-D image), a slide page
    /// (anything holding a SlideView), or none.
    void setTarget(QWidget* page);

    /// Loads the engine in a job and checks the configured device; result shown in the dock.
    void checkEngine();
    /// Reads the model library's manifests (LibTorch stays unloaded) and lists the models
    /// fitting the target.
    void refreshModels();
    /// Runs the selected model on the target.
    void runModel();
    /// Saliency of the selected model for the target (2-D image or volume).
    void explain();

    /// The path of the selected model, or "".
    QString selectedModel() const;
    /// Selects the model whose file name is `fileName`; false when it is not listed.
    bool selectModel(const QString& fileName);
    /// Chooses the saliency method by its key ("grad-cam", "gradient", "smoothgrad",
    /// "occlusion"); false for an unknown key.
    bool setSaliencyMethod(const QString& key);
    /// Whether the model library has been read.
    bool libraryRead() const { return m_libraryRead; }

    /// What the findings of the page in front are kept under: its document path.
    const QString& subject() const { return m_subject; }
    /// Records the review of row `row` of the findings list for the current user; Edited
    /// replaces the finding's text with `editedText`. False when there is no such row.
    bool reviewFinding(int row, ReviewStatus status, const QString& editedText = {});
    static QString subjectOf(QWidget* page);

signals:
    /// A run finished and its results are shown (layers added, findings listed).
    void runFinished();
    /// A run failed or was cancelled; `message` is shown in the dock too.
    void runFailed(const QString& message);

private:
    void showModels();
    void showFindings(const QStringList& names, const QList<double>& probabilities, int predicted);
    void showRecord(const QString& record);
    void showReview();
    void reviewSelected(ReviewStatus status);
    /// Edits of the AI label maps of `layers` mark their findings on `subject` edited.
    void watchEdits(viewer::LayerStack* layers, const QString& subject);
    void runOnVolume(const QString& model, bool segmentation);
    void runOnSlide(const QString& model);
    void setBusy(bool busy);
    /// The job is over: the buttons come back; a `failure` is shown and reported with the
    /// job's own `message`.
    void endRun(const QString& failure = {}, const QString& message = {});

    JobRunner& m_jobs;
    AppSettings& m_settings;
    AiReviewStore& m_reviews;
    QString m_subject;
    QPointer<viewer::VolumeView> m_volumeView;
    QPointer<pathology::SlideView> m_slideView;
    QList<ModelSummary> m_library; ///< every model read, fitting or not
    bool m_libraryRead = false;
    JobId m_running = 0;

    QLabel* m_status = nullptr;
    QTreeWidget* m_models = nullptr;
    QPushButton* m_run = nullptr;
    QComboBox* m_method = nullptr;
    QPushButton* m_explain = nullptr;
    QTreeWidget* m_findings = nullptr;
    QCheckBox* m_heatmapVisible = nullptr;
    QSlider* m_heatmapOpacity = nullptr;
    QTreeWidget* m_review = nullptr;
    QPushButton *m_accept = nullptr, *m_edit = nullptr, *m_reject = nullptr;
    QLabel* m_record = nullptr;
    QPushButton* m_check = nullptr;
};

} // namespace app
} // namespace radpath
