#include "app/gui/SegmentEditorDockState.h"

#include <QCheckBox>
#include <QDoubleSpinBox>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace radpath {
namespace app {
namespace {

// Voxels holding `label` in a box around a dab of `brush` at `lps` that holds all the
// voxels the dab may change: it paints `label` or erases only it, so the dab changed
// voxels exactly when this count changes.
std::size_t labelVoxelsUnder(const viewer::Volume& labels, const viewer::Vec3& lps, const viewer::Brush& brush)
{
    const viewer::ImageGeometry& g = labels.geometry();
    const viewer::Vec3 c = g.physicalToIndex(lps);
    std::array<int, 3> lo{}, hi{};
    for (std::size_t a = 0; a < 3; ++a) {
        const double reach = brush.radiusMm / g.spacing[a];
        lo[a] = std::max(0, int(std::floor(c[a] - reach)) - 1);
        hi[a] = std::min(g.size[a] - 1, int(std::ceil(c[a] + reach)) + 1);
    }
    if (!brush.sphere) { // the slice through the centre
        const auto axis = std::size_t(std::clamp(brush.sliceAxis, 0, 2));
        lo[axis] = std::max(lo[axis], int(std::lround(c[axis])));
        hi[axis] = std::min(hi[axis], int(std::lround(c[axis])));
    }
    return viewer::visitPixelType(labels.pixelType(), [&](auto zero) {
        using T = decltype(zero);
        const T* voxels = labels.voxels<T>();
        std::size_t n = 0;
        for (int k = lo[2]; k <= hi[2]; ++k)
            for (int j = lo[1]; j <= hi[1]; ++j)
                for (int i = lo[0]; i <= hi[0]; ++i)
                    n += voxels[labels.linearIndex(i, j, k)] == T(brush.label);
        return n;
    });
}

} // namespace

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
        dab(lps, normalAxis);
        break;
    case Tool::Fill: {
        std::optional<viewer::ValueRange> range;
        if (m_dock.m_limit->isChecked())
            range = viewer::ValueRange{m_dock.m_low->value(), m_dock.m_high->value()};
        if (editor->floodFill2D(voxelAt(lps), normalAxis, m_dock.currentLabel(), range) > 0)
            m_dock.afterEdit(); // a fill of voxels that hold the label already leaves an AI map unedited
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
    if (editor && editor->inStroke())
        dab(lps, normalAxis);
}

void SegmentEditorDock::BrushTool::dab(const viewer::Vec3& lps, int normalAxis)
{
    viewer::LabelEditor& editor = *m_dock.m->editor;
    const viewer::Brush b = brush(normalAxis);
    const std::size_t before = labelVoxelsUnder(editor.labels(), lps, b);
    editor.dab(lps, b);
    // Views draw the dab; one that changed nothing leaves an AI label map unedited.
    if (labelVoxelsUnder(editor.labels(), lps, b) != before)
        m_dock.m->stack->voxelsChanged(m_dock.layerIndex());
}

void SegmentEditorDock::BrushTool::release(const viewer::Vec3&, int)
{
    viewer::LabelEditor* editor = m_dock.m->editor.get();
    if (editor && editor->inStroke()) {
        if (editor->endStroke() > 0)
            m_dock.afterEdit();
        else
            m_dock.refreshStatistics(); // the undo buttons: no step was kept
    }
}

double SegmentEditorDock::BrushTool::cursorRadiusMm() const
{
    return m_dock.tool() == Tool::Paint || m_dock.tool() == Tool::Erase ? m_dock.m_radius->value() : 0.0;
}

} // namespace app
} // namespace radpath
