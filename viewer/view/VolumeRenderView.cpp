#include "viewer/view/VolumeRenderView.h"

#include "viewer/render/VtkImageBridge.h"
#include "viewer/render/VtkWidget.h"
#include "viewer/view/TransferFunctionEditor.h"
#include "viewer/view/VolumeRenderViewPrivate.h"

#include <QAction>
#include <QComboBox>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QMouseEvent>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <vtkCamera.h>
#include <vtkFixedPointVolumeRayCastMapper.h>
#include <vtkGPUVolumeRayCastMapper.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkObjectFactory.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkVolumeProperty.h>

#include <algorithm>

namespace radpath {
namespace viewer {
namespace {

// Small volumes get their histogram at once; larger ones in the background.
constexpr std::size_t kSyncHistogramVoxels = std::size_t(1) << 22;

struct ViewDirection {
    Vec3 side; ///< unit vector from the focal point to the camera, LPS
    Vec3 up;
};

ViewDirection directionOf(VolumeRenderView::StandardView view)
{
    using V = VolumeRenderView::StandardView;
    switch (view) {
    case V::Anterior:
        return {{0, -1, 0}, {0, 0, 1}};
    case V::Posterior:
        return {{0, 1, 0}, {0, 0, 1}};
    case V::Left:
        return {{1, 0, 0}, {0, 0, 1}};
    case V::Right:
        return {{-1, 0, 0}, {0, 0, 1}};
    case V::Superior:
        return {{0, 0, 1}, {0, -1, 0}};
    case V::Inferior:
        return {{0, 0, -1}, {0, -1, 0}};
    }
    return {{0, -1, 0}, {0, 0, 1}};
}

// vtkSmartVolumeMapper locks its ray casters' sample distance to the input spacing and so
// ignores SetSampleDistance(); this view sets the distance itself (still and interactive).
class SampleDistanceMapper : public vtkSmartVolumeMapper {
public:
    static SampleDistanceMapper* New();
    vtkTypeMacro(SampleDistanceMapper, vtkSmartVolumeMapper)

    /// Rays every `pixels` screen pixels (1: every pixel); the image is interpolated between.
    void setImageSampleDistance(float pixels)
    {
        GPUMapper->SetImageSampleDistance(pixels);
        GPULowResMapper->SetImageSampleDistance(pixels);
        RayCastMapper->SetImageSampleDistance(pixels);
    }

protected:
    SampleDistanceMapper()
    {
        GPUMapper->LockSampleDistanceToInputSpacingOff();
        GPULowResMapper->LockSampleDistanceToInputSpacingOff();
        RayCastMapper->LockSampleDistanceToInputSpacingOff();
    }
};
vtkStandardNewMacro(SampleDistanceMapper);

bool isHounsfield(const Volume& volume)
{
    return volume.info().units == "HU" || volume.info().modality == "CT";
}

} // namespace

VolumeRenderView::VolumeRenderView(QWidget* parent) : QWidget(parent), d(std::make_unique<Private>())
{
    setObjectName(QStringLiteral("volumeRenderView"));
    d->view = new VtkWidget(this);
    d->view->setObjectName(QStringLiteral("volumeRender3d"));
    d->view->installEventFilter(this);
    d->view->renderer()->SetBackground(0.08, 0.09, 0.12);
    d->view->setInteractorStyle(vtkSmartPointer<vtkInteractorStyleTrackballCamera>::New());
    d->editor = new TransferFunctionEditor(this);
    d->editor->hide();
    d->crop = new CropBoxPanel(this);
    d->crop->hide();
    d->wheelIdle = new QTimer(this);
    d->wheelIdle->setSingleShot(true);
    d->wheelIdle->setInterval(250);
    connect(d->wheelIdle, &QTimer::timeout, this, [this] {
        if (QGuiApplication::mouseButtons() == Qt::NoButton)
            setInteracting(false);
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(buildToolRow());
    layout->addWidget(d->view, 1);
    layout->addWidget(d->crop);
    layout->addWidget(d->editor);

    d->mapper = vtkSmartPointer<SampleDistanceMapper>::New();
    d->actor->SetMapper(d->mapper);
    vtkVolumeProperty* property = d->actor->GetProperty();
    property->SetScalarOpacity(d->opacity);
    property->SetColor(d->colour);
    property->SetInterpolationTypeToLinear();
    // Quality is ours to set: a fixed sample distance, lowered only while interacting.
    d->mapper->InteractiveAdjustSampleDistancesOff();
    d->mapper->AutoAdjustSampleDistancesOff();
    d->mapper->SetRequestedRenderModeToDefault();

    connect(d->editor, &TransferFunctionEditor::transferFunctionChanged, this, [this](const TransferFunction& tf) {
        d->tf = tf;
        d->pendingPreset.clear();
        d->actor->VisibilityOn();
        applyTransferFunction();
    });
    connect(d->crop, &CropBoxPanel::boxChanged, this, [this] { applyCrop(); });
}

VolumeRenderView::~VolumeRenderView()
{
    if (d->labelCancel)
        d->labelCancel->store(true);
}

void VolumeRenderView::setVolume(const Volume& volume)
{
    d->volume = volume; // shares voxels; keeps them alive for the borrowed vtkImageData
    ++d->histogramGeneration;
    if (volume.isNull()) {
        d->view->renderer()->RemoveVolume(d->actor);
        d->view->requestRender();
        return;
    }
    const ImageGeometry& g = volume.geometry();
    // The mapper sees the voxels in their index frame (x = i * spacing...); the actor's
    // matrix [direction | origin] puts them in LPS, for every mapper VTK may fall back to.
    d->image = makeIndexFrameVtkImage(volume);
    d->actor->SetUserMatrix(indexFrameToPatient(g));
    d->mapper->SetInputData(d->image);

    // Half a voxel between samples for still frames.
    d->stillDistance = 0.5 * std::max(1e-3, std::min({g.spacing[0], g.spacing[1], g.spacing[2]}));
    d->interacting = false;
    d->mapper->SetSampleDistance(float(d->stillDistance));

    d->crop->setImageGeometry(g);
    applyCrop();

    vtkRenderer* renderer = d->view->renderer();
    renderer->RemoveVolume(d->actor);
    renderer->AddVolume(d->actor);

    d->histogram = {};
    const int generation = d->histogramGeneration;
    d->histogramPending = true;
    d->pendingPreset.clear();
    if (volume.voxelCount() <= kSyncHistogramVoxels) {
        d->histogram = computeHistogram(volume);
        d->histogramPending = false;
    } else {
        auto* watcher = new QFutureWatcher<VolumeHistogram>(this);
        connect(watcher, &QFutureWatcher<VolumeHistogram>::finished, this, [this, watcher, generation] {
            watcher->deleteLater();
            if (generation != d->histogramGeneration)
                return;
            d->histogram = watcher->result();
            d->histogramPending = false;
            histogramReady();
        });
        watcher->setFuture(QtConcurrent::run([volume] { return computeHistogram(volume); }));
    }
    d->editor->setHistogram(d->histogram);
    applyPreset(isHounsfield(volume) ? QStringLiteral("CT soft tissue") : QStringLiteral("MR default"));

    d->view3d = StandardView::Anterior;
    d->cameraPending = true;
    placeCamera();
}

const Volume& VolumeRenderView::volume() const
{
    return d->volume;
}

void VolumeRenderView::histogramReady()
{
    d->editor->setHistogram(d->histogram);
    const QString pending = d->pendingPreset;
    d->pendingPreset.clear();
    if (!pending.isEmpty())
        applyPreset(pending);
}

bool VolumeRenderView::applyPreset(const QString& name)
{
    const std::string id = name.toStdString();
    const auto names = transferFunctionPresetNames();
    if (std::find(names.begin(), names.end(), id) == names.end())
        return false;
    const bool hounsfield = isHounsfield(d->volume);
    // Presets without absolute units scale to the histogram: wait for it, showing nothing.
    if (d->histogramPending && !hounsfield && (id == "MR default" || id == "MIP")) {
        d->pendingPreset = name;
        d->actor->VisibilityOff();
        d->view->requestRender();
        return true;
    }
    PresetScale scale{hounsfield, 0.0, 1.0};
    if (!d->histogram.isEmpty()) {
        scale.low = d->histogram.percentile(0.01);
        scale.high = d->histogram.percentile(0.995);
    }
    setTransferFunction(*transferFunctionPreset(id, scale));
    return true;
}

void VolumeRenderView::setTransferFunction(const TransferFunction& tf)
{
    d->pendingPreset.clear(); // a later choice wins over a preset waiting for the histogram
    d->actor->VisibilityOn();
    d->tf = tf;
    d->tf.sortPoints();
    d->editor->setTransferFunction(d->tf);
    applyTransferFunction();
    placeCamera(); // a volume hidden until now may be the first thing in the scene
}

const TransferFunction& VolumeRenderView::transferFunction() const
{
    return d->tf;
}

void VolumeRenderView::applyTransferFunction()
{
    const TransferFunction& tf = d->tf;
    d->opacity->RemoveAllPoints();
    for (const OpacityPoint& p : tf.opacity)
        d->opacity->AddPoint(p.value, p.opacity);
    d->colour->RemoveAllPoints();
    for (const ColourPoint& c : tf.colour)
        d->colour->AddRGBPoint(c.value, c.r, c.g, c.b);
    vtkVolumeProperty* property = d->actor->GetProperty();
    property->SetShade(tf.shade && !tf.mip);
    property->SetAmbient(tf.ambient);
    property->SetDiffuse(tf.diffuse);
    property->SetSpecular(tf.specular);
    property->SetSpecularPower(tf.specularPower);
    d->mapper->SetBlendMode(tf.mip ? vtkVolumeMapper::MAXIMUM_INTENSITY_BLEND : vtkVolumeMapper::COMPOSITE_BLEND);
    {
        const QSignalBlocker block(d->shading);
        d->shading->setChecked(tf.shade);
        d->shading->setEnabled(!tf.mip);
    }
    const int index = d->presets->findData(QString::fromStdString(tf.name));
    if (index >= 0)
        d->presets->setCurrentIndex(index);
    d->view->requestRender();
    emit transferFunctionChanged(tf);
}

void VolumeRenderView::setShading(bool on)
{
    if (d->tf.shade == on)
        return;
    d->tf.shade = on;
    d->editor->setTransferFunction(d->tf);
    applyTransferFunction();
}

bool VolumeRenderView::shading() const
{
    return d->tf.shade;
}

void VolumeRenderView::showStandardView(StandardView view)
{
    d->view3d = view;
    d->cameraPending = true;
    placeCamera();
}

void VolumeRenderView::resetCamera()
{
    showStandardView(StandardView::Anterior);
}

void VolumeRenderView::placeCamera()
{
    // VTK fits the scene to the widget's aspect: a widget just shown, not laid out yet,
    // would leave it a speck. The camera waits for a real size.
    QWidget* w = d->view;
    vtkRenderer* renderer = d->view->renderer();
    const double aspect = double(w->width()) / std::max(1, w->height());
    if (!d->cameraPending || !w->isVisible() || w->width() < 16 || aspect < 0.2 || aspect > 5)
        return;
    if (renderer->VisibleVolumeCount() + renderer->VisibleActorCount() == 0)
        return;
    d->cameraPending = false;
    renderer->GetRenderWindow()->SetSize(qRound(w->width() * w->devicePixelRatioF()),
                                         qRound(w->height() * w->devicePixelRatioF()));
    double bounds[6];
    renderer->ComputeVisiblePropBounds(bounds);
    const Vec3 c{(bounds[0] + bounds[1]) / 2, (bounds[2] + bounds[3]) / 2, (bounds[4] + bounds[5]) / 2};
    const ViewDirection v = directionOf(d->view3d);
    vtkCamera* camera = renderer->GetActiveCamera();
    camera->SetFocalPoint(c[0], c[1], c[2]);
    camera->SetPosition(c[0] + 1000.0 * v.side[0], c[1] + 1000.0 * v.side[1], c[2] + 1000.0 * v.side[2]);
    camera->SetViewUp(v.up[0], v.up[1], v.up[2]);
    renderer->ResetCamera();
    camera->Zoom(1.1);
    renderer->ResetCameraClippingRange();
    d->view->requestRender();
}

bool VolumeRenderView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == d->view) {
        switch (event->type()) {
        case QEvent::Resize:
        case QEvent::Show:
            placeCamera();
            break;
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonDblClick:
            setInteracting(true);
            break;
        case QEvent::MouseButtonRelease:
            if (static_cast<QMouseEvent*>(event)->buttons() == Qt::NoButton)
                setInteracting(false);
            break;
        case QEvent::Wheel:
            setInteracting(true);
            d->wheelIdle->start();
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void VolumeRenderView::setInteracting(bool on)
{
    if (on == d->interacting)
        return;
    d->interacting = on;
    // While turning: fewer samples along each ray and a ray every other pixel.
    d->mapper->SetSampleDistance(float(on ? d->stillDistance * kInteractiveSampleFactor : d->stillDistance));
    static_cast<SampleDistanceMapper*>(d->mapper.Get())->setImageSampleDistance(on ? 2.0f : 1.0f);
    if (!on)
        d->view->requestRender(); // the full-quality frame
}

double VolumeRenderView::sampleDistance() const
{
    return d->mapper->GetSampleDistance();
}
double VolumeRenderView::stillSampleDistance() const
{
    return d->stillDistance;
}
bool VolumeRenderView::isInteracting() const
{
    return d->interacting;
}

void VolumeRenderView::setTransferFunctionEditorVisible(bool visible)
{
    {
        const QSignalBlocker block(d->editorToggle);
        d->editorToggle->setChecked(visible);
    }
    d->editor->setVisible(visible);
}

bool VolumeRenderView::isTransferFunctionEditorVisible() const
{
    return d->editorToggle->isChecked();
}

bool VolumeRenderView::saveScreenshot(const QString& path)
{
    return d->view->saveScreenshot(path);
}

VtkWidget* VolumeRenderView::vtkWidget() const
{
    return d->view;
}
TransferFunctionEditor* VolumeRenderView::transferFunctionEditor() const
{
    return d->editor;
}
vtkSmartVolumeMapper* VolumeRenderView::volumeMapper() const
{
    return d->mapper;
}
vtkVolume* VolumeRenderView::volumeActor() const
{
    return d->actor;
}

} // namespace viewer
} // namespace radpath
