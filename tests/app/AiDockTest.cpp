// The AI dock driven as a user would, with the shipped demonstration models on make-demo
// --small data: the models offered fit the image in front; Run on the chest radiograph lists
// findings with probabilities and Explain adds a Grad-CAM layer peaking on the opacity; Run on
// the CT adds the lesion label map and its probability layer, which toggle in the Layers
// dock; Run on the slide draws a heat map that the dock shows and hides. Each result waits
// for review in the dock: rejected and accepted with its buttons, marked edited once its
// mask is changed.

#include "GuiTestSupport.h"
#include "MainWindowUnderTest.h"
#include "app/core/AiReviewStore.h"
#include "app/core/AppSettings.h"
#include "app/core/JobRunner.h"
#include "app/gui/AiDock.h"
#include "app/gui/MainWindow.h"
#include "pathology/view/SlideDocumentView.h"
#include "pathology/view/SlideView.h"
#include "viewer/model/Layers.h"
#include "viewer/view/VolumeView.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace radpath::app;
using radpath::test::saveScreenshot;

namespace {

bool hasAiModule()
{
    return QFile::exists(QStringLiteral(RADPATH_BIN_DIR "/../lib/radpath/libradpath_ai.so"));
}

} // namespace

class AiDockTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (!hasAiModule())
            QSKIP("built without the AI module");
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath("demo");
        QVERIFY(radpath::test::makeSmallDemo(m_demo));
        QFile truth(QDir(m_demo).filePath("ground-truth.json"));
        QVERIFY(truth.open(QIODevice::ReadOnly));
        m_truth = QJsonDocument::fromJson(truth.readAll()).object();
    }

    void chestRadiographFindingsAndGradCam()
    {
        radpath::test::MainWindowUnderTest app(m_dir.filePath("state-dx"));
        MainWindow& window = app.window;
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* view = open(window, QDir(m_demo).filePath("dx/dx-opacity.dcm"));
        QVERIFY(view);
        AiDock* dock = readyDock(window);
        QVERIFY(dock);
        // Only the 2-D classifier fits a radiograph.
        auto* models = dock->findChild<QTreeWidget*>("aiModels");
        QCOMPARE(models->topLevelItemCount(), 1);
        QVERIFY(models->topLevelItem(0)->text(0).contains("(demonstration)"));

        QSignalSpy finished(dock, &AiDock::runFinished);
        QTest::mouseClick(dock->findChild<QPushButton*>("aiRunButton"), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        auto* findings = dock->findChild<QTreeWidget*>("aiFindings");
        QCOMPARE(findings->topLevelItemCount(), 2);
        QCOMPARE(findings->topLevelItem(1)->text(0), QStringLiteral("opacity"));
        QVERIFY(findings->topLevelItem(1)->font(0).bold()); // the predicted class
        QVERIFY(dock->findChild<QLabel*>("aiRunRecord")->text().contains("DX opacity classifier"));
        // The prediction waits for review; the clinician rejects it with the dock's button.
        auto* review = dock->findChild<QTreeWidget*>("aiReview");
        QCOMPARE(review->topLevelItemCount(), 1);
        QCOMPARE(review->topLevelItem(0)->text(0), QStringLiteral("opacity"));
        QCOMPARE(review->topLevelItem(0)->text(2), statusDisplayName(ReviewStatus::Pending));
        auto* reject = dock->findChild<QPushButton*>("aiRejectButton");
        QVERIFY(!reject->isEnabled()); // nothing selected
        review->setCurrentItem(review->topLevelItem(0));
        QVERIFY(reject->isEnabled());
        QTest::mouseClick(reject, Qt::LeftButton);
        QCOMPARE(review->topLevelItem(0)->text(2), statusDisplayName(ReviewStatus::Rejected));
        const Finding& rejected = window.reviews()->findings(dock->subject())[0];
        QVERIFY(rejected.status == ReviewStatus::Rejected && rejected.isAi());
        QCOMPARE(rejected.changedBy, currentUserName());
        QCOMPARE(rejected.model.name, QStringLiteral("DX opacity classifier"));
        QVERIFY(rejected.probability && *rejected.probability > 0.5);
        QVERIFY(QFile::exists(window.reviews()->pathFor(dock->subject())));

        QVERIFY(dock->setSaliencyMethod("grad-cam"));
        QTest::mouseClick(dock->findChild<QPushButton*>("aiExplainButton"), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        radpath::viewer::LayerStack* layers = view->layers();
        QCOMPARE(layers->count(), 1);
        const auto* overlay = layers->scalarOverlayAt(0);
        QVERIFY(overlay);
        // The map's peak lies on the opacity.
        const radpath::viewer::Volume& map = overlay->volume;
        QCOMPARE(map.geometry().size, view->volume().geometry().size);
        int px = 0, py = 0;
        double peak = -1.0;
        for (int y = 0; y < map.geometry().size[1]; y += 2)
            for (int x = 0; x < map.geometry().size[0]; x += 2)
                if (map.valueAt(x, y, 0) > peak)
                    peak = map.valueAt(x, y, 0), px = x, py = y;
        const QJsonObject truth = m_truth["dx"].toObject()["dx-opacity.dcm"].toObject();
        const QJsonArray centre = truth["center_px"].toArray();
        QVERIFY(std::hypot(px - centre[0].toDouble(), py - centre[1].toDouble()) < 1.5 * truth["radius_px"].toDouble());
        saveScreenshot(window, "ai-dx-gradcam");
        layers->setVisible(0, false);
        QVERIFY(!radpath::viewer::layerVisible(layers->at(0)));
    }

    void ctLesionLayers()
    {
        radpath::test::MainWindowUnderTest app(m_dir.filePath("state-ct"));
        MainWindow& window = app.window;
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* view = open(window, QDir(m_demo).filePath("ct"));
        QVERIFY(view);
        AiDock* dock = readyDock(window);
        QVERIFY(dock);
        QVERIFY(dock->selectModel("ct-lesion-segmenter.pt"));
        QSignalSpy finished(dock, &AiDock::runFinished);
        QTest::mouseClick(dock->findChild<QPushButton*>("aiRunButton"), Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        radpath::viewer::LayerStack* layers = view->layers();
        QCOMPARE(layers->count(), 2); // the lesion probability, then the label map on top
        QVERIFY(layers->scalarOverlayAt(0) && !radpath::viewer::layerVisible(layers->at(0)));
        const auto* labels = layers->labelMapAt(1);
        QVERIFY(labels);
        QCOMPARE(labels->labels.geometry().size, view->volume().geometry().size);
        QCOMPARE(int(labels->table.size()), 1);
        QCOMPARE(labels->table[0].name, std::string("lesion"));
        // Lesion voxels where the demo's lesions are: the centre of each is labelled.
        const auto& g = labels->labels.geometry();
        int hits = 0;
        const QJsonArray lesions = m_truth["ct"].toObject()["lesions"].toArray();
        for (const auto& l : lesions) {
            const QJsonArray c = l.toObject()["center_mm"].toArray();
            const auto index = g.physicalToIndex({c[0].toDouble(), c[1].toDouble(), c[2].toDouble()});
            hits += labels->labels.valueAt(int(std::lround(index[0])), int(std::lround(index[1])),
                                           int(std::lround(index[2]))) == 1.0;
        }
        QCOMPARE(hits, int(lesions.size()));
        // The findings list the lesion volume in mL.
        auto* findings = dock->findChild<QTreeWidget*>("aiFindings");
        QCOMPARE(findings->topLevelItemCount(), 1);
        QCOMPARE(findings->topLevelItem(0)->text(0), QStringLiteral("lesion"));
        QCOMPARE(findings->headerItem()->text(1), QStringLiteral("Volume (mL)"));
        QVERIFY(findings->topLevelItem(0)->text(1).toDouble() > 1.0);
        // Accepted from the dock; a correction of the mask afterwards marks it edited.
        auto* review = dock->findChild<QTreeWidget*>("aiReview");
        QCOMPARE(review->topLevelItemCount(), 1);
        review->setCurrentItem(review->topLevelItem(0));
        QTest::mouseClick(dock->findChild<QPushButton*>("aiAcceptButton"), Qt::LeftButton);
        QCOMPARE(review->topLevelItem(0)->text(2), statusDisplayName(ReviewStatus::Accepted));
        QVERIFY(labels->ai.isAi() && !labels->ai.edited);
        QCOMPARE(labels->ai.model, std::string("CT liver lesion segmenter"));
        layers->voxelsChanged(1);
        QVERIFY(layers->labelMapAt(1)->ai.edited);
        QCOMPARE(review->topLevelItem(0)->text(2), QStringLiteral("AI-assisted, edited"));
        layers->setVisible(0, true);
        saveScreenshot(window, "ai-ct-lesions");
    }

    void slideHeatmap()
    {
        radpath::test::MainWindowUnderTest app(m_dir.filePath("state-slide"));
        MainWindow& window = app.window;
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openPaths({QDir(m_demo).filePath("slide/demo.svs")});
        QTRY_COMPARE_WITH_TIMEOUT(window.tabs()->count(), 1, 30000);
        auto* page = qobject_cast<radpath::pathology::SlideDocumentView*>(window.tabs()->widget(0));
        QVERIFY(page);
        AiDock* dock = readyDock(window);
        QVERIFY(dock);
        auto* models = dock->findChild<QTreeWidget*>("aiModels");
        QCOMPARE(models->topLevelItemCount(), 1); // the tile classifier only
        QSignalSpy finished(dock, &AiDock::runFinished);
        QTest::mouseClick(dock->findChild<QPushButton*>("aiRunButton"), Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        QVERIFY(page->slideView()->hasHeatmap());
        auto* findings = dock->findChild<QTreeWidget*>("aiFindings");
        QCOMPARE(findings->topLevelItemCount(), 2);
        saveScreenshot(window, "ai-slide-heatmap");
        QTest::mouseClick(dock->findChild<QCheckBox*>("aiHeatmapVisible"), Qt::LeftButton);
        QVERIFY(!dock->findChild<QCheckBox*>("aiHeatmapVisible")->isChecked());
    }

private:
    radpath::viewer::VolumeView* open(MainWindow& window, const QString& path)
    {
        window.openPaths({path});
        if (!QTest::qWaitFor([&] { return window.tabs()->count() == 1; }, 30000))
            return nullptr;
        auto* view = qobject_cast<radpath::viewer::VolumeView*>(window.tabs()->widget(0));
        if (!view || !QTest::qWaitFor([&] { return !view->isLoading(); }, 30000))
            return nullptr;
        return view;
    }

    AiDock* readyDock(MainWindow& window)
    {
        AiDock* dock = window.aiDock();
        dock->show();
        dock->raise();
        if (!dock->libraryRead())
            dock->refreshModels();
        if (!QTest::qWaitFor([&] { return dock->libraryRead(); }, 60000))
            return nullptr;
        return dock;
    }

    QTemporaryDir m_dir;
    QString m_demo;
    QJsonObject m_truth;
};

QTEST_MAIN(AiDockTest)
#include "AiDockTest.moc"
