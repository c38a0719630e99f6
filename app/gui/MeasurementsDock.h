#pragma once
// Measurements of the slice view in front: a table, and export as CSV.

#include <QDockWidget>
#include <QPointer>

class QTableWidget;

namespace radpath {
namespace viewer {
class SliceView;
}
namespace app {

class MeasurementsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit MeasurementsDock(QWidget* parent = nullptr);

    /// Follows `view` (nullptr: nothing to show).
    void setView(viewer::SliceView* view);
    void refresh();
    /// Writes the table as CSV (lengths in mm, angles in degrees, areas in mm², region
    /// statistics in the volume's units, points in LPS mm); false on failure.
    bool exportCsv(const QString& path, QString* error = nullptr) const;
    QTableWidget* table() const { return m_table; }

private:
    QPointer<viewer::SliceView> m_view;
    QTableWidget* m_table = nullptr;
};

} // namespace app
} // namespace radpath
