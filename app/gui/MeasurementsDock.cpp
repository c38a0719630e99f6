#include "app/gui/MeasurementsDock.h"

#include "viewer/view/SliceView.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace radpath {
namespace app {

MeasurementsDock::MeasurementsDock(QWidget* parent) : QDockWidget(tr("Measurements"), parent)
{
    setObjectName(QStringLiteral("annotationsDock"));
    auto* body = new QWidget(this);
    m_table = new QTableWidget(0, 8, body);
    m_table->setObjectName(QStringLiteral("measurementTable"));
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // Picking a row selects the measurement and shows its slice.
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_table->selectionModel()->selectedRows();
        if (m_view && !rows.isEmpty() && rows.front().row() != m_view->selectedMeasurement())
            m_view->selectMeasurement(rows.front().row());
    });
    auto* removeButton = new QPushButton(tr("Delete"), body);
    removeButton->setObjectName(QStringLiteral("measurementDelete"));
    connect(removeButton, &QPushButton::clicked, this, [this] {
        if (m_view && m_view->selectedMeasurement() >= 0)
            m_view->removeMeasurement(m_view->selectedMeasurement());
    });
    auto* exportButton = new QPushButton(tr("Export CSV…"), body);
    exportButton->setObjectName(QStringLiteral("measurementExport"));
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_table);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(removeButton);
    buttons->addStretch(1);
    buttons->addWidget(exportButton);
    layout->addLayout(buttons);
    setWidget(body);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export measurements"), QString(), tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportCsv(path, &error))
            QMessageBox::warning(this, tr("Export measurements"), tr("Cannot write %1\n%2").arg(path, error));
    });
}

void MeasurementsDock::setView(viewer::SliceView* view)
{
    if (m_view)
        disconnect(m_view, nullptr, this, nullptr);
    m_view = view;
    if (view) {
        connect(view, &viewer::SliceView::measurementsChanged, this, &MeasurementsDock::refresh);
        connect(view, &viewer::SliceView::measurementSelected, this, [this](int index) {
            const QSignalBlocker block(m_table);
            if (index >= 0)
                m_table->selectRow(index);
            else
                m_table->clearSelection();
        });
    }
    refresh();
}

namespace {

QString kindName(viewer::MeasurementKind kind)
{
    switch (kind) {
    case viewer::MeasurementKind::Length: return MeasurementsDock::tr("Length");
    case viewer::MeasurementKind::Angle: return MeasurementsDock::tr("Angle");
    case viewer::MeasurementKind::Rectangle: return MeasurementsDock::tr("Rectangle");
    case viewer::MeasurementKind::Ellipse: return MeasurementsDock::tr("Ellipse");
    case viewer::MeasurementKind::Polygon: return MeasurementsDock::tr("Polygon");
    }
    return {};
}

// The measurement's own figure and its unit: length, angle or area.
std::pair<double, QString> figure(const viewer::Measurement& m)
{
    switch (m.kind) {
    case viewer::MeasurementKind::Length: return {m.lengthMm(), QStringLiteral("mm")};
    case viewer::MeasurementKind::Angle: return {m.angleDegrees(), QStringLiteral("deg")};
    default: return {m.areaMm2(), QStringLiteral("mm2")};
    }
}

} // namespace

void MeasurementsDock::refresh()
{
    const QSignalBlocker block(m_table);
    m_table->setRowCount(0);
    const QString units = m_view ? QString::fromStdString(m_view->volume().info().units) : QString();
    m_table->setHorizontalHeaderLabels({tr("#"), tr("Type"), tr("Slice"), tr("Value"),
                                        units.isEmpty() ? tr("Mean") : tr("Mean (%1)").arg(units), tr("SD"), tr("Min"),
                                        tr("Max")});
    if (!m_view)
        return;
    const auto& list = m_view->measurements();
    m_table->setRowCount(int(list.size()));
    for (int row = 0; row < int(list.size()); ++row) {
        const auto& m = list[size_t(row)];
        QString value;
        switch (m.kind) {
        case viewer::MeasurementKind::Length: value = tr("%1 mm").arg(m.lengthMm(), 0, 'f', 2); break;
        case viewer::MeasurementKind::Angle: value = tr("%1°").arg(m.angleDegrees(), 0, 'f', 1); break;
        default: value = tr("%1 mm²").arg(m.areaMm2(), 0, 'f', 1); break;
        }
        QStringList cells{QString::number(row + 1), kindName(m.kind), QString::number(m.slice + 1), value};
        if (m.isRegion()) {
            const viewer::RegionStatistics s = m_view->measurementStatistics(row);
            cells << QString::number(s.mean, 'f', 1) << QString::number(s.sd, 'f', 1) << QString::number(s.min, 'g', 6)
                  << QString::number(s.max, 'g', 6);
        }
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
    const int selected = m_view->selectedMeasurement();
    if (selected >= 0)
        m_table->selectRow(selected);
}

bool MeasurementsDock::exportCsv(const QString& path, QString* error) const
{
    QSaveFile file(path); // a temporary, renamed on commit
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    // One row per measurement; points in LPS mm as "x y z" separated by ";".
    QByteArray csv = "index,type,slice,value,unit,mean,sd,min,max,voxels,value_units,points_lps_mm\n";
    if (m_view) {
        const QString units = QString::fromStdString(m_view->volume().info().units);
        const auto& list = m_view->measurements();
        for (int i = 0; i < int(list.size()); ++i) {
            const auto& m = list[size_t(i)];
            const auto [value, unit] = figure(m);
            QStringList row{QString::number(i + 1), QString::fromLatin1(viewer::toString(m.kind)),
                            QString::number(m.slice + 1), QString::number(value, 'f', 3), unit};
            if (m.isRegion()) {
                const viewer::RegionStatistics s = m_view->measurementStatistics(i);
                row << QString::number(s.mean, 'f', 3) << QString::number(s.sd, 'f', 3) << QString::number(s.min, 'g', 8)
                    << QString::number(s.max, 'g', 8) << QString::number(s.voxels) << units;
            } else {
                row << QString() << QString() << QString() << QString() << QString() << QString();
            }
            QStringList points;
            for (const auto& p : m.points)
                points << QStringLiteral("%1 %2 %3").arg(p[0], 0, 'f', 3).arg(p[1], 0, 'f', 3).arg(p[2], 0, 'f', 3);
            row << points.join(QLatin1Char(';'));
            csv += row.join(QLatin1Char(',')).toUtf8() + '\n';
        }
    }
    file.write(csv);
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace app
} // namespace radpath
