#pragma once
// Editing the label maps of the volume in front: a new empty segmentation or any label map
// layer (loaded, or an AI result); its labels; brush and eraser (disk or sphere, radius in
// mm, optionally limited to an HU range), 2-D fill and region growing by clicking in any
// plane; keep largest island, remove small islands, fill holes, smooth, interpolate
// between edited slices; logical operations between the current label and another (of
// this map, or of another label map on its grid); undo and redo within the undo budget of
// the settings; per label its volume in mL and HU mean ± SD, updated after every edit.
//
// Whole-volume operations and region growing run as jobs (LabelOperationRunner) on a copy
// of the map; while one runs the editing controls are disabled, the mouse tools ignore
// input, and the dock shows its progress with a Cancel button.

#include "app/core/JobRunner.h"

#include <QDockWidget>

#include <functional>
#include <memory>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace radpath {
namespace viewer {
class LabelEditor;
class LayerStack;
class VolumeView;
} // namespace viewer
namespace app {

class AppSettings;
class LabelOperationRunner;

class SegmentEditorDock : public QDockWidget {
    Q_OBJECT
public:
    enum class Tool { None, Paint, Erase, Fill, Grow };
    enum class LogicalOperation { Unite, Intersect, Subtract };

    SegmentEditorDock(AppSettings& settings, JobRunner& jobs, QWidget* parent = nullptr);
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
    /// Takes the settings' undo budget to the editor (call after the settings changed).
    void applySettings();
    /// A whole-volume operation is running.
    bool isBusy() const;
    /// Stops the running operation; the label map stays as it was.
    void cancelOperation();

signals:
    /// After every edit, undo and redo (the label map's voxels changed).
    void edited();

private:
    class BrushTool;
    using Operation = std::function<void(viewer::LabelEditor&)>;
    void refreshLayers();
    void refreshLabels();
    void refreshOthers();
    /// Apply is off (with a tooltip saying why) for Intersect or Subtract with a label of the edited map.
    void refreshLogicalApply();
    bool logicalWithinMap() const;
    void refreshStatistics();
    void chooseLayer(int comboIndex);
    void resetEditor();
    void afterEdit();
    void runOperation(const char* name, const QString& title);
    void runLogicalOperation();
    void runJob(const QString& title, Operation operation);
    void jobEnded(JobStatus status, qint64 changed, const QString& message);
    void setBusy(bool busy);
    void installTool();

    struct State;
    std::unique_ptr<State> m;

    AppSettings& m_settings;
    LabelOperationRunner* m_operations = nullptr;
    QWidget* m_controls = nullptr; ///< all that edits; disabled while an operation runs
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
    QComboBox* m_logical = nullptr;
    QComboBox* m_other = nullptr;
    QPushButton* m_applyLogical = nullptr;
    QTableWidget* m_stats = nullptr;
    QLabel* m_memory = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace app
} // namespace radpath
