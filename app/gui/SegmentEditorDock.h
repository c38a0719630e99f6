#pragma once
// Editing the label maps of the volume in front: a new empty segmentation or any label map
// layer (loaded, or an AI result); its labels; brush and eraser (disk or sphere, radius in
// mm, optionally limited to an HU range), 2-D fill and region growing by clicking in any
// plane; keep largest island, remove small islands, fill holes, smooth, interpolate
// between edited slices; undo and redo within the undo budget; per label its volume in mL
// and HU mean ± SD, updated after every edit.

#include <QDockWidget>

#include <memory>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace radpath {
namespace viewer {
class LabelEditor;
class LayerStack;
class VolumeView;
} // namespace viewer
namespace app {

class SegmentEditorDock : public QDockWidget {
    Q_OBJECT
public:
    enum class Tool { None, Paint, Erase, Fill, Grow };

    explicit SegmentEditorDock(QWidget* parent = nullptr);
    ~SegmentEditorDock() override;

    /// Edits the label maps of `view` (not owned; nullptr: nothing to edit).
    void setView(viewer::VolumeView* view);
    void setTool(Tool tool);
    Tool tool() const;
    /// The editor of the label map being edited, or nullptr (for tests and reports).
    viewer::LabelEditor* editor() const;
    /// Stack index of the label map being edited, or -1.
    int layerIndex() const;
    int currentLabel() const;
    /// A new empty label map on the volume's grid, made the one edited.
    void newSegmentation();
    /// A new label in the edited map (the next free value), made the current one.
    void addLabel();

signals:
    /// After every edit, undo and redo (the label map's voxels changed).
    void edited();

private:
    class BrushTool;
    void refreshLayers();
    void refreshLabels();
    void refreshStatistics();
    void chooseLayer(int comboIndex);
    void afterEdit();
    void runOperation(const char* name);
    void installTool();

    struct State;
    std::unique_ptr<State> m;

    QComboBox* m_layers = nullptr;
    QComboBox* m_labels = nullptr;
    QButtonGroup* m_tools = nullptr;
    QDoubleSpinBox* m_radius = nullptr;
    QCheckBox* m_sphere = nullptr;
    QCheckBox* m_limit = nullptr;
    QDoubleSpinBox* m_low = nullptr;
    QDoubleSpinBox* m_high = nullptr;
    QDoubleSpinBox* m_minMl = nullptr;
    QPushButton* m_undo = nullptr;
    QPushButton* m_redo = nullptr;
    QTableWidget* m_stats = nullptr;
    QLabel* m_memory = nullptr;
};

} // namespace app
} // namespace radpath
