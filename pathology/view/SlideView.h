#pragma once
// A whole-slide image as pathologists read it: zoom anchored at the cursor, drag and
// kinetic pan, keyboard navigation, magnification presets, scale bar, minimap, rotation.
// Tiles come from a TileEngine; coarser data is drawn while finer tiles arrive.

#include "pathology/display/TileDisplay.h"
#include "pathology/slide/TileEngine.h"
#include "pathology/view/AnnotationEditor.h"

#include <QWidget>

#include <memory>

namespace radpath {
namespace pathology {

/// GUI thread only.
class SlideView : public QWidget {
    Q_OBJECT
public:
    explicit SlideView(QWidget* parent = nullptr);
    ~SlideView() override;

    /// Shows `slide`, fitted; tiles through `cache` with `threads` workers.
    /// `overview`: made beforehand by TileEngine::overviewOf (null: read now).
    void setSlide(std::shared_ptr<SlideSource> slide, std::shared_ptr<TileCache> cache, int threads, QImage overview = {});
    const SlideSource* slide() const;
    /// The slide, for work that may outlive the view (reading tiles in a job).
    std::shared_ptr<const SlideSource> sharedSlide() const;
    TileEngine* engine() const;

    /// Screen pixels per level-0 pixel.
    double scale() const;
    void setScale(double scale);
    /// Objective magnification shown (scale × objective power), 0 when unknown.
    double magnification() const;
    /// 1.25×, 2.5×, 5×, 10×, 20×, 40×...: needs the objective power or mpp (10× = 1 µm/px).
    void setMagnification(double magnification);
    /// Level-0 point at the centre of the view.
    QPointF center() const;
    void setCenter(QPointF level0);
    /// Zooms by `factor` keeping the slide point under `anchor` (widget pixels) in place.
    void zoomAt(double factor, QPointF anchor);
    void fit();
    /// Quarter turns clockwise (0..3).
    void setRotation(int quarterTurns);
    int rotation() const;

    /// Widget position <-> level-0 slide position.
    QPointF toSlide(QPointF widget) const;
    QPointF toWidget(QPointF level0) const;
    /// The level-0 rectangle the view covers (bounding box when rotated).
    QRectF visibleRect() const;
    /// The level tiles are drawn from now (while moving, it may be one coarser).
    int currentLevel() const;
    /// The level that is sharp at the current scale: what a still view shows.
    int sharpLevel() const;
    /// Whether the view draws only the overview (the coarsest level is far finer than needed).
    bool overviewOnly() const;

    /// Brightness, contrast, gamma and one stain at a time, applied to what is drawn.
    void setDisplay(const DisplaySettings& settings);
    const DisplaySettings& display() const;

    /// Whether the last paint shifted the previous frame (a pan) instead of drawing it whole;
    /// for tests and the benchmark.
    bool lastFrameShifted() const;
    /// Draws the view anew on the next paint: for callers that changed what it shows (its
    /// annotations, say). Moving the view needs no call.
    void redraw();

    /// The minimap (overview with the viewport) in widget coordinates; empty when hidden.
    QRect minimapRect() const;

    /// The slide's annotations and the drawing tools. With no tool, a click picks and a
    /// drag moves an annotation; a drag elsewhere pans.
    AnnotationEditor& annotations();
    void setTool(AnnotationTool tool);
    /// Centres the view on an annotation and selects it.
    void showAnnotation(const std::string& id);

    /// A heat map drawn over the tiles, under the annotations, stretched over `level0Rect`
    /// without smoothing (AI tile scores: one pixel per tile). A null image removes it.
    void setHeatmap(const QImage& heatmap, const QRectF& level0Rect);
    void setHeatmapOpacity(double opacity);
    void setHeatmapVisible(bool visible);
    bool hasHeatmap() const;

signals:
    /// Centre, scale or rotation changed (for linked views and the status bar).
    void viewChanged();
    /// Annotations were added, changed, removed, undone or redone.
    void annotationsChanged();
    void selectionChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void changed();
    /// Tiles, heat map and annotations in `area` (widget pixels) as `t` places the slide.
    void drawContent(QPainter& p, const QTransform& t, const QRectF& area) const;
    void afterEdit();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace pathology
} // namespace radpath
