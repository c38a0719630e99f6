#include "app/gui/AiDock.h"

#include "app/core/AiModule.h"
#include "app/core/AppSettings.h"
#include "app/core/JobRunner.h"
#include "radpath/ai/Engine.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <stdexcept>

namespace radpath {
namespace app {

AiDock::AiDock(JobRunner& jobs, AppSettings& settings, QWidget* parent)
    : QDockWidget(tr("AI"), parent), m_jobs(jobs), m_settings(settings)
{
    setObjectName(QStringLiteral("aiDock"));
    auto* body = new QWidget(this);
    m_status = new QLabel(tr("The AI engine loads when AI is first used.\n"
                             "Models shipped with RadPath are demonstrations, not for clinical use."),
                          body);
    m_status->setObjectName(QStringLiteral("aiStatus"));
    m_status->setWordWrap(true);
    m_check = new QPushButton(tr("Check AI engine"), body);
    m_check->setObjectName(QStringLiteral("aiCheckButton"));
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_status);
    layout->addWidget(m_check);
    layout->addStretch();
    setWidget(body);
    connect(m_check, &QPushButton::clicked, this, &AiDock::checkEngine);
}

void AiDock::checkEngine()
{
    m_check->setEnabled(false);
    m_status->setText(tr("Loading the AI engine…"));
    const bool cuda = m_settings.aiDevice() == QLatin1String("cuda");
    const int threads = m_settings.workerThreads();
    m_jobs.run<QString>(
        tr("Checking the AI engine"), this,
        [cuda, threads](JobContext& ctx) {
            ctx.setProgress(0.1, tr("loading LibTorch"));
            QString error;
            ai::Engine* engine = AiModule::instance().engine(&error);
            if (!engine)
                throw std::runtime_error(error.toStdString());
            engine->setThreads(threads);
            ctx.setProgress(0.6, tr("testing the device"));
            const ai::RuntimeInfo info = engine->runtimeInfo();
            const ai::DeviceCheck check = engine->checkDevice(cuda ? ai::Device::Cuda : ai::Device::Cpu);
            return tr("LibTorch %1, CUDA %2, %3 threads.\nDevice %4: %5 (%6)")
                .arg(QString::fromStdString(info.torchVersion))
                .arg(info.cudaAvailable ? tr("available") : tr("not available"))
                .arg(info.intraOpThreads)
                .arg(QString::fromStdString(ai::toString(check.device)))
                .arg(check.ok ? tr("works") : tr("failed"))
                .arg(QString::fromStdString(check.message));
        },
        [this](QString report) {
            m_status->setText(report);
            m_check->setEnabled(true);
        },
        [this](const QString& message) {
            m_status->setText(tr("The AI engine is unavailable: %1").arg(message));
            m_check->setEnabled(true);
        });
}

} // namespace app
} // namespace radpath
