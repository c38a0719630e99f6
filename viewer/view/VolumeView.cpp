#include "viewer/view/VolumeView.h"

#include "viewer/render/VtkImageBridge.h"
#include "viewer/render/VtkWidget.h"
#include "viewer/model/Resample.h"
#include "viewer/view/SliceView.h"

#include <QButtonGroup>
#include <QFrame>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <vtkCamera.h>
#include <vtkColorTransferFunction.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkImageData.h>
#include <vtkImageProperty.h>
#include <vtkImageSlice.h>
#include <vtkImageSliceMapper.h>
#include <vtkInteractorStyleImage.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkObjectFactory.h>
#include <vtkPiecewiseFunction.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartVolumeMapper.h>
#include <vtkVolume.h>
#include <vtkVolumeProperty.h>

#include <algorithm>
#include <functional>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace radpath {
namespace viewer {
struct VolumeView::Private {
    Volume volume;
    vtkSmartPointer<vtkImageData> image;
    SliceView* sliceView = nullptr;
    VtkWidget* volumeWidget = nullptr;
    QSlider* sliceSlider = nullptr;
    QLabel* sliceLabel = nullptr;
    QComboBox* presets = nullptr;
    QFrame* notice = nullptr;
    QLabel* noticeText = nullptr;
    QToolButton* resample = nullptr;
    QToolButton* cineButton = nullptr;
    bool cameraPending = false; ///< the 3-D camera is placed once the widget has its size
    QSplitter* splitter = nullptr;
    vtkSmartPointer<vtkSmartVolumeMapper> volumeMapper = vtkSmartPointer<vtkSmartVolumeMapper>::New();
    vtkSmartPointer<vtkVolume> volumeActor = vtkSmartPointer<vtkVolume>::New();
};

VolumeView::VolumeView(QWidget* parent) : QWidget(parent), d(std::make_unique<Private>())
{
    d->sliceView = new SliceView(this);
    d->volumeWidget = new VtkWidget(this);
    d->volumeWidget->setObjectName("volumeRenderView");
    d->volumeWidget->installEventFilter(this);
    d->sliceSlider = new QSlider(Qt::Horizontal, this);
    d->sliceSlider->setObjectName("sliceSlider");
    d->sliceLabel = new QLabel(this);
    d->presets = new QComboBox(this);
    d->presets->setObjectName("windowPresets");

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    d->splitter = splitter;
    splitter->addWidget(d->sliceView);
    splitter->addWidget(d->volumeWidget);
    splitter->setSizes({1, 1});

    auto* controls = new QHBoxLayout;
    // Measurement tools and cine on a row of their own: the slice slider keeps its width.
    auto* toolRow = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Slice"), this));
    controls->addWidget(d->sliceSlider, 1);
    controls->addWidget(d->sliceLabel);
    controls->addWidget(new QLabel(tr("Window"), this));
    controls->addWidget(d->presets);
    auto* invert = new QToolButton(this);
    invert->setObjectName(QStringLiteral("invertButton"));
    invert->setText(tr("Invert"));
    invert->setCheckable(true);
    controls->addWidget(invert);
    connect(invert, &QToolButton::toggled, this, [this](bool on) { d->sliceView->setInverted(on); });
    d->cineButton = new QToolButton(this);
    d->cineButton->setObjectName(QStringLiteral("cineButton"));
    d->cineButton->setText(tr("Cine"));
    d->cineButton->setToolTip(tr("Play the slices or frames as a movie (Space)"));
    d->cineButton->setCheckable(true);
    toolRow->addWidget(d->cineButton);
    connect(d->cineButton, &QToolButton::toggled, this, [this](bool on) {
        d->sliceView->setCinePlaying(on); // refused for a single slice or while loading
        const QSignalBlocker block(d->cineButton);
        d->cineButton->setChecked(d->sliceView->isCinePlaying());
    });
    connect(d->sliceView, &SliceView::cineChanged, d->cineButton, [this](bool playing) {
        const QSignalBlocker block(d->cineButton);
        d->cineButton->setChecked(playing);
    });

    // Measurement tools: one at a time, or none (then a click only picks measurements).
    struct ToolButton {
        const char* name;
        QString text;
        QString tip;
        SliceView::Tool tool;
    };
    const ToolButton tools[] = {
        {"lengthTool", tr("Length"), tr("Measure a length in mm: drag with the left button"), SliceView::Tool::Length},
        {"angleTool", tr("Angle"), tr("Measure an angle: drag the first arm to the vertex, then click the end of the second"),
         SliceView::Tool::Angle},
        {"rectangleTool", tr("Rectangle"), tr("Rectangular region: drag from corner to corner"), SliceView::Tool::Rectangle},
        {"ellipseTool", tr("Ellipse"), tr("Elliptical region: drag across it"), SliceView::Tool::Ellipse},
        {"polygonTool", tr("Polygon"), tr("Polygonal region: click the corners, double-click or press Enter to close"),
         SliceView::Tool::Polygon},
    };
    auto* group = new QButtonGroup(this);
    group->setExclusive(false); // a second click on the active tool turns it off
    for (const ToolButton& t : tools) {
        auto* button = new QToolButton(this);
        button->setObjectName(QLatin1String(t.name));
        button->setText(t.text);
        button->setToolTip(t.tip);
        button->setCheckable(true);
        toolRow->addWidget(button);
        group->addButton(button);
        const SliceView::Tool tool = t.tool;
        connect(button, &QToolButton::toggled, this, [this, group, button, tool](bool on) {
            if (on) {
                for (QAbstractButton* other : group->buttons())
                    if (other != button)
                        other->setChecked(false);
                d->sliceView->setTool(tool);
            } else if (d->sliceView->tool() == tool) {
                d->sliceView->setTool(SliceView::Tool::None);
            }
        });
    }

    // What the loader found (uneven spacing, gantry tilt...), with the remedy where there is one.
    d->notice = new QFrame(this);
    d->notice->setObjectName(QStringLiteral("loaderNotice"));
    d->notice->setFrameShape(QFrame::StyledPanel);
    d->noticeText = new QLabel(d->notice);
    d->noticeText->setWordWrap(true);
    d->resample = new QToolButton(d->notice);
    d->resample->setObjectName(QStringLiteral("resampleButton"));
    d->resample->setText(tr("Resample"));
    d->resample->setToolTip(tr("Put every slice of this gantry-tilted series at its true patient position"));
    auto* dismiss = new QToolButton(d->notice);
    dismiss->setText(QStringLiteral("×"));
    dismiss->setToolTip(tr("Hide this message"));
    auto* noticeLayout = new QHBoxLayout(d->notice);
    noticeLayout->setContentsMargins(6, 2, 2, 2);
    noticeLayout->addWidget(d->noticeText, 1);
    noticeLayout->addWidget(d->resample);
    noticeLayout->addWidget(dismiss);
    d->notice->hide();
    connect(dismiss, &QToolButton::clicked, d->notice, &QWidget::hide);
    connect(d->resample, &QToolButton::clicked, this, &VolumeView::resampleTilt);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->notice);
    layout->addWidget(splitter, 1);
    layout->addLayout(controls);
    toolRow->addStretch(1);
    layout->addLayout(toolRow);

    connect(d->sliceView, &SliceView::sliceChanged, this, [this](int k) {
        {
            const QSignalBlocker block(d->sliceSlider);
            d->sliceSlider->setValue(k);
        }
        d->sliceLabel->setText(QStringLiteral("%1 / %2").arg(k + 1).arg(sliceCount()));
        emit sliceChanged(k);
    });

    d->volumeActor->SetMapper(d->volumeMapper);
    d->volumeWidget->renderer()->SetBackground(0.08, 0.09, 0.12);
    auto style3d = vtkSmartPointer<vtkInteractorStyleTrackballCamera>::New();
    d->volumeWidget->setInteractorStyle(style3d);

    connect(d->sliceSlider, &QSlider::valueChanged, this, &VolumeView::setSlice);
    connect(d->presets, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        const QVariantList cw = d->presets->itemData(index).toList();
        if (cw.size() == 3)
            d->sliceView->applyPreset({d->presets->itemText(index), cw[0].toDouble(), cw[1].toDouble(), cw[2].toInt()});
    });
}

VolumeView::~VolumeView() = default;

VtkWidget* VolumeView::volumeWidget() const { return d->volumeWidget; }
const Volume& VolumeView::volume() const { return d->volume; }

void VolumeView::setVolume(const Volume& volume, bool complete)
{
    d->volume = volume; // shares voxels; keeps them alive for the borrowed vtkImageData
    d->image = makeVtkImage(volume);
    const ImageGeometry& g = volume.geometry();

    d->sliceSlider->setRange(0, g.size[2] - 1);
    d->sliceView->setVolume(volume);
    fillPresets();
    d->sliceSlider->setValue(d->sliceView->slice());
    d->sliceLabel->setText(QStringLiteral("%1 / %2").arg(d->sliceView->slice() + 1).arg(sliceCount()));
    if (complete) {
        setUp3d();
        showNotice();
    } else {
        // Only the middle slice is decoded yet: stay on it, and render 3-D (and start its
        // OpenGL) when all is there.
        d->sliceView->setLoading(true);
        d->sliceSlider->setEnabled(false);
        d->volumeWidget->hide();
    }
}

void VolumeView::finishLoading(const Volume& volume)
{
    d->volume = volume;
    d->sliceView->voxelsChanged(volume);
    d->sliceView->setLoading(false);
    fillPresets();
    d->sliceSlider->setEnabled(true);
    d->volumeWidget->show();
    // Hidden while loading, the 3-D view lost its half of the splitter: give it back.
    d->splitter->setSizes({1, 1});
    setUp3d();
    showNotice();
}

void VolumeView::fillPresets()
{
    d->presets->clear();
    for (const auto& preset : d->sliceView->windowPresets())
        d->presets->addItem(preset.name, QVariantList{preset.center, preset.width, preset.voiLut});
}

void VolumeView::showNotice()
{
    const VolumeInfo& info = d->volume.info();
    QStringList lines;
    for (const auto& warning : info.warnings)
        lines << QString::fromStdString(warning);
    d->noticeText->setText(lines.join(QLatin1Char('\n')));
    const Vec3& shear = info.sliceShear;
    d->resample->setVisible(shear[0] != 0 || shear[1] != 0 || shear[2] != 0);
    d->resample->setEnabled(true);
    d->notice->setVisible(!lines.isEmpty());
}

void VolumeView::resampleTilt()
{
    // Off the GUI thread; the result is dropped with the watcher if the view goes first.
    d->resample->setEnabled(false);
    d->noticeText->setText(tr("Resampling the slices to their true positions…"));
    const Vec3 shear = d->volume.info().sliceShear;
    auto* watcher = new QFutureWatcher<Volume>(this);
    connect(watcher, &QFutureWatcher<Volume>::finished, this, [this, watcher, shear] {
        const Volume straight = watcher->result();
        watcher->deleteLater();
        // Slice k's anatomy moves by k * shear to where it really is: so do its measurements.
        auto measurements = movedWithSlices(d->sliceView->measurements(), shear);
        const double center = windowCenter(), width = windowWidth();
        setVolume(straight);
        d->sliceView->setMeasurements(std::move(measurements));
        setWindow(center, width);
        emit volumeReplaced(straight);
    });
    watcher->setFuture(QtConcurrent::run([volume = d->volume] { return resampleTilted(volume); }));
}

bool VolumeView::isLoading() const
{
    return d->sliceView->isLoading();
}

void VolumeView::setUp3d()
{
    const Volume& volume = d->volume;
    const ImageGeometry& g = volume.geometry();
    // Volume rendering with a CT soft tissue + bone transfer function (HU), other
    // modalities ramp over their value range.
    auto opacity = vtkSmartPointer<vtkPiecewiseFunction>::New();
    auto colour = vtkSmartPointer<vtkColorTransferFunction>::New();
    if (volume.info().units == "HU") {
        // Skin and soft tissue faint, enhancing lesions (~100 HU) and bone opaque.
        opacity->AddPoint(-1024, 0.0);
        opacity->AddPoint(-300, 0.0);
        opacity->AddPoint(-100, 0.004);
        opacity->AddPoint(40, 0.006);
        opacity->AddPoint(62, 0.02);
        opacity->AddPoint(85, 0.35);
        opacity->AddPoint(130, 0.35);
        opacity->AddPoint(200, 0.05);
        opacity->AddPoint(400, 0.6);
        opacity->AddPoint(1500, 0.9);
        colour->AddRGBPoint(-1024, 0, 0, 0);
        colour->AddRGBPoint(-100, 0.85, 0.7, 0.55);
        colour->AddRGBPoint(40, 0.75, 0.35, 0.3);
        colour->AddRGBPoint(62, 0.6, 0.25, 0.2);
        colour->AddRGBPoint(95, 1.0, 0.85, 0.2);
        colour->AddRGBPoint(400, 0.95, 0.92, 0.85);
        colour->AddRGBPoint(1500, 1, 1, 1);
    } else {
        const auto [lo, hi] = volume.range();
        opacity->AddPoint(lo, 0.0);
        opacity->AddPoint(lo + 0.2 * (hi - lo), 0.0);
        opacity->AddPoint(hi, 0.6);
        colour->AddRGBPoint(lo, 0, 0, 0);
        colour->AddRGBPoint(hi, 1, 1, 1);
    }
    vtkVolumeProperty* property = d->volumeActor->GetProperty();
    property->SetScalarOpacity(opacity);
    property->SetColor(colour);
    property->SetInterpolationTypeToLinear();
    property->ShadeOn();
    property->SetAmbient(0.3);
    property->SetDiffuse(0.7);
    property->SetSpecular(0.2);
    d->volumeMapper->SetInputData(d->image);
    d->volumeWidget->renderer()->RemoveAllViewProps();
    d->volumeWidget->renderer()->AddVolume(d->volumeActor);

    d->cameraPending = true;
    placeCamera();
}

void VolumeView::placeCamera()
{
    // VTK fits the volume to the widget's aspect: a widget just shown, not laid out yet,
    // would leave it a speck. The camera waits for a real size.
    QWidget* w = d->volumeWidget;
    const double aspect = double(w->width()) / std::max(1, w->height());
    if (!d->cameraPending || d->volume.isNull() || !w->isVisible() || w->width() < 16 || aspect < 0.2 || aspect > 5)
        return;
    d->cameraPending = false;
    // Anterior view (LPS: anterior is -y), head up.
    const Vec3 c = d->volume.geometry().center();
    vtkRenderer* renderer = d->volumeWidget->renderer();
    renderer->GetRenderWindow()->SetSize(qRound(w->width() * w->devicePixelRatioF()), qRound(w->height() * w->devicePixelRatioF()));
    vtkCamera* camera3d = renderer->GetActiveCamera();
    camera3d->SetFocalPoint(c[0], c[1], c[2]);
    camera3d->SetPosition(c[0], c[1] - 1000.0, c[2]);
    camera3d->SetViewUp(0, 0, 1);
    renderer->ResetCamera();
    camera3d->Zoom(1.1);
    d->volumeWidget->requestRender();
}

bool VolumeView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == d->volumeWidget && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        placeCamera();
    return QWidget::eventFilter(watched, event);
}

int VolumeView::slice() const { return d->sliceView->slice(); }
int VolumeView::sliceCount() const { return d->sliceView->sliceCount(); }
void VolumeView::setSlice(int k) { d->sliceView->setSlice(k); }
void VolumeView::setWindow(double center, double width) { d->sliceView->setWindow(center, width); }
double VolumeView::windowCenter() const { return d->sliceView->windowCenter(); }
double VolumeView::windowWidth() const { return d->sliceView->windowWidth(); }
SliceView* VolumeView::sliceView() const { return d->sliceView; }
VtkWidget* VolumeView::sliceWidget() const { return d->sliceView->vtkWidget(); }

} // namespace viewer
} // namespace radpath
