#pragma once
// Opens label maps and overlays onto an open volume: read in the background, added on top of
// the view's layers, problems reported with the file's name.

#include <QObject>
#include <QString>

namespace radpath {
namespace viewer {
class VolumeView;
}
namespace app {

class JobRunner;

/// GUI thread only.
class LayerLoader : public QObject {
    Q_OBJECT
public:
    enum class Kind { LabelMap, Overlay };

    LayerLoader(JobRunner& jobs, QObject* parent = nullptr);

    /// A label map goes onto the view's voxel grid (resampled when it has another grid in
    /// the same patient space); an overlay keeps its own grid and is sampled in patient space.
    void open(viewer::VolumeView* view, const QString& path, Kind kind);

signals:
    void opened(const QString& path);
    /// `problem` names the file and what is wrong.
    void failed(const QString& path, const QString& problem);

private:
    JobRunner& m_jobs;
};

} // namespace app
} // namespace radpath
