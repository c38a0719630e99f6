#include "app/gui/TrainingSettingsPage.h"

#include "app/core/AiModule.h"
#include "app/core/JobRunner.h"
#include "app/core/ModelLibrary.h"
#include "app/gui/TrainingDataPage.h"
#include "app/gui/TrainingModelPage.h"
#include "app/gui/TrainingWizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QThread>
#include <QVBoxLayout>

#include <stdexcept>

namespace radpath {
namespace app {
namespace {

QDoubleSpinBox* numberBox(const char* name, double low, double high, double step, int decimals, QWidget* parent)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(low, high);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    return box;
}

QSpinBox* wholeBox(const char* name, int low, int high, int value, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(low, high);
    box->setValue(value);
    return box;
}

QComboBox* choiceBox(const char* name, const QList<QPair<QString, QString>>& items, QWidget* parent)
{
    auto* box = new QComboBox(parent);
    box->setObjectName(QLatin1String(name));
    for (const auto& [text, key] : items)
        box->addItem(text, key);
    return box;
}

void setItemEnabled(QComboBox* box, int index, bool enabled)
{
    if (auto* model = qobject_cast<QStandardItemModel*>(box->model()))
        if (QStandardItem* item = model->item(index))
            item->setEnabled(enabled);
}

} // namespace

TrainingSettingsPage::TrainingSettingsPage(TrainingWizard& wizard) : QWizardPage(&wizard), m_wizard(wizard)
{
    setObjectName(QStringLiteral("trainingSettingsPage"));
    setTitle(tr("Training settings"));
    setSubTitle(tr("The defaults suit a first run. \"Save config…\" writes these settings as a train.json for "
                   "radpath-cli train, e.g. to train on a server."));

    // Optimisation
    m_epochs = wholeBox("settingsEpochs", 1, 100000, 20, this);
    m_batch = wholeBox("settingsBatch", 1, 65536, 16, this);
    m_learningRate = numberBox("settingsLearningRate", 0.000001, 10.0, 0.0001, 6, this);
    m_learningRate->setValue(0.001);
    m_optimizer = choiceBox("settingsOptimizer",
                            {{tr("Adam"), "adam"}, {tr("AdamW"), "adamw"}, {tr("SGD with momentum"), "sgd"}}, this);
    m_weightDecay = numberBox("settingsWeightDecay", 0.0, 1.0, 0.0001, 6, this);
    m_schedule = choiceBox(
        "settingsSchedule",
        {{tr("Cosine decay"), "cosine"}, {tr("Step (× 0.1 every 10 epochs)"), "step"}, {tr("Constant"), "constant"}},
        this);
    auto* optimisation = new QGroupBox(tr("Optimisation"), this);
    auto* optimisationForm = new QFormLayout(optimisation);
    optimisationForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    optimisationForm->addRow(tr("Epochs:"), m_epochs);
    optimisationForm->addRow(tr("Batch size:"), m_batch);
    optimisationForm->addRow(tr("Learning rate:"), m_learningRate);
    optimisationForm->addRow(tr("Optimizer:"), m_optimizer);
    optimisationForm->addRow(tr("Weight decay:"), m_weightDecay);
    optimisationForm->addRow(tr("Learning-rate schedule:"), m_schedule);

    // Early stopping and class weights
    m_patience = wholeBox("settingsPatience", 0, 100000, 0, this);
    m_patience->setSpecialValueText(tr("off"));
    m_patience->setSuffix(tr(" epochs"));
    m_patience->setToolTip(tr("Stops when the monitored figure has not improved for this many epochs and keeps "
                              "the best epoch's weights; 0: never stop early"));
    m_monitor = new QComboBox(this);
    m_monitor->setObjectName(QStringLiteral("settingsMonitor"));
    m_balanced = new QCheckBox(tr("Balanced class weights (rarer classes weigh more in the loss)"), this);
    m_balanced->setObjectName(QStringLiteral("settingsBalanced"));
    auto* stopping = new QGroupBox(tr("Early stopping and class weights"), this);
    auto* stoppingForm = new QFormLayout(stopping);
    stoppingForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    stoppingForm->addRow(tr("Patience:"), m_patience);
    stoppingForm->addRow(tr("Monitor:"), m_monitor);
    stoppingForm->addRow(m_balanced);

    // Augmentation
    m_flips = new QCheckBox(tr("Random flips"), this);
    m_flips->setObjectName(QStringLiteral("settingsFlips"));
    m_flips->setChecked(true);
    m_rotate90 = new QCheckBox(tr("Random 90° turns"), this);
    m_rotate90->setObjectName(QStringLiteral("settingsRotate90"));
    m_rotation = numberBox("settingsRotation", 0.0, 180.0, 5.0, 0, this);
    m_rotation->setSuffix(QStringLiteral(" °"));
    m_scale = numberBox("settingsScale", 0.0, 0.9, 0.05, 2, this);
    m_scale->setToolTip(tr("Random zoom by up to ± this share"));
    m_intensity = numberBox("settingsIntensity", 0.0, 1.0, 0.05, 2, this);
    m_intensity->setToolTip(tr("Random intensity scaling by up to ± this share"));
    m_contrast = numberBox("settingsContrast", 0.0, 0.99, 0.05, 2, this);
    m_noise = numberBox("settingsNoise", 0.0, 1.0, 0.01, 3, this);
    m_noise->setToolTip(tr("Standard deviation of Gaussian noise added after intensity scaling (images span 0..1)"));
    m_elastic = numberBox("settingsElastic", 0.0, 50.0, 1.0, 1, this);
    m_elastic->setSuffix(tr(" voxels"));
    m_elastic->setToolTip(tr("3-D only: smooth random deformation of up to this many voxels"));
    auto* augmentation = new QGroupBox(tr("Augmentation (training images only)"), this);
    auto* augmentationForm = new QFormLayout(augmentation);
    augmentationForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    auto* turns = new QHBoxLayout;
    turns->addWidget(m_flips);
    turns->addWidget(m_rotate90);
    turns->addStretch();
    augmentationForm->addRow(turns);
    augmentationForm->addRow(tr("Rotation ±:"), m_rotation);
    augmentationForm->addRow(tr("Scale ±:"), m_scale);
    augmentationForm->addRow(tr("Intensity ±:"), m_intensity);
    augmentationForm->addRow(tr("Contrast ±:"), m_contrast);
    augmentationForm->addRow(tr("Noise σ:"), m_noise);
    augmentationForm->addRow(tr("Elastic:"), m_elastic);

    // Run
    m_device = choiceBox("settingsDevice", {{tr("CPU"), "cpu"}, {tr("CUDA GPU"), "cuda"}}, this);
    setItemEnabled(m_device, 1, false);
    m_deviceNote = new QLabel(tr("Checking for a GPU…"), this);
    m_deviceNote->setObjectName(QStringLiteral("settingsDeviceNote"));
    m_deviceNote->setWordWrap(true);
    m_threads = wholeBox("settingsThreads", 0, 1024, 0, this);
    m_threads->setMinimumWidth(140);
    m_threads->setSpecialValueText(tr("automatic (%1)").arg(QThread::idealThreadCount()));
    m_seed = wholeBox("settingsSeed", 0, 2147483647, 42, this);
    m_seed->setToolTip(tr("Shuffling, augmentation and the validation split repeat with the same seed"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("settingsName"));
    m_name->setMinimumWidth(320);
    m_workFolder = new QLabel(this);
    m_workFolder->setObjectName(QStringLiteral("settingsWorkFolder"));
    m_workFolder->setWordWrap(true);
    m_workFolder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* run = new QGroupBox(tr("Run"), this);
    auto* runForm = new QFormLayout(run);
    runForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    runForm->addRow(tr("Device:"), m_device);
    runForm->addRow(m_deviceNote);
    runForm->addRow(tr("Threads:"), m_threads);
    runForm->addRow(tr("Seed:"), m_seed);
    runForm->addRow(tr("Model name:"), m_name);
    runForm->addRow(m_workFolder);

    auto* save = new QPushButton(tr("Save config…"), this);
    save->setObjectName(QStringLiteral("settingsSaveConfig"));
    m_saved = new QLabel(this);
    m_saved->setObjectName(QStringLiteral("settingsSaved"));
    m_saved->setWordWrap(true);
    auto* saveRow = new QHBoxLayout;
    saveRow->addWidget(save);
    saveRow->addWidget(m_saved, 1);

    auto* grid = new QGridLayout;
    grid->addWidget(optimisation, 0, 0);
    grid->addWidget(stopping, 1, 0);
    grid->addWidget(augmentation, 0, 1, 2, 1);
    grid->addWidget(run, 2, 0, 1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addLayout(saveRow);
    layout->addStretch();

    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        updateWorkFolder();
        emit completeChanged();
    });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save training configuration"), QDir(m_wizard.workFolder()).filePath(QStringLiteral("train.json")),
            tr("Training configuration (*.json)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!saveConfig(path, &error))
            m_saved->setText(QStringLiteral("<span style=\"color:#c62828\">%1</span>").arg(error.toHtmlEscaped()));
    });
}

void TrainingSettingsPage::initializePage()
{
    const bool segmentation = m_wizard.task() == ai::ModelTask::Segmentation;
    const QString monitor = m_monitor->currentData().toString();
    m_monitor->clear();
    m_monitor->addItem(tr("validation loss"), QStringLiteral("val_loss"));
    if (segmentation) {
        m_monitor->addItem(tr("validation Dice"), QStringLiteral("val_dice"));
    } else {
        m_monitor->addItem(tr("validation accuracy"), QStringLiteral("val_accuracy"));
        if (m_wizard.state().scan.classes.size() == 2)
            m_monitor->addItem(tr("validation AUC"), QStringLiteral("val_auc"));
    }
    m_monitor->setCurrentIndex(std::max(0, m_monitor->findData(monitor)));
    // The trainer deforms volumes only: elastic augmentation is offered for 3-D models.
    m_volume = volumeModel();
    m_elastic->setEnabled(m_volume);
    if (!m_nameEdited) {
        const QString folder = QFileInfo(m_wizard.dataPage()->folder()).fileName();
        m_name->setText(segmentation                                           ? tr("%1 segmenter").arg(folder)
                        : m_wizard.task() == ai::ModelTask::TileClassification ? tr("%1 tile classifier").arg(folder)
                                                                               : tr("%1 classifier").arg(folder));
    }
    updateWorkFolder();

    // The CUDA choice needs the engine's word; loading it now also saves time when the run starts.
    if (m_runtime || m_checkingRuntime)
        return;
    if (AiModule::instance().isLoaded()) {
        showRuntime(AiModule::instance().engine()->runtimeInfo());
        return;
    }
    m_checkingRuntime = true;
    m_wizard.jobs().run<ai::RuntimeInfo>(
        tr("Loading the AI engine"), this,
        [](JobContext&) {
            QString error;
            ai::Engine* engine = AiModule::instance().engine(&error);
            if (!engine)
                throw std::runtime_error(error.toStdString());
            return engine->runtimeInfo();
        },
        [this](ai::RuntimeInfo info) {
            m_checkingRuntime = false;
            showRuntime(info);
        },
        [this](const QString& message) {
            m_checkingRuntime = false;
            m_deviceNote->setText(tr("The AI engine is unavailable: %1").arg(message));
            emit runtimeChecked();
        });
}

void TrainingSettingsPage::showRuntime(const ai::RuntimeInfo& info)
{
    m_runtime = info;
    setItemEnabled(m_device, 1, info.cudaAvailable);
    if (info.cudaAvailable) {
        QStringList names;
        for (const std::string& name : info.cudaDeviceNames)
            names << QString::fromStdString(name);
        m_deviceNote->setText(tr("LibTorch %1 with CUDA: %2")
                                  .arg(QString::fromStdString(info.torchVersion), names.join(QLatin1String(", "))));
    } else {
        m_device->setCurrentIndex(0);
        m_deviceNote->setText(tr("LibTorch %1 without CUDA on this machine: training runs on the CPU.")
                                  .arg(QString::fromStdString(info.torchVersion)));
    }
    emit runtimeChecked();
}

bool TrainingSettingsPage::volumeModel() const
{
    if (m_wizard.task() != ai::ModelTask::Segmentation)
        return false;
    const TrainingModelPage* model = m_wizard.modelPage();
    const QString package = model->initialModel();
    if (package.isEmpty())
        return model->architecture() == QLatin1String("unet3d");
    // The package's manifest, read from the file (LibTorch stays unloaded).
    QString problem;
    const std::optional<ModelSummary> summary = readModelSummary(package, &problem);
    return summary && summary->manifest.dims == 3;
}

QString TrainingSettingsPage::fileStem() const
{
    QString stem = m_name->text().trimmed().toLower();
    stem.replace(QRegularExpression(QStringLiteral("[^a-z0-9._-]+")), QStringLiteral("-"));
    stem.remove(QRegularExpression(QStringLiteral("^[-.]+|[-.]+$")));
    return stem.isEmpty() ? QStringLiteral("model") : stem;
}

void TrainingSettingsPage::updateWorkFolder()
{
    m_workFolder->setText(tr("The run writes %1.pt and its checkpoint into %2")
                              .arg(fileStem(), QDir::toNativeSeparators(m_wizard.workFolder())));
}

bool TrainingSettingsPage::isComplete() const
{
    return !m_name->text().trimmed().isEmpty();
}

void TrainingSettingsPage::describe(QJsonObject& json) const
{
    json[QStringLiteral("epochs")] = m_epochs->value();
    json[QStringLiteral("batchSize")] = m_batch->value();
    json[QStringLiteral("learningRate")] = m_learningRate->value();
    json[QStringLiteral("optimizer")] = m_optimizer->currentData().toString();
    json[QStringLiteral("weightDecay")] = m_weightDecay->value();
    json[QStringLiteral("schedule")] = m_schedule->currentData().toString();
    // The monitors are listed when the page is first shown; before that, the default.
    const QString monitor = m_monitor->currentData().toString();
    json[QStringLiteral("earlyStopping")] = QJsonObject{
        {"patience", m_patience->value()}, {"monitor", monitor.isEmpty() ? QStringLiteral("val_loss") : monitor}};
    if (m_balanced->isChecked())
        json[QStringLiteral("classWeights")] = QStringLiteral("balanced");
    const bool volume = m_volume;
    json[QStringLiteral("augment")] =
        QJsonObject{{"flips", m_flips->isChecked()},          {"rotate90", m_rotate90->isChecked()},
                    {"rotationDegrees", m_rotation->value()}, {"scale", m_scale->value()},
                    {"intensityScale", m_intensity->value()}, {"contrast", m_contrast->value()},
                    {"noiseStd", m_noise->value()},           {"elastic", volume ? m_elastic->value() : 0.0}};
    json[QStringLiteral("device")] = m_device->currentData().toString();
    json[QStringLiteral("threads")] = m_threads->value();
    json[QStringLiteral("seed")] = m_seed->value();
    json[QStringLiteral("name")] = m_name->text().trimmed();
    const QString output = QDir(m_wizard.workFolder()).filePath(fileStem() + QStringLiteral(".pt"));
    json[QStringLiteral("output")] = output;
    json[QStringLiteral("checkpoint")] = output + QStringLiteral(".checkpoint");
}

bool TrainingSettingsPage::saveConfig(const QString& path, QString* error)
{
    try {
        writeTrainingConfig(m_wizard.trainingConfig(), path);
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
    m_saved->setText(tr("Saved %1. Train with: radpath-cli train --config %2")
                         .arg(QDir::toNativeSeparators(path), QFileInfo(path).fileName()));
    return true;
}

} // namespace app
} // namespace radpath
