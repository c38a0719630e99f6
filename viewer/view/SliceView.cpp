#include "viewer/view/SliceView.h"

#include "viewer/render/VtkImageBridge.h"
#include "viewer/render/VtkWidget.h"
#include "viewer/view/SliceViewPrivate.h"

#include <QPainter>
#include <QTimer>
#include <QVBoxLayout>

#include <vtkCamera.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkDataArray.h>
#include <vtkImageData.h>
#include <vtkPointData.h>
#include <vtkImageProperty.h>
#include <vtkImageSlice.h>
#include <vtkImageResliceMapper.h>
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

Rotation identityRotation() { return {1, 0, 0, 0, 1, 0, 0, 0, 1}; }

Rotation axisRotation(const Vec3& axis, double radians)
{
    const double n = norm(axis);
    if (n == 0)
        return identityRotation();
    const double x = axis[0] / n, y = axis[1] / n, z = axis[2] / n;
    const double c = std::cos(radians), s = std::sin(radians), t = 1 - c;
    return {t * x * x + c,     t * x * y - s * z, t * x * z + s * y, //
            t * x * y + s * z, t * y * y + c,     t * y * z - s * x, //
            t * x * z - s * y, t * y * z + s * x, t * z * z + c};
}

Rotation multiply(const Rotation& a, const Rotation& b)
{
    Rotation r{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 3; ++k)
                r[size_t(3 * i + j)] += a[size_t(3 * i + k)] * b[size_t(3 * k + j)];
    return r;
}

Vec3 rotate(const Rotation& r, const Vec3& v)
{
    return {r[0] * v[0] + r[1] * v[1] + r[2] * v[2], r[3] * v[0] + r[4] * v[1] + r[5] * v[2],
            r[6] * v[0] + r[7] * v[1] + r[8] * v[2]};
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

    d->mapper->SliceFacesCameraOn();
    d->mapper->SliceAtFocalPointOn();
    d->mapper->JumpToNearestSliceOn(); // planes parallel to the slices show whole voxels
    d->mapper->SetSlabSampleFactor(1); // slabs sampled once per voxel spacing across them
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
    // The reslice mapper takes the grid's orientation from the actor's matrix (index ->
    // LPS), not from the image's direction.
    d->image = makeIndexFrameVtkImage(volume);
    d->actor->SetUserMatrix(indexFrameToPatient(volume.geometry()));
    d->mapper->SetInputData(d->image);
    d->renderer()->RemoveAllViewProps();
    d->renderer()->AddViewProp(d->actor);
    if (!d->owner)
        d->editor->reset({});
    setCinePlaying(false);
    // Cine at the acquisition's own frame rate where the file gives one.
    setCineRate(volume.info().frameTimeMs > 0 ? 1000.0 / volume.info().frameTimeMs : 15.0);
    d->inverted = volume.info().invertedGrey;
    d->voiLut = -1;
    d->updateLut();

    d->rotation = identityRotation();
    d->cursor = volume.geometry().center();
    d->camera()->SetFocalPoint(d->cursor[0], d->cursor[1], d->cursor[2]);
    d->placeCamera();
    const auto& presets = windowPresets();
    if (!presets.empty())
        applyPreset(presets.front());
    // The middle slice (of the volume's own slices in the Native orientation).
    const auto axis = d->sliceAxis();
    moveAlongNormal(axis.start + (axis.count / 2) * axis.step - dot(d->cursor, d->normal()));
    fit();
    emit sliceChanged(slice());
}

int SliceView::slice() const { return d->volume.isNull() ? 0 : d->sliceOf(d->cursor); }
int SliceView::sliceCount() const { return d->volume.isNull() ? 0 : d->sliceAxis().count; }

// Moves the plane (with the crosshair and the camera) by `mm` along its normal.
void SliceView::moveAlongNormal(double mm)
{
    const Vec3 delta = scale(d->normal(), mm);
    d->cursor = add(d->cursor, delta);
    d->moveCamera(delta);
    d->renderer()->ResetCameraClippingRange();
    d->vtk->requestRender();
}

void SliceView::setLoading(bool loading)
{
    d->loading = loading;
    d->vtk->requestRender();
}

bool SliceView::isLoading() const { return d->loading; }

void SliceView::voxelsChanged(const Volume& volume)
{
    d->volume = volume;
    d->editor->invalidateStatistics();
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
    if (k == slice())
        return;
    if (d->editor->cancel()) // a measurement being drawn belongs to the slice it started on
        afterEdit();
    const auto axis = d->sliceAxis();
    moveAlongNormal(axis.start + k * axis.step - dot(d->cursor, d->normal()));
    emit sliceChanged(k);
    emit crosshairMoved(d->cursor);
}

void SliceView::setOrientation(SliceOrientation orientation)
{
    d->orientation = orientation;
    d->rotation = identityRotation();
    if (d->volume.isNull())
        return;
    d->editor->cancel();
    d->placeCamera();
    fit();
    emit sliceChanged(slice());
}

SliceOrientation SliceView::orientation() const { return d->orientation; }

void SliceView::setPlaneRotation(const Rotation& rotation)
{
    d->rotation = rotation;
    if (d->volume.isNull())
        return;
    d->editor->cancel();
    d->placeCamera();
    d->vtk->requestRender();
    emit sliceChanged(slice());
}

Rotation SliceView::planeRotation() const { return d->rotation; }
Vec3 SliceView::planeNormal() const { return d->normal(); }

void SliceView::setCrosshair(const Vec3& point)
{
    if (d->volume.isNull())
        return;
    const int before = slice();
    // In-plane moves leave the camera; moves across the plane carry it along.
    const double across = dot(sub(point, d->cursor), d->normal());
    d->cursor = point;
    d->moveCamera(scale(d->normal(), across));
    d->renderer()->ResetCameraClippingRange();
    d->vtk->requestRender();
    if (slice() != before)
        emit sliceChanged(slice());
}

Vec3 SliceView::crosshair() const { return d->cursor; }

void SliceView::setCrosshairVisible(bool visible)
{
    d->crosshairVisible = visible;
    d->vtk->requestRender();
}

bool SliceView::isCrosshairVisible() const { return d->crosshairVisible; }

void SliceView::setCrosshairPlanes(std::vector<CrosshairPlane> planes)
{
    d->crosshairPlanes = std::move(planes);
    d->vtk->requestRender();
}

void SliceView::setSlab(SlabMode mode, double thicknessMm)
{
    d->slabMode = thicknessMm > 0 ? mode : SlabMode::None;
    d->slabThickness = d->slabMode == SlabMode::None ? 0.0 : thicknessMm;
    d->mapper->SetSlabThickness(d->slabThickness);
    if (mode == SlabMode::Max)
        d->mapper->SetSlabTypeToMax();
    else if (mode == SlabMode::Min)
        d->mapper->SetSlabTypeToMin();
    else
        d->mapper->SetSlabTypeToMean();
    d->vtk->requestRender();
}

void SliceView::setLayers(LayerStack* layers)
{
    disconnect(d->layersConnection);
    d->layers = layers;
    ++d->layersRevision;
    if (layers)
        d->layersConnection = connect(layers, &LayerStack::changed, this, [this] {
            ++d->layersRevision;
            d->vtk->requestRender();
        });
    d->vtk->requestRender();
}

SlabMode SliceView::slabMode() const { return d->slabMode; }
double SliceView::slabThickness() const { return d->slabThickness; }

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
    // Centre the volume's shadow on the plane; keep the camera on its side of the plane.
    const Vec3 n = d->normal(), centre = d->volume.geometry().center();
    const Vec3 c = sub(centre, scale(n, dot(sub(centre, d->cursor), n)));
    double f[3];
    d->camera()->GetFocalPoint(f);
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
    d->editor->setTool(tool);
    d->vtk->requestRender();
}

SliceView::Tool SliceView::tool() const { return d->editor->tool(); }
const std::vector<Measurement>& SliceView::measurements() const { return d->editor->measurements(); }

void SliceView::setMeasurements(std::vector<Measurement> measurements)
{
    d->editor->reset(std::move(measurements));
    afterEdit();
}

void SliceView::clearMeasurements()
{
    d->editor->clear();
    afterEdit();
}

void SliceView::removeMeasurement(int index)
{
    d->editor->select(index);
    if (d->editor->selected() == index)
        d->editor->removeSelected();
    afterEdit();
}

void SliceView::selectMeasurement(int index)
{
    d->editor->select(index);
    const int selected = d->editor->selected();
    if (selected >= 0) {
        // The crosshair to the measurement: this plane, and any linked ones, pass through it.
        setCrosshair(measurements()[size_t(selected)].points.front());
        emit crosshairMoved(d->cursor);
    }
    d->vtk->requestRender();
    emit measurementSelected(selected);
}

int SliceView::selectedMeasurement() const { return d->editor->selected(); }

RegionStatistics SliceView::measurementStatistics(int index) const
{
    return d->editor->statistics(d->volume, index);
}

bool SliceView::undo()
{
    const bool done = d->editor->undo();
    afterEdit();
    return done;
}

bool SliceView::redo()
{
    const bool done = d->editor->redo();
    afterEdit();
    return done;
}

// After anything that may have changed the measurements: repaint and tell the listeners
// (through the view that owns a shared list).
void SliceView::afterEdit()
{
    d->vtk->requestRender();
    if (!d->editor->takeChanged())
        return;
    SliceView* owner = d->owner ? d->owner.data() : this;
    emit owner->measurementsChanged();
    if (d->editor->lastAdded() >= 0)
        emit owner->measurementAdded(d->editor->lastAdded());
}

void SliceView::shareMeasurementsWith(SliceView* owner)
{
    disconnect(d->ownerConnection);
    if (!owner || owner == this) {
        d->owner = nullptr;
        d->editor = std::make_shared<MeasurementEditor>(*d->editor);
        return;
    }
    d->owner = owner;
    d->editor = owner->d->editor;
    d->ownerConnection = connect(owner, &SliceView::measurementsChanged, this, [this] { d->vtk->requestRender(); });
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

} // namespace viewer
} // namespace radpath
