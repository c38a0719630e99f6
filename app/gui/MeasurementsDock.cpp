#include "app/gui/MeasurementsDock.h"

#include "viewer/view/SliceView.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace radpath {
namespace app {

MeasurementsDock::MeasurementsDock(QWidget* parent) : QDockWidget(tr("Measurements"), parent)
{
    setObjectName(QStringLiteral("annotationsDock"));
    auto* body = new QWidget(this);
    m_table = new QTableWidget(0, 4, body);
    m_table->setObjectName(QStringLiteral("measurementTable"));
    m_table->setHorizontalHeaderLabels({tr("#"), tr("Type"), tr("Slice"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* exportButton = new QPushButton(tr("Export CSV…"), body);
    exportButton->setObjectName(QStringLiteral("measurementExport"));
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_table);
    layout->addWidget(exportButton);
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
    if (view)
        connect(view, &viewer::SliceView::measurementsChanged, this, &MeasurementsDock::refresh);
    refresh();
}

void MeasurementsDock::refresh()
{
    m_table->setRowCount(0);
    if (!m_view)
        return;
    const auto& list = m_view->measurements();
    m_table->setRowCount(int(list.size()));
    for (int row = 0; row < int(list.size()); ++row) {
        const auto& m = list[size_t(row)];
        m_table->setItem(row, 0, new QTableWidgetItem(QString::number(row + 1)));
        m_table->setItem(row, 1, new QTableWidgetItem(tr("Length")));
        m_table->setItem(row, 2, new QTableWidgetItem(QString::number(m.slice + 1)));
        m_table->setItem(row, 3, new QTableWidgetItem(tr("%1 mm").arg(m.lengthMm(), 0, 'f', 2)));
    }
}

bool MeasurementsDock::exportCsv(const QString& path, QString* error) const
{
    QSaveFile file(path); // a temporary, renamed on commit
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QByteArray csv = "index,type,slice,length_mm,a_x_mm,a_y_mm,a_z_mm,b_x_mm,b_y_mm,b_z_mm\n";
    if (m_view) {
        int index = 1;
        for (const auto& m : m_view->measurements())
            csv += QStringLiteral("%1,length,%2,%3,%4,%5,%6,%7,%8,%9\n")
                       .arg(index++)
                       .arg(m.slice + 1)
                       .arg(m.lengthMm(), 0, 'f', 3)
                       .arg(m.a[0], 0, 'f', 3)
                       .arg(m.a[1], 0, 'f', 3)
                       .arg(m.a[2], 0, 'f', 3)
                       .arg(m.b[0], 0, 'f', 3)
                       .arg(m.b[1], 0, 'f', 3)
                       .arg(m.b[2], 0, 'f', 3)
                       .toUtf8();
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
