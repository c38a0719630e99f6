#include "pathology/view/SlideView.h"

#include "pathology/view/ViewFrame.h"

#include <QCache>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QTransform>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace radpath {
namespace pathology {
namespace {

constexpr int kMinimapSize = 180;
constexpr double kBrushPx = 24.0;       // brush diameter on screen
constexpr int kTileRepaintMs = 40;      // arriving tiles are drawn at most this often
constexpr int kSettleMs = 150;          // still this long: drawn again at full quality
constexpr int kSmoothWaitMs = 1000;     // the smoothed frame waits this long at most for tiles
constexpr std::size_t kMostDamaged = 256; // arrived tiles remembered for a partial redraw
constexpr double kCoarserStill = 1.25;  // a coarser level may be magnified this much when still
constexpr double kCoarserMoving = 1.5;  // and this much while the view moves
constexpr double kKineticDecay = 0.9;   // per 16 ms frame
constexpr double kKineticStop = 0.02;   // widget px per ms

// White text with a dark shadow: readable on white background and on stained tissue.
void shadowText(QPainter& p, const QRectF& rect, int flags, const QString& text)
{
    p.setPen(QColor(0, 0, 0, 200));
    p.drawText(rect.translated(1, 1), flags, text);
    p.setPen(Qt::white);
    p.drawText(rect, flags, text);
}

QString lengthLabel(double um)
{
    return um >= 1000 ? SlideView::tr("%1 mm").arg(um / 1000) : SlideView::tr("%1 µm").arg(um);
}

} // namespace

struct SlideView::Private {
    std::shared_ptr<SlideSource> slide;
    // A heat map over the slide (AI tile scores): one image pixel per tile.
    QImage heatmap;
    QRectF heatmapRect;
    double heatmapOpacity = 0.5;
    bool heatmapVisible = true;
    std::unique_ptr<TileEngine> engine;
    QPixmap overview;
    QPointF center;
    double scale = 1.0;
    int rotation = 0;
    bool fitPending = false; // fit once the widget has its size
    // Panning: the drag, then the throw.
    bool dragging = false;
    QPointF lastMouse;
    QPointF velocity; // widget px per ms
    qint64 lastMoveMs = 0;
    QElapsedTimer clock;
    QTimer* kinetic = nullptr;
    QTimer* tileRepaint = nullptr;
    // While the view moves, tiles are sampled nearest (several times faster); once it has
    // been still for a moment, it is drawn again with smoothing.
    bool moving = false;
    QTimer* settle = nullptr;
    qint64 lastChangeMs = 0; // when the view last moved, on `clock`
    qint64 lastTileMs = -1000; // when a tile of the level in view last arrived
    AnnotationEditor editor;
    // The picture under the scale bar and minimap, and whether what it shows has changed
    // since it was drawn (anything but the view's position: tiles, annotations, display).
    ViewFrame frame;
    bool contentChanged = true;
    std::vector<QRectF> damaged;  // level-0 areas of tiles that arrived since the last paint
    int frameLevel = -1;          // the level and state the frame was drawn at: another
    bool frameMoving = false;     // level, or smoothing on or off, draws it whole

    QSizeF level0Size() const
    {
        const SlideLevel& l = slide->info().levels.front();
        return {double(l.width), double(l.height)};
    }
    QTransform transform(QSizeF widget) const
    {
        QTransform t;
        t.translate(widget.width() / 2.0, widget.height() / 2.0);
        t.rotate(90.0 * rotation);
        t.scale(scale, scale);
        t.translate(-center.x(), -center.y());
        return t;
    }
    /// Objective power at scale 1: the slide's own, else from mpp (10x is about 1 µm/px).
    double basePower() const
    {
        const SlideInfo& info = slide->info();
        if (info.objectivePower && *info.objectivePower > 0)
            return *info.objectivePower;
        if (info.mpp && (*info.mpp)[0] > 0)
            return 10.0 / (*info.mpp)[0];
        return 0.0;
    }
    // Display adjustments: adjusted tiles are kept for the frames that follow.
    DisplaySettings display;
    QImage shownOverview; // the overview as the view draws it, display adjustments applied
    void updateShownOverview()
    {
        const QImage raw = engine ? engine->overview() : QImage();
        shownOverview = (raw.isNull() || display.isIdentity() ? raw : applyDisplay(raw, display))
                            .convertToFormat(QImage::Format_ARGB32_Premultiplied);
    }
    mutable QCache<quint64, QImage> adjusted{48 * 1024}; // cost in KB
    QImage tile(const TileKey& key) const
    {
        QImage raw = engine->tile(key);
        if (raw.isNull() || display.isIdentity())
            return raw;
        const quint64 id = (quint64(key.level) << 56) | ((quint64(key.column) & 0xFFFFFFF) << 28) | (quint64(key.row) & 0xFFFFFFF);
        if (const QImage* done = adjusted.object(id))
            return *done;
        auto* made = new QImage(applyDisplay(raw, display).convertToFormat(QImage::Format_ARGB32_Premultiplied));
        const QImage copy = *made;
        adjusted.insert(id, made, std::max<qsizetype>(1, made->sizeInBytes() / 1024));
        return copy;
    }
};

SlideView::SlideView(QWidget* parent) : QWidget(parent), d(std::make_unique<Private>())
{
    setObjectName(QStringLiteral("slideView"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    d->clock.start();
    d->tileRepaint = new QTimer(this);
    d->tileRepaint->setSingleShot(true);
    d->tileRepaint->setInterval(kTileRepaintMs);
    connect(d->tileRepaint, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    d->settle = new QTimer(this);
    d->settle->setSingleShot(true);
    d->settle->setInterval(kSettleMs);
    connect(d->settle, &QTimer::timeout, this, [this] {
        // While tiles of the view still arrive, the smoothed frame waits for them (a while
        // at most): drawing it whole would take a core from the tile readers.
        const qint64 now = d->clock.elapsed();
        if (now - d->lastTileMs < kTileRepaintMs && now - d->lastChangeMs < kSmoothWaitMs) {
            d->settle->start(kTileRepaintMs);
            return;
        }
        d->moving = false;
        if (d->engine) // still: the sharp level's tiles
            d->engine->request(currentLevel(), visibleRect());
        update(); // drawn whole: a still frame is smoothed
    });
    d->kinetic = new QTimer(this);
    d->kinetic->setInterval(16);
    connect(d->kinetic, &QTimer::timeout, this, [this] {
        d->velocity *= kKineticDecay;
        if (std::hypot(d->velocity.x(), d->velocity.y()) < kKineticStop) {
            d->kinetic->stop();
            return;
        }
        // Whole pixels, so each frame of the glide shifts the last one.
        const QPointF delta = (d->velocity * 16.0).toPoint();
        setCenter(toSlide(QPointF(width() / 2.0, height() / 2.0) - delta));
    });
}

SlideView::~SlideView() = default;

void SlideView::setSlide(std::shared_ptr<SlideSource> slide, std::shared_ptr<TileCache> cache, int threads, QImage overview)
{
    d->engine.reset();
    d->slide = std::move(slide);
    if (!d->slide)
        return;
    d->contentChanged = true;
    d->engine = std::make_unique<TileEngine>(d->slide, std::move(cache), threads, nullptr, std::move(overview));
    d->overview = QPixmap::fromImage(d->engine->overview());
    d->adjusted.clear();
    d->updateShownOverview();
    connect(d->engine.get(), &TileEngine::tileReady, this, [this](const TileKey& key) {
        // Tiles arrive in bursts: one repaint per burst leaves the cores to the readers.
        // Only the tile's own area is drawn again.
        if (key.level != currentLevel() && key.level != currentLevel() + 1)
            return;
        d->lastTileMs = d->clock.elapsed();
        const double span = TileEngine::kTileSize * d->slide->info().levels[size_t(key.level)].downsample;
        if (d->damaged.size() < kMostDamaged)
            d->damaged.push_back(QRectF(key.column * span, key.row * span, span, span));
        else
            d->contentChanged = true; // more than a screenful: drawn whole
        if (!d->tileRepaint->isActive())
            d->tileRepaint->start();
    });
    d->rotation = 0;
    d->editor.setMpp(d->slide->info().mpp);
    d->editor.setSlideSize(d->level0Size());
    d->fitPending = width() < 2 || height() < 2;
    fit();
}

const SlideSource* SlideView::slide() const { return d->slide.get(); }
std::shared_ptr<const SlideSource> SlideView::sharedSlide() const { return d->slide; }
TileEngine* SlideView::engine() const { return d->engine.get(); }
double SlideView::scale() const { return d->scale; }
QPointF SlideView::center() const { return d->center; }
int SlideView::rotation() const { return d->rotation; }

void SlideView::setScale(double scale)
{
    if (!d->slide)
        return;
    // From the whole slide in a quarter of the view to 4 screen pixels per slide pixel.
    QSizeF s = d->level0Size();
    if (d->rotation % 2)
        s.transpose();
    const double smallest = 0.25 * std::min(width() / s.width(), height() / s.height());
    d->scale = std::clamp(scale, std::min(smallest, 1.0), 4.0);
    changed();
}

double SlideView::magnification() const
{
    return d->slide ? d->scale * d->basePower() : 0.0;
}

void SlideView::setMagnification(double magnification)
{
    if (d->slide && d->basePower() > 0)
        setScale(magnification / d->basePower());
}

void SlideView::setCenter(QPointF level0)
{
    if (!d->slide)
        return;
    const QSizeF s = d->level0Size();
    d->center = {std::clamp(level0.x(), 0.0, s.width()), std::clamp(level0.y(), 0.0, s.height())};
    changed();
}

void SlideView::zoomAt(double factor, QPointF anchor)
{
    if (!d->slide || factor <= 0)
        return;
    const QPointF before = toSlide(anchor);
    const double old = d->scale;
    setScale(d->scale * factor);
    if (d->scale == old)
        return;
    const QPointF after = toSlide(anchor);
    setCenter(d->center + (before - after));
}

void SlideView::fit()
{
    if (!d->slide)
        return;
    const QSizeF s = d->level0Size();
    const bool quarter = d->rotation % 2 == 1;
    const double w = quarter ? s.height() : s.width(), h = quarter ? s.width() : s.height();
    d->center = {s.width() / 2.0, s.height() / 2.0};
    d->scale = 0.97 * std::min(std::max(1, width()) / w, std::max(1, height()) / h);
    changed();
}

void SlideView::setRotation(int quarterTurns)
{
    d->rotation = ((quarterTurns % 4) + 4) % 4;
    changed();
}

QPointF SlideView::toSlide(QPointF widget) const
{
    return d->transform(size()).inverted().map(widget);
}

QPointF SlideView::toWidget(QPointF level0) const
{
    return d->transform(size()).map(level0);
}

QRectF SlideView::visibleRect() const
{
    return d->transform(size()).inverted().mapRect(QRectF(rect()));
}

int SlideView::currentLevel() const
{
    if (!d->slide)
        return 0;
    // While the view moves, the next coarser level when it needs at most half as much
    // magnification again: a sixteenth of the pixels to draw, and a moving picture hides
    // the difference. Still, the sharp level.
    const int sharp = sharpLevel();
    const auto& levels = d->slide->info().levels;
    const double limit = d->moving ? kCoarserMoving : kCoarserStill;
    if (sharp + 1 < int(levels.size()) && d->scale * levels[size_t(sharp + 1)].downsample <= limit)
        return sharp + 1;
    return sharp;
}

bool SlideView::overviewOnly() const
{
    if (!d->slide || d->overview.isNull())
        return false;
    const auto& levels = d->slide->info().levels;
    const int sharp = sharpLevel();
    // The overview stands in for the coarsest level when that is the sharp one and far too
    // fine for the view, and the overview itself is fine enough.
    const double overviewPixel = d->scale * levels.front().width / double(d->overview.width());
    return sharp == int(levels.size()) - 1 && d->scale * levels[size_t(sharp)].downsample < 0.25 && overviewPixel <= 1.5;
}

int SlideView::sharpLevel() const
{
    return d->slide ? d->slide->bestLevelForDownsample(1.0 / d->scale) : 0;
}

QRect SlideView::minimapRect() const
{
    if (d->overview.isNull())
        return {};
    const QSize size = d->overview.size().scaled(kMinimapSize, kMinimapSize, Qt::KeepAspectRatio);
    return {width() - size.width() - 10, 10, size.width(), size.height()};
}

bool SlideView::lastFrameShifted() const
{
    return d->frame.lastMade() == ViewFrame::Made::Shifted;
}

void SlideView::redraw()
{
    d->contentChanged = true;
    update();
}

void SlideView::changed()
{
    d->moving = true;
    d->lastChangeMs = d->clock.elapsed();
    d->settle->start(kSettleMs);
    // Moving, the sharp level is still what is fetched first: it is what the view settles on
    // (the engine queues the next coarser level after it).
    if (d->engine && !overviewOnly())
        d->engine->request(sharpLevel(), visibleRect());
    update();
    emit viewChanged();
}

void SlideView::drawContent(QPainter& p, const QTransform& t, const QRectF& area) const
{
    p.fillRect(area, QColor(48, 48, 52));
    const SlideInfo& info = d->slide->info();
    const QSizeF s = d->level0Size();
    p.setTransform(t);
    const QRectF level0Area = t.inverted().mapRect(area);
    // Every piece is drawn into whole device pixels: two neighbours then share their edge
    // exactly, whichever path (copy, scaled, smoothed) the raster engine takes for each;
    // a piece ending on half a pixel could otherwise leave a one-pixel gap beside the next.
    const qreal dpr = p.device()->devicePixelRatioF();
    const QTransform toDevice = t * QTransform::fromScale(dpr, dpr);
    const QTransform fromDevice = toDevice.inverted();
    const auto snapped = [&](const QRectF& level0) {
        const QRectF device = toDevice.mapRect(level0);
        return fromDevice.mapRect(QRectF(QPointF(std::round(device.left()), std::round(device.top())),
                                         QPointF(std::round(device.right()), std::round(device.bottom()))));
    };
    // The slide's background where it has no data; the overview until tiles arrive.
    p.fillRect(QRectF(QPointF(0, 0), s).intersected(level0Area), QColor::fromRgb(info.backgroundRgb));
    // Each tile of the level in view is drawn once: from its own data when it has arrived,
    // else from the nearest coarser level that has the area, else from the overview.
    const QRectF visible = level0Area.intersected(QRectF(QPointF(0, 0), s));
    const int level = currentLevel();
    const int levels = int(info.levels.size());
    const double ds = info.levels[size_t(level)].downsample;
    const double span = TileEngine::kTileSize * ds;
    // Bilinear sampling helps between half and one and a half screen pixels per tile pixel;
    // further down it samples no better than the nearest pixel, only slower.
    const double tilePixel = d->scale * ds;
    p.setRenderHint(QPainter::SmoothPixmapTransform, !d->moving && tilePixel >= 0.5 && tilePixel < 1.5);
    const qint64 c0 = qint64(std::floor(visible.left() / span)), c1 = qint64(std::floor(visible.right() / span));
    const qint64 r0 = qint64(std::floor(visible.top() / span)), r1 = qint64(std::floor(visible.bottom() / span));
    if (overviewOnly()) {
        // Even the coarsest level has four pixels or more for each screen pixel (a large
        // one-level image, say): the overview is as sharp, and one draw.
        p.setRenderHint(QPainter::SmoothPixmapTransform, !d->moving);
        p.drawImage(snapped(QRectF(QPointF(0, 0), s)), d->shownOverview);
    }
    for (qint64 r = overviewOnly() ? r1 + 1 : r0; r <= r1; ++r)
        for (qint64 c = c0; c <= c1; ++c) {
            const QRectF target = QRectF(c * span, r * span, span, span).intersected(QRectF(QPointF(0, 0), s));
            const QImage tile = d->tile({level, c, r});
            if (!tile.isNull()) {
                p.drawImage(snapped(QRectF(target.topLeft(), QSizeF(tile.width() * ds, tile.height() * ds))), tile, QRectF(tile.rect()));
                continue;
            }
            bool drawn = false;
            for (int l = level + 1; l < levels && !drawn; ++l) {
                // The coarse tiles under this one (downsamples need not divide evenly, so it
                // may straddle several): each draws its own part, all or nothing.
                const double cds = info.levels[size_t(l)].downsample, cspan = TileEngine::kTileSize * cds;
                const qint64 cc0 = qint64(std::floor(target.left() / cspan)), cc1 = qint64(std::floor((target.right() - 1e-6) / cspan));
                const qint64 cr0 = qint64(std::floor(target.top() / cspan)), cr1 = qint64(std::floor((target.bottom() - 1e-6) / cspan));
                std::vector<std::pair<QRectF, QImage>> parts;
                bool complete = true;
                for (qint64 cr = cr0; cr <= cr1 && complete; ++cr)
                    for (qint64 cc = cc0; cc <= cc1 && complete; ++cc) {
                        const QImage coarse = d->tile({l, cc, cr});
                        complete = !coarse.isNull();
                        if (complete)
                            parts.push_back({QRectF(cc * cspan, cr * cspan, coarse.width() * cds, coarse.height() * cds), coarse});
                    }
                if (!complete)
                    continue;
                for (const auto& [coarseArea, coarse] : parts) {
                    const QRectF piece = coarseArea.intersected(target);
                    const QRectF source((piece.left() - coarseArea.left()) / cds, (piece.top() - coarseArea.top()) / cds,
                                        piece.width() / cds, piece.height() / cds);
                    p.drawImage(snapped(piece), coarse, source);
                }
                drawn = true;
            }
            if (!drawn && !d->shownOverview.isNull()) {
                const double k = d->shownOverview.width() / s.width();
                p.drawImage(snapped(target), d->shownOverview, QRectF(target.left() * k, target.top() * k, target.width() * k, target.height() * k));
            }
        }
    if (d->heatmapVisible && !d->heatmap.isNull()) {
        // Blocky on purpose: each block is one tile the model scored.
        p.setRenderHint(QPainter::SmoothPixmapTransform, false);
        p.setOpacity(d->heatmapOpacity);
        p.drawImage(d->heatmapRect, d->heatmap);
        p.setOpacity(1.0);
    }
    p.resetTransform();
    // Annotations a few pixels outside the area may still reach into it (pens, handles).
    const double margin = 8.0 / d->scale;
    d->editor.paint(p, t, t.inverted().mapRect(QRectF(rect())), level0Area.adjusted(-margin, -margin, margin, margin));
}

void SlideView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    if (!d->slide) {
        p.fillRect(rect(), QColor(48, 48, 52));
        return;
    }
    const SlideInfo& info = d->slide->info();
    const QSizeF s = d->level0Size();
    const QTransform t = d->transform(size());
    // Tiles, heat map and annotations: the last frame, shifted when the view has panned,
    // with the areas of arrived tiles drawn again; anything else draws it whole.
    const bool contentChanged = std::exchange(d->contentChanged, false) || currentLevel() != d->frameLevel ||
                                d->moving != d->frameMoving;
    d->frameLevel = currentLevel();
    d->frameMoving = d->moving;
    const qreal dpr = devicePixelRatioF();
    const QTransform toDevice = t * QTransform::fromScale(dpr, dpr);
    QRegion damaged;
    for (const QRectF& area : std::exchange(d->damaged, {}))
        damaged |= toDevice.mapRect(area).toAlignedRect();
    p.drawImage(QPointF(0, 0), d->frame.update(size(), dpr, t, !contentChanged, damaged,
                                               [this](QPainter& painter, const QTransform& transform, const QRectF& area) {
                                                   drawContent(painter, transform, area);
                                               }));

    // Scale bar: the largest round length under a quarter of the width.
    if (info.mpp && (*info.mpp)[0] > 0) {
        const double umPerPx = (*info.mpp)[0] / d->scale;
        double bar = 1;
        for (double candidate : {1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0})
            if (candidate / umPerPx <= width() / 4.0)
                bar = candidate;
        const double px = bar / umPerPx;
        const QPointF start(16, height() - 18);
        p.setPen(QPen(Qt::black, 5));
        p.drawLine(start, start + QPointF(px, 0));
        p.setPen(QPen(Qt::white, 3));
        p.drawLine(start, start + QPointF(px, 0));
        shadowText(p, QRectF(start.x(), start.y() - 22, std::max(px, 80.0), 18), Qt::AlignLeft | Qt::AlignBottom, lengthLabel(bar));
    }
    if (magnification() > 0)
        shadowText(p, QRectF(rect().adjusted(8, 6, -8, -6)), Qt::AlignLeft | Qt::AlignTop, tr("%1×").arg(magnification(), 0, 'f', 1));

    // Minimap: the overview with the viewport drawn on it.
    const QRect map = minimapRect();
    if (!map.isEmpty()) {
        p.fillRect(map.adjusted(-2, -2, 2, 2), QColor(0, 0, 0, 160));
        p.drawPixmap(map, d->overview);
        const double k = map.width() / s.width();
        QPolygonF view;
        for (const QPointF& corner : {QPointF(0, 0), QPointF(width(), 0), QPointF(width(), height()), QPointF(0, height())})
            view << map.topLeft() + toSlide(corner) * k;
        p.setClipRect(map);
        p.setPen(QPen(QColor(255, 60, 60), 2));
        p.drawPolygon(view);
        p.setClipping(false);
    }
}

void SlideView::resizeEvent(QResizeEvent*)
{
    if (d->slide && d->fitPending && width() > 1 && height() > 1) {
        d->fitPending = false;
        fit();
        return;
    }
    changed();
}

void SlideView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    zoomAt(std::pow(1.25, steps), event->position());
    event->accept();
}

AnnotationEditor& SlideView::annotations() { return d->editor; }

void SlideView::setDisplay(const DisplaySettings& settings)
{
    if (settings == d->display)
        return;
    d->display = settings;
    d->adjusted.clear();
    d->updateShownOverview();
    redraw();
}

const DisplaySettings& SlideView::display() const { return d->display; }

void SlideView::setTool(AnnotationTool tool)
{
    d->editor.setTool(tool);
    setCursor(tool == AnnotationTool::None ? Qt::ArrowCursor : Qt::CrossCursor);
    redraw();
}

void SlideView::showAnnotation(const std::string& id)
{
    const Annotation* a = d->editor.annotations().find(id);
    if (!a)
        return;
    d->editor.select(id);
    const Box box = bounds(a->geometry);
    setCenter(QPointF((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2));
    emit selectionChanged();
}

void SlideView::afterEdit()
{
    redraw();
    if (d->editor.takeChanged())
        emit annotationsChanged();
}

void SlideView::mousePressEvent(QMouseEvent* event)
{
    d->kinetic->stop();
    const QRect map = minimapRect();
    if (event->button() == Qt::LeftButton && map.contains(event->position().toPoint()) && d->slide) {
        // Jump to the point clicked on the minimap.
        setCenter((event->position() - QPointF(map.topLeft())) * (d->level0Size().width() / map.width()));
        return;
    }
    if (event->button() == Qt::LeftButton && d->slide) {
        const std::string before = d->editor.selected();
        d->editor.setBrushSize(kBrushPx / d->scale); // the brush is a fixed size on screen
        const bool used = d->editor.press(toSlide(event->position()), 1.0 / d->scale, event->modifiers() & Qt::AltModifier);
        if (d->editor.selected() != before)
            emit selectionChanged();
        if (used) {
            afterEdit();
            return;
        }
    }
    if (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton) {
        d->dragging = true;
        d->lastMouse = event->position();
        d->velocity = {};
        d->lastMoveMs = d->clock.elapsed();
    }
}

void SlideView::mouseMoveEvent(QMouseEvent* event)
{
    if (d->editor.isBusy()) {
        d->editor.move(toSlide(event->position()), 1.0 / d->scale);
        redraw();
        return;
    }
    if (!d->dragging)
        return;
    const QPointF delta = event->position() - d->lastMouse;
    const qint64 now = d->clock.elapsed();
    const double dt = std::max<qint64>(1, now - d->lastMoveMs);
    d->velocity = 0.6 * (delta / dt) + 0.4 * d->velocity; // smoothed, for the throw
    d->lastMoveMs = now;
    d->lastMouse = event->position();
    setCenter(toSlide(QPointF(width() / 2.0, height() / 2.0) - delta));
}

void SlideView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && d->editor.doubleClick())
        afterEdit();
}

void SlideView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && d->editor.isBusy()) {
        const std::string before = d->editor.selected();
        d->editor.release(toSlide(event->position()), 1.0 / d->scale);
        if (d->editor.selected() != before)
            emit selectionChanged();
        afterEdit();
        return;
    }
    if (!d->dragging)
        return;
    d->dragging = false;
    // A drag that was still moving keeps going and slows down.
    if (d->clock.elapsed() - d->lastMoveMs < 60 && std::hypot(d->velocity.x(), d->velocity.y()) > 0.3)
        d->kinetic->start();
}

void SlideView::keyPressEvent(QKeyEvent* event)
{
    const QPointF middle(width() / 2.0, height() / 2.0);
    const double stepX = std::round(width() / 4.0), stepY = std::round(height() / 4.0);
    auto pan = [&](double dx, double dy) { setCenter(toSlide(middle + QPointF(dx, dy))); };
    switch (event->key()) {
    case Qt::Key_Left: pan(-stepX, 0); break;
    case Qt::Key_Right: pan(stepX, 0); break;
    case Qt::Key_Up: pan(0, -stepY); break;
    case Qt::Key_Down: pan(0, stepY); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomAt(2.0, middle); break;
    case Qt::Key_Minus: zoomAt(0.5, middle); break;
    case Qt::Key_Home:
    case Qt::Key_F: fit(); break;
    case Qt::Key_R: setRotation(d->rotation + 1); break;
    case Qt::Key_1: setMagnification(1.25); break;
    case Qt::Key_2: setMagnification(2.5); break;
    case Qt::Key_3: setMagnification(5); break;
    case Qt::Key_4: setMagnification(10); break;
    case Qt::Key_5: setMagnification(20); break;
    case Qt::Key_6: setMagnification(40); break;
    case Qt::Key_Delete:
    case Qt::Key_Backspace: d->editor.removeSelected(); afterEdit(); emit selectionChanged(); break;
    case Qt::Key_L: d->editor.toggleLockSelected(); afterEdit(); break;
    case Qt::Key_Escape: d->editor.cancel(); redraw(); break;
    case Qt::Key_Return:
    case Qt::Key_Enter: d->editor.finish(); afterEdit(); break;
    case Qt::Key_Z:
        if (!(event->modifiers() & Qt::ControlModifier)) {
            QWidget::keyPressEvent(event);
            return;
        }
        (event->modifiers() & Qt::ShiftModifier) ? d->editor.redo() : d->editor.undo();
        afterEdit();
        break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void SlideView::setHeatmap(const QImage& heatmap, const QRectF& level0Rect)
{
    d->heatmap = heatmap;
    d->heatmapRect = level0Rect;
    redraw();
}

void SlideView::setHeatmapOpacity(double opacity)
{
    d->heatmapOpacity = std::clamp(opacity, 0.0, 1.0);
    redraw();
}

void SlideView::setHeatmapVisible(bool visible)
{
    d->heatmapVisible = visible;
    redraw();
}

bool SlideView::hasHeatmap() const
{
    return !d->heatmap.isNull();
}

} // namespace pathology
} // namespace radpath
