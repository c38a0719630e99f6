#include "app/gui/LayersDock.h"

#include "viewer/model/Layers.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScopedValueRollback>
#include <QSlider>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace radpath {
namespace app {
namespace {

enum LabelColumn { SwatchColumn, ValueColumn, NameColumn, ShownColumn, OpacityColumn };

QColor toQColor(const viewer::Rgb& c)
{
    return QColor(c[0], c[1], c[2]);
}

QDoubleSpinBox* spinBox(const char* name, QWidget* parent)
{
    auto* spin = new QDoubleSpinBox(parent);
    spin->setObjectName(QLatin1String(name));
    spin->setKeyboardTracking(false); // one change per edit, not per keystroke
    return spin;
}

} // namespace

LayersDock::LayersDock(QWidget* parent) : QDockWidget(tr("Layers"), parent)
{
    setObjectName(QStringLiteral("layersDock"));
    auto* body = new QWidget(this);

    // The layers, top layer first: visibility checkbox and name, kind.
    m_list = new QTreeWidget(body);
    m_list->setObjectName(QStringLiteral("layerList"));
    m_list->setHeaderLabels({tr("Layer"), tr("Kind")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (m_updating)
            return;
        m_selectedId = item ? item->data(0, Qt::UserRole).toInt() : -1;
        showDetails();
    });
    connect(m_list, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        if (!m_updating && m_stack && column == 0)
            m_stack->setVisible(m_stack->indexOf(item->data(0, Qt::UserRole).toInt()),
                                item->checkState(0) == Qt::Checked);
    });

    m_opacity = new QSlider(Qt::Horizontal, body);
    m_opacity->setObjectName(QStringLiteral("opacitySlider"));
    m_opacity->setRange(0, 100);
    m_opacity->setToolTip(tr("Opacity of the selected layer"));
    connect(m_opacity, &QSlider::valueChanged, this, [this](int value) {
        if (!m_updating && m_stack)
            m_stack->setOpacity(currentIndex(), value / 100.0);
    });

    auto makeButton = [body](const char* name, const QString& tip) {
        auto* button = new QToolButton(body);
        button->setObjectName(QLatin1String(name));
        button->setToolTip(tip);
        return button;
    };
    m_up = makeButton("layerUpButton", tr("Move the layer up (drawn over the layers below)"));
    m_up->setArrowType(Qt::UpArrow);
    m_down = makeButton("layerDownButton", tr("Move the layer down"));
    m_down->setArrowType(Qt::DownArrow);
    m_remove = makeButton("layerRemoveButton", tr("Remove the layer"));
    m_remove->setText(tr("Remove"));
    connect(m_up, &QToolButton::clicked, this, [this] {
        if (m_stack)
            m_stack->moveUp(currentIndex());
    });
    connect(m_down, &QToolButton::clicked, this, [this] {
        if (m_stack)
            m_stack->moveDown(currentIndex());
    });
    connect(m_remove, &QToolButton::clicked, this, [this] {
        const int index = currentIndex();
        if (!m_stack || index < 0)
            return;
        // Select the layer below, else the one above.
        m_selectedId = index > 0 ? m_stack->idAt(index - 1) : m_stack->count() > 1 ? m_stack->idAt(1) : -1;
        m_stack->remove(index);
    });

    // Label map: fill, outline and the label table.
    m_labelGroup = new QGroupBox(tr("Label map"), body);
    m_labelGroup->setObjectName(QStringLiteral("labelMapGroup"));
    m_fill = new QCheckBox(tr("Fill"), m_labelGroup);
    m_fill->setObjectName(QStringLiteral("fillCheck"));
    m_outline = new QCheckBox(tr("Outline"), m_labelGroup);
    m_outline->setObjectName(QStringLiteral("outlineCheck"));
    connect(m_fill, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_updating && m_stack)
            m_stack->setFill(currentIndex(), on);
    });
    connect(m_outline, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_updating && m_stack)
            m_stack->setOutline(currentIndex(), on);
    });
    m_labels = new QTableWidget(0, 5, m_labelGroup);
    m_labels->setObjectName(QStringLiteral("labelTable"));
    m_labels->setHorizontalHeaderLabels({QString(), tr("Value"), tr("Name"), tr("Shown"), tr("Opacity %")});
    m_labels->verticalHeader()->hide();
    m_labels->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_labels->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_labels->setSelectionMode(QAbstractItemView::SingleSelection);
    m_labels->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_labels->setToolTip(tr("Double-click a colour to change it"));
    connect(m_labels, &QTableWidget::cellDoubleClicked, this, [this](int row, int column) {
        if (column == SwatchColumn)
            chooseLabelColour(row);
    });
    connect(m_labels, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (m_updating || !m_stack)
            return;
        const int value = m_labels->item(item->row(), ValueColumn)->data(Qt::UserRole).toInt();
        if (item->column() == ShownColumn)
            m_stack->setLabelVisible(currentIndex(), value, item->checkState() == Qt::Checked);
        else if (item->column() == NameColumn)
            m_stack->setLabelName(currentIndex(), value, item->text().toStdString());
        else if (item->column() == OpacityColumn)
            m_stack->setLabelOpacity(currentIndex(), value, item->data(Qt::EditRole).toDouble() / 100.0);
    });
    auto* labelLayout = new QVBoxLayout(m_labelGroup);
    auto* drawAs = new QHBoxLayout;
    drawAs->addWidget(m_fill);
    drawAs->addWidget(m_outline);
    drawAs->addStretch(1);
    labelLayout->addLayout(drawAs);
    labelLayout->addWidget(m_labels);

    // Scalar overlay: colormap, window and threshold.
    m_overlayGroup = new QGroupBox(tr("Overlay"), body);
    m_overlayGroup->setObjectName(QStringLiteral("overlayGroup"));
    m_colormap = new QComboBox(m_overlayGroup);
    m_colormap->setObjectName(QStringLiteral("colormapCombo"));
    for (viewer::Colormap map : viewer::allColormaps()) {
        const char* names[] = {QT_TR_NOOP("Grey"), QT_TR_NOOP("Hot"), QT_TR_NOOP("Jet"), QT_TR_NOOP("Viridis")};
        m_colormap->addItem(tr(names[int(map)]), int(map));
    }
    connect(m_colormap, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int item) {
        if (!m_updating && m_stack && item >= 0)
            m_stack->setColormap(currentIndex(), viewer::Colormap(m_colormap->itemData(item).toInt()));
    });
    m_center = spinBox("windowCenterSpin", m_overlayGroup);
    m_width = spinBox("windowWidthSpin", m_overlayGroup);
    m_threshold = spinBox("thresholdSpin", m_overlayGroup);
    m_threshold->setToolTip(tr("Values below the threshold are not drawn"));
    const auto writeWindow = [this] {
        if (!m_updating && m_stack)
            m_stack->setWindow(currentIndex(), m_center->value(), m_width->value());
    };
    connect(m_center, qOverload<double>(&QDoubleSpinBox::valueChanged), this, writeWindow);
    connect(m_width, qOverload<double>(&QDoubleSpinBox::valueChanged), this, writeWindow);
    connect(m_threshold, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this](double value) {
        if (!m_updating && m_stack)
            m_stack->setThreshold(currentIndex(), value);
    });
    auto* overlayLayout = new QFormLayout(m_overlayGroup);
    overlayLayout->addRow(tr("Colormap"), m_colormap);
    overlayLayout->addRow(tr("Window center"), m_center);
    overlayLayout->addRow(tr("Window width"), m_width);
    overlayLayout->addRow(tr("Threshold"), m_threshold);

    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_list, 1);
    // Order buttons under the list, opacity on a row of its own: the dock is narrow.
    auto* order = new QHBoxLayout;
    order->addWidget(m_up);
    order->addWidget(m_down);
    order->addStretch(1);
    order->addWidget(m_remove);
    layout->addLayout(order);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Opacity"), body));
    row->addWidget(m_opacity, 1);
    layout->addLayout(row);
    layout->addWidget(m_labelGroup, 2);
    layout->addWidget(m_overlayGroup);
    setWidget(body);
    showDetails();
}

void LayersDock::setStack(viewer::LayerStack* stack)
{
    if (m_stack)
        disconnect(m_stack, nullptr, this, nullptr);
    m_stack = stack;
    m_ranges.clear();
    m_selectedId = stack && stack->count() ? stack->idAt(stack->count() - 1) : -1;
    if (stack) {
        connect(stack, &viewer::LayerStack::structureChanged, this, &LayersDock::rebuildList);
        connect(stack, &viewer::LayerStack::layerChanged, this, [this](int id) {
            refreshRow(m_stack->indexOf(id));
            if (id == m_selectedId)
                showDetails();
        });
        connect(stack, &QObject::destroyed, this, [this] {
            m_stack = nullptr;
            rebuildList();
        });
    }
    rebuildList();
}

int LayersDock::currentIndex() const
{
    return m_stack ? m_stack->indexOf(m_selectedId) : -1;
}

void LayersDock::setCurrentIndex(int stackIndex)
{
    if (!m_stack || stackIndex < 0 || stackIndex >= m_stack->count())
        return;
    m_selectedId = m_stack->idAt(stackIndex);
    QScopedValueRollback guard(m_updating, true);
    m_list->setCurrentItem(m_list->topLevelItem(m_stack->count() - 1 - stackIndex));
    showDetails();
}

void LayersDock::rebuildList()
{
    QScopedValueRollback guard(m_updating, true);
    m_list->clear();
    const int count = m_stack ? m_stack->count() : 0;
    if (!m_stack || m_stack->indexOf(m_selectedId) < 0)
        m_selectedId = count ? m_stack->idAt(count - 1) : -1;
    for (int row = 0; row < count; ++row) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setData(0, Qt::UserRole, m_stack->idAt(count - 1 - row));
        refreshRow(count - 1 - row);
        if (m_stack->idAt(count - 1 - row) == m_selectedId)
            m_list->setCurrentItem(item);
    }
    showDetails();
}

void LayersDock::refreshRow(int stackIndex)
{
    if (!m_stack || stackIndex < 0 || stackIndex >= m_stack->count())
        return;
    QTreeWidgetItem* item = m_list->topLevelItem(m_stack->count() - 1 - stackIndex);
    if (!item)
        return;
    QScopedValueRollback guard(m_updating, true);
    const viewer::Layer& layer = m_stack->at(stackIndex);
    item->setText(0, QString::fromStdString(viewer::layerName(layer)));
    item->setCheckState(0, viewer::layerVisible(layer) ? Qt::Checked : Qt::Unchecked);
    QString kind = tr("Overlay");
    if (const auto* labels = std::get_if<viewer::LabelMapLayer>(&layer))
        kind = !labels->ai.isAi() ? tr("Label map") : labels->ai.edited ? tr("Label map, AI-assisted, edited") : tr("Label map, AI");
    item->setText(1, kind);
}

void LayersDock::showDetails()
{
    QScopedValueRollback guard(m_updating, true);
    const int index = currentIndex();
    const int count = m_stack ? m_stack->count() : 0;
    m_opacity->setEnabled(index >= 0);
    m_up->setEnabled(index >= 0 && index + 1 < count);
    m_down->setEnabled(index > 0);
    m_remove->setEnabled(index >= 0);
    const viewer::LabelMapLayer* labels = m_stack ? m_stack->labelMapAt(index) : nullptr;
    const viewer::ScalarOverlayLayer* overlay = m_stack ? m_stack->scalarOverlayAt(index) : nullptr;
    m_labelGroup->setVisible(labels != nullptr);
    m_overlayGroup->setVisible(overlay != nullptr);
    if (index < 0)
        return;
    m_opacity->setValue(int(std::lround(viewer::layerOpacity(m_stack->at(index)) * 100)));
    if (labels) {
        m_fill->setChecked(labels->fill);
        m_outline->setChecked(labels->outline);
        showLabelTable();
    }
    if (overlay) {
        m_colormap->setCurrentIndex(m_colormap->findData(int(overlay->colormap)));
        setWindowRange(m_selectedId);
        m_center->setValue(overlay->windowCenter);
        m_width->setValue(overlay->windowWidth);
        m_threshold->setValue(overlay->threshold);
    }
}

void LayersDock::showLabelTable()
{
    const viewer::LabelMapLayer* layer = m_stack->labelMapAt(currentIndex());
    const auto& table = layer->table;
    // Rows are kept while they show the same labels, so an item being edited survives.
    bool same = m_labels->rowCount() == int(table.size());
    for (int row = 0; same && row < m_labels->rowCount(); ++row)
        same = m_labels->item(row, ValueColumn)->data(Qt::UserRole).toInt() == table[std::size_t(row)].value;
    if (!same) {
        m_labels->setRowCount(0);
        m_labels->setRowCount(int(table.size()));
        for (int row = 0; row < int(table.size()); ++row) {
            const int value = table[std::size_t(row)].value;
            auto* swatch = new QTableWidgetItem;
            swatch->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            auto* valueItem = new QTableWidgetItem(QString::number(value));
            valueItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            valueItem->setData(Qt::UserRole, value);
            auto* shown = new QTableWidgetItem;
            shown->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            m_labels->setItem(row, SwatchColumn, swatch);
            m_labels->setItem(row, ValueColumn, valueItem);
            m_labels->setItem(row, NameColumn, new QTableWidgetItem);
            m_labels->setItem(row, ShownColumn, shown);
            m_labels->setItem(row, OpacityColumn, new QTableWidgetItem);
        }
    }
    for (int row = 0; row < int(table.size()); ++row) {
        const viewer::LabelEntry& e = table[std::size_t(row)];
        m_labels->item(row, SwatchColumn)->setData(Qt::DecorationRole, toQColor(e.colour));
        m_labels->item(row, NameColumn)->setText(QString::fromStdString(e.name));
        m_labels->item(row, ShownColumn)->setCheckState(e.visible ? Qt::Checked : Qt::Unchecked);
        m_labels->item(row, OpacityColumn)->setData(Qt::EditRole, int(std::lround(e.opacity * 100)));
    }
}

void LayersDock::chooseLabelColour(int row)
{
    const viewer::LabelMapLayer* layer = m_stack ? m_stack->labelMapAt(currentIndex()) : nullptr;
    const int value = m_labels->item(row, ValueColumn)->data(Qt::UserRole).toInt();
    const viewer::LabelEntry* entry = layer ? layer->entry(value) : nullptr;
    if (!entry)
        return;
    const int id = m_selectedId;
    QColorDialog dialog(toQColor(entry->colour), this);
    dialog.setObjectName(QStringLiteral("labelColourDialog"));
    dialog.setOption(QColorDialog::DontUseNativeDialog);
    dialog.setWindowTitle(tr("Colour of %1").arg(QString::fromStdString(entry->name)));
    if (dialog.exec() != QDialog::Accepted || !m_stack)
        return;
    const QColor c = dialog.selectedColor();
    m_stack->setLabelColour(m_stack->indexOf(id), value,
                            {std::uint8_t(c.red()), std::uint8_t(c.green()), std::uint8_t(c.blue())});
}

void LayersDock::setWindowRange(int id)
{
    const viewer::ScalarOverlayLayer* overlay = m_stack->scalarOverlayAt(m_stack->indexOf(id));
    auto range = m_ranges.find(id);
    if (range == m_ranges.end())
        range = m_ranges.emplace(id, overlay->volume.isNull() ? std::pair(0.0, 1.0) : overlay->volume.range()).first;
    const auto [lo, hi] = range->second;
    const double span = std::max(hi - lo, 1e-6);
    const int decimals = span < 10 ? 3 : span < 1000 ? 2 : 1;
    for (QDoubleSpinBox* spin : {m_center, m_threshold}) {
        spin->setDecimals(decimals);
        spin->setRange(std::min({lo - span, overlay->windowCenter, overlay->threshold}),
                       std::max({hi + span, overlay->windowCenter, overlay->threshold}));
        spin->setSingleStep(span / 100);
    }
    m_width->setDecimals(decimals);
    m_width->setRange(std::pow(10.0, -decimals), std::max(4 * span, overlay->windowWidth));
    m_width->setSingleStep(span / 100);
}

} // namespace app
} // namespace radpath
