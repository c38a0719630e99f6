#include "app/gui/TrainingEvaluationPage.h"

#include "app/core/AiModule.h"
#include "app/core/EvaluationThreshold.h"
#include "app/gui/TrainingChart.h"
#include "app/gui/TrainingReport.h"
#include "app/gui/TrainingTables.h"
#include "app/gui/TrainingWizard.h"
#include "radpath/ai/Engine.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSlider>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>
#include <optional>
#include <stdexcept>

namespace radpath {
namespace app {

struct EvaluationResult {
    std::optional<ai::ClassificationEvaluation> classification;
    std::optional<ai::SegmentationEvaluation> segmentation;
    QString split;
};

namespace {

constexpr int kSliderSteps = 1000; ///< the threshold in steps of 0.001

QString figure(double value, int decimals = 3)
{
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("–");
}

} // namespace

TrainingEvaluationPage::TrainingEvaluationPage(TrainingWizard& wizard) : QWizardPage(&wizard), m_wizard(wizard)
{
    setObjectName(QStringLiteral("trainingEvaluationPage"));
    setTitle(tr("Evaluation"));
    setSubTitle(tr("The trained model on the test split: images the run never saw. Without a test split the "
                   "validation split stands in, which the run reported on after every epoch."));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("evaluationStatus"));
    m_status->setWordWrap(true);
    m_splitNote = new QLabel(this);
    m_splitNote->setObjectName(QStringLiteral("evaluationSplitNote"));
    m_splitNote->setWordWrap(true);
    m_splitNote->setStyleSheet(QStringLiteral("color: #b26a00"));
    m_splitNote->hide();

    // Classification
    auto* classification = new QWidget(this);
    m_confusion = figureTable("evaluationConfusion", classification);
    m_perClass = figureTable("evaluationPerClass", classification);
    m_perClass->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_perClass->horizontalHeader()->setStretchLastSection(true);
    m_roc = new TrainingChart(tr("ROC (one class against the rest)"), tr("1 − specificity"), tr("sensitivity"),
                              classification);
    m_roc->setObjectName(QStringLiteral("evaluationRoc"));
    m_roc->setFixedRange(QRectF(QPointF(0.0, 0.0), QPointF(1.0, 1.0)));
    m_calibration = new TrainingChart(tr("Reliability"), tr("confidence"), tr("accuracy"), classification);
    m_calibration->setObjectName(QStringLiteral("evaluationCalibration"));
    m_calibration->setFixedRange(QRectF(QPointF(0.0, 0.0), QPointF(1.0, 1.0)));

    m_thresholdRow = new QWidget(classification);
    m_thresholdTitle = new QLabel(m_thresholdRow);
    m_slider = new QSlider(Qt::Horizontal, m_thresholdRow);
    m_slider->setObjectName(QStringLiteral("evaluationThreshold"));
    m_slider->setRange(0, kSliderSteps);
    m_slider->setValue(kSliderSteps / 2);
    m_slider->setPageStep(kSliderSteps / 20);
    m_thresholdValue = new QLabel(m_thresholdRow);
    m_thresholdValue->setMinimumWidth(m_thresholdValue->fontMetrics().horizontalAdvance(QStringLiteral("0.000")));
    m_figures = new QLabel(classification);
    m_figures->setObjectName(QStringLiteral("evaluationThresholdFigures"));
    m_figures->setWordWrap(true);
    auto* thresholdLayout = new QHBoxLayout(m_thresholdRow);
    thresholdLayout->setContentsMargins(0, 0, 0, 0);
    thresholdLayout->addWidget(m_thresholdTitle);
    thresholdLayout->addWidget(m_slider, 1);
    thresholdLayout->addWidget(m_thresholdValue);
    m_ece = new QLabel(classification);
    m_ece->setObjectName(QStringLiteral("evaluationEce"));

    auto* grid = new QGridLayout(classification);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(new QLabel(tr("Confusion matrix (rows: truth, columns: predicted)"), classification), 0, 0);
    grid->addWidget(new QLabel(tr("Per class"), classification), 0, 1);
    grid->addWidget(m_confusion, 1, 0);
    grid->addWidget(m_perClass, 1, 1);
    grid->addWidget(m_roc, 2, 0);
    grid->addWidget(m_calibration, 2, 1);
    grid->addWidget(m_thresholdRow, 3, 0);
    grid->addWidget(m_ece, 3, 1);
    grid->addWidget(m_figures, 4, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(2, 1);

    // Segmentation
    auto* segmentation = new QWidget(this);
    m_segmentation = figureTable("evaluationSegmentation", segmentation);
    m_segmentationImages = figureTable("evaluationSegmentationImages", segmentation);
    auto* segmentationLayout = new QVBoxLayout(segmentation);
    segmentationLayout->setContentsMargins(0, 0, 0, 0);
    segmentationLayout->addWidget(new QLabel(tr("Per label"), segmentation));
    segmentationLayout->addWidget(m_segmentation);
    segmentationLayout->addWidget(new QLabel(tr("Dice per image"), segmentation));
    segmentationLayout->addWidget(m_segmentationImages, 1);

    m_views = new QStackedWidget(this);
    m_views->addWidget(classification);
    m_views->addWidget(segmentation);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_splitNote);
    layout->addWidget(m_views, 1);

    connect(m_slider, &QSlider::valueChanged, this, &TrainingEvaluationPage::updateThreshold);
    connect(&m_wizard.jobs(), &JobRunner::jobProgress, this, [this](JobId id, double fraction, const QString&) {
        if (id == m_job)
            m_status->setText(tr("Evaluating… %1 %").arg(int(fraction * 100.0)));
    });
    connect(&m_wizard.jobs(), &JobRunner::jobFinished, this,
            [this](JobId id, JobStatus status, const QString& message) {
                if (id != m_job || status == JobStatus::Succeeded)
                    return;
                m_status->setText(status == JobStatus::Cancelled
                                      ? tr("The evaluation was cancelled.")
                                      : QStringLiteral("<span style=\"color:#c62828\">%1</span>")
                                            .arg(tr("The evaluation failed: %1").arg(message).toHtmlEscaped()));
                setRunning(false);
                emit evaluated(false);
            });
}

void TrainingEvaluationPage::initializePage()
{
    const TrainingWizardState& state = m_wizard.state();
    m_views->setCurrentIndex(state.config.task == ai::ModelTask::Segmentation ? 1 : 0);
    if (!isEvaluating() && !state.classification && !state.segmentation)
        evaluate();
}

bool TrainingEvaluationPage::isComplete() const
{
    return !isEvaluating();
}

void TrainingEvaluationPage::setRunning(bool running)
{
    if (!running)
        m_job = 0;
    emit completeChanged();
    m_wizard.setBusy(running);
}

void TrainingEvaluationPage::evaluate()
{
    TrainingWizardState& state = m_wizard.state();
    if (isEvaluating() || !state.outcome || !state.heldOut)
        return;
    state.clearEvaluation();
    m_splitNote->hide();
    const std::shared_ptr<const std::vector<ai::LabelledImage>> images = state.heldOut;
    const DatasetSplit split = state.heldOutSplit;
    const std::string model = state.outcome->packagePath;
    const bool segmentation = state.config.task == ai::ModelTask::Segmentation;
    ai::EvaluationSettings settings;
    settings.seed = state.config.settings.seed;
    ai::RunOptions options;
    options.device = state.config.settings.device;
    options.threads = state.config.settings.threads;
    auto token = std::make_shared<ai::CancelToken>();
    m_token = token;
    m_status->setText(tr("Evaluating on the %1 split…").arg(toString(split)));
    m_job = m_wizard.jobs().run<EvaluationResult>(
        tr("Evaluating the trained model"), this,
        [images, split, model, segmentation, settings, options, token](JobContext& ctx) {
            QString error;
            ai::Engine* engine = AiModule::instance().engine(&error);
            if (!engine)
                throw std::runtime_error(error.toStdString());
            if (images->empty())
                throw std::runtime_error(tr("no decoded %1 image to evaluate on").arg(toString(split)).toStdString());
            const ai::ProgressCallback progress = [&ctx, &token](double fraction, const std::string& stage) {
                if (ctx.isCancelled())
                    token->cancel();
                ctx.setProgress(fraction, QString::fromStdString(stage));
            };
            EvaluationResult result;
            result.split = toString(split);
            if (segmentation)
                result.segmentation =
                    engine->evaluateSegmenter(model, *images, settings, options, progress, token.get());
            else
                result.classification =
                    engine->evaluateClassifier(model, *images, settings, options, progress, token.get());
            return result;
        },
        [this](EvaluationResult result) {
            setRunning(false);
            showResult(result);
        });
    setRunning(true);
}

void TrainingEvaluationPage::cancel()
{
    if (!isEvaluating())
        return;
    m_wizard.jobs().cancel(m_job);
    if (m_token)
        m_token->cancel();
}

void TrainingEvaluationPage::showResult(const EvaluationResult& result)
{
    TrainingWizardState& state = m_wizard.state();
    state.evaluatedSplit = result.split;
    const bool test = result.split == QLatin1String("test");
    const QString splitName = test ? tr("test") : tr("validation");
    // Validation images were watched every epoch (and chose the epoch with early stopping).
    m_splitNote->setText(test ? QString() : validationSplitNote(state.config.settings.earlyStopping.patience > 0));
    m_splitNote->setVisible(!test);
    if (result.classification) {
        state.classification = result.classification;
        m_status->setText(tr("%n %1 image(s), accuracy %2.", nullptr, int(result.classification->truth.size()))
                              .arg(splitName, figure(result.classification->accuracy)));
        m_views->setCurrentIndex(0);
        showClassification(*result.classification);
    } else if (result.segmentation) {
        state.segmentation = result.segmentation;
        m_status->setText(tr("%n %1 image(s).", nullptr, int(result.segmentation->names.size())).arg(splitName));
        m_views->setCurrentIndex(1);
        showSegmentation(*result.segmentation);
    }
    emit evaluated(true);
}

void TrainingEvaluationPage::showClassification(const ai::ClassificationEvaluation& e)
{
    QStringList classes;
    for (const std::string& name : e.classes)
        classes << QString::fromStdString(name);

    m_confusion->clear();
    m_confusion->setRowCount(classes.size());
    m_confusion->setColumnCount(classes.size());
    m_confusion->setHorizontalHeaderLabels(classes);
    m_confusion->setVerticalHeaderLabels(classes);
    fitTableHeight(m_confusion);
    for (int t = 0; t < classes.size() && size_t(t) < e.confusion.size(); ++t) {
        int64_t rowTotal = 0;
        for (int64_t n : e.confusion[size_t(t)])
            rowTotal += n;
        for (int p = 0; p < classes.size() && size_t(p) < e.confusion[size_t(t)].size(); ++p) {
            const int64_t n = e.confusion[size_t(t)][size_t(p)];
            auto* item = figureItem(QString::number(n));
            // Shaded by the share of the row: the diagonal stands out when the model is good.
            const double share = rowTotal > 0 ? double(n) / double(rowTotal) : 0.0;
            QColor colour = t == p ? QColor(46, 125, 50) : QColor(198, 40, 40);
            colour.setAlphaF(0.12 + 0.5 * share);
            item->setBackground(colour);
            item->setTextAlignment(Qt::AlignCenter);
            m_confusion->setItem(t, p, item);
        }
    }

    const QStringList headers{tr("Support"),   tr("Sensitivity"), tr("Specificity"),
                              tr("Precision"), tr("F1"),          tr("AUC (95 % CI)")};
    m_perClass->clear();
    m_perClass->setRowCount(int(e.perClass.size()));
    m_perClass->setColumnCount(headers.size());
    m_perClass->setHorizontalHeaderLabels(headers);
    QStringList rowNames;
    for (int r = 0; r < int(e.perClass.size()); ++r) {
        const ai::ClassReport& c = e.perClass[size_t(r)];
        rowNames << QString::fromStdString(c.name);
        const QString auc = std::isfinite(c.aucLow) && std::isfinite(c.aucHigh)
                                ? tr("%1 (%2–%3)").arg(figure(c.auc), figure(c.aucLow), figure(c.aucHigh))
                                : figure(c.auc);
        const QStringList cells{QString::number(c.support), figure(c.sensitivity), figure(c.specificity),
                                figure(c.precision),        figure(c.f1),          auc};
        for (int col = 0; col < cells.size(); ++col)
            m_perClass->setItem(r, col, figureItem(cells[col]));
    }
    m_perClass->setVerticalHeaderLabels(rowNames);
    fitTableHeight(m_perClass);

    m_roc->removeAllSeries();
    m_roc->setPoints(m_roc->addSeries(tr("chance"), TrainingChart::Style::DashedLine), {QPointF(0, 0), QPointF(1, 1)});
    for (const ai::ClassReport& c : e.perClass) {
        const int series = m_roc->addSeries(QString::fromStdString(c.name), TrainingChart::Style::Curve);
        QList<QPointF> points;
        for (const ai::RocPoint& p : c.roc)
            points.append(QPointF(p.falsePositiveRate, p.truePositiveRate));
        m_roc->setPoints(series, points);
    }
    m_operatingPoint = classes.size() == 2 ? m_roc->addSeries(tr("threshold"), TrainingChart::Style::Points) : -1;

    m_calibration->removeAllSeries();
    m_calibration->setPoints(m_calibration->addSeries(tr("perfect calibration"), TrainingChart::Style::DashedLine),
                             {QPointF(0, 0), QPointF(1, 1)});
    QList<QPointF> bins;
    for (const ai::CalibrationBin& bin : e.calibration)
        if (bin.count > 0)
            bins.append(QPointF(bin.meanConfidence, bin.accuracy));
    m_calibration->setPoints(m_calibration->addSeries(tr("model")), bins);
    m_ece->setText(tr("Expected calibration error (ECE): %1 over %n bin(s)", nullptr, int(e.calibration.size()))
                       .arg(figure(e.ece)));

    const bool twoClasses = classes.size() == 2;
    m_thresholdRow->setVisible(twoClasses);
    if (twoClasses)
        m_thresholdTitle->setText(tr("Threshold for '%1':").arg(classes.last()));
    updateThreshold();
}

void TrainingEvaluationPage::showSegmentation(const ai::SegmentationEvaluation& e)
{
    const QStringList headers{tr("Dice"), tr("HD95 (mm)"), tr("Images with the label")};
    m_segmentation->clear();
    m_segmentation->setRowCount(int(e.labels.size()));
    m_segmentation->setColumnCount(headers.size());
    m_segmentation->setHorizontalHeaderLabels(headers);
    QStringList rowNames;
    for (int r = 0; r < int(e.labels.size()); ++r) {
        const ai::LabelReport& label = e.labels[size_t(r)];
        rowNames << QString::fromStdString(label.name);
        m_segmentation->setItem(r, 0, figureItem(figure(label.dice)));
        m_segmentation->setItem(r, 1, figureItem(figure(label.hd95, 2)));
        m_segmentation->setItem(r, 2, figureItem(QString::number(label.images)));
    }
    m_segmentation->setVerticalHeaderLabels(rowNames);
    fitTableHeight(m_segmentation);

    m_segmentationImages->clear();
    m_segmentationImages->setRowCount(int(e.names.size()));
    m_segmentationImages->setColumnCount(int(e.labels.size()));
    m_segmentationImages->setHorizontalHeaderLabels(rowNames);
    QStringList images;
    for (int r = 0; r < int(e.names.size()); ++r) {
        images << QFileInfo(QString::fromStdString(e.names[size_t(r)])).fileName();
        for (int c = 0; c < int(e.labels.size()) && size_t(r) < e.dicePerImage.size(); ++c)
            m_segmentationImages->setItem(r, c, figureItem(figure(e.dicePerImage[size_t(r)][size_t(c)])));
    }
    m_segmentationImages->setVerticalHeaderLabels(images);
}

double TrainingEvaluationPage::threshold() const
{
    return double(m_slider->value()) / kSliderSteps;
}

void TrainingEvaluationPage::setThreshold(double threshold)
{
    m_slider->setValue(int(std::lround(threshold * kSliderSteps)));
}

void TrainingEvaluationPage::updateThreshold()
{
    const double t = threshold();
    m_thresholdValue->setText(QString::number(t, 'f', 3));
    const auto& evaluation = m_wizard.state().classification;
    if (!evaluation || evaluation->classes.size() != 2) {
        m_figures->setText(evaluation ? tr("The threshold applies to models with two classes.") : QString());
        return;
    }
    const int positive = int(evaluation->classes.size()) - 1;
    const ThresholdFigures f = figuresAtThreshold(*evaluation, positive, t);
    m_figures->setText(tr("Calling '%1' at probability ≥ %2: sensitivity %3 · specificity %4 · precision %5 "
                          "(TP %6, FP %7, TN %8, FN %9)")
                           .arg(QString::fromStdString(evaluation->classes[size_t(positive)]),
                                QString::number(t, 'f', 3), figure(f.sensitivity), figure(f.specificity),
                                figure(f.precision))
                           .arg(f.truePositives)
                           .arg(f.falsePositives)
                           .arg(f.trueNegatives)
                           .arg(f.falseNegatives));
    if (m_operatingPoint >= 0 && std::isfinite(f.sensitivity) && std::isfinite(f.specificity))
        m_roc->setPoints(m_operatingPoint, {QPointF(1.0 - f.specificity, f.sensitivity)});
}

} // namespace app
} // namespace radpath
