#include "pathology/view/ViewFrame.h"

#include <QPainter>
#include <QRegion>

#include <cmath>

namespace radpath::pathology {
namespace {

// A shift this close to whole device pixels is taken as whole: the content then sits at
// most this far from where the transform puts it, and the error never adds up because the
// picture remembers where its content really is.
constexpr double kWholePixel = 0.01;

bool sameLinearPart(const QTransform& a, const QTransform& b)
{
    const auto near = [](double x, double y) { return std::abs(x - y) <= 1e-12 * std::max(std::abs(x), std::abs(y)); };
    return a.type() <= QTransform::TxRotate && b.type() <= QTransform::TxRotate && near(a.m11(), b.m11()) &&
           near(a.m12(), b.m12()) && near(a.m21(), b.m21()) && near(a.m22(), b.m22());
}

void drawArea(QPainter& p, const ViewFrame::Draw& draw, const QTransform& transform, const QRectF& area)
{
    p.save();
    p.setClipRect(area);
    draw(p, transform, area);
    p.restore();
}

} // namespace

const QImage& ViewFrame::update(QSize size, qreal dpr, const QTransform& transform, bool contentUnchanged,
                                const QRegion& damaged, const Draw& draw)
{
    const QSize pixels = (QSizeF(size) * dpr).toSize();
    const QRect all(QPoint(0, 0), pixels);
    const QPointF delta = (QPointF(transform.dx(), transform.dy()) - QPointF(m_transform.dx(), m_transform.dy())) * dpr;
    const QPoint shift(qRound(delta.x()), qRound(delta.y()));
    const bool shiftable = m_valid && contentUnchanged && m_image.size() == pixels &&
                           m_image.devicePixelRatio() == dpr && sameLinearPart(transform, m_transform) &&
                           std::abs(delta.x() - shift.x()) <= kWholePixel &&
                           std::abs(delta.y() - shift.y()) <= kWholePixel && std::abs(shift.x()) < pixels.width() &&
                           std::abs(shift.y()) < pixels.height();
    const auto drawRegion = [&](QPainter& p, const QTransform& t, const QRegion& region) {
        for (const QRect& r : region)
            drawArea(p, draw, t, QRectF(QPointF(r.topLeft()) / dpr, QSizeF(r.size()) / dpr));
    };
    if (!shiftable) {
        if (m_image.size() != pixels) {
            m_image = QImage(pixels, QImage::Format_RGB32);
            m_spare = QImage();
        }
        m_image.setDevicePixelRatio(dpr);
        QPainter p(&m_image);
        drawRegion(p, transform, QRegion(all));
        m_transform = transform;
        m_valid = true;
        m_made = Made::Whole;
        return m_image;
    }
    const QTransform moved = m_transform * QTransform::fromTranslate(shift.x() / dpr, shift.y() / dpr);
    if (shift.isNull()) {
        if (!damaged.isEmpty()) {
            QPainter p(&m_image);
            drawRegion(p, moved, damaged & all);
        }
        m_made = Made::Kept;
        return m_image;
    }
    // The kept picture moved by the shift into the spare one, then the uncovered strips and
    // the damaged parts.
    if (m_spare.size() != pixels)
        m_spare = QImage(pixels, QImage::Format_RGB32);
    m_spare.setDevicePixelRatio(dpr);
    QPainter p(&m_spare);
    p.setCompositionMode(QPainter::CompositionMode_Source);
    p.drawImage(QPointF(shift) / dpr, m_image);
    p.setCompositionMode(QPainter::CompositionMode_SourceOver);
    drawRegion(p, moved, (QRegion(all) - QRegion(QRect(shift, pixels))) | (damaged & all));
    p.end();
    std::swap(m_image, m_spare);
    m_transform = moved;
    m_made = Made::Shifted;
    return m_image;
}

void ViewFrame::clear()
{
    m_image = m_spare = QImage();
    m_valid = false;
}

} // namespace radpath::pathology
