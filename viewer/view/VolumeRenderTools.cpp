// VolumeRenderView's tool row (preset, shading, crop, standard views, editor, screenshot)
// and its crop box.

#include "viewer/view/VolumeRenderView.h"

#include "viewer/render/VtkWidget.h"
#include "viewer/view/VolumeRenderViewPrivate.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QToolBar>

#include <vtkMapper.h>
#include <vtkPlane.h>
#include <vtkPlaneCollection.h>
#include <vtkSmartVolumeMapper.h>

#include <algorithm>

namespace radpath {
namespace viewer {

QWidget* VolumeRenderView::buildToolRow()
{
    auto* bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("volumeRenderTools"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    d->presets = new QComboBox(bar);
    d->presets->setObjectName(QStringLiteral("renderPresets"));
    d->presets->setToolTip(tr("Transfer function preset"));
    for (const std::string& name : transferFunctionPresetNames())
        d->presets->addItem(QCoreApplication::translate("TransferFunctionPresets", name.c_str()),
                            QString::fromStdString(name));
    connect(d->presets, qOverload<int>(&QComboBox::activated), this,
            [this](int index) { applyPreset(d->presets->itemData(index).toString()); });
    bar->addWidget(d->presets);

    auto addAction = [&](const char* name, const QString& text, const QString& tip, bool checkable) {
        QAction* action = bar->addAction(text);
        action->setObjectName(QLatin1String(name));
        action->setToolTip(tip);
        action->setCheckable(checkable);
        return action;
    };
    d->shading = addAction("shadingAction", tr("Shading"), tr("Light the volume by its gradients"), true);
    d->shading->setChecked(true);
    connect(d->shading, &QAction::toggled, this, &VolumeRenderView::setShading);
    d->cropping = addAction("cropAction", tr("Crop"), tr("Show only a box of the volume"), true);
    connect(d->cropping, &QAction::toggled, this, &VolumeRenderView::setCroppingEnabled);
    bar->addSeparator();

    struct ViewButton {
        const char* name;
        QString text;
        QString tip;
        StandardView view;
    };
    const ViewButton views[] = {
        {"viewAnterior", tr("A"), tr("View from the front (anterior)"), StandardView::Anterior},
        {"viewPosterior", tr("P"), tr("View from the back (posterior)"), StandardView::Posterior},
        {"viewLeft", tr("L"), tr("View from the patient's left"), StandardView::Left},
        {"viewRight", tr("R"), tr("View from the patient's right"), StandardView::Right},
        {"viewSuperior", tr("S"), tr("View from above the head (superior)"), StandardView::Superior},
        {"viewInferior", tr("I"), tr("View from below the feet (inferior)"), StandardView::Inferior},
    };
    for (const ViewButton& v : views) {
        const StandardView view = v.view;
        connect(addAction(v.name, v.text, v.tip, false), &QAction::triggered, this,
                [this, view] { showStandardView(view); });
    }
    connect(addAction("resetCameraAction", tr("Reset"), tr("Front view, whole volume in sight"), false),
            &QAction::triggered, this, &VolumeRenderView::resetCamera);
    bar->addSeparator();
    d->editorToggle = addAction("transferFunctionAction", tr("Transfer function"),
                                tr("Show the transfer function editor under the view"), true);
    connect(d->editorToggle, &QAction::toggled, this, &VolumeRenderView::setTransferFunctionEditorVisible);
    connect(addAction("screenshotAction", tr("Save screenshot…"), tr("Save the 3-D image as PNG"), false),
            &QAction::triggered, this, &VolumeRenderView::saveScreenshotAs);
    return bar;
}

void VolumeRenderView::saveScreenshotAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save screenshot"), QString(), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        path += QLatin1String(".png");
    if (!saveScreenshot(path))
        QMessageBox::warning(this, tr("Save screenshot"), tr("Could not write the screenshot to %1.").arg(path));
}

void VolumeRenderView::setCroppingEnabled(bool on)
{
    {
        const QSignalBlocker block(d->cropping);
        d->cropping->setChecked(on);
    }
    d->crop->setVisible(on);
    applyCrop();
}

bool VolumeRenderView::croppingEnabled() const
{
    return d->cropping->isChecked();
}

void VolumeRenderView::setCropBox(const IndexBox& box)
{
    d->crop->setBox(box);
    applyCrop();
}

IndexBox VolumeRenderView::cropBox() const
{
    return d->crop->box();
}

void VolumeRenderView::applyCrop()
{
    // The box is six planes in LPS, each through a face of the kept voxels' footprints
    // (voxel i spans i -/+ 0.5 along its axis, inside the data) with its normal into the
    // box: an index-space crop whatever the direction matrix. Clipping planes rather than
    // VTK's cropping region, which the GPU ray caster ignores for maximum intensity.
    d->cropPlanes = vtkSmartPointer<vtkPlaneCollection>::New(); // a new object: mappers see the change
    const bool on = croppingEnabled() && !d->volume.isNull();
    if (on) {
        const ImageGeometry& g = d->volume.geometry();
        const IndexBox box = cropBox();
        for (int a = 0; a < 3; ++a) {
            const double end = (std::max(1, g.size[a]) - 1) * g.spacing[a];
            const Vec3 axis = g.axisDirection(a);
            for (int high = 0; high < 2; ++high) {
                const double at = std::clamp((box[2 * a + high] + (high ? 0.5 : -0.5)) * g.spacing[a], 0.0, end);
                const Vec3 origin = add(g.origin, scale(axis, at));
                const Vec3 normal = scale(axis, high ? -1.0 : 1.0);
                auto plane = vtkSmartPointer<vtkPlane>::New();
                plane->SetOrigin(origin.data());
                plane->SetNormal(normal.data());
                d->cropPlanes->AddItem(plane);
            }
        }
    }
    // Label surfaces are clipped by the same box.
    d->mapper->SetClippingPlanes(on ? d->cropPlanes.Get() : nullptr);
    for (auto& [value, actor] : d->labelActors)
        actor->GetMapper()->SetClippingPlanes(on ? d->cropPlanes.Get() : nullptr);
    d->view->requestRender();
}

} // namespace viewer
} // namespace radpath
