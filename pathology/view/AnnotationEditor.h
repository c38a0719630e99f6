#pragma once
// Drawing and editing slide annotations: rectangle, ellipse, polygon, freehand, brush (add
// and erase), points and ruler; pick, move, lock, delete; undo and redo. Coordinates are
// level-0 pixels; the view hands over positions already mapped to the slide.

#include "pathology/annotation/AnnotationSet.h"

#include <QCoreApplication>
#include <QPointF>
#include <QRectF>
#include <QImage>
#include <QSizeF>
#include <QTransform>

#include <optional>
#include <vector>

class QPainter;

namespace radpath {
namespace pathology {

enum class AnnotationTool { None, Rectangle, Ellipse, Polygon, Freehand, Brush, Points, Ruler };

/// GUI thread only.
class AnnotationEditor {
    Q_DECLARE_TR_FUNCTIONS(AnnotationEditor)
public:
    AnnotationSet& annotations() { return m_set; }
    const AnnotationSet& annotations() const { return m_set; }
    /// Replaces everything (a loaded file): not undoable.
    void reset(AnnotationSet set);

    void setTool(AnnotationTool tool);
    AnnotationTool tool() const { return m_tool; }
    /// Class given to new annotations (none: unclassified).
    void setCurrentClass(std::optional<PathClass> pathClass) { m_class = std::move(pathClass); }
    /// Brush diameter in level-0 pixels; Alt while brushing erases.
    void setBrushSize(double level0Pixels) { m_brush = level0Pixels; }
    void setMpp(std::optional<std::array<double, 2>> mpp) { m_mpp = mpp; }
    /// The slide's level-0 size: the extent of the low-zoom picture of small objects.
    void setSlideSize(QSizeF size) { m_slideSize = size; m_lodDirty = true; }

    /// Mouse with the left button, positions in level-0 pixels; `pixel` is the size of one
    /// screen pixel in level-0 pixels (for picking). True when the editor used the event.
    bool press(QPointF at, double pixel, bool erase);
    bool move(QPointF at, double pixel);
    bool release(QPointF at, double pixel);
    bool doubleClick();
    /// Enter closes a polygon; Escape drops what is being drawn.
    bool finish();
    bool cancel();
    bool isBusy() const { return m_state != State::Idle; }

    const std::string& selected() const { return m_selected; }
    void select(const std::string& id);
    bool removeSelected();
    bool toggleLockSelected();
    /// Gives the selected annotation `pathClass`.
    bool classifySelected(const std::optional<PathClass>& pathClass);
    /// Adds `list` as one undoable change (imported from a file); ids already in use get new ones.
    void addAll(std::vector<Annotation> list);
    bool undo();
    bool redo();
    /// True once after each change of the set.
    bool takeChanged() { return std::exchange(m_changed, false); }

    /// Draws what meets `visible` (level-0); `toScreen` maps level-0 to widget pixels.
    /// `only` (level-0, empty: all of `visible`) limits the drawing to what meets it, for a
    /// view drawn in parts; how objects are drawn still follows all of `visible`, so the
    /// parts match a view drawn whole.
    void paint(QPainter& painter, const QTransform& toScreen, const QRectF& visible, const QRectF& only = {}) const;

private:
    enum class State { Idle, Dragging, PolygonCorners, Brushing, Moving, MovingVertex };
    // A vertex of the selected annotation: polygon part, ring (0 outer, 1.. holes), index;
    // part -1 for line and point vertices.
    struct VertexRef {
        int part = -1, ring = 0, index = -1;
    };
    std::optional<VertexRef> vertexAt(const Annotation& a, QPointF at, double pixel) const;
    static Geometry withVertex(const Geometry& g, const VertexRef& v, QPointF to);
    // One undoable change: the annotation before (none: added) and after (none: removed).
    struct Change {
        std::optional<Annotation> before, after;
    };
    void apply(const std::vector<Change>& changes, bool forward);
    void commit(std::vector<Change> changes);
    Annotation draft(QPointF from, QPointF to) const;
    std::string pick(QPointF at, double pixel) const;
    Annotation make(Geometry geometry) const;

    AnnotationSet m_set;
    std::vector<std::vector<Change>> m_undo, m_redo;
    AnnotationTool m_tool = AnnotationTool::None;
    State m_state = State::Idle;
    std::optional<PathClass> m_class;
    std::optional<std::array<double, 2>> m_mpp;
    double m_brush = 50.0;
    bool m_erasing = false;
    QPointF m_from, m_last;
    std::vector<Vertex> m_points;      // polygon corners or freehand path
    std::optional<Geometry> m_stroke;  // the brush stroke so far
    std::optional<Annotation> m_moving; // the selected annotation before the move
    VertexRef m_vertex;                 // the vertex being moved
    std::string m_selected;
    bool m_changed = false;

    // Level of detail: zoomed out, small objects (cells) are one picture drawn at once, and
    // only the large ones are drawn one by one.
    void updateLevelOfDetail() const;
    QSizeF m_slideSize;
    mutable bool m_lodDirty = true;
    mutable QImage m_smallPicture;             // small objects as dots, slide-wide
    mutable std::vector<std::string> m_large;  // ids of the objects drawn one by one
};

} // namespace pathology
} // namespace radpath
