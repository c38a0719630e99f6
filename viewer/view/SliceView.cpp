#include "viewer/view/SliceView.h"

#include "viewer/render/VtkImageBridge.h"
#include "viewer/render/VtkWidget.h"
#include "viewer/view/SliceViewPrivate.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <vtkCamera.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkDataArray.h>
#include <vtkImageData.h>
#include <vtkPointData.h>
#include <vtkImageProperty.h>
#include <vtkImageSlice.h>
#include <vtkImageSliceMapper.h>
#include <vtkLookupTable.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <cmath>

namespace radpath {
namespace viewer {

const std::vector<NamedWindow>& ctWindowPresets()
{
    static const std::vector<NamedWindow> presets{
        {SliceView::tr("CT brain"), 40, 80},          {SliceView::tr("CT subdural"), 75, 215},
        {SliceView::tr("CT stroke"), 40, 40},         {SliceView::tr("CT lung"), -600, 1500},
        {SliceView::tr("CT mediastinum"), 50, 350},   {SliceView::tr("CT bone"), 400, 1800},
        {SliceView::tr("CT abdomen"), 40, 400},       {SliceView::tr("CT liver"), 60, 160},
    };
    return presets;
}

SliceView::SliceView(QWidget* parent) : QWidget(parent), d(std::make_unique<Private>())
{
    d->vtk = new VtkWidget(this);
    d->vtk->setObjectName(QStringLiteral("sliceView"));
    d->vtk->installEventFilter(this);
    d->vtk->setMouseTracking(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->vtk);

    d->mapper->SetOrientationToZ();
    d->actor->SetMapper(d->mapper);
    d->actor->GetProperty()->SetInterpolationTypeToLinear();
    d->actor->GetProperty()->SetLookupTable(d->lut);
    d->actor->GetProperty()->UseLookupTableScalarRangeOff();
    d->updateLut();
    d->renderer()->SetBackground(0, 0, 0);
    d->camera()->ParallelProjectionOn();
    d->vtk->setOverlayPainter([this](QPainter& painter) { paintOverlay(painter); });
    d->cine = new QTimer(this);
    d->cine->setTimerType(Qt::PreciseTimer);
    connect(d->cine, &QTimer::timeout, this, [this] {
        setSlice(slice() + 1 < sliceCount() ? slice() + 1 : 0);
    });
}

SliceView::~SliceView() = default;

VtkWidget* SliceView::vtkWidget() const { return d->vtk; }
const Volume& SliceView::volume() const { return d->volume; }

void SliceView::setVolume(const Volume& volume)
{
    d->volume = volume; // shares voxels; keeps them alive for the borrowed vtkImageData
    d->image = makeVtkImage(volume);
    d->mapper->SetInputData(d->image);
    d->renderer()->RemoveAllViewProps();
    d->renderer()->AddViewProp(d->actor);
    d->editor.reset({});
    setCinePlaying(false);
    // Cine at the acquisition's own frame rate where the file gives one.
    setCineRate(volume.info().frameTimeMs > 0 ? 1000.0 / volume.info().frameTimeMs : 15.0);
    d->inverted = volume.info().invertedGrey;
    d->voiLut = -1;
    d->updateLut();

    // Radiological conventions: axial from the feet with anterior up, coronal from the
    // front with superior up, sagittal from the patient's left with superior up.
    const Vec3 n = d->normal();
    const int dominant = int(std::max_element(n.begin(), n.end(), [](double a, double b) { return std::abs(a) < std::abs(b); }) -
                             n.begin());
    Vec3 from{0, 0, 0}, up{0, 0, 0};
    if (dominant == 2)
        from = {0, 0, -1}, up = {0, -1, 0};
    else if (dominant == 1)
        from = {0, -1, 0}, up = {0, 0, 1};
    else
        from = {1, 0, 0}, up = {0, 0, 1};
    const Vec3 c = volume.geometry().center();
    d->camera()->SetFocalPoint(c[0], c[1], c[2]);
    d->camera()->SetPosition(c[0] + 1000 * from[0], c[1] + 1000 * from[1], c[2] + 1000 * from[2]);
    d->camera()->SetViewUp(up[0], up[1], up[2]);

    const auto& presets = windowPresets();
    if (!presets.empty())
        applyPreset(presets.front());
    d->mapper->SetSliceNumber(-1);
    setSlice(volume.geometry().size[2] / 2);
    fit();
}

int SliceView::slice() const { return d->mapper->GetSliceNumber(); }
int SliceView::sliceCount() const { return d->volume.isNull() ? 0 : d->volume.geometry().size[2]; }

void SliceView::setLoading(bool loading)
{
    d->loading = loading;
    d->vtk->requestRender();
}

bool SliceView::isLoading() const { return d->loading; }

void SliceView::voxelsChanged(const Volume& volume)
{
    d->volume = volume;
    d->editor.invalidateStatistics();
    d->updateLut(); // the final info may bring VOI LUTs or a VOI LUT function
    d->image->GetPointData()->GetScalars()->Modified();
    d->image->Modified();
    d->vtk->requestRender();
}

void SliceView::setSlice(int k)
{
    if (d->volume.isNull() || d->loading)
        return;
    k = std::clamp(k, 0, sliceCount() - 1);
    if (k == d->mapper->GetSliceNumber())
        return;
    if (d->editor.cancel()) // a measurement being drawn belongs to the slice it started on
        afterEdit();
    d->mapper->SetSliceNumber(k);
    d->renderer()->ResetCameraClippingRange();
    d->vtk->requestRender();
    emit sliceChanged(k);
}

void SliceView::setWindow(double center, double width)
{
    width = std::max(1e-3, width);
    d->voiLut = -1;
    d->actor->GetProperty()->SetColorLevel(center);
    d->actor->GetProperty()->SetColorWindow(width);
    d->updateLut();
    d->vtk->requestRender();
    emit windowChanged(center, width);
}

double SliceView::windowCenter() const { return d->actor->GetProperty()->GetColorLevel(); }
double SliceView::windowWidth() const { return d->actor->GetProperty()->GetColorWindow(); }

std::vector<NamedWindow> SliceView::windowPresets() const
{
    std::vector<NamedWindow> presets;
    for (const auto& w : d->volume.info().windowPresets)
        presets.push_back({QString::fromStdString(w.name), w.center, w.width});
    const auto& luts = d->volume.info().voiLuts;
    for (int i = 0; i < int(luts.size()); ++i) {
        const auto& t = luts[size_t(i)];
        // The values the table spans, as the window that roughly matches it.
        const double width = std::max(1.0, double(t.table.size()));
        presets.push_back({QString::fromStdString(t.name), t.firstMapped + width / 2, width, i});
    }
    if (d->volume.info().units == "HU")
        presets.insert(presets.end(), ctWindowPresets().begin(), ctWindowPresets().end());
    if (presets.empty() && !d->volume.isNull()) {
        const auto [lo, hi] = d->volume.range();
        presets.push_back({tr("Full range"), (lo + hi) / 2.0, std::max(1.0, hi - lo)});
    }
    return presets;
}

void SliceView::applyPreset(const NamedWindow& preset)
{
    if (preset.voiLut >= 0)
        setVoiLut(preset.voiLut);
    else
        setWindow(preset.center, preset.width);
}

void SliceView::setVoiLut(int index)
{
    if (index < 0 || index >= int(d->volume.info().voiLuts.size())) {
        setWindow(windowCenter(), windowWidth());
        return;
    }
    d->voiLut = index;
    d->updateLut();
    d->vtk->requestRender();
}

int SliceView::voiLut() const { return d->voiLut; }

void SliceView::setInverted(bool inverted)
{
    d->inverted = inverted;
    d->updateLut();
    d->vtk->requestRender();
}

bool SliceView::isInverted() const { return d->inverted; }

double SliceView::zoom() const
{
    return d->fitScale / std::max(1e-9, d->camera()->GetParallelScale());
}

void SliceView::fit()
{
    if (d->volume.isNull())
        return;
    const auto [w, h] = d->screenExtent();
    const double aspect = double(std::max(1, d->vtk->width())) / std::max(1, d->vtk->height());
    d->fitScale = 0.51 * std::max(h, w / aspect);
    const Vec3 c = d->planeCenter();
    double f[3];
    d->camera()->GetFocalPoint(f);
    // Centre the slice; keep the camera on its side of the plane.
    const Vec3 delta{c[0] - f[0], c[1] - f[1], c[2] - f[2]};
    d->moveCamera(delta);
    d->camera()->SetParallelScale(d->fitScale);
    d->renderer()->ResetCameraClippingRange();
    d->vtk->requestRender();
}

void SliceView::actualSize()
{
    // Parallel scale is half the view height in mm: one voxel per device pixel.
    const double pixelMm = std::min(d->volume.geometry().spacing[0], d->volume.geometry().spacing[1]);
    d->camera()->SetParallelScale(0.5 * d->heightPx() * pixelMm);
    d->vtk->requestRender();
}

void SliceView::zoomAt(double factor, QPointF anchor)
{
    if (factor <= 0 || d->volume.isNull())
        return;
    const Vec3 before = d->toWorld(anchor);
    d->camera()->SetParallelScale(d->camera()->GetParallelScale() / factor);
    const Vec3 after = d->toWorld(anchor);
    d->moveCamera(sub(before, after));
    d->vtk->requestRender();
}

void SliceView::rotate90()
{
    d->camera()->Roll(-90);
    d->vtk->requestRender();
}

void SliceView::flipHorizontal()
{
    // Look at the plane from its other side: left and right swap, up stays.
    double f[3], p[3];
    d->camera()->GetFocalPoint(f);
    d->camera()->GetPosition(p);
    d->camera()->SetPosition(2 * f[0] - p[0], 2 * f[1] - p[1], 2 * f[2] - p[2]);
    d->renderer()->ResetCameraClippingRange();
    d->vtk->requestRender();
}

void SliceView::setTool(Tool tool)
{
    d->editor.setTool(tool);
    d->vtk->requestRender();
}

SliceView::Tool SliceView::tool() const { return d->editor.tool(); }
const std::vector<Measurement>& SliceView::measurements() const { return d->editor.measurements(); }

void SliceView::setMeasurements(std::vector<Measurement> measurements)
{
    d->editor.reset(std::move(measurements));
    afterEdit();
}

void SliceView::clearMeasurements()
{
    d->editor.clear();
    afterEdit();
}

void SliceView::removeMeasurement(int index)
{
    d->editor.select(index);
    if (d->editor.selected() == index)
        d->editor.removeSelected();
    afterEdit();
}

void SliceView::selectMeasurement(int index)
{
    d->editor.select(index);
    const int selected = d->editor.selected();
    if (selected >= 0)
        setSlice(measurements()[size_t(selected)].slice);
    d->vtk->requestRender();
    emit measurementSelected(selected);
}

int SliceView::selectedMeasurement() const { return d->editor.selected(); }

RegionStatistics SliceView::measurementStatistics(int index) const
{
    return d->editor.statistics(d->volume, index);
}

bool SliceView::undo()
{
    const bool done = d->editor.undo();
    afterEdit();
    return done;
}

bool SliceView::redo()
{
    const bool done = d->editor.redo();
    afterEdit();
    return done;
}

// After anything that may have changed the measurements: repaint and tell the listeners.
void SliceView::afterEdit()
{
    d->vtk->requestRender();
    if (!d->editor.takeChanged())
        return;
    emit measurementsChanged();
    if (d->editor.lastAdded() >= 0)
        emit measurementAdded(d->editor.lastAdded());
}

void SliceView::setCinePlaying(bool playing)
{
    playing = playing && sliceCount() > 1 && !d->loading;
    if (playing == isCinePlaying())
        return;
    if (playing) {
        d->cine->start(int(std::lround(1000.0 / d->cineRate)));
    } else {
        d->cine->stop();
    }
    emit cineChanged(playing);
}

bool SliceView::isCinePlaying() const { return d->cine->isActive(); }

void SliceView::setCineRate(double framesPerSecond)
{
    d->cineRate = std::clamp(framesPerSecond, 0.5, 120.0);
    if (isCinePlaying())
        d->cine->setInterval(int(std::lround(1000.0 / d->cineRate)));
}

double SliceView::cineRate() const { return d->cineRate; }

Vec3 SliceView::patientPointAt(QPointF widgetPos) const
{
    return d->toWorld(widgetPos);
}

void SliceView::hideEvent(QHideEvent* event)
{
    setCinePlaying(false);
    QWidget::hideEvent(event);
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
        if (mouse->button() == Qt::LeftButton && d->editor.press(mouse->position(), d->projection())) {
            const int selected = d->editor.selected();
            afterEdit();
            emit measurementSelected(selected);
        }
        d->vtk->setFocus();
        return true;
    }
    case QEvent::MouseButtonDblClick: {
        auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton && d->editor.doubleClick(mouse->position(), d->projection()))
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
        } else {
            d->editor.move(pos, d->projection());
        }
        d->lastMouse = pos;
        d->hasMouse = true;
        d->vtk->requestRender();
        return true;
    }
    case QEvent::MouseButtonRelease: {
        auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton && d->editor.release(mouse->position(), d->projection()))
            afterEdit();
        d->dragButton = Qt::NoButton;
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
        case Qt::Key_Escape: d->editor.cancel(); afterEdit(); return true;
        case Qt::Key_Return:
        case Qt::Key_Enter: d->editor.finish(); afterEdit(); return true;
        case Qt::Key_Delete:
        case Qt::Key_Backspace: d->editor.removeSelected(); afterEdit(); return true;
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
