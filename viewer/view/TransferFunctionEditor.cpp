#include "viewer/view/TransferFunctionEditor.h"

#include <QColorDialog>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace radpath {
namespace viewer {
namespace {

constexpr double kMargin = 8.0;
constexpr double kBarHeight = 14.0;
constexpr double kBarGap = 6.0;
constexpr double kHandleRadius = 5.0;
constexpr double kPickRadius = 7.0;
constexpr double kMarkerHeight = 6.0; ///< colour markers reach this far below the bar

QColor toQColor(const std::array<double, 3>& rgb)
{
    return QColor::fromRgbF(float(rgb[0]), float(rgb[1]), float(rgb[2]));
}

} // namespace

struct TransferFunctionEditor::Private {
    TransferFunction tf;
    VolumeHistogram histogram;
    double low = -1024.0;     ///< shown at the plot's left edge
    double high = 3071.0;     ///< and at its right edge
    double homeLow = -1024.0; ///< the range last given by setValueRange(), the wheel's widest with the data
    double homeHigh = 3071.0;
    enum class Drag { None, Opacity, Colour } drag = Drag::None;
    int dragIndex = -1;
    std::function<std::optional<QColor>(const QColor&)> chooser;

    // Everything the axis can show: the histogram, every point and the range last set.
    std::pair<double, double> fullRange() const
    {
        double lo = homeLow, hi = homeHigh;
        if (!histogram.isEmpty()) {
            lo = std::min(lo, histogram.minimum);
            hi = std::max(hi, histogram.maximum);
        }
        for (const OpacityPoint& p : tf.opacity) {
            lo = std::min(lo, p.value);
            hi = std::max(hi, p.value);
        }
        return {lo, hi};
    }
};

TransferFunctionEditor::TransferFunctionEditor(QWidget* parent) : QWidget(parent), d(std::make_unique<Private>())
{
    setObjectName(QStringLiteral("transferFunctionEditor"));
    setMouseTracking(false);
    setFocusPolicy(Qt::ClickFocus);
    setToolTip(tr("Drag a point to move it, click to add one, right-click or double-click to remove it.\n"
                  "Double-click the colour bar to choose a colour. The wheel zooms the values."));
    d->chooser = [this](const QColor& initial) -> std::optional<QColor> {
        const QColor c = QColorDialog::getColor(initial, this, tr("Colour of the transfer function"));
        return c.isValid() ? std::optional<QColor>(c) : std::nullopt;
    };
}

TransferFunctionEditor::~TransferFunctionEditor() = default;

void TransferFunctionEditor::setHistogram(const VolumeHistogram& histogram)
{
    d->histogram = histogram;
    if (!histogram.isEmpty())
        setValueRange(histogram.minimum, histogram.maximum);
    update();
}

const VolumeHistogram& TransferFunctionEditor::histogram() const
{
    return d->histogram;
}

void TransferFunctionEditor::setTransferFunction(const TransferFunction& tf)
{
    d->tf = tf;
    d->tf.sortPoints();
    d->drag = Private::Drag::None;
    if (d->histogram.isEmpty() && !d->tf.opacity.empty()) {
        // No data to show: the axis spans the points.
        const double lo = d->tf.opacity.front().value, hi = d->tf.opacity.back().value;
        setValueRange(lo, hi > lo ? hi : lo + 1.0);
    }
    update();
}

const TransferFunction& TransferFunctionEditor::transferFunction() const
{
    return d->tf;
}

void TransferFunctionEditor::setValueRange(double low, double high)
{
    if (!(high > low))
        return;
    d->homeLow = d->low = low;
    d->homeHigh = d->high = high;
    update();
}

double TransferFunctionEditor::valueLow() const
{
    return d->low;
}
double TransferFunctionEditor::valueHigh() const
{
    return d->high;
}

void TransferFunctionEditor::setColourChooser(std::function<std::optional<QColor>(const QColor&)> chooser)
{
    d->chooser = std::move(chooser);
}

QSize TransferFunctionEditor::sizeHint() const
{
    return {480, 170};
}
QSize TransferFunctionEditor::minimumSizeHint() const
{
    return {200, 110};
}

QRectF TransferFunctionEditor::plotRect() const
{
    const double labels = fontMetrics().height() + 2.0;
    const double bottom = height() - labels - kMarkerHeight - kBarHeight - kBarGap;
    return QRectF(QPointF(kMargin, kMargin), QPointF(width() - kMargin, bottom));
}

QRectF TransferFunctionEditor::colourBarRect() const
{
    const QRectF plot = plotRect();
    return QRectF(plot.left(), plot.bottom() + kBarGap, plot.width(), kBarHeight);
}

double TransferFunctionEditor::valueAt(double x) const
{
    const QRectF plot = plotRect();
    return d->low + (x - plot.left()) / plot.width() * (d->high - d->low);
}

double TransferFunctionEditor::xOf(double value) const
{
    const QRectF plot = plotRect();
    return plot.left() + (value - d->low) / (d->high - d->low) * plot.width();
}

int TransferFunctionEditor::opacityPointAt(const QPointF& pos) const
{
    const QRectF plot = plotRect();
    int best = -1;
    double bestDistance = kPickRadius;
    for (int i = 0; i < int(d->tf.opacity.size()); ++i) {
        const OpacityPoint& p = d->tf.opacity[i];
        const QPointF at(xOf(p.value), plot.bottom() - p.opacity * plot.height());
        const double distance = std::hypot(at.x() - pos.x(), at.y() - pos.y());
        if (distance <= bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

int TransferFunctionEditor::colourPointAt(const QPointF& pos) const
{
    const QRectF bar = colourBarRect().adjusted(0, -2, 0, kMarkerHeight); // the markers hang below the bar
    if (!bar.contains(pos))
        return -1;
    int best = -1;
    double bestDistance = kPickRadius;
    for (int i = 0; i < int(d->tf.colour.size()); ++i) {
        const double distance = std::abs(xOf(d->tf.colour[i].value) - pos.x());
        if (distance <= bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

void TransferFunctionEditor::changed()
{
    update();
    emit transferFunctionChanged(d->tf);
}

void TransferFunctionEditor::mousePressEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    const int point = opacityPointAt(pos);
    const int colour = point < 0 ? colourPointAt(pos) : -1;
    if (event->button() == Qt::RightButton) {
        if (point >= 0 && d->tf.opacity.size() > 2) {
            d->tf.opacity.erase(d->tf.opacity.begin() + point);
            changed();
        } else if (colour >= 0 && d->tf.colour.size() > 1) {
            d->tf.colour.erase(d->tf.colour.begin() + colour);
            changed();
        }
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    if (point >= 0) {
        d->drag = Private::Drag::Opacity;
        d->dragIndex = point;
    } else if (colour >= 0) {
        d->drag = Private::Drag::Colour;
        d->dragIndex = colour;
    } else if (plotRect().contains(pos)) {
        // A new point where the user clicked, dragged from there on.
        const QRectF plot = plotRect();
        const OpacityPoint added{valueAt(pos.x()), std::clamp((plot.bottom() - pos.y()) / plot.height(), 0.0, 1.0)};
        auto& points = d->tf.opacity;
        const auto at = std::upper_bound(points.begin(), points.end(), added.value,
                                         [](double v, const OpacityPoint& p) { return v < p.value; });
        if (at != points.begin() && (at - 1)->value == added.value)
            return;
        d->dragIndex = int(points.insert(at, added) - points.begin());
        d->drag = Private::Drag::Opacity;
        changed();
    }
}

void TransferFunctionEditor::moveDragged(const QPointF& pos)
{
    // Neighbours keep their order: a point stays strictly between them.
    const double epsilon = (d->high - d->low) * 1e-6;
    auto clampBetween = [&](double value, auto& points, int i) {
        double lo = d->low, hi = d->high;
        if (i > 0)
            lo = std::max(lo, points[i - 1].value + epsilon);
        if (i + 1 < int(points.size()))
            hi = std::min(hi, points[i + 1].value - epsilon);
        return lo <= hi ? std::clamp(value, lo, hi) : points[i].value;
    };
    if (d->drag == Private::Drag::Opacity) {
        const QRectF plot = plotRect();
        OpacityPoint& p = d->tf.opacity[d->dragIndex];
        p.value = clampBetween(valueAt(pos.x()), d->tf.opacity, d->dragIndex);
        p.opacity = std::clamp((plot.bottom() - pos.y()) / plot.height(), 0.0, 1.0);
    } else {
        ColourPoint& p = d->tf.colour[d->dragIndex];
        p.value = clampBetween(valueAt(pos.x()), d->tf.colour, d->dragIndex);
    }
    changed();
}

void TransferFunctionEditor::mouseMoveEvent(QMouseEvent* event)
{
    if (d->drag != Private::Drag::None && d->dragIndex >= 0)
        moveDragged(event->position());
}

void TransferFunctionEditor::mouseReleaseEvent(QMouseEvent*)
{
    d->drag = Private::Drag::None;
    d->dragIndex = -1;
}

void TransferFunctionEditor::mouseDoubleClickEvent(QMouseEvent* event)
{
    d->drag = Private::Drag::None;
    if (event->button() != Qt::LeftButton)
        return;
    const QPointF pos = event->position();
    const int point = opacityPointAt(pos);
    if (point >= 0) {
        if (d->tf.opacity.size() > 2) {
            d->tf.opacity.erase(d->tf.opacity.begin() + point);
            changed();
        }
        return;
    }
    if (colourBarRect().adjusted(0, -2, 0, kMarkerHeight).contains(pos))
        editColour(pos);
}

void TransferFunctionEditor::editColour(const QPointF& pos)
{
    auto& points = d->tf.colour;
    int index = colourPointAt(pos);
    const bool added = index < 0;
    if (added) {
        const double value = std::clamp(valueAt(pos.x()), d->low, d->high);
        const auto rgb = d->tf.colourAt(value);
        const auto at = std::upper_bound(points.begin(), points.end(), value,
                                         [](double v, const ColourPoint& p) { return v < p.value; });
        index = int(points.insert(at, ColourPoint{value, rgb[0], rgb[1], rgb[2]}) - points.begin());
    }
    const ColourPoint& p = points[index];
    const std::optional<QColor> chosen = d->chooser ? d->chooser(toQColor({p.r, p.g, p.b})) : std::nullopt;
    if (!chosen) {
        // Cancelled: a point added for it goes again, and nothing changed.
        if (added)
            points.erase(points.begin() + index);
        update();
        return;
    }
    points[index].r = chosen->redF();
    points[index].g = chosen->greenF();
    points[index].b = chosen->blueF();
    changed();
}

void TransferFunctionEditor::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0)
        return;
    const auto [fullLow, fullHigh] = d->fullRange();
    const double anchor = valueAt(event->position().x());
    const double factor = std::pow(1.25, -steps); // forward: zoom in
    double low = anchor - (anchor - d->low) * factor;
    double high = anchor + (d->high - anchor) * factor;
    const double minimumWidth = (fullHigh - fullLow) * 1e-3;
    if (high - low < minimumWidth) {
        low = anchor - minimumWidth / 2;
        high = anchor + minimumWidth / 2;
    }
    d->low = std::max(low, fullLow);
    d->high = std::min(high, fullHigh);
    update();
    event->accept();
}

void TransferFunctionEditor::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const QRectF plot = plotRect();
    const QRectF bar = colourBarRect();
    p.fillRect(plot, QColor(28, 30, 36));

    // Histogram, log counts: the largest count of the bins under each pixel column.
    const VolumeHistogram& h = d->histogram;
    if (!h.isEmpty()) {
        const double largest = *std::max_element(h.counts.begin(), h.counts.end());
        const double scale = plot.height() / std::log1p(largest);
        const double dataEnd = h.binStart + h.binWidth * double(h.counts.size());
        p.setPen(QColor(110, 116, 130));
        for (int x = int(plot.left()); x < int(plot.right()); ++x) {
            const double v0 = valueAt(x), v1 = valueAt(x + 1);
            if (v1 < h.binStart || v0 >= dataEnd)
                continue;
            double count = 0.0;
            for (int b = h.binOf(v0), last = h.binOf(v1); b <= last; ++b)
                count = std::max(count, h.counts[b]);
            if (count > 0)
                p.drawLine(QPointF(x + 0.5, plot.bottom()),
                           QPointF(x + 0.5, plot.bottom() - std::log1p(count) * scale));
        }
    }

    // Colour bar, and the colour under the opacity curve.
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    for (int i = 0; i <= 32; ++i) {
        const double t = i / 32.0;
        gradient.setColorAt(t, toQColor(d->tf.colourAt(d->low + t * (d->high - d->low))));
    }
    p.fillRect(bar, gradient);
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(bar);
    p.setRenderHint(QPainter::Antialiasing);
    for (const ColourPoint& c : d->tf.colour) {
        const double x = xOf(c.value);
        if (x < bar.left() - 1 || x > bar.right() + 1)
            continue;
        const QPointF tip(x, bar.bottom() - 2);
        const QPolygonF marker{tip, tip + QPointF(-5, kMarkerHeight + 2), tip + QPointF(5, kMarkerHeight + 2)};
        p.setPen(palette().color(QPalette::Text));
        p.setBrush(toQColor({c.r, c.g, c.b}));
        p.drawPolygon(marker);
    }

    // Opacity curve over the plot, held flat beyond its first and last point.
    p.save();
    p.setClipRect(plot.adjusted(-kHandleRadius, -kHandleRadius, kHandleRadius, kHandleRadius));
    QPainterPath curve;
    const auto& points = d->tf.opacity;
    auto at = [&](double value, double opacity) {
        return QPointF(xOf(value), plot.bottom() - opacity * plot.height());
    };
    curve.moveTo(at(d->low, d->tf.opacityAt(d->low)));
    for (const OpacityPoint& o : points)
        if (o.value > d->low && o.value < d->high)
            curve.lineTo(at(o.value, o.opacity));
    curve.lineTo(at(d->high, d->tf.opacityAt(d->high)));
    QPainterPath area = curve;
    area.lineTo(plot.bottomRight());
    area.lineTo(plot.bottomLeft());
    area.closeSubpath();
    QLinearGradient fill(plot.topLeft(), plot.topRight());
    for (int i = 0; i <= 32; ++i) {
        QColor c = toQColor(d->tf.colourAt(d->low + i / 32.0 * (d->high - d->low)));
        c.setAlpha(70);
        fill.setColorAt(i / 32.0, c);
    }
    p.fillPath(area, fill);
    p.setPen(QPen(QColor(235, 235, 235), 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawPath(curve);
    for (const OpacityPoint& o : points) {
        p.setBrush(toQColor(d->tf.colourAt(o.value)));
        p.drawEllipse(at(o.value, o.opacity), kHandleRadius, kHandleRadius);
    }
    p.restore();

    // Value axis: both ends and the middle.
    p.setPen(palette().color(QPalette::Text));
    const double labelTop = bar.bottom() + kMarkerHeight;
    const double labelHeight = height() - labelTop;
    auto label = [](double v) { return QString::number(v, 'g', 5); };
    p.drawText(QRectF(plot.left(), labelTop, plot.width(), labelHeight), Qt::AlignLeft | Qt::AlignTop, label(d->low));
    p.drawText(QRectF(plot.left(), labelTop, plot.width(), labelHeight), Qt::AlignHCenter | Qt::AlignTop,
               label((d->low + d->high) / 2));
    p.drawText(QRectF(plot.left(), labelTop, plot.width(), labelHeight), Qt::AlignRight | Qt::AlignTop, label(d->high));
}

} // namespace viewer
} // namespace radpath
