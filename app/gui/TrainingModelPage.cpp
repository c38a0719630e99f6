#include "app/gui/TrainingModelPage.h"

#include "app/core/AiModule.h"
#include "app/core/AppSettings.h"
#include "app/core/JobRunner.h"
#include "app/core/ModelLibrary.h"
#include "app/gui/TrainingDataPage.h"
#include "app/gui/TrainingWizard.h"
#include "radpath/ai/Engine.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <stdexcept>

namespace radpath {
namespace app {
namespace {

QSpinBox* sideBox(const char* name, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(4, 4096);
    box->setSingleStep(4);
    box->setAccelerated(true);
    return box;
}

/// The multiple every input side of `architecture` must be.
int sideMultiple(const QString& architecture)
{
    return architecture.startsWith(QLatin1String("resnet")) ? 32 : 4;
}

} // namespace

TrainingModelPage::TrainingModelPage(TrainingWizard& wizard) : QWizardPage(&wizard), m_wizard(wizard)
{
    setObjectName(QStringLiteral("trainingModelPage"));
    setTitle(tr("Model"));
    setSubTitle(tr("Train a new network, or fine-tune a model you have: its weights are the start and its "
                   "head is replaced when the classes differ."));

    m_new = new QRadioButton(tr("New network:"), this);
    m_new->setObjectName(QStringLiteral("modelNew"));
    m_architecture = new QComboBox(this);
    m_architecture->setObjectName(QStringLiteral("modelArchitecture"));
    m_fineTune = new QRadioButton(tr("Fine-tune a package:"), this);
    m_fineTune->setObjectName(QStringLiteral("modelFineTune"));
    m_package = new QComboBox(this);
    m_package->setObjectName(QStringLiteral("modelPackage"));
    m_package->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_package->setMinimumContentsLength(30);
    m_browse = new QPushButton(tr("Browse…"), this);
    m_browse->setObjectName(QStringLiteral("modelBrowse"));
    m_freeze = new QCheckBox(tr("Train only the head (freeze the features)"), this);
    m_freeze->setObjectName(QStringLiteral("modelFreeze"));
    m_freeze->setToolTip(tr("Keeps the package's feature layers as they are and trains only the last layer: "
                            "quick, and safer with few images"));
    m_layers = new QListWidget(this);
    m_layers->setObjectName(QStringLiteral("modelFreezeLayers"));
    m_layers->setFlow(QListView::LeftToRight);
    m_layers->setWrapping(true);
    m_layers->setMaximumHeight(72);
    m_layers->setToolTip(tr("Checked layers keep the package's weights; the others are trained"));
    auto* start = new QButtonGroup(this);
    start->addButton(m_new);
    start->addButton(m_fineTune);
    m_new->setChecked(true);

    auto* startBox = new QGroupBox(tr("Start from"), this);
    auto* startGrid = new QGridLayout(startBox);
    startGrid->addWidget(m_new, 0, 0);
    startGrid->addWidget(m_architecture, 0, 1, 1, 2);
    startGrid->addWidget(m_fineTune, 1, 0);
    startGrid->addWidget(m_package, 1, 1);
    startGrid->addWidget(m_browse, 1, 2);
    startGrid->addWidget(m_freeze, 2, 1, 1, 2);
    startGrid->addWidget(new QLabel(tr("Or freeze these layers:"), startBox), 3, 0, Qt::AlignTop);
    startGrid->addWidget(m_layers, 3, 1, 1, 2);
    startGrid->setColumnStretch(1, 1);

    m_baseFilters = new QSpinBox(this);
    m_baseFilters->setObjectName(QStringLiteral("modelBaseFilters"));
    m_baseFilters->setRange(1, 256);
    m_baseFilters->setValue(16);
    m_baseFilters->setToolTip(tr("Channels of the first convolution; the deeper layers scale with it"));
    m_depth = sideBox("modelDepth", this);
    m_height = sideBox("modelHeight", this);
    m_width = sideBox("modelWidth", this);
    auto* size = new QHBoxLayout;
    m_depthLabel = new QLabel(tr("depth"), this);
    size->addWidget(m_depthLabel);
    size->addWidget(m_depth);
    size->addWidget(new QLabel(tr("height"), this));
    size->addWidget(m_height);
    size->addWidget(new QLabel(tr("width"), this));
    size->addWidget(m_width);
    size->addStretch();
    m_channels = new QComboBox(this);
    m_channels->setObjectName(QStringLiteral("modelChannels"));
    m_channels->addItem(tr("1 (grey; colour images are turned grey)"), 1);
    m_channels->addItem(tr("3 (colour)"), 3);
    m_inputNote = new QLabel(this);
    m_inputNote->setWordWrap(true);

    auto* networkBox = new QGroupBox(tr("Network and input"), this);
    auto* form = new QFormLayout(networkBox);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("Base filters:"), m_baseFilters);
    form->addRow(tr("Input size (pixels):"), size);
    form->addRow(tr("Channels:"), m_channels);
    form->addRow(m_inputNote);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("modelHint"));
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: #c62828"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(startBox);
    layout->addWidget(networkBox);
    layout->addWidget(m_hint);
    layout->addStretch();

    connect(m_new, &QRadioButton::toggled, this, &TrainingModelPage::updateState);
    connect(m_architecture, &QComboBox::currentIndexChanged, this, &TrainingModelPage::architectureChanged);
    connect(m_package, &QComboBox::currentIndexChanged, this, &TrainingModelPage::updateState);
    connect(m_freeze, &QCheckBox::toggled, this, &TrainingModelPage::updateState);
    for (QSpinBox* box : {m_depth, m_height, m_width})
        connect(box, &QSpinBox::valueChanged, this, &TrainingModelPage::updateState);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Model package to fine-tune"), QString(),
                                                          tr("RadPath model packages (*.pt)"));
        if (path.isEmpty())
            return;
        m_package->addItem(QFileInfo(path).fileName(), path);
        m_package->setCurrentIndex(m_package->count() - 1);
        m_fineTune->setChecked(true);
    });
}

void TrainingModelPage::initializePage()
{
    const int task = int(m_wizard.task());
    if (task != m_filledFor) {
        m_filledFor = task;
        fillArchitectures();
        architectureChanged();
    }
    fillPackages(); // a model may have been added since
    if (m_wizard.task() == ai::ModelTask::TileClassification) {
        // Slide tiles are cut at the data page's size, in colour: that is the input.
        for (QSpinBox* box : {m_height, m_width}) {
            const QSignalBlocker block(box);
            box->setValue(m_wizard.dataPage()->tileSize());
        }
        m_channels->setCurrentIndex(m_channels->findData(3));
        updateState();
    }
}

void TrainingModelPage::fillArchitectures()
{
    const QSignalBlocker block(m_architecture);
    m_architecture->clear();
    if (m_wizard.task() == ai::ModelTask::Segmentation) {
        m_architecture->addItem(tr("U-Net 3-D"), QStringLiteral("unet3d"));
        m_architecture->addItem(tr("U-Net 2-D"), QStringLiteral("unet2d"));
    } else {
        m_architecture->addItem(tr("SimpleCNN (small, fast)"), QStringLiteral("simple-cnn"));
        m_architecture->addItem(tr("ResNet-18"), QStringLiteral("resnet18"));
        m_architecture->addItem(tr("ResNet-34"), QStringLiteral("resnet34"));
    }
}

void TrainingModelPage::fillPackages()
{
    const QString current = m_package->currentData().toString();
    const QSignalBlocker block(m_package);
    m_package->clear();
    // Manifests are read from the files: listing never loads LibTorch.
    for (const QString& path : findModels(modelLibraryFolders(m_wizard.appSettings().aiModelDir()))) {
        if (!path.endsWith(QLatin1String(".pt"), Qt::CaseInsensitive))
            continue; // MONAI bundles are not RadPath packages the trainer starts from
        QString problem;
        const auto summary = readModelSummary(path, &problem);
        if (!summary || summary->manifest.task != m_wizard.task())
            continue;
        m_package->addItem(tr("%1 %2 (%3)")
                               .arg(QString::fromStdString(summary->manifest.name),
                                    QString::fromStdString(summary->manifest.version), QFileInfo(path).fileName()),
                           path);
        m_package->setItemData(m_package->count() - 1, path, Qt::ToolTipRole);
    }
    const int index = m_package->findData(current);
    m_package->setCurrentIndex(index >= 0 ? index : 0);
    updateState();
}

void TrainingModelPage::architectureChanged()
{
    const QString name = architecture();
    const bool volume = name == QLatin1String("unet3d");
    const int side = volume ? 96 : name == QLatin1String("unet2d") ? 256 : 224;
    for (QSpinBox* box : {m_depth, m_height, m_width}) {
        const QSignalBlocker block(box);
        box->setSingleStep(sideMultiple(name));
        box->setValue(side);
    }
    updateState();
}

QString TrainingModelPage::architecture() const
{
    return m_fineTune->isChecked() ? QString() : m_architecture->currentData().toString();
}

QString TrainingModelPage::initialModel() const
{
    return m_fineTune->isChecked() ? m_package->currentData().toString() : QString();
}

void TrainingModelPage::updateState()
{
    const bool fineTune = m_fineTune->isChecked();
    const bool tiles = m_wizard.task() == ai::ModelTask::TileClassification;
    const bool volume = !fineTune && m_architecture->currentData().toString() == QLatin1String("unet3d");
    m_architecture->setEnabled(!fineTune);
    m_package->setEnabled(fineTune);
    m_freeze->setEnabled(fineTune);
    m_layers->setEnabled(fineTune && !m_freeze->isChecked());
    if (fineTune)
        listLayers();
    m_baseFilters->setEnabled(!fineTune);
    for (QSpinBox* box : {m_depth, m_height, m_width})
        box->setEnabled(!fineTune && !tiles);
    m_depth->setVisible(volume);
    m_depthLabel->setVisible(volume);
    m_channels->setEnabled(!fineTune && !tiles);
    m_inputNote->setText(fineTune ? tr("Input size, channels and intensity scaling come from the package.")
                         : tiles  ? tr("Tiles are cut at the size chosen on the data page, in colour.")
                         : m_wizard.task() == ai::ModelTask::Segmentation
                             ? tr("Segmenters train on random patches of this size and run as a sliding window.")
                             : tr("Every image is resized to this size."));
    if (fineTune && m_package->count() == 0)
        m_package->setPlaceholderText(tr("No %1 package in the library: Browse…")
                                          .arg(m_wizard.task() == ai::ModelTask::Segmentation ? tr("segmentation")
                                               : tiles ? tr("tile classification")
                                                       : tr("classification")));
    m_hint->setText(problem());
    emit completeChanged();
}

void TrainingModelPage::listLayers()
{
    const QString path = initialModel();
    if (path == m_layersOf)
        return;
    m_layersOf = path;
    m_layers->clear();
    if (path.isEmpty())
        return;
    // The layer names are in the TorchScript file: the engine reads them, off the GUI thread.
    m_wizard.jobs().run<std::vector<std::string>>(
        tr("Reading the layers of %1").arg(QFileInfo(path).fileName()), this,
        [path](JobContext&) {
            QString error;
            ai::Engine* engine = AiModule::instance().engine(&error);
            if (!engine)
                throw std::runtime_error(error.toStdString());
            return engine->inspectModel(path.toStdString()).layers;
        },
        [this, path](const std::vector<std::string>& layers) {
            if (path != m_layersOf)
                return; // another package was chosen meanwhile
            for (const std::string& layer : layers) {
                auto* item = new QListWidgetItem(QString::fromStdString(layer), m_layers);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Unchecked);
            }
        },
        [this](const QString& message) { m_hint->setText(tr("The package's layers cannot be read: %1").arg(message)); });
}

QString TrainingModelPage::problem() const
{
    if (m_fineTune->isChecked())
        return initialModel().isEmpty() ? tr("Choose a package to fine-tune.") : QString();
    const QString name = architecture();
    const int multiple = sideMultiple(name);
    QList<QSpinBox*> sides{m_height, m_width};
    if (name == QLatin1String("unet3d"))
        sides.prepend(m_depth);
    for (QSpinBox* box : sides)
        if (box->value() % multiple != 0)
            return tr("%1 needs input sides that are multiples of %2.")
                .arg(m_architecture->currentText())
                .arg(multiple);
    return {};
}

bool TrainingModelPage::isComplete() const
{
    return problem().isEmpty();
}

void TrainingModelPage::describe(QJsonObject& json) const
{
    if (m_fineTune->isChecked()) {
        json[QStringLiteral("architecture")] = initialModel();
        json[QStringLiteral("freezeFeatures")] = m_freeze->isChecked();
        QJsonArray frozen;
        if (!m_freeze->isChecked())
            for (int i = 0; i < m_layers->count(); ++i)
                if (m_layers->item(i)->checkState() == Qt::Checked)
                    frozen.append(m_layers->item(i)->text());
        json[QStringLiteral("freeze")] = frozen;
        return;
    }
    const QString name = architecture();
    json[QStringLiteral("architecture")] = name;
    QJsonArray size;
    if (name == QLatin1String("unet3d"))
        size.append(m_depth->value());
    size.append(m_height->value());
    size.append(m_width->value());
    json[QStringLiteral("inputSize")] = size;
    json[QStringLiteral("channels")] = m_channels->currentData().toInt();
    json[QStringLiteral("baseFilters")] = m_baseFilters->value();
    json[QStringLiteral("freezeFeatures")] = false;
}

} // namespace app
} // namespace radpath
