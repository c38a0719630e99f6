// VolumeRenderView's label surfaces: built on a worker, turned into actors here.

#include "viewer/render/LabelSurfaces.h"
#include "viewer/render/VtkWidget.h"
#include "viewer/view/VolumeRenderViewPrivate.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>

namespace radpath {
namespace viewer {

void VolumeRenderView::setLabelSurfaces(const Volume& labels, const std::vector<LabelSurfaceStyle>& styles)
{
    clearLabelSurfaces();
    if (labels.isNull() || styles.empty())
        return;
    std::vector<int> values;
    for (const LabelSurfaceStyle& style : styles) {
        if (d->labelStyles.emplace(style.value, style).second)
            values.push_back(style.value);
    }
    const int generation = d->labelGeneration;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    d->labelCancel = cancel;
    d->labelsBuilding = true;
    // Polydata on a worker (the labels' buffer is shared, not copied); actors on this thread.
    using Result = std::vector<LabelSurface>;
    auto* watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        labelSurfacesBuilt(watcher->result(), generation);
    });
    watcher->setFuture(
        QtConcurrent::run([labels, values, cancel] { return buildLabelSurfaces(labels, values, cancel.get()); }));
}

void VolumeRenderView::labelSurfacesBuilt(const std::vector<LabelSurface>& surfaces, int generation)
{
    if (generation != d->labelGeneration)
        return; // cleared or replaced meanwhile
    vtkRenderer* renderer = d->view->renderer();
    for (const LabelSurface& surface : surfaces) {
        if (!surface.surface || surface.surface->GetNumberOfPoints() == 0)
            continue;
        auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
        mapper->SetInputData(surface.surface);
        mapper->ScalarVisibilityOff();
        auto actor = vtkSmartPointer<vtkActor>::New();
        actor->SetMapper(mapper);
        actor->GetProperty()->SetSpecular(0.2);
        actor->GetProperty()->SetSpecularPower(20);
        d->labelActors[surface.value] = actor;
        renderer->AddActor(actor);
        applyLabelStyle(d->labelStyles[surface.value]);
    }
    d->labelsBuilding = false;
    applyCrop();
    placeCamera(); // a scene of surfaces alone gets its camera now
    d->view->requestRender();
    emit labelSurfacesReady();
}

void VolumeRenderView::applyLabelStyle(const LabelSurfaceStyle& style)
{
    const auto found = d->labelActors.find(style.value);
    if (found == d->labelActors.end())
        return;
    vtkActor* actor = found->second;
    actor->GetProperty()->SetColor(style.rgb[0], style.rgb[1], style.rgb[2]);
    actor->GetProperty()->SetOpacity(style.opacity);
    actor->SetVisibility(style.visible && style.opacity > 0.0);
}

void VolumeRenderView::updateLabelSurfaceStyles(const std::vector<LabelSurfaceStyle>& styles)
{
    for (const LabelSurfaceStyle& style : styles) {
        const auto known = d->labelStyles.find(style.value);
        if (known == d->labelStyles.end())
            continue; // not a label of this set: nothing to build it from
        known->second = style;
        applyLabelStyle(style);
    }
    d->view->requestRender();
}

void VolumeRenderView::clearLabelSurfaces()
{
    if (d->labelCancel)
        d->labelCancel->store(true);
    d->labelCancel.reset();
    ++d->labelGeneration;
    d->labelsBuilding = false;
    for (auto& [value, actor] : d->labelActors)
        d->view->renderer()->RemoveActor(actor);
    d->labelActors.clear();
    d->labelStyles.clear();
    d->view->requestRender();
}

bool VolumeRenderView::isBuildingLabelSurfaces() const
{
    return d->labelsBuilding;
}

vtkActor* VolumeRenderView::labelSurfaceActor(int value) const
{
    const auto found = d->labelActors.find(value);
    return found == d->labelActors.end() ? nullptr : found->second.Get();
}

} // namespace viewer
} // namespace radpath
