#include "app/gui/SegmentEditorDockState.h"

#include <QCheckBox>
#include <QDoubleSpinBox>

#include <algorithm>
#include <cmath>
#include <optional>

namespace radpath {
namespace app {

viewer::Brush SegmentEditorDock::BrushTool::brush(int normalAxis) const
{
    viewer::Brush b;
    b.label = m_dock.currentLabel();
    b.radiusMm = m_dock.m_radius->value();
    b.sphere = m_dock.m_sphere->isChecked();
    b.sliceAxis = normalAxis;
    b.erase = m_dock.tool() == Tool::Erase;
    if (m_dock.m_limit->isChecked())
        b.range = viewer::ValueRange{m_dock.m_low->value(), m_dock.m_high->value()};
    return b;
}

viewer::VoxelIndex SegmentEditorDock::BrushTool::voxelAt(const viewer::Vec3& lps) const
{
    const viewer::Vec3 c = m_dock.m->editor->labels().geometry().physicalToIndex(lps);
    return {int(std::lround(c[0])), int(std::lround(c[1])), int(std::lround(c[2]))};
}

void SegmentEditorDock::BrushTool::press(const viewer::Vec3& lps, int normalAxis, Qt::KeyboardModifiers)
{
    viewer::LabelEditor* editor = m_dock.m->editor.get();
    if (!editor || m_dock.currentLabel() <= 0 || m_dock.isBusy())
        return;
    switch (m_dock.tool()) {
    case Tool::Paint:
    case Tool::Erase:
        editor->beginStroke();
        editor->dab(lps, brush(normalAxis));
        m_dock.m->stack->voxelsChanged(m_dock.layerIndex());
        break;
    case Tool::Fill: {
        std::optional<viewer::ValueRange> range;
        if (m_dock.m_limit->isChecked())
            range = viewer::ValueRange{m_dock.m_low->value(), m_dock.m_high->value()};
        editor->floodFill2D(voxelAt(lps), normalAxis, m_dock.currentLabel(), range);
        m_dock.afterEdit();
        break;
    }
    case Tool::Grow: {
        // Region growing from the click: within the HU range when one is set, else from
        // the statistics around the seed.
        const viewer::VoxelIndex seed = voxelAt(lps);
        const int label = m_dock.currentLabel();
        const std::optional<viewer::ValueRange> range =
            m_dock.m_limit->isChecked()
                ? std::optional<viewer::ValueRange>(viewer::ValueRange{m_dock.m_low->value(), m_dock.m_high->value()})
                : std::nullopt;
        m_dock.runJob(SegmentEditorDock::tr("Region growing"), [seed, label, range](viewer::LabelEditor& copy) {
            if (range)
                copy.regionGrow(seed, label, range->lower, range->upper);
            else
                copy.regionGrowConfident(seed, label);
        });
        break;
    }
    case Tool::None:
        break;
    }
}

void SegmentEditorDock::BrushTool::move(const viewer::Vec3& lps, int normalAxis)
{
    viewer::LabelEditor* editor = m_dock.m->editor.get();
    if (editor && editor->inStroke()) {
        editor->dab(lps, brush(normalAxis));
        m_dock.m->stack->voxelsChanged(m_dock.layerIndex());
    }
}

void SegmentEditorDock::BrushTool::release(const viewer::Vec3&, int)
{
    viewer::LabelEditor* editor = m_dock.m->editor.get();
    if (editor && editor->inStroke()) {
        editor->endStroke();
        m_dock.afterEdit();
    }
}

double SegmentEditorDock::BrushTool::cursorRadiusMm() const
{
    return m_dock.tool() == Tool::Paint || m_dock.tool() == Tool::Erase ? m_dock.m_radius->value() : 0.0;
}

} // namespace app
} // namespace radpath
