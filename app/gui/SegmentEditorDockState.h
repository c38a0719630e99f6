#pragma once
// SegmentEditorDock's insides, shared by its two source files: the state of the label map
// being edited and the mouse tool that edits it (SegmentEditorBrushTool.cpp). Not for
// other users.

#include "app/gui/SegmentEditorDock.h"
#include "viewer/model/LabelEditor.h"
#include "viewer/model/Layers.h"
#include "viewer/view/SliceInputTool.h"
#include "viewer/view/VolumeView.h"

#include <QMetaObject>
#include <QPointer>

#include <memory>

namespace radpath {
namespace app {

// The mouse in any plane of the view: strokes, fills and seeds for the dock's editor.
class SegmentEditorDock::BrushTool : public viewer::SliceInputTool {
public:
    explicit BrushTool(SegmentEditorDock& dock) : m_dock(dock) {}

    void press(const viewer::Vec3& lps, int normalAxis, Qt::KeyboardModifiers) override;
    void move(const viewer::Vec3& lps, int normalAxis) override;
    void release(const viewer::Vec3& lps, int normalAxis) override;
    double cursorRadiusMm() const override;

private:
    viewer::Brush brush(int normalAxis) const;
    viewer::VoxelIndex voxelAt(const viewer::Vec3& lps) const;
    /// One dab of the stroke; views redraw (and the map counts as edited) only when it changed voxels.
    void dab(const viewer::Vec3& lps, int normalAxis);
    SegmentEditorDock& m_dock;
};

struct SegmentEditorDock::State {
    QPointer<viewer::VolumeView> view;
    QPointer<viewer::LayerStack> stack;
    int layerId = -1;
    std::unique_ptr<viewer::LabelEditor> editor;
    std::unique_ptr<BrushTool> brush;
    QMetaObject::Connection structure;
    Tool tool = Tool::None;
};

} // namespace app
} // namespace radpath
