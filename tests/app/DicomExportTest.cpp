// File > Export and Import DICOM SEG on a CT series in a tab, through DicomExportController's
// path-taking methods (the slots only add file dialogs): an edited AI label map as DICOM SEG
// (SEMIAUTOMATIC, the model as algorithm) read back voxel for voxel, a hand-drawn one
// (MANUAL), label maps as NIfTI and NRRD read back with the project's reader, measurements
// and label statistics as SR, a probability overlay as Parametric Map, the view as Secondary
// Capture (each passed by dciodvfy when it is installed), a SEG of another series refused
// naming the file, and the actions following the tab in front.

#include "../viewer/DciodvfySupport.h"

#include "app/core/JobRunner.h"
#include "app/gui/DicomExportController.h"
#include "app/gui/LayersDock.h"
#include "viewer/demo/CtPhantom.h"
#include "viewer/io/DicomOutputContext.h"
#include "viewer/io/DicomSegReader.h"
#include "viewer/io/DicomSeriesReader.h"
#include "viewer/io/DicomSeriesWriter.h"
#include "viewer/io/LabelMapReader.h"
#include "viewer/model/Layers.h"
#include "viewer/render/VtkWidget.h"
#include "viewer/view/VolumeView.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <set>

using namespace radpath;
using Output = app::DicomExportController::Output;

namespace {

constexpr double kVoxelMl = 3.0 * 3.0 * 3.0 / 1000.0; // the phantom's 3 mm voxels
const std::string kModel = "ct-lesion-segmenter";

// `value` in the box of voxels lo..hi (inclusive).
void fillBox(viewer::Volume& v, std::array<int, 3> lo, std::array<int, 3> hi, int value)
{
    viewer::visitPixelType(v.pixelType(), [&](auto zero) {
        using T = decltype(zero);
        for (int k = lo[2]; k <= hi[2]; ++k)
            for (int j = lo[1]; j <= hi[1]; ++j)
                for (int i = lo[0]; i <= hi[0]; ++i)
                    v.voxels<T>()[v.linearIndex(i, j, k)] = T(value);
    });
}

std::map<int, std::size_t> voxelCounts(const viewer::Volume& v)
{
    std::map<int, std::size_t> counts;
    const auto& s = v.geometry().size;
    for (int k = 0; k < s[2]; ++k)
        for (int j = 0; j < s[1]; ++j)
            for (int i = 0; i < s[0]; ++i)
                if (const int value = int(v.valueAt(i, j, k)))
                    ++counts[value];
    return counts;
}

// Voxels whose values differ (any pixel types, same size).
std::size_t differences(const viewer::Volume& a, const viewer::Volume& b)
{
    std::size_t n = 0;
    const auto& s = a.geometry().size;
    for (int k = 0; k < s[2]; ++k)
        for (int j = 0; j < s[1]; ++j)
            for (int i = 0; i < s[0]; ++i)
                n += a.valueAt(i, j, k) != b.valueAt(i, j, k);
    return n;
}

std::vector<std::string> names(const viewer::LabelMapLayer& layer)
{
    std::vector<std::string> out;
    for (const viewer::LabelEntry& e : layer.table)
        out.push_back(e.name);
    return out;
}

std::string text(DcmItem& item, const DcmTagKey& key)
{
    OFString s;
    item.findAndGetOFStringArray(key, s);
    return s.c_str();
}

// The SEG's segments: (SegmentAlgorithmType, SegmentAlgorithmName, AlgorithmVersion).
std::vector<std::array<std::string, 3>> segmentAlgorithms(const QString& path)
{
    DcmFileFormat file;
    std::vector<std::array<std::string, 3>> out;
    if (file.loadFile(path.toStdString().c_str()).bad())
        return out;
    DcmItem* segment = nullptr;
    for (long n = 0; file.getDataset()->findAndGetSequenceItem(DCM_SegmentSequence, segment, n).good(); ++n) {
        DcmItem* identification = nullptr;
        segment->findAndGetSequenceItem(DCM_SegmentationAlgorithmIdentificationSequence, identification);
        out.push_back({text(*segment, DCM_SegmentAlgorithmType), text(*segment, DCM_SegmentAlgorithmName),
                       identification ? text(*identification, DCM_AlgorithmVersion) : std::string()});
    }
    return out;
}

// The SOP instances of the SourceImageSequence.
std::vector<std::string> sourceImages(DcmItem& ds)
{
    std::vector<std::string> out;
    DcmItem* item = nullptr;
    for (long n = 0; ds.findAndGetSequenceItem(DCM_SourceImageSequence, item, n).good(); ++n)
        out.push_back(text(*item, DCM_ReferencedSOPInstanceUID));
    return out;
}

void verifyWithDciodvfy(const QString& path)
{
    if (viewer::test::dciodvfyProgram().isEmpty())
        qInfo("dciodvfy (dicom3tools) is not on the PATH: %s not checked", qPrintable(path));
    else
        VERIFY_DCIODVFY(path.toStdString());
}

} // namespace

class DicomExportTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        viewer::CtPhantomSpec spec;
        spec.size = 48;
        spec.slices = 16;
        spec.pixelMm = 3.0;
        spec.sliceMm = 3.0;
        const viewer::CtPhantom phantom = viewer::makeCtPhantom(spec);
        m_ct = m_dir.filePath("ct");
        viewer::writeCtSeries(phantom.volume, m_ct.toStdString(), {});
        m_series = viewer::DicomSeriesReader().seriesFor(m_ct.toStdString(), {}).front();
        // The same phantom as another series in the same frame of reference.
        viewer::DicomSeriesMeta other;
        other.frameOfReferenceUid = m_series.frameOfReferenceUid;
        other.studyInstanceUid = m_series.studyInstanceUid;
        const std::string otherDir = m_dir.filePath("other").toStdString();
        viewer::writeCtSeries(phantom.volume, otherDir, other);
        m_other = viewer::DicomSeriesReader().seriesFor(otherDir, {}).front();
        const viewer::Volume ct = viewer::DicomSeriesReader().read(m_ct.toStdString(), {});

        // The window as MainWindow composes it: tabs, the Layers dock, the controller.
        m_window.resize(1200, 800);
        m_tabs = new QTabWidget(&m_window);
        m_window.setCentralWidget(m_tabs);
        m_dock = new app::LayersDock(&m_window);
        m_window.addDockWidget(Qt::RightDockWidgetArea, m_dock);
        m_view = new viewer::VolumeView;
        m_view->setVolume(ct);
        m_view->setLayout(viewer::MprLayout::Single);
        m_view->setProperty("documentPath", m_ct);
        m_tabs->addTab(m_view, QStringLiteral("CT"));
        m_dock->setStack(m_view->layers());
        m_controller = new app::DicomExportController(m_jobs, *m_tabs, m_dock, m_window);
        m_controller->addActions(&m_file);

        // A hand-drawn label map: Liver 6×5×4 = 120 voxels, Kidney 3×3×3 = 27.
        viewer::Volume organs(viewer::PixelType::UInt8, ct.geometry());
        fillBox(organs, {10, 20, 4}, {15, 24, 7}, 1);
        fillBox(organs, {30, 30, 9}, {32, 32, 11}, 2);
        viewer::LabelMapLayer drawn = viewer::makeLabelMapLayer("Organs", organs);
        drawn.table[0].name = "Liver", drawn.table[1].name = "Kidney";
        m_organs = m_view->layers()->add(drawn);
        // A model's label map, then edited: Liver lesion 4×4×4 = 64, Nodule 2×3×2 = 12 + 1.
        viewer::Volume lesions(viewer::PixelType::UInt16, ct.geometry());
        fillBox(lesions, {12, 12, 2}, {15, 15, 5}, 1);
        fillBox(lesions, {35, 10, 12}, {36, 12, 13}, 2);
        viewer::LabelMapLayer model = viewer::makeLabelMapLayer(kModel + ": lesions", lesions);
        model.table[0].name = "Liver lesion", model.table[1].name = "Nodule";
        model.ai = {kModel, "1.0", "0123abcd", false, {}};
        m_lesions = m_view->layers()->add(model);
        const int index = m_view->layers()->indexOf(m_lesions);
        viewer::Volume edited = m_view->layers()->labelMapAt(index)->labels; // the layer's own voxels
        fillBox(edited, {35, 13, 12}, {35, 13, 12}, 2);
        m_view->layers()->voxelsChanged(index);
        QVERIFY(m_view->layers()->labelMapAt(index)->ai.edited);
        // A class probability on the series' grid.
        viewer::Volume probability(viewer::PixelType::Float32, ct.geometry());
        for (std::size_t i = 0; i < probability.voxelCount(); ++i)
            probability.voxels<float>()[i] = float(i % 101) / 100.0f;
        m_overlay = m_view->layers()->add(viewer::makeScalarOverlay(kModel + ": p(Liver lesion)", probability));
        // A length of 10 voxels (30 mm) and an ellipse on slice 5.
        const viewer::ImageGeometry& g = ct.geometry();
        viewer::Measurement length;
        length.slice = 5;
        length.points = {g.indexToPhysical({10, 10, 5}), g.indexToPhysical({20, 10, 5})};
        viewer::Measurement ellipse;
        ellipse.kind = viewer::MeasurementKind::Ellipse;
        ellipse.slice = 5;
        ellipse.points = {g.indexToPhysical({24, 24, 5}), g.indexToPhysical({28, 24, 5}),
                          g.indexToPhysical({24, 27, 5})};
        m_view->sliceView()->setMeasurements({length, ellipse});

        m_window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_window));
    }

    void actionsFollowTheTabInFront()
    {
        auto* exports = m_file.findChild<QMenu*>(QStringLiteral("exportMenu"));
        QVERIFY(exports);
        QCOMPARE(exports->actions().size(), 5);
        QVERIFY(m_file.actions().contains(m_controller->action(Output::SegImport)));
        const auto enabled = [&] {
            m_controller->refreshActions();
            QList<bool> on;
            for (Output o : {Output::LabelMapFile, Output::Seg, Output::SegImport, Output::MeasurementsSr,
                             Output::ParametricMap, Output::SecondaryCapture})
                on << m_controller->action(o)->isEnabled();
            return on;
        };
        QCOMPARE(enabled(), QList<bool>({true, true, true, true, true, true}));

        // A NIfTI volume (no series): only its label map can be saved.
        auto* nifti = new viewer::VolumeView;
        viewer::Volume plain = m_view->volume();
        plain.info().seriesInstanceUid.clear();
        nifti->setVolume(plain);
        nifti->setProperty("documentPath", m_dir.filePath("image.nii.gz"));
        nifti->layers()->add(viewer::makeLabelMapLayer("Mask", m_view->layers()->labelMapAt(0)->labels));
        m_tabs->setCurrentIndex(m_tabs->addTab(nifti, QStringLiteral("NIfTI")));
        QCOMPARE(enabled(), QList<bool>({true, false, false, false, false, false}));
        // No image at all.
        auto* blank = new QWidget;
        m_tabs->setCurrentIndex(m_tabs->addTab(blank, QStringLiteral("Blank")));
        QCOMPARE(enabled(), QList<bool>({false, false, false, false, false, false}));
        QSignalSpy failed(m_controller, &app::DicomExportController::failed);
        QCOMPARE(m_controller->exportSeg(m_dir.filePath("nothing.dcm")), app::JobId(0));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("nothing.dcm")));
        delete blank;
        delete nifti;
        m_tabs->setCurrentWidget(m_view);
        QCOMPARE(enabled(), QList<bool>({true, true, true, true, true, true}));
        closeMessages();
    }

    void editedAiLabelMapAsSegAndBack()
    {
        const viewer::LayerStack& stack = *m_view->layers();
        m_dock->setCurrentIndex(stack.indexOf(m_lesions));
        const QString seg = m_dir.filePath("lesions-seg.dcm");
        QCOMPARE(run(&app::DicomExportController::exportSeg, seg), QString());
        // An automatic result corrected by hand: SEMIAUTOMATIC, the model as the algorithm.
        const auto algorithms = segmentAlgorithms(seg);
        QCOMPARE(int(algorithms.size()), 2);
        for (const auto& a : algorithms)
            QCOMPARE(a, (std::array<std::string, 3>{"SEMIAUTOMATIC", kModel, "1.0"}));
        verifyWithDciodvfy(seg);
        const viewer::DicomSegContent read = viewer::readDicomSeg(seg.toStdString(), m_series);
        QCOMPARE(int(read.segments[0].algorithmType), int(viewer::SegmentAlgorithm::Semiautomatic));

        // Imported back onto the tab: a new layer, the same voxels and names.
        const int before = stack.count();
        QCOMPARE(run(&app::DicomExportController::importSeg, seg), QString());
        QCOMPARE(stack.count(), before + 1);
        const viewer::LabelMapLayer& back = *stack.labelMapAt(stack.count() - 1);
        const viewer::LabelMapLayer& original = *stack.labelMapAt(stack.indexOf(m_lesions));
        QCOMPARE(differences(back.labels, original.labels), std::size_t(0));
        QCOMPARE(voxelCounts(back.labels), (std::map<int, std::size_t>{{1, 64}, {2, 13}}));
        QCOMPARE(names(back), std::vector<std::string>({"Liver lesion", "Nodule"}));
        QCOMPARE(back.table[1].colour, original.table[1].colour);
        QCOMPARE(back.ai.model, kModel);
        QVERIFY(back.ai.edited);
        QVERIFY(m_window.statusBar()->currentMessage().contains(QStringLiteral("lesions-seg.dcm")));
        m_view->layers()->remove(stack.count() - 1);

        // A hand-drawn label map: MANUAL, no algorithm.
        m_dock->setCurrentIndex(stack.indexOf(m_organs));
        const QString manual = m_dir.filePath("organs-seg.dcm");
        QCOMPARE(run(&app::DicomExportController::exportSeg, manual), QString());
        for (const auto& a : segmentAlgorithms(manual))
            QCOMPARE(a, (std::array<std::string, 3>{"MANUAL", "", ""}));
        verifyWithDciodvfy(manual);
    }

    void labelMapsAsNiftiAndNrrd()
    {
        const viewer::LayerStack& stack = *m_view->layers();
        // The overlay selected: the top-most visible label map is saved.
        m_dock->setCurrentIndex(stack.indexOf(m_overlay));
        const QString nifti = m_dir.filePath("lesions.nii.gz");
        QCOMPARE(run(&app::DicomExportController::saveLabelMap, nifti), QString());
        const viewer::LabelMapLayer lesions = viewer::loadLabelMap(nifti.toStdString());
        QCOMPARE(differences(lesions.labels, stack.labelMapAt(stack.indexOf(m_lesions))->labels), std::size_t(0));
        QCOMPARE(names(lesions), std::vector<std::string>({"Liver lesion", "Nodule"}));
        QVERIFY(viewer::geometryMismatch(lesions.labels.geometry(), m_view->volume().geometry()).empty());

        m_dock->setCurrentIndex(stack.indexOf(m_organs));
        const QString nrrd = m_dir.filePath("organs.nrrd");
        QCOMPARE(run(&app::DicomExportController::saveLabelMap, nrrd), QString());
        const viewer::LabelMapLayer organs = viewer::loadLabelMap(nrrd.toStdString());
        QCOMPARE(voxelCounts(organs.labels), (std::map<int, std::size_t>{{1, 120}, {2, 27}}));
        QCOMPARE(differences(organs.labels, stack.labelMapAt(stack.indexOf(m_organs))->labels), std::size_t(0));
        QCOMPARE(names(organs), std::vector<std::string>({"Liver", "Kidney"}));
        QCOMPARE(organs.table[0].colour, stack.labelMapAt(stack.indexOf(m_organs))->table[0].colour);

        const QString png = m_dir.filePath("organs.png");
        const QString refused = run(&app::DicomExportController::saveLabelMap, png);
        QVERIFY2(refused.contains(png) && refused.contains(QStringLiteral(".nii.gz")), qPrintable(refused));
        QVERIFY(!QFile::exists(png));
        closeMessages();
    }

    void measurementsOverlayAndViewAsDicom()
    {
        // SR: the two measurements and the four labels' volumes.
        const QString sr = m_dir.filePath("measurements.dcm");
        QCOMPARE(run(&app::DicomExportController::exportMeasurementsSr, sr), QString());
        verifyWithDciodvfy(sr);
        DcmFileFormat file;
        QVERIFY(file.loadFile(sr.toStdString().c_str()).good());
        DSRDocument doc;
        QVERIFY(doc.read(*file.getDataset()).good());
        std::vector<double> volumes, lengths;
        QStringList trackingIds;
        std::set<std::string> segmentsReferenced; // "SEG SOP instance UID/segment number"
        DSRDocumentTree& tree = doc.getTree();
        QVERIFY(tree.gotoRoot() > 0);
        do {
            const DSRContentItem& item = tree.getCurrentContentItem();
            const std::string concept = item.getConceptName().getCodeValue().c_str();
            if (item.getValueType() == DSRTypes::VT_Image && item.getImageReference().getSOPClassUID() == UID_SegmentationStorage) {
                const DSRImageReferenceValue& ref = item.getImageReference();
                Uint16 segment = 0;
                ref.getSegmentList().getItem(1, segment);
                segmentsReferenced.insert(std::string(ref.getSOPInstanceUID().c_str()) + "/" + std::to_string(segment));
            }
            if (item.getValueType() == DSRTypes::VT_Num) {
                const double value = std::stod(item.getNumericValue().getNumericValue().c_str());
                if (concept == "118565006")
                    volumes.push_back(value);
                else if (concept == "410668003")
                    lengths.push_back(value);
            } else if (item.getValueType() == DSRTypes::VT_Text && concept == "112039") {
                trackingIds << QString::fromStdString(item.getStringValue().c_str());
            }
        } while (tree.iterate() > 0);
        std::sort(volumes.begin(), volumes.end());
        const std::vector<double> expected{13 * kVoxelMl, 27 * kVoxelMl, 64 * kVoxelMl, 120 * kVoxelMl};
        QCOMPARE(volumes.size(), expected.size());
        for (std::size_t n = 0; n < expected.size(); ++n)
            QVERIFY2(std::abs(volumes[n] - expected[n]) < 1e-3, qPrintable(QString::number(volumes[n])));
        QCOMPARE(lengths.size(), std::size_t(1));
        QVERIFY(std::abs(lengths[0] - 30.0) < 1e-3);
        QVERIFY2(trackingIds.contains(QStringLiteral("Organs: Liver")) &&
                     trackingIds.contains(QStringLiteral("Length 1")),
                 qPrintable(trackingIds.join(", ")));
        // The statistics refer to the segments of the SEGs exported before: the maps are unchanged.
        DcmFileFormat segFile;
        QVERIFY(segFile.loadFile(m_dir.filePath("organs-seg.dcm").toStdString().c_str()).good());
        const std::string organsSeg = text(*segFile.getDataset(), DCM_SOPInstanceUID);
        QVERIFY(segFile.loadFile(m_dir.filePath("lesions-seg.dcm").toStdString().c_str()).good());
        const std::string lesionsSeg = text(*segFile.getDataset(), DCM_SOPInstanceUID);
        QCOMPARE(segmentsReferenced, (std::set<std::string>{organsSeg + "/1", organsSeg + "/2", lesionsSeg + "/1",
                                                            lesionsSeg + "/2"}));

        // Once a map is edited, its SEG no longer holds what the SR measures: no reference.
        {
            const int index = m_view->layers()->indexOf(m_organs);
            viewer::Volume organs = m_view->layers()->labelMapAt(index)->labels; // the layer's own voxels
            fillBox(organs, {0, 0, 0}, {0, 0, 0}, 1);
            m_view->layers()->voxelsChanged(index);
            const QString again = m_dir.filePath("measurements-edited.dcm");
            QCOMPARE(run(&app::DicomExportController::exportMeasurementsSr, again), QString());
            verifyWithDciodvfy(again);
            QVERIFY(file.loadFile(again.toStdString().c_str()).good());
            DSRDocument edited;
            QVERIFY(edited.read(*file.getDataset()).good());
            std::set<std::string> stillReferenced;
            DSRDocumentTree& t = edited.getTree();
            QVERIFY(t.gotoRoot() > 0);
            do {
                const DSRContentItem& item = t.getCurrentContentItem();
                if (item.getValueType() == DSRTypes::VT_Image &&
                    item.getImageReference().getSOPClassUID() == UID_SegmentationStorage)
                    stillReferenced.insert(item.getImageReference().getSOPInstanceUID().c_str());
            } while (t.iterate() > 0);
            QCOMPARE(stillReferenced, (std::set<std::string>{lesionsSeg}));
            fillBox(organs, {0, 0, 0}, {0, 0, 0}, 0);
            m_view->layers()->voxelsChanged(index);
        }

        // Parametric Map of the probability overlay: one frame per slice.
        const QString map = m_dir.filePath("probability.dcm");
        QCOMPARE(run(&app::DicomExportController::exportParametricMap, map), QString());
        verifyWithDciodvfy(map);
        QVERIFY(file.loadFile(map.toStdString().c_str()).good());
        QCOMPARE(text(*file.getDataset(), DCM_SOPClassUID), std::string(UID_ParametricMapStorage));
        QCOMPARE(text(*file.getDataset(), DCM_NumberOfFrames), std::string("16"));
        QCOMPARE(text(*file.getDataset(), DCM_FrameOfReferenceUID), m_series.frameOfReferenceUid);

        // Secondary Capture of the view last clicked (the axial one), in the series' study,
        // naming the slice it shows as its source.
        const QString key = m_dir.filePath("key-image.dcm");
        QCOMPARE(run(&app::DicomExportController::exportSecondaryCapture, key), QString());
        verifyWithDciodvfy(key);
        QVERIFY(file.loadFile(key.toStdString().c_str()).good());
        DcmDataset& ds = *file.getDataset();
        QCOMPARE(text(ds, DCM_SOPClassUID), std::string(UID_SecondaryCaptureImageStorage));
        QCOMPARE(text(ds, DCM_StudyInstanceUID), m_series.studyInstanceUid);
        const QImage snapshot = m_view->snapshot();
        QVERIFY(!snapshot.isNull());
        QVERIFY(snapshot.height() < m_view->grab().height()); // the view, not the tab's toolbars
        QCOMPARE(text(ds, DCM_Rows), std::to_string(snapshot.height()));
        QCOMPARE(text(ds, DCM_Columns), std::to_string(snapshot.width()));
        QCOMPARE(sourceImages(ds),
                 (std::vector<std::string>{
                     viewer::readDicomReference(m_series).images.at(size_t(m_view->slice())).sopInstanceUid}));
    }

    void secondaryCaptureOfACoronalPlaneNamesNoSourceImage()
    {
        m_tabs->setCurrentWidget(m_view);
        m_view->setLayout(viewer::MprLayout::TwoByTwo);
        const auto click = [&](int plane) {
            QWidget* vtk = m_view->planeView(plane)->vtkWidget();
            QTRY_VERIFY(vtk->isVisible());
            QTest::mousePress(vtk, Qt::LeftButton, Qt::NoModifier, vtk->rect().center());
            QTest::mouseRelease(vtk, Qt::LeftButton, Qt::NoModifier, vtk->rect().center());
            QCOMPARE(m_view->activeView(), plane);
        };
        // Its slice number counts rows, no index into the series' slices: no source image.
        click(1);
        QCOMPARE(m_view->planeView(1)->normalAxis(), 1);
        const QString coronal = m_dir.filePath("coronal-key-image.dcm");
        QCOMPARE(run(&app::DicomExportController::exportSecondaryCapture, coronal), QString());
        DcmFileFormat file;
        QVERIFY(file.loadFile(coronal.toStdString().c_str()).good());
        QCOMPARE(sourceImages(*file.getDataset()), std::vector<std::string>{});
        QVERIFY(!file.getDataset()->tagExists(DCM_ReferencedImageSequence));
        QCOMPARE(text(*file.getDataset(), DCM_Rows), std::to_string(m_view->snapshot().height()));
        // The axial plane of the same layout names its slice again.
        click(0);
        const QString axial = m_dir.filePath("axial-key-image.dcm");
        QCOMPARE(run(&app::DicomExportController::exportSecondaryCapture, axial), QString());
        QVERIFY(file.loadFile(axial.toStdString().c_str()).good());
        QCOMPARE(sourceImages(*file.getDataset()).size(), std::size_t(1));
        m_view->setLayout(viewer::MprLayout::Single);
    }

    void segOfAnotherSeriesIsRefused()
    {
        viewer::Volume labels(viewer::PixelType::UInt8, viewer::seriesGeometry(m_other));
        fillBox(labels, {5, 5, 5}, {8, 8, 8}, 1);
        const QString seg = m_dir.filePath("other-series-seg.dcm");
        viewer::writeDicomSeg(labels, {}, m_other, seg.toStdString());
        const int before = m_view->layers()->count();
        const QString message = run(&app::DicomExportController::importSeg, seg);
        QVERIFY2(message.contains(QDir::toNativeSeparators(seg)) && message.contains(QStringLiteral("another series")),
                 qPrintable(message));
        QCOMPARE(m_view->layers()->count(), before);
        const auto boxes = m_window.findChildren<QMessageBox*>(QStringLiteral("dicomExportError"));
        QCOMPARE(boxes.size(), 1);
        QVERIFY(boxes.front()->text().contains(QDir::toNativeSeparators(seg)));
        closeMessages();
    }

private:
    // Runs one of the controller's path-taking methods and waits for its job: "" when it
    // finished, else the failure message.
    QString run(app::JobId (app::DicomExportController::*method)(const QString&), const QString& path)
    {
        QSignalSpy done(m_controller, &app::DicomExportController::finished);
        QSignalSpy failed(m_controller, &app::DicomExportController::failed);
        if ((m_controller->*method)(path) == 0)
            return failed.isEmpty() ? QStringLiteral("no job started") : failed.first().first().toString();
        if (!QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, 60000))
            return QStringLiteral("the job did not end");
        if (!failed.isEmpty())
            return failed.first().first().toString();
        return done.first().first().toString() == path ? QString() : QStringLiteral("finished another path");
    }

    void closeMessages()
    {
        for (QMessageBox* box : m_window.findChildren<QMessageBox*>(QStringLiteral("dicomExportError")))
            delete box;
    }

    QTemporaryDir m_dir;
    QString m_ct;
    viewer::DicomSeries m_series, m_other;
    app::JobRunner m_jobs{2};
    QMainWindow m_window;
    QMenu m_file;
    QTabWidget* m_tabs = nullptr;
    app::LayersDock* m_dock = nullptr;
    viewer::VolumeView* m_view = nullptr;
    app::DicomExportController* m_controller = nullptr;
    int m_organs = 0, m_lesions = 0, m_overlay = 0; ///< layer ids
};

QTEST_MAIN(DicomExportTest)
#include "DicomExportTest.moc"
