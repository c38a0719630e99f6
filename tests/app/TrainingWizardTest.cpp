// The training wizard walked as a researcher would, from Tools ▸ Train a Model… in the main
// window, on a generated dataset of bright and dark disks (32×32 PNGs, train/val/test):
// the data page counts per class and split, lists the unusable file and refuses a folder with
// errors; a SimpleCNN run draws a row and a point per epoch, pauses, and when cancelled keeps
// its checkpoint and writes no package; "Resume from checkpoint" goes on from there; the
// evaluation's confusion matrix counts every test image and the threshold slider moves the
// figures; the package lands in the model library (the AI dock lists it) and the PDF report
// is a PDF. A 2-D U-Net on image/label-map pairs reports Dice and HD95; a tile classifier
// trains on tiles cut from the annotated demo slide. Screenshots of the pages go to
// $RADPATH_SCREENSHOT_DIR.

#include "GuiTestSupport.h"
#include "app/gui/TrainingWizard.h"
#include "app/core/AppSettings.h"
#include "app/core/EvaluationThreshold.h"
#include "app/core/JobRunner.h"
#include "app/core/ModelLibrary.h"
#include "app/core/TrainingConfig.h"
#include "app/gui/AiDock.h"
#include "app/gui/MainWindow.h"
#include "app/gui/TrainingChart.h"
#include "app/gui/TrainingDataPage.h"
#include "app/gui/TrainingEvaluationPage.h"
#include "app/gui/TrainingExportPage.h"
#include "app/gui/TrainingModelPage.h"
#include "app/gui/TrainingReport.h"
#include "app/gui/TrainingRunPage.h"
#include "app/gui/TrainingSettingsPage.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QXYSeries>
#include <QtTest>

#include <cmath>

using namespace radpath::app;
using radpath::test::saveScreenshot;

namespace {

constexpr int kPerClassPerSplit = 12;

bool hasAiModule()
{
    return QFile::exists(QStringLiteral(RADPATH_BIN_DIR "/../lib/radpath/libradpath_ai.so"));
}

/// A 32×32 grey image: a bright or a dark disk on mid grey with noise, placed at random.
QImage disk(bool bright, QRandomGenerator& random)
{
    QImage image(32, 32, QImage::Format_Grayscale8);
    for (int y = 0; y < 32; ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < 32; ++x)
            line[x] = uchar(110 + random.bounded(30));
    }
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    const int level = bright ? 200 + random.bounded(50) : 10 + random.bounded(50);
    painter.setBrush(QColor(level, level, level));
    const double radius = 6.0 + random.bounded(4.0);
    painter.drawEllipse(QPointF(11.0 + random.bounded(10.0), 11.0 + random.bounded(10.0)), radius, radius);
    return image;
}

/// root/{train,val,test}/{bright,dark}/NN.png, and one file that is not an image.
void writeDataset(const QString& root)
{
    QRandomGenerator random(7);
    for (const char* split : {"train", "val", "test"})
        for (const char* cls : {"bright", "dark"}) {
            const QDir dir(QDir(root).filePath(QStringLiteral("%1/%2").arg(QLatin1String(split), QLatin1String(cls))));
            QDir().mkpath(dir.path());
            for (int i = 0; i < kPerClassPerSplit; ++i)
                QVERIFY(disk(QLatin1String(cls) == QLatin1String("bright"), random)
                            .save(dir.filePath(QStringLiteral("%1.png").arg(i, 2, 10, QLatin1Char('0')))));
        }
    QFile broken(QDir(root).filePath(QStringLiteral("train/dark/broken.png")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("this is not a PNG image");
}

/// root/images/NN.png with root/labels/NN.png: a bright disk on noise, labelled 1.
void writeSegmentationDataset(const QString& root, int count)
{
    QRandomGenerator random(11);
    QDir().mkpath(QDir(root).filePath(QStringLiteral("images")));
    QDir().mkpath(QDir(root).filePath(QStringLiteral("labels")));
    for (int i = 0; i < count; ++i) {
        QImage image(32, 32, QImage::Format_Grayscale8), mask(32, 32, QImage::Format_Grayscale8);
        mask.fill(0);
        const QPointF centre(10.0 + random.bounded(12.0), 10.0 + random.bounded(12.0));
        const double radius = 5.0 + random.bounded(3.0);
        for (int y = 0; y < 32; ++y)
            for (int x = 0; x < 32; ++x) {
                const bool inside = std::hypot(x + 0.5 - centre.x(), y + 0.5 - centre.y()) < radius;
                image.scanLine(y)[x] = uchar((inside ? 190 : 60) + random.bounded(40));
                mask.scanLine(y)[x] = inside ? 1 : 0;
            }
        const QString name = QStringLiteral("%1.png").arg(i, 2, 10, QLatin1Char('0'));
        QVERIFY(image.save(QDir(root).filePath(QStringLiteral("images/") + name)));
        QVERIFY(mask.save(QDir(root).filePath(QStringLiteral("labels/") + name)));
    }
}

int cellNumber(QTableWidget* table, int row, int column)
{
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text().toInt() : -1;
}

int modelsInDockStatus(AiDock* dock)
{
    return dock->findChild<QLabel*>(QStringLiteral("aiStatus"))->text().section(QLatin1Char(' '), 0, 0).toInt();
}

void clickButton(QWizard* wizard, QWizard::WizardButton which)
{
    QAbstractButton* button = wizard->button(which);
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

/// Clicks a radio button on its indicator (its middle may be empty space).
void clickRadio(QRadioButton* radio)
{
    QVERIFY(radio);
    QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(8, radio->height() / 2));
    QVERIFY(radio->isChecked());
}

void typeInto(QAbstractSpinBox* box, const QString& text)
{
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Tab);
}

} // namespace

class TrainingWizardTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (!hasAiModule())
            QSKIP("built without the AI module");
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(QStringLiteral("disks"));
        writeDataset(m_data);
        // A folder with a single class: the data page must refuse it.
        QDir().mkpath(m_dir.filePath(QStringLiteral("one-class/train/only")));
        QVERIFY(
            disk(true, *QRandomGenerator::global()).save(m_dir.filePath(QStringLiteral("one-class/train/only/a.png"))));
    }

    void trainEvaluateAndExport()
    {
        AppSettings settings(m_dir.filePath(QStringLiteral("state")));
        const QString library = m_dir.filePath(QStringLiteral("library"));
        settings.setAiModelDir(library);
        JobRunner jobs(4);
        MainWindow window(settings, jobs);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        AiDock* dock = window.aiDock();
        dock->refreshModels();
        const int modelsBefore = modelsInDockStatus(dock);

        // Tools ▸ Train a Model… opens the wizard beside the window.
        auto* action = window.findChild<QAction*>(QStringLiteral("trainModelAction"));
        QVERIFY(action);
        QVERIFY(window.findChild<QMenu*>(QStringLiteral("toolsMenu"))->actions().contains(action));
        action->trigger();
        auto* wizard = window.findChild<TrainingWizard*>();
        QVERIFY(wizard);
        QVERIFY(!wizard->isModal());
        wizard->resize(1120, 820);
        QVERIFY(QTest::qWaitForWindowExposed(wizard));

        // 1. Task: 2-D classification (segmentation and slide tiles: the tests below).
        clickRadio(wizard->findChild<QRadioButton*>(QStringLiteral("taskClassification")));
        clickButton(wizard, QWizard::NextButton);
        QCOMPARE(wizard->currentId(), int(TrainingWizard::DataPageId));

        // 2. Data: a folder with errors keeps Next off; the disks are counted per class and split.
        TrainingDataPage* data = wizard->dataPage();
        QSignalSpy scanned(data, &TrainingDataPage::scanFinished);
        auto* folder = wizard->findChild<QLineEdit*>(QStringLiteral("dataFolder"));
        QTest::keyClicks(folder, m_dir.filePath(QStringLiteral("one-class")));
        QVERIFY(scanned.wait(20000));
        QVERIFY(!wizard->findChild<QLabel*>(QStringLiteral("dataErrors"))->isHidden());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        folder->clear();
        QTest::keyClicks(folder, m_data);
        QVERIFY(scanned.wait(20000));
        QTRY_VERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        auto* counts = wizard->findChild<QTableWidget*>(QStringLiteral("dataCounts"));
        QCOMPARE(counts->rowCount(), 2);
        QCOMPARE(counts->verticalHeaderItem(0)->text(), QStringLiteral("bright"));
        QCOMPARE(counts->verticalHeaderItem(1)->text(), QStringLiteral("dark"));
        for (int row = 0; row < 2; ++row) {
            for (int split = 0; split < 3; ++split)
                QCOMPARE(cellNumber(counts, row, split), kPerClassPerSplit);
            QCOMPARE(cellNumber(counts, row, 3), 3 * kPerClassPerSplit);
        }
        QVERIFY(wizard->findChild<QLabel*>(QStringLiteral("dataErrors"))->isHidden());
        auto* skippedToggle = wizard->findChild<QToolButton*>(QStringLiteral("dataSkippedToggle"));
        QVERIFY(!skippedToggle->isHidden());
        QTest::mouseClick(skippedToggle, Qt::LeftButton);
        auto* skipped = wizard->findChild<QTreeWidget*>(QStringLiteral("dataSkipped"));
        QVERIFY(skipped->isVisible());
        QCOMPARE(skipped->topLevelItemCount(), 1);
        QVERIFY(skipped->topLevelItem(0)->text(0).endsWith(QStringLiteral("broken.png")));
        QCOMPARE(wizard->findChild<QWidget*>(QStringLiteral("dataThumbnails"))->findChildren<QLabel*>().size(),
                 2 * (1 + 8)); // a name and eight thumbnails per class
        saveScreenshot(*wizard, "wizard-data");
        clickButton(wizard, QWizard::NextButton);

        // 3. Model: SimpleCNN, 4 base filters, 32×32 grey.
        QCOMPARE(wizard->currentId(), int(TrainingWizard::ModelPageId));
        auto* architecture = wizard->findChild<QComboBox*>(QStringLiteral("modelArchitecture"));
        QCOMPARE(architecture->currentData().toString(), QStringLiteral("simple-cnn"));
        typeInto(wizard->findChild<QSpinBox*>(QStringLiteral("modelBaseFilters")), QStringLiteral("4"));
        typeInto(wizard->findChild<QSpinBox*>(QStringLiteral("modelHeight")), QStringLiteral("30"));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled()); // not a multiple of 4
        typeInto(wizard->findChild<QSpinBox*>(QStringLiteral("modelHeight")), QStringLiteral("32"));
        typeInto(wizard->findChild<QSpinBox*>(QStringLiteral("modelWidth")), QStringLiteral("32"));
        saveScreenshot(*wizard, "wizard-model");
        clickButton(wizard, QWizard::NextButton);

        // 4. Settings: many epochs, so that the run is still going when it is cancelled.
        QCOMPARE(wizard->currentId(), int(TrainingWizard::SettingsPageId));
        auto* epochs = wizard->findChild<QSpinBox*>(QStringLiteral("settingsEpochs"));
        typeInto(epochs, QStringLiteral("300"));
        typeInto(wizard->findChild<QSpinBox*>(QStringLiteral("settingsBatch")), QStringLiteral("4"));
        auto* name = wizard->findChild<QLineEdit*>(QStringLiteral("settingsName"));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("Disk test"));
        // "Save config…" writes what radpath-cli train reads.
        const QString configPath = m_dir.filePath(QStringLiteral("train.json"));
        QString error;
        QVERIFY2(wizard->settingsPage()->saveConfig(configPath, &error), qPrintable(error));
        const TrainingConfig saved = readTrainingConfig(configPath);
        QCOMPARE(saved.settings.architecture, std::string("simple-cnn"));
        QCOMPARE(saved.settings.baseFilters, 4);
        QCOMPARE(saved.settings.epochs, 300);
        QCOMPARE(saved.inputSize(), (std::vector<int>{32, 32}));
        QCOMPARE(saved.dataRoot, m_data);
        QCOMPARE(saved.settings.manifest.name, std::string("Disk test"));
        // The engine loads in the background to say whether CUDA can be chosen.
        QTRY_VERIFY_WITH_TIMEOUT(wizard->settingsPage()->runtimeKnown(), 30000);
        QVERIFY(wizard->findChild<QLabel*>(QStringLiteral("settingsDeviceNote"))
                    ->text()
                    .contains(QStringLiteral("LibTorch")));
        saveScreenshot(*wizard, "wizard-settings");
        clickButton(wizard, QWizard::NextButton);

        // 5. Run: pause holds it, cancel keeps the checkpoint and writes no package.
        QCOMPARE(wizard->currentId(), int(TrainingWizard::RunPageId));
        TrainingRunPage* run = wizard->runPage();
        auto* table = wizard->findChild<QTableWidget*>(QStringLiteral("runEpochs"));
        QVERIFY(!wizard->findChild<QPushButton*>(QStringLiteral("runResume"))->isEnabled());
        QSignalSpy shown(run, &TrainingRunPage::epochShown);
        QSignalSpy ended(run, &TrainingRunPage::runEnded);
        QTest::mouseClick(wizard->findChild<QPushButton*>(QStringLiteral("runStart")), Qt::LeftButton);
        QVERIFY(run->isRunning());
        QVERIFY(!wizard->button(QWizard::BackButton)->isEnabled());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(shown.wait(60000));
        // Elapsed time, and an estimate of what is left once the rate is known.
        QTRY_VERIFY_WITH_TIMEOUT(
            wizard->findChild<QLabel*>(QStringLiteral("runTime"))->text().contains(QStringLiteral("left")), 10000);
        QTest::mouseClick(wizard->findChild<QPushButton*>(QStringLiteral("runPause")), Qt::LeftButton);
        QVERIFY(run->isPaused());
        QTest::qWait(700); // an epoch that was validating when paused may still report
        const int rowsWhenPaused = table->rowCount();
        QTest::qWait(1000);
        QCOMPARE(table->rowCount(), rowsWhenPaused);
        QVERIFY(run->isRunning());
        saveScreenshot(*wizard, "wizard-run-paused");
        QTest::mouseClick(wizard->findChild<QPushButton*>(QStringLiteral("runCancel")), Qt::LeftButton);
        QVERIFY(ended.wait(30000));
        QCOMPARE(ended.last().at(0).toBool(), false);
        const int done = table->rowCount();
        QVERIFY(done >= 1 && done < 300);
        const QString package = QDir(wizard->workFolder()).filePath(QStringLiteral("disk-test.pt"));
        QVERIFY(QFile::exists(package + QStringLiteral(".checkpoint")));
        QVERIFY(QFile::exists(package + QStringLiteral(".checkpoint.state")));
        QVERIFY(!QFile::exists(package));
        QVERIFY(wizard->findChild<QPushButton*>(QStringLiteral("runResume"))->isEnabled());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());

        // Back to the settings for a shorter run, then resume it from the checkpoint.
        clickButton(wizard, QWizard::BackButton);
        QCOMPARE(wizard->currentId(), int(TrainingWizard::SettingsPageId));
        const int total = done + 2;
        typeInto(epochs, QString::number(total));
        clickButton(wizard, QWizard::NextButton);
        QCOMPARE(table->rowCount(), done); // the cancelled run's epochs stay
        QTest::mouseClick(wizard->findChild<QPushButton*>(QStringLiteral("runResume")), Qt::LeftButton);
        QVERIFY(ended.wait(120000));
        QCOMPARE(ended.last().at(0).toBool(), true);
        QVERIFY(QFile::exists(package));
        QCOMPARE(table->rowCount(), total);
        for (int row = 0; row < total; ++row)
            QCOMPARE(table->item(row, 0)->text().section(QLatin1Char(' '), 0, 0).toInt(), row + 1);
        const auto& outcome = wizard->state().outcome;
        QVERIFY(outcome);
        QCOMPARE(int(outcome->epochs.size()), total);
        for (TrainingChart* chart : {run->lossChart(), run->metricChart()}) {
            QCOMPARE(chart->seriesCount(), 2); // train and validation loss; accuracy and AUC
            for (int s = 0; s < chart->seriesCount(); ++s)
                QCOMPARE(int(chart->series(s)->count()), total);
        }
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        saveScreenshot(*wizard, "wizard-run");

        // 6. Evaluation on the test split.
        TrainingEvaluationPage* evaluation = wizard->evaluationPage();
        QSignalSpy evaluated(evaluation, &TrainingEvaluationPage::evaluated);
        clickButton(wizard, QWizard::NextButton);
        QCOMPARE(wizard->currentId(), int(TrainingWizard::EvaluationPageId));
        QVERIFY(evaluated.wait(60000));
        QCOMPARE(evaluated.last().at(0).toBool(), true);
        QCOMPARE(wizard->state().evaluatedSplit, QStringLiteral("test"));
        QVERIFY(wizard->findChild<QLabel*>(QStringLiteral("evaluationSplitNote"))->isHidden());
        auto* confusion = evaluation->confusionTable();
        QCOMPARE(confusion->rowCount(), 2);
        int sum = 0;
        for (int t = 0; t < 2; ++t)
            for (int p = 0; p < 2; ++p)
                sum += cellNumber(confusion, t, p);
        QCOMPARE(sum, 2 * kPerClassPerSplit);
        QCOMPARE(evaluation->perClassTable()->rowCount(), 2);
        QStringList rocSeries;
        for (int s = 0; s < evaluation->rocChart()->seriesCount(); ++s)
            if (evaluation->rocChart()->series(s)->count() > 1 && evaluation->rocChart()->series(s)->name() != "chance")
                rocSeries << evaluation->rocChart()->series(s)->name();
        QCOMPARE(rocSeries, (QStringList{QStringLiteral("bright"), QStringLiteral("dark")}));
        QVERIFY(wizard->findChild<QLabel*>(QStringLiteral("evaluationEce"))->text().contains(QStringLiteral("ECE")));

        // The slider moves the operating point: everything positive at 0; just above the least
        // confident positive, that one is missed.
        const auto& result = *wizard->state().classification;
        QCOMPARE(int(result.truth.size()), 2 * kPerClassPerSplit);
        double leastPositive = 1.0;
        for (size_t i = 0; i < result.truth.size(); ++i)
            if (result.truth[i] == 1)
                leastPositive = std::min(leastPositive, result.probabilities[i][1]);
        QVERIFY2(leastPositive < 0.999, "every 'dark' image has probability 1: no threshold misses one");
        QLabel* figures = evaluation->thresholdFigures();
        QSlider* slider = evaluation->thresholdSlider();
        slider->setFocus();
        QTest::keyClick(slider, Qt::Key_Home);
        QCOMPARE(evaluation->threshold(), 0.0);
        QVERIFY2(figures->text().contains(QStringLiteral("sensitivity 1.000")), qPrintable(figures->text()));
        QVERIFY(figures->text().contains(QStringLiteral("specificity 0.000")));
        const double above = std::ceil(leastPositive * 1000.0 + 1e-9) / 1000.0;
        evaluation->setThreshold(above);
        const ThresholdFigures expected = figuresAtThreshold(result, 1, evaluation->threshold());
        QVERIFY(expected.sensitivity < 1.0);
        QVERIFY2(figures->text().contains(QStringLiteral("sensitivity %1").arg(expected.sensitivity, 0, 'f', 3)),
                 qPrintable(figures->text()));
        evaluation->setThreshold(0.5);
        saveScreenshot(*wizard, "wizard-evaluation");

        // 7. Export: into the library (the AI dock lists it at once), and the PDF report.
        clickButton(wizard, QWizard::NextButton);
        QCOMPARE(wizard->currentId(), int(TrainingWizard::ExportPageId));
        QSignalSpy installed(wizard, &TrainingWizard::modelInstalled);
        QTest::mouseClick(wizard->findChild<QPushButton*>(QStringLiteral("exportInstall")), Qt::LeftButton);
        QTRY_COMPARE(installed.count(), 1); // copied in a job
        const QString copy = installed.first().at(0).toString();
        QCOMPARE(QFileInfo(copy).absolutePath(), QFileInfo(library).absoluteFilePath());
        QVERIFY(findModels(modelLibraryFolders(settings.aiModelDir())).contains(copy));
        QString problem;
        const auto summary = readModelSummary(copy, &problem);
        QVERIFY2(summary, qPrintable(problem));
        QCOMPARE(summary->manifest.name, std::string("Disk test"));
        QVERIFY(summary->manifest.task == radpath::ai::ModelTask::Classification);
        QCOMPARE(modelsInDockStatus(dock), modelsBefore + 1);
        QVERIFY(!wizard->findChild<QPushButton*>(QStringLiteral("exportInstall"))->isEnabled());

        const QString report = m_dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY2(wizard->exportPage()->saveReport(report, &error), qPrintable(error));
        QFile pdf(report);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5).startsWith("%PDF"));
        QVERIFY(pdf.size() > 20000); // text and four chart images
        if (const QString shots = qEnvironmentVariable("RADPATH_SCREENSHOT_DIR"); !shots.isEmpty()) {
            QFile::remove(QDir(shots).filePath(QStringLiteral("wizard-report.pdf")));
            QFile::copy(report, QDir(shots).filePath(QStringLiteral("wizard-report.pdf")));
        }
        saveScreenshot(*wizard, "wizard-export");
        clickButton(wizard, QWizard::FinishButton);
    }

    void segmentationRun()
    {
        // A 2-D U-Net on images paired with label maps: Dice per epoch, Dice and HD95 per label.
        const QString root = m_dir.filePath(QStringLiteral("segmentation"));
        writeSegmentationDataset(root, 10);
        AppSettings settings(m_dir.filePath(QStringLiteral("state-segmentation")));
        JobRunner jobs(4);
        TrainingWizard wizard(jobs, settings);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        clickRadio(wizard.findChild<QRadioButton*>(QStringLiteral("taskSegmentation")));
        clickButton(&wizard, QWizard::NextButton);
        QSignalSpy scanned(wizard.dataPage(), &TrainingDataPage::scanFinished);
        QTest::keyClicks(wizard.findChild<QLineEdit*>(QStringLiteral("dataFolder")), root);
        QVERIFY(scanned.wait(20000));
        auto* counts = wizard.findChild<QTableWidget*>(QStringLiteral("dataCounts"));
        QCOMPARE(counts->rowCount(), 1);
        QCOMPARE(cellNumber(counts, 0, 3), 10);
        QCOMPARE(cellNumber(counts, 0, 0) + cellNumber(counts, 0, 1), 10); // split for us
        QVERIFY(cellNumber(counts, 0, 1) >= 1);
        clickButton(&wizard, QWizard::NextButton);
        auto* architecture = wizard.findChild<QComboBox*>(QStringLiteral("modelArchitecture"));
        architecture->setCurrentIndex(architecture->findData(QStringLiteral("unet2d")));
        QVERIFY(wizard.findChild<QSpinBox*>(QStringLiteral("modelDepth"))->isHidden());
        typeInto(wizard.findChild<QSpinBox*>(QStringLiteral("modelBaseFilters")), QStringLiteral("4"));
        typeInto(wizard.findChild<QSpinBox*>(QStringLiteral("modelHeight")), QStringLiteral("32"));
        typeInto(wizard.findChild<QSpinBox*>(QStringLiteral("modelWidth")), QStringLiteral("32"));
        clickButton(&wizard, QWizard::NextButton);
        // The trainer deforms volumes only: no elastic augmentation for a 2-D U-Net.
        QVERIFY(!wizard.findChild<QDoubleSpinBox*>(QStringLiteral("settingsElastic"))->isEnabled());
        typeInto(wizard.findChild<QSpinBox*>(QStringLiteral("settingsEpochs")), QStringLiteral("8"));
        typeInto(wizard.findChild<QSpinBox*>(QStringLiteral("settingsBatch")), QStringLiteral("8"));
        typeInto(wizard.findChild<QDoubleSpinBox*>(QStringLiteral("settingsLearningRate")), QStringLiteral("0.01"));
        clickButton(&wizard, QWizard::NextButton);
        QSignalSpy ended(wizard.runPage(), &TrainingRunPage::runEnded);
        QTest::mouseClick(wizard.findChild<QPushButton*>(QStringLiteral("runStart")), Qt::LeftButton);
        QVERIFY(ended.wait(120000));
        QVERIFY2(ended.last().at(0).toBool(),
                 qPrintable(wizard.findChild<QLabel*>(QStringLiteral("runStatus"))->text()));
        TrainingChart* dice = wizard.runPage()->metricChart();
        QCOMPARE(dice->seriesCount(), 1);
        QCOMPARE(dice->series(0)->name(), QStringLiteral("validation Dice"));
        QCOMPARE(int(dice->series(0)->count()), 8);
        QSignalSpy evaluated(wizard.evaluationPage(), &TrainingEvaluationPage::evaluated);
        clickButton(&wizard, QWizard::NextButton);
        QVERIFY(evaluated.wait(60000));
        QVERIFY(evaluated.last().at(0).toBool());
        QCOMPARE(wizard.state().evaluatedSplit, QStringLiteral("val")); // no test split
        // Said plainly: these figures are not from images set aside.
        auto* note = wizard.findChild<QLabel*>(QStringLiteral("evaluationSplitNote"));
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QStringLiteral("validation split")), qPrintable(note->text()));
        QTableWidget* labels = wizard.evaluationPage()->segmentationTable();
        QVERIFY(labels->isVisible());
        QCOMPARE(labels->rowCount(), 1);
        QCOMPARE(labels->verticalHeaderItem(0)->text(), QStringLiteral("label 1"));
        const double diceValue = labels->item(0, 0)->text().toDouble();
        QVERIFY2(diceValue > 0.5, qPrintable(labels->item(0, 0)->text())); // about 0.9: the disks are plain
        bool finite = false;
        QVERIFY(labels->item(0, 1)->text().toDouble(&finite) >= 0.0 && finite); // HD95 in mm
        saveScreenshot(wizard, "wizard-segmentation-evaluation");
        // The report says the same, and has no AUC column for a segmenter.
        TrainingReportContent content;
        content.state = &wizard.state();
        const QString html = trainingReportHtml(content);
        QVERIFY(html.contains(QStringLiteral("validation split, not from a test split")));
        QVERIFY(html.contains(QStringLiteral("Val Dice")) && !html.contains(QStringLiteral("Val AUC")));
    }

    void slideTiles()
    {
        // Tiles cut from the annotated demo slide (make-demo --small), a tile classifier on them.
        const QString demo = m_dir.filePath(QStringLiteral("demo"));
        QProcess make;
        make.start(QStringLiteral(RADPATH_BIN_DIR "/radpath-cli"), {"make-demo", demo, "--small"});
        QVERIFY(make.waitForFinished(120000) && make.exitCode() == 0);
        AppSettings settings(m_dir.filePath(QStringLiteral("state-tiles")));
        settings.setAiModelDir(m_dir.filePath(QStringLiteral("library-tiles")));
        JobRunner jobs(4);
        TrainingWizard wizard(jobs, settings);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        clickRadio(wizard.findChild<QRadioButton*>(QStringLiteral("taskTiles")));
        clickButton(&wizard, QWizard::NextButton);
        typeInto(wizard.findChild<QSpinBox*>(QStringLiteral("dataTileSize")), QStringLiteral("32"));
        typeInto(wizard.findChild<QDoubleSpinBox*>(QStringLiteral("dataMpp")), QStringLiteral("1"));
        QSignalSpy scanned(wizard.dataPage(), &TrainingDataPage::scanFinished);
        QTest::keyClicks(wizard.findChild<QLineEdit*>(QStringLiteral("dataFolder")), QDir(demo).filePath("slide"));
        QVERIFY(scanned.wait(60000));
        QVERIFY2(wizard.state().tiles, qPrintable(wizard.findChild<QLabel*>(QStringLiteral("dataStatus"))->text()));
        QCOMPARE(wizard.state().tileOptions.tileSize, 32);
        auto* counts = wizard.findChild<QTableWidget*>(QStringLiteral("dataCounts"));
        QCOMPARE(counts->rowCount(), 2);
        QCOMPARE(counts->verticalHeaderItem(0)->text(), QStringLiteral("Other"));
        QCOMPARE(counts->verticalHeaderItem(1)->text(), QStringLiteral("Tumor"));
        const int validationTiles = cellNumber(counts, 0, 1) + cellNumber(counts, 1, 1);
        QVERIFY(validationTiles > 0);
        saveScreenshot(wizard, "wizard-tiles-data");
        clickButton(&wizard, QWizard::NextButton);
        // The input is the tile, in colour.
        QCOMPARE(wizard.findChild<QSpinBox*>(QStringLiteral("modelHeight"))->value(), 32);
        QVERIFY(!wizard.findChild<QSpinBox*>(QStringLiteral("modelHeight"))->isEnabled());
        QCOMPARE(wizard.findChild<QComboBox*>(QStringLiteral("modelChannels"))->currentData().toInt(), 3);
        typeInto(wizard.findChild<QSpinBox*>(QStringLiteral("modelBaseFilters")), QStringLiteral("4"));
        clickButton(&wizard, QWizard::NextButton);
        typeInto(wizard.findChild<QSpinBox*>(QStringLiteral("settingsEpochs")), QStringLiteral("2"));
        typeInto(wizard.findChild<QSpinBox*>(QStringLiteral("settingsBatch")), QStringLiteral("32"));
        const TrainingConfig config = wizard.trainingConfig();
        QVERIFY(config.task == radpath::ai::ModelTask::TileClassification);
        QCOMPARE(config.mpp, 1.0);
        clickButton(&wizard, QWizard::NextButton);
        QSignalSpy ended(wizard.runPage(), &TrainingRunPage::runEnded);
        QTest::mouseClick(wizard.findChild<QPushButton*>(QStringLiteral("runStart")), Qt::LeftButton);
        QVERIFY(ended.wait(120000));
        QVERIFY2(ended.last().at(0).toBool(),
                 qPrintable(wizard.findChild<QLabel*>(QStringLiteral("runStatus"))->text()));
        QCOMPARE(wizard.findChild<QTableWidget*>(QStringLiteral("runEpochs"))->rowCount(), 2);
        QSignalSpy evaluated(wizard.evaluationPage(), &TrainingEvaluationPage::evaluated);
        clickButton(&wizard, QWizard::NextButton);
        QVERIFY(evaluated.wait(60000));
        QVERIFY(evaluated.last().at(0).toBool());
        QCOMPARE(wizard.state().evaluatedSplit, QStringLiteral("val"));
        QTableWidget* confusion = wizard.evaluationPage()->confusionTable();
        int sum = 0;
        for (int t = 0; t < 2; ++t)
            for (int p = 0; p < 2; ++p)
                sum += cellNumber(confusion, t, p);
        QCOMPARE(sum, validationTiles);
        clickButton(&wizard, QWizard::NextButton);
        QTest::mouseClick(wizard.findChild<QPushButton*>(QStringLiteral("exportInstall")), Qt::LeftButton);
        QTRY_VERIFY(!wizard.state().installedPath.isEmpty());
        QString problem;
        const auto summary = readModelSummary(wizard.state().installedPath, &problem);
        QVERIFY2(summary, qPrintable(problem));
        QVERIFY(summary->manifest.task == radpath::ai::ModelTask::TileClassification);
    }

    void fineTuneFromLibrary()
    {
        // The package exported above, fine-tuned on the same data with its features frozen.
        const QString library = m_dir.filePath(QStringLiteral("library"));
        if (!QFile::exists(QDir(library).filePath(QStringLiteral("disk-test.pt"))))
            QSKIP("needs the package of trainEvaluateAndExport");
        AppSettings settings(m_dir.filePath(QStringLiteral("state-fine-tune")));
        settings.setAiModelDir(library);
        JobRunner jobs(4);
        TrainingWizard wizard(jobs, settings);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        clickButton(&wizard, QWizard::NextButton);
        QSignalSpy scanned(wizard.dataPage(), &TrainingDataPage::scanFinished);
        QTest::keyClicks(wizard.findChild<QLineEdit*>(QStringLiteral("dataFolder")), m_data);
        QVERIFY(scanned.wait(20000));
        QTRY_VERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        clickButton(&wizard, QWizard::NextButton);
        auto* packages = wizard.findChild<QComboBox*>(QStringLiteral("modelPackage"));
        const int index = packages->findData(QDir(library).filePath(QStringLiteral("disk-test.pt")));
        QVERIFY2(index >= 0, "the library's classifier is offered");
        clickRadio(wizard.findChild<QRadioButton*>(QStringLiteral("modelFineTune")));
        packages->setCurrentIndex(index);
        // The package's layers, read by the engine: SimpleCNN's two convolution blocks and head.
        auto* layers = wizard.findChild<QListWidget*>(QStringLiteral("modelFreezeLayers"));
        QTRY_COMPARE_WITH_TIMEOUT(layers->count(), 5, 20000);
        QStringList names;
        for (int i = 0; i < layers->count(); ++i)
            names << layers->item(i)->text();
        QCOMPARE(names, (QStringList{"conv1", "bn1", "conv2", "bn2", "fc"}));
        QVERIFY(layers->isEnabled());
        layers->item(0)->setCheckState(Qt::Checked);
        QCOMPARE(wizard.trainingConfig().settings.freeze, (std::vector<std::string>{"conv1"}));
        saveScreenshot(wizard, "wizard-fine-tune");
        auto* freeze = wizard.findChild<QCheckBox*>(QStringLiteral("modelFreeze"));
        QVERIFY(freeze->isEnabled());
        QTest::mouseClick(freeze, Qt::LeftButton, {}, QPoint(8, freeze->height() / 2));
        QVERIFY(freeze->isChecked());
        QVERIFY(!layers->isEnabled()); // the head alone is trained: every other layer is frozen
        QVERIFY(!wizard.findChild<QSpinBox*>(QStringLiteral("modelHeight"))->isEnabled()); // the package's input
        clickButton(&wizard, QWizard::NextButton);
        typeInto(wizard.findChild<QSpinBox*>(QStringLiteral("settingsEpochs")), QStringLiteral("2"));
        auto* name = wizard.findChild<QLineEdit*>(QStringLiteral("settingsName"));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("Disk test tuned"));
        const TrainingConfig config = wizard.trainingConfig();
        QCOMPARE(config.settings.initialModel, QDir(library).filePath(QStringLiteral("disk-test.pt")).toStdString());
        QVERIFY(config.settings.freezeFeatures);
        clickButton(&wizard, QWizard::NextButton);
        QSignalSpy ended(wizard.runPage(), &TrainingRunPage::runEnded);
        QTest::mouseClick(wizard.findChild<QPushButton*>(QStringLiteral("runStart")), Qt::LeftButton);
        QVERIFY(ended.wait(120000));
        QVERIFY2(ended.last().at(0).toBool(),
                 qPrintable(wizard.findChild<QLabel*>(QStringLiteral("runStatus"))->text()));
        const TrainingConfig& used = wizard.state().config;
        QCOMPARE(used.inputSize(), (std::vector<int>{32, 32})); // adopted from the package
        QCOMPARE(used.settings.manifest.input.channels, 1);
        QString problem;
        const auto summary = readModelSummary(QString::fromStdString(wizard.state().outcome->packagePath), &problem);
        QVERIFY2(summary, qPrintable(problem));
        QCOMPARE(summary->manifest.name, std::string("Disk test tuned"));
    }

private:
    QTemporaryDir m_dir;
    QString m_data;
};

QTEST_MAIN(TrainingWizardTest)
#include "TrainingWizardTest.moc"
