#pragma once
// The training wizard's evaluation page: the trained package on the test split (else the
// validation split, said plainly with what its figures are worth), in a job. Classifiers: confusion matrix, per-class sensitivity,
// specificity, precision, F1 and AUC with its 95 % interval, ROC curves, a threshold slider
// for two-class models (positive = the last class) and calibration (ECE, reliability
// diagram). Segmenters: Dice and HD95 per label.

#include "app/core/JobRunner.h"
#include "radpath/ai/Task.h"

#include <QWizardPage>

#include <memory>

class QLabel;
class QSlider;
class QStackedWidget;
class QTableWidget;

namespace radpath {
namespace ai {
struct ClassificationEvaluation;
struct SegmentationEvaluation;
} // namespace ai
namespace app {

class TrainingChart;
class TrainingWizard;
struct EvaluationResult;

class TrainingEvaluationPage : public QWizardPage {
    Q_OBJECT
public:
    explicit TrainingEvaluationPage(TrainingWizard& wizard);

    void initializePage() override;
    bool isComplete() const override;

    /// Evaluates the run's package (again).
    void evaluate();
    void cancel();
    bool isEvaluating() const { return m_job != 0; }

    /// The slider's threshold, 0..1.
    double threshold() const;
    void setThreshold(double threshold);

    QTableWidget* confusionTable() const { return m_confusion; }
    QTableWidget* perClassTable() const { return m_perClass; }
    QTableWidget* segmentationTable() const { return m_segmentation; }
    QSlider* thresholdSlider() const { return m_slider; }
    QLabel* thresholdFigures() const { return m_figures; }
    TrainingChart* rocChart() const { return m_roc; }
    TrainingChart* calibrationChart() const { return m_calibration; }

signals:
    /// The evaluation is shown (`ok`), or it failed or was cancelled.
    void evaluated(bool ok);

private:
    void showResult(const EvaluationResult& result);
    void showClassification(const ai::ClassificationEvaluation& evaluation);
    void showSegmentation(const ai::SegmentationEvaluation& evaluation);
    void updateThreshold();
    void setRunning(bool running);

    TrainingWizard& m_wizard;
    JobId m_job = 0;
    std::shared_ptr<ai::CancelToken> m_token;

    QLabel* m_status = nullptr;
    QLabel* m_splitNote = nullptr; ///< what validation-split figures are worth, when they are shown
    QStackedWidget* m_views = nullptr;
    QTableWidget* m_confusion = nullptr;
    QTableWidget* m_perClass = nullptr;
    TrainingChart* m_roc = nullptr;
    TrainingChart* m_calibration = nullptr;
    int m_operatingPoint = -1; ///< series of the ROC chart marking the threshold
    QWidget* m_thresholdRow = nullptr;
    QLabel* m_thresholdTitle = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_thresholdValue = nullptr;
    QLabel* m_figures = nullptr;
    QLabel* m_ece = nullptr;
    QTableWidget* m_segmentation = nullptr;
    QTableWidget* m_segmentationImages = nullptr;
};

} // namespace app
} // namespace radpath
