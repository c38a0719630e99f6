// SliceView's overlay: corner text, orientation letters, scale bar, the probe and the
// measurements, painted over the rendered slice.

#include "viewer/view/SliceView.h"

#include "viewer/model/LayerCompositor.h"
#include "viewer/view/SliceViewPrivate.h"

#include <QPainter>

#include <array>

namespace radpath {
namespace viewer {
namespace {

// Patient direction letters of a vector: the dominant axis, plus a second for oblique.
QString letters(const Vec3& v)
{
    const char* positive = "LPS";
    const char* negative = "RAI";
    std::array<int, 3> order{0, 1, 2};
    std::sort(order.begin(), order.end(), [&](int a, int b) { return std::abs(v[size_t(a)]) > std::abs(v[size_t(b)]); });
    QString out;
    for (int rank = 0; rank < 2; ++rank) {
        const int a = order[size_t(rank)];
        if (rank == 1 && std::abs(v[size_t(a)]) < 0.3)
            break;
        out += QLatin1Char(v[size_t(a)] >= 0 ? positive[a] : negative[a]);
    }
    return out;
}

void shadowText(QPainter& p, const QRect& rect, int flags, const QString& text)
{
    p.setPen(QColor(0, 0, 0, 200));
    p.drawText(rect.translated(1, 1), flags, text);
    p.setPen(QColor(235, 235, 235));
    p.drawText(rect, flags, text);
}

} // namespace

QString SliceView::probeText() const
{
    return d->hasMouse ? probeTextAt(d->lastMouse) : QString();
}

QString SliceView::probeTextAt(QPointF widgetPos) const
{
    if (d->volume.isNull())
        return {};
    const Vec3 p = d->toWorld(widgetPos);
    const Vec3 index = d->volume.geometry().physicalToIndex(p);
    const auto& g = d->volume.geometry();
    const int i = int(std::lround(index[0])), j = int(std::lround(index[1])), k = int(std::lround(index[2]));
    if (i < 0 || j < 0 || k < 0 || i >= g.size[0] || j >= g.size[1] || k >= g.size[2])
        return {};
    QString value;
    for (int c = 0; c < d->volume.components(); ++c)
        value += (c ? QStringLiteral(" ") : QString()) + QString::number(d->volume.valueAt(i, j, k, c), 'g', 6);
    const VolumeInfo& info = d->volume.info();
    const QString units = QString::fromStdString(info.units);
    // Pixel padding keeps its value but is not image: say so.
    const bool padding = info.hasPaddingValue && d->volume.components() == 1 && d->volume.valueAt(i, j, k) == info.paddingValue;
    if (!units.isEmpty())
        value += QLatin1Char(' ') + units;
    if (padding)
        value += QLatin1Char(' ') + tr("(padding)");
    return QStringLiteral("%1  (%2, %3, %4) mm")
        .arg(value)
        .arg(p[0], 0, 'f', 1)
        .arg(p[1], 0, 'f', 1)
        .arg(p[2], 0, 'f', 1);
}

QPointF SliceView::crosshairHandle(int handle) const
{
    const int line = handle / 2;
    if (d->volume.isNull() || line < 0 || line >= int(d->crosshairPlanes.size()))
        return {};
    const Vec3 along = cross(d->normal(), d->crosshairPlanes[size_t(line)].normal);
    const QPointF centre = d->toWidget(d->cursor);
    if (norm(along) < 1e-6)
        return centre;
    const QPointF step = d->toWidget(add(d->cursor, scale(along, 1.0 / norm(along)))) - centre;
    const double length = std::hypot(step.x(), step.y());
    if (length == 0)
        return centre;
    // Handles sit a third of the view out from the crosshair, on both sides.
    const double out = 0.3 * std::min(d->vtk->width(), d->vtk->height()) * (handle % 2 ? -1 : 1);
    return centre + step * (out / length);
}

void SliceView::paintLayers(QPainter& p)
{
    if (!d->layers || d->layers->isEmpty())
        return;
    // One image pixel per widget pixel, composed again only when the plane on screen or
    // the layers changed.
    const int w = d->vtk->width(), h = d->vtk->height();
    const double pxPerMm = d->heightPx() / (2.0 * d->camera()->GetParallelScale()) / d->dpr();
    PlaneGrid grid;
    grid.origin = d->toWorld(QPointF(0.5, 0.5));
    grid.right = d->screenRight();
    grid.down = scale(d->screenUp(), -1);
    grid.pixelMm = 1.0 / pxPerMm;
    grid.width = w;
    grid.height = h;
    const PlaneGrid& last = d->layerGrid;
    const bool same = d->layerRevision == d->layersRevision && last.origin == grid.origin && last.right == grid.right &&
                      last.down == grid.down && last.pixelMm == grid.pixelMm && last.width == w && last.height == h;
    if (!same) {
        d->layerImage = composeLayers(*d->layers, grid);
        d->layerGrid = grid;
        d->layerRevision = d->layersRevision;
    }
    p.drawImage(QRectF(0, 0, w, h), d->layerImage);
}

void SliceView::paintCrosshair(QPainter& p)
{
    if (!d->crosshairVisible)
        return;
    const QPointF centre = d->toWidget(d->cursor);
    const double reach = 4.0 * (d->vtk->width() + d->vtk->height());
    constexpr double kGap = 10; // the point itself stays clear
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    for (int line = 0; line < int(d->crosshairPlanes.size()); ++line) {
        const QColor colour = d->crosshairPlanes[size_t(line)].colour;
        const QPointF a = crosshairHandle(2 * line), b = crosshairHandle(2 * line + 1);
        const QPointF dir = a - centre;
        const double length = std::hypot(dir.x(), dir.y());
        if (length == 0)
            continue;
        const QPointF unit = dir / length;
        p.setPen(QPen(colour, 1.2));
        p.drawLine(centre + unit * kGap, centre + unit * reach);
        p.drawLine(centre - unit * kGap, centre - unit * reach);
        p.setBrush(colour);
        p.drawEllipse(a, 4, 4);
        p.drawEllipse(b, 4, 4);
    }
    p.restore();
}

QStringList SliceView::orientationLetters() const
{
    const Vec3 r = d->screenRight(), u = d->screenUp();
    return {letters(scale(r, -1)), letters(r), letters(u), letters(scale(u, -1))};
}

void SliceView::paintOverlay(QPainter& p)
{
    if (d->volume.isNull())
        return;
    const QRect area = d->vtk->rect().adjusted(6, 4, -6, -4);
    QFont font = p.font();
    font.setPointSizeF(9);
    p.setFont(font);
    const VolumeInfo& info = d->volume.info();

    paintLayers(p);

    // An editing tool's brush outline around the mouse.
    if (d->inputTool && d->hasMouse && d->inputTool->cursorRadiusMm() > 0) {
        const Vec3 at = d->toWorld(d->lastMouse);
        const QPointF centre = d->toWidget(at);
        // A direction in the plane: the radius in mm, measured on screen.
        const Vec3 n = d->normal();
        Vec3 along = cross(n, std::abs(n[0]) < 0.9 ? Vec3{1, 0, 0} : Vec3{0, 1, 0});
        along = scale(along, d->inputTool->cursorRadiusMm() / norm(along));
        const QPointF edge = d->toWidget(add(at, along));
        const double radius = std::hypot(edge.x() - centre.x(), edge.y() - centre.y());
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(0, 0, 0, 160), 3));
        p.drawEllipse(centre, radius, radius);
        p.setPen(QPen(QColor(255, 230, 80), 1.5));
        p.drawEllipse(centre, radius, radius);
        p.restore();
    }

    // Corners: who and when, what and where, display, probe.
    QString name = QString::fromStdString(info.patientName);
    name.replace(QLatin1Char('^'), QStringLiteral(", "));
    QString date = QString::fromStdString(info.studyDate);
    if (date.size() == 8)
        date = date.left(4) + QLatin1Char('-') + date.mid(4, 2) + QLatin1Char('-') + date.mid(6, 2);
    shadowText(p, area, Qt::AlignLeft | Qt::AlignTop,
               QStringList{name, QString::fromStdString(info.patientId), date}.join(QLatin1Char('\n')).trimmed());
    const double position = dot(d->planeCenter(), d->normal());
    QStringList where{QString::fromStdString(info.seriesDescription), tr("Im %1/%2").arg(slice() + 1).arg(sliceCount()),
                      tr("Pos %1 mm").arg(position, 0, 'f', 1)};
    if (d->slabMode != SlabMode::None) {
        const QString mode = d->slabMode == SlabMode::Max ? tr("MIP") : d->slabMode == SlabMode::Min ? tr("MinIP") : tr("Mean");
        where << tr("%1 slab %2 mm").arg(mode).arg(d->slabThickness, 0, 'f', 1);
    }
    shadowText(p, area, Qt::AlignRight | Qt::AlignTop, where.join(QLatin1Char('\n')));
    const QString display = d->voiLut >= 0 ? tr("VOI LUT %1").arg(QString::fromStdString(info.voiLuts[size_t(d->voiLut)].name))
                                           : tr("W %1 L %2").arg(windowWidth(), 0, 'f', 0).arg(windowCenter(), 0, 'f', 0);
    shadowText(p, area, Qt::AlignLeft | Qt::AlignBottom, display + QLatin1Char('\n') + tr("Zoom %1 %").arg(qRound(zoom() * 100)));
    shadowText(p, area, Qt::AlignRight | Qt::AlignBottom, d->loading ? tr("Loading the series…") : probeText());

    // Orientation letters at the edge midpoints.
    const QStringList l = orientationLetters();
    QFont bold = font;
    bold.setBold(true);
    bold.setPointSizeF(11);
    p.setFont(bold);
    shadowText(p, area, Qt::AlignLeft | Qt::AlignVCenter, l[0]);
    shadowText(p, area, Qt::AlignRight | Qt::AlignVCenter, l[1]);
    // Below the corner text lines, so that long series descriptions never cover it.
    shadowText(p, area.adjusted(0, 46, 0, 0), Qt::AlignHCenter | Qt::AlignTop, l[2]);
    shadowText(p, area.adjusted(0, 0, 0, -22), Qt::AlignHCenter | Qt::AlignBottom, l[3]);
    p.setFont(font);

    // Scale bar: the largest round length under a quarter of the width.
    const double pxPerMm = d->heightPx() / (2.0 * d->camera()->GetParallelScale()) / d->dpr();
    double barMm = 1;
    for (double candidate : {1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0})
        if (candidate * pxPerMm <= area.width() / 4.0)
            barMm = candidate;
    const double barPx = barMm * pxPerMm;
    const QPointF start(area.center().x() - barPx / 2, area.bottom() - 6);
    p.setPen(QPen(QColor(235, 235, 235), 2));
    p.drawLine(start, start + QPointF(barPx, 0));
    p.drawLine(start, start + QPointF(0, -5));
    p.drawLine(start + QPointF(barPx, 0), start + QPointF(barPx, -5));
    shadowText(p, QRect(int(start.x()), int(start.y()) - 20, int(barPx), 14), Qt::AlignCenter,
               tr("%1 mm").arg(barMm));

    p.setFont(font);
    paintCrosshair(p);
    d->editor->paint(p, d->projection(), d->volume);
}

} // namespace viewer
} // namespace radpath
