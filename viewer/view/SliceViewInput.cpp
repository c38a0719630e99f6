// SliceView's mouse and keys: wheel and keys through slices, right-drag window/level,
// middle-drag pan, Ctrl+wheel zoom, left button for the measurement tools or the crosshair
// (move it; its handles tilt the other planes).

#include "viewer/view/SliceView.h"

#include "viewer/view/SliceViewPrivate.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <cmath>

namespace radpath {
namespace viewer {

void SliceView::setInputTool(SliceInputTool* tool)
{
    d->inputTool = tool;
    d->vtk->requestRender();
}

SliceInputTool* SliceView::inputTool() const
{
    return d->inputTool;
}

int SliceView::normalAxis() const
{
    const Vec3 n = d->normal();
    int best = 2;
    double most = -1.0;
    for (int axis = 0; axis < 3; ++axis) {
        const double along = std::abs(dot(n, d->volume.geometry().axisDirection(axis)));
        if (along > most) {
            most = along;
            best = axis;
        }
    }
    return best;
}

bool SliceView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != d->vtk || d->volume.isNull())
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::Wheel: {
        auto* wheel = static_cast<QWheelEvent*>(event);
        const int steps = wheel->angleDelta().y() / 120;
        if (wheel->modifiers() & Qt::ControlModifier)
            zoomAt(std::pow(1.2, steps), wheel->position());
        else
            setSlice(slice() + steps);
        return true;
    }
    case QEvent::MouseButtonPress: {
        auto* mouse = static_cast<QMouseEvent*>(event);
        d->dragButton = mouse->button();
        d->dragStart = d->lastMouse = mouse->position();
        d->startCenter = windowCenter();
        d->startWidth = windowWidth();
        if (mouse->button() == Qt::LeftButton && d->inputTool) {
            d->inputTool->press(d->toWorld(mouse->position()), normalAxis(), mouse->modifiers());
        } else if (mouse->button() == Qt::LeftButton && d->editor->press(mouse->position(), d->projection())) {
            const int selected = d->editor->selected();
            afterEdit();
            emit measurementSelected(selected);
        } else if (mouse->button() == Qt::LeftButton && d->crosshairVisible && tool() == Tool::None) {
            // A handle turns the other planes; anywhere else moves the crosshair there.
            d->crosshairDrag = Private::CrosshairDrag::Move;
            for (int h = 0; h < 2 * int(d->crosshairPlanes.size()); ++h) {
                const QPointF handle = crosshairHandle(h);
                if (std::hypot(handle.x() - mouse->position().x(), handle.y() - mouse->position().y()) <= 8)
                    d->crosshairDrag = Private::CrosshairDrag::Rotate;
            }
            if (d->crosshairDrag == Private::CrosshairDrag::Move) {
                setCrosshair(d->toWorld(mouse->position()));
                emit crosshairMoved(d->cursor);
            }
        }
        d->vtk->setFocus();
        return true;
    }
    case QEvent::MouseButtonDblClick: {
        auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton && d->editor->doubleClick(mouse->position(), d->projection()))
            afterEdit();
        return true;
    }
    case QEvent::MouseMove: {
        auto* mouse = static_cast<QMouseEvent*>(event);
        const QPointF pos = mouse->position();
        if (d->dragButton == Qt::RightButton) {
            // Right-drag: horizontal is window width, vertical is level.
            const double perPixel = std::max(1.0, d->startWidth) / 256.0;
            setWindow(d->startCenter + (pos.y() - d->dragStart.y()) * perPixel,
                      std::max(1.0, d->startWidth + (pos.x() - d->dragStart.x()) * perPixel));
        } else if (d->dragButton == Qt::MiddleButton) {
            d->moveCamera(sub(d->toWorld(d->lastMouse), d->toWorld(pos)));
        } else if (d->dragButton == Qt::LeftButton && d->inputTool) {
            d->inputTool->move(d->toWorld(pos), normalAxis());
        } else if (d->dragButton == Qt::LeftButton && d->crosshairDrag == Private::CrosshairDrag::Move) {
            setCrosshair(d->toWorld(pos));
            emit crosshairMoved(d->cursor);
        } else if (d->dragButton == Qt::LeftButton && d->crosshairDrag == Private::CrosshairDrag::Rotate) {
            // The angle swept about the crosshair, as a turn about this plane's normal.
            const Vec3 n = d->normal();
            const Vec3 from = sub(d->toWorld(d->lastMouse), d->cursor), to = sub(d->toWorld(pos), d->cursor);
            const double radians = std::atan2(dot(cross(from, to), n), dot(from, to));
            if (norm(from) > 0 && norm(to) > 0 && radians != 0)
                emit rotationRequested(n, radians);
        } else {
            d->editor->move(pos, d->projection());
        }
        d->lastMouse = pos;
        d->hasMouse = true;
        d->vtk->requestRender();
        return true;
    }
    case QEvent::MouseButtonRelease: {
        auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton && d->inputTool && d->dragButton == Qt::LeftButton)
            d->inputTool->release(d->toWorld(mouse->position()), normalAxis());
        else if (mouse->button() == Qt::LeftButton && d->editor->release(mouse->position(), d->projection()))
            afterEdit();
        d->dragButton = Qt::NoButton;
        d->crosshairDrag = Private::CrosshairDrag::None;
        d->vtk->requestRender();
        return true;
    }
    case QEvent::Leave:
        d->hasMouse = false;
        d->vtk->requestRender();
        return false;
    case QEvent::KeyPress: {
        auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_PageUp: setSlice(slice() + (key->key() == Qt::Key_PageUp ? 10 : 1)); return true;
        case Qt::Key_Down:
        case Qt::Key_PageDown: setSlice(slice() - (key->key() == Qt::Key_PageDown ? 10 : 1)); return true;
        case Qt::Key_Home: setSlice(0); return true;
        case Qt::Key_End: setSlice(sliceCount() - 1); return true;
        case Qt::Key_F: fit(); return true;
        case Qt::Key_1: actualSize(); return true;
        case Qt::Key_I: setInverted(!isInverted()); return true;
        case Qt::Key_R: rotate90(); return true;
        case Qt::Key_H: flipHorizontal(); return true;
        case Qt::Key_Space: setCinePlaying(!isCinePlaying()); return true;
        case Qt::Key_Escape: d->editor->cancel(); afterEdit(); return true;
        case Qt::Key_Return:
        case Qt::Key_Enter: d->editor->finish(); afterEdit(); return true;
        case Qt::Key_Delete:
        case Qt::Key_Backspace: d->editor->removeSelected(); afterEdit(); return true;
        case Qt::Key_Z:
            if (key->modifiers() & Qt::ControlModifier) {
                (key->modifiers() & Qt::ShiftModifier) ? redo() : undo();
                return true;
            }
            return false;
        case Qt::Key_Y:
            if (key->modifiers() & Qt::ControlModifier) {
                redo();
                return true;
            }
            return false;
        default: break;
        }
        return false;
    }
    case QEvent::Resize:
        QMetaObject::invokeMethod(this, [this] { fit(); }, Qt::QueuedConnection);
        return false;
    default: break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace viewer
} // namespace radpath
