#include "app/gui/AiDock.h"

#include "app/core/AiBridge.h"
#include "app/core/AiModule.h"
#include "app/core/AiReviewStore.h"
#include "app/core/ReportPdf.h"
#include "app/core/ReportSources.h"
#include "app/core/AppSettings.h"
#include "app/core/ModelLibrary.h"
#include "pathology/slide/SlideSource.h"
#include "pathology/view/SlideDocumentView.h"
#include "pathology/view/SlideView.h"
#include "radpath/ai/Engine.h"
#include "viewer/model/Layers.h"
#include "viewer/view/VolumeView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

namespace radpath {
namespace app {
namespace {

ai::Engine& loadedEngine()
{
    QString error;
    ai::Engine* engine = AiModule::instance().engine(&error);
    if (!engine)
        throw std::runtime_error(error.toStdString());
    return *engine;
}

/// Engine progress into the job's, and the job's Cancel into the engine's token.
ai::ProgressCallback progressFor(JobContext& ctx, ai::CancelToken& token)
{
    return [&ctx, &token](double fraction, const std::string& stage) {
        if (ctx.isCancelled())
            token.cancel();
        ctx.setProgress(fraction, QString::fromStdString(stage));
    };
}

ai::RunOptions runOptions(const AppSettings& settings)
{
    ai::RunOptions options;
    options.device = settings.aiDevice() == QLatin1String("cuda") ? ai::Device::Cuda : ai::Device::Cpu;
    options.threads = settings.workerThreads();
    return options;
}

QString taskName(ai::ModelTask task)
{
    switch (task) {
    case ai::ModelTask::Classification:
        return AiDock::tr("classification");
    case ai::ModelTask::Segmentation:
        return AiDock::tr("segmentation");
    case ai::ModelTask::TileClassification:
        return AiDock::tr("tile classification");
    }
    return {};
}

QString recordText(const ai::RunRecord& run)
{
    QString text = AiDock::tr("%1 %2 (weights %3…) on %4 in %5 s")
                       .arg(QString::fromStdString(run.modelName), QString::fromStdString(run.modelVersion),
                            QString::fromStdString(run.weightsSha256.substr(0, 12)), QString::fromStdString(run.device))
                       .arg(run.seconds, 0, 'f', 2);
    if (!run.notice.empty())
        text += QLatin1Char('\n') + QString::fromStdString(run.notice);
    return text;
}

/// A flat two-column list whose first column takes the spare width.
QTreeWidget* listWidget(QWidget* parent, const char* name, const QStringList& headers)
{
    auto* list = new QTreeWidget(parent);
    list->setObjectName(QLatin1String(name));
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    return list;
}

struct VolumeOutcome {
    std::optional<ai::Segmentation> segmentation;
    std::optional<ai::Classification> classification;
};

struct SlideProgress {
    ai::SlideClassification result; ///< filled as batches arrive
};

} // namespace

AiDock::AiDock(JobRunner& jobs, AppSettings& settings, AiReviewStore& reviews, QWidget* parent)
    : QDockWidget(tr("AI"), parent), m_jobs(jobs), m_settings(settings), m_reviews(reviews)
{
    setObjectName(QStringLiteral("aiDock"));
    auto* body = new QWidget(this);
    m_status = new QLabel(tr("Models shipped with RadPath are demonstrations, not for clinical use."), body);
    m_status->setObjectName(QStringLiteral("aiStatus"));
    m_status->setWordWrap(true);

    m_models = listWidget(body, "aiModels", {tr("Model"), tr("Task")});
    m_models->setMaximumHeight(120);

    m_run = new QPushButton(tr("Run"), body);
    m_run->setObjectName(QStringLiteral("aiRunButton"));
    m_method = new QComboBox(body);
    m_method->setObjectName(QStringLiteral("aiSaliencyMethod"));
    m_method->addItem(tr("Grad-CAM"), int(ai::SaliencyMethod::GradCam));
    m_method->addItem(tr("Gradient"), int(ai::SaliencyMethod::Gradient));
    m_method->addItem(tr("SmoothGrad"), int(ai::SaliencyMethod::SmoothGrad));
    m_method->addItem(tr("Occlusion"), int(ai::SaliencyMethod::Occlusion));
    m_explain = new QPushButton(tr("Explain"), body);
    m_explain->setObjectName(QStringLiteral("aiExplainButton"));
    m_explain->setToolTip(tr("Adds a saliency map of the selected model as a layer"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_run);
    actions->addStretch();
    actions->addWidget(m_method);
    actions->addWidget(m_explain);

    m_findings = listWidget(body, "aiFindings", {tr("Finding"), tr("Probability")});
    m_findings->setMinimumHeight(4 * m_findings->fontMetrics().height() + 16); // a header and three findings

    m_heatmapVisible = new QCheckBox(tr("Heat map"), body);
    m_heatmapVisible->setObjectName(QStringLiteral("aiHeatmapVisible"));
    m_heatmapVisible->setChecked(true);
    m_heatmapOpacity = new QSlider(Qt::Horizontal, body);
    m_heatmapOpacity->setObjectName(QStringLiteral("aiHeatmapOpacity"));
    m_heatmapOpacity->setRange(0, 100);
    m_heatmapOpacity->setValue(50);
    auto* heatmap = new QHBoxLayout;
    heatmap->addWidget(m_heatmapVisible);
    heatmap->addWidget(m_heatmapOpacity);

    // The findings of the image in front, to accept, edit or reject.
    m_review = listWidget(body, "aiReview", {tr("To review"), tr("Result"), tr("Status")});
    m_review->setMinimumHeight(4 * m_review->fontMetrics().height() + 16);
    m_review->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_review->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_accept = new QPushButton(tr("Accept"), body);
    m_accept->setObjectName(QStringLiteral("aiAcceptButton"));
    m_edit = new QPushButton(tr("Edit…"), body);
    m_edit->setObjectName(QStringLiteral("aiEditButton"));
    m_reject = new QPushButton(tr("Reject"), body);
    m_reject->setObjectName(QStringLiteral("aiRejectButton"));
    auto* reviewButtons = new QHBoxLayout;
    reviewButtons->addWidget(m_accept);
    reviewButtons->addWidget(m_edit);
    reviewButtons->addWidget(m_reject);
    reviewButtons->addStretch();

    m_record = new QLabel(body);
    m_record->setObjectName(QStringLiteral("aiRunRecord"));
    m_record->setWordWrap(true);
    m_check = new QPushButton(tr("Check AI engine"), body);
    m_check->setObjectName(QStringLiteral("aiCheckButton"));

    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_status);
    layout->addWidget(m_models);
    layout->addLayout(actions);
    layout->addWidget(m_findings, 1);
    layout->addLayout(heatmap);
    layout->addWidget(m_review, 1);
    layout->addLayout(reviewButtons);
    layout->addWidget(m_record);
    layout->addWidget(m_check);
    setWidget(body);

    connect(m_check, &QPushButton::clicked, this, &AiDock::checkEngine);
    connect(m_run, &QPushButton::clicked, this, &AiDock::runModel);
    connect(m_explain, &QPushButton::clicked, this, &AiDock::explain);
    connect(m_models, &QTreeWidget::itemSelectionChanged, this, [this] { setBusy(m_running != 0); });
    connect(m_review, &QTreeWidget::itemSelectionChanged, this, [this] { setBusy(m_running != 0); });
    connect(m_accept, &QPushButton::clicked, this, [this] { reviewSelected(ReviewStatus::Accepted); });
    connect(m_edit, &QPushButton::clicked, this, [this] { reviewSelected(ReviewStatus::Edited); });
    connect(m_reject, &QPushButton::clicked, this, [this] { reviewSelected(ReviewStatus::Rejected); });
    connect(&m_reviews, &AiReviewStore::changed, this, [this](const QString& subject) {
        if (subject == m_subject)
            showReview();
    });
    connect(m_heatmapVisible, &QCheckBox::toggled, this, [this](bool on) {
        if (m_slideView)
            m_slideView->setHeatmapVisible(on);
    });
    connect(m_heatmapOpacity, &QSlider::valueChanged, this, [this](int value) {
        if (m_slideView)
            m_slideView->setHeatmapOpacity(value / 100.0);
    });
    // The library is read (and LibTorch loaded) the first time the dock is shown.
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && !m_libraryRead && m_running == 0)
            refreshModels();
    });
    setBusy(false);
}

void AiDock::setTarget(QWidget* page)
{
    m_volumeView = qobject_cast<viewer::VolumeView*>(page);
    auto* slidePage = qobject_cast<pathology::SlideDocumentView*>(page);
    m_slideView = slidePage ? slidePage->slideView() : nullptr;
    m_subject = (m_volumeView || m_slideView) ? subjectOf(page) : QString();
    if (m_volumeView)
        watchEdits(m_volumeView->layers(), m_subject); // AI label maps are edited in the tab in front
    m_findings->clear();
    showModels();
    showReview();
}

QString AiDock::subjectOf(QWidget* page)
{
    return page ? page->property("documentPath").toString() : QString();
}

void AiDock::showReview()
{
    const int selected = m_review->currentItem() ? m_review->indexOfTopLevelItem(m_review->currentItem()) : -1;
    m_review->clear();
    if (m_subject.isEmpty())
        return setBusy(m_running != 0);
    for (const Finding& f : m_reviews.findings(m_subject)) {
        QString status = statusDisplayName(f.status);
        if (f.status == ReviewStatus::Edited)
            status = f.sourceDisplayName();
        else if (f.isAiAssistedEdited())
            status = tr("%1, %2").arg(status, f.sourceDisplayName());
        auto* item = new QTreeWidgetItem(m_review, {f.label, findingValueText(f), status});
        item->setToolTip(0, f.text);
        item->setToolTip(2, f.changedBy.isEmpty()
                                ? tr("Not reviewed yet")
                                : tr("%1 by %2, %3")
                                      .arg(status, f.changedBy, QLocale().toString(f.changedAt.toLocalTime(), QLocale::ShortFormat)));
        item->setToolTip(1, modelProvenanceText(f.model));
    }
    if (selected >= 0 && selected < m_review->topLevelItemCount())
        m_review->setCurrentItem(m_review->topLevelItem(selected));
    setBusy(m_running != 0);
}

bool AiDock::reviewFinding(int row, ReviewStatus status, const QString& editedText)
{
    return !m_subject.isEmpty() &&
           m_reviews.setStatus(m_subject, row, status, currentUserName(), QDateTime::currentDateTimeUtc(), editedText);
}

void AiDock::reviewSelected(ReviewStatus status)
{
    QTreeWidgetItem* item = m_review->currentItem();
    if (!item)
        return;
    const int row = m_review->indexOfTopLevelItem(item);
    QString text;
    if (status == ReviewStatus::Edited) {
        bool ok = false;
        text = QInputDialog::getMultiLineText(this, tr("Edit finding"), tr("Finding:"), item->toolTip(0), &ok);
        if (!ok)
            return;
    }
    reviewFinding(row, status, text);
}

void AiDock::watchEdits(viewer::LayerStack* layers, const QString& subject)
{
    if (!layers || layers->property("radpathAiReviewWatched").toBool())
        return;
    layers->setProperty("radpathAiReviewWatched", true);
    QPointer<viewer::LayerStack> stack = layers;
    connect(layers, &viewer::LayerStack::voxelsEdited, this, [this, stack, subject](int id) {
        const viewer::LabelMapLayer* labels = stack ? stack->labelMapAt(stack->indexOf(id)) : nullptr;
        if (labels && labels->ai.isAi() && !labels->ai.run.empty())
            m_reviews.markMaskEdited(subject, QString::fromStdString(labels->ai.run), currentUserName(),
                                     QDateTime::currentDateTimeUtc());
    });
}

void AiDock::setBusy(bool busy)
{
    const bool hasTarget = m_volumeView || m_slideView;
    const bool hasModel = !selectedModel().isEmpty();
    m_run->setEnabled(!busy && hasTarget && hasModel);
    m_explain->setEnabled(!busy && m_volumeView && hasModel);
    m_method->setEnabled(m_volumeView != nullptr);
    m_heatmapVisible->setVisible(m_slideView != nullptr);
    m_heatmapOpacity->setVisible(m_slideView != nullptr);
    const bool reviewable = m_review->currentItem() != nullptr;
    m_accept->setEnabled(reviewable);
    m_edit->setEnabled(reviewable);
    m_reject->setEnabled(reviewable);
}

QString AiDock::selectedModel() const
{
    const QTreeWidgetItem* item = m_models->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

bool AiDock::selectModel(const QString& fileName)
{
    for (int i = 0; i < m_models->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_models->topLevelItem(i);
        if (QFileInfo(item->data(0, Qt::UserRole).toString()).fileName() == fileName) {
            m_models->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

bool AiDock::setSaliencyMethod(const QString& key)
{
    ai::SaliencyMethod method;
    if (!ai::saliencyMethodFromString(key.toStdString(), &method))
        return false;
    m_method->setCurrentIndex(m_method->findData(int(method)));
    return true;
}

void AiDock::showModels()
{
    m_models->clear();
    AiTarget target = AiTarget::Volume;
    QString modality;
    if (m_slideView) {
        target = AiTarget::Slide;
    } else if (m_volumeView) {
        const viewer::Volume& volume = m_volumeView->volume();
        target = volume.geometry().size[2] == 1 ? AiTarget::Image2d : AiTarget::Volume;
        modality = QString::fromStdString(volume.info().modality);
    }
    if (m_volumeView || m_slideView)
        for (const ModelSummary& entry : m_library) {
            if (!modelFits(entry.manifest, target, modality))
                continue;
            QString name = QString::fromStdString(entry.manifest.name);
            if (isDemonstration(entry.manifest))
                name += QLatin1Char(' ') + tr("(demonstration)");
            auto* item = new QTreeWidgetItem(m_models, {name, taskName(entry.manifest.task)});
            item->setData(0, Qt::UserRole, entry.path);
            item->setToolTip(0, tr("%1, version %2\n%3\n%4")
                                    .arg(QFileInfo(entry.path).fileName(), QString::fromStdString(entry.manifest.version),
                                         QString::fromStdString(entry.manifest.intendedUse), entry.format));
        }
    if (m_models->topLevelItemCount() > 0)
        m_models->setCurrentItem(m_models->topLevelItem(0));
    setBusy(m_running != 0);
}

void AiDock::showFindings(const QStringList& names, const QList<double>& probabilities, int predicted)
{
    m_findings->clear();
    m_findings->setHeaderLabels({tr("Finding"), tr("Probability")});
    for (int i = 0; i < names.size(); ++i) {
        auto* item = new QTreeWidgetItem(m_findings, {names[i]});
        QFont font = item->font(0);
        font.setBold(i == predicted);
        item->setFont(0, font);
        auto* bar = new QProgressBar(m_findings);
        bar->setRange(0, 1000);
        bar->setValue(int(std::lround(probabilities[i] * 1000.0)));
        bar->setFormat(QStringLiteral("%1 %").arg(probabilities[i] * 100.0, 0, 'f', 1));
        m_findings->setItemWidget(item, 1, bar);
    }
}

void AiDock::endRun(const QString& failure, const QString& message)
{
    m_running = 0;
    setBusy(false);
    if (failure.isEmpty())
        return;
    showRecord(failure);
    emit runFailed(message);
}

void AiDock::showRecord(const QString& record)
{
    m_record->setText(record);
}

void AiDock::checkEngine()
{
    m_check->setEnabled(false);
    m_status->setText(tr("Loading the AI engine…"));
    const bool cuda = m_settings.aiDevice() == QLatin1String("cuda");
    const int threads = m_settings.workerThreads();
    m_jobs.run<QString>(
        tr("Checking the AI engine"), this,
        [cuda, threads](JobContext& ctx) {
            ctx.setProgress(0.1, tr("loading LibTorch"));
            ai::Engine& engine = loadedEngine();
            engine.setThreads(threads);
            ctx.setProgress(0.6, tr("testing the device"));
            const ai::RuntimeInfo info = engine.runtimeInfo();
            const ai::DeviceCheck check = engine.checkDevice(cuda ? ai::Device::Cuda : ai::Device::Cpu);
            return tr("LibTorch %1, CUDA %2, %3 threads.\nDevice %4: %5 (%6)")
                .arg(QString::fromStdString(info.torchVersion))
                .arg(info.cudaAvailable ? tr("available") : tr("not available"))
                .arg(info.intraOpThreads)
                .arg(QString::fromStdString(ai::toString(check.device)))
                .arg(check.ok ? tr("works") : tr("failed"))
                .arg(QString::fromStdString(check.message));
        },
        [this](QString report) {
            m_status->setText(report);
            m_check->setEnabled(true);
        },
        [this](const QString& message) {
            m_status->setText(tr("The AI engine is unavailable: %1").arg(message));
            m_check->setEnabled(true);
        });
}

void AiDock::refreshModels()
{
    // Manifests are read from the files themselves: listing models never loads LibTorch.
    m_library.clear();
    QStringList problems;
    for (const QString& path : findModels(modelLibraryFolders(m_settings.aiModelDir()))) {
        QString problem;
        if (const auto summary = readModelSummary(path, &problem))
            m_library.push_back(*summary);
        else
            problems << problem;
    }
    m_libraryRead = true;
    QString text = tr("%n model(s) in the library. Models shipped with RadPath are demonstrations, "
                      "not for clinical use.",
                      nullptr, int(m_library.size()));
    if (!problems.isEmpty())
        text += QLatin1Char('\n') + tr("Not usable: %1").arg(problems.join(QLatin1Char('\n')));
    m_status->setText(text);
    showModels();
}

void AiDock::runModel()
{
    const QString model = selectedModel();
    if (model.isEmpty())
        return;
    if (m_slideView)
        return runOnSlide(model);
    if (!m_volumeView)
        return;
    for (const ModelSummary& entry : m_library)
        if (entry.path == model)
            return runOnVolume(model, entry.manifest.task == ai::ModelTask::Segmentation);
}

void AiDock::runOnVolume(const QString& model, bool segmentation)
{
    const viewer::Volume volume = m_volumeView->volume(); // shares the voxels
    QPointer<viewer::LayerStack> layers = m_volumeView->layers();
    const ai::RunOptions options = runOptions(m_settings);
    const QString dataDir = m_settings.dataDir();
    const QString reviewSubject = m_subject;
    setBusy(true);
    m_running = m_jobs.run<VolumeOutcome>(
        tr("Running %1").arg(QFileInfo(model).fileName()), this,
        [volume, model, options, segmentation](JobContext& ctx) {
            ai::Engine& engine = loadedEngine();
            ai::CancelToken token;
            const ai::ProgressCallback progress = progressFor(ctx, token);
            const ai::ImageBuffer image = toImageBuffer(volume);
            VolumeOutcome outcome;
            if (segmentation)
                outcome.segmentation = engine.segment(model.toStdString(), image, options, progress, &token);
            else
                outcome.classification = engine.classify(model.toStdString(), image, options, progress, &token);
            return outcome;
        },
        [this, layers, volume, dataDir, reviewSubject](VolumeOutcome outcome) {
            endRun();
            const QString run = newRunId();
            const QString subject = QString::fromStdString(volume.info().seriesInstanceUid);
            if (outcome.segmentation) {
                const ai::Segmentation& s = *outcome.segmentation;
                const std::string name = s.run.modelName;
                QStringList names;
                QList<double> millilitres;
                const double voxelMl = s.grid.spacing[0] * s.grid.spacing[1] * s.grid.spacing[2] / 1000.0;
                for (const auto& label : s.channels)
                    if (label.index != 0) {
                        names << QString::fromStdString(label.name);
                        millilitres << double(std::count(s.labels.begin(), s.labels.end(), uint16_t(label.index))) * voxelMl;
                    }
                if (layers) {
                    for (size_t c = 0; c < s.channels.size(); ++c)
                        if (s.channels[c].index != 0)
                            layers->add(probabilityLayer(s, int(c), name + ": p(" + s.channels[c].name + ")"));
                    viewer::LabelMapLayer labels = labelLayer(s, name);
                    labels.ai.run = run.toStdString(); // its edits reach this run's findings
                    layers->add(std::move(labels));
                    watchEdits(layers, reviewSubject);
                }
                m_reviews.addRun(reviewSubject, segmentationFindings(s), run);
                m_findings->clear();
                m_findings->setHeaderLabels({tr("Finding"), tr("Volume (mL)")});
                for (int i = 0; i < names.size(); ++i)
                    new QTreeWidgetItem(m_findings, {names[i], QString::number(millilitres[i], 'f', 2)});
                showRecord(recordText(s.run));
                appendRunLog(dataDir, s.run, subject, QStringLiteral("segmentation"));
            } else if (outcome.classification) {
                const ai::Classification& c = *outcome.classification;
                QStringList names;
                QList<double> probabilities;
                for (const auto& p : c.classes) {
                    names << QString::fromStdString(p.name);
                    probabilities << p.probability;
                }
                showFindings(names, probabilities, c.predicted);
                m_reviews.addRun(reviewSubject, classificationFindings(c));
                showRecord(recordText(c.run));
                appendRunLog(dataDir, c.run, subject, QStringLiteral("classification"));
            }
            emit runFinished();
        },
        [this](const QString& message) { endRun(tr("The model did not run: %1").arg(message), message); });
}

void AiDock::runOnSlide(const QString& model)
{
    QPointer<pathology::SlideView> view = m_slideView;
    const std::shared_ptr<const pathology::SlideSource> slide = view->sharedSlide();
    if (!slide)
        return;
    const QRectF visible = view->visibleRect();
    const std::array<std::int64_t, 4> visibleRect{std::int64_t(visible.x()), std::int64_t(visible.y()),
                                                  std::int64_t(visible.width()), std::int64_t(visible.height())};
    const ai::RunOptions options = runOptions(m_settings);
    const QString dataDir = m_settings.dataDir();
    const QString reviewSubject = m_subject;
    auto shown = std::make_shared<SlideProgress>(); // the heat map so far, on the GUI thread
    view->setHeatmap({}, {});
    setBusy(true);
    // Each batch's scores are drawn as they come: the visible field fills in first.
    auto onScores = [this, view, shown](const ai::TileGrid& grid, const ai::TileScores& batch) {
        QMetaObject::invokeMethod(this, [view, shown, grid, batch] {
            ai::SlideClassification& r = shown->result;
            const size_t classes = batch.tiles.empty() ? 0 : batch.scores.size() / batch.tiles.size();
            if (r.scores.empty()) {
                r.grid = grid;
                r.classes.resize(classes);
                r.scores.assign(size_t(grid.columns) * size_t(grid.rows) * classes, -1.0f);
            }
            for (size_t t = 0; t < batch.tiles.size(); ++t)
                std::copy_n(&batch.scores[t * classes], classes, &r.scores[size_t(batch.tiles[t]) * classes]);
            if (view && classes > 0)
                view->setHeatmap(tileHeatmap(r, int(classes) - 1),
                                 QRectF(grid.originX, grid.originY, double(grid.tileSize0) * grid.columns,
                                        double(grid.tileSize0) * grid.rows));
        }, Qt::QueuedConnection);
    };
    m_running = m_jobs.run<ai::SlideClassification>(
        tr("Running %1").arg(QFileInfo(model).fileName()), this,
        [slide, model, options, visibleRect, onScores](JobContext& ctx) {
            ai::Engine& engine = loadedEngine();
            ai::CancelToken token;
            return engine.classifySlide(model.toStdString(), describeSlide(*slide), slideRegionReader(slide), visibleRect,
                                        onScores, options, progressFor(ctx, token), &token);
        },
        [this, view, dataDir, slide, reviewSubject](ai::SlideClassification result) {
            endRun();
            const int positive = int(result.classes.size()) - 1;
            if (view && positive >= 0) {
                const auto& g = result.grid;
                view->setHeatmap(tileHeatmap(result, positive),
                                 QRectF(g.originX, g.originY, double(g.tileSize0) * g.columns, double(g.tileSize0) * g.rows));
                view->setHeatmapVisible(m_heatmapVisible->isChecked());
                view->setHeatmapOpacity(m_heatmapOpacity->value() / 100.0);
            }
            // Per class: the share of classified tiles where it scores highest.
            QStringList names;
            QList<double> shares;
            std::vector<int> wins(result.classes.size(), 0);
            for (size_t t = 0; t * result.classes.size() < result.scores.size(); ++t) {
                const float* s = &result.scores[t * result.classes.size()];
                if (s[0] < 0.0f)
                    continue;
                ++wins[size_t(std::max_element(s, s + result.classes.size()) - s)];
            }
            for (size_t c = 0; c < result.classes.size(); ++c) {
                names << tr("%1 tiles").arg(QString::fromStdString(result.classes[c].name));
                shares << (result.tilesClassified ? double(wins[c]) / result.tilesClassified : 0.0);
            }
            showFindings(names, shares, positive);
            const auto& mpp = slide->info().mpp;
            m_reviews.addRun(reviewSubject, slideFindings(result, mpp ? (*mpp)[0] * (*mpp)[1] / 1e6 : std::nan("")));
            QString record = recordText(result.run) + QLatin1Char('\n') +
                             tr("%1 tiles classified").arg(result.tilesClassified);
            if (result.tilesFailed > 0)
                record += QLatin1Char('\n') + tr("%1 tiles could not be read and were skipped").arg(result.tilesFailed);
            showRecord(record);
            appendRunLog(dataDir, result.run, QFileInfo(QString::fromStdString(slide->info().path)).fileName(),
                         QStringLiteral("tile-classification"));
            emit runFinished();
        },
        [this](const QString& message) { endRun(tr("The model did not run: %1").arg(message), message); });
}

void AiDock::explain()
{
    const QString model = selectedModel();
    if (model.isEmpty() || !m_volumeView)
        return;
    const viewer::Volume volume = m_volumeView->volume();
    QPointer<viewer::LayerStack> layers = m_volumeView->layers();
    const ai::RunOptions options = runOptions(m_settings);
    const auto method = ai::SaliencyMethod(m_method->currentData().toInt());
    const QString methodName = m_method->currentText();
    setBusy(true);
    m_running = m_jobs.run<ai::SaliencyMap>(
        tr("Explaining with %1").arg(methodName), this,
        [volume, model, options, method](JobContext& ctx) {
            ai::Engine& engine = loadedEngine();
            ai::CancelToken token;
            return engine.saliency(model.toStdString(), toImageBuffer(volume), method, -1, options,
                                   progressFor(ctx, token), &token);
        },
        [this, layers, methodName](ai::SaliencyMap map) {
            endRun();
            if (layers)
                layers->add(saliencyLayer(map, map.run.modelName + ": " + methodName.toStdString()));
            showRecord(recordText(map.run));
            emit runFinished();
        },
        [this](const QString& message) { endRun(tr("No saliency map: %1").arg(message), message); });
}

} // namespace app
} // namespace radpath
