#include "app/gui/LayerLoader.h"

#include "app/core/JobRunner.h"
#include "viewer/io/LabelMapReader.h"
#include "viewer/model/Layers.h"
#include "viewer/view/VolumeView.h"

#include <QFileInfo>
#include <QPointer>

namespace radpath {
namespace app {

LayerLoader::LayerLoader(JobRunner& jobs, QObject* parent) : QObject(parent), m_jobs(jobs) {}

void LayerLoader::open(viewer::VolumeView* view, const QString& path, Kind kind)
{
    if (!view || view->volume().isNull())
        return;
    const QPointer<viewer::VolumeView> target(view);
    const viewer::Volume reference = view->volume(); // shares the voxels; geometry is what counts
    const std::string file = QFileInfo(path).absoluteFilePath().toStdString();
    const QString title = kind == Kind::LabelMap ? tr("Opening label map %1").arg(QFileInfo(path).fileName())
                                                 : tr("Opening overlay %1").arg(QFileInfo(path).fileName());
    m_jobs.run<viewer::Layer>(
        title, this,
        [file, kind, reference](JobContext&) -> viewer::Layer {
            if (kind == Kind::LabelMap)
                return viewer::loadLabelMap(file, reference);
            return viewer::loadScalarOverlay(file);
        },
        [this, target, path](viewer::Layer layer) {
            if (!target)
                return;
            target->layers()->add(std::move(layer));
            emit opened(path);
        },
        [this, path](const QString& message) { emit failed(path, message); });
}

} // namespace app
} // namespace radpath
