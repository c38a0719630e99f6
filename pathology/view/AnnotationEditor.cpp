#include "pathology/view/AnnotationEditor.h"

#include "pathology/annotation/GeometryOps.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <set>

namespace radpath {
namespace pathology {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kPickPx = 5.0;
constexpr double kSmallObject = 64.0;  // level-0 px across: a cell, not a region
constexpr double kPictureSize = 2048.0; // long side of the zoomed-out picture of small objects
constexpr double kPictureBelow = 12.0;  // screen px across a small object: below, the picture
constexpr std::size_t kCrowded = 300;   // objects in view: above, simple outlines

Ring circle(QPointF c, double radius, int corners = 32)
{
    Ring ring;
    for (int i = 0; i < corners; ++i) {
        const double t = 2 * kPi * i / corners;
        ring.push_back({c.x() + radius * std::cos(t), c.y() + radius * std::sin(t)});
    }
    return ring;
}

double segmentDistance(QPointF p, Vertex a, Vertex b)
{
    const QPointF pa(a.x, a.y), ab(b.x - a.x, b.y - a.y);
    const double len2 = QPointF::dotProduct(ab, ab);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - pa, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF q = pa + t * ab;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

double ringDistance(const Ring& ring, QPointF p, bool closed)
{
    double best = std::numeric_limits<double>::max();
    for (size_t i = 0; i + 1 < ring.size() + (closed ? 1 : 0); ++i)
        best = std::min(best, segmentDistance(p, ring[i], ring[(i + 1) % ring.size()]));
    if (ring.size() == 1)
        best = std::hypot(p.x() - ring[0].x, p.y() - ring[0].y);
    return best;
}

// Distance from `p` to the geometry's drawing: 0 inside a polygon.
double distanceTo(const Geometry& g, QPointF p)
{
    double best = std::numeric_limits<double>::max();
    for (const Polygon& polygon : polygonsOf(g)) {
        if (contains(polygon, p.x(), p.y()))
            return 0.0;
        best = std::min(best, ringDistance(polygon.outer, p, true));
    }
    if (const auto* point = std::get_if<Point>(&g))
        best = std::min(best, ringDistance({point->at}, p, false));
    if (const auto* points = std::get_if<MultiPoint>(&g))
        for (const Vertex& v : points->points)
            best = std::min(best, ringDistance({v}, p, false));
    if (const auto* line = std::get_if<LineString>(&g))
        best = std::min(best, ringDistance(line->points, p, false));
    return best;
}

QPainterPath pathOf(const Polygon& polygon)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    auto addRing = [&](const Ring& ring) {
        if (ring.empty())
            return;
        path.moveTo(ring[0].x, ring[0].y);
        for (size_t i = 1; i < ring.size(); ++i)
            path.lineTo(ring[i].x, ring[i].y);
        path.closeSubpath();
    };
    addRing(polygon.outer);
    for (const Ring& hole : polygon.holes)
        addRing(hole);
    return path;
}

} // namespace

void AnnotationEditor::reset(AnnotationSet set)
{
    m_set = std::move(set);
    m_undo.clear();
    m_redo.clear();
    m_selected.clear();
    m_state = State::Idle;
    m_changed = true;
    m_lodDirty = true;
}

void AnnotationEditor::setTool(AnnotationTool tool)
{
    cancel();
    m_tool = tool;
}

Annotation AnnotationEditor::make(Geometry geometry) const
{
    Annotation a;
    a.id = newAnnotationId();
    a.classification = m_class;
    a.geometry = std::move(geometry);
    return a;
}

Annotation AnnotationEditor::draft(QPointF from, QPointF to) const
{
    switch (m_tool) {
    case AnnotationTool::Rectangle:
        return make(Polygon{{{from.x(), from.y()}, {to.x(), from.y()}, {to.x(), to.y()}, {from.x(), to.y()}}, {}});
    case AnnotationTool::Ellipse: {
        const QPointF c = (from + to) / 2;
        const double rx = std::abs(to.x() - from.x()) / 2, ry = std::abs(to.y() - from.y()) / 2;
        Ring ring;
        for (int i = 0; i < 72; ++i) {
            const double t = 2 * kPi * i / 72;
            ring.push_back({c.x() + rx * std::cos(t), c.y() + ry * std::sin(t)});
        }
        return make(Polygon{ring, {}});
    }
    case AnnotationTool::Ruler: {
        Annotation ruler = make(LineString{{{from.x(), from.y()}, {to.x(), to.y()}}});
        ruler.name = tr("Ruler").toStdString();
        return ruler;
    }
    default: return make(Polygon{m_points, {}});
    }
}

std::string AnnotationEditor::pick(QPointF at, double pixel) const
{
    const double reach = kPickPx * pixel;
    const auto near = m_set.query({at.x() - reach, at.y() - reach, at.x() + reach, at.y() + reach});
    // The last drawn is on top.
    for (auto it = near.rbegin(); it != near.rend(); ++it)
        if (distanceTo((*it)->geometry, at) <= reach)
            return (*it)->id;
    return {};
}

bool AnnotationEditor::press(QPointF at, double pixel, bool erase)
{
    m_last = at;
    switch (m_tool) {
    case AnnotationTool::None: {
        // A vertex of the selected annotation first: it moves alone.
        if (const Annotation* current = m_selected.empty() ? nullptr : m_set.find(m_selected); current && !current->isLocked)
            if (const auto vertex = vertexAt(*current, at, pixel)) {
                m_moving = *current;
                m_vertex = *vertex;
                m_from = at;
                m_state = State::MovingVertex;
                return true;
            }
        m_selected = pick(at, pixel);
        const Annotation* picked = m_selected.empty() ? nullptr : m_set.find(m_selected);
        if (picked && !picked->isLocked) {
            m_moving = *picked;
            m_from = at;
            m_state = State::Moving;
        }
        return !m_selected.empty();
    }
    case AnnotationTool::Polygon:
        if (m_state != State::PolygonCorners) {
            m_points = {{at.x(), at.y()}};
            m_state = State::PolygonCorners;
        }
        m_points.push_back({at.x(), at.y()}); // the corner that follows the mouse
        return true;
    case AnnotationTool::Points: {
        commit({{std::nullopt, make(Point{{at.x(), at.y()}})}});
        m_selected = m_set.all().back()->id;
        return true;
    }
    case AnnotationTool::Brush:
        m_erasing = erase;
        m_stroke = Polygon{circle(at, m_brush / 2), {}};
        m_state = State::Brushing;
        return true;
    case AnnotationTool::Freehand:
        m_points = {{at.x(), at.y()}};
        m_state = State::Dragging;
        return true;
    default:
        m_from = at;
        m_state = State::Dragging;
        return true;
    }
}

bool AnnotationEditor::move(QPointF at, double)
{
    switch (m_state) {
    case State::Idle: return false;
    case State::PolygonCorners: m_points.back() = {at.x(), at.y()}; break;
    case State::Brushing: {
        // Stamps a quarter of the brush apart, so that a fast stroke has no gaps.
        const QPointF step = at - m_last;
        const double length = std::hypot(step.x(), step.y());
        const int stamps = int(length / std::max(1.0, m_brush / 4));
        for (int i = 1; i <= stamps; ++i)
            m_stroke = unite(*m_stroke, Polygon{circle(m_last + step * (double(i) / stamps), m_brush / 2), {}});
        if (stamps > 0)
            m_last = at;
        return true;
    }
    case State::Dragging:
        if (m_tool == AnnotationTool::Freehand)
            m_points.push_back({at.x(), at.y()});
        break;
    case State::Moving:
    case State::MovingVertex: break;
    }
    m_last = at;
    return true;
}

std::optional<AnnotationEditor::VertexRef> AnnotationEditor::vertexAt(const Annotation& a, QPointF at, double pixel) const
{
    const double reach = kPickPx * pixel;
    auto close = [&](const Vertex& v) { return std::hypot(v.x - at.x(), v.y - at.y()) <= reach; };
    const auto polygons = polygonsOf(a.geometry);
    for (int part = 0; part < int(polygons.size()); ++part) {
        const Polygon& polygon = polygons[size_t(part)];
        for (int ring = 0; ring <= int(polygon.holes.size()); ++ring) {
            const Ring& r = ring == 0 ? polygon.outer : polygon.holes[size_t(ring - 1)];
            for (int i = 0; i < int(r.size()); ++i)
                if (close(r[size_t(i)]))
                    return VertexRef{part, ring, i};
        }
    }
    if (const auto* line = std::get_if<LineString>(&a.geometry))
        for (int i = 0; i < int(line->points.size()); ++i)
            if (close(line->points[size_t(i)]))
                return VertexRef{-1, 0, i};
    return std::nullopt;
}

Geometry AnnotationEditor::withVertex(const Geometry& g, const VertexRef& v, QPointF to)
{
    Geometry out = g;
    const Vertex moved{to.x(), to.y()};
    auto inPolygon = [&](Polygon& p) {
        Ring& r = v.ring == 0 ? p.outer : p.holes[size_t(v.ring - 1)];
        r[size_t(v.index)] = moved;
    };
    if (auto* polygon = std::get_if<Polygon>(&out))
        inPolygon(*polygon);
    else if (auto* multi = std::get_if<MultiPolygon>(&out))
        inPolygon(multi->parts[size_t(v.part)]);
    else if (auto* line = std::get_if<LineString>(&out))
        line->points[size_t(v.index)] = moved;
    return out;
}

bool AnnotationEditor::release(QPointF at, double pixel)
{
    move(at, pixel);
    switch (m_state) {
    case State::Idle:
    case State::PolygonCorners: return m_state != State::Idle;
    case State::MovingVertex: {
        m_state = State::Idle;
        if (m_moving && at != m_from) {
            Annotation edited = *m_moving;
            edited.geometry = withVertex(m_moving->geometry, m_vertex, at);
            if (!isPolygonal(edited.geometry) || area(edited.geometry) > 0)
                commit({{m_moving, edited}});
        }
        m_moving.reset();
        return true;
    }
    case State::Moving: {
        m_state = State::Idle;
        const QPointF d = at - m_from;
        if (m_moving && (d.x() != 0 || d.y() != 0)) {
            Annotation moved = *m_moving;
            moved.geometry = translated(moved.geometry, d.x(), d.y());
            commit({{m_moving, moved}});
        }
        m_moving.reset();
        return true;
    }
    case State::Brushing: {
        m_state = State::Idle;
        std::vector<Change> changes;
        if (m_erasing) {
            // Erasing cuts the stroke out of every unlocked region it touches.
            const Box box = bounds(*m_stroke);
            for (const Annotation* a : m_set.query(box)) {
                if (a->isLocked || !isPolygonal(a->geometry))
                    continue;
                Annotation cut = *a;
                cut.geometry = subtract(a->geometry, *m_stroke);
                if (polygonsOf(cut.geometry).empty())
                    changes.push_back({*a, std::nullopt});
                else if (!(cut.geometry == a->geometry))
                    changes.push_back({*a, cut});
            }
        } else if (const Annotation* target = m_selected.empty() ? nullptr : m_set.find(m_selected);
                   target && !target->isLocked && isPolygonal(target->geometry)) {
            // Painting onto the selected region grows it.
            Annotation grown = *target;
            grown.geometry = unite(target->geometry, *m_stroke);
            changes.push_back({*target, grown});
        } else {
            Annotation painted = make(*m_stroke);
            m_selected = painted.id;
            changes.push_back({std::nullopt, painted});
        }
        m_stroke.reset();
        if (!changes.empty())
            commit(std::move(changes));
        return true;
    }
    case State::Dragging: break;
    }
    m_state = State::Idle;
    Annotation drawn = draft(m_from, at);
    const Box box = bounds(drawn.geometry);
    // A freehand outline that crosses itself still encloses something: judged by its box.
    const bool flat = m_tool == AnnotationTool::Freehand ? box.minX == box.maxX || box.minY == box.maxY
                      : isPolygonal(drawn.geometry)    ? std::abs(area(drawn.geometry)) <= 0
                                                       : box.minX == box.maxX && box.minY == box.maxY;
    if (!flat && (m_tool != AnnotationTool::Freehand || m_points.size() >= 3)) {
        m_selected = drawn.id;
        commit({{std::nullopt, drawn}});
    }
    m_points.clear();
    return true;
}

bool AnnotationEditor::doubleClick()
{
    return finish();
}

bool AnnotationEditor::finish()
{
    if (m_state != State::PolygonCorners)
        return false;
    m_state = State::Idle;
    m_points.pop_back(); // the corner under the mouse
    m_points.erase(std::unique(m_points.begin(), m_points.end(),
                               [](const Vertex& a, const Vertex& b) { return a.x == b.x && a.y == b.y; }),
                   m_points.end());
    if (m_points.size() >= 3) {
        Annotation polygon = make(Polygon{m_points, {}});
        if (area(polygon.geometry) > 0) {
            m_selected = polygon.id;
            commit({{std::nullopt, polygon}});
        }
    }
    m_points.clear();
    return true;
}

bool AnnotationEditor::cancel()
{
    const bool busy = m_state != State::Idle;
    m_state = State::Idle;
    m_points.clear();
    m_stroke.reset();
    m_moving.reset();
    return busy;
}

void AnnotationEditor::select(const std::string& id)
{
    m_selected = m_set.find(id) ? id : std::string();
}

bool AnnotationEditor::removeSelected()
{
    const Annotation* a = m_selected.empty() ? nullptr : m_set.find(m_selected);
    if (!a || a->isLocked || isBusy())
        return false;
    commit({{*a, std::nullopt}});
    m_selected.clear();
    return true;
}

bool AnnotationEditor::toggleLockSelected()
{
    const Annotation* a = m_selected.empty() ? nullptr : m_set.find(m_selected);
    if (!a || isBusy())
        return false;
    Annotation toggled = *a;
    toggled.isLocked = !a->isLocked;
    commit({{*a, toggled}});
    return true;
}

bool AnnotationEditor::classifySelected(const std::optional<PathClass>& pathClass)
{
    const Annotation* a = m_selected.empty() ? nullptr : m_set.find(m_selected);
    if (!a || isBusy())
        return false;
    Annotation classified = *a;
    classified.classification = pathClass;
    commit({{*a, classified}});
    return true;
}

void AnnotationEditor::apply(const std::vector<Change>& changes, bool forward)
{
    auto one = [this](const std::optional<Annotation>& from, const std::optional<Annotation>& to) {
        if (from && to)
            m_set.replace(*to);
        else if (to)
            m_set.add(*to);
        else if (from)
            m_set.remove(from->id);
    };
    if (forward)
        for (const Change& c : changes)
            one(c.before, c.after);
    else
        for (auto it = changes.rbegin(); it != changes.rend(); ++it)
            one(it->after, it->before);
    if (!m_selected.empty() && !m_set.find(m_selected))
        m_selected.clear();
    m_changed = true;
    m_lodDirty = true;
}

void AnnotationEditor::updateLevelOfDetail() const
{
    if (!m_lodDirty)
        return;
    m_lodDirty = false;
    m_large.clear();
    const double extent = std::max({m_slideSize.width(), m_slideSize.height(), 1.0});
    const double k = kPictureSize / extent; // picture pixels per level-0 pixel
    m_smallPicture = QImage(std::max(1, int(m_slideSize.width() * k)), std::max(1, int(m_slideSize.height() * k)),
                            QImage::Format_ARGB32_Premultiplied);
    m_smallPicture.fill(Qt::transparent);
    for (const Annotation* a : m_set.all()) {
        const Box box = bounds(a->geometry);
        if (std::hypot(box.maxX - box.minX, box.maxY - box.minY) >= kSmallObject) {
            m_large.push_back(a->id);
            continue;
        }
        const QRgb colour = a->classification ? (0xFF000000u | a->classification->rgb)
                                              : a->rgb ? (0xFF000000u | *a->rgb) : qRgb(255, 210, 60);
        const int x = int((box.minX + box.maxX) / 2 * k), y = int((box.minY + box.maxY) / 2 * k);
        if (x >= 0 && y >= 0 && x < m_smallPicture.width() && y < m_smallPicture.height())
            m_smallPicture.setPixel(x, y, colour);
    }
}

void AnnotationEditor::commit(std::vector<Change> changes)
{
    apply(changes, true);
    m_undo.push_back(std::move(changes));
    m_redo.clear();
}

void AnnotationEditor::addAll(std::vector<Annotation> list)
{
    std::vector<Change> changes;
    std::set<std::string> used; // ids repeated inside the file too
    for (Annotation& a : list) {
        if (a.id.empty() || m_set.find(a.id) || !used.insert(a.id).second)
            a.id = newAnnotationId();
        used.insert(a.id);
        changes.push_back({std::nullopt, std::move(a)});
    }
    if (!changes.empty())
        commit(std::move(changes));
}

bool AnnotationEditor::undo()
{
    if (m_undo.empty() || isBusy())
        return false;
    apply(m_undo.back(), false);
    m_redo.push_back(std::move(m_undo.back()));
    m_undo.pop_back();
    return true;
}

bool AnnotationEditor::redo()
{
    if (m_redo.empty() || isBusy())
        return false;
    apply(m_redo.back(), true);
    m_undo.push_back(std::move(m_redo.back()));
    m_redo.pop_back();
    return true;
}

void AnnotationEditor::paint(QPainter& p, const QTransform& toScreen, const QRectF& visible, const QRectF& only) const
{
    const QRectF drawn = only.isEmpty() ? visible : only.intersected(visible);
    p.save();
    p.setTransform(toScreen);
    p.setRenderHint(QPainter::Antialiasing);
    const double scale = std::hypot(toScreen.m11(), toScreen.m12()); // screen px per level-0 px
    auto colourOf = [](const Annotation& a) {
        if (a.classification)
            return QColor::fromRgb(a.classification->rgb);
        return a.rgb ? QColor::fromRgb(*a.rgb) : QColor(255, 210, 60);
    };
    // Crowded views (thousands of cells): simple outlines in one pass, in widget pixels,
    // without smoothing or fill, which the raster engine draws several times faster.
    bool crowded = false;
    QPolygon screen; // reused: the outline in widget pixels
    auto draw = [&](const Annotation& a, bool selected, QPointF offset) {
        const QColor colour = selected ? QColor(90, 205, 255) : colourOf(a);
        QPen pen(colour, selected ? 3 : 2);
        pen.setCosmetic(true);
        p.setPen(pen);
        QColor fill = colour;
        fill.setAlpha(selected ? 60 : 35);
        const Box box = bounds(a.geometry);
        // Objects a few screen pixels wide are a dot at this zoom.
        if ((box.maxX - box.minX) * scale < 3 && (box.maxY - box.minY) * scale < 3) {
            p.setBrush(colour);
            p.drawEllipse(QPointF((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2) + offset, 2 / scale, 2 / scale);
            return;
        }
        p.setBrush(fill);
        for (const Polygon& polygon : polygonsOf(a.geometry))
            p.drawPath(pathOf(polygon).translated(offset));
        p.setBrush(colour);
        auto dot = [&](const Vertex& v) { p.drawEllipse(QPointF(v.x, v.y) + offset, 4 / scale, 4 / scale); };
        if (const auto* point = std::get_if<Point>(&a.geometry))
            dot(point->at);
        if (const auto* points = std::get_if<MultiPoint>(&a.geometry))
            for (const Vertex& v : points->points)
                dot(v);
        if (const auto* line = std::get_if<LineString>(&a.geometry)) {
            QPolygonF polyline;
            for (const Vertex& v : line->points)
                polyline << QPointF(v.x, v.y) + offset;
            p.drawPolyline(polyline);
            // A ruler says its length.
            const double length = perimeter(a.geometry, m_mpp);
            const QPointF end = toScreen.map(polyline.back());
            p.save();
            p.resetTransform();
            p.setPen(colour);
            p.drawText(end + QPointF(8, -8), m_mpp ? tr("%1 µm").arg(length, 0, 'f', 1) : tr("%1 px").arg(length, 0, 'f', 1));
            p.restore();
        }
    };
    // Zoomed out, 100,000 cells would be 100,000 dots: the picture of small objects instead,
    // then the large ones and the selection.
    std::vector<const Annotation*> shown;
    if (scale * kSmallObject <= kPictureBelow) {
        updateLevelOfDetail();
        p.setRenderHint(QPainter::SmoothPixmapTransform, false);
        p.drawImage(QRectF(QPointF(0, 0), m_slideSize), m_smallPicture);
        const Box view{visible.left(), visible.top(), visible.right(), visible.bottom()};
        const Box part{drawn.left(), drawn.top(), drawn.right(), drawn.bottom()};
        std::size_t inView = 0;
        for (const std::string& id : m_large)
            if (const Annotation* a = m_set.find(id); a && bounds(a->geometry).intersects(view)) {
                ++inView;
                if (bounds(a->geometry).intersects(part))
                    shown.push_back(a);
            }
        if (const Annotation* a = m_selected.empty() ? nullptr : m_set.find(m_selected);
            a && std::find(shown.begin(), shown.end(), a) == shown.end())
            shown.push_back(a);
        crowded = inView + (m_selected.empty() ? 0 : 1) > kCrowded;
    } else {
        shown = m_set.query({drawn.left(), drawn.top(), drawn.right(), drawn.bottom()});
        crowded = (drawn == visible ? shown.size() : m_set.count({visible.left(), visible.top(), visible.right(), visible.bottom()})) > kCrowded;
    }
    auto simple = [&](const Annotation* a) {
        const auto* polygon = std::get_if<Polygon>(&a->geometry);
        return crowded && a->id != m_selected && polygon && polygon->holes.empty() ? polygon : nullptr;
    };
    if (crowded) {
        p.save();
        p.resetTransform();
        p.setRenderHint(QPainter::Antialiasing, false);
        p.setBrush(Qt::NoBrush);
        QRgb pen = 0;
        for (const Annotation* a : shown)
            if (const Polygon* polygon = simple(a)) {
                const QRgb colour = colourOf(*a).rgb();
                if (colour != pen) {
                    p.setPen(QPen(QColor::fromRgb(colour), 1));
                    pen = colour;
                }
                screen.resize(int(polygon->outer.size()));
                for (int i = 0; i < screen.size(); ++i)
                    screen[i] = toScreen.map(QPointF(polygon->outer[size_t(i)].x, polygon->outer[size_t(i)].y)).toPoint();
                p.drawPolygon(screen);
            }
        p.restore();
    }
    for (const Annotation* a : shown) {
        if (simple(a))
            continue;
        const bool selected = a->id == m_selected;
        if (selected && m_state == State::MovingVertex && m_moving) {
            Annotation preview = *m_moving;
            preview.geometry = withVertex(m_moving->geometry, m_vertex, m_last);
            draw(preview, true, {});
            continue;
        }
        const QPointF offset = selected && m_state == State::Moving ? m_last - m_from : QPointF();
        draw(*a, selected, offset);
        // The selected region's vertices are handles.
        if (selected && !a->isLocked) {
            p.setBrush(QColor(90, 205, 255));
            for (const Polygon& polygon : polygonsOf(a->geometry))
                for (const Vertex& v : polygon.outer)
                    p.drawRect(QRectF(QPointF(v.x, v.y) + offset - QPointF(3 / scale, 3 / scale), QSizeF(6 / scale, 6 / scale)));
        }
    }
    // What is being drawn.
    if (m_state == State::Dragging)
        draw(draft(m_from, m_last), true, {});
    if (m_state == State::PolygonCorners || (m_state == State::Dragging && m_tool == AnnotationTool::Freehand)) {
        QPen pen(QColor(90, 205, 255), 2);
        pen.setCosmetic(true);
        p.setPen(pen);
        QPolygonF line;
        for (const Vertex& v : m_points)
            line << QPointF(v.x, v.y);
        p.drawPolyline(line);
    }
    if (m_state == State::Brushing && m_stroke) {
        Annotation stroke;
        stroke.geometry = *m_stroke;
        draw(stroke, true, {});
    }
    p.restore();
}

} // namespace pathology
} // namespace radpath
