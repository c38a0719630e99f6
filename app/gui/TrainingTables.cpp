#include "app/gui/TrainingTables.h"

#include <QHeaderView>
#include <QTableWidget>

#include <algorithm>

namespace radpath {
namespace app {

QTableWidget* figureTable(const char* objectName, QWidget* parent)
{
    auto* table = new QTableWidget(parent);
    table->setObjectName(QLatin1String(objectName));
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    return table;
}

QTableWidgetItem* figureItem(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void fitTableHeight(QTableWidget* table, int maxRows)
{
    const int rows = std::clamp(table->rowCount(), 1, maxRows);
    const int height = table->horizontalHeader()->sizeHint().height() +
                       rows * table->verticalHeader()->defaultSectionSize() + 2 * table->frameWidth() + 2;
    table->setFixedHeight(height);
}

} // namespace app
} // namespace radpath
