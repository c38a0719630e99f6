#include "app/gui/TrainingRunPage.h"

#include "app/core/AiModule.h"
#include "app/core/PauseGate.h"
#include "app/core/TrainingPreparation.h"
#include "app/gui/TrainingChart.h"
#include "app/gui/TrainingTables.h"
#include "app/gui/TrainingWizard.h"
#include "radpath/ai/Engine.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <stdexcept>

namespace radpath {
namespace app {

/// Shared by the page (GUI thread) and its job: pause, cancel and how far training is.
struct RunControl {
    PauseGate gate;
    ai::CancelToken token;
    std::atomic<double> fraction{-1.0}; ///< the engine's, -1 until training proper starts
    QPointer<TrainingRunPage> page;     ///< GUI thread only
};

/// What a finished run hands back to the GUI thread.
struct RunResult {
    ai::TrainingOutcome outcome;
    TrainingConfig config; ///< completed: labels, intensity window, modality
    DatasetScan scan;      ///< the scan it trained on (split with the run's seed)
    std::shared_ptr<const std::vector<ai::LabelledImage>> heldOut; ///< for the evaluation
    DatasetSplit heldOutSplit = DatasetSplit::Validation;
    QStringList notes;
};

/// What the run trains on, from the dataset folder or the slides.
struct RunData {
    ai::TrainingData data;
    DatasetScan scan;
    std::shared_ptr<const std::vector<ai::LabelledImage>> heldOut;
    DatasetSplit heldOutSplit = DatasetSplit::Validation;
    QStringList notes;
};

namespace {

enum Column {
    EpochColumn,
    TrainLossColumn,
    ValLossColumn,
    ValMetricColumn,
    ValAucColumn,
    RateColumn,
    SecondsColumn,
    WaitColumn
};

QString figure(double value, int decimals = 4)
{
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("–");
}

QString duration(double seconds)
{
    const qint64 s = qint64(std::llround(std::max(0.0, seconds)));
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

ai::Engine& loadedEngine()
{
    QString error;
    ai::Engine* engine = AiModule::instance().engine(&error);
    if (!engine)
        throw std::runtime_error(error.toStdString());
    return *engine;
}

/// Checks the job's cancel (and passes it to the engine's token); true when cancelled.
bool checkCancelled(RunControl& control, JobContext& ctx)
{
    if (ctx.isCancelled())
        control.token.cancel();
    return control.token.isCancelled();
}

/// A dataset folder (images by class, image/label-map pairs, or tile images by class),
/// decoded through the cache; the split follows the run's seed as radpath-cli train's does.
RunData folderData(TrainingConfig& config, const std::shared_ptr<RunControl>& control, JobContext& ctx)
{
    DatasetScanOptions options;
    options.valFraction = config.valFraction;
    options.seed = config.settings.seed;
    RunData run;
    run.scan = config.task == ai::ModelTask::Segmentation ? scanSegmentationFolder(config.dataRoot, options)
                                                          : scanClassificationFolder(config.dataRoot, options);
    const auto cancelled = [&] { return checkCancelled(*control, ctx); };
    PreparedTraining prepared = prepareTraining(
        config, run.scan,
        [&](double fraction) {
            control->gate.wait(cancelled);
            cancelled();
            ctx.setProgress(0.1 * fraction, TrainingRunPage::tr("decoding images"));
        },
        &control->token,
        // A paused run stops decoding too: each decoding thread holds before its next file.
        [&] { control->gate.wait(cancelled); });
    completeManifest(config, run.scan, options, prepared);
    run.heldOutSplit = evaluationSplit(prepared);
    run.heldOut = std::make_shared<const std::vector<ai::LabelledImage>>(
        labelledImages(prepared.entries, prepared.decoded, run.heldOutSplit));
    run.data = std::move(prepared.data);
    run.notes = std::move(prepared.notes);
    return run;
}

/// Tiles the data page cut from slides, and how.
struct CutTiles {
    std::shared_ptr<const SlideTileDataset> tiles;
    SlideTileOptions options;
};

/// Tiles of annotated slides: those the data page cut when it cut them as this run asks,
/// else cut now.
RunData slideTileData(TrainingConfig& config, const CutTiles& cut, const std::shared_ptr<RunControl>& control,
                      JobContext& ctx)
{
    const SlideTileOptions options = slideTileOptions(config);
    std::shared_ptr<const SlideTileDataset> tiles = cut.options == options ? cut.tiles : nullptr;
    if (!tiles)
        tiles = std::make_shared<const SlideTileDataset>(cutSlideTiles(
            config.dataRoot, options,
            [&](double fraction) {
                control->gate.wait([&] { return checkCancelled(*control, ctx); });
                checkCancelled(*control, ctx);
                ctx.setProgress(0.1 * fraction, TrainingRunPage::tr("cutting slide tiles"));
            },
            &control->token));
    if (!tiles->errors.isEmpty())
        throw TrainingDataError(tiles->errors.join(QStringLiteral("; ")).toStdString());
    completeSlideTileManifest(config.settings.manifest, *tiles, options, config.dataRoot);
    RunData run;
    run.scan = tileDatasetSummary(*tiles, config.dataRoot);
    run.data.train = tiles->train;
    run.data.validation = tiles->validation;
    run.heldOutSplit = tiles->test.empty() ? DatasetSplit::Validation : DatasetSplit::Test;
    run.heldOut = std::make_shared<const std::vector<ai::LabelledImage>>(
        labelledTiles(tiles->test.empty() ? tiles->validation : tiles->test, tiles->classes));
    return run;
}

/// The whole run, on the job's thread: engine, data, manifest, training.
RunResult runTraining(TrainingConfig config, const CutTiles& tiles, const std::shared_ptr<RunControl>& control,
                      JobContext& ctx)
{
    RunResult result;
    ai::TrainingSettings& s = config.settings;
    const auto cancelled = [&ctx, &control] { return checkCancelled(*control, ctx); };
    ctx.setProgress(0.0, TrainingRunPage::tr("loading the AI engine"));
    ai::Engine& engine = loadedEngine();
    engine.setThreads(s.threads);
    if (!s.initialModel.empty())
        adoptInitialModel(config, engine.inspectModel(s.initialModel).manifest);
    if (config.inputSize().empty() || s.manifest.input.channels < 1)
        throw std::runtime_error(TrainingRunPage::tr("the input size and channels are unknown").toStdString());

    RunData run = config.task == ai::ModelTask::TileClassification && holdsSlides(config.dataRoot)
                      ? slideTileData(config, tiles, control, ctx)
                      : folderData(config, control, ctx);
    result.scan = std::move(run.scan);
    result.heldOut = std::move(run.heldOut);
    result.heldOutSplit = run.heldOutSplit;
    result.notes = std::move(run.notes);

    // The engine reports after every batch: a paused run waits here, between two batches.
    // The engine counts the wait in the epoch's seconds; the page shows them without it.
    // Both callbacks run on the training thread, the epoch's after its last progress report.
    double pausedInEpoch = 0.0, pausedInTraining = 0.0;
    const ai::ProgressCallback progress = [&](double fraction, const std::string& stage) {
        const double paused = control->gate.wait(cancelled);
        pausedInEpoch += paused;
        if (stage.rfind("validating", 0) != 0)
            pausedInTraining += paused;
        cancelled();
        control->fraction.store(fraction);
        ctx.setProgress(0.1 + 0.9 * fraction, QString::fromStdString(stage));
    };
    const ai::EpochCallback onEpoch = [control, &pausedInEpoch, &pausedInTraining](const ai::EpochReport& report) {
        ai::EpochReport epoch = report;
        epoch.seconds = std::max(0.0, epoch.seconds - pausedInEpoch);
        epoch.trainSeconds = std::max(0.0, epoch.trainSeconds - pausedInTraining);
        pausedInEpoch = pausedInTraining = 0.0;
        QMetaObject::invokeMethod(
            qApp,
            [control, epoch] {
                if (control->page)
                    control->page->showEpoch(epoch);
            },
            Qt::QueuedConnection);
    };
    result.outcome = engine.train(run.data, s, onEpoch, progress, &control->token);
    result.config = config;
    return result;
}

} // namespace

TrainingRunPage::TrainingRunPage(TrainingWizard& wizard) : QWizardPage(&wizard), m_wizard(wizard)
{
    setObjectName(QStringLiteral("trainingRunPage"));
    setTitle(tr("Training"));
    setSubTitle(tr("The curves grow as epochs end. A checkpoint is written after every epoch: a cancelled or "
                   "interrupted run can be resumed."));

    m_start = new QPushButton(tr("Start training"), this);
    m_start->setObjectName(QStringLiteral("runStart"));
    m_resume = new QPushButton(tr("Resume from checkpoint"), this);
    m_resume->setObjectName(QStringLiteral("runResume"));
    m_pause = new QPushButton(tr("Pause"), this);
    m_pause->setObjectName(QStringLiteral("runPause"));
    m_cancel = new QPushButton(tr("Cancel run"), this);
    m_cancel->setObjectName(QStringLiteral("runCancel"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_resume);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_status->setWordWrap(true);
    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("runTime"));
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("runNotes"));
    m_notes->setWordWrap(true);
    m_notes->setForegroundRole(QPalette::PlaceholderText);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_time);

    m_lossChart = new TrainingChart(tr("Loss"), tr("epoch"), tr("loss"), this);
    m_lossChart->setObjectName(QStringLiteral("runLossChart"));
    m_lossChart->setWholeNumberX(true);
    m_metricChart = new TrainingChart(tr("Validation"), tr("epoch"), QString(), this);
    m_metricChart->setObjectName(QStringLiteral("runMetricChart"));
    m_metricChart->setWholeNumberX(true);
    m_metricChart->setFixedYRange(0.0, 1.0);
    auto* charts = new QHBoxLayout;
    charts->addWidget(m_lossChart);
    charts->addWidget(m_metricChart);

    m_table = figureTable("runEpochs", this);
    m_table->verticalHeader()->hide();
    m_table->setMinimumHeight(120);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addLayout(statusRow);
    layout->addWidget(m_notes);
    layout->addLayout(charts, 3);
    layout->addWidget(m_table, 2);

    m_ticker = new QTimer(this);
    m_ticker->setInterval(500);
    connect(m_ticker, &QTimer::timeout, this, &TrainingRunPage::updateClock);
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (hasCheckpoint() &&
            QMessageBox::question(this, tr("Start over"),
                                  tr("A checkpoint of an earlier run is there. Start over and delete it?")) !=
                QMessageBox::Yes)
            return;
        start(false);
    });
    connect(m_resume, &QPushButton::clicked, this, [this] { start(true); });
    connect(m_pause, &QPushButton::clicked, this, [this] { setPaused(!isPaused()); });
    connect(m_cancel, &QPushButton::clicked, this, &TrainingRunPage::cancel);
    connect(&m_wizard.jobs(), &JobRunner::jobProgress, this, [this](JobId id, double fraction, const QString& stage) {
        if (id != m_job)
            return;
        m_progress->setValue(int(std::lround(fraction * 1000.0)));
        if (!isPaused())
            m_status->setText(tr("Running: %1").arg(stage));
    });
    connect(&m_wizard.jobs(), &JobRunner::jobFinished, this,
            [this](JobId id, JobStatus status, const QString& message) {
                if (id == m_job && status != JobStatus::Succeeded)
                    ended(status, message);
            });
    resetCurves();
}

TrainingRunPage::~TrainingRunPage() = default;

void TrainingRunPage::initializePage()
{
    // Curves of an earlier run stay until a new run starts; the buttons follow the settings.
    if (m_wizard.state().epochs.empty())
        resetCurves();
    if (!isRunning() && !m_wizard.state().outcome)
        m_status->setText(hasCheckpoint() ? tr("A checkpoint of an earlier run is there: resume it, or start over.")
                                          : tr("Ready to train."));
    updateButtons();
}

bool TrainingRunPage::isComplete() const
{
    return !isRunning() && m_wizard.state().outcome.has_value();
}

bool TrainingRunPage::hasCheckpoint() const
{
    try {
        const std::string checkpoint = m_wizard.trainingConfig().settings.checkpointPath;
        return !checkpoint.empty() && QFileInfo::exists(QString::fromStdString(checkpoint + ".state"));
    } catch (const std::exception&) {
        return false;
    }
}

void TrainingRunPage::resetCurves()
{
    const bool segmentation = m_wizard.task() == ai::ModelTask::Segmentation;
    const bool twoClasses = !segmentation && m_wizard.state().scan.classes.size() == 2;
    m_lossChart->removeAllSeries();
    m_lossChart->addSeries(tr("training loss"));
    m_lossChart->addSeries(tr("validation loss"));
    m_metricChart->removeAllSeries();
    if (segmentation) {
        m_metricChart->addSeries(tr("validation Dice"));
    } else {
        m_metricChart->addSeries(tr("validation accuracy"));
        if (twoClasses)
            m_metricChart->addSeries(tr("validation AUC"));
    }
    m_metricChart->chart()->setTitle(segmentation ? tr("Validation Dice") : tr("Validation accuracy and AUC"));
    m_table->clear();
    m_table->setRowCount(0);
    const QStringList headers{
        tr("Epoch"),   tr("Train loss"),    tr("Val loss"), segmentation ? tr("Val Dice") : tr("Val accuracy"),
        tr("Val AUC"), tr("Learning rate"), tr("Time (s)"), tr("Waiting for data (s)")};
    m_table->setColumnCount(headers.size());
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setColumnHidden(ValAucColumn, !twoClasses);
}

void TrainingRunPage::showEpoch(const ai::EpochReport& e)
{
    std::vector<ai::EpochReport>& epochs = m_wizard.state().epochs;
    if (!epochs.empty() && epochs.back().epoch >= e.epoch)
        return; // already shown (a resumed run's earlier part)
    epochs.push_back(e);
    const bool segmentation = m_wizard.task() == ai::ModelTask::Segmentation;
    m_lossChart->append(0, e.epoch, e.trainLoss);
    m_lossChart->append(1, e.epoch, e.validationLoss);
    m_metricChart->append(0, e.epoch, segmentation ? e.validationDice : e.validationAccuracy);
    if (m_metricChart->seriesCount() > 1)
        m_metricChart->append(1, e.epoch, e.validationAuc);

    const int row = m_table->rowCount();
    m_table->insertRow(row);
    const QStringList cells{e.best ? tr("%1 ★").arg(e.epoch) : QString::number(e.epoch),
                            figure(e.trainLoss),
                            figure(e.validationLoss),
                            figure(segmentation ? e.validationDice : e.validationAccuracy),
                            figure(e.validationAuc),
                            QString::number(e.learningRate, 'g', 3),
                            figure(e.seconds, 2),
                            figure(e.dataWaitSeconds, 2)};
    for (int c = 0; c < cells.size(); ++c) {
        QTableWidgetItem* item = figureItem(cells[c]);
        if (e.best && c == EpochColumn)
            item->setToolTip(tr("The best epoch so far by the early-stopping figure"));
        m_table->setItem(row, c, item);
    }
    m_table->scrollToBottom();
    emit epochShown(e.epoch);
}

void TrainingRunPage::start(bool resume)
{
    if (isRunning())
        return;
    TrainingConfig config;
    try {
        config = m_wizard.trainingConfig();
    } catch (const std::exception& e) {
        m_status->setText(tr("The settings cannot be used: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    ai::TrainingSettings& s = config.settings;
    if (s.threads <= 0)
        s.threads = std::max(1, QThread::idealThreadCount());
    s.resume = resume;
    s.command = tr("RadPath training wizard%1").arg(resume ? tr(" (resumed)") : QString()).toStdString();
    QDir().mkpath(QFileInfo(QString::fromStdString(s.outputPath)).absolutePath());
    // A fresh start leaves nothing of an earlier run that could be taken for this one's.
    QFile::remove(QString::fromStdString(s.outputPath));
    if (!resume) {
        QFile::remove(QString::fromStdString(s.checkpointPath));
        QFile::remove(QString::fromStdString(s.checkpointPath + ".state"));
    }

    TrainingWizardState& state = m_wizard.state();
    std::vector<ai::EpochReport> earlier = resume ? state.epochs : std::vector<ai::EpochReport>();
    state.clearRun();
    resetCurves();
    for (const ai::EpochReport& e : earlier)
        showEpoch(e); // the part of the run the checkpoint holds

    m_control = std::make_shared<RunControl>();
    m_control->page = this;
    m_pausedMs = 0;
    m_startFraction = -1.0;
    m_clock.start();
    m_ticker->start();
    m_progress->setValue(0);
    m_notes->clear();
    m_status->setText(resume ? tr("Resuming…") : tr("Starting…"));
    std::shared_ptr<RunControl> control = m_control;
    const CutTiles tiles{state.tiles, state.tileOptions};
    m_job = m_wizard.jobs().run<RunResult>(
        tr("Training %1").arg(QString::fromStdString(s.manifest.name)), this,
        [config, tiles, control](JobContext& ctx) { return runTraining(config, tiles, control, ctx); },
        [this](RunResult result) { finished(result); });
    updateButtons();
}

bool TrainingRunPage::isPaused() const
{
    return isRunning() && m_control && m_control->gate.isPaused();
}

void TrainingRunPage::setPaused(bool paused)
{
    if (!isRunning() || paused == isPaused())
        return;
    if (paused) {
        m_control->gate.pause();
        m_pausedClock.start();
        // Before training proper, the images are being read: each reader stops after its file.
        m_status->setText(m_control->fraction.load() < 0.0
                              ? tr("Paused: the images being read now are finished, then the run holds. Resume "
                                   "goes on.")
                              : tr("Paused after the current batch. The run holds its place; Resume goes on."));
    } else {
        m_pausedMs += m_pausedClock.elapsed();
        m_control->gate.resume();
        m_status->setText(tr("Running…"));
    }
    updateButtons();
}

void TrainingRunPage::cancel()
{
    if (!isRunning() || !m_control)
        return;
    m_wizard.jobs().cancel(m_job);
    m_control->token.cancel();
    m_control->gate.wake();
    m_status->setText(tr("Cancelling at the next batch…"));
    m_cancel->setEnabled(false);
}

void TrainingRunPage::finished(const RunResult& result)
{
    m_job = 0;
    m_ticker->stop();
    TrainingWizardState& state = m_wizard.state();
    state.config = result.config;
    state.scan = result.scan;
    state.heldOut = result.heldOut;
    state.heldOutSplit = result.heldOutSplit;
    // The outcome's history is the whole run, a resumed run's earlier epochs included; the
    // epochs as shown keep their seconds without the time the run was paused.
    ai::TrainingOutcome outcome = result.outcome;
    for (ai::EpochReport& e : outcome.epochs)
        for (const ai::EpochReport& shown : state.epochs)
            if (shown.epoch == e.epoch) {
                e.seconds = shown.seconds;
                e.trainSeconds = shown.trainSeconds;
            }
    state.outcome = outcome;
    state.epochs.clear();
    resetCurves();
    for (const ai::EpochReport& e : outcome.epochs)
        showEpoch(e);
    m_progress->setValue(1000);
    m_status->setText(tr("Finished: %1 (weights of epoch %2%3).")
                          .arg(QDir::toNativeSeparators(QString::fromStdString(result.outcome.packagePath)))
                          .arg(result.outcome.bestEpoch)
                          .arg(result.outcome.stoppedEarly ? tr(", stopped early") : QString()));
    m_notes->setText(result.notes.join(QLatin1Char(' ')));
    updateClock();
    updateButtons();
    emit runEnded(true);
}

void TrainingRunPage::ended(JobStatus status, const QString& message)
{
    m_job = 0;
    m_ticker->stop();
    const int last = m_wizard.state().epochs.empty() ? 0 : m_wizard.state().epochs.back().epoch;
    if (status == JobStatus::Cancelled)
        m_status->setText(last > 0 ? tr("Cancelled. The checkpoint of epoch %1 is kept: \"Resume from checkpoint\" "
                                        "goes on from there.")
                                         .arg(last)
                                   : tr("Cancelled before the first epoch ended."));
    else
        m_status->setText(QStringLiteral("<span style=\"color:#c62828\">%1</span>")
                              .arg(tr("Training failed: %1").arg(message).toHtmlEscaped()));
    updateClock();
    updateButtons();
    emit runEnded(false);
}

void TrainingRunPage::updateButtons()
{
    const bool running = isRunning();
    m_start->setEnabled(!running);
    m_resume->setEnabled(!running && hasCheckpoint());
    m_pause->setEnabled(running);
    m_pause->setText(isPaused() ? tr("Resume") : tr("Pause"));
    m_cancel->setEnabled(running);
    emit completeChanged();
    m_wizard.setBusy(running);
}

void TrainingRunPage::updateClock()
{
    if (!m_clock.isValid())
        return;
    const qint64 paused = m_pausedMs + (isPaused() ? m_pausedClock.elapsed() : 0);
    const double active = double(m_clock.elapsed() - paused) / 1000.0;
    QString text = tr("Elapsed %1").arg(duration(active));
    const double fraction = m_control ? m_control->fraction.load() : -1.0;
    // The rate since this run's training began: a resumed run starts part-way, and
    // loading the engine and decoding the images are not part of it.
    if (isRunning() && fraction >= 0.0 && m_startFraction < 0.0) {
        m_startFraction = fraction;
        m_startSeconds = active;
    }
    if (isRunning() && m_startFraction >= 0.0 && fraction > m_startFraction && active > m_startSeconds) {
        const double rate = (fraction - m_startFraction) / (active - m_startSeconds);
        text += QStringLiteral(" · ") + tr("about %1 left").arg(duration((1.0 - fraction) / rate));
    }
    if (isPaused())
        text += QStringLiteral(" · ") + tr("paused");
    m_time->setText(text);
}

} // namespace app
} // namespace radpath
