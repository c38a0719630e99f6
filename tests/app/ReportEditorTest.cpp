// File > Report… on make-demo --small data, driven as a user would: on the CT the report
// opens with the DICOM header, the AI finding marked "AI-assisted, edited" once its mask was
// corrected, the label map's volume and mean HU and a length measurement (each checked
// against values computed here from the voxels and points), and the view as key image. The
// clinician types, reviews, adds a key image and signs; the signed report is locked, comes
// back signed, and exports as PDF (read back with pdftotext) and as DICOM Encapsulated PDF
// in the CT's study (dciodvfy). An unsigned report is kept as a draft: closing the editor
// loses neither text nor own findings, and signing removes the draft. On the slide: the
// thumbnail and the class area table of its annotations (areas from their pixel size and
// the slide's mpp).

#include "../viewer/DciodvfySupport.h"
#include "GuiTestSupport.h"
#include "MainWindowUnderTest.h"
#include "app/core/AiReviewStore.h"
#include "app/core/AppSettings.h"
#include "app/core/JobRunner.h"
#include "app/gui/AiDock.h"
#include "app/gui/LayersDock.h"
#include "app/gui/MainWindow.h"
#include "app/gui/ReportBuilder.h"
#include "app/gui/ReportEditorDialog.h"
#include "pathology/annotation/AnnotationSet.h"
#include "pathology/slide/SlideSource.h"
#include "pathology/view/AnnotationEditor.h"
#include "pathology/view/SlideDocumentView.h"
#include "pathology/view/SlideView.h"
#include "viewer/model/Layers.h"
#include "viewer/view/SliceView.h"
#include "viewer/view/VolumeView.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

#include <cmath>

using namespace radpath;
using namespace radpath::app;
using radpath::test::saveScreenshot;

namespace {

QString run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return QStringLiteral("(did not finish)");
    return QString::fromUtf8(p.readAll());
}

std::string dicomString(const QString& path, const DcmTagKey& tag)
{
    DcmFileFormat file;
    OFString value;
    if (file.loadFile(path.toLocal8Bit().constData()).bad() || file.getDataset()->findAndGetOFString(tag, value).bad())
        return {};
    return value.c_str();
}

ReportEditorDialog* waitForEditor(MainWindow& window, int count)
{
    QList<ReportEditorDialog*> editors;
    const bool opened =
        QTest::qWaitFor([&] { return (editors = window.findChildren<ReportEditorDialog*>()).size() == count; }, 30000);
    return opened ? editors.last() : nullptr;
}

/// Opens `path` as the window's one tab and waits until it is loaded; nullptr on a timeout.
viewer::VolumeView* openLoaded(MainWindow& window, const QString& path)
{
    window.openPaths({path});
    if (!QTest::qWaitFor([&] { return window.tabs()->count() == 1; }, 30000))
        return nullptr;
    auto* view = qobject_cast<viewer::VolumeView*>(window.tabs()->widget(0));
    return view && QTest::qWaitFor([&] { return !view->isLoading(); }, 30000) ? view : nullptr;
}

Finding aiLesion(double volumeMl)
{
    Finding f;
    f.label = QStringLiteral("lesion");
    f.text = QStringLiteral("segmented volume");
    f.model = {QStringLiteral("ct-lesion-segmenter"), QStringLiteral("1.0"), QStringLiteral("ab12cd34ef56ab12cd34")};
    f.volumeMl = volumeMl;
    return f;
}

} // namespace

class ReportEditorTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath("demo");
        QVERIFY(radpath::test::makeSmallDemo(m_demo));
    }

    void ctReportFromTheViewToTheStudy()
    {
        radpath::test::MainWindowUnderTest app(m_dir.filePath("state-ct"));
        MainWindow& window = app.window;
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString ct = QDir(m_demo).filePath("ct");
        viewer::VolumeView* view = openLoaded(window, ct);
        QVERIFY(view);
        const viewer::Volume& image = view->volume();
        const auto& g = image.geometry();

        // An AI label map: a box of 12 × 10 × 6 voxels around the middle, and its finding.
        viewer::Volume labels(viewer::PixelType::UInt16, g);
        const int i0 = g.size[0] / 2 - 6, j0 = g.size[1] / 2 - 5, k0 = g.size[2] / 2 - 3;
        for (int k = k0; k < k0 + 6; ++k)
            for (int j = j0; j < j0 + 10; ++j)
                for (int i = i0; i < i0 + 12; ++i)
                    labels.voxels<std::uint16_t>()[labels.linearIndex(i, j, k)] = 1;
        viewer::LabelMapLayer layer;
        layer.name = "ct-lesion-segmenter";
        layer.labels = labels; // shares the voxels: the edit below goes through it
        layer.table = {{1, "lesion", {255, 0, 0}}};
        layer.ai = {"ct-lesion-segmenter", "1.0", "ab12cd34ef56ab12cd34", false, "run-ct-1"};
        view->layers()->add(layer);
        const double voxelMl = g.spacing[0] * g.spacing[1] * g.spacing[2] / 1000.0;
        const QString subject = ct;
        window.reviews()->addRun(subject, {aiLesion(720 * voxelMl)}, QStringLiteral("run-ct-1"));
        QCOMPARE(window.aiDock()->subject(), subject);
        auto* review = window.aiDock()->findChild<QTreeWidget*>("aiReview");
        QCOMPARE(review->topLevelItemCount(), 1);
        QCOMPARE(review->topLevelItem(0)->text(2), statusDisplayName(ReviewStatus::Pending));

        // Showing or hiding the mask is no correction.
        view->layers()->setVisible(0, false);
        view->layers()->setVisible(0, true);
        QCOMPARE(review->topLevelItem(0)->text(2), statusDisplayName(ReviewStatus::Pending));
        // The clinician corrects the mask (one voxel less): the finding and the layer say so.
        labels.voxels<std::uint16_t>()[labels.linearIndex(i0, j0, k0)] = 0;
        view->layers()->voxelsChanged(0);
        QCOMPARE(review->topLevelItem(0)->text(2), QStringLiteral("AI-assisted, edited"));
        QVERIFY(window.reviews()->findings(subject)[0].isAiAssistedEdited());
        QCOMPARE(window.reviews()->findings(subject)[0].changedBy, currentUserName());
        auto* layerList = window.layersDock()->findChild<QTreeWidget*>("layerList");
        QVERIFY(layerList);
        QCOMPARE(layerList->topLevelItem(0)->text(1), QStringLiteral("Label map, AI-assisted, edited"));

        // The mean HU under the edited mask and a 40-voxel length on the middle slice.
        double sum = 0.0;
        int n = 0;
        for (int k = k0; k < k0 + 6; ++k)
            for (int j = j0; j < j0 + 10; ++j)
                for (int i = i0; i < i0 + 12; ++i)
                    if (labels.voxels<std::uint16_t>()[labels.linearIndex(i, j, k)]) {
                        sum += image.valueAt(i, j, k);
                        ++n;
                    }
        QCOMPARE(n, 719);
        viewer::Measurement length;
        length.kind = viewer::MeasurementKind::Length;
        length.slice = g.size[2] / 2;
        length.points = {g.indexToPhysical({10.0, 20.0, double(length.slice)}),
                         g.indexToPhysical({50.0, 20.0, double(length.slice)})};
        view->sliceView()->setMeasurements({length});

        window.openReport();
        ReportEditorDialog* editor = waitForEditor(window, 1);
        QVERIFY(editor);
        const Report& r = editor->report();
        QVERIFY(!r.header().patientName.isEmpty());
        QCOMPARE(r.header().patientName.toStdString().find('^'), std::string::npos);
        QCOMPARE(r.header().patientId.toStdString(), image.info().patientId);
        QCOMPARE(r.studyInstanceUid().toStdString(),
                 dicomString(QDir(ct).filePath("CT000001.dcm"), DCM_StudyInstanceUID));
        QCOMPARE(QDir(r.referenceSeries()).absolutePath(), QDir(ct).absolutePath());
        QCOMPARE(int(r.findings().size()), 1);
        QVERIFY(r.findings()[0].isAiAssistedEdited());
        // The finding gives the corrected mask's volume, and the model's own in its text.
        QVERIFY(std::abs(*r.findings()[0].volumeMl - 719 * voxelMl) < 1e-9);
        QVERIFY2(r.findings()[0].text.contains(QStringLiteral("(the model's: %1 mL)").arg(720 * voxelMl, 0, 'f', 2)),
                 qPrintable(r.findings()[0].text));
        QCOMPARE(int(r.segmentationRows().size()), 1);
        const SegmentationRow& row = r.segmentationRows()[0];
        QCOMPARE(row.label, QStringLiteral("lesion"));
        QVERIFY(std::abs(row.volumeMl - 719 * voxelMl) < 1e-9);
        QVERIFY(std::abs(row.meanHu - sum / n) < 1e-6);
        QVERIFY(row.source == FindingSource::Ai && row.edited);
        QCOMPARE(int(r.measurements().size()), 1);
        QCOMPARE(r.measurements()[0].name, QStringLiteral("Length 1 (slice %1)").arg(length.slice + 1));
        QCOMPARE(r.measurements()[0].value, QStringLiteral("%1 mm").arg(40.0 * g.spacing[0], 0, 'f', 1));
        QCOMPARE(int(r.keyImages().size()), 1);

        // Typing, reviewing and a second key image, with the preview following.
        auto* text = editor->findChild<QPlainTextEdit*>("reportText");
        QTest::keyClicks(text, "Lesion in segment VI.");
        QCOMPARE(r.clinicianText(), QStringLiteral("Lesion in segment VI."));
        auto* preview = editor->findChild<QTextBrowser*>("reportPreview");
        QTRY_VERIFY(preview->toPlainText().contains("Lesion in segment VI."));
        auto* findings = editor->findChild<QTableWidget*>("reportFindings");
        auto* status = qobject_cast<QComboBox*>(findings->cellWidget(0, 4));
        QVERIFY(status);
        QCOMPARE(status->currentText(), statusDisplayName(ReviewStatus::Edited));
        // Accepted in the report: the AI dock's record follows, and the finding stays edited.
        status->setCurrentIndex(int(ReviewStatus::Accepted));
        emit status->activated(int(ReviewStatus::Accepted));
        QVERIFY(r.findings()[0].status == ReviewStatus::Accepted && r.findings()[0].isAiAssistedEdited());
        QVERIFY(window.reviews()->findings(subject)[0].status == ReviewStatus::Accepted);
        QCOMPARE(review->topLevelItem(0)->text(2), QStringLiteral("accepted, AI-assisted, edited"));
        // And back: a review in the AI dock reaches the open report.
        QVERIFY(window.aiDock()->reviewFinding(0, ReviewStatus::Rejected));
        QVERIFY(r.findings()[0].status == ReviewStatus::Rejected);
        QCOMPARE(qobject_cast<QComboBox*>(findings->cellWidget(0, 4))->currentText(),
                 statusDisplayName(ReviewStatus::Rejected));
        QVERIFY(window.aiDock()->reviewFinding(0, ReviewStatus::Accepted));
        QVERIFY(r.findings()[0].status == ReviewStatus::Accepted && r.findings()[0].isAiAssistedEdited());
        status = qobject_cast<QComboBox*>(findings->cellWidget(0, 4)); // the rows are made anew
        // The clinician's own findings: added, and removable unlike the AI's.
        QVERIFY(editor->addClinicianFinding(QStringLiteral("cyst"), QStringLiteral("simple cyst segment VII")));
        QVERIFY(editor->addClinicianFinding(QStringLiteral("typo"), QStringLiteral("to be removed")));
        QCOMPARE(findings->rowCount(), 3);
        QVERIFY(r.findings()[1].source == FindingSource::Clinician && r.findings()[1].status == ReviewStatus::Accepted);
        auto* remove = editor->findChild<QPushButton*>("reportRemoveFinding");
        findings->setCurrentCell(0, 1);
        QVERIFY(!remove->isEnabled());
        findings->setCurrentCell(2, 1);
        QVERIFY(remove->isEnabled());
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(int(r.findings().size()), 2);
        QCOMPARE(r.findings()[1].label, QStringLiteral("cyst"));
        QTRY_VERIFY(preview->toPlainText().contains("simple cyst segment VII"));
        QVERIFY(!preview->toPlainText().contains("to be removed"));
        auto* keyImages = editor->findChild<QListWidget*>();
        QVERIFY(keyImages);
        QPushButton* addKey = nullptr;
        for (auto* b : editor->findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("Add key image"))
                addKey = b;
        QVERIFY(addKey && addKey->isEnabled());
        QTest::mouseClick(addKey, Qt::LeftButton);
        QCOMPARE(int(r.keyImages().size()), 2);
        QCOMPARE(keyImages->count(), 2);
        saveScreenshot(*editor, "report-editor-ct");

        // Signed: locked, saved, and what the next File > Report… shows.
        QVERIFY(editor->signAs(QStringLiteral("dr.test")));
        QVERIFY(text->isReadOnly());
        QVERIFY(!addKey->isEnabled());
        status = qobject_cast<QComboBox*>(findings->cellWidget(0, 4)); // the rows are made anew
        QVERIFY(status && !status->isEnabled());
        QVERIFY(!editor->findChild<QPushButton*>("reportAddFinding")->isEnabled());
        QVERIFY(!editor->addClinicianFinding(QStringLiteral("late"), QStringLiteral("after signing")));
        QVERIFY(QFile::exists(r.defaultPath(app.settings.dataDir())));

        const QString pdf = m_dir.filePath("ct-report.pdf");
        QSignalSpy exported(editor, &ReportEditorDialog::exported);
        editor->exportPdfTo(pdf);
        QVERIFY(exported.wait(30000));
        if (const QString shots = qEnvironmentVariable("RADPATH_SCREENSHOT_DIR"); !shots.isEmpty())
            QFile::copy(pdf, QDir(shots).filePath(QStringLiteral("report-editor-ct.pdf")));
        // The PDF's text (pdftotext, poppler-utils: in the packages RadPath's tests install).
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
                 "pdftotext missing: install poppler-utils (packaging/debian-packages.txt)");
        const QString pdfText = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).simplified();
        for (const QString& expected : {QStringLiteral("Lesion in segment VI."), QStringLiteral("AI-assisted, edited"),
                                        QStringLiteral("ct-lesion-segmenter"), r.measurements()[0].value,
                                        QStringLiteral("%1").arg(row.volumeMl, 0, 'f', 2), QStringLiteral("dr.test")})
            QVERIFY2(pdfText.contains(expected), qPrintable(expected));

        const QString dcm = m_dir.filePath("study/report.pdf.dcm");
        QVERIFY(!editor->findChild<QPushButton*>("reportSendButton")->isEnabled()); // nothing exported yet
        editor->exportToStudyAt(dcm);
        QVERIFY(exported.wait(30000));
        QCOMPARE(exported.last().first().toString(), dcm);
        auto* send = editor->findChild<QPushButton*>("reportSendButton");
        QVERIFY(send && send->isEnabled());
        QObject::disconnect(editor, &ReportEditorDialog::sendRequested, nullptr, nullptr); // no PACS here
        QSignalSpy sendRequested(editor, &ReportEditorDialog::sendRequested);
        QTest::mouseClick(send, Qt::LeftButton);
        QCOMPARE(sendRequested.count(), 1);
        QCOMPARE(sendRequested.first().first().toString(), dcm);
        QCOMPARE(dicomString(dcm, DCM_StudyInstanceUID), r.studyInstanceUid().toStdString());
        QCOMPARE(dicomString(dcm, DCM_Modality), std::string("DOC"));
        if (!radpath::viewer::test::dciodvfyProgram().isEmpty())
            VERIFY_DCIODVFY(dcm.toStdString());

        window.openReport();
        ReportEditorDialog* again = waitForEditor(window, 2);
        QVERIFY(again);
        QVERIFY(again->report().isSigned());
        QCOMPARE(again->report().signedBy(), QStringLiteral("dr.test"));
        QCOMPARE(again->report().clinicianText(), QStringLiteral("Lesion in segment VI."));
    }

    void draftSurvivesClosingTheEditor()
    {
        radpath::test::MainWindowUnderTest app(m_dir.filePath("state-draft"));
        MainWindow& window = app.window;
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString ct = QDir(m_demo).filePath("ct");
        viewer::VolumeView* view = openLoaded(window, ct);
        QVERIFY(view);
        const QString draft = reportDraftPath(app.settings.dataDir(), view);
        QVERIFY(!draft.isEmpty());

        window.openReport();
        ReportEditorDialog* editor = waitForEditor(window, 1);
        QVERIFY(editor);
        QVERIFY(!QFile::exists(draft)); // looking is no change
        QTest::keyClicks(editor->findChild<QPlainTextEdit*>("reportText"), "No focal lesion.");
        QVERIFY(editor->addClinicianFinding(QStringLiteral("liver"), QStringLiteral("normal size")));
        QTRY_VERIFY(QFile::exists(draft));
        QTRY_COMPARE(editor->findChild<QLabel*>("reportDraftState")->text(), QStringLiteral("Draft saved"));
        QTest::keyClicks(editor->findChild<QPlainTextEdit*>("reportText"), " Normal spleen."); // closed at once
        const QString pseudonym = editor->report().pseudonym();
        QPointer<ReportEditorDialog> closing = editor;
        editor->close();
        QTRY_VERIFY(closing.isNull());

        window.openReport();
        editor = waitForEditor(window, 1);
        QVERIFY(editor);
        const Report& r = editor->report();
        QCOMPARE(r.clinicianText(), QStringLiteral("No focal lesion. Normal spleen."));
        QCOMPARE(r.pseudonym(), pseudonym);
        QCOMPARE(int(r.findings().size()), 1);
        QCOMPARE(r.findings()[0].label, QStringLiteral("liver"));
        QCOMPARE(int(r.keyImages().size()), 1); // the first view's, not a second one
        QVERIFY(!r.header().patientName.isEmpty()); // the image's part is read anew

        QVERIFY(editor->signAs(QStringLiteral("dr.draft")));
        QTRY_VERIFY(!QFile::exists(draft));
        QVERIFY(QFile::exists(r.defaultPath(app.settings.dataDir())));
    }

    void slideReportHasItsClassAreas()
    {
        radpath::test::MainWindowUnderTest app(m_dir.filePath("state-slide"));
        MainWindow& window = app.window;
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openPaths({QDir(m_demo).filePath("slide/demo.svs")});
        QTRY_COMPARE_WITH_TIMEOUT(window.tabs()->count(), 1, 30000);
        auto* page = qobject_cast<pathology::SlideDocumentView*>(window.tabs()->widget(0));
        QVERIFY(page);
        pathology::AnnotationSet& set = page->slideView()->annotations().annotations();
        QTRY_VERIFY_WITH_TIMEOUT(!set.empty(), 30000); // the demo's own annotations are in
        set.clear();
        auto rectangle = [](double x, double y, double w, double h, const char* className, std::uint32_t rgb) {
            pathology::Annotation a;
            a.classification = pathology::PathClass{className, rgb};
            a.geometry = pathology::Polygon{{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}, {}};
            return a;
        };
        set.add(rectangle(1000, 1000, 800, 500, "Tumor", 0xc80000));
        set.add(rectangle(3000, 1200, 400, 400, "Tumor", 0xc80000));
        set.add(rectangle(2000, 2500, 600, 300, "Stroma", 0x96c896));

        window.openReport();
        ReportEditorDialog* editor = waitForEditor(window, 1);
        QVERIFY(editor);
        const Report& r = editor->report();
        const auto mpp = page->slideView()->sharedSlide()->info().mpp;
        QVERIFY(mpp);
        const double mm2PerPx = (*mpp)[0] * (*mpp)[1] / 1e6;
        const SlideOverview& overview = r.slideOverview();
        QVERIFY(!overview.thumbnail.isNull());
        QCOMPARE(int(overview.classAreas.size()), 2);
        QCOMPARE(overview.classAreas[0].className, QStringLiteral("Stroma"));
        QCOMPARE(overview.classAreas[0].count, 1);
        QVERIFY(std::abs(overview.classAreas[0].areaMm2 - 600 * 300 * mm2PerPx) < 1e-9);
        QCOMPARE(overview.classAreas[1].className, QStringLiteral("Tumor"));
        QCOMPARE(overview.classAreas[1].count, 2);
        QVERIFY(std::abs(overview.classAreas[1].areaMm2 - (800 * 500 + 400 * 400) * mm2PerPx) < 1e-9);
        QCOMPARE(r.header().studyDescription, QStringLiteral("demo.svs"));
        auto* preview = editor->findChild<QTextBrowser*>("reportPreview");
        QTRY_VERIFY(preview->toPlainText().contains("Stroma"));
        saveScreenshot(*editor, "report-editor-slide");
    }

private:
    QTemporaryDir m_dir;
    QString m_demo;
};

QTEST_MAIN(ReportEditorTest)
#include "ReportEditorTest.moc"
