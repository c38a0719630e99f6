#include "app/gui/TrainingExportPage.h"

#include "app/core/AppSettings.h"
#include "app/core/EvaluationReport.h"
#include "app/core/JobRunner.h"
#include "app/core/ModelInstall.h"
#include "app/gui/TrainingChart.h"
#include "app/gui/TrainingEvaluationPage.h"
#include "app/gui/TrainingReport.h"
#include "app/gui/TrainingRunPage.h"
#include "app/gui/TrainingWizard.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <stdexcept>

namespace radpath {
namespace app {
namespace {

/// A chart of another page as an image for the report. Pages not in front are squeezed by
/// the wizard, so the chart is drawn at a fixed size of its own and given back its size.
QImage chartImage(QWidget* chart)
{
    if (!chart)
        return {};
    if (chart->isVisible())
        return chart->grab().toImage();
    const QSize shown = chart->size();
    chart->resize(760, 460);
    const QImage image = chart->grab().toImage();
    chart->resize(shown);
    return image;
}

QString problem(const QString& text)
{
    return QStringLiteral("<span style=\"color:#c62828\">%1</span>").arg(text.toHtmlEscaped());
}

} // namespace

TrainingExportPage::TrainingExportPage(TrainingWizard& wizard) : QWizardPage(&wizard), m_wizard(wizard)
{
    setObjectName(QStringLiteral("trainingExportPage"));
    setTitle(tr("Export"));
    setSubTitle(tr("Add the model to your model library to run it from the AI panel, and keep a report of how "
                   "it was made."));
    setFinalPage(true);

    m_package = new QLabel(this);
    m_package->setObjectName(QStringLiteral("exportPackage"));
    m_package->setWordWrap(true);
    m_package->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_library = new QLabel(this);
    m_library->setObjectName(QStringLiteral("exportLibrary"));
    m_library->setWordWrap(true);
    m_install = new QPushButton(tr("Add to the model library"), this);
    m_install->setObjectName(QStringLiteral("exportInstall"));
    m_installed = new QLabel(this);
    m_installed->setObjectName(QStringLiteral("exportInstalled"));
    m_installed->setWordWrap(true);
    auto* libraryBox = new QGroupBox(tr("Model library"), this);
    auto* libraryLayout = new QVBoxLayout(libraryBox);
    libraryLayout->addWidget(m_package);
    libraryLayout->addWidget(m_library);
    auto* installRow = new QHBoxLayout;
    installRow->addWidget(m_install);
    installRow->addWidget(m_installed, 1);
    libraryLayout->addLayout(installRow);

    m_report = new QPushButton(tr("Save training report (PDF)…"), this);
    m_report->setObjectName(QStringLiteral("exportReport"));
    m_predictions = new QPushButton(tr("Save predictions (CSV)…"), this);
    m_predictions->setObjectName(QStringLiteral("exportPredictions"));
    m_saved = new QLabel(this);
    m_saved->setObjectName(QStringLiteral("exportSaved"));
    m_saved->setWordWrap(true);
    auto* reportBox = new QGroupBox(tr("Report"), this);
    auto* reportLayout = new QVBoxLayout(reportBox);
    auto* reportRow = new QHBoxLayout;
    reportRow->addWidget(m_report);
    reportRow->addWidget(m_predictions);
    reportRow->addStretch();
    reportLayout->addLayout(reportRow);
    reportLayout->addWidget(m_saved);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(libraryBox);
    layout->addWidget(reportBox);
    layout->addStretch();

    connect(m_install, &QPushButton::clicked, this, &TrainingExportPage::install);
    connect(m_report, &QPushButton::clicked, this, [this] {
        const QString suggested = QDir(m_wizard.workFolder()).filePath(QStringLiteral("training-report.pdf"));
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Save training report"), suggested, tr("PDF (*.pdf)"));
        QString error;
        if (!path.isEmpty() && !saveReport(path, &error))
            m_saved->setText(problem(error));
    });
    connect(m_predictions, &QPushButton::clicked, this, [this] {
        const QString suggested = QDir(m_wizard.workFolder()).filePath(QStringLiteral("predictions.csv"));
        const QString path = QFileDialog::getSaveFileName(this, tr("Save predictions"), suggested, tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !savePredictions(path, &error))
            m_saved->setText(problem(error));
    });
}

void TrainingExportPage::initializePage()
{
    updateState();
}

QString TrainingExportPage::libraryFolder() const
{
    const QString folder = m_wizard.appSettings().aiModelDir();
    return folder.isEmpty() ? QDir(m_wizard.appSettings().dataDir()).filePath(QStringLiteral("models")) : folder;
}

void TrainingExportPage::updateState()
{
    const TrainingWizardState& state = m_wizard.state();
    const QString package = state.outcome ? QString::fromStdString(state.outcome->packagePath) : QString();
    m_package->setText(package.isEmpty()
                           ? tr("No trained model yet.")
                           : tr("<b>%1</b> (%2)")
                                 .arg(QString::fromStdString(state.config.settings.manifest.name).toHtmlEscaped(),
                                      QDir::toNativeSeparators(package).toHtmlEscaped()));
    m_library->setText(tr("Library folder: %1").arg(QDir::toNativeSeparators(libraryFolder())));
    m_install->setEnabled(!package.isEmpty() && state.installedPath.isEmpty() && !isInstalling());
    if (!state.installedPath.isEmpty())
        m_installed->setText(tr("Added as %1. The AI panel lists it.").arg(QFileInfo(state.installedPath).fileName()));
    else if (isInstalling())
        m_installed->setText(tr("Copying the package into the library…"));
    else
        m_installed->clear();
    m_report->setEnabled(!package.isEmpty());
    m_predictions->setEnabled(state.classification.has_value() || state.segmentation.has_value());
}

void TrainingExportPage::install()
{
    const TrainingWizardState& state = m_wizard.state();
    if (!state.outcome || !state.installedPath.isEmpty() || isInstalling())
        return;
    const QString package = QString::fromStdString(state.outcome->packagePath);
    const QString folder = libraryFolder();
    // A package can be large: it is copied off the GUI thread.
    m_installing = m_wizard.jobs().run<QString>(
        tr("Adding %1 to the model library").arg(QFileInfo(package).fileName()), this,
        [package, folder](JobContext&) {
            QString error;
            const QString installed = installModelPackage(package, folder, &error);
            if (installed.isEmpty())
                throw std::runtime_error(error.toStdString());
            return installed;
        },
        [this, folder](const QString& installed) {
            m_installing = 0;
            // The library lists the settings' folder: a default one becomes it.
            if (m_wizard.appSettings().aiModelDir().isEmpty())
                m_wizard.appSettings().setAiModelDir(folder);
            m_wizard.state().installedPath = installed;
            updateState();
            emit m_wizard.modelInstalled(installed);
        },
        [this](const QString& message) {
            m_installing = 0;
            updateState();
            m_installed->setText(problem(tr("Not added: %1").arg(message)));
        });
    updateState();
}

bool TrainingExportPage::saveReport(const QString& path, QString* error)
{
    const TrainingWizardState& state = m_wizard.state();
    TrainingReportContent content;
    content.state = &state;
    content.packagePath = !state.installedPath.isEmpty() ? state.installedPath
                          : state.outcome                ? QString::fromStdString(state.outcome->packagePath)
                                                         : QString();
    content.lossChart = chartImage(m_wizard.runPage()->lossChart());
    content.metricChart = chartImage(m_wizard.runPage()->metricChart());
    if (state.classification) {
        content.rocChart = chartImage(m_wizard.evaluationPage()->rocChart());
        content.calibrationChart = chartImage(m_wizard.evaluationPage()->calibrationChart());
    }
    if (!writeTrainingReport(content, path, error))
        return false;
    m_saved->setText(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool TrainingExportPage::savePredictions(const QString& path, QString* error)
{
    const TrainingWizardState& state = m_wizard.state();
    QByteArray csv;
    if (state.classification)
        csv = predictionsCsv(*state.classification);
    else if (state.segmentation)
        csv = predictionsCsv(*state.segmentation);
    else
        return false;
    if (!writeFileAtomically(path, csv, error))
        return false;
    m_saved->setText(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace app
} // namespace radpath
