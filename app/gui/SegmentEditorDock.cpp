#include "app/gui/SegmentEditorDock.h"
#include "app/gui/SegmentEditorDockState.h"

#include "app/core/AppSettings.h"
#include "app/gui/LabelOperationRunner.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPixmap>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <optional>

namespace radpath {
namespace app {

namespace {
// The "other label" of a logical operation: its label map's layer id and its value.
constexpr int kLayerRole = Qt::UserRole;
constexpr int kValueRole = Qt::UserRole + 1;
} // namespace

SegmentEditorDock::SegmentEditorDock(AppSettings& settings, JobRunner& jobs, QWidget* parent)
    : QDockWidget(tr("Segment Editor"), parent), m(std::make_unique<State>()), m_settings(settings),
      m_operations(new LabelOperationRunner(jobs, this))
{
    setObjectName(QStringLiteral("segmentEditorDock"));
    m->brush = std::make_unique<BrushTool>(*this);
    auto* body = new QWidget(this);
    m_controls = new QWidget(body);
    auto* layout = new QVBoxLayout(m_controls);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* form = new QFormLayout;
    m_layers = new QComboBox(body);
    m_layers->setObjectName(QStringLiteral("segmentationLayer"));
    auto* newButton = new QPushButton(tr("New"), body);
    newButton->setObjectName(QStringLiteral("newSegmentation"));
    newButton->setToolTip(tr("A new empty label map on the volume's grid"));
    auto* layerRow = new QHBoxLayout;
    layerRow->addWidget(m_layers, 1);
    layerRow->addWidget(newButton);
    form->addRow(tr("Label map"), layerRow);
    m_labels = new QComboBox(body);
    m_labels->setObjectName(QStringLiteral("segmentationLabel"));
    auto* addButton = new QPushButton(tr("Add"), body);
    addButton->setObjectName(QStringLiteral("addSegment"));
    auto* labelRow = new QHBoxLayout;
    labelRow->addWidget(m_labels, 1);
    labelRow->addWidget(addButton);
    form->addRow(tr("Label"), labelRow);
    layout->addLayout(form);

    // Tools: one at a time; none gives the mouse back to measurements and the crosshair.
    m_tools = new QButtonGroup(this);
    m_tools->setExclusive(true);
    auto* toolRow = new QHBoxLayout;
    const std::pair<Tool, QString> tools[] = {{Tool::None, tr("Off")},
                                              {Tool::Paint, tr("Paint")},
                                              {Tool::Erase, tr("Erase")},
                                              {Tool::Fill, tr("Fill")},
                                              {Tool::Grow, tr("Grow")}};
    for (const auto& [tool, text] : tools) {
        auto* button = new QToolButton(body);
        button->setText(text);
        button->setCheckable(true);
        button->setObjectName(QStringLiteral("segmentTool%1").arg(int(tool)));
        m_tools->addButton(button, int(tool));
        toolRow->addWidget(button);
    }
    m_tools->button(int(Tool::None))->setChecked(true);
    m_tools->button(int(Tool::Paint))->setToolTip(tr("Paint the label with the brush (drag)"));
    m_tools->button(int(Tool::Erase))->setToolTip(tr("Erase the label under the brush (drag)"));
    m_tools->button(int(Tool::Fill))->setToolTip(tr("Fill the connected region under the click in this slice"));
    m_tools->button(int(Tool::Grow))
        ->setToolTip(tr("Grow a region from the click: within the HU range when set, else from the values around it"));
    layout->addLayout(toolRow);

    auto* brushForm = new QFormLayout;
    m_radius = new QDoubleSpinBox(body);
    m_radius->setObjectName(QStringLiteral("brushRadius"));
    m_radius->setRange(0.5, 100.0);
    m_radius->setValue(5.0);
    m_radius->setSuffix(tr(" mm"));
    m_sphere = new QCheckBox(tr("3-D sphere"), body);
    m_sphere->setObjectName(QStringLiteral("brushSphere"));
    auto* radiusRow = new QHBoxLayout;
    radiusRow->addWidget(m_radius);
    radiusRow->addWidget(m_sphere);
    brushForm->addRow(tr("Radius"), radiusRow);
    m_limit = new QCheckBox(tr("Only"), body);
    m_limit->setObjectName(QStringLiteral("limitRange"));
    m_low = new QDoubleSpinBox(body);
    m_high = new QDoubleSpinBox(body);
    m_low->setObjectName(QStringLiteral("rangeLow"));
    m_high->setObjectName(QStringLiteral("rangeHigh"));
    for (QDoubleSpinBox* box : {m_low, m_high}) {
        box->setRange(-100000, 100000);
        box->setDecimals(0);
    }
    m_low->setValue(-100);
    m_high->setValue(300);
    auto* rangeRow = new QHBoxLayout;
    rangeRow->addWidget(m_limit);
    rangeRow->addWidget(m_low);
    rangeRow->addWidget(new QLabel(tr("to"), body));
    rangeRow->addWidget(m_high);
    brushForm->addRow(tr("Values"), rangeRow);
    layout->addLayout(brushForm);

    // Operations on the whole label.
    auto* operations = new QGridLayout;
    const std::pair<const char*, QString> ops[] = {{"keepLargest", tr("Keep largest island")},
                                                   {"removeSmall", tr("Remove small islands")},
                                                   {"fillHoles", tr("Fill holes")},
                                                   {"smooth", tr("Smooth (median)")},
                                                   {"interpolate", tr("Interpolate slices")}};
    int cell = 0;
    for (const auto& [name, text] : ops) {
        auto* button = new QPushButton(text, body);
        button->setObjectName(QLatin1String(name));
        connect(button, &QPushButton::clicked, this, [this, name = name, text = text] { runOperation(name, text); });
        operations->addWidget(button, cell / 2, cell % 2);
        ++cell;
    }
    m_minMl = new QDoubleSpinBox(body);
    m_minMl->setObjectName(QStringLiteral("smallIslandMl"));
    m_minMl->setRange(0.001, 10000);
    m_minMl->setDecimals(3);
    m_minMl->setValue(0.1);
    m_minMl->setSuffix(tr(" mL"));
    m_minMl->setToolTip(tr("Islands smaller than this are removed"));
    operations->addWidget(m_minMl, cell / 2, cell % 2);
    layout->addLayout(operations);

    // Logical operations: the current label is the target.
    m_logical = new QComboBox(body);
    m_logical->setObjectName(QStringLiteral("logicalOperation"));
    m_logical->addItem(tr("Unite with"), int(LogicalOperation::Unite));
    m_logical->addItem(tr("Intersect with"), int(LogicalOperation::Intersect));
    m_logical->addItem(tr("Subtract"), int(LogicalOperation::Subtract));
    m_other = new QComboBox(body);
    m_other->setObjectName(QStringLiteral("logicalOther"));
    m_other->setToolTip(tr("A label of this map, or of another label map on its grid"));
    m_applyLogical = new QPushButton(tr("Apply"), body);
    m_applyLogical->setObjectName(QStringLiteral("applyLogical"));
    auto* logicalRow = new QHBoxLayout;
    logicalRow->addWidget(m_logical);
    logicalRow->addWidget(m_other, 1);
    logicalRow->addWidget(m_applyLogical);
    layout->addLayout(logicalRow);

    auto* history = new QHBoxLayout;
    m_undo = new QPushButton(tr("Undo"), body);
    m_redo = new QPushButton(tr("Redo"), body);
    m_undo->setObjectName(QStringLiteral("segmentUndo"));
    m_redo->setObjectName(QStringLiteral("segmentRedo"));
    history->addWidget(m_undo);
    history->addWidget(m_redo);
    m_memory = new QLabel(body);
    m_memory->setObjectName(QStringLiteral("undoMemory"));
    history->addWidget(m_memory, 1);
    layout->addLayout(history);

    m_stats = new QTableWidget(0, 3, body);
    m_stats->setObjectName(QStringLiteral("segmentStatistics"));
    m_stats->setHorizontalHeaderLabels({tr("Label"), tr("Volume (mL)"), tr("Mean ± SD")});
    m_stats->horizontalHeader()->setStretchLastSection(true);
    m_stats->verticalHeader()->hide();
    m_stats->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_stats, 1);

    // The running operation: progress, Cancel, and how the last one ended.
    m_progress = new QProgressBar(body);
    m_progress->setObjectName(QStringLiteral("segmentProgress"));
    m_cancel = new QPushButton(tr("Cancel"), body);
    m_cancel->setObjectName(QStringLiteral("segmentCancel"));
    m_message = new QLabel(body);
    m_message->setObjectName(QStringLiteral("segmentMessage"));
    m_message->setWordWrap(true);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto* bodyLayout = new QVBoxLayout(body);
    bodyLayout->addWidget(m_controls, 1);
    bodyLayout->addWidget(m_message);
    bodyLayout->addLayout(progressRow);
    setWidget(body);
    setBusy(false);

    connect(newButton, &QPushButton::clicked, this, &SegmentEditorDock::newSegmentation);
    connect(addButton, &QPushButton::clicked, this, &SegmentEditorDock::addLabel);
    connect(m_layers, qOverload<int>(&QComboBox::activated), this, &SegmentEditorDock::chooseLayer);
    connect(m_tools, &QButtonGroup::idClicked, this, [this](int id) { setTool(Tool(id)); });
    connect(m_undo, &QPushButton::clicked, this, [this] {
        if (m->editor && m->editor->undo())
            afterEdit();
    });
    connect(m_redo, &QPushButton::clicked, this, [this] {
        if (m->editor && m->editor->redo())
            afterEdit();
    });
    connect(m_applyLogical, &QPushButton::clicked, this, &SegmentEditorDock::runLogicalOperation);
    connect(m_logical, qOverload<int>(&QComboBox::currentIndexChanged), this, &SegmentEditorDock::refreshLogicalApply);
    connect(m_other, qOverload<int>(&QComboBox::currentIndexChanged), this, &SegmentEditorDock::refreshLogicalApply);
    refreshLogicalApply();
    connect(m_cancel, &QPushButton::clicked, this, &SegmentEditorDock::cancelOperation);
    connect(m_operations, &LabelOperationRunner::progress, this, [this](double fraction) {
        m_progress->setRange(0, 100);
        m_progress->setValue(int(std::lround(fraction * 100.0)));
    });
    connect(m_operations, &LabelOperationRunner::finished, this, &SegmentEditorDock::jobEnded);
    setView(nullptr);
}

SegmentEditorDock::~SegmentEditorDock()
{
    setView(nullptr); // the views no longer call the brush
}

void SegmentEditorDock::setView(viewer::VolumeView* view)
{
    if (m->view && m->view != view)
        for (int i = 0; i < 3; ++i)
            if (viewer::SliceView* plane = m->view->planeView(i); plane && plane->inputTool() == m->brush.get())
                plane->setInputTool(nullptr);
    disconnect(m->structure);
    m->view = view;
    m->stack = view ? view->layers() : nullptr;
    resetEditor();
    if (m->stack)
        m->structure =
            connect(m->stack, &viewer::LayerStack::structureChanged, this, &SegmentEditorDock::refreshLayers);
    widget()->setEnabled(view != nullptr);
    refreshLayers();
    installTool();
}

void SegmentEditorDock::installTool()
{
    if (!m->view)
        return;
    const bool active = m->tool != Tool::None && m->editor;
    for (int i = 0; i < 3; ++i)
        if (viewer::SliceView* plane = m->view->planeView(i))
            plane->setInputTool(active ? m->brush.get() : nullptr);
}

void SegmentEditorDock::setTool(Tool tool)
{
    m->tool = tool;
    if (QAbstractButton* button = m_tools->button(int(tool)))
        button->setChecked(true);
    installTool();
}

SegmentEditorDock::Tool SegmentEditorDock::tool() const
{
    return m->tool;
}
viewer::LabelEditor* SegmentEditorDock::editor() const
{
    return m->editor.get();
}

int SegmentEditorDock::layerIndex() const
{
    return m->stack ? m->stack->indexOf(m->layerId) : -1;
}

int SegmentEditorDock::currentLabel() const
{
    return m_labels->currentIndex() >= 0 ? m_labels->currentData().toInt() : 0;
}

void SegmentEditorDock::refreshLayers()
{
    m_layers->clear();
    if (m->stack)
        for (int i = m->stack->count() - 1; i >= 0; --i) // the top layer first, as the Layers dock lists them
            if (const viewer::LabelMapLayer* layer = m->stack->labelMapAt(i))
                m_layers->addItem(QString::fromStdString(layer->name), m->stack->idAt(i));
    if (layerIndex() < 0) { // the one edited went away: the top label map, if any
        resetEditor();
        if (m_layers->count() > 0)
            chooseLayer(0);
    } else {
        m_layers->setCurrentIndex(m_layers->findData(m->layerId));
    }
    refreshLabels();
    refreshStatistics();
    installTool();
}

void SegmentEditorDock::chooseLayer(int comboIndex)
{
    const int id = m_layers->itemData(comboIndex).toInt();
    const int index = m->stack ? m->stack->indexOf(id) : -1;
    const viewer::LabelMapLayer* layer = index >= 0 ? m->stack->labelMapAt(index) : nullptr;
    if (!layer || !m->view)
        return;
    if (id != m->layerId || !m->editor) {
        resetEditor();
        m->layerId = id;
        m->editor = std::make_unique<viewer::LabelEditor>(layer->labels, m->view->volume(),
                                                          std::size_t(m_settings.labelUndoBudgetMB()) << 20);
    }
    m_layers->setCurrentIndex(comboIndex);
    refreshLabels();
    refreshStatistics();
    installTool();
}

void SegmentEditorDock::refreshLabels()
{
    const int keep = currentLabel();
    m_labels->clear();
    const int index = layerIndex();
    if (index < 0)
        return;
    for (const viewer::LabelEntry& entry : m->stack->labelMapAt(index)->table) {
        QPixmap swatch(12, 12);
        swatch.fill(QColor(entry.colour[0], entry.colour[1], entry.colour[2]));
        m_labels->addItem(QIcon(swatch), QString::fromStdString(entry.name), entry.value);
    }
    const int at = m_labels->findData(keep);
    m_labels->setCurrentIndex(at >= 0 ? at : 0);
    refreshOthers();
}

void SegmentEditorDock::refreshOthers()
{
    const int keepLayer = m_other->currentData(kLayerRole).toInt(),
              keepValue = m_other->currentData(kValueRole).toInt();
    m_other->clear();
    const int edited = layerIndex();
    if (edited < 0)
        return refreshLogicalApply();
    const auto add = [this](int index, const QString& prefix) {
        for (const viewer::LabelEntry& entry : m->stack->labelMapAt(index)->table)
            if (entry.value > 0) {
                m_other->addItem(prefix + QString::fromStdString(entry.name));
                m_other->setItemData(m_other->count() - 1, m->stack->idAt(index), kLayerRole);
                m_other->setItemData(m_other->count() - 1, entry.value, kValueRole);
            }
    };
    // This map's labels first, then those of the other label maps on its grid.
    add(edited, {});
    const auto& size = m->stack->labelMapAt(edited)->labels.geometry().size;
    for (int i = m->stack->count() - 1; i >= 0; --i)
        if (const viewer::LabelMapLayer* layer = m->stack->labelMapAt(i);
            layer && i != edited && layer->labels.geometry().size == size)
            add(i, tr("%1: ").arg(QString::fromStdString(layer->name)));
    int current = m_other->count() > 1 ? 1 : 0; // the first is mostly the current label
    for (int i = 0; i < m_other->count(); ++i)
        if (m_other->itemData(i, kLayerRole).toInt() == keepLayer &&
            m_other->itemData(i, kValueRole).toInt() == keepValue)
            current = i;
    m_other->setCurrentIndex(current);
    refreshLogicalApply(); // the items' data came after the signals of their adding
}

bool SegmentEditorDock::logicalWithinMap() const
{
    return m_other->currentIndex() >= 0 && m->stack && layerIndex() >= 0 &&
           m->stack->indexOf(m_other->currentData(kLayerRole).toInt()) == layerIndex();
}

void SegmentEditorDock::refreshLogicalApply()
{
    // One voxel holds one label: between two labels of one map intersecting clears the
    // target and subtracting changes nothing; only the union means something.
    const bool meaningless =
        logicalWithinMap() && LogicalOperation(m_logical->currentData().toInt()) != LogicalOperation::Unite;
    m_applyLogical->setEnabled(!meaningless);
    m_applyLogical->setToolTip(meaningless ? tr("A voxel holds one label: two labels of the same map can only be "
                                                "united (choose a label of another label map to intersect or "
                                                "subtract)")
                                           : tr("Changes the current label by the other one"));
}

void SegmentEditorDock::newSegmentation()
{
    if (!m->view || !m->stack || m->view->volume().isNull() || isBusy())
        return;
    int n = 1;
    for (int i = 0; i < m->stack->count(); ++i)
        n += m->stack->labelMapAt(i) != nullptr;
    viewer::Volume labels(viewer::PixelType::UInt8, m->view->volume().geometry());
    viewer::LabelMapLayer layer = viewer::makeLabelMapLayer(tr("Segmentation %1").arg(n).toStdString(), labels);
    layer.table.push_back({1, tr("Segment 1").toStdString(), viewer::defaultLabelColour(1), true, 1.0});
    m->stack->add(std::move(layer)); // structureChanged refreshes the list
    chooseLayer(m_layers->findData(m->stack->idAt(m->stack->count() - 1)));
}

void SegmentEditorDock::addLabel()
{
    const int index = layerIndex();
    if (index < 0)
        return;
    int next = 1;
    for (const viewer::LabelEntry& entry : m->stack->labelMapAt(index)->table)
        next = std::max(next, entry.value + 1);
    for (const auto& [value, count] : m->editor->counts())
        next = std::max(next, value + 1);
    m->stack->setLabelEntry(
        index, {next, tr("Segment %1").arg(next).toStdString(), viewer::defaultLabelColour(next), true, 1.0});
    refreshLabels();
    m_labels->setCurrentIndex(m_labels->findData(next));
    refreshStatistics();
}

void SegmentEditorDock::runOperation(const char* name, const QString& title)
{
    if (!m->editor || currentLabel() <= 0)
        return;
    const QString op = QLatin1String(name);
    const int label = currentLabel();
    const int axis = m->view ? m->view->sliceView()->normalAxis() : 2;
    const viewer::Vec3& s = m->editor->labels().geometry().spacing;
    const auto minVoxels = std::size_t(std::ceil(m_minMl->value() * 1000.0 / (s[0] * s[1] * s[2])));
    Operation operation;
    if (op == QLatin1String("keepLargest"))
        operation = [label](viewer::LabelEditor& copy) { copy.keepLargestIsland(label); };
    else if (op == QLatin1String("removeSmall"))
        operation = [label, minVoxels](viewer::LabelEditor& copy) { copy.removeSmallIslands(label, minVoxels); };
    else if (op == QLatin1String("fillHoles"))
        operation = [label, axis](viewer::LabelEditor& copy) { copy.fillHoles(label, axis); };
    else if (op == QLatin1String("smooth"))
        operation = [label](viewer::LabelEditor& copy) { copy.smooth(label, viewer::Smoothing::Median, 1); };
    else if (op == QLatin1String("interpolate"))
        operation = [label, axis](viewer::LabelEditor& copy) { copy.interpolateSlices(label, axis); };
    if (operation)
        runJob(title, std::move(operation));
}

void SegmentEditorDock::runLogicalOperation()
{
    const int target = currentLabel();
    const int index =
        m->stack && m_other->currentIndex() >= 0 ? m->stack->indexOf(m_other->currentData(kLayerRole).toInt()) : -1;
    const viewer::LabelMapLayer* layer = index >= 0 ? m->stack->labelMapAt(index) : nullptr;
    if (!m->editor || target <= 0 || !layer)
        return;
    const int other = m_other->currentData(kValueRole).toInt();
    const viewer::Volume mask = layer->labels; // shares the voxels; the job only reads them
    const bool sameMap = index == layerIndex();
    const auto op = LogicalOperation(m_logical->currentData().toInt());
    if (sameMap && op != LogicalOperation::Unite)
        return; // meaningless (Apply is disabled)
    const QString title =
        tr("%1: %2 %3").arg(m_labels->currentText(), m_logical->currentText(), m_other->currentText());
    runJob(title, [op, target, other, mask, sameMap](viewer::LabelEditor& copy) {
        switch (op) {
        case LogicalOperation::Unite:
            if (sameMap) // the other label's voxels become the target
                copy.unite(target, other);
            else
                copy.unite(target, mask, other);
            break;
        case LogicalOperation::Intersect:
            copy.intersect(target, mask, other);
            break;
        case LogicalOperation::Subtract:
            copy.subtract(target, mask, other);
            break;
        }
    });
}

void SegmentEditorDock::runJob(const QString& title, Operation operation)
{
    if (!m->editor || isBusy() || m->editor->inStroke())
        return;
    if (!m_operations->start(*m->editor, title, std::move(operation)))
        return;
    setBusy(true);
    m_message->setText(title + QStringLiteral("…"));
}

void SegmentEditorDock::jobEnded(JobStatus status, qint64 changed, const QString& message)
{
    setBusy(false);
    if (status == JobStatus::Succeeded)
        m_message->setText(tr("%n voxel(s) changed", nullptr, int(changed)));
    else if (status == JobStatus::Cancelled)
        m_message->setText(tr("Cancelled: the label map is unchanged"));
    else
        m_message->setText(tr("The operation failed: %1").arg(message));
    if (changed > 0)
        afterEdit();
    else
        refreshStatistics();
}

void SegmentEditorDock::setBusy(bool busy)
{
    m_controls->setEnabled(!busy);
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_progress->setRange(0, 0); // busy until the first progress arrives
}

bool SegmentEditorDock::isBusy() const
{
    return m_operations->isRunning();
}

void SegmentEditorDock::cancelOperation()
{
    m_operations->cancel();
}

void SegmentEditorDock::resetEditor()
{
    m_operations->forget(); // a running operation's result no longer applies
    m->editor.reset();
    m->layerId = -1;
}

void SegmentEditorDock::applySettings()
{
    if (m->editor)
        m->editor->setUndoBudget(std::size_t(m_settings.labelUndoBudgetMB()) << 20);
    refreshStatistics();
}

void SegmentEditorDock::afterEdit()
{
    if (m->stack && layerIndex() >= 0)
        m->stack->voxelsChanged(layerIndex());
    refreshStatistics();
    emit edited();
}

void SegmentEditorDock::refreshStatistics()
{
    m_stats->setRowCount(0);
    m_undo->setEnabled(m->editor && m->editor->canUndo());
    m_redo->setEnabled(m->editor && m->editor->canRedo());
    m_memory->setText(m->editor ? tr("Undo: %1 of %2 MB")
                                      .arg(double(m->editor->historyBytes()) / 1048576.0, 0, 'f', 1)
                                      .arg(double(m->editor->undoBudget()) / 1048576.0, 0, 'f', 0)
                                : QString());
    const int index = layerIndex();
    if (index < 0 || !m->editor)
        return;
    for (const viewer::LabelEntry& entry : m->stack->labelMapAt(index)->table) {
        const viewer::LabelStatistics s = m->editor->statistics(entry.value, false);
        const int row = m_stats->rowCount();
        m_stats->insertRow(row);
        m_stats->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(entry.name)));
        m_stats->setItem(row, 1, new QTableWidgetItem(QString::number(s.volumeMl, 'f', 2)));
        m_stats->setItem(row, 2,
                         new QTableWidgetItem(std::isnan(s.mean)
                                                  ? QStringLiteral("–")
                                                  : tr("%1 ± %2").arg(s.mean, 0, 'f', 1).arg(s.sd, 0, 'f', 1)));
    }
}

} // namespace app
} // namespace radpath
