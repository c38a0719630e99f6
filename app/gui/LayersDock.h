#pragma once
// The layers over the image: label maps and scalar overlays with their order, visibility and
// opacity; for the selected label map its fill, outline and label table, for the selected
// scalar overlay its colormap, window and threshold. Every control writes to the
// LayerStack, whose changed() signal drives redraws; changes made elsewhere show here.

#include <QDockWidget>

#include <map>
#include <utility>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QSlider;
class QTableWidget;
class QToolButton;
class QTreeWidget;

namespace radpath {
namespace viewer {
class LayerStack;
}
namespace app {

class LayersDock : public QDockWidget {
    Q_OBJECT
public:
    explicit LayersDock(QWidget* parent = nullptr);

    /// Shows and edits `stack` (not owned; nullptr shows nothing).
    void setStack(viewer::LayerStack* stack);
    viewer::LayerStack* stack() const { return m_stack; }
    /// Stack index of the selected layer, or -1. The list shows the top layer first.
    int currentIndex() const;
    void setCurrentIndex(int stackIndex);

private:
    void rebuildList();
    void refreshRow(int stackIndex);
    void showDetails();
    void showLabelTable();
    void chooseLabelColour(int row);
    void setWindowRange(int id);

    viewer::LayerStack* m_stack = nullptr; ///< cleared when the stack is destroyed
    int m_selectedId = -1;
    bool m_updating = false;
    std::map<int, std::pair<double, double>> m_ranges; ///< value range per overlay id

    QTreeWidget* m_list = nullptr;
    QSlider* m_opacity = nullptr;
    QToolButton* m_up = nullptr;
    QToolButton* m_down = nullptr;
    QToolButton* m_remove = nullptr;
    QGroupBox* m_labelGroup = nullptr;
    QCheckBox* m_fill = nullptr;
    QCheckBox* m_outline = nullptr;
    QTableWidget* m_labels = nullptr;
    QGroupBox* m_overlayGroup = nullptr;
    QComboBox* m_colormap = nullptr;
    QDoubleSpinBox* m_center = nullptr;
    QDoubleSpinBox* m_width = nullptr;
    QDoubleSpinBox* m_threshold = nullptr;
};

} // namespace app
} // namespace radpath
