#pragma once
// File > Export and File > Import DICOM SEG… for the tab in front: its label map as NIfTI or
// NRRD (with name and colour sidecars) or as DICOM SEG on its series, a SEG read back onto
// the series as a label map, its measurements and label statistics as a TID 1500 SR, a
// scalar overlay on the series' grid as a Parametric Map, and the view as a Secondary
// Capture in the series' study. Every file is written (atomically, by the writers) in a
// JobRunner job; success shows in the status bar, failure in a message naming the file.
//
// Which layer: the one selected in the Layers dock when it is of the kind wanted, else the
// top-most visible one of that kind, else the top-most of that kind (no dialog asks).
// A model's label map (LabelMapLayer::ai) gives AUTOMATIC segments, SEMIAUTOMATIC once
// edited, with the model's name and version as the algorithm.
// An SR's label statistics refer to the segments of the SEG last exported of that label
// map (TID 1411) while the map's voxels are still those written; otherwise they stand alone.
// GUI thread only.

#include "app/core/JobRunner.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

class QAction;
class QMainWindow;
class QMenu;
class QTabWidget;

namespace radpath {
namespace viewer {
class VolumeView;
}
namespace app {

class LayersDock;

class DicomExportController : public QObject {
    Q_OBJECT
public:
    enum class Output { LabelMapFile, Seg, SegImport, MeasurementsSr, ParametricMap, SecondaryCapture };

    /// `layers` (may be null) tells the selected layer; `window` parents dialogs and
    /// messages and shows the status.
    DicomExportController(JobRunner& jobs, QTabWidget& tabs, LayersDock* layers, QMainWindow& window);

    /// Adds Import DICOM SEG… and the Export submenu to `file`.
    void addActions(QMenu* file);
    QAction* action(Output output) const { return m_actions[int(output)]; }
    /// Why `output` cannot be made from the tab in front, or "" when it can.
    QString unavailable(Output output) const;
    /// Enables each action for the tab in front (also done whenever a menu opens).
    void refreshActions();

    // Each starts a job and returns its id; 0 when the tab in front cannot give what it
    // needs (failed() says why). finished() or failed() follows the job.
    JobId saveLabelMap(const QString& path); ///< .nii.gz, .nii or .nrrd
    JobId exportSeg(const QString& path);
    JobId importSeg(const QString& path);
    JobId exportMeasurementsSr(const QString& path);
    JobId exportParametricMap(const QString& path);
    JobId exportSecondaryCapture(const QString& path);

signals:
    void finished(const QString& path);
    /// Names the file and the problem (also shown in a message box).
    void failed(const QString& message);

private:
    viewer::VolumeView* currentView() const;
    QString documentPath() const;
    /// Stack index of the label map (or overlay) to export, or -1.
    int chosenLayer(bool labelMap) const;
    /// Runs `work` as a job; `done` turns its result into the status bar's note.
    template <class T>
    JobId start(const QString& title, const QString& path, std::function<T()> work, std::function<QString(T)> done);
    /// The same for work whose result is the note.
    JobId start(const QString& title, const QString& path, std::function<QString()> work);
    void fail(const QString& path, const QString& problem);
    JobId refuse(const QString& path, const QString& why); ///< fail(), then 0
    void ask(Output output, const QString& caption, const QString& filter, const QString& name,
             JobId (DicomExportController::*method)(const QString&));
    void watchCurrentTab();

    JobRunner& m_jobs;
    QTabWidget& m_tabs;
    QPointer<LayersDock> m_layers;
    QMainWindow& m_window;
    QAction* m_actions[6] = {};
    /// The last SEG written of each label map (stack, layer id): an SR exported later refers
    /// to its segments while the map's voxels are still those written (same hash).
    struct SegLink {
        std::string sopInstanceUid, seriesInstanceUid, sourceSeriesUid;
        std::vector<int> segmentValues; ///< segment n holds label segmentValues[n - 1]
        std::uint64_t voxelHash = 0;
    };
    std::map<std::pair<const void*, int>, SegLink> m_segs;
    QMetaObject::Connection m_watchLayers, m_watchMeasurements;
};

} // namespace app
} // namespace radpath
