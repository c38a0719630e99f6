#include "app/gui/TrainingWizard.h"

#include "app/core/AppSettings.h"
#include "app/core/DatasetDecoder.h"
#include "app/core/JobRunner.h"
#include "app/gui/TrainingDataPage.h"
#include "app/gui/TrainingEvaluationPage.h"
#include "app/gui/TrainingExportPage.h"
#include "app/gui/TrainingModelPage.h"
#include "app/gui/TrainingRunPage.h"
#include "app/gui/TrainingSettingsPage.h"
#include "app/gui/TrainingTaskPage.h"

#include <QAbstractButton>
#include <QDir>
#include <QMessageBox>

namespace radpath {
namespace app {

TrainingWizard::TrainingWizard(JobRunner& jobs, AppSettings& settings, QWidget* parent)
    : QWizard(parent), m_jobs(jobs), m_settings(settings)
{
    setObjectName(QStringLiteral("trainingWizard"));
    setWindowTitle(tr("Train a model"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    setWindowModality(Qt::NonModal);

    m_taskPage = new TrainingTaskPage(*this);
    m_dataPage = new TrainingDataPage(*this);
    m_modelPage = new TrainingModelPage(*this);
    m_settingsPage = new TrainingSettingsPage(*this);
    m_runPage = new TrainingRunPage(*this);
    m_evaluationPage = new TrainingEvaluationPage(*this);
    m_exportPage = new TrainingExportPage(*this);
    setPage(TaskPageId, m_taskPage);
    setPage(DataPageId, m_dataPage);
    setPage(ModelPageId, m_modelPage);
    setPage(SettingsPageId, m_settingsPage);
    setPage(RunPageId, m_runPage);
    setPage(EvaluationPageId, m_evaluationPage);
    setPage(ExportPageId, m_exportPage);
    setStartId(TaskPageId);
    resize(1120, 820);
}

TrainingWizard::~TrainingWizard()
{
    // A run still going stops at its next batch; its checkpoint stays for a later resume.
    m_runPage->cancel();
    m_evaluationPage->cancel();
    clearDecodeCache();
}

ai::ModelTask TrainingWizard::task() const
{
    return m_taskPage->task();
}

QJsonObject TrainingWizard::configJson() const
{
    QJsonObject json;
    m_taskPage->describe(json);
    m_dataPage->describe(json);
    m_modelPage->describe(json);
    m_settingsPage->describe(json);
    return json;
}

TrainingConfig TrainingWizard::trainingConfig() const
{
    return trainingConfigFromJson(configJson(), QDir::currentPath(), tr("the training wizard"));
}

QString TrainingWizard::workFolder() const
{
    return QDir(m_settings.dataDir()).filePath(QStringLiteral("training/") + m_settingsPage->fileStem());
}

void TrainingWizard::setBusy(bool busy)
{
    m_busy = busy;
    // QWizard enables Back and Cancel again whenever a page's completeness changes: callers
    // emit completeChanged() first, then call this.
    if (QAbstractButton* back = button(QWizard::BackButton); back && busy)
        back->setEnabled(false);
    if (QAbstractButton* cancel = button(QWizard::CancelButton))
        cancel->setEnabled(!busy);
}

void TrainingWizard::reject()
{
    if (m_busy) {
        const auto answer = QMessageBox::question(this, tr("Train a model"),
                                                  tr("A job of the wizard is still running. Stop it and close? "
                                                     "A training run keeps its last checkpoint."));
        if (answer != QMessageBox::Yes)
            return;
        m_runPage->cancel();
        m_evaluationPage->cancel();
    }
    QWizard::reject();
}

void TrainingWizard::done(int result)
{
    QWizard::done(result);
    // The cache makes a second run decode nothing; a closed wizard has no second run to
    // speed up, and the images can take up to the cache's budget (2 GiB).
    clearDecodeCache();
}

} // namespace app
} // namespace radpath
