#include "viewer/view/VolumeView.h"

#include "viewer/render/VtkWidget.h"
#include "viewer/model/Resample.h"
#include "viewer/model/Layers.h"
#include "viewer/view/MprLinker.h"
#include "viewer/view/SliceView.h"
#include "viewer/view/VolumeRenderView.h"

#include <QButtonGroup>
#include <QFrame>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QMessageBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <functional>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace radpath {
namespace viewer {
struct VolumeView::Private {
    Volume volume;
    SliceView* sliceView = nullptr;    ///< views[0]
    std::array<SliceView*, 3> views{}; ///< axial, coronal, sagittal in the MPR layouts
    MprLinker* linker = nullptr;
    LayerStack* layers = nullptr;
    QWidget* viewArea = nullptr;
    QGridLayout* grid = nullptr;
    MprLayout layout = MprLayout::TwoByTwo;
    bool layoutChosen = false;         ///< the user picked one: keep it for new volumes
    SliceOrientation singleOrientation = SliceOrientation::Native;
    int activeView = 0;
    QComboBox* layoutBox = nullptr;
    QComboBox* orientationBox = nullptr;
    QComboBox* slabBox = nullptr;
    QDoubleSpinBox* slabThickness = nullptr;
    QToolButton* crosshairButton = nullptr;
    QToolButton* orthogonalButton = nullptr;
    QWidget* mprControls = nullptr;
    VolumeRenderView* render = nullptr;
    const void* surfaceLabels = nullptr; ///< voxels of the label map shown as 3-D surfaces
    QSlider* sliceSlider = nullptr;
    QLabel* sliceLabel = nullptr;
    QComboBox* presets = nullptr;
    QFrame* notice = nullptr;
    QLabel* noticeText = nullptr;
    QToolButton* resample = nullptr;
    QToolButton* cineButton = nullptr;
    bool complete = true;
};

VolumeView::VolumeView(QWidget* parent) : QWidget(parent), d(std::make_unique<Private>())
{
    d->viewArea = new QWidget(this);
    d->grid = new QGridLayout(d->viewArea);
    d->grid->setContentsMargins(0, 0, 0, 0);
    d->grid->setSpacing(2);
    const SliceOrientation planes[] = {SliceOrientation::Axial, SliceOrientation::Coronal, SliceOrientation::Sagittal};
    for (int i = 0; i < 3; ++i) {
        d->views[size_t(i)] = new SliceView(d->viewArea);
        d->views[size_t(i)]->setObjectName(QStringLiteral("planeView%1").arg(i));
        d->views[size_t(i)]->setOrientation(planes[i]);
        d->views[size_t(i)]->vtkWidget()->installEventFilter(this);
    }
    d->sliceView = d->views[0];
    d->linker = new MprLinker(this);
    d->layers = new LayerStack(this);
    for (SliceView* view : d->views)
        view->setLayers(d->layers);
    d->render = new VolumeRenderView(d->viewArea);
    d->render->setObjectName("volumeRenderPanel");
    d->render->vtkWidget()->setObjectName("volumeRenderView");
    d->render->vtkWidget()->installEventFilter(this);
    // The topmost label map also shows as surfaces in 3-D.
    connect(d->layers, &LayerStack::changed, this, &VolumeView::updateLabelSurfaces);
    d->sliceSlider = new QSlider(Qt::Horizontal, this);
    d->sliceSlider->setObjectName("sliceSlider");
    d->sliceLabel = new QLabel(this);
    d->presets = new QComboBox(this);
    d->presets->setObjectName("windowPresets");


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
    connect(invert, &QToolButton::toggled, this, [this](bool on) {
        for (SliceView* view : d->views)
            view->setInverted(on);
    });
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
    layout->addWidget(d->viewArea, 1);
    layout->addLayout(controls);
    d->mprControls = makeMprControls();
    toolRow->addWidget(d->mprControls);
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


    connect(d->sliceSlider, &QSlider::valueChanged, this, &VolumeView::setSlice);
    connect(d->presets, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        const QVariantList cw = d->presets->itemData(index).toList();
        if (cw.size() == 3)
            d->sliceView->applyPreset({d->presets->itemText(index), cw[0].toDouble(), cw[1].toDouble(), cw[2].toInt()});
    });
}

VolumeView::~VolumeView() = default;

VtkWidget* VolumeView::volumeWidget() const { return d->render->vtkWidget(); }
VolumeRenderView* VolumeView::volumeRenderView() const { return d->render; }
const Volume& VolumeView::volume() const { return d->volume; }

void VolumeView::setVolume(const Volume& volume, bool complete)
{
    d->volume = volume; // shares voxels; keeps them alive for the borrowed vtkImageData
    d->complete = complete;
    const ImageGeometry& g = volume.geometry();
    if (!d->layoutChosen) {
        // Planes and 3-D for volumes; one view for 2-D images and cine loops.
        const bool volumetric = g.size[0] > 1 && g.size[1] > 1 && g.size[2] > 1 && volume.info().frameTimeMs <= 0;
        d->layout = volumetric ? MprLayout::TwoByTwo : MprLayout::Single;
        const QSignalBlocker block(d->layoutBox);
        d->layoutBox->setCurrentIndex(d->layoutBox->findData(int(d->layout)));
    }
    d->linker->setViews({});
    // While loading only the middle slice is decoded: the other planes wait for the rest.
    for (SliceView* view : d->views)
        if (view == d->sliceView || complete)
            view->setVolume(volume);
    applyLayout();
    fillPresets();
    d->sliceSlider->setRange(0, d->sliceView->sliceCount() - 1);
    d->sliceSlider->setValue(d->sliceView->slice());
    d->sliceLabel->setText(QStringLiteral("%1 / %2").arg(d->sliceView->slice() + 1).arg(sliceCount()));
    if (complete) {
        setUp3d();
        showNotice();
    } else {
        d->sliceView->setLoading(true);
        d->sliceSlider->setEnabled(false);
        d->mprControls->setEnabled(false);
    }
}

void VolumeView::finishLoading(const Volume& volume)
{
    d->volume = volume;
    d->complete = true;
    d->sliceView->voxelsChanged(volume);
    d->sliceView->setLoading(false);
    const double center = windowCenter(), width = windowWidth();
    for (SliceView* view : d->views)
        if (view != d->sliceView)
            view->setVolume(volume);
    applyLayout();
    setWindow(center, width);
    fillPresets();
    d->sliceSlider->setEnabled(true);
    d->mprControls->setEnabled(true);
    setUp3d();
    showNotice();
}

void VolumeView::setLayout(MprLayout layout)
{
    d->layout = layout;
    d->layoutChosen = true;
    const QSignalBlocker block(d->layoutBox);
    d->layoutBox->setCurrentIndex(d->layoutBox->findData(int(layout)));
    applyLayout();
}

MprLayout VolumeView::layout() const { return d->layout; }

void VolumeView::setSingleOrientation(SliceOrientation orientation)
{
    d->singleOrientation = orientation;
    const QSignalBlocker block(d->orientationBox);
    d->orientationBox->setCurrentIndex(d->orientationBox->findData(int(orientation)));
    applyLayout();
}

// Puts the layout's views in the grid, each plane in its orientation, and links them.
void VolumeView::applyLayout()
{
    QWidget* cells[] = {d->views[0], d->views[1], d->views[2], d->render};
    for (QWidget* w : cells) {
        d->grid->removeWidget(w);
        w->hide();
    }
    for (int i = 0; i < 2; ++i) {
        d->grid->setRowStretch(i, 0);
        d->grid->setColumnStretch(i, 0);
    }
    d->grid->setColumnStretch(2, 0);
    const bool loading = !d->complete;
    std::vector<std::pair<QWidget*, QPoint>> placed;
    switch (d->layout) {
    case MprLayout::TwoByTwo: // axial | 3-D over coronal | sagittal, as in 3D Slicer's four-up
        placed = {{d->views[0], {0, 0}}, {d->render, {1, 0}}, {d->views[1], {0, 1}}, {d->views[2], {1, 1}}};
        break;
    case MprLayout::OneByThree: placed = {{d->views[0], {0, 0}}, {d->views[1], {1, 0}}, {d->views[2], {2, 0}}}; break;
    case MprLayout::Single: placed = {{d->views[0], {0, 0}}}; break;
    case MprLayout::SliceAnd3d: placed = {{d->views[0], {0, 0}}, {d->render, {1, 0}}}; break;
    }
    const bool mpr = d->layout == MprLayout::TwoByTwo || d->layout == MprLayout::OneByThree;
    const SliceOrientation first = mpr ? SliceOrientation::Axial
                                   : d->layout == MprLayout::Single ? d->singleOrientation
                                                                     : SliceOrientation::Native;
    if (d->sliceView->orientation() != first)
        d->sliceView->setOrientation(first);
    std::vector<SliceView*> linked;
    for (const auto& [widget, at] : placed) {
        // While loading, only the first view has voxels to show.
        if (loading && widget != d->sliceView)
            continue;
        d->grid->addWidget(widget, at.y(), at.x());
        d->grid->setRowStretch(at.y(), 1);
        d->grid->setColumnStretch(at.x(), 1);
        widget->show();
        if (auto* view = qobject_cast<SliceView*>(widget))
            linked.push_back(view);
    }
    d->orientationBox->setVisible(d->layout == MprLayout::Single);
    d->crosshairButton->setVisible(mpr);
    d->orthogonalButton->setVisible(mpr);
    // Slabs need slices to project: not for a single image.
    const bool slices = d->volume.geometry().size[2] > 1;
    d->slabBox->setVisible(slices);
    d->slabThickness->setVisible(slices);
    d->linker->setCrosshairVisible(mpr && d->crosshairButton->isChecked());
    d->linker->setViews(mpr && !loading ? linked : std::vector<SliceView*>{});
    if (d->activeView >= int(placed.size()))
        d->activeView = 0;
}

QWidget* VolumeView::makeMprControls()
{
    auto* box = new QWidget(this);
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(12, 0, 0, 0);
    d->layoutBox = new QComboBox(box);
    d->layoutBox->setObjectName(QStringLiteral("layoutBox"));
    d->layoutBox->setToolTip(tr("Views: three planes and 3-D, three planes, one plane, or a slice beside 3-D"));
    d->layoutBox->addItem(tr("2×2"), int(MprLayout::TwoByTwo));
    d->layoutBox->addItem(tr("1×3"), int(MprLayout::OneByThree));
    d->layoutBox->addItem(tr("Single"), int(MprLayout::Single));
    d->layoutBox->addItem(tr("Slice + 3-D"), int(MprLayout::SliceAnd3d));
    connect(d->layoutBox, qOverload<int>(&QComboBox::activated), this,
            [this](int item) { setLayout(MprLayout(d->layoutBox->itemData(item).toInt())); });
    d->orientationBox = new QComboBox(box);
    d->orientationBox->setObjectName(QStringLiteral("orientationBox"));
    d->orientationBox->setToolTip(tr("Plane of the single view: the series' own slices or a patient plane"));
    d->orientationBox->addItem(tr("Acquired"), int(SliceOrientation::Native));
    d->orientationBox->addItem(tr("Axial"), int(SliceOrientation::Axial));
    d->orientationBox->addItem(tr("Coronal"), int(SliceOrientation::Coronal));
    d->orientationBox->addItem(tr("Sagittal"), int(SliceOrientation::Sagittal));
    connect(d->orientationBox, qOverload<int>(&QComboBox::activated), this,
            [this](int item) { setSingleOrientation(SliceOrientation(d->orientationBox->itemData(item).toInt())); });
    d->crosshairButton = new QToolButton(box);
    d->crosshairButton->setObjectName(QStringLiteral("crosshairButton"));
    d->crosshairButton->setText(tr("Crosshair"));
    d->crosshairButton->setToolTip(tr("Show the crosshair: click or drag to move it, drag its handles to tilt the planes"));
    d->crosshairButton->setCheckable(true);
    d->crosshairButton->setChecked(true);
    connect(d->crosshairButton, &QToolButton::toggled, this, [this](bool on) { d->linker->setCrosshairVisible(on); });
    auto* reset = new QToolButton(box);
    d->orthogonalButton = reset;
    reset->setObjectName(QStringLiteral("resetObliqueButton"));
    reset->setText(tr("Orthogonal"));
    reset->setToolTip(tr("Turn tilted planes back to axial, coronal and sagittal"));
    connect(reset, &QToolButton::clicked, d->linker, &MprLinker::resetRotation);
    d->slabBox = new QComboBox(box);
    d->slabBox->setObjectName(QStringLiteral("slabBox"));
    d->slabBox->setToolTip(tr("Thick slab: maximum, minimum or mean intensity over the slab"));
    d->slabBox->addItem(tr("Thin"), int(SlabMode::None));
    d->slabBox->addItem(tr("MIP"), int(SlabMode::Max));
    d->slabBox->addItem(tr("MinIP"), int(SlabMode::Min));
    d->slabBox->addItem(tr("Mean"), int(SlabMode::Mean));
    d->slabThickness = new QDoubleSpinBox(box);
    d->slabThickness->setObjectName(QStringLiteral("slabThickness"));
    d->slabThickness->setRange(0.5, 200);
    d->slabThickness->setValue(10);
    d->slabThickness->setSuffix(tr(" mm"));
    auto applySlab = [this] {
        setSlab(SlabMode(d->slabBox->currentData().toInt()), d->slabThickness->value());
    };
    connect(d->slabBox, qOverload<int>(&QComboBox::currentIndexChanged), this, applySlab);
    connect(d->slabThickness, qOverload<double>(&QDoubleSpinBox::valueChanged), this, applySlab);
    auto* shot = new QToolButton(box);
    shot->setObjectName(QStringLiteral("screenshotButton"));
    shot->setText(tr("Screenshot"));
    shot->setToolTip(tr("Save the view last clicked as a PNG image"));
    connect(shot, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save screenshot"), QString(), tr("PNG images (*.png)"));
        if (!path.isEmpty() && !saveScreenshot(path))
            QMessageBox::warning(this, tr("Save screenshot"), tr("Could not write %1.").arg(path));
    });
    for (QWidget* w : std::initializer_list<QWidget*>{d->layoutBox, d->orientationBox, d->crosshairButton, reset, d->slabBox,
                                                      d->slabThickness, shot})
        row->addWidget(w);
    return box;
}

void VolumeView::setSlab(SlabMode mode, double thicknessMm)
{
    for (SliceView* view : d->views)
        view->setSlab(mode, thicknessMm);
}

int VolumeView::activeView() const { return d->activeView; }

bool VolumeView::saveScreenshot(const QString& path) const { return saveScreenshot(d->activeView, path); }

bool VolumeView::saveScreenshot(int view, const QString& path) const
{
    VtkWidget* widget = view >= 0 && view < 3 ? d->views[size_t(view)]->vtkWidget() : view == 3 ? d->render->vtkWidget() : nullptr;
    return widget && widget->saveScreenshot(path);
}

QImage VolumeView::snapshot() const
{
    const int view = d->activeView;
    VtkWidget* widget = view >= 0 && view < 3 ? d->views[size_t(view)]->vtkWidget() : view == 3 ? d->render->vtkWidget() : nullptr;
    return widget && widget->isVisible() ? widget->grabWithOverlay() : QImage();
}

SliceView* VolumeView::planeView(int index) const { return d->views.at(size_t(index)); }
MprLinker* VolumeView::linker() const { return d->linker; }
LayerStack* VolumeView::layers() const { return d->layers; }

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
    d->render->setVolume(d->volume);
    d->surfaceLabels = nullptr;
    updateLabelSurfaces();
}

void VolumeView::updateLabelSurfaces()
{
    const LabelMapLayer* shown = nullptr;
    for (int i = d->layers->count() - 1; i >= 0 && !shown; --i)
        shown = d->layers->labelMapAt(i);
    if (!shown || !d->complete) {
        if (d->surfaceLabels)
            d->render->clearLabelSurfaces();
        d->surfaceLabels = nullptr;
        return;
    }
    std::vector<LabelSurfaceStyle> styles;
    for (const LabelEntry& e : shown->table)
        styles.push_back({e.value, {e.colour[0] / 255.0, e.colour[1] / 255.0, e.colour[2] / 255.0},
                          std::clamp(shown->opacity * 1.6, 0.2, 1.0) * e.opacity, e.visible && shown->visible && e.opacity > 0});
    // Surfaces are built once per label map; colours and visibility change in place.
    if (shown->labels.data() != d->surfaceLabels) {
        d->surfaceLabels = shown->labels.data();
        d->render->setLabelSurfaces(shown->labels, styles);
    } else {
        d->render->updateLabelSurfaceStyles(styles);
    }
}

bool VolumeView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::MouseButtonPress) {
        for (int i = 0; i < 3; ++i)
            if (watched == d->views[size_t(i)]->vtkWidget())
                d->activeView = i;
        if (watched == d->render->vtkWidget())
            d->activeView = 3;
    }
    return QWidget::eventFilter(watched, event);
}

int VolumeView::slice() const { return d->sliceView->slice(); }
int VolumeView::sliceCount() const { return d->sliceView->sliceCount(); }
void VolumeView::setSlice(int k) { d->sliceView->setSlice(k); }
void VolumeView::setWindow(double center, double width)
{
    for (SliceView* view : d->views)
        view->setWindow(center, width);
}
double VolumeView::windowCenter() const { return d->sliceView->windowCenter(); }
double VolumeView::windowWidth() const { return d->sliceView->windowWidth(); }
SliceView* VolumeView::sliceView() const { return d->sliceView; }
VtkWidget* VolumeView::sliceWidget() const { return d->sliceView->vtkWidget(); }

} // namespace viewer
} // namespace radpath
