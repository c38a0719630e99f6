#include "app/gui/DicomExportController.h"

#include "app/core/BuildInfo.h"
#include "app/gui/LayersDock.h"
#include "viewer/io/DicomParametricMapWriter.h"
#include "viewer/io/DicomSecondaryCaptureWriter.h"
#include "viewer/io/DicomSegReader.h"
#include "viewer/io/DicomSegWriter.h"
#include "viewer/io/DicomSrWriter.h"
#include "viewer/io/IoError.h"
#include "viewer/io/LabelMapWriter.h"
#include "viewer/model/LabelEditor.h"
#include "viewer/model/Layers.h"
#include "viewer/view/VolumeView.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <map>

namespace radpath {
namespace app {
namespace {

using Output = DicomExportController::Output;

// A copy with voxels of its own: the job reads it while the user may go on editing.
viewer::Volume detached(const viewer::Volume& v)
{
    viewer::Volume copy(v.pixelType(), v.geometry(), v.components());
    std::memcpy(copy.data(), v.data(), v.byteSize());
    copy.info() = v.info();
    return copy;
}

bool onGrid(const viewer::Volume& v, const viewer::Volume& image)
{
    return viewer::gridMismatch(v.geometry(), image.geometry()).empty();
}

// The image series a tab shows: among the series of its document, the one of its volume.
viewer::DicomSeries seriesOf(const std::string& document, const std::string& seriesUid)
{
    return viewer::segmentationReferenceSeries(document, seriesUid);
}

// The volume slice (index k) a plane view shows, or -1: only a plane of the acquired slices
// (normal index axis 2, parallel to them) shows one; a coronal or sagittal slice number is
// no index into the slice-ordered images of the series.
int acquiredSliceShown(const viewer::SliceView& plane)
{
    const viewer::Volume& volume = plane.volume();
    if (volume.isNull() || plane.normalAxis() != 2)
        return -1;
    const viewer::ImageGeometry& g = volume.geometry();
    const viewer::Vec3 slices = viewer::cross(g.axisDirection(0), g.axisDirection(1));
    if (std::abs(viewer::dot(slices, plane.planeNormal())) < 0.9999 * viewer::norm(slices))
        return -1; // an oblique plane cuts through several slices
    const int k = int(std::lround(g.physicalToIndex(plane.crosshair())[2]));
    return k >= 0 && k < g.size[2] ? k : -1;
}

// FNV-1a over the voxels: whether a label map is still the one a SEG was written of.
std::uint64_t voxelHash(const viewer::Volume& volume)
{
    std::uint64_t h = 1469598103934665603ull;
    const auto* bytes = static_cast<const unsigned char*>(volume.data());
    for (std::size_t i = 0, n = volume.byteSize(); i < n; ++i)
        h = (h ^ bytes[i]) * 1099511628211ull;
    return h;
}

// A label map for the SR, with the SEG its statistics may refer to (empty sopInstanceUid:
// none, or one of other voxels).
struct SrLabelMap {
    viewer::LabelMapLayer layer;
    std::string segSopInstanceUid, segSeriesInstanceUid;
    std::vector<int> segmentValues;
    std::uint64_t segVoxelHash = 0;
};

// The tab's measurements ("Length 1", "Ellipse 2"...) and, per label with voxels, its
// volume and the image's statistics under it ("layer: label"), as TID 1411 of the label's
// segment when the map's SEG still holds these voxels.
viewer::SrReport srReport(const std::vector<viewer::Measurement>& measurements, const std::vector<SrLabelMap>& labelMaps,
                          const viewer::Volume& image, const viewer::DicomReference& reference)
{
    const viewer::DicomCode unit = image.info().units == "HU" || image.info().modality == "CT"
                                       ? viewer::srcodes::hounsfieldUnit()
                                       : viewer::srcodes::arbitraryUnit();
    viewer::SrReport report;
    std::map<int, int> perKind;
    for (const viewer::Measurement& m : measurements) {
        std::string id = viewer::toString(m.kind);
        id[0] = char(std::toupper(static_cast<unsigned char>(id[0])));
        id += " " + std::to_string(++perKind[int(m.kind)]);
        report.measurements.push_back(viewer::srEntryFor(m, image, reference, id, true, unit));
    }
    for (const SrLabelMap& map : labelMaps) {
        const viewer::LabelMapLayer& layer = map.layer;
        const bool segHolds = !map.segSopInstanceUid.empty() && voxelHash(layer.labels) == map.segVoxelHash;
        const viewer::LabelEditor editor(layer.labels, image, 0);
        for (const viewer::LabelEntry& entry : layer.table) {
            const viewer::LabelStatistics s = editor.statistics(entry.value);
            if (s.voxels == 0)
                continue;
            viewer::SrLabelStatisticsEntry e =
                viewer::srLabelEntry(layer.name + ": " + entry.name, s.volumeMl, s.mean, s.sd, s.min, s.max, unit);
            e.finding = viewer::defaultSegmentCodes(entry.name).second;
            const auto segment = std::find(map.segmentValues.begin(), map.segmentValues.end(), entry.value);
            if (segHolds && segment != map.segmentValues.end()) {
                e.segSopInstanceUid = map.segSopInstanceUid;
                e.segSeriesInstanceUid = map.segSeriesInstanceUid;
                e.segmentNumber = int(segment - map.segmentValues.begin()) + 1;
            }
            report.labelStatistics.push_back(e);
        }
    }
    return report;
}

// What an overlay's values are: a class probability (the AI dock's "model: p(class)"), else
// a saliency map.
viewer::ParametricMapQuantity quantityOf(const std::string& name)
{
    const std::size_t open = name.find("p(");
    if (open == std::string::npos)
        return viewer::gradCamSaliencyQuantity();
    const std::size_t close = name.find(')', open);
    return viewer::probabilityQuantity(name.substr(open + 2, close == std::string::npos ? close : close - open - 2));
}

bool isLabelMapFile(const QString& path)
{
    const QString lower = path.toLower();
    return lower.endsWith(QLatin1String(".nii")) || lower.endsWith(QLatin1String(".nii.gz")) ||
           lower.endsWith(QLatin1String(".nrrd"));
}

} // namespace

DicomExportController::DicomExportController(JobRunner& jobs, QTabWidget& tabs, LayersDock* layers, QMainWindow& window)
    : QObject(&window), m_jobs(jobs), m_tabs(tabs), m_layers(layers), m_window(window)
{
    struct Spec {
        Output output;
        const char* name;
        QString text, caption, filter, file;
        JobId (DicomExportController::*method)(const QString&);
    };
    const QString dicom = tr("DICOM files (*.dcm);;All files (*)");
    const Spec specs[] = {
        {Output::LabelMapFile, "saveLabelMapAction", tr("Save &Label Map…"), tr("Save label map"),
         tr("NIfTI (*.nii.gz *.nii);;NRRD (*.nrrd)"), QStringLiteral("segmentation.nii.gz"),
         &DicomExportController::saveLabelMap},
        {Output::Seg, "exportSegAction", tr("Export DICOM &SEG…"), tr("Export label map as DICOM SEG"), dicom,
         QStringLiteral("segmentation.dcm"), &DicomExportController::exportSeg},
        {Output::SegImport, "importSegAction", tr("Import DICOM S&EG…"), tr("Import DICOM SEG"), dicom, QString(),
         &DicomExportController::importSeg},
        {Output::MeasurementsSr, "exportSrAction", tr("Export &Measurements as DICOM SR…"),
         tr("Export measurements as DICOM SR"), dicom, QStringLiteral("measurements.dcm"),
         &DicomExportController::exportMeasurementsSr},
        {Output::ParametricMap, "exportParametricMapAction", tr("Export &Overlay as DICOM Parametric Map…"),
         tr("Export overlay as DICOM Parametric Map"), dicom, QStringLiteral("parametric-map.dcm"),
         &DicomExportController::exportParametricMap},
        {Output::SecondaryCapture, "exportSecondaryCaptureAction", tr("Export &View as Secondary Capture…"),
         tr("Export view as DICOM Secondary Capture"), dicom, QStringLiteral("key-image.dcm"),
         &DicomExportController::exportSecondaryCapture},
    };
    for (const Spec& s : specs) {
        auto* action = new QAction(s.text, this);
        action->setObjectName(QLatin1String(s.name));
        connect(action, &QAction::triggered, this, [this, s] { ask(s.output, s.caption, s.filter, s.file, s.method); });
        m_actions[int(s.output)] = action;
    }
    connect(&m_tabs, &QTabWidget::currentChanged, this, &DicomExportController::watchCurrentTab);
    watchCurrentTab();
}

void DicomExportController::addActions(QMenu* file)
{
    file->addAction(action(Output::SegImport));
    QMenu* exports = file->addMenu(tr("&Export"));
    exports->setObjectName(QStringLiteral("exportMenu"));
    for (Output o :
         {Output::LabelMapFile, Output::Seg, Output::MeasurementsSr, Output::ParametricMap, Output::SecondaryCapture})
        exports->addAction(action(o));
    connect(file, &QMenu::aboutToShow, this, &DicomExportController::refreshActions);
    connect(exports, &QMenu::aboutToShow, this, &DicomExportController::refreshActions);
    refreshActions();
}

viewer::VolumeView* DicomExportController::currentView() const
{
    return qobject_cast<viewer::VolumeView*>(m_tabs.currentWidget());
}

QString DicomExportController::documentPath() const
{
    QWidget* page = m_tabs.currentWidget();
    return page ? page->property("documentPath").toString() : QString();
}

int DicomExportController::chosenLayer(bool labelMap) const
{
    viewer::VolumeView* view = currentView();
    if (!view)
        return -1;
    const viewer::LayerStack& stack = *view->layers();
    const auto isKind = [&](int i) {
        return labelMap ? stack.labelMapAt(i) != nullptr : stack.scalarOverlayAt(i) != nullptr;
    };
    if (m_layers && m_layers->stack() == &stack) {
        const int selected = m_layers->currentIndex();
        if (selected >= 0 && selected < stack.count() && isKind(selected))
            return selected;
    }
    int topMost = -1;
    for (int i = stack.count() - 1; i >= 0; --i)
        if (isKind(i)) {
            if (viewer::layerVisible(stack.at(i)))
                return i;
            topMost = topMost < 0 ? i : topMost;
        }
    return topMost;
}

QString DicomExportController::unavailable(Output output) const
{
    viewer::VolumeView* view = currentView();
    if (!view || view->volume().isNull())
        return tr("The tab in front shows no image.");
    if (view->isLoading())
        return tr("The series is still loading.");
    const viewer::Volume& image = view->volume();
    if (output != Output::LabelMapFile && (image.info().seriesInstanceUid.empty() || documentPath().isEmpty()))
        return tr("The tab in front shows no DICOM series.");
    const viewer::LayerStack& stack = *view->layers();
    switch (output) {
    case Output::LabelMapFile:
    case Output::Seg:
        return chosenLayer(true) < 0 ? tr("The tab in front has no label map.") : QString();
    case Output::MeasurementsSr:
        for (int i = 0; i < stack.count(); ++i)
            if (stack.labelMapAt(i) && onGrid(stack.labelMapAt(i)->labels, image))
                return {};
        return view->sliceView()->measurements().empty() ? tr("The tab in front has no measurements and no label map.")
                                                         : QString();
    case Output::ParametricMap: {
        const int index = chosenLayer(false);
        if (index < 0)
            return tr("The tab in front has no overlay.");
        const viewer::ScalarOverlayLayer& overlay = *stack.scalarOverlayAt(index);
        return onGrid(overlay.volume, image) ? QString()
                                             : tr("The overlay %1 does not lie on the series' voxel grid.")
                                                   .arg(QString::fromStdString(overlay.name));
    }
    case Output::SegImport:
    case Output::SecondaryCapture:
        break;
    }
    return {};
}

void DicomExportController::refreshActions()
{
    for (int i = 0; i < int(std::size(m_actions)); ++i) {
        const QString why = unavailable(Output(i));
        m_actions[i]->setEnabled(why.isEmpty());
        m_actions[i]->setStatusTip(why);
    }
}

void DicomExportController::watchCurrentTab()
{
    disconnect(m_watchLayers);
    disconnect(m_watchMeasurements);
    if (viewer::VolumeView* view = currentView()) {
        m_watchLayers =
            connect(view->layers(), &viewer::LayerStack::changed, this, &DicomExportController::refreshActions);
        m_watchMeasurements = connect(view->sliceView(), &viewer::SliceView::measurementsChanged, this,
                                      &DicomExportController::refreshActions);
    }
    refreshActions();
}

void DicomExportController::ask(Output output, const QString& caption, const QString& filter, const QString& name,
                                JobId (DicomExportController::*method)(const QString&))
{
    const QString folder = QFileInfo(documentPath()).absolutePath();
    QString path = output == Output::SegImport
                       ? QFileDialog::getOpenFileName(&m_window, caption, folder, filter)
                       : QFileDialog::getSaveFileName(&m_window, caption, QDir(folder).filePath(name), filter);
    if (path.isEmpty())
        return;
    if (output == Output::LabelMapFile && !isLabelMapFile(path))
        path += QStringLiteral(".nii.gz");
    (this->*method)(path);
}

template <class T>
JobId DicomExportController::start(const QString& title, const QString& path, std::function<T()> work,
                                   std::function<QString(T)> done)
{
    return m_jobs.run<T>(
        title, this, [work](JobContext&) { return work(); },
        [this, path, done](T result) {
            m_window.statusBar()->showMessage(done(std::move(result)), 10000);
            emit finished(path);
        },
        [this, path](const QString& message) { fail(path, message); });
}

JobId DicomExportController::start(const QString& title, const QString& path, std::function<QString()> work)
{
    return start<QString>(title, path, std::move(work), [](QString note) { return note; });
}

void DicomExportController::fail(const QString& path, const QString& problem)
{
    // Writer messages start with the path; the message shows it once.
    const QString file = QDir::toNativeSeparators(path);
    const QString text = problem.startsWith(path + QStringLiteral(": ")) ? problem.mid(path.size() + 2) : problem;
    m_window.statusBar()->showMessage(tr("Failed: %1").arg(QFileInfo(path).fileName()), 10000);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("DICOM export and import"), tr("%1\n%2").arg(file, text),
                                QMessageBox::Ok, &m_window);
    box->setObjectName(QStringLiteral("dicomExportError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // not modal: the window keeps working
    emit failed(tr("%1: %2").arg(file, text));
}

JobId DicomExportController::refuse(const QString& path, const QString& why)
{
    fail(path, why);
    return 0;
}

JobId DicomExportController::saveLabelMap(const QString& path)
{
    QString why = unavailable(Output::LabelMapFile);
    if (why.isEmpty() && !isLabelMapFile(path))
        why = tr("Save a label map as .nii.gz, .nii or .nrrd.");
    if (!why.isEmpty())
        return refuse(path, why);
    const viewer::LabelMapLayer& layer = *currentView()->layers()->labelMapAt(chosenLayer(true));
    const viewer::Volume labels = detached(layer.labels);
    const std::vector<viewer::LabelEntry> table = layer.table;
    const std::string file = path.toStdString();
    const QString name = QString::fromStdString(layer.name), fileName = QFileInfo(path).fileName();
    return start(tr("Saving label map %1").arg(fileName), path, [labels, table, file, name, fileName] {
        viewer::writeLabelMap(labels, table, file);
        return tr("Saved label map %1 as %2").arg(name, fileName);
    });
}

JobId DicomExportController::exportSeg(const QString& path)
{
    if (const QString why = unavailable(Output::Seg); !why.isEmpty())
        return refuse(path, why);
    const viewer::LayerStack* stack = currentView()->layers();
    const int index = chosenLayer(true);
    const std::pair<const void*, int> key{stack, stack->idAt(index)};
    viewer::LabelMapLayer layer = *stack->labelMapAt(index);
    layer.labels = detached(layer.labels);
    const std::string document = documentPath().toStdString(), file = path.toStdString();
    const std::string uid = currentView()->volume().info().seriesInstanceUid;
    const QString fileName = QFileInfo(path).fileName();
    using Written = std::pair<viewer::DicomSegWriteResult, std::uint64_t>;
    return start<Written>(
        tr("Exporting DICOM SEG %1").arg(fileName), path,
        [layer, document, uid, file] {
            viewer::DicomSegOptions options;
            options.seriesDescription = layer.name.empty() ? options.seriesDescription : layer.name;
            options.softwareVersions = radpathVersion().toStdString();
            const viewer::DicomSegWriteResult written = viewer::writeDicomSeg(
                layer.labels, viewer::segmentDescriptions(layer), seriesOf(document, uid), file, options);
            return Written{written, voxelHash(layer.labels)};
        },
        [this, key, uid, name = layer.name, fileName](Written w) {
            m_segs[key] = {w.first.sopInstanceUid, w.first.seriesInstanceUid, uid, w.first.segmentValues, w.second};
            return tr("Exported %1 as DICOM SEG %2 (%n segment(s))", nullptr, int(w.first.segmentValues.size()))
                .arg(QString::fromStdString(name), fileName);
        });
}

JobId DicomExportController::importSeg(const QString& path)
{
    if (const QString why = unavailable(Output::SegImport); !why.isEmpty())
        return refuse(path, why);
    const QPointer<viewer::VolumeView> view = currentView();
    const viewer::ImageGeometry grid = view->volume().geometry();
    const std::string document = documentPath().toStdString(), file = path.toStdString();
    const std::string uid = view->volume().info().seriesInstanceUid;
    const QString fileName = QFileInfo(path).fileName();
    return start<viewer::DicomSegContent>(
        tr("Importing DICOM SEG %1").arg(fileName), path,
        [document, uid, file, grid] {
            // A SEG names the series it was drawn on: refused unless that is this tab's.
            const std::vector<std::string> drawnOn = viewer::dicomSegReferencedSeries(file);
            if (!drawnOn.empty() && std::find(drawnOn.begin(), drawnOn.end(), uid) == drawnOn.end())
                throw viewer::IoError(file,
                                      tr("is a segmentation of another series (%1), not of the series in this "
                                         "tab (%2)")
                                          .arg(QString::fromStdString(drawnOn.front()), QString::fromStdString(uid))
                                          .toStdString());
            viewer::DicomSegContent content = viewer::readDicomSeg(file, seriesOf(document, uid));
            if (const std::string mismatch = viewer::gridMismatch(content.labels.geometry(), grid); !mismatch.empty())
                throw viewer::IoError(
                    file,
                    tr("does not fit the image in this tab (%1)").arg(QString::fromStdString(mismatch)).toStdString());
            return content;
        },
        [view, path, fileName](viewer::DicomSegContent content) {
            if (!view)
                return tr("The tab closed before %1 was read.").arg(fileName);
            view->layers()->add(viewer::labelMapLayer(content, QFileInfo(path).completeBaseName().toStdString()));
            QString note = tr("Imported %1 (%n segment(s))", nullptr, int(content.segments.size())).arg(fileName);
            for (const std::string& warning : content.warnings)
                note += QStringLiteral("; ") + QString::fromStdString(warning);
            return note;
        });
}

JobId DicomExportController::exportMeasurementsSr(const QString& path)
{
    if (const QString why = unavailable(Output::MeasurementsSr); !why.isEmpty())
        return refuse(path, why);
    viewer::VolumeView* view = currentView();
    const viewer::Volume image = view->volume(); // never edited: shared, not copied
    const std::vector<viewer::Measurement> measurements = view->sliceView()->measurements();
    std::vector<SrLabelMap> labelMaps;
    const viewer::LayerStack* stack = view->layers();
    for (int i = 0; i < stack->count(); ++i)
        if (const viewer::LabelMapLayer* m = stack->labelMapAt(i); m && onGrid(m->labels, image)) {
            SrLabelMap map{*m, {}, {}, {}, 0};
            map.layer.labels = detached(m->labels);
            if (const auto seg = m_segs.find({stack, stack->idAt(i)});
                seg != m_segs.end() && seg->second.sourceSeriesUid == image.info().seriesInstanceUid) {
                map.segSopInstanceUid = seg->second.sopInstanceUid;
                map.segSeriesInstanceUid = seg->second.seriesInstanceUid;
                map.segmentValues = seg->second.segmentValues;
                map.segVoxelHash = seg->second.voxelHash;
            }
            labelMaps.push_back(std::move(map));
        }
    const std::string document = documentPath().toStdString(), file = path.toStdString();
    const QString fileName = QFileInfo(path).fileName();
    return start(tr("Exporting DICOM SR %1").arg(fileName), path,
                 [measurements, labelMaps, image, document, file, fileName] {
                     const viewer::DicomReference reference =
                         viewer::readDicomReference(seriesOf(document, image.info().seriesInstanceUid));
                     const viewer::SrReport report = srReport(measurements, labelMaps, image, reference);
                     viewer::writeDicomSr(report, reference, file);
                     return tr("Exported %1 measurement(s) and %2 label statistics as DICOM SR %3")
                         .arg(report.measurements.size())
                         .arg(report.labelStatistics.size())
                         .arg(fileName);
                 });
}

JobId DicomExportController::exportParametricMap(const QString& path)
{
    if (const QString why = unavailable(Output::ParametricMap); !why.isEmpty())
        return refuse(path, why);
    const viewer::ScalarOverlayLayer& overlay = *currentView()->layers()->scalarOverlayAt(chosenLayer(false));
    const viewer::Volume map = detached(overlay.volume);
    const std::string name = overlay.name, document = documentPath().toStdString(), file = path.toStdString();
    const std::string uid = currentView()->volume().info().seriesInstanceUid;
    const QString fileName = QFileInfo(path).fileName();
    return start(tr("Exporting parametric map %1").arg(fileName), path, [map, name, document, uid, file, fileName] {
        const viewer::DicomSeries series = seriesOf(document, uid);
        if (const std::string mismatch = viewer::gridMismatch(map.geometry(), viewer::seriesGeometry(series));
            !mismatch.empty())
            throw viewer::IoError(file, tr("the overlay does not lie on the series' grid (%1)")
                                            .arg(QString::fromStdString(mismatch))
                                            .toStdString());
        viewer::ParametricMapOptions options;
        options.quantity = quantityOf(name);
        options.contentDescription = name;
        viewer::writeDicomParametricMap(map, viewer::readDicomReference(series), file, options);
        return tr("Exported overlay %1 as DICOM Parametric Map %2").arg(QString::fromStdString(name), fileName);
    });
}

JobId DicomExportController::exportSecondaryCapture(const QString& path)
{
    if (const QString why = unavailable(Output::SecondaryCapture); !why.isEmpty())
        return refuse(path, why);
    viewer::VolumeView* view = currentView();
    // The view last clicked as drawn, overlays and all; the whole page when it is hidden.
    QImage image = view->snapshot();
    if (image.isNull())
        image = view->grab().toImage();
    const int active = view->activeView();
    const viewer::SliceView* plane = active >= 0 && active < 3 ? view->planeView(active) : nullptr;
    const int k = plane ? acquiredSliceShown(*plane) : -1; // the source image, if any
    viewer::SecondaryCaptureOptions options;
    options.derivationDescription = plane ? tr("Slice %1 of %2, window %3, level %4")
                                                .arg(plane->slice() + 1)
                                                .arg(plane->sliceCount())
                                                .arg(plane->windowWidth())
                                                .arg(plane->windowCenter())
                                                .toStdString()
                                          : tr("3-D view").toStdString();
    const std::string document = documentPath().toStdString(), file = path.toStdString();
    const std::string uid = view->volume().info().seriesInstanceUid;
    const QString fileName = QFileInfo(path).fileName();
    return start(tr("Exporting key image %1").arg(fileName), path, [image, options, k, document, uid, file, fileName] {
        const viewer::DicomReference reference = viewer::readDicomReference(seriesOf(document, uid));
        viewer::SecondaryCaptureOptions withSource = options;
        if (k >= 0 && std::size_t(k) < reference.images.size())
            withSource.sourceImageIndices = {k};
        viewer::writeDicomSecondaryCapture(image, reference, file, withSource);
        return tr("Exported the view as DICOM Secondary Capture %1").arg(fileName);
    });
}

} // namespace app
} // namespace radpath
