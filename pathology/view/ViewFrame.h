#pragma once
// The picture of a view kept between frames. When the view has only moved by whole device
// pixels since the picture was drawn (a pan), the picture is shifted and only the strips
// it uncovers are drawn again, with the parts whose content changed (tiles that arrived);
// anything else draws it whole.

#include <QImage>
#include <QRectF>
#include <QRegion>
#include <QTransform>

#include <functional>

class QPainter;

namespace radpath::pathology {

/// GUI thread only (it is drawn from paint events).
class ViewFrame {
public:
    /// Draws the part `area` (widget coordinates) of the view as `transform` places the
    /// content. The painter is clipped to `area` and has no world transform.
    using Draw = std::function<void(QPainter& painter, const QTransform& transform, const QRectF& area)>;

    /// Whole: drawn whole. Shifted: moved, and the uncovered and damaged parts drawn.
    /// Kept: in place, only the damaged parts drawn (if any).
    enum class Made { Whole, Shifted, Kept };

    /// Brings the picture up to date for a view of `size` (widget pixels, `dpr` device pixels
    /// each) showing its content through `transform`, and returns it (Format_RGB32, with
    /// `dpr` as its device pixel ratio). `contentUnchanged`: nothing but the transform and
    /// the `damaged` parts (device pixels, as `transform` places the content) has changed
    /// since the last call, so the kept picture may be shifted and those parts drawn again.
    const QImage& update(QSize size, qreal dpr, const QTransform& transform, bool contentUnchanged,
                         const QRegion& damaged, const Draw& draw);
    /// How the last update made the picture.
    Made lastMade() const { return m_made; }
    /// Frees the picture; the next update draws it whole.
    void clear();

private:
    QImage m_image, m_spare;
    QTransform m_transform; // where the kept picture's content is
    bool m_valid = false;
    Made m_made = Made::Whole;
};

} // namespace radpath::pathology
