#include "viewer/view/MeasurementEditor.h"

#include "viewer/model/Volume.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace radpath {
namespace viewer {
namespace {

constexpr double kHandlePx = 7.0;  // pick distance to a point
constexpr double kOutlinePx = 5.0; // pick distance to a line
constexpr double kPi = 3.14159265358979323846;


double distance(QPointF a, QPointF b) { return std::hypot(a.x() - b.x(), a.y() - b.y()); }

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    return distance(p, a + t * ab);
}

// The outline as drawn, in widget pixels; closed for regions.
QPolygonF outline(const Measurement& m, const SliceProjection& view)
{
    QPolygonF poly;
    if (m.kind == MeasurementKind::Ellipse && m.points.size() == 3) {
        const Vec3 u = sub(m.points[1], m.points[0]), v = sub(m.points[2], m.points[0]);
        for (int s = 0; s <= 72; ++s) {
            const double t = 2 * kPi * s / 72;
            poly << view.toWidget(add(m.points[0], add(scale(u, std::cos(t)), scale(v, std::sin(t)))));
        }
        return poly;
    }
    for (const Vec3& p : m.points)
        poly << view.toWidget(p);
    if (m.isRegion() && !m.points.empty())
        poly << view.toWidget(m.points.front());
    return poly;
}

} // namespace

bool SliceProjection::shows(const Measurement& m) const
{
    return !m.points.empty() && std::all_of(m.points.begin(), m.points.end(), [this](const Vec3& p) {
        return std::abs(dot(sub(p, planePoint), planeNormal)) <= planeTolerance;
    });
}

void MeasurementEditor::reset(std::vector<Measurement> list)
{
    m_list = std::move(list);
    m_undo.clear();
    m_redo.clear();
    m_state = State::Idle;
    m_selected = -1;
    m_lastAdded = -1;
    m_stats.clear();
    m_changed = true;
}

void MeasurementEditor::setTool(MeasureTool tool)
{
    cancel();
    m_tool = tool;
}

void MeasurementEditor::select(int index)
{
    if (m_state == State::MovingPoint || m_state == State::MovingWhole)
        cancel(); // the move belonged to the measurement selected before
    m_selected = index >= 0 && index < int(m_list.size()) ? index : -1;
}

void MeasurementEditor::commit(std::vector<Measurement> next)
{
    m_undo.push_back(m_list);
    m_redo.clear();
    m_list = std::move(next);
    m_stats.clear();
    m_changed = true;
    m_lastAdded = -1;
    if (m_selected >= int(m_list.size()))
        m_selected = -1;
}

bool MeasurementEditor::takeChanged()
{
    return std::exchange(m_changed, false);
}

Measurement MeasurementEditor::shapeFromDrag(const Vec3& from, const Vec3& to, const SliceProjection& view) const
{
    Measurement m;
    m.slice = view.slice;
    switch (m_tool) {
    case MeasureTool::Rectangle:
    case MeasureTool::Ellipse: {
        // Sides along the screen axes, whatever the slice's own axes.
        const Vec3 d = sub(to, from);
        const Vec3 a = scale(view.right, dot(d, view.right)), b = scale(view.up, dot(d, view.up));
        if (m_tool == MeasureTool::Rectangle) {
            m.kind = MeasurementKind::Rectangle;
            m.points = {from, add(from, a), add(add(from, a), b), add(from, b)};
        } else {
            m.kind = MeasurementKind::Ellipse;
            const Vec3 c = add(from, scale(add(a, b), 0.5));
            m.points = {c, add(c, scale(a, 0.5)), add(c, scale(b, 0.5))};
        }
        break;
    }
    default:
        m.kind = MeasurementKind::Length;
        m.points = {from, to};
        break;
    }
    return m;
}

std::pair<int, int> MeasurementEditor::hit(QPointF pos, const SliceProjection& view) const
{
    // Handles first (the selected measurement's before the others'), then outlines.
    std::vector<int> order;
    if (m_selected >= 0)
        order.push_back(m_selected);
    for (int i = int(m_list.size()) - 1; i >= 0; --i)
        if (i != m_selected)
            order.push_back(i);
    for (int i : order) {
        const Measurement& m = m_list[size_t(i)];
        if (!view.shows(m))
            continue;
        for (int h = 0; h < int(m.points.size()); ++h)
            if (distance(view.toWidget(m.points[size_t(h)]), pos) <= kHandlePx)
                return {i, h};
    }
    for (int i : order) {
        const Measurement& m = m_list[size_t(i)];
        if (!view.shows(m))
            continue;
        const QPolygonF line = outline(m, view);
        for (int s = 0; s + 1 < line.size(); ++s)
            if (distanceToSegment(pos, line[s], line[s + 1]) <= kOutlinePx)
                return {i, -1};
    }
    return {-1, -1};
}

Measurement MeasurementEditor::movedPoint(const Measurement& m, int handle, const Vec3& to) const
{
    Measurement out = m;
    auto& p = out.points;
    if (m.kind == MeasurementKind::Ellipse) {
        if (handle == 0)
            return m.translated(sub(to, p[0]));
        // A semi-axis keeps its direction and takes the new length.
        const Vec3 axis = sub(p[size_t(handle)], p[0]);
        const double len = norm(axis);
        if (len > 0)
            p[size_t(handle)] = add(p[0], scale(axis, std::abs(dot(sub(to, p[0]), axis)) / (len * len)));
        return out;
    }
    if (m.kind == MeasurementKind::Rectangle && p.size() == 4) {
        // The opposite corner stays; the sides keep their directions.
        const Vec3 opposite = p[size_t((handle + 2) % 4)];
        Vec3 e1 = sub(p[1], p[0]), e2 = sub(p[3], p[0]);
        if (norm(e1) == 0 || norm(e2) == 0) {
            p[size_t(handle)] = to;
            return out;
        }
        e1 = scale(e1, 1 / norm(e1));
        e2 = scale(e2, 1 / norm(e2));
        const Vec3 d = sub(to, opposite);
        const Vec3 q1 = add(opposite, scale(e1, dot(d, e1))), q2 = add(opposite, scale(e2, dot(d, e2)));
        const size_t next = size_t((handle + 1) % 4), previous = size_t((handle + 3) % 4);
        const bool keepOrder = norm(sub(q1, p[next])) + norm(sub(q2, p[previous])) <=
                               norm(sub(q2, p[next])) + norm(sub(q1, p[previous]));
        p[size_t(handle)] = add(opposite, add(scale(e1, dot(d, e1)), scale(e2, dot(d, e2))));
        p[next] = keepOrder ? q1 : q2;
        p[previous] = keepOrder ? q2 : q1;
        return out;
    }
    p[size_t(handle)] = to;
    return out;
}

bool MeasurementEditor::press(QPointF pos, const SliceProjection& view)
{
    const Vec3 at = view.toPatient(pos);
    if (m_state == State::AngleSecondArm) {
        m_current.points[2] = at;
        m_state = State::Dragging; // finished on release
        return true;
    }
    if (m_state == State::PolygonCorners) {
        const bool closes = m_current.points.size() >= 4 && distance(view.toWidget(m_current.points.front()), pos) <= kHandlePx;
        if (closes)
            return finish();
        m_current.points.back() = at;
        m_current.points.push_back(at); // the corner that follows the mouse
        return true;
    }
    const auto [index, handle] = hit(pos, view);
    if (index >= 0) {
        m_selected = index;
        m_beforeMove = m_list;
        m_handle = handle;
        m_dragFrom = at;
        m_moved = false;
        m_state = handle >= 0 ? State::MovingPoint : State::MovingWhole;
        return true;
    }
    if (m_tool == MeasureTool::None) {
        m_selected = -1;
        return false;
    }
    m_selected = -1;
    m_dragFrom = at;
    switch (m_tool) {
    case MeasureTool::Angle:
        m_current = {MeasurementKind::Angle, view.slice, {at, at, at}};
        m_state = State::Dragging;
        break;
    case MeasureTool::Polygon:
        m_current = {MeasurementKind::Polygon, view.slice, {at, at}};
        m_state = State::PolygonCorners;
        break;
    default:
        m_current = shapeFromDrag(at, at, view);
        m_state = State::Dragging;
        break;
    }
    return true;
}

bool MeasurementEditor::move(QPointF pos, const SliceProjection& view)
{
    const Vec3 at = view.toPatient(pos);
    switch (m_state) {
    case State::Idle: return false;
    case State::Dragging:
        if (m_current.kind == MeasurementKind::Angle) {
            // Before the first release the drag sets the vertex; after it, the second arm.
            if (norm(sub(m_current.points[2], m_current.points[1])) == 0)
                m_current.points[1] = m_current.points[2] = at;
            else
                m_current.points[2] = at;
        } else {
            m_current = shapeFromDrag(m_dragFrom, at, view);
        }
        return true;
    case State::AngleSecondArm: m_current.points[2] = at; return true;
    case State::PolygonCorners: m_current.points.back() = at; return true;
    case State::MovingPoint:
    case State::MovingWhole: {
        Measurement& m = m_list[size_t(m_selected)];
        const Measurement& before = m_beforeMove[size_t(m_selected)];
        m = m_state == State::MovingWhole ? before.translated(sub(at, m_dragFrom)) : movedPoint(before, m_handle, at);
        m_moved = true;
        m_stats.clear();
        return true;
    }
    }
    return false;
}

bool MeasurementEditor::release(QPointF pos, const SliceProjection& view)
{
    switch (m_state) {
    case State::Idle:
    case State::AngleSecondArm:
    case State::PolygonCorners: return m_state != State::Idle;
    case State::MovingPoint:
    case State::MovingWhole: {
        move(pos, view);
        m_state = State::Idle;
        if (m_moved && m_list[size_t(m_selected)].isValid()) {
            std::vector<Measurement> moved = m_list;
            m_list = m_beforeMove;
            const int selected = m_selected;
            commit(std::move(moved));
            m_selected = selected;
        } else {
            m_list = m_beforeMove;
            m_stats.clear();
        }
        return true;
    }
    case State::Dragging: break;
    }
    move(pos, view);
    if (m_current.kind == MeasurementKind::Angle && norm(sub(m_current.points[2], m_current.points[1])) == 0) {
        // First arm drawn: the second follows the mouse until the next click.
        if (norm(sub(m_current.points[1], m_current.points[0])) == 0) {
            m_state = State::Idle;
            return true;
        }
        m_state = State::AngleSecondArm;
        return true;
    }
    m_state = State::Idle;
    if (!m_current.isValid())
        return true;
    auto next = m_list;
    next.push_back(m_current);
    commit(std::move(next));
    m_lastAdded = m_selected = int(m_list.size()) - 1;
    return true;
}

bool MeasurementEditor::doubleClick(QPointF, const SliceProjection&)
{
    // The double-click's first press added its corner; the rubber corner goes in finish().
    return finish();
}

bool MeasurementEditor::finish()
{
    if (m_state != State::PolygonCorners)
        return false;
    m_state = State::Idle;
    Measurement polygon = m_current;
    // Drop the corner under the mouse and repeated corners.
    polygon.points.pop_back();
    polygon.points.erase(std::unique(polygon.points.begin(), polygon.points.end()), polygon.points.end());
    if (polygon.points.size() < 3 || !polygon.isValid())
        return true;
    auto next = m_list;
    next.push_back(polygon);
    commit(std::move(next));
    m_lastAdded = m_selected = int(m_list.size()) - 1;
    return true;
}

bool MeasurementEditor::cancel()
{
    if (m_state == State::MovingPoint || m_state == State::MovingWhole) {
        m_list = m_beforeMove;
        m_stats.clear();
    }
    const bool busy = m_state != State::Idle;
    m_state = State::Idle;
    return busy;
}

bool MeasurementEditor::removeSelected()
{
    if (m_state == State::MovingPoint || m_state == State::MovingWhole)
        cancel();
    if (m_list.empty())
        return false;
    auto next = m_list;
    next.erase(next.begin() + (m_selected >= 0 ? m_selected : int(next.size()) - 1));
    m_selected = -1;
    commit(std::move(next));
    return true;
}

void MeasurementEditor::clear()
{
    cancel();
    m_selected = -1;
    commit({});
}

bool MeasurementEditor::undo()
{
    return step(m_undo, m_redo);
}

bool MeasurementEditor::redo()
{
    return step(m_redo, m_undo);
}

// Back (undo) or forward (redo) one list: the current one goes on the other stack.
bool MeasurementEditor::step(std::vector<std::vector<Measurement>>& from, std::vector<std::vector<Measurement>>& to)
{
    if (from.empty() || isBusy())
        return false;
    to.push_back(std::move(m_list));
    m_list = std::move(from.back());
    from.pop_back();
    m_selected = -1;
    m_stats.clear();
    m_changed = true;
    return true;
}

RegionStatistics MeasurementEditor::statistics(const Volume& volume, int index) const
{
    if (index < 0 || index >= int(m_list.size()) || !m_list[size_t(index)].isRegion())
        return {};
    m_stats.resize(m_list.size());
    auto& cached = m_stats[size_t(index)];
    if (!cached.first)
        cached = {true, regionStatistics(volume, m_list[size_t(index)])};
    return cached.second;
}

QString MeasurementEditor::label(const Volume& volume, int index) const
{
    const Measurement& m = m_list[size_t(index)];
    switch (m.kind) {
    case MeasurementKind::Length: return tr("%1 mm").arg(m.lengthMm(), 0, 'f', 1);
    case MeasurementKind::Angle: return tr("%1°").arg(m.angleDegrees(), 0, 'f', 1);
    default: break;
    }
    const RegionStatistics s = statistics(volume, index);
    const QString units = QString::fromStdString(volume.info().units);
    return tr("%1 mm²\nMean %2 ± %3 %4\nMin %5  Max %6")
        .arg(m.areaMm2(), 0, 'f', 1)
        .arg(s.mean, 0, 'f', 1)
        .arg(s.sd, 0, 'f', 1)
        .arg(units)
        .arg(s.min, 0, 'g', 6)
        .arg(s.max, 0, 'g', 6)
        .trimmed();
}

void MeasurementEditor::paint(QPainter& p, const SliceProjection& view, const Volume& volume) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QColor normal(255, 210, 60), active(90, 205, 255);
    auto draw = [&](const Measurement& m, const QColor& colour, bool handles, const QString& text) {
        p.setPen(QPen(colour, 2));
        p.setBrush(Qt::NoBrush);
        const QPolygonF line = outline(m, view);
        p.drawPolyline(line);
        if (handles) {
            p.setBrush(colour);
            for (const Vec3& point : m.points)
                p.drawRect(QRectF(view.toWidget(point) - QPointF(3, 3), QSizeF(6, 6)));
        } else if (m.kind == MeasurementKind::Length) {
            for (const QPointF& end : line)
                p.drawEllipse(end, 3, 3);
        }
        if (text.isEmpty())
            return;
        // Beside the right-most point, shadowed for any background.
        QPointF anchor = line.front();
        for (const QPointF& q : line)
            if (q.x() > anchor.x())
                anchor = q;
        const QRectF box(anchor + QPointF(8, -8), QSizeF(260, 60));
        p.setPen(QColor(0, 0, 0, 200));
        p.drawText(box.translated(1, 1), Qt::AlignLeft | Qt::AlignTop, text);
        p.setPen(colour);
        p.drawText(box, Qt::AlignLeft | Qt::AlignTop, text);
    };
    for (int i = 0; i < int(m_list.size()); ++i) {
        const Measurement& m = m_list[size_t(i)];
        if (view.shows(m))
            draw(m, i == m_selected ? active : normal, i == m_selected, label(volume, i));
    }
    if (m_state == State::Dragging || m_state == State::AngleSecondArm || m_state == State::PolygonCorners) {
        QString text;
        if (m_current.kind == MeasurementKind::Length)
            text = tr("%1 mm").arg(m_current.lengthMm(), 0, 'f', 1);
        else if (m_current.kind == MeasurementKind::Angle && m_state == State::AngleSecondArm)
            text = tr("%1°").arg(m_current.angleDegrees(), 0, 'f', 1);
        else if (m_current.isRegion() && m_state == State::Dragging)
            text = tr("%1 mm²").arg(m_current.areaMm2(), 0, 'f', 1);
        Measurement shown = m_current;
        if (shown.kind == MeasurementKind::Polygon)
            shown.kind = MeasurementKind::Length; // open until closed
        draw(shown, active, false, text);
    }
    p.restore();
}

} // namespace viewer
} // namespace radpath
