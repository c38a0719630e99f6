#pragma once
// Small helpers the training wizard's tables share.

#include <QString>

class QTableWidget;
class QTableWidgetItem;
class QWidget;

namespace radpath {
namespace app {

/// A read-only table that fits its columns to its width.
QTableWidget* figureTable(const char* objectName, QWidget* parent);

/// A cell with a figure, right-aligned.
QTableWidgetItem* figureItem(const QString& text);

/// Makes the table as tall as its header and rows (at most `maxRows` of them), so that short
/// tables leave their room to the charts.
void fitTableHeight(QTableWidget* table, int maxRows = 8);

} // namespace app
} // namespace radpath
