#pragma once
// Drawing, picking, moving and deleting measurements on a slice view, with undo. The view
// hands it mouse positions and a projection between its widget and the slice plane; the
// editor keeps the list and paints it.

#include "viewer/model/Measurement.h"

#include <QCoreApplication>
#include <QPointF>

#include <functional>
#include <vector>

class QPainter;

namespace radpath {
namespace viewer {

class Volume;

/// Where the slice plane is on the widget, for one event or one paint.
struct SliceProjection {
    std::function<Vec3(QPointF)> toPatient;
    std::function<QPointF(const Vec3&)> toWidget;
    Vec3 right{1, 0, 0}; ///< unit screen axes in LPS
    Vec3 up{0, 1, 0};
    int slice = 0;           ///< the volume's own slice index, stored with new measurements
    Vec3 planePoint{0, 0, 0}; ///< the plane shown: a point of it, its normal and how close
    Vec3 planeNormal{0, 0, 1}; ///< (mm) a measurement's points must be to count as on it
    double planeTolerance = 0.5;

    /// Whether every point of `m` lies on the plane shown.
    bool shows(const Measurement& m) const;
};

enum class MeasureTool { None, Length, Angle, Rectangle, Ellipse, Polygon };

/// GUI thread only. Interaction, by tool:
/// - Length, rectangle, ellipse: drag from one end (corner) to the other.
/// - Angle: drag the first arm to the vertex, release, then click the end of the second arm.
/// - Polygon: click the corners; double-click, Enter or a click on the first corner closes it.
/// - With any tool, pressing on a measurement of the slice selects it: a handle moves that
///   point, the outline moves the whole. Delete removes the selected one (else the last).
class MeasurementEditor {
    Q_DECLARE_TR_FUNCTIONS(MeasurementEditor)
public:
    const std::vector<Measurement>& measurements() const { return m_list; }
    /// Replaces the list (a loaded document): not undoable, clears undo and selection.
    void reset(std::vector<Measurement> list);
    void setTool(MeasureTool tool);
    MeasureTool tool() const { return m_tool; }

    int selected() const { return m_selected; }
    void select(int index);

    /// Mouse events with the left button; true when the editor used the event.
    bool press(QPointF pos, const SliceProjection& view);
    bool move(QPointF pos, const SliceProjection& view);
    bool release(QPointF pos, const SliceProjection& view);
    bool doubleClick(QPointF pos, const SliceProjection& view);
    bool isBusy() const { return m_state != State::Idle; }
    /// Enter: closes a polygon being drawn.
    bool finish();
    /// Escape: drops what is being drawn.
    bool cancel();
    /// The selected measurement, else the last one.
    bool removeSelected();
    void clear();
    bool undo();
    bool redo();

    /// True once after each change of the list (drawn, moved, deleted, undone, reset).
    bool takeChanged();
    /// Index of the measurement added by the last change, or -1.
    int lastAdded() const { return m_lastAdded; }

    /// Region statistics, cached until the list or the voxels change.
    RegionStatistics statistics(const Volume& volume, int index) const;
    void invalidateStatistics() { m_stats.clear(); }

    void paint(QPainter& painter, const SliceProjection& view, const Volume& volume) const;
    /// Short text shown beside a measurement, e.g. "12.5 mm" or "314.2 mm²  mean 40 ± 8 HU".
    QString label(const Volume& volume, int index) const;

private:
    enum class State { Idle, Dragging, AngleSecondArm, PolygonCorners, MovingPoint, MovingWhole };

    void commit(std::vector<Measurement> next);
    bool step(std::vector<std::vector<Measurement>>& from, std::vector<std::vector<Measurement>>& to);
    Measurement shapeFromDrag(const Vec3& from, const Vec3& to, const SliceProjection& view) const;
    /// Index of the measurement under `pos` on this slice, and its handle (-1: the outline).
    std::pair<int, int> hit(QPointF pos, const SliceProjection& view) const;
    Measurement movedPoint(const Measurement& m, int handle, const Vec3& to) const;

    std::vector<Measurement> m_list;
    std::vector<std::vector<Measurement>> m_undo, m_redo;
    MeasureTool m_tool = MeasureTool::None;
    State m_state = State::Idle;
    Measurement m_current;         // being drawn
    Vec3 m_dragFrom{0, 0, 0};
    std::vector<Measurement> m_beforeMove;
    int m_handle = -1;
    int m_selected = -1;
    int m_lastAdded = -1;
    bool m_changed = false;
    bool m_moved = false;
    mutable std::vector<std::pair<bool, RegionStatistics>> m_stats;
};

} // namespace viewer
} // namespace radpath
